import GongkaiLayout
import Testing

/// Tables drawn with horizontal rules only (each row between two rules, no vertical lines):
/// the rules, not the baselines, bound the rows.
@Suite("Rows bounded by horizontal rules")
struct RuleBoundedRowsTests {
  /// A rule across the table from `start` to x 500 at `y`.
  func rule(_ y: Double, from start: Double = 40) -> RulingLine {
    RulingLine(axis: .horizontal, position: y, start: start, end: 500)
  }

  /// The rows `LayoutReconstructor` reads from `text` and `rules` on one 600 × 800 page.
  func rows(_ text: [PositionedCharacter], rules: [RulingLine]) -> [[String]] {
    let output = LayoutReconstructor().text(
      of: [PositionedPage(number: 1, width: 600, height: 800, characters: text, rulings: rules)])
    return output.lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
  }

  @Test(
    "a table ruled across: a wrapped label and numbers wrapped over two and three lines (19 as 1/9, 108 as 1/0/8) between two rules are one row"
  )
  func wrappedNumbersBetweenRules() {
    // Geometry of a 2019 table 三 in AR PL UKai 10.5 pt ruled across only (rules at 263.3,
    // 287.4, 323.1, 347.1, 359.5): row 1 with 19 as 1 / 9 half a line above and below its
    // label's line, row 2 with 108 as 1 / 0 / 8 a line apart, row 3 with 23 and 25 as
    // 2 / 3 and 2 / 5, the upper pieces 2 points under row 2's lower piece. Read before:
    // rows 1–3 left unread (their pieces fitted no row for sure), 20 cells null.
    let size = 10.5
    func row(
      _ label: String, _ values: [String], y: Double, pieces: [(column: Int, upper: String, lower: String)] = [],
      offset: Double = 5.8
    ) -> [PositionedCharacter] {
      var text = characters(label, x: 50, y: y, size: size)
      for (column, value) in values.enumerated() where !value.isEmpty {
        text += characters(value, x: 200 + 40 * Double(column), y: y, size: size)
      }
      for piece in pieces {
        text += characters(piece.upper, x: 200 + 40 * Double(piece.column), y: y - offset, size: size)
        text += characters(piece.lower, x: 200 + 40 * Double(piece.column), y: y + offset, size: size)
      }
      return text
    }
    var text = row("（二）部分公开（区分", ["0", "0", "0", "0", "0", "0"], y: 245.0)
    text += characters("处理的）", x: 50, y: 252.6, size: size)
    text += row("1.属于国家秘密", ["0", "0", "", "0", "0", ""], y: 269.3, pieces: [(2, "1", "9"), (5, "1", "9")])
    text += row("2.其他法律", ["0", "0", "0", "2", "0", "0"], y: 299.2, pieces: [(5, "1", "8")], offset: 11.7)
    text += row("3.危及安全", ["0", "0", "2", "", "0", ""], y: 329.0, pieces: [(3, "2", "3"), (5, "2", "5")])
    text += row("4.保护第三方", ["0", "0", "0", "0", "0", "0"], y: 347.3)
    text += row("5.属于三类", ["4", "0", "0", "0", "0", "4"], y: 359.7)
    let rows = rows(text, rules: [239.3, 263.3, 287.4, 323.1, 347.1, 359.5, 371.9].map { rule($0) })
    #expect(
      rows.filter { $0.count > 1 } == [
        ["（二）部分公开（区分处理的）", "0", "0", "0", "0", "0", "0"],
        ["1.属于国家秘密", "0", "0", "19", "0", "0", "19"], ["2.其他法律", "0", "0", "0", "2", "0", "108"],
        ["3.危及安全", "0", "0", "2", "23", "0", "25"], ["4.保护第三方", "0", "0", "0", "0", "0", "0"],
        ["5.属于三类", "4", "0", "0", "0", "0", "4"],
      ])
  }

  @Test("a group cell's text between rules that do not cross it goes to the first row it spans, once")
  func groupCellSpansRows() {
    // The group cell （三）不予公开 (x 50) spans rows 1–3; their rules start right of it (x 120),
    // the rules around the group reach across it. Its two lines stand beside rows 2 and 3.
    var text = characters("（二）部分公开", x: 50, y: 88)
    for column in 0..<4 { text += characters("0", x: 200 + 40 * Double(column), y: 88) }
    text += characters("1.国家秘密", x: 125, y: 103)
    for column in 0..<4 { text += characters("1", x: 200 + 40 * Double(column), y: 103) }
    text += characters("（三）不", x: 50, y: 112) + characters("2.其他法律", x: 125, y: 117)
    for column in 0..<4 { text += characters("2", x: 200 + 40 * Double(column), y: 117) }
    text += characters("予公开", x: 50, y: 124) + characters("3.危及安全", x: 125, y: 131)
    for column in 0..<4 { text += characters("3", x: 200 + 40 * Double(column), y: 131) }
    text += characters("（四）无法提供", x: 50, y: 146)
    for column in 0..<4 { text += characters("4", x: 200 + 40 * Double(column), y: 146) }
    let rules = [rule(85), rule(100), rule(114, from: 120), rule(128, from: 120), rule(143), rule(158)]
    let rows = rows(text, rules: rules).filter { $0.count > 1 }
    #expect(
      rows == [
        ["（二）部分公开", "", "0", "0", "0", "0"], ["（三）不予公开", "1.国家秘密", "1", "1", "1", "1"],
        ["", "2.其他法律", "2", "2", "2", "2"], ["", "3.危及安全", "3", "3", "3", "3"],
        ["（四）无法提供", "", "4", "4", "4", "4"],
      ])
  }

  @Test("a label wrapped between two rules is one row; in one band of many rows (three-line body) lines stay rows")
  func wrappedLabelAndThreeLineBody() {
    var text = characters("（二）部分公开（区分处理的，只计", x: 50, y: 103)
    for column in 0..<4 { text += characters("5", x: 300 + 40 * Double(column), y: 103) }
    text += characters("这一情形）", x: 50, y: 115)
    text += characters("（三）不予公开", x: 50, y: 131)
    for column in 0..<4 { text += characters("6", x: 300 + 40 * Double(column), y: 131) }
    // A three-line table's body: no rules between its rows.
    text += labelledRow("规章", ["1", "2"], y: 200) + labelledRow("规范性文件", ["3", "4"], y: 215)
    let rows = rows(text, rules: [rule(100), rule(128), rule(143), rule(195), rule(230)])
    #expect(rows.contains(["（二）部分公开（区分处理的，只计这一情形）", "5", "5", "5", "5"]))
    #expect(rows.contains(["规章", "1", "2"]))
    #expect(rows.contains(["规范性文件", "3", "4"]))
  }
}
