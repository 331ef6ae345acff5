import Foundation
import GongkaiCore
import Testing

@testable import GongkaiMarkup

@Suite("Tables from markup")
struct TableGridTests {
  @Test("a label merged down its rows is repeated on each; a value merged across columns is given once")
  func spans() {
    let grid = TableGrid(rows: [
      [.init(text: "三、本年度办理结果", rowSpan: 3), .init(text: "（一）予以公开", columnSpan: 2), .init(text: "3")],
      [.init(text: "（三）不予公开", rowSpan: 2), .init(text: "1.属于国家秘密"), .init(text: "0")],
      [.init(text: "2.其他法律行政法规禁止公开"), .init(text: "1")],
      [.init(text: "行政许可"), .init(text: "156", columnSpan: 3)],
      [.init(text: "7", rowSpan: 2), .init(text: "8")],
      [.init(text: "9")],
    ])
    let fields = grid.lines().map(\.fields)
    #expect(fields[0] == ["三、本年度办理结果", "（一）予以公开", "3"])
    #expect(fields[1] == ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "0"])
    #expect(fields[2] == ["三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "1"])
    #expect(fields[3] == ["行政许可", "156"])
    // A number merged down two rows is not repeated: it belongs to one of them.
    #expect(fields[5] == ["", "9"])
  }
}

@Suite("Markdown front end")
struct MarkdownTests {
  @Test("pipe cells: outer pipes, escaped pipes, <br>, bold markers")
  func cells() {
    #expect(MarkdownInput.pipeCells("| a | b \\| c | **3** |") == ["a", "b | c", "3"])
    #expect(MarkdownInput.pipeCells("| （二）部分公开<br>（区分处理的） |  | 1 |") == ["（二）部分公开（区分处理的）", "", "1"])
    #expect(MarkdownInput.isSeparator(["---", ":--:", "-"]))
    #expect(!MarkdownInput.isSeparator(["0", "-1"]))
  }

  @Test("a value repeated under a merged header is one cell; under distinct headers it stays")
  func repeatedCells() {
    let merged = MarkdownInput.grid([
      ["信息内容", "本年处理决定数量", "本年处理决定数量", "本年处理决定数量"],
      ["行政许可", "156", "156", "156"],
    ])
    #expect(merged.grid.lines().map(\.fields)[1] == ["行政许可", "156"])
    let emptyMerge = MarkdownInput.grid([["信息内容", "本年处理决定数量", "", ""], ["行政许可", "156", "156", "156"]])
    #expect(emptyMerge.grid.lines().map(\.fields)[1] == ["行政许可", "156"])
    let distinct = MarkdownInput.grid([["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"]])
    #expect(distinct.grid.lines().map(\.fields)[1] == ["规章", "0", "0", "0"])
    // A converter that repeats merged cells, and no header row to say: no value is placed.
    let shredded = MarkdownInput.grid([
      ["第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项"], ["行政许可", "156", "156", "156"],
    ])
    #expect(shredded.grid.lines().map(\.fields)[1] == ["行政许可", MarkdownInput.ambiguous])
    #expect(shredded.ambiguous == 1)
    // Equal values in a table written without repeats are equal values.
    let plain = MarkdownInput.grid([["第二十条第（五）项", "", "", ""], ["规章", "0", "0", "0"]])
    #expect(plain.grid.lines().map(\.fields)[1] == ["规章", "0", "0", "0"])
  }

  @Test("equal values under a header cell of their own and a merged header cell are one value each")
  func equalValuesCutByHeader() {
    // Generated 2019 report in mineru-style Markdown (seed 22 s10): table (八) written over
    // four columns, 本年增/减 repeated for its merged cell, and 上一年项目数量 3 with a change
    // of 3: read before as one ambiguous run, both cells null with a false `missing` error.
    let table = MarkdownInput.grid([
      ["第二十条第（八）项", "第二十条第（八）项", "第二十条第（八）项", "第二十条第（八）项"],
      ["信息内容", "上一年项目数量", "本年增/减", "本年增/减"],
      ["行政事业性收费", "3", "3", "3"],
    ])
    #expect(table.grid.lines().map(\.fields)[2] == ["行政事业性收费", "3", "3"])
    #expect(table.ambiguous == 0)
    // A merged header reaching out of the run does not tell: still no value placed.
    let unsure = MarkdownInput.grid([
      ["第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项"],
      ["信息内容", "上一年项目数量", "本年增/减", "本年增/减"], ["行政许可", "3", "3", "5"],
    ])
    #expect(unsure.grid.lines().map(\.fields)[2] == ["行政许可", MarkdownInput.ambiguous, "5"])
    #expect(unsure.ambiguous == 1)
  }

  @Test("an empty cell under a header label continued from the row above is not part of the label on its left")
  func emptyCellUnderLabelAbove() {
    // marker leaves merged cells empty: 总计 spans both header rows, so the empty cell after
    // 其他 in the second row is 总计's, and 1 1 are two values (其他 and 总计), not one.
    let table = MarkdownInput.grid([
      ["", "自然人", "法人或其他组织", "", "总计"],
      ["", "", "商业企业", "其他", ""],
      ["3.危及“三安全一稳定”", "0", "0", "1", "1"],
    ])
    #expect(table.grid.lines().map(\.fields)[2] == ["3.危及“三安全一稳定”", "0", "0", "1", "1"])
  }

  @Test("each line of the text traces to the input line of each of its fields: paragraphs, pipe rows, HTML cells")
  func inputLines() {
    let markdown = [
      "# 某局2021年政府信息公开工作年度报告",  // 1
      "",  // 2
      "| 信息内容 | 本年制发件数 |",  // 3
      "|---|---|",  // 4
      "| 行政许可<br>（件） | 156 |",  // 5
      "",  // 6
      "<table>",  // 7
      "<tr>",  // 8
      "<td>行政处罚</td>",  // 9
      "<td>",  // 10
      "  42</td>",  // 11
      "</tr>",  // 12
      "</table>",  // 13
      "<table><tr><td>行政强制</td><td>5</td></tr></table>",  // 14
    ]
    for newline in ["\n", "\r\n"] {
      #expect(MarkdownInput.read(markdown.joined(separator: newline)).inputLines.isEmpty)
      let read = MarkdownInput.read(markdown.joined(separator: newline), tracingLines: true)
      let text = read.text.split(separator: "\n", omittingEmptySubsequences: false)
      func fields(_ prefix: String) -> [Int]? {
        guard let line = text.firstIndex(where: { $0.hasPrefix(prefix) }) else { return nil }
        return read.inputLines.first { $0.line == line + 1 }?.inputLines
      }
      #expect(fields("某局") == [1])
      #expect(fields("信息内容") == [3, 3])
      #expect(fields("行政许可") == [5, 5])
      #expect(fields("行政处罚") == [9, 11])
      #expect(fields("行政强制") == [14, 14])
    }
  }

  @Test("headings lose their #, a separator row goes, a table in HTML is read as a table")
  func document() {
    let text = MarkdownInput.read(
      """
      # 某县2021年政府信息公开工作年度报告

      ## 二、主动公开政府信息情况

      | 信息内容 | 本年制发件数 |
      |---|---|
      | 规章 | 2 |

      <html><body><table><tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>4</td></tr><tr><td>2.其他</td><td>5</td></tr></table></body></html>
      """
    ).text
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.contains("某县2021年政府信息公开工作年度报告"))
    #expect(lines.contains("二、主动公开政府信息情况"))
    #expect(lines.contains("规章\t2"))
    #expect(!lines.contains { $0.contains("---") })
    #expect(lines.contains("（三）不予公开\t2.其他\t5"))
  }
}

@Suite("HTML front end")
struct HTMLTests {
  @Test("a GBK page declaring gb2312 is decoded; &nbsp; and full-width spaces around numbers go")
  func gbk() throws {
    let page = """
      <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
      <p>某县2021年政府信息公开工作年度报告</p><table><tr><td>规章</td><td>&nbsp;2&nbsp;</td><td>\u{3000}3</td></tr></table>
      </body></html>
      """
    let data = try #require(page.data(using: String.Encoding(rawValue: 0x8000_0632)))  // GB18030
    #expect(String(data: data, encoding: .utf8) == nil, "the bytes must not be UTF-8 for this test")
    let text = try HTMLInput.read(data, file: "page.html").text
    #expect(text.contains("某县2021年政府信息公开工作年度报告"))
    #expect(text.contains("规章\t2\t3"))
  }

  @Test("script, style and furniture lines are dropped; a source line break between Chinese characters is no space")
  func furniture() throws {
    let page = """
      <html><body><div class="nav">首页 政务公开</div><script>var a = '二、主动公开政府信息情况';</script>
      <h1>某县2021年政府信息公开工作年度报告</h1><div class="info">发布时间：2022-01-20 来源：某县 浏览次数：12</div>
      <p>一、总体情况</p><p>全年共收到
      申请12件。</p><div id="footer">版权所有：某县人民政府</div></body></html>
      """
    let text = try HTMLInput.read(Data(page.utf8), file: "page.html").text
    #expect(text.hasPrefix("某县2021年政府信息公开工作年度报告\n一、总体情况\n全年共收到申请12件。\n"))
    #expect(!text.contains("版权所有"))
    #expect(!text.contains("var a"))
  }

  @Test("100,000 nested tags: read without exhausting the stack")
  func deepNesting() throws {
    let depth = 100_000
    let page =
      String(repeating: "<div>", count: depth) + "某县2021年政府信息公开工作年度报告" + String(repeating: "</div>", count: depth)
    let text = try HTMLInput.read(Data(page.utf8), file: "deep.html").text
    #expect(text.contains("某县2021年政府信息公开工作年度报告"))
    // Tables that deep still come out as rows of tab-separated cells.
    let table = "<p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td> 2 </td><td>1</td></tr></table>"
    let deepTable =
      String(repeating: "<div><span>", count: depth) + table + String(repeating: "</span></div>", count: depth)
    #expect(try HTMLInput.read(Data(deepTable.utf8), file: "deep.html").text.contains("规章\t2\t1"))
  }
}

@Suite("HTML page parse: furniture cut and pruned")
struct HTMLFurnitureTests {
  /// The body of a committed sample page (a report with its tables), and that page's text.
  private static func sample() throws -> (body: String, text: String) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appending(path: "Samples/html/gen-2021-a.clean.html")
    let page = try String(contentsOf: url, encoding: .utf8)
    let start = try #require(page.range(of: "<body>")).upperBound
    let end = try #require(page.range(of: "</body>")).lowerBound
    return (String(page[start..<end]), try HTMLInput.read(Data(page.utf8), file: "clean.html").text)
  }

  private static func cut(_ page: String) -> String? {
    var page = page
    return page.withUTF8 { bytes in
      HTMLFurnitureCut.cut(bytes, furniture: .standard).map { String(decoding: $0.bytes, as: UTF8.self) }
    }
  }

  @Test("a furniture <div>'s content is cut before parsing; inside a table, or holding table parts, it is not")
  func cutOnBytes() {
    #expect(
      Self.cut("<body><div id=\"nav\" class=\"nav\"><ul><li><a href=\"/\">首页</a></li></ul></div><p>正文</p></body>")
        == "<body><div id=\"nav\" class=\"nav\"></div><p>正文</p></body>")
    // Nested <div>s are balanced; a `<` or `>` inside a quoted value is no tag.
    #expect(
      Self.cut("<div title=\"a</div>\" class='Top-Menu'><div>a</div><div class=x>b</div>c</div><p>正文</p>")
        == "<div title=\"a</div>\" class='Top-Menu'></div><p>正文</p>")
    #expect(Self.cut("<table><tr><td><div class=\"nav\">首页</div></td></tr></table>") == nil)
    #expect(Self.cut("<div class=\"nav\"><table><tr><td>首页</td></tr></table></div>") == nil)
    #expect(Self.cut("<div class=\"nav\">首页</td></div>") == nil)
    #expect(Self.cut("<div class=\"nav\">首页<!-- x --></div>") == nil)
    #expect(Self.cut("<div class=\"content\"><ul><li>首页</li></ul></div>") == nil)
    // An unclosed furniture <div> is left alone.
    #expect(Self.cut("<div class=\"nav\"><div>首页</div>") == nil)
  }

  @Test("furniture around the report, beside it in a layout table, or holding it: the report reads the same")
  func furnitureAround() throws {
    let (body, text) = try Self.sample()
    let navigation =
      "<ul>" + String(repeating: "<li class=\"item\"><a href=\"/col\">政务公开</a></li>\n", count: 50) + "</ul>"
    let footer = "<p>主办单位：青石县人民政府办公室</p><p>版权所有：青石县人民政府</p>"
    let pages = [
      // cut on the bytes
      "<html><body><div id=\"nav\" class=\"nav\">\(navigation)</div>\(body)<div class=\"footer\">\(footer)</div></body></html>",
      // furniture in a layout table beside the report: kept for the table, not cut
      "<html><body><table><tr><td class=\"side\"><div class=\"nav\">\(navigation)</div></td><td>\(body)</td></tr></table>"
        + "<div class=\"footer\">\(footer)</div></body></html>",
      // the report only inside furniture: read all the same
      "<html><body><div class=\"sidebar\">\(body)</div></body></html>",
      // furniture deeper than the walk tells it apart
      "<html><body>" + String(repeating: "<div>", count: 205) + "<div class=\"nav\">\(navigation)</div>"
        + String(repeating: "</div>", count: 205) + body + "</body></html>",
    ]
    for (index, page) in pages.enumerated() {
      let read = try HTMLInput.read(Data(page.utf8), file: "page\(index).html").text
      #expect(read == text, "page \(index)")
      #expect(!read.contains("政务公开\n"), "page \(index)")
      #expect(!read.contains("版权所有"), "page \(index)")
    }
  }
}

@Suite("Word numbering")
struct WordNumberingTests {
  @Test("number formats Word uses for Chinese headings")
  func formats() {
    #expect(WordNumbering.format(1, as: "chineseCounting") == "一")
    #expect(WordNumbering.format(10, as: "chineseCounting") == "十")
    #expect(WordNumbering.format(12, as: "chineseCountingThousand") == "十二")
    #expect(WordNumbering.format(20, as: "chineseCounting") == "二十")
    #expect(WordNumbering.format(105, as: "chineseCounting") == "一百零五")
    #expect(WordNumbering.format(3, as: "ideographTraditional") == "丙")
    #expect(WordNumbering.format(4, as: "decimal") == "4")
    #expect(WordNumbering.format(2, as: "decimalEnclosedCircle") == "②")
  }
}
