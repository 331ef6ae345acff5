/// Rebuilds the paragraphs of a narrative section: lines trimmed, blank lines dropped,
/// and a line that was cut mid-sentence (by the page width or a stray break) joined to
/// the next one.
///
/// Works on UTF-8 bytes and builds the section's String once: narrative lines are most
/// of a report's text.
enum ParagraphBuilder {
  /// A line shorter than this is not taken for a line the page width cut.
  static let minimumWrappedLength = 15

  /// The section text: paragraphs separated by `\n`; nil when there is none.
  static func text(of lines: ArraySlice<DocumentLine>, repairs: inout [Repair]) -> String? {
    var output: [UInt8] = []
    var current: [UInt8] = []
    var previous: [UInt8] = []
    var lastNumber = 0
    for line in lines where !line.isBlank {
      current.removeAll(keepingCapacity: true)
      var text = line.text
      text.withUTF8 { appendCollapsed($0, to: &current) }
      if current.isEmpty { continue }
      if !output.isEmpty, shouldJoin(previous, current) {
        if needsSpace(previous, current) { output.append(32) }
        output.append(contentsOf: current)
        let before = String(decoding: previous, as: UTF8.self).suffix(8)
        let after = String(decoding: current, as: UTF8.self).prefix(8)
        repairs.append(Repair(kind: "line_join", detail: "…\(before) + \(after)…", line: lastNumber))
      } else {
        if !output.isEmpty { output.append(10) }
        output.append(contentsOf: current)
      }
      swap(&previous, &current)
      lastNumber = line.number
    }
    return output.isEmpty ? nil : String(decoding: output, as: UTF8.self)
  }

  /// Whether `next` continues the sentence that `previous` (a line) broke off.
  static func shouldJoin(_ previous: [UInt8], _ next: [UInt8]) -> Bool {
    let length = previous.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    guard length >= minimumWrappedLength, !endsSentence(previous) else { return false }
    if length <= 30, startsWithNumbering(previous) { return false }
    return !startsWithNumbering(next)
  }

  /// Whether the line ends with a full stop, question mark, semicolon, colon or similar,
  /// looking through closing quotes and brackets.
  static func endsSentence(_ line: String) -> Bool { endsSentence(Array(line.utf8)) }

  /// `endsSentence` on a line's UTF-8 bytes.
  static func endsSentence(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { bytes in
      var end = bytes.count
      while end > 0 {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let scalar = Unicode.Scalar(decodeScalar(bytes, at: start).value) else { return false }
        if sentenceEnds.contains(scalar) { return true }
        if !closers.contains(scalar) { return false }
        end = start
      }
      return false
    }
  }

  private static let closers: Set<Unicode.Scalar> = ["”", "’", "）", ")", "」", "』", "】", "》", "\"", "'"]
  private static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "…", "!", "?", ";", "：", ":"]

  /// Whether a line starts with numbering: 一、 （一） (1) 1. 1、 ① 第一.
  static func startsWithNumbering(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { bytes in
      guard !bytes.isEmpty, let first = Unicode.Scalar(decodeScalar(bytes, at: 0).value) else { return false }
      if (0x2460...0x2473).contains(first.value) { return true }
      // Numbering starts with a bracket, a digit or a numeral; most lines start otherwise.
      let lead = LabelText.narrow(first)
      guard lead == "(" || ("0"..."9").contains(lead) || LabelText.isChineseNumeral(lead) else { return false }
      var scalars: [Unicode.Scalar] = []
      var index = 0
      while index < bytes.count, scalars.count < 8 {
        let (value, length) = decodeScalar(bytes, at: index)
        scalars.append(LabelText.narrow(Unicode.Scalar(value) ?? " "))
        index += length
      }
      return LabelText.numberingEnd(scalars) > 0
    }
  }

  /// The line trimmed, tabs and runs of spaces folded into one space.
  static func collapseSpaces(_ text: String) -> String {
    var text = text
    var bytes: [UInt8] = []
    text.withUTF8 { appendCollapsed($0, to: &bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the bytes of `line` trimmed; when it has spaces or tabs, every run of blanks
  /// becomes one space.
  static func appendCollapsed(_ line: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    let trimmed = BlankBytes.trimmed(line, 0..<line.count)
    var hasSpace = false
    for index in trimmed where line[index] == 32 || line[index] == 9 {
      hasSpace = true
      break
    }
    guard hasSpace else {
      output.append(contentsOf: line[trimmed])
      return
    }
    var lastWasSpace = false
    var index = trimmed.lowerBound
    while index < trimmed.upperBound {
      let blank = BlankBytes.length(line, at: index)
      if blank > 0 {
        if !lastWasSpace { output.append(32) }
        lastWasSpace = true
        index += blank
      } else {
        output.append(line[index])
        lastWasSpace = false
        index += 1
      }
    }
  }

  /// A space is kept between two joined lines only between Latin letters.
  private static func needsSpace(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard let last = left.last, let first = right.first else { return false }
    let isLetter: (UInt8) -> Bool = { (65...90).contains($0) || (97...122).contains($0) }
    return isLetter(last) && isLetter(first)
  }
}
