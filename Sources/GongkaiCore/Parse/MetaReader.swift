/// Reads title, agency, year and signing date from a repaired report.
enum MetaReader {
  /// The report's title: the first short block of lines near the top that names a 报告
  /// (a title wrapped over two lines, or an agency line above "2021年…报告", is joined),
  /// with the spaces PDF and Word exports put around Chinese text removed.
  static func title(preamble: [String], hint: String?) -> String? {
    let top = Array(preamble.prefix(6))
    for start in top.indices {
      var title = top[start]
      var next = start + 1
      while !title.containsText("报告"), next < top.count, title.count <= 40, top[next].count <= 30,
        !ParagraphBuilder.endsSentence(top[next])
      {
        title += top[next]
        next += 1
      }
      if title.containsText("报告"), title.count <= 60, !title.hasPrefix("本报告"), !title.hasPrefix("根据") {
        return cleanTitle(title)
      }
    }
    if let hint, hint.contains("报告") { return cleanTitle(hint) }
    return nil
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
