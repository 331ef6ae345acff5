/// One line of extracted text with the line number it had in the raw input.
public struct DocumentLine: Sendable, Equatable {
  /// The line's text (without the line break).
  public var text: String
  /// 1-based line in the raw extracted text.
  public var number: Int

  /// Creates a line.
  public init(text: String, number: Int) {
    self.text = text
    self.number = number
  }

  /// Whether the line has a tab (cells of a table export).
  var hasTab: Bool { text.utf8.contains(9) }

  /// Whether the line holds nothing but blanks.
  var isBlank: Bool { text.unicodeScalars.allSatisfy(\.isSpaceLike) }

  /// The text without surrounding blanks.
  var trimmed: String { text.trimmingSpaces }
}
