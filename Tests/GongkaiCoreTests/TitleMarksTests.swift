import Testing

@testable import GongkaiCore

/// What `MetaReader.withoutLeadingMarks` takes off a title line, and what it leaves.
@Suite("Marks before a title")
struct TitleMarksTests {
  static let title = "石门镇人民政府2022年政府信息公开工作年度报告"

  @Test("one or two marks before a clean body's name go")
  func specksGo() {
    #expect(MetaReader.withoutLeadingMarks("A，" + Self.title) == Self.title)
    #expect(MetaReader.withoutLeadingMarks("· " + Self.title) == Self.title)
  }

  @Test("a time, three marks, or a bracketed body stay")
  func othersStay() {
    // A browser header's time before a page title: digits, no specks.
    #expect(MetaReader.withoutLeadingMarks("12/21, 9:35AM" + Self.title) == "12/21, 9:35AM" + Self.title)
    #expect(MetaReader.withoutLeadingMarks("A，、" + Self.title) == "A，、" + Self.title)
    #expect(MetaReader.withoutLeadingMarks("（石门镇）人民政府2022年报告") == "（石门镇）人民政府2022年报告")
    #expect(MetaReader.withoutLeadingMarks(Self.title) == Self.title)
  }
}
