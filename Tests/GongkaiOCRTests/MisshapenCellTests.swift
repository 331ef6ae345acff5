import GongkaiLayout
import Testing

@testable import GongkaiOCR

/// A grid cell joined round another through lost rules is no rectangle; the layout step puts
/// a row's cells out by their first column, so numbers in and beside such a cell can come out
/// in another order. Positions as on table 二 of g4403's page 2 (points), where 行政事业性收费's
/// row joined the 第二十条第（九）项 band under it round the 上一年项目数量 cell.
@Suite("Cells that are no rectangle")
struct MisshapenCellTests {
  /// The characters of `text` laid one after another from `x`, 12 points apart, on the line
  /// from 606 to 618.
  static func characters(_ text: String, from x: Double) -> [PositionedCharacter] {
    text.enumerated().map { index, character in
      let left = x + Double(index) * 12
      return PositionedCharacter(character: character, box: PageRect(minX: left, minY: 606, maxX: left + 10, maxY: 618))
    }
  }

  /// The rules of the two rows: column rules 213 and 316 down to 622 over the fee row only,
  /// the band's top (622) found over the 上一年项目数量 column alone.
  static let rulings: [RulingLine] = [
    RulingLine(axis: .horizontal, position: 604, start: 74, end: 522, source: .line),
    RulingLine(axis: .horizontal, position: 622, start: 213, end: 316, source: .line),
    RulingLine(axis: .horizontal, position: 639, start: 74, end: 522, source: .line),
    RulingLine(axis: .vertical, position: 74, start: 604, end: 639, source: .line),
    RulingLine(axis: .vertical, position: 213, start: 604, end: 622, source: .line),
    RulingLine(axis: .vertical, position: 316, start: 604, end: 622, source: .line),
    RulingLine(axis: .vertical, position: 522, start: 604, end: 639, source: .line),
  ]

  @Test("the cell joined round another holds it; the one inside holds none")
  func cellsInside() throws {
    let grid = try #require(TableGrid.grids(from: Self.rulings).first)
    let joined = try #require(grid.cells.first { $0.top == 0 && $0.left == 0 })
    let inside = PageReader.cellsInside(joined, of: grid)
    #expect(inside.count == 1)
    #expect(inside.first.map { [$0.minX, $0.maxX, $0.minY, $0.maxY] } == [213, 316, 604, 622])
    let island = try #require(grid.cells.first { $0.top == 0 && $0.left == 1 && $0.right == 1 })
    #expect(PageReader.cellsInside(island, of: grid).isEmpty)
  }

  @Test("a number of the joined cell right of the one inside it is unread, with that one's")
  func numberRightOfInnerCell() {
    let inside = [PageRect(minX: 213, minY: 604, maxX: 316, maxY: 622)]
    let text =
      Self.characters("行政事业性收费", from: 101) + Self.characters("16", from: 258) + Self.characters("-2", from: 413)
    #expect(PageReader.mayComeOutOfOrder(text, inside: inside))
    let marked = String(PageReader.markingNumbers(in: text).map(\.character))
    #expect(marked == "行政事业性收费\u{FFFD}\u{FFFD}")
  }

  @Test("numbers only in the cells inside come out in order after the joined cell's label")
  func numbersOnlyInInnerCells() {
    let inside = [
      PageRect(minX: 206, minY: 604, maxX: 317, maxY: 622), PageRect(minX: 317, minY: 604, maxX: 428, maxY: 622),
    ]
    let text =
      Self.characters("1.规范性文件", from: 80) + Self.characters("14", from: 250) + Self.characters("53", from: 360)
    #expect(!PageReader.mayComeOutOfOrder(text, inside: inside))
    // A label's ordinal before its first Chinese character is never marked.
    #expect(String(PageReader.markingNumbers(in: text).map(\.character)) == "1.规范性文件\u{FFFD}\u{FFFD}")
  }
}
