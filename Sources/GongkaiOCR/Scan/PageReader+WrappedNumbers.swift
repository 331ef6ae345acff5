import GongkaiLayout

extension PageReader {
  /// A grid cell of one grid row whose digits stand on several lines that do not fill it:
  /// a number wrapped in its narrow cell (full-width digits, 54 printed 5 over 4), or the
  /// numbers of two rows whose rule between was lost. The rest of its row tells which.
  struct WrapCandidate {
    /// The grid row the cell is in.
    var top: Int
    /// The grid columns the cell spans.
    var columns: ClosedRange<Int>
    /// The cell's lines of ink, top to bottom.
    var lines: [InkComponents]
  }

  /// The number of a grid cell whose digits stand on several `lines`: read line by line and
  /// joined when each line but the last fills the cell's `width` (pixels) but for two digit
  /// heights — the number was wrapped, 158 over 6 is 1586; unsure, as a wrap is rare. Lines
  /// that do not fill the cell are the numbers of rows whose rule between was lost (0 over
  /// 16, read as one number 1166, or joined 016), or a wrap of wide digits
  /// (``standsBesideOneLine(_:row:tallestDigit:)`` tells): `nil` here.
  func wrappedNumber(_ page: GreyBitmap, lines: [InkComponents], width: Int, level: UInt8) -> NumberRead? {
    guard
      lines.dropLast().allSatisfy({ line in
        (line.union?.width ?? 0) + 2 * Self.typicalHeight(line) >= width
      })
    else { return nil }
    return joinedNumber(page, lines: lines, level: level)
  }

  /// The digits of `lines` read line by line and joined top to bottom, unsure; `nil` unless
  /// every line reads as digits.
  func joinedNumber(_ page: GreyBitmap, lines: [InkComponents], level: UInt8) -> NumberRead? {
    let pieces = lines.map { readNumber(page, ink: $0, level: level) }
    guard var joined = pieces.first ?? nil, pieces.allSatisfy({ $0 != nil }) else { return nil }
    joined.value = pieces.compactMap { $0?.value }.joined()
    guard Self.isPlainNumber(joined.value) else { return nil }
    joined.confidence = pieces.compactMap { $0?.confidence }.min() ?? 0
    joined.isLowConfidence = true
    joined.alternatives = []
    joined.ink = nil
    return joined
  }

  /// Whether a cell's `lines` of digits are one wrapped number: another cell of its grid
  /// `row` holds a number on one line (no taller than `tallestDigit` pixels) standing between
  /// the first line and the last. A row is as tall as its wrapped cell and the others' single
  /// numbers are centred in it; where a rule between two rows was lost, every cell's numbers
  /// stand on the two rows' lines.
  static func standsBesideOneLine(
    _ lines: [InkComponents], row: [(ink: PixelRect, number: NumberRead?)], tallestDigit: Int
  ) -> Bool {
    guard lines.count > 1, let first = lines.first?.union, let last = lines.last?.union else { return false }
    return row.contains { cell in
      guard cell.number != nil, cell.ink.height <= tallestDigit else { return false }
      let centre = 2 * cell.ink.y + cell.ink.height
      return centre > 2 * first.maxY && centre < 2 * last.y
    }
  }
}
