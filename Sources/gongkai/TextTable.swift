/// Renders rows as an aligned plain-text table, counting CJK and full-width characters
/// as two columns wide, as terminals show them.
enum TextTable {
  /// The lines of the table: header, a rule, the rows; `rightAligned` column indexes are
  /// right-aligned (numbers). An empty table is one line saying so.
  static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
    guard !rows.isEmpty else { return ["  (none)"] }
    var widths = header.map(width)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], width(cell))
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() where index < widths.count {
        let padding = String(repeating: " ", count: widths[index] - width(cell))
        parts.append(rightAligned.contains(index) ? padding + cell : cell + padding)
      }
      return "  " + parts.joined(separator: "  ").trimmingTrailingSpaces()
    }
    return [line(header), "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
      + rows.map(line)
  }

  /// Display width of `text` in a terminal.
  static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      total + (isWide(scalar.value) ? 2 : (scalar.properties.generalCategory == .nonspacingMark ? 0 : 1))
    }
  }

  private static func isWide(_ value: UInt32) -> Bool {
    (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
      || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
      || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
      || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
  }
}

extension String {
  /// The string without trailing spaces.
  func trimmingTrailingSpaces() -> String {
    var result = self
    while result.hasSuffix(" ") { result.removeLast() }
    return result
  }
}
