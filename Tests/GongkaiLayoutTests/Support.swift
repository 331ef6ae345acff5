import GongkaiLayout

/// Lays `text` out left to right from (`x`, `y`): full-width characters one font size wide,
/// ASCII half as wide, the way a PDF text layer delivers them.
func characters(_ text: String, x: Double, y: Double, size: Double = 10) -> [PositionedCharacter] {
  var result: [PositionedCharacter] = []
  var left = x
  for character in text {
    let width = character.isASCII ? size / 2 : size
    result.append(
      PositionedCharacter(character: character, box: PageRect(minX: left, minY: y, maxX: left + width, maxY: y + size)))
    left += width
  }
  return result
}

/// Stacks `text` one character per line from (`x`, `y`), like vertical text in a narrow cell.
func verticalCharacters(_ text: String, x: Double, y: Double, size: Double = 10) -> [PositionedCharacter] {
  text.enumerated().map { index, character in
    let top = y + Double(index) * (size + 2)
    return PositionedCharacter(
      character: character, box: PageRect(minX: x, minY: top, maxX: x + size, maxY: top + size))
  }
}

/// A grid of rulings: full horizontal lines at `ys` across `xs.first...xs.last` and full
/// vertical lines at `xs`, except the pieces listed in `openings` (cells merged there).
func grid(xs: [Double], ys: [Double], missingHorizontal: [(y: Double, from: Double, to: Double)] = []) -> [RulingLine] {
  var lines: [RulingLine] = []
  for y in ys {
    var pieces = [(xs[0], xs[xs.count - 1])]
    for gap in missingHorizontal where gap.y == y {
      pieces = pieces.flatMap { piece -> [(Double, Double)] in
        guard gap.from < piece.1, gap.to > piece.0 else { return [piece] }
        return [(piece.0, gap.from), (gap.to, piece.1)].filter { $0.1 - $0.0 > 0.5 }
      }
    }
    lines += pieces.map { RulingLine(axis: .horizontal, position: y, start: $0.0, end: $0.1) }
  }
  lines += xs.map { RulingLine(axis: .vertical, position: $0, start: ys[0], end: ys[ys.count - 1]) }
  return lines
}

/// The text `LayoutReconstructor` makes of one 600 × 800 page holding `text`, each line
/// split into its tab-separated cells (empty cells kept).
func tableRows(of text: [PositionedCharacter]) -> [[String]] {
  let output = LayoutReconstructor().text(
    of: [PositionedPage(number: 1, width: 600, height: 800, characters: text)])
  return output.lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
}

extension String {
  /// The text's lines.
  var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

/// A table row's characters: its label at x 50 and its numbers in columns 40 pt apart from x 200.
func labelledRow(_ label: String, _ numbers: [String], y: Double) -> [PositionedCharacter] {
  numbers.enumerated().reduce(characters(label, x: 50, y: y)) { row, number in
    row + characters(number.element, x: 200 + 40 * Double(number.offset), y: y)
  }
}

/// `text` with every box `height` points tall from its top, as a text layer's boxes are
/// (taller than the glyphs ``characters(_:x:y:size:)`` makes).
func withHeight(_ text: [PositionedCharacter], _ height: Double) -> [PositionedCharacter] {
  text.map {
    PositionedCharacter(
      character: $0.character,
      box: PageRect(minX: $0.box.minX, minY: $0.box.minY, maxX: $0.box.maxX, maxY: $0.box.minY + height))
  }
}
