/// Rebuilds the paragraphs of a narrative section: lines trimmed, blank lines dropped,
/// and a line that was cut mid-sentence (by the page width or a stray break) joined to
/// the next one.
enum ParagraphBuilder {
  /// A line shorter than this is not taken for a line the page width cut.
  static let minimumWrappedLength = 15

  /// The section text: paragraphs separated by `\n`; nil when there is none.
  static func text(of lines: ArraySlice<DocumentLine>, repairs: inout [Repair]) -> String? {
    var paragraphs: [String] = []
    var lastLine = ""
    var lastNumber = 0
    for line in lines {
      let text = collapseSpaces(line.text)
      if text.isEmpty { continue }
      if let previous = paragraphs.last, shouldJoin(lastLine, text) {
        let separator = needsSpace(previous, text) ? " " : ""
        paragraphs[paragraphs.count - 1] = previous + separator + text
        repairs.append(
          Repair(kind: "line_join", detail: "…\(lastLine.suffix(8)) + \(text.prefix(8))…", line: lastNumber))
      } else {
        paragraphs.append(text)
      }
      lastLine = text
      lastNumber = line.number
    }
    return paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n")
  }

  /// Whether `next` continues the sentence that `previous` (a line) broke off.
  static func shouldJoin(_ previous: String, _ next: String) -> Bool {
    let length = previous.unicodeScalars.count
    guard length >= minimumWrappedLength, !endsSentence(previous) else { return false }
    if length <= 30, startsWithNumbering(previous) { return false }
    return !startsWithNumbering(next)
  }

  /// Whether the line ends with a full stop, question mark, semicolon, colon or similar,
  /// looking through closing quotes and brackets.
  static func endsSentence(_ line: String) -> Bool {
    for scalar in line.unicodeScalars.reversed() {
      if sentenceEnds.contains(scalar) { return true }
      if !closers.contains(scalar) { return false }
    }
    return false
  }

  private static let closers: Set<Unicode.Scalar> = ["”", "’", "）", ")", "」", "』", "】", "》", "\"", "'"]
  private static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "…", "!", "?", ";", "：", ":"]

  /// Whether a line starts with numbering: 一、 （一） (1) 1. 1、 ① 第一.
  static func startsWithNumbering(_ line: String) -> Bool {
    let scalars = Array(line.unicodeScalars.prefix(8).map(LabelText.narrow))
    guard let first = scalars.first else { return false }
    if (0x2460...0x2473).contains(first.value) { return true }
    return LabelText.numberingEnd(scalars) > 0
  }

  /// The line trimmed, tabs and runs of spaces folded into one space.
  static func collapseSpaces(_ text: String) -> String {
    let trimmed = text.trimmingSpaces
    guard trimmed.unicodeScalars.contains(where: { $0 == "\t" || $0 == " " }) else { return trimmed }
    var result = String.UnicodeScalarView()
    var lastWasSpace = false
    for scalar in trimmed.unicodeScalars {
      if scalar.isSpaceLike {
        if !lastWasSpace { result.append(" ") }
        lastWasSpace = true
      } else {
        result.append(scalar)
        lastWasSpace = false
      }
    }
    return String(result)
  }

  /// A space is kept between two joined lines only between Latin letters or digits.
  private static func needsSpace(_ left: String, _ right: String) -> Bool {
    guard let last = left.unicodeScalars.last, let first = right.unicodeScalars.first else { return false }
    return last.isASCII && first.isASCII && last.properties.isAlphabetic && first.properties.isAlphabetic
  }
}
