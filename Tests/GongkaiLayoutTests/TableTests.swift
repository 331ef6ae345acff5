import GongkaiLayout
import Testing

/// Tables from ruling lines: merged cells, wrapped and vertical labels.
@Suite("Ruled tables")
struct TableTests {
  /// Table 三's middle: a label merged over three rows, sub-labels, two value columns.
  func page() -> PositionedPage {
    let xs = [50.0, 110, 300, 340, 380]
    let ys = [100.0, 125, 150, 175]
    // In the first column the rules between the rows are missing: one merged cell.
    let rulings = grid(xs: xs, ys: ys, missingHorizontal: [(125, 50, 110), (150, 50, 110)])
    var text: [PositionedCharacter] = []
    // 三、本年度办理结果 wrapped over three lines inside its cell.
    text += characters("三、本年", x: 55, y: 105)
    text += characters("度办理结", x: 55, y: 120)
    text += characters("果", x: 55, y: 135)
    text += characters("（一）予以公开", x: 115, y: 107)
    text += characters("（二）部分公开（区分处理的，", x: 115, y: 127)
    text += characters("只计这一情形，不计其他情形）", x: 115, y: 138)
    text += characters("（三）不予公开", x: 115, y: 157)
    for (row, y) in [107.0, 132, 157].enumerated() {
      text += characters("\(row + 1)", x: 315, y: y)
      text += characters("\(row + 4)", x: 355, y: y)
    }
    // A paragraph above the table, untouched by it.
    text += characters("三、收到和处理政府信息公开申请情况", x: 50, y: 70)
    return PositionedPage(number: 1, width: 600, height: 800, characters: text, rulings: rulings)
  }

  @Test("a merged label comes out once, wrapped labels as one cell, empty fields where it spans")
  func mergedCells() {
    let layout = PageAnalyzer().layout(of: page())
    #expect(layout.blocks.count == 2)
    guard case .line(let heading) = layout.blocks[0], case .table(let table) = layout.blocks[1] else {
      Issue.record("expected a line then a table, got \(layout.blocks)")
      return
    }
    #expect(heading.text == "三、收到和处理政府信息公开申请情况")
    #expect(table.isRuled)
    #expect(
      table.rows.map(\.cells) == [
        ["三、本年度办理结果", "（一）予以公开", "1", "4"],
        ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "2", "5"],
        ["", "（三）不予公开", "3", "6"],
      ])
  }

  @Test("vertical text in a narrow cell reads as one label; an empty cell is an empty field")
  func verticalText() {
    let xs = [50.0, 70, 90, 130]
    let ys = [100.0, 160, 180]
    var text = verticalCharacters("结果维持", x: 55, y: 105)
    text += verticalCharacters("总计", x: 75, y: 105)
    text += characters("行政复议", x: 92, y: 125)
    text += characters("1", x: 57, y: 165)
    text += characters("3", x: 97, y: 165)
    let layout = PageAnalyzer().layout(
      of: PositionedPage(number: 1, width: 600, height: 800, characters: text, rulings: grid(xs: xs, ys: ys)))
    guard case .table(let table) = layout.blocks.first else {
      Issue.record("no table in \(layout.blocks)")
      return
    }
    #expect(table.rows.map(\.line) == ["结果维持\t总计\t行政复议", "1\t\t3"])
  }

  @Test("stray strokes that touch no other rule make no table")
  func strayLines() {
    let rulings = [
      RulingLine(axis: .horizontal, position: 100, start: 50, end: 300),
      RulingLine(axis: .vertical, position: 400, start: 10, end: 40),
    ]
    let page = PositionedPage(
      number: 1, width: 600, height: 800, characters: characters("正文", x: 60, y: 80), rulings: rulings)
    #expect(RuledTableFinder().tables(on: page).isEmpty)
  }

  @Test("a table drawn without lines is read from its aligned columns")
  func alignedColumns() {
    var text = characters("信息内容", x: 50, y: 100) + characters("本年处理决定数量", x: 250, y: 100)
    text += characters("行政处罚", x: 50, y: 120) + characters("42", x: 290, y: 120)
    text += characters("行政强制", x: 50, y: 140) + characters("5", x: 295, y: 140)
    let reconstructor = LayoutReconstructor()
    let output = reconstructor.text(of: [PositionedPage(number: 1, width: 600, height: 800, characters: text)])
    #expect(output.lines.dropLast() == ["信息内容\t本年处理决定数量", "行政处罚\t42", "行政强制\t5"])
  }

  @Test("a number wrapped in a narrow column beside cells centred between its pieces is one row, each number whole")
  func wrappedBesideCentredCells() {
    // 1614 and 1619 wrap as 161 over 4 and 9; the row's other cells sit on a line between.
    var text = labelledRow("2.重复申请", ["3", "0", "0", "3"], y: 100)
    text += characters("4.保护第三方", x: 50, y: 120) + characters("161", x: 200, y: 120)
    text += characters("161", x: 320, y: 120)
    text += characters("0", x: 240, y: 131) + characters("5", x: 280, y: 131)
    text += characters("4", x: 205, y: 142) + characters("9", x: 325, y: 142)
    text += labelledRow("3.其他", ["1", "0", "0", "1"], y: 165)
    let output = LayoutReconstructor().text(
      of: [PositionedPage(number: 1, width: 600, height: 800, characters: text)])
    #expect(
      output.lines.dropLast() == ["2.重复申请\t3\t0\t0\t3", "4.保护第三方\t1614\t0\t5\t1619", "3.其他\t1\t0\t0\t1"])
  }

  @Test("a count with thousands separators wrapped beside cells centred between its pieces (1,02 over 7) is read whole")
  func wrappedWithSeparatorsBesideCentredCells() {
    // 1,027 as 1,02 on the label's line and 7 on a third line, the row's zeros between.
    // Read before: the pieces fitted no row, so 1,027 and the next row's numbers under
    // the 7s were left unread.
    var text = labelledRow("1.属于国家秘密", ["0", "0", "0", "0"], y: 100)
    text += characters("2.其他法律", x: 50, y: 120) + characters("1,02", x: 200, y: 120)
    text += characters("1,02", x: 320, y: 120)
    text += characters("0", x: 240, y: 131) + characters("0", x: 280, y: 131)
    text += characters("7", x: 205, y: 142) + characters("7", x: 325, y: 142)
    text += labelledRow("3.危及", ["1", "0", "0", "1"], y: 165)
    let rows = tableRows(of: text)
    #expect(rows.first { $0.contains("2.其他法律") } == ["2.其他法律", "1,027", "0", "0", "1,027"])
    #expect(rows.first { $0.contains("3.危及") } == ["3.危及", "1", "0", "0", "1"])
  }

  @Test("a number wrapped over three lines, its middle piece on the row's line beside a group cell, is read whole")
  func wrappedOverThreeLines() {
    // 105 as 1 / 0 / 5 in the 自然人 and 总计 columns, centred on the row 2.其他 whose label
    // sits in the second column (the group cell （三） is on the row above).
    var text = characters("（三）", x: 20, y: 100) + characters("1.属于国家秘密", x: 60, y: 100)
    text += characters("0", x: 200, y: 100) + characters("0", x: 240, y: 100) + characters("0", x: 280, y: 100)
    text += characters("1", x: 200, y: 114) + characters("1", x: 280, y: 114)
    text += characters("2.其他法律", x: 60, y: 126)
    text += characters("0", x: 200, y: 126) + characters("0", x: 240, y: 126) + characters("0", x: 280, y: 126)
    text += characters("5", x: 200, y: 138) + characters("5", x: 280, y: 138)
    text += characters("3.危及", x: 60, y: 152)
    text += characters("2", x: 200, y: 152) + characters("0", x: 240, y: 152) + characters("2", x: 280, y: 152)
    let rows = tableRows(of: text)
    #expect(rows.first { $0.contains("2.其他法律") }?.suffix(3) == ["105", "0", "105"])
    #expect(rows.first { $0.contains("3.危及") }?.suffix(3) == ["2", "0", "2"])
  }

  @Test("pieces of a wrapped count keep their thousands separators (1,89 over 4 is 1,894)")
  func wrappedWithSeparators() {
    var text = characters("1.属于", x: 60, y: 100)
    text += characters("0", x: 200, y: 100) + characters("0", x: 240, y: 100) + characters("0", x: 280, y: 100)
    text += characters("1,89", x: 200, y: 114) + characters("2,15", x: 280, y: 114)
    text += characters("2.其他", x: 60, y: 126) + characters("3", x: 240, y: 126)
    text += characters("4", x: 205, y: 138) + characters("1", x: 285, y: 138)
    text += characters("3.危及", x: 60, y: 152)
    text += characters("2", x: 200, y: 152) + characters("0", x: 240, y: 152) + characters("2", x: 280, y: 152)
    let rows = tableRows(of: text)
    #expect(rows.first { $0.contains("2.其他") }?.suffix(3) == ["1,894", "3", "2,151"])
  }

  @Test("a count cut after its thousands separator (1,32) takes the piece a little further below (1 is 1,321)")
  func openNumberTakesLowerPiece() {
    // 1,321 and 1,631 wrap as 1,32 / 1 and 1,63 / 1 around the row's line; the lower pieces
    // stand 4 pt under it, more than the 3 pt a piece may be off, but a number cut after
    // its separator goes on. Read before: both left unread.
    var text = characters("1,32", x: 200, y: 100) + characters("1,63", x: 320, y: 100)
    text += characters("一、本年新收", x: 50, y: 113) + characters("205", x: 240, y: 113)
    text += characters("12", x: 280, y: 113)
    text += characters("1", x: 205, y: 127) + characters("1", x: 325, y: 127)
    text += labelledRow("二、上年结转", ["241", "7", "0", "248"], y: 150)
    let rows = tableRows(of: text)
    #expect(rows.first { $0.contains("一、本年新收") } == ["一、本年新收", "1,321", "205", "12", "1,631"])
    #expect(rows.first { $0.contains("二、上年结转") } == ["二、上年结转", "241", "7", "0", "248"])
  }

  @Test("pieces beside the lines of a group cell's label (（五） 1 1 / 不予处 4 4) join the row between them")
  func piecesBesideGroupLabel() {
    var text = characters("2.重复申请", x: 60, y: 100)
    text += characters("0", x: 200, y: 100) + characters("0", x: 240, y: 100) + characters("0", x: 280, y: 100)
    text += characters("（五）", x: 20, y: 114) + characters("1", x: 200, y: 114) + characters("1", x: 280, y: 114)
    text += characters("3.要求提供", x: 60, y: 126) + characters("0", x: 240, y: 126)
    text += characters("不予处", x: 20, y: 138) + characters("4", x: 200, y: 138) + characters("4", x: 280, y: 138)
    text += characters("理", x: 20, y: 152) + characters("4.无正当", x: 60, y: 152)
    text += characters("4", x: 200, y: 152) + characters("1", x: 240, y: 152) + characters("5", x: 280, y: 152)
    let rows = tableRows(of: text)
    #expect(rows.first { $0.contains("3.要求提供") }?.suffix(3) == ["14", "0", "14"])
    #expect(rows.first { $0.contains("4.无正当") }?.suffix(3) == ["4", "1", "5"])
  }

  @Test("the rest of a label on its own line with lower pieces (量 35 56) completes the row above")
  func labelRestWithPieces() {
    func row(_ label: String, _ values: [String], y: Double) -> [PositionedCharacter] {
      var text = characters(label, x: 20, y: y)
      for (index, value) in values.enumerated() where !value.isEmpty {
        text += characters(value, x: 200 + Double(index) * 40, y: y)
      }
      return text
    }
    var text = row("一、本年新收申请数", ["22", "1", "2", "3", "4", "25"], y: 100)
    text += row("量", ["35", "", "", "", "", "56"], y: 112)
    text += row("二、上年结转申请数", ["1", "0", "0", "0", "0", "1"], y: 130)
    text += row("三、本年办理结果", ["0", "0", "0", "0", "0", "0"], y: 150)
    text += row("果", ["5", "", "", "", "", ""], y: 162)
    text += row("四、结转下年度", ["1", "1", "0", "0", "0", "2"], y: 174)
    let rows = tableRows(of: text)
    #expect(rows.first { $0.contains("一、本年新收申请数") }?.suffix(6) == ["2235", "1", "2", "3", "4", "2556"])
    #expect(rows.first { $0.contains("二、上年结转申请数") }?.suffix(6) == ["1", "0", "0", "0", "0", "1"])
    // 5 under a lone 0 (no number goes on after it): whose piece it is is unknown, so the
    // numbers it touches in its column are left unread.
    #expect(rows.first { $0.contains("三、本年办理结果") }?.suffix(6) == ["", "0", "0", "0", "0", "0"])
    #expect(rows.first { $0.contains("四、结转下年度") }?.suffix(6) == ["", "1", "0", "0", "0", "2"])
  }

  @Test("lower pieces beside the rest of the row's label (仍不明确 04 04) complete the row")
  func lowerPiecesBesideLabelRest() {
    // A 2019 norules report set 14 on 18 pt numbers: 1904 in the 自然人 and 总计 columns
    // wraps as 19 over 04, the label as 3.补正后申请内容 over 仍不明确, the row's zeros
    // between. Read before: the zeros one column right and the total 0.
    var text = characters("2.没有现成信息", x: 182, y: 80, size: 10)
    text += characters("3.补正后申请内容", x: 182, y: 100, size: 10)
    text += characters("19", x: 318, y: 100) + characters("19", x: 502, y: 100)
    for index in 0..<5 { text += characters("0", x: 348 + 31 * Double(index), y: 107) }
    text += characters("仍不明确", x: 182, y: 114, size: 10)
    text += characters("04", x: 318, y: 114) + characters("04", x: 502, y: 114)
    text += characters("（五）1.信访举报", x: 129, y: 135, size: 10)
    let rows = tableRows(of: text)
    #expect(
      rows.first { $0.contains { $0.hasPrefix("3.补正后") } } == [
        "3.补正后申请内容仍不明确", "1904", "0", "0", "0", "0", "0", "1904",
      ])
  }

  @Test("numbers on lines of their own beside a group cell's wrapped text (（五）不 0 8 4 / 予处理 5 7) are read whole")
  func splitNumberLinesBesideGroupText() {
    // A large-number 2021 report: the label on its own line, the upper pieces 1,55 and
    // 1,56 below it, the row's other numbers beside （五）不, the lower pieces beside 予处理.
    // Read before: 1,55 and 1,56, a column apart from the rest.
    var text = characters("3.要求提供公开出版物", x: 174, y: 92, size: 10)
    text += characters("1,55", x: 317, y: 104, size: 12) + characters("1,56", x: 488, y: 104, size: 12)
    text += characters("（五）不", x: 128, y: 116, size: 10)
    for (index, value) in ["0", "0", "8", "4", "0"].enumerated() {
      text += characters(value, x: 345 + 28.5 * Double(index), y: 116, size: 12)
    }
    text += characters("予处理", x: 135, y: 128, size: 10)
    text += characters("5", x: 329, y: 128, size: 12) + characters("7", x: 500, y: 128, size: 12)
    text += characters("4.无正当理由", x: 174, y: 150, size: 10)
    let output = LayoutReconstructor().text(of: [PositionedPage(number: 1, width: 600, height: 800, characters: text)])
    #expect(output.contains("1,555 0 0 8 4 0 1,567") || output.contains("1,555\t0\t0\t8\t4\t0\t1,567"))
    #expect(!output.contains("1,55\t") && !output.contains("1,55 "))
  }

  @Test("a label on its own line over its numbers beside a group cell's label (（五）不予处理 0 0 …) keeps the numbers")
  func labelOverNumbersBesideGroupLabel() {
    // A landscape 2021 report with horizontal rules only: every row's label on a line of
    // its own, the numbers (14.3 pt) just under it; 3.要求提供公开出版物's numbers share
    // their line with the group cell's label. Read before: the numbers went to （五）不予处理
    // and the row was null.
    var text = characters("2.重复申请", x: 201.6, y: 138.8, size: 10)
    for index in 0..<7 { text += characters(String(index % 3), x: 457.6 + 50 * Double(index), y: 146.1, size: 14.3) }
    text += characters("3.要求提供公开出版物", x: 201.6, y: 170.7, size: 10)
    text += characters("（五）不予处理", x: 121.6, y: 180.0, size: 10)
    for (index, value) in ["1", "0", "2", "0", "0", "0", "3"].enumerated() {
      text += characters(value, x: 457.6 + 50 * Double(index), y: 178.0, size: 14.3)
    }
    text += characters("4.无正当理由大量反复申请", x: 201.6, y: 202.7, size: 10)
    let lines = LayoutReconstructor().text(of: [PositionedPage(number: 1, width: 842, height: 595, characters: text)])
      .lines
    let label = lines.firstIndex { $0.hasPrefix("3.要求提供公开出版物") }
    #expect(label.map { lines[$0 + 1] } == "1 0 2 0 0 0 3")
    #expect(!lines.contains { $0.hasPrefix("（五）不予处理") && $0.contains("1 0 2") })
  }

  @Test(
    "pieces of numbers wrapped in two columns, above and below a row read as a table of its own, stay in their columns")
  func wrappedPiecesInTheirOwnColumns() {
    // Generated 2019 report (norules, labelw:wide; seed 17 s56): 11 and 12 as 1 over 1 and
    // 1 over 2 in the 商业企业 and 总计 columns of 8.属于行政查询事项, lines of the vertical
    // group cell (三、 / 度办) around them. No row of those three lines fills both 自然人 and
    // 商业企业: read before as one column, 0 0 1 → 101 (and 102), four wrong numbers.
    let xs = (0..<7).map { 367.5 + 20.75 * Double($0) }
    var text = characters("三、", x: 99.8, y: 224.4, size: 11)
    text += characters("1", x: xs[1] + 1, y: 232.3, size: 11) + characters("1", x: xs[6] + 1, y: 232.3, size: 11)
    text += characters("本年", x: 99.8, y: 240.2, size: 11) + characters("8.属于行政查询事项", x: 191, y: 240.2, size: 11)
    for (index, value) in [(0, "0"), (2, "1"), (3, "0"), (4, "0"), (5, "0")] {
      text += characters(value, x: xs[index], y: 240.2, size: 11)
    }
    text += characters("1", x: xs[1] + 1, y: 248.1, size: 11) + characters("2", x: xs[6], y: 248.1, size: 11)
    text += characters("度办", x: 99.8, y: 256, size: 11)
    let rows = tableRows(of: text)
    let row = rows.first { $0.contains("8.属于行政查询事项") }
    #expect(row?.suffix(7) == ["0", "11", "1", "0", "0", "0", "12"])
    #expect(!rows.joined().contains { $0.hasPrefix("10") })
  }

  @Test(
    "upper pieces on a line of their own, lower pieces on the row's line set lower than its numbers, are one number")
  func upperPiecesOverLowerOnRowLine() {
    // Generated 2019 report (norules, microhei, labelw:wide; seed 10 s5): 62 as 6 on a
    // line of its own and 2 on 5.属于三类内部事务信息's line, 6 points below its zeros;
    // （三）不 between the rows. Read before: the 6 fitted no row, so 62 and the numbers of
    // the row above under it were null. Boxes as tall as the text layer's, in its order
    // (labels, then each number column top to bottom).
    func tall(_ text: [PositionedCharacter]) -> [PositionedCharacter] { withHeight(text, 13.65) }
    let xs = (0..<7).map { 367.7 + 20.77 * Double($0) }
    var text = tall(characters("4.保护第三方合法权益", x: 191, y: 281, size: 10.5))
    text += tall(characters("（三）不", x: 137.6, y: 287.1, size: 10.5))
    text += tall(characters("予公开", x: 142.8, y: 299.4, size: 10.5))
    text += tall(characters("5.属于三类内部事务信息", x: 191, y: 299.4, size: 10.5))
    text += tall(characters("6.属于四类过程性信息", x: 191, y: 317.9, size: 10.5))
    let columns: [[(String, Double)]] = [
      [("0", 281), ("6", 293.3), ("2", 305.6), ("0", 317.9)],
      [("0", 281), ("0", 299.4), ("0", 317.9)], [("3", 281), ("0", 299.4), ("0", 317.9)],
      [("0", 281), ("0", 299.4), ("0", 317.9)], [("0", 281), ("0", 299.4), ("0", 317.9)],
      [("0", 281), ("0", 299.4), ("0", 317.9)],
      [("3", 281), ("6", 293.3), ("2", 305.6), ("0", 317.9)],
    ]
    for (index, column) in columns.enumerated() {
      for (value, y) in column { text += tall(characters(value, x: xs[index], y: y, size: 10.5)) }
    }
    let rows = tableRows(of: text)
    #expect(rows.first { $0.contains("4.保护第三方合法权益") }?.suffix(7) == ["0", "0", "3", "0", "0", "0", "3"])
    #expect(rows.first { $0.contains("5.属于三类内部事务信息") }?.suffix(7) == ["62", "0", "0", "0", "0", "0", "62"])
  }

  @Test("a label on its own line over its numbers, each beside a line of a vertical group label (办 / 理), is one row")
  func labelOverNumbersBesideVerticalGroupLabel() {
    // Generated 2021 report (threeline, labelw:narrow; seed 18 s41): 1.属于国家秘密 (10 pt)
    // beside 办, its numbers (12 pt) 6.6 points lower, nearer 理; the next row's label
    // wrapped beside 结 / 果. Read before: 理 stood between the label and the numbers,
    // which were passed over, and the row was blank. Boxes as tall as the text layer's.
    let tall = withHeight
    let xs = (0..<7).map { 215.1 + 49.23 * Double($0) }
    var text = tall(characters("办", x: 59.7, y: 371.1) + characters("1.属于国家秘密", x: 115, y: 371.1), 13)
    for (index, value) in ["5", "0", "0", "0", "0", "0", "5"].enumerated() {
      text += tall(characters(value, x: xs[index], y: 377.7, size: 14.4), 15.6)
    }
    text += tall(characters("理", x: 59.7, y: 386.7), 13)
    text += tall(characters("结", x: 59.7, y: 402.3) + characters("2.其他法律行政", x: 115, y: 402.3), 13)
    for index in 0..<7 { text += tall(characters("0", x: xs[index], y: 408.9, size: 14.4), 15.6) }
    text += tall(characters("果", x: 59.7, y: 417.9) + characters("法规禁止公开", x: 115, y: 417.9), 13)
    let rows = tableRows(of: text)
    #expect(rows.first { $0.contains("1.属于国家秘密") }?.suffix(7) == ["5", "0", "0", "0", "0", "0", "5"])
    #expect(!rows.contains { $0.first == "理" || ($0.count > 1 && $0[1] == "理") })
  }

  @Test("upper pieces under a row whose numbers stand on a line of their own go to the row they are centred on")
  func upperPiecesCentredOnNextRow() {
    // Generated 2019 report (norules, large, labels_spaces+nonumber; seed 21 s57): 2.没有现成
    // 信息需要另行制 / 作 with its zeros on a line between its two label lines, then 1957 and
    // 1961 of 3.补正后申请内容仍不明确 as 195 / 7 and 196 / 1 around that row's line. Read
    // before: 195 went under the zeros above it (0195, 0196) and 7 / 1 stood alone in the
    // row: four wrong numbers. Boxes as tall as the text layer's, at its places.
    func tall(_ text: [PositionedCharacter]) -> [PositionedCharacter] { withHeight(text, 13) }
    let xs = [319.3, 350.0, 380.7, 411.4, 442.1, 472.8, 503.6]
    func numbers(_ values: [(Int, String)], y: Double) -> [PositionedCharacter] {
      values.flatMap { tall(characters($0.1, x: xs[$0.0] - 2.6 * Double($0.1.count - 1), y: y, size: 11.2)) }
    }
    var text = tall(characters("（四）无", x: 130, y: 173.2) + characters("2.没有现成信息需要另行制", x: 182.2, y: 173.2))
    text += numbers((0..<7).map { ($0, "0") }, y: 180.3)
    text += tall(characters("法提供", x: 135, y: 187.5) + characters("作", x: 182.2, y: 187.5))
    text += numbers([(0, "195"), (6, "196")], y: 201.9)
    text += tall(characters("3.补正后申请内容仍不明确", x: 182.2, y: 209))
    text += numbers([(1, "0"), (2, "4"), (3, "0"), (4, "0"), (5, "0")], y: 209)
    text += numbers([(0, "7"), (6, "1")], y: 216.2)
    text += tall(characters("1.信访举报投诉类申请", x: 182.2, y: 230.6))
    text += numbers((0..<7).map { ($0, "0") }, y: 230.6)
    let rows = tableRows(of: text)
    // The label's first line stands alone here; its zeros come with its rest (作).
    let label = rows.firstIndex { $0.contains { $0.hasSuffix("2.没有现成信息需要另行制") } }
    #expect(label.map { rows[$0 + 1].suffix(7) } == ["0", "0", "0", "0", "0", "0", "0"])
    #expect(
      rows.first { $0.contains("3.补正后申请内容仍不明确") }?.suffix(7) == ["1957", "0", "4", "0", "0", "0", "1961"])
    #expect(!rows.joined().contains { $0.hasPrefix("0") && $0.count > 1 })
  }

  @Test("a piece row centred both under one row's upper pieces and over the next row's lower pieces is left unread")
  func pieceCentredOnTwoRows() {
    // 2 over 5.属于… over 4 over 6.属于… over 8, evenly spaced (boxes 13 tall, 7.2 apart,
    // as the text layer of seed 21 s57 gives them), the rows' own cells empty in that
    // column: 24 and 8, or 2 and 48. Neither can be told from the page.
    func tall(_ text: [PositionedCharacter]) -> [PositionedCharacter] { withHeight(text, 13) }
    var text = tall(characters("2", x: 300, y: 100, size: 11.2))
    text += tall(characters("5.属于三类内部事务信息", x: 182, y: 107.2) + characters("0", x: 340, y: 107.2, size: 11.2))
    text += tall(characters("4", x: 300, y: 114.4, size: 11.2))
    text += tall(characters("6.属于四类过程性信息", x: 182, y: 121.6) + characters("1", x: 340, y: 121.6, size: 11.2))
    text += tall(characters("8", x: 300, y: 128.8, size: 11.2))
    text += tall(
      characters("7.属于行政执法案卷", x: 182, y: 143.2) + characters("3", x: 300, y: 143.2, size: 11.2)
        + characters("0", x: 340, y: 143.2, size: 11.2))
    let rows = tableRows(of: text)
    #expect(rows.first { $0.contains("5.属于三类内部事务信息") }?.suffix(2) == ["", "0"])
    #expect(rows.first { $0.contains("6.属于四类过程性信息") }?.suffix(2) == ["", "1"])
    #expect(rows.first { $0.contains("7.属于行政执法案卷") }?.suffix(2) == ["3", "0"])
  }

  @Test("a piece of a wrapped number that fits no row leaves the numbers it touches unread")
  func leftoverPieceUnsure() {
    // 23 as 2 above the row's line and 3 on it: not centred, so whose piece the 2 is is
    // unknown; 3 alone would be a wrong number.
    var text = characters("（三）", x: 20, y: 100) + characters("1.属于国家秘密", x: 60, y: 100)
    text += characters("0", x: 200, y: 100) + characters("0", x: 240, y: 100) + characters("0", x: 280, y: 100)
    text += characters("2", x: 200, y: 114) + characters("2", x: 280, y: 114)
    text += characters("3.危及", x: 60, y: 126)
    text += characters("3", x: 200, y: 126) + characters("0", x: 240, y: 126) + characters("5", x: 280, y: 126)
    text += characters("4.保护", x: 60, y: 145)
    text += characters("0", x: 200, y: 145) + characters("1", x: 240, y: 145) + characters("1", x: 280, y: 145)
    let rows = tableRows(of: text)
    #expect(rows.first { $0.contains("3.危及") }?.suffix(3) == ["", "0", ""])
    #expect(rows.first { $0.contains("4.保护") }?.suffix(3) == ["0", "1", "1"])
  }
}

@Suite("Ruled grids with rules missing")
struct MissingRuleTests {
  @Test("a row rule drawn only over the last column still separates rows holding numbers")
  func partialRowRule() {
    // Four columns (label, two values, total), three rows; the rule between rows 2 and 3
    // is drawn only over the total column, as a bitmap finder or a careless export leaves it.
    let xs: [Double] = [0, 100, 140, 180, 220]
    let ys: [Double] = [0, 20, 40, 60]
    let lines = grid(xs: xs, ys: ys, missingHorizontal: [(y: 40, from: 0, to: 180)])
    var text: [PositionedCharacter] = []
    text += characters("规章", x: 5, y: 5)
    text += characters("1", x: 105, y: 5) + characters("2", x: 145, y: 5) + characters("3", x: 185, y: 5)
    text += characters("甲", x: 5, y: 25)
    text += characters("4", x: 105, y: 25) + characters("5", x: 145, y: 25) + characters("9", x: 185, y: 25)
    text += characters("乙", x: 5, y: 45)
    text += characters("6", x: 105, y: 45) + characters("7", x: 145, y: 45) + characters("13", x: 185, y: 45)
    let page = PositionedPage(number: 1, width: 300, height: 100, characters: text, rulings: lines)
    let tables = RuledTableFinder().tables(on: page)
    let rows = tables.first?.table.rows.map(\.cells) ?? []
    #expect(rows == [["规章", "1", "2", "3"], ["甲", "4", "5", "9"], ["乙", "6", "7", "13"]])
  }

  @Test("a merged label cell over rows without numbers stays one cell")
  func mergedLabelStays() {
    let xs: [Double] = [0, 100, 140]
    let ys: [Double] = [0, 20, 40]
    let lines = grid(xs: xs, ys: ys, missingHorizontal: [(y: 20, from: 0, to: 100)])
    var text = characters("（三）不予", x: 5, y: 5) + characters("公开", x: 5, y: 25)
    text += characters("1", x: 105, y: 5) + characters("2", x: 105, y: 25)
    let page = PositionedPage(number: 1, width: 200, height: 60, characters: text, rulings: lines)
    let rows = RuledTableFinder().tables(on: page).first?.table.rows.map(\.cells) ?? []
    #expect(rows == [["（三）不予公开", "1"], ["", "2"]])
  }

  @Test("a label beside the L-shaped rest of cells a page break cut short stays in its own cell (（七）总计)")
  func labelBesideLShapedCell() {
    // Table 三's foot on the page after a break (border-collapse: separate): the rowspan cells
    // 三、本年度办理结果 (x 50–90) and （六） (x 90–140) end at 145 and 117, short of the rows
    // beside them; （七）总计 (x 90–280) starts at 151. The rests of the two cells and the strip
    // left of （七）总计 are one merged cell shaped like an L whose extent reaches over the
    // start of the label.
    let h: [(Double, Double, Double)] = [
      (50, 140, 320), (117, 90, 140), (123, 140, 320), (145, 50, 90), (151, 90, 320), (178, 50, 320), (205, 50, 320),
    ]
    let v: [(Double, Double, Double)] = [
      (50, 50, 145), (50, 178, 205), (90, 50, 145), (90, 151, 178), (140, 50, 151), (280, 50, 205), (320, 50, 205),
    ]
    let lines =
      h.map { RulingLine(axis: .horizontal, position: $0.0, start: $0.1, end: $0.2) }
      + v.map { RulingLine(axis: .vertical, position: $0.0, start: $0.1, end: $0.2) }
    var text = characters("2.逾期未缴费", x: 145, y: 80) + characters("0", x: 298, y: 80)
    text += characters("3.其他", x: 145, y: 130) + characters("0", x: 298, y: 130)
    // （七）总 over the L's extent (x 100–140), 计 beyond it.
    text += characters("（七）总计", x: 100, y: 160) + characters("9", x: 298, y: 160)
    text += characters("四、结转", x: 55, y: 187) + characters("3", x: 298, y: 187)
    let page = PositionedPage(number: 4, width: 400, height: 300, characters: text, rulings: lines)
    let rows = RuledTableFinder().tables(on: page).first?.table.rows.map { $0.cells.filter { !$0.isEmpty } } ?? []
    #expect(rows == [["2.逾期未缴费", "0"], ["3.其他", "0"], ["（七）总计", "9"], ["四、结转", "3"]])
  }

  @Test("a number wrapped across the end of a group cell's shading (１３４ over ０) is one number: shading ends no row")
  func numberWrappedAcrossShadingEnd() {
    // Drawn rules at 100, 130, 170; the zebra shading of the group cell (x 50–100) ends at 140,
    // inside the （七）总计 row, its edge the only rule there.
    var lines = [100.0, 130, 170].map { RulingLine(axis: .horizontal, position: $0, start: 50, end: 240) }
    lines += [50.0, 100, 200, 240].map { RulingLine(axis: .vertical, position: $0, start: 100, end: 170) }
    lines.append(RulingLine(axis: .horizontal, position: 140, start: 50, end: 100, source: .fillEdge))
    var text = characters("（六）其他处理", x: 105, y: 110) + characters("0", x: 215, y: 110)
    text += characters("（七）总计", x: 105, y: 145)
    text += characters("134", x: 212, y: 131) + characters("0", x: 218, y: 146)
    let page = PositionedPage(number: 3, width: 300, height: 300, characters: text, rulings: lines)
    let rows = RuledTableFinder().tables(on: page).first?.table.rows.map { $0.cells.filter { !$0.isEmpty } } ?? []
    #expect(rows == [["（六）其他处理", "0"], ["（七）总计", "1340"]])
  }
}
