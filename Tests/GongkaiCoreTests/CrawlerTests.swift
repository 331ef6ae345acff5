import Foundation
import GongkaiCore
import Testing

/// Crawler archives (a header block, then the whole page on one line, cells run together):
/// the generated exports of Samples/crawler and the two real ones, each against values
/// read off its text.
@Suite("Crawler exports")
struct CrawlerTests {
  @Test(
    "crawler export parses to its expected values",
    arguments: Fixtures.inputsWithExpectations(in: Fixtures.crawlerSamples))
  func crawlerSample(name: String) throws {
    let data = try Data(contentsOf: Fixtures.crawlerSamples.appending(path: name))
    let report = try Fixtures.report(ofData: data, file: name)
    let expected = try JSONReader.parse(
      String(contentsOf: Fixtures.crawlerSamples.appending(path: Fixtures.expectedName(for: name)), encoding: .utf8))
    let differences = ReportExpectation.differences(actual: ReportJSON.encode(report), expected: expected)
    #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
  }

  @Test("both forms, both real archives and cells left null are covered")
  func coverage() throws {
    let names = Fixtures.inputsWithExpectations(in: Fixtures.crawlerSamples)
    #expect(names.filter { $0.hasPrefix("real-") }.count == 2)
    var forms = Set<String>()
    var nullRuns = 0
    for name in names {
      let text = try String(
        contentsOf: Fixtures.crawlerSamples.appending(path: Fixtures.expectedName(for: name)), encoding: .utf8)
      if text.contains("\"template\": \"2019\"") { forms.insert("2019") }
      if text.contains("\"template\": \"2021\"") { forms.insert("2021") }
      if text.contains("\"rule\": \"missing\"") { nullRuns += 1 }
    }
    #expect(forms == ["2019", "2021"])
    #expect(nullRuns >= 4)
  }

  @Test("the crawl's 发布时间 is not the signing date; the header names the title")
  func headerBlock() throws {
    let text = """
      标题: 东湖镇人民政府2019年政府信息公开工作年度报告
      发布时间: 2020-01-20 15:22
      发布机构: 东湖镇人民政府
      页面链接与图片详见 links.tsv(同目录)
      ==================== 正文 ====================
      东湖镇人民政府2019年政府信息公开工作年度报告 本报告包括总体情况、主动公开政府信息情况等六个部分。\
      一、总体情况 本年度，我镇持续推进政务公开。二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量\
      本年新公开数量对外公开总数量规章000规范性文件1 1 2第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量\
      行政许可3 0 5其他对外管理服务事项0 0 0第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚0 0 0\
      行政强制0 0 0三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织\
      法律服务机构其他一、本年新收政府信息公开申请数量230 000023二、上年结转政府信息公开申请数量10000012\
      四、政府信息公开行政复议、行政诉讼情况 000000000000000 五、存在的主要问题及改进情况 公开形式较单一。\
      六、其他需要报告的事项 无。
      """
    let report = try Fixtures.report(ofText: text)
    #expect(report.meta.title == "东湖镇人民政府2019年政府信息公开工作年度报告")
    #expect(report.meta.agency == "东湖镇人民政府")
    #expect(report.meta.year == 2019)
    #expect(report.meta.published == nil)
    #expect(report.sections.overview == "本年度，我镇持续推进政务公开。")
    #expect(report.sections.other == "无。")
    // 230 000023: only 23 | 0 0 0 0 0 23 gives a row total.
    let new = report.requests.rows.first { $0.key == "new" }?.cells.map { $0.value?.count }
    #expect(new == [23, 0, 0, 0, 0, 0, 23])
    #expect(
      report.repairs.contains { $0.kind == "split_digits" && $0.detail.hasPrefix("230 000023 → 23 0 0 0 0 0 23") })
    // 10000012 can be no seven cells whose six parts sum to the seventh: null, and the
    // finding says why, instead of a split that hides the error.
    let carried = report.requests.rows.first { $0.key == "carried_over" }
    #expect(carried?.cells.allSatisfy { $0.value == nil } == true)
    let reasons = report.findings.filter { $0.rule == "missing" && $0.location.hasPrefix("requests.carried_over.") }
    #expect(reasons.count == 7)
    #expect(reasons.allSatisfy { $0.message.contains("10000012") && $0.message.contains("no split") })
    // 1 1 2 apart: trusted as they stand; 规章000: the only split into three cells.
    #expect(
      report.proactive.rows.first { $0.key == "normative_documents" }?.cells.map { $0.value?.count } == [1, 1, 2])
    #expect(report.proactive.rows.first { $0.key == "rules" }?.cells.map { $0.value?.count } == [0, 0, 0])
  }
}

/// Every text sample with bytes its encoding cannot hold, in UTF-8, GB18030 and UTF-16:
/// the same tables and meta, plus one `invalid_bytes` repair giving where they were.
@Suite("Invalid bytes")
struct InvalidByteTests {
  /// How the bytes are damaged.
  enum Damage: String, CaseIterable, CustomTestStringConvertible {
    case utf8Inserted, utf8Flipped, gb18030Inserted, utf16UnpairedSurrogate

    var testDescription: String { rawValue }

    /// The damaged bytes of `text`, and the byte offsets expected in the repair.
    func apply(to text: String) -> (Data, [Int])? {
      // Outside numbers: right after the first and second 。 (narrative text).
      let marks = text.indices.filter { text[$0] == "。" }.prefix(2)
      guard marks.count == 2 else { return nil }
      let first = text[...marks[marks.startIndex]]
      let second = text[...marks[marks.index(after: marks.startIndex)]]
      switch self {
      case .utf8Inserted:
        let cut = first.utf8.count
        var bytes = Array(text.utf8)
        bytes.insert(0xFF, at: cut)
        bytes.insert(0xC3, at: cut + 1)  // a lead byte with no continuation
        return (Data(bytes), [cut, cut + 1])
      case .utf8Flipped:
        // The lead byte of the character after the second 。 becomes a continuation byte.
        let at = second.utf8.count
        var bytes = Array(text.utf8)
        guard bytes[at] >= 0xE0 else { return nil }
        bytes[at] = 0x80
        return (Data(bytes), [at, at + 1, at + 2])
      case .gb18030Inserted:
        guard let prefix = encodeGB18030(String(first)), let whole = encodeGB18030(text) else { return nil }
        var bytes = [UInt8](whole)
        bytes.insert(0xFF, at: prefix.count)
        return (Data(bytes), [prefix.count])
      case .utf16UnpairedSurrogate:
        var units: [UInt16] = [0xFEFF] + Array(text.utf16)
        let at = 1 + first.utf16.count
        units.insert(0xD800, at: at)
        var bytes: [UInt8] = []
        for unit in units { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return (Data(bytes), [at * 2])
      }
    }
  }

  static let samples: [(folder: URL, name: String)] =
    Fixtures.textInputsWithExpectations().map { (Fixtures.textSamples, $0) }
    + Fixtures.inputsWithExpectations(in: Fixtures.crawlerSamples).map { (Fixtures.crawlerSamples, $0) }

  @Test(
    "a sample with invalid bytes gives the same tables and one invalid_bytes repair", arguments: samples.map(\.name),
    Damage.allCases)
  func damaged(name: String, damage: Damage) throws {
    let folder = try #require(Self.samples.first { $0.name == name }?.folder)
    let data = try Data(contentsOf: folder.appending(path: name))
    let text = try TextDecoder.decode(data, file: name)
    guard let (bytes, offsets) = damage.apply(to: text) else { return }
    let original = try Fixtures.report(ofData: data, file: name)
    let damaged = try Fixtures.report(ofData: bytes, file: name)
    #expect(damaged.meta == original.meta)
    #expect(damaged.proactive == original.proactive)
    #expect(damaged.requests == original.requests)
    #expect(damaged.appeals == original.appeals)
    let repairs = damaged.repairs.filter { $0.kind == "invalid_bytes" }
    #expect(repairs.count == 1)
    #expect(repairs.first?.detail.contains("offset(s) \(offsets.map(String.init).joined(separator: ", "))") == true)
  }

  @Test("a file most of which does not decode is rejected as binary")
  func mostlyUndecodable() {
    var bytes = Array("二、主动公开政府信息情况\n".utf8)
    bytes += [UInt8](repeating: 0xFF, count: 200)
    #expect(throws: InputError.self) { try TextDecoder.decodeReporting(Data(bytes), file: "x.txt") }
    do {
      _ = try TextDecoder.decodeReporting(Data(bytes), file: "x.txt")
    } catch {
      #expect(error.kind == .binary)
    }
  }
}

/// GB18030 bytes of `text` through iconv (the test's own encoder).
private func encodeGB18030(_ text: String) -> [UInt8]? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
  process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
  let input = Pipe()
  let output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  guard (try? process.run()) != nil else { return nil }
  let data = Data(text.utf8)
  DispatchQueue.global().async {
    input.fileHandleForWriting.write(data)
    try? input.fileHandleForWriting.close()
  }
  let result = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return process.terminationStatus == 0 ? [UInt8](result) : nil
}

/// A run the form's checks leave open may be decided by a figure the narrative states.
@Suite("Digits split by the narrative")
struct NarrativeSplitTests {
  static func page(overview: String) -> String {
    """
    标题: 青石县自然资源局2021年政府信息公开工作年度报告
    ==================== 正文 ====================
    青石县自然资源局2021年政府信息公开工作年度报告 本报告包括总体情况、主动公开政府信息情况等六个部分。\
    一、总体情况 \(overview)二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数\
    规章000行政规范性文件3124第二十条第（五）项信息内容本年处理决定数量行政许可156第二十条第（六）项信息内容\
    本年处理决定数量行政处罚42行政强制5第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费12.5 \
    三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他\
    一、本年新收政府信息公开申请数量0000000二、上年结转政府信息公开申请数量0000000\
    四、政府信息公开行政复议、行政诉讼情况 000000000000000 五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。
    """
  }

  @Test("现行有效…24件 leaves one split of 3124: 3 1 24")
  func decidedByNarrative() throws {
    let report = try Fixtures.report(ofText: Self.page(overview: "本年度现行有效行政规范性文件24件。"))
    let row = report.proactive.rows.first { $0.key == "normative_documents" }
    #expect(row?.cells.map { $0.value?.count } == [3, 1, 24])
    #expect(report.repairs.contains { $0.kind == "split_digits" && $0.detail.contains("narrative") })
  }

  @Test("without the figure, 3124 stays null with the count of splits")
  func openWithoutNarrative() throws {
    let report = try Fixtures.report(ofText: Self.page(overview: "本年度持续推进政务公开。"))
    let row = report.proactive.rows.first { $0.key == "normative_documents" }
    #expect(row?.cells.allSatisfy { $0.value == nil } == true)
    let finding = report.findings.first { $0.location == "proactive.normative_documents.in_force" }
    #expect(finding?.rule == "missing")
    #expect(finding?.message.contains("3124") == true)
    #expect(finding?.message.contains("3 splits") == true)
  }
}
