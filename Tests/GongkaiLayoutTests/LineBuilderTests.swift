import GongkaiLayout
import Testing

/// Characters to lines by geometry, whatever order they come in.
@Suite("Lines")
struct LineBuilderTests {
  @Test("characters in any order come out as lines, top to bottom, left to right")
  func order() {
    let first = characters("一、总体情况", x: 100, y: 100)
    let second = characters("2021年，本局", x: 80, y: 130)
    let shuffled = (second + first).reversed().map { $0 }
    let lines = LineBuilder().lines(from: shuffled)
    #expect(lines.map(\.text) == ["一、总体情况", "2021年，本局"])
    #expect(lines[0].box.minX == 100)
  }

  @Test("spaces: kept between Latin words, dropped between Chinese characters")
  func spaces() {
    var text = characters("Page", x: 0, y: 0) + characters("five", x: 30, y: 0)
    #expect(LineBuilder().lines(from: text).map(\.text) == ["Page five"])
    // Justified Chinese: wide letter spacing and a space character the PDF put in.
    text =
      characters("申", x: 0, y: 0) + characters("请", x: 17, y: 0)
      + [PositionedCharacter(character: " ", box: PageRect(minX: 27, minY: 0, maxX: 34, maxY: 10))]
      + characters("人", x: 34, y: 0)
    #expect(LineBuilder().lines(from: text).map(\.text) == ["申请人"])
  }

  @Test("wide gaps split a line into segments")
  func segments() {
    let text = characters("行政许可", x: 0, y: 0) + characters("156", x: 200, y: 0)
    let line = LineBuilder().lines(from: text)
    #expect(line.count == 1)
    #expect(line.first?.segments.map(\.text) == ["行政许可", "156"])
  }

  @Test("full-width numbers on a line of their own, a narrow column gap apart, are two segments")
  func fullWidthNumbersApart() {
    // Generated 2021 report (threeline, large, num_fullwidth; seed 22 s27): the upper pieces
    // of 1315 and 138 (１３ and １３) in the 自然人 and 商业企业 columns, 7.4 points apart,
    // digits 10.5 wide in boxes 13.7 tall. Sized by the box height, the gap was less than
    // a word space: one segment １３１３ that joined the two columns, and 14 cells null.
    func digits(_ text: String, x: Double) -> [PositionedCharacter] {
      text.enumerated().map { offset, character in
        let left = x + 10.5 * Double(offset)
        return PositionedCharacter(
          character: character, box: PageRect(minX: left, minY: 353.6, maxX: left + 10.5, maxY: 367.3))
      }
    }
    let lines = LineBuilder().lines(from: digits("１３", x: 310) + digits("１３", x: 338.4) + digits("１５", x: 480.8))
    #expect(lines.first?.segments.map(\.text) == ["１３", "１３", "１５"])
  }

  @Test("a full-width number a word space from Chinese text is a word of its own")
  func fullWidthNumberAfterLabel() {
    // A 14 pt table of full-width counts beside a 10 pt label that reaches close to the
    // first number column: glued, ７ ended the label and the row lost its first value.
    var text = characters("行政机关不再处理其政府信息公开", x: 153.7, y: 446.9)
    for (index, digit) in "７００００００".enumerated() {
      text += characters(String(digit), x: 317 + 33 * Double(index), y: 444.9, size: 14)
    }
    let lines = LineBuilder().lines(from: text)
    #expect(lines.count == 1)
    #expect(lines.first?.text.hasPrefix("行政机关不再处理其政府信息公开 ７") == true)
    #expect(lines.first?.segments.first?.cells.map(\.text) == ["行政机关不再处理其政府信息公开", "７"])
  }

  @Test("a group cell between two tight rows does not chain them into one line")
  func groupCellBetweenTightRows() {
    // font_ukai's boxes (14.3) are taller than the line pitch (12.2): 3.危及… and
    // 4.保护… each with their numbers, and （三）不 / 予公开 at half-line offsets
    // between them. One line, the numbers stacked, read 20 where the rows say 2 and 0.
    var text = characters("3.危及“三安全一稳定”", x: 182, y: 271.8, size: 13.7)
    text += characters("（三）不", x: 129, y: 277.6, size: 13.7)
    text += characters("4.保护第三方合法权益", x: 182, y: 283.4, size: 13.7)
    text += characters("予公开", x: 134, y: 289.2, size: 13.7)
    for (index, digit) in "2000002".enumerated() {
      text += characters(String(digit), x: 320 + 28.5 * Double(index), y: 271.8, size: 13.7)
    }
    for index in 0..<7 {
      text += characters("0", x: 320 + 28.5 * Double(index), y: 283.4, size: 13.7)
    }
    let lines = LineBuilder().lines(from: text)
    let rows = lines.filter { $0.segments.count > 2 }
    #expect(rows.count == 2)
    #expect(rows.first?.segments.last?.text == "2")
    #expect(!lines.contains { $0.text.contains("20") || $0.text.contains("00") })
  }

  @Test("a group cell's text left of the next row's label does not keep two rows in one line")
  func groupTextBesideLowerRow() {
    // A MicroHei 2019 report (13.65 high boxes, rows 12.3 apart): 理结 of the outer group
    // cell stands on 2.没有现成…'s level, left of its label; （四）无 / 法提供 at half-line
    // offsets chain the rows. Read as one line the numbers stacked into 10 00 … 11.
    var text = characters("度办", x: 100.3, y: 354.8, size: 13.65)
    text += characters("理结", x: 100.3, y: 367.1, size: 13.65)
    text += characters("（四）无", x: 137.6, y: 360.9, size: 13.65)
    text += characters("法提供", x: 142.8, y: 373.2, size: 13.65)
    text += characters("1.本机关不掌握", x: 191, y: 354.8, size: 13.65)
    text += characters("2.没有现成信息", x: 191, y: 367.1, size: 13.65)
    for (row, values) in ["1000001", "0000101"].enumerated() {
      for (index, digit) in values.enumerated() {
        text += characters(String(digit), x: 367.7 + 20.8 * Double(index), y: 354.8 + 12.3 * Double(row), size: 13.65)
      }
    }
    let lines = LineBuilder().lines(from: text)
    #expect(lines.first { $0.text.contains("1.本机关") }?.segments.suffix(7).map(\.text) == "1000001".map(String.init))
    #expect(lines.first { $0.text.contains("2.没有现成") }?.segments.suffix(7).map(\.text) == "0000101".map(String.init))
  }

  @Test("a lone 0 over a digit is no wrapped number: the digit is the next row's upper piece")
  func zeroOverNextRowsPiece() {
    // 62 of 5.属于三类… wraps as 6 over 2 in the 自然人 and 总计 columns; the group cell
    // （三）不 between the rows pulls the 6 into 4.保护第三方…'s line, which read 06 and 36.
    var text = characters("4.保护第三方", x: 191, y: 281, size: 13.65)
    text += characters("（三）不", x: 137.6, y: 287.1, size: 13.65)
    text += characters("予公开", x: 142.8, y: 299.4, size: 13.65)
    text += characters("5.属于三类", x: 191, y: 299.4, size: 13.65)
    for (index, digit) in "0030003".enumerated() {
      text += characters(String(digit), x: 367.7 + 20.8 * Double(index), y: 281, size: 13.65)
    }
    for index in 1..<6 { text += characters("0", x: 367.7 + 20.8 * Double(index), y: 299.4, size: 13.65) }
    for x in [367.7, 367.7 + 20.8 * 6] {
      text += characters("6", x: x, y: 293.3, size: 13.65) + characters("2", x: x, y: 305.6, size: 13.65)
    }
    let lines = LineBuilder().lines(from: text)
    #expect(lines.first { $0.text.contains("4.保护") }?.segments.suffix(7).map(\.text) == "0030003".map(String.init))
    #expect(!lines.contains { $0.segments.contains { ["06", "36"].contains($0.text) } })
  }

  @Test("characters slightly off the baseline stay on their line")
  func baseline() {
    var text = characters("共", x: 0, y: 100)
    text += [PositionedCharacter(character: "3", box: PageRect(minX: 10, minY: 101.5, maxX: 15, maxY: 110.5))]
    text += characters("件", x: 15, y: 100)
    #expect(LineBuilder().lines(from: text).map(\.text) == ["共3件"])
  }

  @Test("a number wrapped in a narrow cell, joined to a taller row's line, reads top to bottom")
  func stackedNumber() {
    // hrules-2019-d's geometry: the label's row is 13.65 high; beside it `14` sits 7 above
    // its centre and `3` 5 below, both inside the line's band. Left to right alone they
    // would read 134.
    let row = characters("申请数量", x: 100, y: 95.4, size: 13.65)
    // `21`, a little higher than the label, is what lets `14` into the line.
    let label = row + characters("21", x: 342, y: 94.5, size: 13.65)
    var text = label
    text += characters("14", x: 313.5, y: 88.4, size: 13.65)
    text += characters("3", x: 316.9, y: 100.6, size: 13.65)
    let lines = LineBuilder().lines(from: text)
    #expect(lines.count == 1)
    #expect(lines.first?.segments.map(\.text) == ["申请数量", "143", "21"])
    // Pieces aligned right (`3` under the `4`) and a two-digit lower piece read the same way.
    text =
      label + characters("14", x: 313.5, y: 88.4, size: 13.65)
      + characters("3", x: 320.2, y: 100.6, size: 13.65)
    #expect(LineBuilder().lines(from: text).first?.segments.map(\.text) == ["申请数量", "143", "21"])
    text =
      label + characters("14", x: 313.5, y: 88.4, size: 13.65)
      + characters("23", x: 313.5, y: 100.6, size: 13.65)
    #expect(LineBuilder().lines(from: text).first?.segments.map(\.text) == ["申请数量", "1423", "21"])
  }
}
