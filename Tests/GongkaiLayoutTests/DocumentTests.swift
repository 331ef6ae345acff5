import GongkaiLayout
import Testing

/// Whole documents: furniture, paragraphs, tables across pages.
@Suite("Documents")
struct DocumentTests {
  @Test(
    "page numbers are recognised",
    arguments: ["-3-", "—5—", "- 5 -", "－12－", "第5页", "第 5 页 共 9 页", "5/9", "Page 5 of 9", "7"])
  func pageNumbers(text: String) {
    #expect(PageFurniture.isPageNumber(text))
  }

  @Test("text is not a page number", arguments: ["2021年", "一、总体情况", "第二十条第（一）项", "共收到申请5件", "", "1 0 0 1 2", "1\t2"])
  func notPageNumbers(text: String) {
    #expect(!PageFurniture.isPageNumber(text))
  }

  /// A page of running text at margins 90…500 with 15-point lines.
  func page(
    _ number: Int, lines: [(String, indent: Bool, full: Bool)], top: Double = 100, extra: [PositionedCharacter] = [],
    rulings: [RulingLine] = []
  ) -> PositionedPage {
    var text: [PositionedCharacter] = []
    var y = top
    for (line, indent, full) in lines {
      let x = indent ? 120.0 : 90
      var chars = characters(line, x: x, y: y, size: 15)
      if full, let last = chars.last {
        // Justified: stretch the line to the right margin.
        let stretch = (500 - last.box.maxX) / Double(max(1, chars.count - 1))
        chars = chars.enumerated().map { index, character in
          var moved = character
          moved.box.minX += stretch * Double(index)
          moved.box.maxX += stretch * Double(index)
          return moved
        }
      }
      text += chars
      y += 24
    }
    return PositionedPage(number: number, width: 595, height: 842, characters: text + extra, rulings: rulings)
  }

  @Test("wrapped lines join into paragraphs; indents and short lines end them; footers go")
  func paragraphs() {
    let first = page(
      1,
      lines: [
        ("一、总体情况", indent: true, full: false),
        ("2021年，本局坚持以习近平新时代中国特色社会", indent: true, full: true),
        ("主义思想为指导，认真贯彻落实《条例》。", indent: false, full: false),
        ("全年共收到政府信息公开申请17件，上年结转3件，", indent: true, full: true),
      ], extra: characters("—1—", x: 280, y: 790))
    let second = page(
      2,
      lines: [
        ("已办结20件。", indent: false, full: false),
        ("（一）主动公开", indent: true, full: false),
      ], extra: characters("—2—", x: 280, y: 790))
    let text = LayoutReconstructor().text(of: [first, second])
    #expect(
      text.lines.dropLast() == [
        "一、总体情况",
        "2021年，本局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》。",
        "全年共收到政府信息公开申请17件，上年结转3件，已办结20件。",
        "（一）主动公开",
      ])
  }

  @Test("a title broken over two centred lines only a little larger than the text (18 on 16 pt) is one line")
  func twoLineTitleSlightlyLarger() {
    // 17 pt on 15 pt running text, as the generator's size:14 reports set 18 pt on 16 pt.
    let agency = "江城市生态环境局"
    let year = "2019年政府信息公开工作年度报告"
    let title =
      characters(agency, x: 297.5 - Double(agency.count) * 8.5, y: 60, size: 17)
      + characters(year, x: 297.5 - (4 * 4.25 + Double(year.count - 4) * 8.5), y: 82, size: 17)
    let first = page(
      1,
      lines: [
        ("一、总体情况", indent: true, full: false),
        ("2019年，本局坚持以习近平新时代中国特色社会", indent: true, full: true),
        ("主义思想为指导，认真贯彻落实《条例》。", indent: false, full: false),
      ], top: 130, extra: title)
    let text = LayoutReconstructor().text(of: [first])
    #expect(text.lines.first == agency + year)
  }

  @Test("a running head repeated on every page is dropped")
  func runningHead() {
    let pages = (1...3).map { number in
      page(
        number, lines: [("正文第\(number)页的内容。", indent: true, full: false)], top: 200,
        extra: characters("东湖镇2021年政府信息公开工作年度报告", x: 150, y: 40, size: 9))
    }
    let text = LayoutReconstructor().text(of: pages)
    #expect(!text.contains("年度报告"))
    #expect(text.lines.count == 4)
  }

  @Test("a browser's header a point above a ruled table that starts the page is dropped like on the other pages")
  func browserHeaderOverTable() {
    // Chromium prints the date and the page title in the top margin (y 15–25) and the page
    // from y 26: on page 2 a table's top rule is 1 pt under the header.
    let header = "12/1/26, 2:03 AM  东湖镇2021年政府信息公开工作年度报告 - 东湖镇人民政府"
    let table = tablePart([("规章", "0"), ("行政许可", "156")], header: true, top: 26)
    let pages = (1...3).map { number in
      number == 2
        ? PositionedPage(
          number: 2, width: 595, height: 842, characters: characters(header, x: 20, y: 15) + table.characters,
          rulings: table.rulings)
        : page(
          number, lines: [(number == 1 ? "一、总体情况" : "二、主动公开政府信息情况", indent: true, full: false)], top: 200,
          extra: characters(header, x: 20, y: 15))
    }
    let text = LayoutReconstructor().text(of: pages)
    #expect(!text.contains("AM"), "\(text)")
    #expect(Array(text.lines.dropLast()) == ["一、总体情况", "信息内容\t数量", "规章\t0", "行政许可\t156", "二、主动公开政府信息情况"])
  }

  /// A two-column table part: header row, then `rows` label/value rows, top at `top`.
  func tablePart(_ rows: [(String, String)], header: Bool, top: Double) -> (
    characters: [PositionedCharacter], rulings: [RulingLine]
  ) {
    var all = header ? [("信息内容", "数量")] + rows : rows
    if all.isEmpty { all = [] }
    let ys = (0...all.count).map { top + Double($0) * 20 }
    var text: [PositionedCharacter] = []
    for (index, row) in all.enumerated() {
      text += characters(row.0, x: 95, y: ys[index] + 5)
      if !row.1.isEmpty { text += characters(row.1, x: 405, y: ys[index] + 5) }
    }
    return (text, grid(xs: [90, 400, 500], ys: ys))
  }

  @Test("a table broken across pages is stitched: repeated header and footers dropped, split row joined")
  func stitching() {
    let part1 = tablePart([("规章", "0"), ("2.申请人逾期未按收费通知要求缴", "1")], header: true, top: 700)
    let part2 = tablePart([("纳费用", ""), ("行政许可", "156")], header: true, top: 80)
    let first = PositionedPage(
      number: 1, width: 595, height: 842,
      characters: characters("二、主动公开政府信息情况", x: 90, y: 670) + part1.characters + characters("- 1 -", x: 280, y: 800),
      rulings: part1.rulings)
    let second = PositionedPage(
      number: 2, width: 595, height: 842,
      characters: part2.characters + characters("三、收到和处理政府信息公开申请情况", x: 90, y: 200)
        + characters("- 2 -", x: 280, y: 800),
      rulings: part2.rulings)
    let text = LayoutReconstructor().text(of: [first, second])
    #expect(
      text.lines.dropLast() == [
        "二、主动公开政府信息情况",
        "信息内容\t数量",
        "规章\t0",
        "2.申请人逾期未按收费通知要求缴纳费用\t1",
        "行政许可\t156",
        "三、收到和处理政府信息公开申请情况",
      ])
  }
}
