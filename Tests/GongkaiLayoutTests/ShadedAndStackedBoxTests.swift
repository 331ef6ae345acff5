import GongkaiLayout
import Testing

/// Browser-printed pages: shading that draws column edges in some rows only, and boxes
/// that only touch one another (a banner and a 相关链接 box under it).
@Suite("Shaded rows and stacked boxes")
struct ShadedAndStackedBoxTests {
  /// The rows `LayoutReconstructor` reads from one 600 × 800 page, each line split into
  /// its tab-separated cells.
  func rows(_ text: [PositionedCharacter], rulings: [RulingLine], fills: [FilledArea] = []) -> [[String]] {
    let output = LayoutReconstructor().text(
      of: [PositionedPage(number: 1, width: 600, height: 800, characters: text, rulings: rulings, fills: fills)])
    return output.lines.filter { !$0.isEmpty }.map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
  }

  /// A table ruled across only (a rule under every row, columns at x 50, 200, 300, 400,
  /// 500), every other row shaded cell by cell as Chromium prints `tr:nth-child(even) td`:
  /// each shaded cell a filled area whose sides are the only vertical edges on the page,
  /// beside a shaded group cell spanning all the rows.
  func zebraTable(rows labelled: [(String, [String])], top: Double = 100, height: Double = 20) -> (
    text: [PositionedCharacter], rulings: [RulingLine], fills: [FilledArea]
  ) {
    let xs: [Double] = [50, 200, 300, 400, 500]
    var text: [PositionedCharacter] = []
    var rulings: [RulingLine] = [RulingLine(axis: .horizontal, position: top, start: 50, end: 500)]
    let tint = RGBColour(red: 0.93, green: 0.96, blue: 0.98)
    // A shaded group cell (三、本年度办理结果 over its rows) left of the table, x 20…50: its
    // sides run through every row, so the shaded rows' pieces make one grid with it.
    let bottom = top + Double(labelled.count) * height
    var fills = [FilledArea(box: PageRect(minX: 20, minY: top, maxX: 50, maxY: bottom), colour: tint)]
    rulings += [20, 50].map { RulingLine(axis: .vertical, position: $0, start: top, end: bottom, source: .fillEdge) }
    rulings.append(RulingLine(axis: .horizontal, position: top, start: 20, end: 50, source: .fillEdge))
    rulings.append(RulingLine(axis: .horizontal, position: bottom, start: 20, end: 50, source: .fillEdge))
    for (index, row) in labelled.enumerated() {
      let y = top + Double(index) * height
      text += characters(row.0, x: 55, y: y + 5)
      for (column, number) in row.1.enumerated() {
        text += characters(number, x: xs[column + 1] + 5, y: y + 5)
      }
      rulings.append(RulingLine(axis: .horizontal, position: y + height, start: 50, end: 500))
      guard index % 2 == 1 else { continue }
      for column in 0..<(xs.count - 1) {
        fills.append(
          FilledArea(box: PageRect(minX: xs[column], minY: y, maxX: xs[column + 1], maxY: y + height), colour: tint))
      }
      rulings += xs.map {
        RulingLine(axis: .vertical, position: $0, start: y, end: y + height, source: .fillEdge)
      }
    }
    return (text, rulings, fills)
  }

  @Test(
    "a table ruled across only with every other row shaded: the unshaded rows are read cell by cell, not as one cell each"
  )
  func zebraRowsRuledAcross() {
    // s9browser3 seed 2 s41 (border rows + zebra): the shaded rows' cell sides made a grid
    // whose unshaded rows had no column edge, each read as one cell (规章 3 1 37); rows
    // whose label wrapped lost their numbers (19 cells null).
    let table = zebraTable(rows: [
      ("规章", ["3", "1", "37"]), ("行政规范性文件", ["17", "2", "138"]), ("行政许可", ["6543", "0", "12"]),
      ("行政处罚", ["330", "4", "5"]), ("行政强制", ["38", "0", "1"]),
    ])
    #expect(
      rows(table.text, rulings: table.rulings, fills: table.fills) == [
        ["规章", "3", "1", "37"], ["行政规范性文件", "17", "2", "138"], ["行政许可", "6543", "0", "12"],
        ["行政处罚", "330", "4", "5"], ["行政强制", "38", "0", "1"],
      ])
  }

  @Test("a table drawn by shading alone (white cells on a coloured table) stays a ruled grid")
  func shadedCellsEveryRow() {
    // Every row's cells are filled, so every column edge is seen in every row: the grid is
    // read as drawn, a header cell spanning two columns kept as one cell.
    let xs: [Double] = [50, 200, 300, 400]
    var fills: [FilledArea] = []
    var rulings: [RulingLine] = []
    let white = RGBColour.white
    let header = PageRect(minX: 50, minY: 100, maxX: 200, maxY: 120)
    let spanning = PageRect(minX: 200, minY: 100, maxX: 400, maxY: 120)
    var boxes = [header, spanning]
    for column in 0..<3 { boxes.append(PageRect(minX: xs[column], minY: 120, maxX: xs[column + 1], maxY: 140)) }
    for box in boxes {
      fills.append(FilledArea(box: box, colour: white))
      rulings += [box.minY, box.maxY].map {
        RulingLine(axis: .horizontal, position: $0, start: box.minX, end: box.maxX, source: .fillEdge)
      }
      rulings += [box.minX, box.maxX].map {
        RulingLine(axis: .vertical, position: $0, start: box.minY, end: box.maxY, source: .fillEdge)
      }
    }
    let text =
      characters("信息内容", x: 55, y: 105) + characters("本年处理决定数量", x: 260, y: 105)
      + characters("行政许可", x: 55, y: 125) + characters("12", x: 205, y: 125) + characters("7", x: 305, y: 125)
    #expect(
      rows(text, rulings: rulings, fills: fills) == [["信息内容", "本年处理决定数量"], ["行政许可", "12", "7"]])
  }

  @Test(
    "a banner and a 相关链接 box touching under it are two boxes, not one table: the title beside the box is a line of its own"
  )
  func bannerAndSidebarBox() {
    // s9browser3 seed 2 s23: the banner's shading (its bottom edge) and the sidebar's
    // drawn box met at y 142, making one grid whose open cell took the title and the first
    // paragraph; the title read came out as 青石县人民政府-东门街道办事处… from the page title.
    let tint = RGBColour(red: 0.75, green: 0.1, blue: 0.1)
    let banner = PageRect(minX: 42, minY: 56, maxX: 580, maxY: 142)
    var rulings: [RulingLine] = [
      RulingLine(axis: .horizontal, position: 56, start: 42, end: 580, source: .fillEdge),
      RulingLine(axis: .horizontal, position: 142, start: 42, end: 420, source: .fillEdge),
      RulingLine(axis: .horizontal, position: 142, start: 540, end: 580, source: .fillEdge),
      RulingLine(axis: .vertical, position: 42, start: 56, end: 142, source: .fillEdge),
      RulingLine(axis: .vertical, position: 580, start: 56, end: 142, source: .fillEdge),
    ]
    // The sidebar's box, its top on the banner's bottom edge.
    rulings += [142, 243].map { RulingLine(axis: .horizontal, position: $0, start: 420, end: 540) }
    rulings += [420, 540].map { RulingLine(axis: .vertical, position: $0, start: 142, end: 243) }
    let title = "东门街道办事处2021年政府信息公开工作年度报告"
    let paragraph = "本报告根据《中华人民共和国政府信息公开条例》和《年度报告格式》要求编制。"
    let text =
      characters("青石县人民政府", x: 60, y: 80, size: 20) + characters(title, x: 60, y: 160, size: 14)
      + characters("相关文章", x: 425, y: 150) + characters(paragraph, x: 60, y: 260)
    let lines = rows(text, rulings: rulings, fills: [FilledArea(box: banner, colour: tint)])
    #expect(lines.contains([title]))
    #expect(lines.contains([paragraph]))
    #expect(!lines.contains { $0.contains { $0.contains(title) && $0 != title } })
  }
}
