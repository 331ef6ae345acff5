/// Text as crawlers and copy-paste keep it: a header block of `key: value` lines closed by
/// a `==== 正文 ====` line, and a whole page on one line whose headings stand inside the
/// paragraphs. Cuts such a line at its numbered headings so the rest of the repair layer
/// sees one heading per line.
enum RunningText {
  /// Lines at least this long (in bytes) are searched for headings inside them: a
  /// paragraph of an ordinary export is shorter, a one-line page far longer.
  static let minimumLength = 600

  /// The fields of a crawler header block at the top of `lines` (标题, 发布时间, 发布机构 …),
  /// removing the block and its closing line; empty when there is none.
  static func takeHeader(_ lines: inout [DocumentLine]) -> [String: String] {
    guard let first = lines.first(where: { !$0.isBlank }), field(of: first.text) != nil else { return [:] }
    var fields: [String: String] = [:]
    for index in lines.indices.prefix(24) {
      let line = lines[index]
      if line.isBlank { continue }
      if isBodyMarker(line.text) {
        lines.removeSubrange(...index)
        return fields
      }
      // Lines that are no field (页面链接与图片详见 …) may stand among the fields.
      if let (key, value) = field(of: line.text), fields[key] == nil { fields[key] = value }
    }
    return [:]
  }

  /// `key: value` with a short key of Chinese characters and an ASCII or full-width colon.
  private static func field(of text: Substring) -> (String, String)? {
    guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
    let key = text[..<colon].trimmingSpaces
    guard (2...6).contains(key.count), key.unicodeScalars.allSatisfy(LabelText.isIdeograph) else { return nil }
    return (key, text[text.index(after: colon)...].trimmingSpaces)
  }

  /// A line such as `==================== 正文 ====================`.
  private static func isBodyMarker(_ text: Substring) -> Bool {
    text.containsText("正文") && text.hasPrefix("===") && text.trimmingSpaces.hasSuffix("===")
  }

  /// `lines` with every long line cut before and after each numbered heading found
  /// inside it (一、总体情况 … 六、其他需要报告的事项, in order); the pieces keep the
  /// line's number and are marked as running text.
  static func splitHeadings(_ lines: [DocumentLine], sections: [ReportTemplate.Section]) -> [DocumentLine] {
    guard lines.contains(where: { !$0.hasTab && $0.text.utf8.count >= minimumLength }) else { return lines }
    let titles = sections.map { (number: $0.number.unicodeScalars.first, title: LabelText.normalized($0.title)) }
    var result: [DocumentLine] = []
    var last = -1
    for line in lines {
      guard !line.hasTab, line.text.utf8.count >= minimumLength else {
        result.append(line)
        continue
      }
      // Candidates found on the bytes: 、 (E3 80 81) right after 一 … 六; only there is
      // the title looked for.
      var text = line.text
      let candidates: [(offset: Int, numeral: Unicode.Scalar)] = text.withUTF8 { bytes in
        var found: [(Int, Unicode.Scalar)] = []
        var index = 3
        while index + 2 < bytes.count {
          if bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x81 {
            let (value, length) = decodeScalar(bytes, at: index - 3)
            if length == 3, let scalar = Unicode.Scalar(value), LabelText.isChineseNumeral(scalar) {
              found.append((index - 3, scalar))
            }
            index += 3
          } else {
            index += 1
          }
        }
        return found
      }
      guard !candidates.isEmpty else {
        result.append(line)
        continue
      }
      let utf8 = text.utf8
      var cuts: [(start: String.Index, end: String.Index)] = []
      for candidate in candidates {
        let index = utf8.index(utf8.startIndex, offsetBy: candidate.offset)
        if let previous = cuts.last, index < previous.end { continue }
        let titleStart = utf8.index(index, offsetBy: 6)
        for position in titles.indices where position > last && titles[position].number == candidate.numeral {
          if let end = titleEnd(text, from: titleStart, title: titles[position].title) {
            cuts.append((index, end))
            last = position
            break
          }
        }
      }
      guard !cuts.isEmpty else {
        result.append(line)
        continue
      }
      var start = text.startIndex
      func piece(_ range: Range<String.Index>) {
        let slice = text[range]
        guard !slice.trimmingSpaces.isEmpty else { return }
        result.append(DocumentLine(text: slice, number: line.number, hasTab: false, isBlank: false, isRunning: true))
      }
      for cut in cuts {
        piece(start..<cut.start)
        piece(cut.start..<cut.end)
        start = cut.end
      }
      piece(start..<text.endIndex)
    }
    return result
  }

  /// Where the title that `text` starts at `start` ends, when the next characters are
  /// that title (blanks ignored, a character or two misread or added): the index after
  /// its last character.
  private static func titleEnd(_ text: Substring, from start: String.Index, title: [Unicode.Scalar]) -> String.Index? {
    guard title.count >= 2 else { return nil }
    // The window: as many kept characters as the title has, and two more.
    var window: [Unicode.Scalar] = []
    var ends: [String.Index] = []
    var index = start
    while index < text.endIndex, window.count < title.count + 2 {
      let character = text[index]
      index = text.index(after: index)
      guard let scalar = character.unicodeScalars.first else { continue }
      let narrow = LabelText.narrow(scalar)
      if LabelText.isIdeograph(narrow) || LabelText.isASCIIAlphanumeric(narrow) {
        window.append(narrow)
        ends.append(index)
      }
    }
    guard window.count >= title.count - 1, window[0] == title[0] || window[1] == title[1] else { return nil }
    let wanted = LabelText.bigrams(title)
    let present = LabelText.bigrams(window)
    let matched = wanted.reduce(0) { $0 + (present.contains($1) ? 1 : 0) }
    guard Double(matched) >= Double(wanted.count) * 0.75 else { return nil }
    // End after the last character of the window that belongs to the title.
    let last = title[title.count - 1]
    if let position = window.lastIndex(of: last), position >= title.count - 3 { return ends[position] }
    return ends[min(title.count, ends.count) - 1]
  }
}
