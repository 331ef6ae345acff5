/// Reads title, agency, year and signing date from a repaired report.
enum MetaReader {
  /// The report's title: the first short line near the top naming a year and a 报告 (an
  /// agency line above a "2021年…报告" line is joined to it), else the first short block of
  /// lines that names a 报告 (a title wrapped over two lines is joined), with the spaces PDF
  /// and Word exports put around Chinese text removed. Lines with a field colon, a tab or
  /// a breadcrumb's > or | are left for what is left of a portal page around the report;
  /// a catalogue's field name before the title (`fieldNames`: 名称) whose colon was lost is not
  /// part of it.
  static func title(preamble: [String], hint: String?, fieldNames: [String] = []) -> String? {
    let fieldNames = fieldNames.map(Array.init)
    let top = Array(preamble.prefix(12)).map { titleCandidate($0, fieldNames: fieldNames) }
    for (index, candidate) in top.enumerated() {
      // Several reports named on the line (a 相关文章 box's links run together) before it is
      // cut at its first title's 报告.
      guard let whole = candidate.map(lastTitle(in:)), !namesSeveralReports(whole) else { continue }
      let line = withoutLeadingMarks(endingAtReport(whole))
      guard line.containsText("报告"), year(inTitle: line) != nil, line.count <= 60,
        !line.hasPrefix("本报告"), !line.hasPrefix("报告"), !line.hasPrefix("根据"),
        !endsSentenceInside(line), !namesDay(line), namesBodyCleanly(line)
      else { continue }
      if namesNoBody(line), index > 0,
        let above = top[index - 1], above.count <= 30, !above.containsText("报告"), year(inTitle: above) == nil,
        !ParagraphBuilder.endsSentence(above)
      {
        return cleanTitle(above + line)
      }
      return cleanTitle(line)
    }
    let lines = Array(top.prefix(6))
    for start in lines.indices {
      guard var title = lines[start] else { continue }
      var next = start + 1
      while !title.containsText("报告"), next < lines.count, let line = lines[next], title.count <= 40,
        line.count <= 30, !ParagraphBuilder.endsSentence(line)
      {
        title += line
        next += 1
      }
      if title.containsText("报告"), title.count <= 60, !title.hasPrefix("本报告"), !title.hasPrefix("根据"),
        !namesSeveralReports(title), !endsSentenceInside(title), namesBodyCleanly(title)
      {
        return cleanTitle(title)
      }
    }
    if let hint, hint.contains("报告") { return cleanTitle(hint) }
    return nil
  }

  /// `line` without one or two marks before a body's name that is printed cleanly (a scan's
  /// specks read as `A，` before 石门镇人民政府2022年…报告): no digit, letter-like or not, no
  /// ideograph; else `line` as it is. Kept, the marks made the body's name unclean and the
  /// report had no title.
  static func withoutLeadingMarks(_ line: String) -> String {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    let marks = trimmed.prefix { character in
      !character.unicodeScalars.allSatisfy(LabelText.isIdeograph) && !character.isASCIIDigit
        && !"（(〇○".contains(character)
    }
    let rest = String(trimmed.dropFirst(marks.count)).trimmingCharacters(in: .whitespaces)
    guard !marks.isEmpty, marks.filter({ !$0.isWhitespace }).count <= 2, !namesBodyCleanly(trimmed),
      namesBodyCleanly(rest), firstYearStart(in: Array(rest.filter { !$0.isWhitespace })).map({ $0 >= 2 }) == true
    else { return line }
    return rest
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

  /// Whether a line names a day (`1月1日`, `12月 31日`): the opening paragraph's statistics
  /// period (…统计期限自2022年1月1日起…), whose 本 a scan may leave on the line above, never a
  /// title.
  static func namesDay(_ line: String) -> Bool {
    let characters = Array(line.filter { $0 != " " })
    return characters.indices.contains { index in
      guard characters[index] == "月", index > 0, characters[index - 1].isASCIIDigit else { return false }
      let day = characters[(index + 1)...].prefix { $0.isASCIIDigit }
      return (1...2).contains(day.count) && characters.indices.contains(index + 1 + day.count)
        && characters[index + 1 + day.count] == "日"
    }
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

  /// The line, or the part of it that may be (part of) a title. A line with a field colon, a >
  /// or |, or the _ of a page title "报告_网站名" a browser prints above the page is none. A
  /// line with tabs but none of those is text set side by side (a scan's portal page: a side
  /// box beside the title, a field name without its colon), and its part naming a 报告 is the
  /// candidate.
  private static func titleCandidate(_ line: String, fieldNames: [[Character]]) -> String? {
    guard line.contains("\t") else { return breaksTitle(line) ? nil : afterFieldName(line, names: fieldNames) }
    let parts = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard var index = parts.lastIndex(where: { $0.containsText("报告") }), !breaksTitle(parts[index]) else {
      return nil
    }
    // A title in large type a scan splits at its gaps (`青山 县中医医院\t201\t9\t年…报告`): the
    // parts before it are taken while it names no year, or names no body before its year.
    var title = parts[index]
    while index > 0, year(inTitle: title) == nil || namesNoBody(title), !breaksTitle(parts[index - 1]),
      title.count + parts[index - 1].count <= 60
    {
      index -= 1
      title = parts[index] + title
    }
    return afterFieldName(title, names: fieldNames)
  }

  /// The line without a catalogue field name (of `names`) before the title whose colon a scan
  /// lost (`名 称 西岭师范学院 2019 年…报告`): the name, letter-spaced or not, then a blank; else
  /// the line as it is. Taken whole, the field's name went into the title and the agency.
  static func afterFieldName(_ line: String, names: [[Character]]) -> String {
    let characters = Array(line)
    for name in names {
      var index = 0
      var matched = 0
      while index < characters.count, matched < name.count {
        if characters[index].isWhitespace {
          index += 1
        } else if characters[index] == name[matched] {
          matched += 1
          index += 1
        } else {
          break
        }
      }
      guard matched == name.count, index < characters.count, characters[index].isWhitespace else { continue }
      let rest = String(characters[index...]).trimmingCharacters(in: .whitespaces)
      if !rest.isEmpty { return rest }
    }
    return line
  }

  /// Whether a line (or a tab-separated part of one) holds a field colon, a > or |, or a _.
  private static func breaksTitle(_ text: String) -> Bool {
    text.unicodeScalars.contains { titleBreakers.contains($0) }
  }

  /// The line up to the 报告 that ends the title named after its first year (and a bracket
  /// right after it, `（全文）`): what follows on the line is what the page put beside the
  /// title (a side box's link, the site's name after a browser header's page title, a
  /// related report), which a scan reads as the same line.
  static func endingAtReport(_ line: String) -> String {
    let characters = Array(line)
    guard let firstYear = yearEnds(in: characters).first else { return line }
    var index = firstYear
    while index + 1 < characters.count, !(characters[index] == "报" && characters[index + 1] == "告") { index += 1 }
    guard index + 1 < characters.count else { return line }
    var end = index + 2
    if end < characters.count, "（(".contains(characters[end]),
      let close = characters[end...].firstIndex(where: { "）)".contains($0) })
    {
      end = close + 1
    }
    return String(characters[..<end])
  }

  /// Whether what a title says before its year (before 政府信息公开 without one) is a body's
  /// name as printed: no ideograph, or two or more and nothing but ideographs and brackets.
  /// A scan reads a browser header's date and time (`12/2126, .891AM`) or a banner's
  /// ornament (`放立信SS贞`, `、`) into the title's line; such a line is no title.
  static func namesBodyCleanly(_ title: String) -> Bool {
    let text = String(title.filter { !$0.isWhitespace })
    let compact = Array(text)
    let marker = ["政府信息公开", "政务公开", "信息公开"].compactMap { text.range(of: $0) }.map(\.lowerBound).min()
    let end = firstYearStart(in: compact) ?? marker.map { text.distance(from: text.startIndex, to: $0) } ?? 0
    let body = compact[..<end]
    let ideographs = body.filter { $0.unicodeScalars.allSatisfy(LabelText.isIdeograph) }.count
    return body.allSatisfy { $0.unicodeScalars.allSatisfy(LabelText.isIdeograph) || "（）()〇○".contains($0) }
      && ideographs != 1
  }

  private static let titleBreakers = Set("：:>|｜_".unicodeScalars)

  /// How a title goes on after its year, for telling where a cut-off title run into the real
  /// one ends.
  private static let titleTails = ["政府信息公开工作年度报告", "政务公开工作年度报告", "信息公开工作年度报告", "政府信息公开年度报告"]

  /// `title` with the words after its year mended where a scan misread one character of a
  /// title's fixed tail (政府信息公开=作年度报告 for …工作年度报告), and the tail as read and
  /// as mended; `nil` when the tail is one of ``titleTails`` or more than one character off.
  static func mendedTail(_ title: String) -> (title: String, read: String, mended: String)? {
    let characters = Array(title)
    guard let year = yearEnds(in: characters).last else { return nil }
    var start = year
    if start < characters.count, characters[start] == "度" { start += 1 }
    let read = Array(characters[start...])
    for tail in titleTails.map(Array.init) where tail.count == read.count && tail != read {
      let differing = zip(read, tail).filter { $0 != $1 }
      // The character read is no ideograph of the tail's words: a stroke or mark (=, 一, 土).
      guard differing.count == 1, let (wrong, _) = differing.first, !tail.contains(wrong) else { continue }
      return (String(characters[..<start] + tail), String(read), String(tail))
    }
    return nil
  }

  /// The last of two titles run together on one line: a portal's side box puts a link cut
  /// off after its year (`青石县人民政府2022年政府信息`) beside the report's title, and a
  /// scan reads both as one line. The first title's text after its year follows a title's
  /// tail (two characters of it at least) only so far, and never to its 报告; where it stops, and two or more
  /// ideographs and a second year follow, the second title starts. Any other line is returned as it is.
  static func lastTitle(in line: String) -> String {
    let characters = Array(line)
    let years = yearEnds(in: characters)
    guard years.count >= 2 else { return line }
    var position = years[0]
    if position < characters.count, characters[position] == "度" { position += 1 }
    let rest = characters[position...]
    guard let cutOff = titleTails.map({ followed(rest, by: Array($0)) }).max(by: { $0.matched < $1.matched }),
      cutOff.matched >= 2
    else { return line }
    position += cutOff.length
    let secondYear = yearStart(before: years[1], in: characters)
    guard position <= secondYear, !String(characters[years[0]..<secondYear]).contains("报告") else { return line }
    let agency = characters[position..<secondYear]
    guard agency.filter({ $0.unicodeScalars.allSatisfy(LabelText.isIdeograph) }).count >= 2, !agency.contains("年")
    else { return line }
    return String(characters[position...]).trimmingCharacters(in: .whitespaces)
  }

  /// How far `text` follows `tail` from its start, spaces skipped: the length of `text` up to
  /// the last character matched, and how many of the tail's characters matched.
  private static func followed(_ text: ArraySlice<Character>, by tail: [Character]) -> (length: Int, matched: Int) {
    var length = 0
    var matched = 0
    for (offset, character) in text.enumerated() where character != " " {
      guard matched < tail.count, character == tail[matched] else { break }
      matched += 1
      length = offset + 1
    }
    return (length, matched)
  }

  /// The indices just past each four-digit year's 年 (spaces allowed between digits and 年).
  private static func yearEnds(in characters: [Character]) -> [Int] {
    var ends: [Int] = []
    var digits = 0
    for (index, character) in characters.enumerated() {
      if character.isASCIIDigit {
        digits += 1
      } else if character == "年", digits == 4 {
        ends.append(index + 1)
        digits = 0
      } else if character != " " {
        digits = 0
      }
    }
    return ends
  }

  /// Where the first year of `characters` (its digits, before 年) starts, if it names one.
  private static func firstYearStart(in characters: [Character]) -> Int? {
    yearEnds(in: characters).first.map { yearStart(before: $0, in: characters) }
  }

  /// Where the year whose 年 ends at `end` starts.
  private static func yearStart(before end: Int, in characters: [Character]) -> Int {
    var index = end - 1
    var digits = 0
    while index > 0, digits < 4 {
      index -= 1
      if characters[index].isASCIIDigit { digits += 1 }
    }
    return index
  }

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

  /// The first year (four digits, or Chinese numerals like 二〇二一) followed by 年, spaces and
  /// tabs between skipped (a scan splits a title in large type at its gaps: `局2020\t年`).
  /// Runs over scalars, not Characters: it may be handed a whole overview section.
  static func year(inTitle text: String) -> Int? {
    var recent: [Unicode.Scalar] = []  // the last four non-space scalars
    recent.reserveCapacity(5)
    for scalar in text.unicodeScalars where scalar != " " && scalar != "\t" {
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
      if let offset = firstYearStart(in: Array(title)) {
        let start = title.index(title.startIndex, offsetBy: offset)
        if start < end { end = start }
      }
      var prefix = String(title[..<end])
      for suffix in ["关于", "的"] where prefix.hasSuffix(suffix) { prefix.removeLast(suffix.count) }
      if prefix.unicodeScalars.filter(LabelText.isIdeograph).count >= 2 { return prefix }
    }
    return signature
  }
}
