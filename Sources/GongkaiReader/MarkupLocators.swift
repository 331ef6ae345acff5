import GongkaiCore
import GongkaiMarkup

/// Locators of the markup front ends, built from what they know of their text.
enum MarkupLocators {
  /// HTML and Word: each tab-separated field of a table line traced to its table, grid
  /// row and grid column.
  static func grid(_ lines: [GridLineOrigin]) -> FieldLocator {
    var origins: [AssembledTable.CellOrigin: CellProvenance.Origin] = [:]
    for line in lines {
      for (field, column) in line.columns.enumerated() {
        origins[AssembledTable.CellOrigin(line: line.line, field: field)] = .table(
          line.table, row: line.row, column: column)
      }
    }
    return FieldLocator(origins: origins)
  }

  /// Markdown: each line of the text handed to the pipeline traced to the line of the
  /// input that holds its cells (a pipe-table row, or the HTML block of a converter's table):
  /// the first input line from the previous match on (then from the top) that holds every
  /// field of the line, in order.
  static func markdown(input: String, text: String) -> MarkdownLineLocator {
    let lines = InputLines(input)
    var map: [Int: Int] = [:]
    var cursor = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      // Only a line with a digit can hold a value with provenance (placeholders are null),
      // and only an input line with a digit can hold it.
      guard hasDigit(line) else { continue }
      let fields = line.split(separator: "\t").map(squeezed).filter { !$0.isEmpty }
      guard !fields.isEmpty else { continue }
      if let found = lines.first(holding: fields, from: cursor) {
        map[index + 1] = found + 1
        cursor = found
      }
    }
    return MarkdownLineLocator(lines: map)
  }

  /// The input's lines that have a digit, each squeezed once and only when first compared,
  /// with a summary of its scalars that rules most lines out without comparing.
  private final class InputLines {
    /// Line numbers (0-based) of the lines with a digit, ascending.
    let candidates: [Int]
    /// Each candidate's text, before squeezing.
    private let texts: [Substring]
    /// Each candidate's squeezed scalars, once computed.
    private var squeezedLines: [[Unicode.Scalar]?]
    /// Each candidate's scalar summary (see `summary`), once computed.
    private var summaries: [UInt64?]

    init(_ input: String) {
      var candidates: [Int] = []
      var texts: [Substring] = []
      for (number, line) in input.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      where MarkupLocators.hasDigit(line) {
        candidates.append(number)
        texts.append(line)
      }
      self.candidates = candidates
      self.texts = texts
      squeezedLines = Array(repeating: nil, count: candidates.count)
      summaries = Array(repeating: nil, count: candidates.count)
    }

    /// The first line at or after `start` holding every field in order, else the first
    /// before it; nil when none does.
    func first(holding fields: [[Unicode.Scalar]], from start: Int) -> Int? {
      let needed = fields.reduce(0) { $0 | MarkupLocators.summary($1) }
      // The first candidate at or after `start`, by binary search.
      var low = 0
      var high = candidates.count
      while low < high {
        let middle = (low + high) / 2
        if candidates[middle] < start { low = middle + 1 } else { high = middle }
      }
      for position in low..<candidates.count where holds(position, fields, needed) { return candidates[position] }
      for position in 0..<low where holds(position, fields, needed) { return candidates[position] }
      return nil
    }

    /// Whether candidate `position` holds `fields` (whose scalars' summary is `needed`).
    private func holds(_ position: Int, _ fields: [[Unicode.Scalar]], _ needed: UInt64) -> Bool {
      let line: [Unicode.Scalar]
      if let known = squeezedLines[position] {
        line = known
      } else {
        line = MarkupLocators.squeezed(texts[position])
        squeezedLines[position] = line
        summaries[position] = MarkupLocators.summary(line)
      }
      guard needed & (summaries[position] ?? ~0) == needed else { return false }
      return MarkupLocators.holds(line, fields)
    }
  }

  /// Which scalars occur, as bits of a word (scalar value modulo 64): a line whose bits do
  /// not cover a field's cannot hold it.
  private static func summary(_ scalars: [Unicode.Scalar]) -> UInt64 {
    scalars.reduce(0) { $0 | (1 << UInt64($1.value & 63)) }
  }

  /// Whether `line` has an ASCII or full-width digit.
  private static func hasDigit(_ line: Substring) -> Bool {
    line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || line.unicodeScalars.contains(where: isWideDigit)
  }

  /// Whether a scalar is a full-width digit (０–９).
  private static func isWideDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0xFF10 && scalar.value <= 0xFF19
  }

  /// Text without blanks and Markdown markers, as compared between input and text
  /// (scalars, not Characters: compared many times, and grapheme breaking is not needed).
  static func squeezed(_ text: Substring) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "|" && $0 != "*" && $0 != "\u{3000}" }
  }

  /// Whether `line` holds every field, in order.
  static func holds(_ line: [Unicode.Scalar], _ fields: [[Unicode.Scalar]]) -> Bool {
    var start = 0
    for field in fields {
      guard let found = firstIndex(of: field, in: line, from: start) else { return false }
      start = found + field.count
    }
    return true
  }

  private static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count - needle.count >= start else { return nil }
    for index in start...(haystack.count - needle.count)
    where haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
      return index
    }
    return nil
  }
}

/// The Markdown front end's locator: a cell's line of the text mapped to the input line.
struct MarkdownLineLocator: CellLocating {
  /// Input line by line of the text handed to the pipeline.
  let lines: [Int: Int]

  func origin(of position: AssembledTable.CellOrigin, raw: String) -> CellProvenance.Origin? {
    lines[position.line].map(CellProvenance.Origin.line)
  }
}
