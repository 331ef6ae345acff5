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
  /// input that holds its cells (a pipe-table row, or the HTML block of a converter's table).
  static func markdown(input: String, text: String) -> MarkdownLineLocator {
    let inputLines = input.split(separator: "\n", omittingEmptySubsequences: false).map(squeezed)
    var map: [Int: Int] = [:]
    var cursor = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      // Only a line with a digit can hold a value with provenance (placeholders are null);
      // skipping the others keeps the search from rescanning the input for every paragraph.
      guard line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || line.unicodeScalars.contains(where: isWideDigit)
      else { continue }
      let fields = line.split(separator: "\t").map(squeezed).filter { !$0.isEmpty }
      guard !fields.isEmpty else { continue }
      let found =
        (cursor..<inputLines.count).first { holds(inputLines[$0], fields) }
        ?? (0..<min(cursor, inputLines.count)).first { holds(inputLines[$0], fields) }
      if let found {
        map[index + 1] = found + 1
        cursor = found
      }
    }
    return MarkdownLineLocator(lines: map)
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
