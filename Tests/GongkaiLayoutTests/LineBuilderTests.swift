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
