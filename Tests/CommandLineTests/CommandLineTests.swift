import Foundation
import GongkaiCore
import Testing

private let seed = "Samples/text/000_9c86ffa99e553fb9.txt"
private let truncated = "Samples/text/001_f54858a1ba3b72c6.txt"
private let consistent2021 = "Samples/text/003_d1513ee4e846cccb.txt"

@Suite("Command line")
struct CommandLineTests {
  @Test("parse prints one report that conforms to the JSON Schema in Models/")
  func parseConformsToSchema() throws {
    let result = try CommandRunner.run(["parse", seed])
    #expect(result.status == 0)
    let schema = try JSONReader.parse(
      String(contentsOf: CommandRunner.root.appending(path: "Models/report.schema.json"), encoding: .utf8))
    let json = try JSONReader.parse(result.standardOutput)
    #expect(SchemaValidator(schema: schema).violations(of: json).isEmpty)
    #expect(json["source"]?["file"]?.stringValue == "000_9c86ffa99e553fb9.txt")
    #expect(json["source"]?["sha256"]?.stringValue?.count == 64)
  }

  @Test("several inputs as JSON Lines: one conforming object per line")
  func jsonLines() throws {
    let result = try CommandRunner.run(["parse", "--format", "jsonl", seed, truncated, consistent2021])
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 3)
    let schema = try JSONReader.parse(
      String(contentsOf: CommandRunner.root.appending(path: "Models/report.schema.json"), encoding: .utf8))
    for line in lines {
      #expect(SchemaValidator(schema: schema).violations(of: try JSONReader.parse(String(line))).isEmpty)
    }
  }

  @Test("CSV with a byte order mark, written to a file with -o")
  func csvToFile() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appending(path: "reports.csv")
    let result = try CommandRunner.run(["parse", "--format", "csv", "--bom", "-o", output.path(), seed, consistent2021])
    #expect(result.status == 0)
    #expect(result.standardOutput.isEmpty)
    let data = try Data(contentsOf: output)
    #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix("source.file,source.sha256,source.kind"))
    #expect(text.contains("000_9c86ffa99e553fb9.txt,"))
    #expect(text.contains("003_d1513ee4e846cccb.txt,"))
  }

  @Test("bad inputs: one line on standard error naming the file, exit 2, the others still parsed")
  func badInputs() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = folder.appending(path: "empty.txt")
    let binary = folder.appending(path: "image.txt")
    let prose = folder.appending(path: "notice.txt")
    try Data().write(to: empty)
    try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0xFF]).write(to: binary)
    try Data("关于做好春节期间安全生产工作的通知\n各单位：请认真做好安全生产工作。\n".utf8).write(to: prose)
    let result = try CommandRunner.run([
      "parse", "--format", "jsonl", empty.path(), binary.path(), seed, prose.path(),
      folder.appending(path: "absent.txt").path(),
    ])
    #expect(result.status == 2)
    #expect(result.standardOutput.split(separator: "\n").count == 1)
    let errors = result.standardError.split(separator: "\n")
    #expect(errors.count == 4)
    #expect(errors.contains { $0.contains("empty.txt") && $0.contains("empty") })
    #expect(errors.contains { $0.contains("image.txt") && $0.contains("binary") })
    #expect(errors.contains { $0.contains("notice.txt") && $0.contains("no 政府信息公开工作年度报告") })
    #expect(errors.contains { $0.contains("absent.txt") && $0.contains("no such file") })
  }

  @Test("a crawler archive parses to the values read off it by hand")
  func crawlerArchive() throws {
    for name in ["real-pingtan-2019", "real-pingtan-2022"] {
      let result = try CommandRunner.run(["parse", "Samples/crawler/\(name).txt"])
      #expect(result.status == 0, "\(result.standardError)")
      let expected = try JSONReader.parse(
        String(contentsOf: CommandRunner.root.appending(path: "Samples/crawler/\(name).expected.json"), encoding: .utf8)
      )
      let differences = ReportExpectation.differences(
        actual: try JSONReader.parse(result.standardOutput), expected: expected)
      #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
    }
  }

  @Test("a flipped byte costs one invalid_bytes repair, not the report")
  func flippedByte() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var bytes = [UInt8](try Data(contentsOf: CommandRunner.root.appending(path: seed)))
    let at = bytes.firstIndex(of: 0xE3) ?? 0  // the lead byte of the first 。 or 、
    bytes[at] = 0xFF
    let damaged = folder.appending(path: "damaged.txt")
    try Data(bytes).write(to: damaged)
    let result = try CommandRunner.run(["parse", damaged.path()])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("\"invalid_bytes\""))
    #expect(result.standardOutput.contains("offset(s) \(at)"))
  }

  @Test("GB18030 text exports are read")
  func gb18030() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let utf8 = try String(contentsOf: CommandRunner.root.appending(path: seed), encoding: .utf8)
    let encoded = try #require(utf8.data(using: String.Encoding(rawValue: 0x8000_0632)) ?? Self.iconv(utf8))
    let file = folder.appending(path: "gbk.txt")
    try encoded.write(to: file)
    #expect(String(data: encoded, encoding: .utf8) == nil)
    let result = try CommandRunner.run(["parse", file.path()])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(try JSONReader.parse(result.standardOutput)["meta"]?["agency"]?.stringValue == "辽中区六间房镇人民政府")
  }

  /// GB18030 bytes of `text`, made with the iconv command as a fallback.
  static func iconv(_ text: String) -> Data? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    guard (try? process.run()) != nil else { return nil }
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? data : nil
  }

  @Test("--strict exits 1 when a report has error findings, 0 otherwise")
  func strict() throws {
    #expect(try CommandRunner.run(["parse", "--strict", truncated]).status == 1)
    #expect(try CommandRunner.run(["parse", "--strict", consistent2021]).status == 0)
    #expect(try CommandRunner.run(["parse", truncated]).status == 0)
  }

  @Test("validate re-checks parsed JSON; errors give 1, a non-report gives 2")
  func validate() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let good = folder.appending(path: "good.json")
    let bad = folder.appending(path: "bad.jsonl")
    let junk = folder.appending(path: "junk.json")
    #expect(try CommandRunner.run(["parse", "-o", good.path(), consistent2021]).status == 0)
    #expect(try CommandRunner.run(["parse", "--format", "jsonl", "-o", bad.path(), truncated]).status == 0)
    try Data(#"{"schema": "gongkai.report/1"}"#.utf8).write(to: junk)
    let clean = try CommandRunner.run(["validate", good.path()])
    #expect(clean.status == 0)
    #expect(clean.standardOutput.isEmpty)
    let errors = try CommandRunner.run(["validate", bad.path()])
    #expect(errors.status == 1)
    #expect(errors.standardOutput.contains("missing\trequests.results_total.total"))
    let invalid = try CommandRunner.run(["validate", junk.path()])
    #expect(invalid.status == 2)
    #expect(invalid.standardError.contains("junk.json"))
  }

  @Test("validate finds an arithmetic error edited into a parsed report")
  func validateEditedReport() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "edited.json")
    let parsed = try CommandRunner.run(["parse", consistent2021]).standardOutput
    let edited = parsed.replacingOccurrences(
      of: "\"review\": {\n      \"upheld\": 0", with: "\"review\": {\n      \"upheld\": 10")
    #expect(edited != parsed)
    try Data(edited.utf8).write(to: file)
    let result = try CommandRunner.run(["validate", file.path()])
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("appeals_total\tappeals.review.total"))
  }

  @Test("clean prints tables as tab-separated rows, and cleaning its output changes nothing")
  func cleanIsStable() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try CommandRunner.run(["clean", "Samples/text/002_0f2f3fa0c9be7e04.txt"])
    #expect(first.status == 0)
    #expect(first.standardOutput.contains("一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0"))
    #expect(first.standardOutput.contains("政府集中采购\t95\t18.26万元"))
    let file = folder.appending(path: "clean.txt")
    try Data(first.standardOutput.utf8).write(to: file)
    let second = try CommandRunner.run(["clean", file.path()])
    #expect(second.standardOutput == first.standardOutput)
  }

  @Test("the binary carries its templates: a copy in another folder still works")
  func copiedBinary() throws {
    let binary = try #require(CommandRunner.binary)
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appending(path: "gongkai")
    try FileManager.default.copyItem(at: binary, to: copy)
    let input = CommandRunner.root.appending(path: seed).path()
    let result = try CommandRunner.run(["parse", input], binary: copy, in: folder)
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("\"template\": \"2019\""))
  }

  @Test("--help teaches: it names the commands and the formats")
  func help() throws {
    let result = try CommandRunner.run(["--help"])
    #expect(result.status == 0)
    for word in ["parse", "clean", "validate", "jsonl", "Exit status"] {
      #expect(result.standardOutput.contains(word), "\(word)")
    }
    let parseHelp = try CommandRunner.run(["parse", "--help"])
    #expect(parseHelp.standardOutput.contains("--bom"))
  }
}
