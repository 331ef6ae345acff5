import GongkaiLayout
import Testing

/// Tables cut by page breaks in the ways make_break_variants.py makes them, and frames
/// drawn around a page (Samples/pdf-breaks).
@Suite("Page breaks inside tables, page frames")
struct PageBreakTests {
  /// A frame around an A4 page's text.
  let frame = [
    RulingLine(axis: .horizontal, position: 60, start: 70, end: 525),
    RulingLine(axis: .horizontal, position: 780, start: 70, end: 525),
    RulingLine(axis: .vertical, position: 70, start: 60, end: 780),
    RulingLine(axis: .vertical, position: 525, start: 60, end: 780),
  ]

  /// A ruled table part: `rows` of cells in columns `xs`, 20 points a row from `top`.
  func ruledPart(_ rows: [[String]], xs: [Double], top: Double) -> (
    characters: [PositionedCharacter], rulings: [RulingLine]
  ) {
    let ys = (0...rows.count).map { top + Double($0) * 20 }
    var text: [PositionedCharacter] = []
    for (index, row) in rows.enumerated() {
      for (column, cell) in row.enumerated() where !cell.isEmpty {
        text += characters(cell, x: xs[column] + 3, y: ys[index] + 5)
      }
    }
    return (text, grid(xs: xs, ys: ys))
  }

  /// The text the layout reads from a ruled table cut by a page break: `upper` rows at the
  /// foot of page 1, `lower` rows at the head of page 2, in columns `xs` (the last line, the
  /// text's end, left out).
  func textAcrossPages(_ upper: [[String]], _ lower: [[String]], xs: [Double]) -> [String] {
    let part1 = ruledPart(upper, xs: xs, top: 700)
    let part2 = ruledPart(lower, xs: xs, top: 80)
    let first = PositionedPage(number: 1, width: 595, height: 842, characters: part1.characters, rulings: part1.rulings)
    let second = PositionedPage(
      number: 2, width: 595, height: 842, characters: part2.characters, rulings: part2.rulings)
    return Array(LayoutReconstructor().text(of: [first, second]).lines.dropLast())
  }

  @Test("a number wrapped in its cell and cut by the page break is joined, upper piece first")
  func wrappedNumberAcrossPages() {
    let xs: [Double] = [90, 300, 330, 360, 390]
    let lines = textAcrossPages(
      [["（六）其他处理", "6", "1", "7"], ["（七）总计", "14", "20", "16"]],
      [["", "2", "", "8"], ["四、结转下年度继续办理", "7", "2", "10"]], xs: xs)
    #expect(
      lines == [
        "（六）其他处理\t6\t1\t7",
        "（七）总计\t142\t20\t168",
        "四、结转下年度继续办理\t7\t2\t10",
      ])
  }

  @Test("table 四's row of numbers without a label, its wrapped numbers cut by the page break, is joined")
  func unlabelledWrappedRowAcrossPages() {
    let xs: [Double] = [90, 140, 190, 240, 290, 340]
    let lines = textAcrossPages(
      [["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], ["1", "2", "3", "3", "1"]], [["", "9", "2", "8", "00"]], xs: xs)
    #expect(lines == ["结果维持\t结果纠正\t其他结果\t尚未审结\t总计", "1\t29\t32\t38\t100"])
  }

  @Test(
    "a row of numbers without a label, then one with a number in every column at the head of the next page: two rows")
  func unlabelledFullRowsNotJoined() {
    let xs: [Double] = [90, 140, 190, 240, 290, 340]
    let lines = textAcrossPages(
      [["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], ["1", "2", "3", "3", "9"]], [["4", "9", "2", "8", "23"]], xs: xs)
    #expect(
      lines == ["结果维持\t结果纠正\t其他结果\t尚未审结\t总计", "1\t2\t3\t3\t9", "4\t9\t2\t8\t23"])
  }

  @Test("a row of numbers with its own label at the head of the next page stays a row")
  func labelledRowNotJoined() {
    let xs: [Double] = [90, 300, 330, 360, 390]
    let lines = textAcrossPages([["（七）总计", "14", "20", "16"]], [["四、结转下年度继续办理", "2", "", "8"]], xs: xs)
    #expect(lines == ["（七）总计\t14\t20\t16", "四、结转下年度继续办理\t2\t\t8"])
  }

  @Test("the rest of a label at the head of the next page, as a line inside the label's column, joins the label")
  func labelLineAcrossPages() {
    // A table without rules: columns from aligned text; page 2 starts with the label's rest.
    var text1 = characters("3.其他", x: 90, y: 700) + characters("0", x: 300, y: 700) + characters("1", x: 340, y: 700)
    text1 +=
      characters("1.申请人无正当理由", x: 90, y: 720) + characters("1", x: 300, y: 720)
      + characters("0", x: 340, y: 720)
    let text2 = characters("逾期不补正", x: 90, y: 80) + characters("五、存在的主要问题及改进情况", x: 60, y: 200)
    let first = PositionedPage(number: 1, width: 595, height: 842, characters: text1)
    let second = PositionedPage(number: 2, width: 595, height: 842, characters: text2)
    let text = LayoutReconstructor().text(of: [first, second])
    #expect(text.lines.dropLast() == ["3.其他\t0\t1", "1.申请人无正当理由逾期不补正\t1\t0", "五、存在的主要问题及改进情况"])
  }

  @Test("the upper pieces of wrapped numbers at the head of a page are no page number")
  func piecesAtPageHead() {
    // （七）总计 at the top of page 2, its 31 and 44 wrapped as ３/１ and ４/４: the line ３   ４
    // above the row's line looks like a page number but reaches into the row.
    var first = characters("三、本年度办理结果", x: 60, y: 100)
    first += characters("（六）其他处理", x: 60, y: 400) + characters("0", x: 200, y: 400)
    first += characters("0", x: 240, y: 400) + characters("0", x: 280, y: 400)
    var second = characters("３", x: 200, y: 30) + characters("４", x: 280, y: 30)
    second += characters("（七）总计", x: 60, y: 38) + characters("６", x: 240, y: 38)
    second += characters("１", x: 200, y: 46) + characters("４", x: 280, y: 46)
    second += characters("四、结转下年度", x: 60, y: 62) + characters("３", x: 200, y: 62)
    second += characters("１", x: 240, y: 62) + characters("４", x: 280, y: 62)
    let output = LayoutReconstructor().text(of: [
      PositionedPage(number: 1, width: 600, height: 800, characters: first),
      PositionedPage(number: 2, width: 600, height: 800, characters: second),
    ])
    let rows = output.lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.first { $0.contains("（七）总计") }?.suffix(3) == ["３１", "６", "４４"])
  }

  @Test("pieces of numbers a page break cut join the row above when the next page's table starts further left")
  func piecesAtPageHeadUnderOtherColumns() {
    // Generated 2021 report (hrules, fullwidth, 14 pt; seed 9 s22): （七）总计's 44 and 56 as
    // ４ and ５ at the foot of page 1, ４ and ６ at the head of page 2 above 四、结转下年度继续办理,
    // whose label starts left of the group column, so the two tables' columns differ.
    // Read before: the pieces were values of no row and （七）总计 was null.
    let xs = (0..<7).map { 315 + 30.7 * Double($0) }
    var first = characters("（六）其他处理", x: 114, y: 700, size: 14) + characters("3.其他", x: 164, y: 700, size: 14)
    for (index, value) in ["０", "５", "０", "０", "０", "０", "５"].enumerated() {
      first += characters(value, x: xs[index], y: 700, size: 14)
    }
    first += characters("（七）总计", x: 114, y: 730, size: 14)
    for (index, value) in ["４", "６", "０", "３", "２", "１", "５"].enumerated() {
      first += characters(value, x: xs[index], y: 730, size: 14)
    }
    var second = characters("４", x: xs[0], y: 97, size: 14) + characters("６", x: xs[6], y: 97, size: 14)
    second += characters("四、结转下年度继续办理", x: 76, y: 129, size: 14)
    for (index, value) in ["２", "０", "０", "０", "２", "１", "５"].enumerated() {
      second += characters(value, x: xs[index], y: 129, size: 14)
    }
    let output = LayoutReconstructor().text(of: [
      PositionedPage(number: 1, width: 595, height: 842, characters: first),
      PositionedPage(number: 2, width: 595, height: 842, characters: second),
    ])
    let rows = output.lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.first { $0.contains("（七）总计") }?.suffix(7) == ["４４", "６", "０", "３", "２", "１", "５６"])
    #expect(rows.first { $0.contains("四、结转下年度继续办理") }?.suffix(7) == ["２", "０", "０", "０", "２", "１", "５"])
    #expect(!rows.contains { $0.first == "" && $0.contains("４") && $0.count < 4 })
  }

  @Test("a page number with its count, or alone and apart from the text, is still dropped")
  func pageNumbersStillDropped() {
    #expect(PageFurniture.isPageNumber("3 / 9"))
    #expect(PageFurniture.isPageNumber("第3页 共9页"))
    #expect(!PageFurniture.isPageNumber("３   ４"))
  }

  @Test("a frame around the page is no table: the table inside it and the text are read as they are")
  func pageFrame() {
    let table = ruledPart([["信息内容", "数量"], ["行政许可", "156"]], xs: [90, 400, 500], top: 300)
    let text = characters("二、主动公开政府信息情况", x: 90, y: 270) + table.characters
    let page = PositionedPage(number: 1, width: 595, height: 842, characters: text, rulings: frame + table.rulings)
    let tables = RuledTableFinder().tables(on: page).map(\.table)
    #expect(tables.map { $0.rows.map(\.cells) } == [[["信息内容", "数量"], ["行政许可", "156"]]])
    let output = LayoutReconstructor().text(of: [page])
    #expect(output.lines.dropLast() == ["二、主动公开政府信息情况", "信息内容\t数量", "行政许可\t156"])
  }

  @Test("a frame around a page of running text is no table either")
  func frameAroundText() {
    let page = PositionedPage(
      number: 1, width: 595, height: 842, characters: characters("本年度未收取信息处理费。", x: 90, y: 100), rulings: frame)
    #expect(RuledTableFinder().tables(on: page).isEmpty)
  }
}
