/// Finds the headings 一 … 六 of a report (with or without their numerals, with suffixes
/// such as （数据填报）) and splits the lines into the parts they head.
struct SectionSplitter {
  /// A part of the report: which section, and the lines under its heading.
  struct Span {
    /// Index of the section in the template's list.
    var index: Int
    /// The section key.
    var key: String
    /// The line index of the heading.
    var heading: Int
    /// Line indices of the body (after the heading, up to the next heading).
    var body: Range<Int>
    /// Whether no heading was read and the span starts at its table's header rows instead
    /// (the heading lost on a scan: `heading` is the header's first line, in the body too).
    var inferred = false
  }

  private let sections: [(key: String, title: [Unicode.Scalar], bigrams: [UInt64])]
  /// How many enumeration commas (、) each title has itself (行政复议、行政诉讼).
  private let titleCommas: [Int]

  private let maximumTitleLength: Int
  /// The first two characters of every title, as packed pairs: a heading has them.
  private let titleStarts: [UInt64]
  /// One bit per value of a title start's second character modulo 64: a quick screen.
  private let secondCharacterMask: UInt64

  /// Per section index: the keys of the words of its table's header no other table's
  /// header has (自然人, 商业企业 … for table 三; 行政复议, 结果维持 … for table 四).
  private let headerWords: [Int: Set<String>]

  /// Prepares the splitter for a form's sections; `headerWords` gives, per table key, the
  /// words its header row shows (column and group labels).
  init(sections: [ReportTemplate.Section], headerWords: [String: [String]] = [:]) {
    var keys: [Int: Set<String>] = [:]
    for (index, section) in sections.enumerated() {
      guard let table = section.table, let words = headerWords[table] else { continue }
      keys[index] = Set(words.map { LabelText.key($0) }.filter { $0.count >= 2 })
    }
    // A word two tables share (总计) tells neither apart.
    for (index, words) in keys {
      let others = keys.filter { $0.key != index }.values.reduce(into: Set<String>()) { $0.formUnion($1) }
      keys[index] = words.subtracting(others)
    }
    self.headerWords = keys
    self.sections = sections.map { section in
      let title = LabelText.normalized(section.title)
      return (section.key, title, LabelText.bigrams(title))
    }
    titleCommas = sections.map { $0.title.unicodeScalars.filter { $0 == "、" }.count }
    maximumTitleLength = self.sections.map(\.title.count).max() ?? 0
    // Every rule below needs the title's first pair in the line: at its start, or with
    // all the others.
    var ends: [UInt64] = []
    for section in self.sections where section.title.count >= 2 {
      ends.append(Self.pair(section.title[0], section.title[1]))
    }
    titleStarts = ends
    secondCharacterMask = ends.reduce(0) { $0 | 1 << ($1 & 63) }
  }

  /// The spans of `lines`, in order; sections not found are absent.
  func split(_ lines: [DocumentLine]) -> [Span] {
    var headings: [(section: Int, line: Int)] = []
    var last = -1
    for (lineIndex, line) in lines.enumerated() where !line.isBlank {
      // A heading may sit in a table's first row (merged over its width, or letter-spaced
      // over several cells); a row with a number in it is a table row, never a heading.
      if let section = headingSection(line.text, after: last), !line.hasTab || Self.isTextOnlyRow(line.text) {
        headings.append((section, lineIndex))
        last = section
      } else if line.hasTab, let phrase = Self.leadingPhrase(line.text),
        let section = headingSection(phrase, after: last), Self.isTextOnlyRow(line.text)
      {
        // A converter that flattens a table's header rows into one joins a heading row in
        // the table (三、收到和处理… over the header) with the cell under it in one field.
        headings.append((section, lineIndex))
        last = section
      }
    }
    var inferred = Set<Int>()
    for (section, words) in headerWords.sorted(by: { $0.key < $1.key }) where !words.isEmpty {
      guard !headings.contains(where: { $0.section == section }) else { continue }
      // Between the headings of the sections around it, the first header row of its table.
      let from = headings.last { $0.section < section }.map { $0.line + 1 } ?? 0
      let to = headings.first { $0.section > section }?.line ?? lines.count
      guard from < to, let start = headerStart(lines, in: from..<to, words: words) else { continue }
      headings.append((section, start))
      inferred.insert(start)
    }
    headings.sort { $0.line < $1.line }
    return headings.enumerated().map { position, heading in
      let end = position + 1 < headings.count ? headings[position + 1].line : lines.count
      let isInferred = inferred.contains(heading.line)
      return Span(
        index: heading.section, key: sections[heading.section].key, heading: heading.line,
        body: (isInferred ? heading.line : heading.line + 1)..<end, inferred: isInferred)
    }
  }

  /// The first line of a table's header in `range` when its heading was not read (a scan
  /// reads the heading above a table as noise): the first row of text only, in cells, with
  /// two or more of the table's own header words as whole cells, and the text-only rows
  /// in cells right above it (申请人情况 over 自然人 …, the header's upper rows).
  func headerStart(_ lines: [DocumentLine], in range: Range<Int>, words: Set<String>) -> Int? {
    guard
      let found = range.first(where: { index in
        let line = lines[index]
        guard line.hasTab, Self.isTextOnlyRow(line.text) else { return false }
        let cells = Set(line.text.split(separator: "\t").map { LabelText.key($0) })
        return cells.intersection(words).count >= 2
      })
    else { return nil }
    var start = found
    while start > range.lowerBound, lines[start - 1].hasTab, Self.isTextOnlyRow(lines[start - 1].text) {
      start -= 1
    }
    return start
  }

  /// The first field of a table row up to its first blank, when the field goes on after it.
  static func leadingPhrase(_ text: Substring) -> Substring? {
    let field = text.prefix { $0 != "\t" }
    guard let blank = field.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }), blank > field.startIndex,
      field[blank...].contains(where: { $0 != " " && $0 != "\u{3000}" })
    else { return nil }
    return field[..<blank]
  }

  /// Whether no tab-separated field of `text` is a number or placeholder.
  static func isTextOnlyRow(_ text: Substring) -> Bool {
    !text.split(separator: "\t").contains { CellText.parse($0) != nil }
  }

  /// Two characters packed into one integer.
  private static func pair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
    UInt64(first.value) << 32 | UInt64(second.value)
  }

  /// Whether the line holds the first two characters of some title, blanks between them
  /// ignored (letter-spaced text). Runs on every line, so it decodes the bytes itself
  /// and screens each pair by its second character.
  private func hasTitleStart(_ text: Substring) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var previous: UInt32 = 0
      var index = 0
      while index < bytes.count {
        let (value, length) = decodeScalar(bytes, at: index)
        index += length
        if value == 32 || value == 9 || value == 0x3000 { continue }
        if secondCharacterMask & (1 << UInt64(value & 63)) != 0 {
          let pair = UInt64(previous) << 32 | UInt64(value)
          if titleStarts.contains(pair) { return true }
        }
        previous = value
      }
      return false
    }
  }

  /// Whether a line that names a title is a piece of a sentence listing the parts, as a
  /// preamble wrapped inside a name leaves it (…主动公开政府信息情况、收到和处理政府信息公开 /
  /// 申请情况、政府信息公开行政复议、行政诉讼情况、…): it goes on with a comma, or holds
  /// more enumeration commas than its numbering and the title have.
  /// A 、 with nothing before it numbers the heading only where `bareComma` (see
  /// ``numberingComma(_:bare:)``).
  private func listsParts(_ line: Substring, commasInTitle: Int, bareComma: Bool) -> Bool {
    var visible: [Unicode.Scalar] = []
    for scalar in line.unicodeScalars where !scalar.isSpaceLike { visible.append(scalar) }
    guard let last = visible.last else { return false }
    if last == "、" || last == "，" || last == "," { return true }
    var commas = visible.reduce(0) { $0 + ($1 == "、" ? 1 : 0) }
    if Self.numberingComma(visible, bare: bareComma) { commas -= 1 }
    return commas > commasInTitle
  }

  /// Whether the first 、 of a line's visible characters ends its numbering: it stands one
  /// to three characters in, after nothing but numerals, letters, digits or marks — a
  /// numeral the scan garbled into marks (=-、 for 三、) still numbers the heading, while a
  /// character of a title before it (况、收到和处理…) makes it a list's comma. With `bare`,
  /// a 、 with nothing before it counts too (the numeral lost: 、主动公开…): only for the
  /// section right after one already found, as a preamble's wrapped list (…总体情况 /
  /// 、收到和处理…) comes before the first heading.
  static func numberingComma(_ visible: [Unicode.Scalar], bare: Bool = false) -> Bool {
    guard let comma = visible.prefix(4).firstIndex(of: "、"), comma >= (bare ? 0 : 1) else { return false }
    return visible[..<comma].allSatisfy { !LabelText.isIdeograph($0) || LabelText.isChineseNumeral($0) }
  }

  /// The section a line (without tabs) is the heading of, if it is one, among those after `last`.
  func headingSection(_ text: Substring, after last: Int) -> Int? {
    // A heading has no tab and at least four Chinese characters (12 bytes).
    guard (12...(48 * 3 + 40)).contains(text.utf8.count), hasTitleStart(text)
    else { return nil }
    var line = text
    let (range, length) = line.withUTF8 { bytes in
      let range = BlankBytes.trimmed(bytes, 0..<bytes.count)
      return (range, range.reduce(0) { $0 + (bytes[$1] & 0xC0 == 0x80 ? 0 : 1) })
    }
    guard length > 0, length <= 48 else { return nil }
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let upper = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
    let trimmed = Substring(utf8[lower..<upper])
    let normalized = LabelText.normalized(trimmed)
    guard normalized.count >= 4, normalized.count <= maximumTitleLength + 8 else { return nil }
    // Pairs of the line, looked up by a linear scan: a heading is short, and hashing
    // costs more than scanning fifty integers.
    var pairs: [UInt64] = []
    pairs.reserveCapacity(normalized.count)
    for index in 1..<normalized.count { pairs.append(Self.pair(normalized[index - 1], normalized[index])) }
    for index in sections.indices where index > last {
      let section = sections[index]
      guard normalized.count <= section.title.count + 8 else { continue }
      // The title must start the line (after numbering): a heading is not a sentence about it.
      let leading =
        section.title.count >= 2 && normalized[0] == section.title[0] && normalized[1] == section.title[1]
      // Without the title's start, every pair of it must be there.
      if !leading, let first = section.bigrams.first, !pairs.contains(first) { continue }
      let matched = section.bigrams.reduce(0) { $0 + (pairs.contains($1) ? 1 : 0) }
      // A line that starts like the title may have a misread or two (OCR swaps and
      // confuses characters: 主动公开府政信息情况); otherwise nearly all of it must be there.
      let coverage = Double(matched) / Double(section.bigrams.count)
      if (leading && coverage >= 0.6) || (coverage >= 0.85 && (leading || matched == section.bigrams.count)) {
        let next = last >= 0 && index == last + 1
        return listsParts(trimmed, commasInTitle: titleCommas[index], bareComma: next) ? nil : index
      }
    }
    return nil
  }
}
