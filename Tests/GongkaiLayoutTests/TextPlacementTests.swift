import GongkaiLayout
import Testing

@Suite("Text placement: a value traced back to its characters")
struct TextPlacementTests {
  /// A row of table 三 read as running text (a table drawn with row rules only): seven
  /// cells 45 points apart, the total `10` in the last.
  private func rowPlacement() -> TextPlacement {
    let cells = ["8", "0", "0", "1", "0", "1", "10"]
    let glyphs = cells.enumerated().flatMap { index, text in
      characters(text, x: 300 + Double(index) * 45, y: 320, size: 5.4)
    }
    var placement = TextPlacement()
    placement.characters[3] = glyphs
    placement.lines = [
      TextPlacement.Line(
        pieces: [TextPlacement.Piece(page: 3, box: PageRect(minX: 290, minY: 318, maxX: 600, maxY: 328))],
        isTableRow: false)
    ]
    return placement
  }

  @Test("a number's digits stand together: a 1 and a 0 two cells apart do not spell the total 10")
  func digitsOfOneNumberOnly() throws {
    let placement = rowPlacement()
    let total = try #require(placement.locateMatch(line: 1, field: nil, raw: "10"))
    #expect(total.text == "10")
    #expect(total.box.minX == 570 && total.box.maxX < 576)
    // The stand-alone 1s are the fourth and sixth cells; the total's 1 is part of 10.
    let ones = (0..<2).compactMap { placement.locateMatch(line: 1, field: nil, raw: "1", occurrence: $0)?.box.minX }
    #expect(ones == [435, 525])
  }
}
