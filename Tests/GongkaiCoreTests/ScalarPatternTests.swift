import Foundation
import Testing

@testable import GongkaiCore

/// The models' patterns matched without ICU (`ScalarPattern` through `LazyExpression`) must
/// find exactly what NSRegularExpression finds: same matches, same group 1, same lists.
@Suite("Patterns without ICU")
struct ScalarPatternTests {
  /// Every rule pattern of Models/ (narrative figures and furniture lines).
  static let patterns: [String] = {
    let catalog = TemplateCatalog.standard
    return catalog.narrativeFigures.map(\.pattern) + catalog.pageFurniture.map(\.pattern)
  }()

  /// Lines and sentences of every text-like file under Samples/ (texts, web pages,
  /// Markdown, expected JSON with the narrative sections of the PDF fixtures), plus
  /// sentences written to reach the patterns' corners.
  static let texts: [String] = {
    var texts = [
      "本年度共办理政府信息公开申请12件", "收到申请 ３ 件", "共收到申请１２件，办结申请10 件。",
      "未收到政府信息公开申请", "没有 收到 申请", "本机关全年未收到任何公开申请，无复议。",
      "制定规范性文件 5 件", "制发行政规范性文件\t7份", "废止规范性文件0件", "现行有效的规范性文件 123 个",
      "正在实施行政规范性文件88件", "受理申请\u{3000}4\u{3000}宗", "答复申请99999999999999999999件",
      "处理申请 7 件\r\n", "处理申请 7 件\n", "处理申请 7 件\u{2028}", "处理申请𝟕件", "处理申请\u{11DE0}件",
      "2024/1/5 下午3:07 某某政府网", "2024-01-05, 15:07 ", "https://www.gov.cn/a/b.html 1/3",
      "www.example.gov.cn", "当前位置：首页 > 政务公开", "发布时间：2024-01-01 来源：办公室 浏览次数：12",
      "【打印】【关闭】", "[ 大 中 小 ]", "索 引 号：123\t发布机构：某局", "打印本页 关闭窗口",
      "主办单位：某某 承办单位：某某 网站标识码：1", "网站首页 | 政务公开 | 信息公开", "政府信息公开",
      "", " ", "a", "申请", "件", "：", "http", "首页首页首页",
    ]
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appending(path: "Samples")
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let file = files?.nextObject() as? URL {
      guard ["txt", "md", "html", "json"].contains(file.pathExtension),
        let data = try? Data(contentsOf: file)
      else { continue }
      let text = String(decoding: data, as: UTF8.self)
      for line in text.split(whereSeparator: \.isNewline) {
        texts.append(String(line))
        texts += line.split(whereSeparator: { "。；;！？".contains($0) }).map(String.init)
      }
    }
    return Array(Set(texts.filter { $0.unicodeScalars.count <= 1024 })).sorted()
  }()

  @Test("the narrative patterns and most furniture patterns need no ICU")
  func coverage() {
    let catalog = TemplateCatalog.standard
    for rule in catalog.narrativeFigures {
      #expect(ScalarPattern(rule.pattern) != nil, "\(rule.id)")
    }
    #expect(catalog.pageFurniture.filter { ScalarPattern($0.pattern) != nil }.count >= 8)
    // What the subset leaves to ICU.
    for pattern in ["\\p{Han}", "a.b", "(?i)a", "(?<name>a)", "a++", "[[a]]", "\\w", "\\b", "[a b]", "a{2,1}", "(a"] {
      #expect(ScalarPattern(pattern) == nil, "\(pattern)")
    }
  }

  @Test("\\d and \\s hold the same scalars as ICU's")
  func classes() throws {
    let digit = try NSRegularExpression(pattern: "^\\d$")
    let space = try NSRegularExpression(pattern: "^\\s$")
    let mineDigit = try #require(ScalarPattern("^\\d$"))
    let mineSpace = try #require(ScalarPattern("^\\s$"))
    var differences: [String] = []
    for value in 0...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = String(scalar)
      let range = NSRange(text.startIndex..., in: text)
      let icu = (digit.firstMatch(in: text, range: range) != nil, space.firstMatch(in: text, range: range) != nil)
      let mine = (mineDigit.firstMatch(in: [scalar]) != nil, mineSpace.firstMatch(in: [scalar]) != nil)
      if icu != mine { differences.append(String(value, radix: 16)) }
    }
    #expect(differences.isEmpty, "\(differences.prefix(20))")
  }

  @Test("every Models/ pattern finds what ICU finds, on every Samples/ text and random ones")
  func sameMatches() throws {
    var random = SystemRandomNumberGenerator()
    var checked = 0
    for pattern in Self.patterns where ScalarPattern(pattern) != nil {
      let expression = LazyExpression(pattern)
      let regex = try NSRegularExpression(pattern: pattern)
      // Random texts over the pattern's own scalars, digits, spaces and punctuation.
      let alphabet = Array(Set(pattern.unicodeScalars).union("0123456789 \t\u{3000}。，:：/-.件申请\r\n".unicodeScalars))
      var texts = Self.texts
      for _ in 0..<400 {
        let length = Int.random(in: 0...24, using: &random)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length { scalars.append(alphabet.randomElement(using: &random) ?? "a") }
        texts.append(String(scalars))
      }
      for text in texts {
        let range = NSRange(text.startIndex..., in: text)
        let icuFirst = regex.firstMatch(in: text, range: range).map { match in
          [Range(match.range, in: text), match.numberOfRanges > 1 ? Range(match.range(at: 1), in: text) : nil]
        }
        let mineFirst = expression.firstMatch(in: text).map { [$0.range, $0.group] }
        #expect(icuFirst == mineFirst, "\(pattern) on \(text.debugDescription)")
        let icuAll = regex.matches(in: text, range: range).map { Range($0.range, in: text) }
        let mineAll = expression.matches(in: text).map { Optional($0.range) }
        #expect(icuAll == mineAll, "\(pattern) on \(text.debugDescription)")
        checked += 1
      }
    }
    #expect(checked > 10_000)
  }
}
