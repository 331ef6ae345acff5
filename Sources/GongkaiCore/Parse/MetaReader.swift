/// Reads title, agency, year and signing date from a repaired report.
enum MetaReader {
  /// The report's title: the first short line near the top naming a year and a 报告 (an
  /// agency line above a "2021年…报告" line is joined to it), else the first short block of
  /// lines that names a 报告 (a title wrapped over two lines is joined), with the spaces PDF
  /// and Word exports put around Chinese text removed. Lines with a field colon, a tab or
  /// a breadcrumb's > or | are left for what is left of a portal page around the report.
  static func title(preamble: [String], hint: String?) -> String? {
    let top = Array(preamble.prefix(12)).map { isTitleLike($0) ? $0 : nil }
    for (index, line) in top.enumerated() {
      guard let line, line.containsText("报告"), year(inTitle: line) != nil, line.count <= 60,
        !line.hasPrefix("本报告"), !line.hasPrefix("根据"), !namesSeveralReports(line), !endsSentenceInside(line)
      else { continue }
      if namesNoBody(line), index > 0,
        let above = top[index - 1], above.count <= 30, !above.containsText("报告"), year(inTitle: above) == nil,
        !ParagraphBuilder.endsSentence(above)
      {
        return cleanTitle(above + line)
      }
      return cleanTitle(line)
    }
    let lines = Array(preamble.prefix(6))
    for start in lines.indices where top.indices.contains(start) && top[start] != nil {
      var title = lines[start]
      var next = start + 1
      while !title.containsText("报告"), next < lines.count, top[next] != nil, title.count <= 40,
        lines[next].count <= 30, !ParagraphBuilder.endsSentence(lines[next])
      {
        title += lines[next]
        next += 1
      }
      if title.containsText("报告"), title.count <= 60, !title.hasPrefix("本报告"), !title.hasPrefix("根据"),
        !namesSeveralReports(title), !endsSentenceInside(title)
      {
        return cleanTitle(title)
      }
    }
    if let hint, hint.contains("报告") { return cleanTitle(hint) }
    return nil
  }

  /// Whether a sentence ends inside the line (a 。 before its last character): a line of the
  /// opening paragraph (…其他需要报告的事项。本报告所列数据的统计期限自2022年…), which names a
  /// 报告 and a year, never a title. A scan's lines are the page's lines, so where the title
  /// wrapped (…工作 / 年度报告) such a line was the first to name both.
  static func endsSentenceInside(_ line: String) -> Bool {
    var text = Substring(line)
    while text.last?.isWhitespace == true { text = text.dropLast() }
    return text.dropLast().contains("。")
  }

  /// Whether a line names two or more reports, each with its year (`…2022年…年度报告…2021年
  /// …年度报告`): the links of a portal's 相关文章 box run together, never one title.
  static func namesSeveralReports(_ line: String) -> Bool {
    line.components(separatedBy: "报告").dropLast().filter { year(inTitle: $0) != nil }.count >= 2
  }

  /// Whether a title line starts with its year and goes on with 政府信息公开 (no body named:
  /// the line above names it).
  private static func namesNoBody(_ line: String) -> Bool {
    var rest = Substring(line.filter { !$0.isWhitespace })
    let year = rest.prefix { $0.isASCIIDigit || "〇○零一二三四五六七八九".contains($0) }
    guard (4...4).contains(year.count) else { return false }
    rest = rest.dropFirst(year.count)
    guard rest.hasPrefix("年") else { return false }
    rest = rest.dropFirst(rest.hasPrefix("年度") ? 2 : 1)
    return ["政府信息公开", "政务公开", "信息公开"].contains { rest.hasPrefix($0) }
  }

  /// Whether a line may be (part of) a title: no field colon, tab, > or |, nor the _ of a
  /// page title "报告_网站名" a browser prints above the page.
  private static func isTitleLike(_ line: String) -> Bool {
    !line.unicodeScalars.contains { titleBreakers.contains($0) }
  }

  private static let titleBreakers = Set("：:\t>|｜_".unicodeScalars)

  /// Removes spaces next to Chinese characters and folds the rest.
  static func cleanTitle(_ text: String) -> String {
    let scalars = Array(ParagraphBuilder.collapseSpaces(text).unicodeScalars)
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      if scalar == " " {
        let before = index > 0 ? scalars[index - 1] : " "
        let after = index + 1 < scalars.count ? scalars[index + 1] : " "
        if !(before.isASCII && after.isASCII) { continue }
      }
      result.append(scalar)
    }
    return String(result)
  }

  /// The first year (four digits, or Chinese numerals like 二〇二一) followed by 年.
  /// Runs over scalars, not Characters: it may be handed a whole overview section.
  static func year(inTitle text: String) -> Int? {
    var recent: [Unicode.Scalar] = []  // the last four non-space scalars
    recent.reserveCapacity(5)
    for scalar in text.unicodeScalars where scalar != " " {
      if scalar == "年", recent.count == 4 {
        var digits = 0
        var isNumber = true
        for digit in recent {
          guard ("0"..."9").contains(digit) else {
            isNumber = false
            break
          }
          digits = digits * 10 + Int(digit.value - 48)
        }
        let candidate =
          isNumber ? digits : DateReader.chineseNumber(String(String.UnicodeScalarView(recent)), isYear: true)
        if let year = candidate, (2000...2100).contains(year) { return year }
      }
      recent.append(scalar)
      if recent.count > 4 { recent.removeFirst() }
    }
    return nil
  }

  /// The reporting body: what the title says before the year or before "政府信息公开",
  /// else the signature line.
  static func agency(title: String?, signature: String?) -> String? {
    if let title {
      var end = title.endIndex
      for marker in ["政府信息公开", "政务公开", "信息公开", "年度报告", "工作报告"] {
        if let range = title.rangeOfText(marker), range.lowerBound < end { end = range.lowerBound }
      }
      if let yearRange = title.firstRange(where4DigitYear: ()), yearRange < end { end = yearRange }
      var prefix = String(title[..<end])
      for suffix in ["关于", "的"] where prefix.hasSuffix(suffix) { prefix.removeLast(suffix.count) }
      if prefix.unicodeScalars.filter(LabelText.isIdeograph).count >= 2 { return prefix }
    }
    return signature
  }
}

extension String {
  /// Where the first 4-digit year followed by 年 starts, if any.
  fileprivate func firstRange(where4DigitYear: Void) -> String.Index? {
    var digits = 0
    var runStart = startIndex
    for index in indices {
      let character = self[index]
      if character.isASCIIDigit {
        if digits == 0 { runStart = index }
        digits += 1
      } else if character == "年", digits == 4 {
        return runStart
      } else if character != " " || digits == 0 {
        digits = 0
      }
    }
    return nil
  }
}
