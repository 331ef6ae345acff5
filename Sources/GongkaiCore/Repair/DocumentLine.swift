/// One line of extracted text with the line number it had in the raw input.
public struct DocumentLine: Sendable, Equatable {
  /// The line's text (without the line break): usually a slice of the extracted text.
  public var text: Substring
  /// 1-based line in the raw extracted text.
  public var number: Int

  /// Whether the line has a tab (cells of a table export).
  let hasTab: Bool
  /// Whether the line holds nothing but blanks.
  let isBlank: Bool
  /// Whether the line is a piece of a one-line page (running text): its table cells
  /// may stand together with no separator.
  var isRunning = false

  /// Creates a line.
  public init(text: String, number: Int) {
    self.init(
      text: Substring(text), number: number, hasTab: text.containsByte(9),
      isBlank: text.unicodeScalars.allSatisfy(\.isSpaceLike))
  }

  /// Creates a line whose tab and blank flags are already known.
  init(text: Substring, number: Int, hasTab: Bool, isBlank: Bool, isRunning: Bool = false) {
    self.text = text
    self.number = number
    self.hasTab = hasTab
    self.isBlank = isBlank
    self.isRunning = isRunning
  }

  /// The text without surrounding blanks.
  var trimmed: String { text.trimmingSpaces }
}
