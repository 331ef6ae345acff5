import Foundation
import GongkaiCore
import Testing

/// Builds folders of inputs for corpus runs.
private enum CorpusFixture {
  /// Text samples of both forms.
  static let textSamples = [
    "000_9c86ffa99e553fb9.txt", "001_f54858a1ba3b72c6.txt", "002_0f2f3fa0c9be7e04.txt",
    "nonzero-2019.txt", "nonzero-2021-six.txt", "rule-balance.txt",
  ]

  /// The sample text `name`, with `copy` blank lines added so each copy has its own sha256.
  static func text(_ name: String, copy: Int = 0) throws -> Data {
    var data = try Data(contentsOf: CommandRunner.root.appending(path: "Samples/text/\(name)"))
    data.append(Data(String(repeating: "\n", count: copy).utf8))
    return data
  }

  /// Writes `data` to `folder/name`, creating folders on the way.
  static func write(_ data: Data, _ folder: URL, _ name: String) throws {
    let file = folder.appending(path: name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
  }

  /// The records of a JSON Lines file; fails the test on a line that is not a JSON object.
  static func records(_ file: URL) throws -> [JSONValue] {
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.isEmpty || text.hasSuffix("\n"), "the last line is torn")
    return try text.split(separator: "\n").map { try JSONReader.parse(String($0)) }
  }

  /// The records of JSON Lines text.
  static func records(_ text: String) throws -> [JSONValue] {
    try text.split(separator: "\n").map { try JSONReader.parse(String($0)) }
  }

  /// Hex SHA-256 of a file.
  static func digest(_ file: URL) throws -> String { SHA256.hexDigest(try Data(contentsOf: file)) }
}

@Suite("Corpus mode: folders, workers, resume, export, stats")
struct CorpusTests {
  @Test("a folder of mixed inputs goes through in one command: a record per input, error records for the bad ones")
  func mixedFolder() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = folder.appending(path: "in")
    for name in CorpusFixture.textSamples.prefix(4) { try CorpusFixture.write(CorpusFixture.text(name), inputs, name) }
    for name in ["gen-2019-a.pdf", "gen-2021-a.pdf"] {
      try CorpusFixture.write(
        Data(contentsOf: CommandRunner.root.appending(path: "Samples/pdf/\(name)")), inputs, "pdf/\(name)")
    }
    try CorpusFixture.write(Data(), inputs, "bad/empty.txt")
    try CorpusFixture.write(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0xFF]), inputs, "bad/image.txt")
    let pdf = try Data(contentsOf: CommandRunner.root.appending(path: "Samples/pdf/gen-2019-b.pdf"))
    try CorpusFixture.write(pdf.prefix(3000), inputs, "bad/truncated.pdf")
    try CorpusFixture.write(MaliciousPDF.stackOverflow, inputs, "bad/crash.pdf")
    try CorpusFixture.write(MaliciousPDF.formBomb, inputs, "bad/hang.pdf")
    // Not inputs: other extensions and hidden files (.md is an input: converter Markdown).
    try CorpusFixture.write(Data("notes".utf8), inputs, "notes.odt")
    try CorpusFixture.write(CorpusFixture.text(CorpusFixture.textSamples[0]), inputs, ".hidden/copy.txt")

    let output = folder.appending(path: "corpus.jsonl")
    let result = try CommandRunner.run([
      "parse", inputs.path(), "--jobs", "2", "--timeout", "4", "-o", output.path(), "--summary",
    ])
    #expect(result.status == 2, "\(result.standardError)")
    #expect(result.standardError.contains("5 of 11 input(s) gave no report"), "\(result.standardError)")
    #expect(result.standardError.contains("failures by kind"))

    let records = try CorpusFixture.records(output)
    #expect(records.count == 11)
    let byFile = Dictionary(records.map { ($0["source"]?["file"]?.stringValue ?? "", $0) }) { first, _ in first }
    #expect(Set(byFile.keys).count == 11)
    #expect(byFile["copy.txt"] == nil && byFile["notes.odt"] == nil)
    let expectedKinds: [String: Set<String>] = [
      "empty.txt": ["empty"], "image.txt": ["binary"], "truncated.pdf": ["pdf", "not_a_report"],
      "crash.pdf": ["crash"], "hang.pdf": ["timeout"],
    ]
    let schema = try JSONReader.parse(ReportPipeline().catalog.reportSchema)
    for (name, record) in byFile {
      if let kinds = expectedKinds[name] {
        let kind = record["error"]?["kind"]?.stringValue ?? "(none)"
        #expect(kinds.contains(kind), "\(name): \(kind)")
        #expect(record["error"]?["message"]?.stringValue?.isEmpty == false)
        #expect(record.objectMembers?.map(\.0) == ["source", "error"])
        #expect(record["source"]?.objectMembers?.map(\.0) == ["file", "path", "sha256", "kind"])
        let path = try #require(record["source"]?["path"]?.stringValue)
        #expect(record["source"]?["sha256"]?.stringValue == (try CorpusFixture.digest(URL(fileURLWithPath: path))))
        #expect(record["source"]?["kind"]?.stringValue == (name.hasSuffix(".pdf") ? "pdf" : "text"))
      } else {
        #expect(record["error"] == nil, "\(name): \(record["error"].map { "\($0)" } ?? "")")
        #expect(SchemaValidator(schema: schema).violations(of: record).isEmpty, "\(name)")
      }
    }
    #expect(byFile["crash.pdf"]?["error"]?["message"]?.stringValue?.contains("SIGSEGV") == true)
    // Every failure is also one line on standard error naming the file.
    for name in expectedKinds.keys {
      #expect(result.standardError.split(separator: "\n").contains { $0.hasPrefix("gongkai: ") && $0.contains(name) })
    }
  }

  @Test("killed mid-run, then --resume: exactly one record per input, no torn line, no worker left behind")
  func killAndResume() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = folder.appending(path: "in")
    var count = 0
    for copy in 0..<15 {
      let name = CorpusFixture.textSamples[copy % CorpusFixture.textSamples.count]
      try CorpusFixture.write(CorpusFixture.text(name, copy: copy), inputs, String(format: "a-%02d.txt", copy))
      try CorpusFixture.write(CorpusFixture.text(name, copy: 100 + copy), inputs, String(format: "z-%02d.txt", copy))
      count += 2
    }
    // In sorted order the run reaches this file after the fifteen a-*.txt and hangs there.
    try CorpusFixture.write(MaliciousPDF.formBomb, inputs, "m-hang.pdf")
    count += 1
    let output = folder.appending(path: "corpus.jsonl")

    let first = try CommandRunner.start(["parse", inputs.path(), "--jobs", "1", "--timeout", "60", "-o", output.path()])
    let pid = first.processIdentifier
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
      if text.split(separator: "\n").count >= 15 { break }
      usleep(20_000)
    }
    usleep(300_000)
    let workers = CommandRunner.processes(containing: ["worker", "--parent", String(pid)])
    #expect(!workers.isEmpty, "no worker seen for \(pid)")
    kill(pid, SIGKILL)
    first.waitUntilExit()
    #expect(first.terminationReason == .uncaughtSignal)
    let partial = try CorpusFixture.records(output)
    #expect(partial.count == 15)
    // The worker, stuck in the PDF, notices its parent is gone and exits.
    let gone = Date().addingTimeInterval(5)
    while Date() < gone && !CommandRunner.processes(containing: ["worker", "--parent", String(pid)]).isEmpty {
      usleep(50_000)
    }
    #expect(CommandRunner.processes(containing: ["worker", "--parent", String(pid)]).isEmpty)

    // A write cut short by the kill would leave a torn last line — possibly with the
    // sha256 of its input already in it; --resume cuts it off and parses that input.
    let torn = try CorpusFixture.digest(inputs.appending(path: "z-00.txt"))
    let handle = try FileHandle(forWritingTo: output)
    try handle.seekToEnd()
    try handle.write(
      contentsOf: Data(#"{"schema":"gongkai.report/1","source":{"file":"z-00.txt","sha256":"\#(torn)","ki"#.utf8))
    try handle.close()

    let second = try CommandRunner.run([
      "parse", inputs.path(), "--jobs", "2", "--timeout", "2", "--resume", "-o", output.path(),
    ])
    #expect(second.status == 2, "\(second.standardError)")
    #expect(second.standardError.contains("1 of 16 input(s) gave no report"), "\(second.standardError)")
    let records = try CorpusFixture.records(output)
    #expect(records.count == count)
    let digests = records.compactMap { $0["source"]?["sha256"]?.stringValue }
    #expect(Set(digests).count == count)
    let files = try FileManager.default.contentsOfDirectory(atPath: inputs.path())
    #expect(Set(digests) == Set(try files.map { try CorpusFixture.digest(inputs.appending(path: $0)) }))
    #expect(records.filter { $0["error"] != nil }.map { $0["source"]?["file"]?.stringValue } == ["m-hang.pdf"])
    #expect(
      records.first { $0["source"]?["file"]?.stringValue == "m-hang.pdf" }?["error"]?["kind"] == .string("timeout"))

    // Nothing left to do: a third run adds nothing and succeeds.
    let third = try CommandRunner.run(["parse", inputs.path(), "--resume", "-o", output.path()])
    #expect(third.status == 0)
    #expect(try CorpusFixture.records(output).count == count)
  }

  @Test("--stdin reads paths one per line; a missing file becomes an error record")
  func standardInput() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for name in CorpusFixture.textSamples.prefix(3) {
      try CorpusFixture.write(CorpusFixture.text(name), folder, name)
      paths.append(folder.appending(path: name).path())
    }
    paths.append(folder.appending(path: "absent.txt").path())
    let result = try CommandRunner.run(
      ["parse", "--stdin", "--format", "jsonl"], input: paths.joined(separator: "\n") + "\n\n")
    #expect(result.status == 2)
    let records = try CorpusFixture.records(result.standardOutput)
    #expect(records.count == 4)
    #expect(
      Set(records.compactMap { $0["source"]?["file"]?.stringValue })
        == Set(CorpusFixture.textSamples.prefix(3) + ["absent.txt"]))
    let missing = try #require(records.first { $0["error"] != nil })
    #expect(missing["error"]?["kind"] == .string("unreadable"))
    #expect(missing["source"]?["sha256"] == .null)
    #expect(result.standardError.contains("absent.txt: no such file"))
  }

  @Test("corpus options are refused where they do not apply")
  func usage() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try CommandRunner.run(["parse", folder.path(), "--format", "csv"]).status != 0)
    #expect(try CommandRunner.run(["parse", "--stdin", "--resume"], input: "").status != 0)
    #expect(try CommandRunner.run(["parse", "Samples/text/nonzero-2019.txt", "--summary"]).status != 0)
    // Without corpus options, one input is still one pretty JSON object.
    let single = try CommandRunner.run(["parse", "Samples/text/nonzero-2019.txt"])
    #expect(single.standardOutput.hasPrefix("{\n"))
  }

  @Test("progress is drawn only on a terminal")
  func progressOnlyOnTerminal() throws {
    let quiet = try CommandRunner.run(["parse", "Samples/text", "--jobs", "2", "-o", "/dev/null"])
    #expect(quiet.status == 0)
    #expect(quiet.standardError.isEmpty, "\(quiet.standardError)")
    guard let binary = CommandRunner.binary, FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      return
    }
    // `script` gives the command a terminal.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", "\(binary.path()) parse Samples/text --jobs 2 -o /dev/null", "/dev/null"]
    process.currentDirectoryURL = CommandRunner.root
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let inputs = try FileManager.default.contentsOfDirectory(
      atPath: CommandRunner.root.appending(path: "Samples/text").path()
    )
    .filter { $0.hasSuffix(".txt") }.count
    #expect(text.contains("[\(inputs)/\(inputs)]"), "\(text)")
    #expect(text.contains("reports/s"))
  }
}

@Suite("Corpus outputs: export and stats")
struct CorpusOutputTests {
  /// A corpus of text samples and one empty file, parsed once for the suite.
  static let corpus: URL? = {
    guard let folder = try? CommandRunner.temporaryFolder() else { return nil }
    let inputs = folder.appending(path: "in")
    let samples =
      (try? FileManager.default.contentsOfDirectory(atPath: CommandRunner.root.appending(path: "Samples/text").path()))
      ?? []
    for name in samples where name.hasSuffix(".txt") {
      try? CorpusFixture.write(CorpusFixture.text(name), inputs, name)
    }
    try? CorpusFixture.write(Data(), inputs, "empty.txt")
    let output = folder.appending(path: "corpus.jsonl")
    _ = try? CommandRunner.run(["parse", inputs.path(), "--jobs", "2", "-o", output.path()])
    return output
  }()

  @Test("export: the header, then one CSV row per report; error records counted on standard error")
  func exportCSV() throws {
    let corpus = try #require(Self.corpus)
    let records = try CorpusFixture.records(corpus)
    let reports = records.filter { $0["error"] == nil }
    #expect(reports.count == records.count - 1)
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let errors = folder.appending(path: "errors.csv")
    let result = try CommandRunner.run(["export", corpus.path(), "--format", "csv", "--errors", errors.path()])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("1 error record(s)"))
    let rows = CSVText.rows(result.standardOutput)
    #expect(rows.first == CSVWriter().headers)
    #expect(rows.count == reports.count + 1)
    let digestColumn = try #require(rows.first?.firstIndex(of: "source.sha256"))
    #expect(
      Set(rows.dropFirst().map { $0[digestColumn] }) == Set(reports.compactMap { $0["source"]?["sha256"]?.stringValue })
    )
    #expect(rows.allSatisfy { $0.count == CSVWriter().headers.count })
    let errorRows = CSVText.rows(try String(contentsOf: errors, encoding: .utf8))
    #expect(errorRows.count == 2)
    #expect(errorRows.last?.first == "empty.txt")

    let chinese = try CommandRunner.run(["export", corpus.path(), "--header", "chinese", "--bom"])
    #expect(chinese.standardOutput.hasPrefix("\u{FEFF}文件名,"))
    let header = try #require(CSVText.rows(String(chinese.standardOutput.dropFirst())).first)
    #expect(header.count == CSVWriter().headers.count)
    #expect(Set(header).count == header.count)
    #expect(header.contains("三、一、本年新收政府信息公开申请数量·总计"))
    #expect(header.contains("四、行政复议·结果维持"))
  }

  @Test("stats: totals equal the sums over the JSON Lines, by row, group, rule, template and year")
  func statsTotals() throws {
    let corpus = try #require(Self.corpus)
    let records = try CorpusFixture.records(corpus)
    var requests: [String: [String: Int]] = [:]
    var appeals: [String: [String: Int]] = [:]
    var rules: [String: Int] = [:]
    var templateYears: [String: Int] = [:]
    for record in records where record["error"] == nil {
      for (row, cells) in record["requests"]?.objectMembers ?? [] {
        for (column, value) in cells.objectMembers ?? [] {
          requests[row, default: [:]][column, default: 0] += value.intValue ?? 0
        }
      }
      for (group, cells) in record["appeals"]?.objectMembers ?? [] {
        for (column, value) in cells.objectMembers ?? [] {
          appeals[group, default: [:]][column, default: 0] += value.intValue ?? 0
        }
      }
      for rule in Set((record["findings"]?.arrayElements ?? []).compactMap { $0["rule"]?.stringValue }) {
        rules[rule, default: 0] += 1
      }
      let year = record["meta"]?["year"]?.intValue.map(String.init) ?? "null"
      templateYears["\(record["meta"]?["template"]?.stringValue ?? "") \(year)", default: 0] += 1
    }
    #expect(requests["new"]?["total"] ?? 0 > 0)

    let result = try CommandRunner.run(["stats", corpus.path(), "--json"])
    #expect(result.status == 0, "\(result.standardError)")
    let stats = try JSONReader.parse(result.standardOutput)
    #expect(stats["reports"]?.intValue == records.count - 1)
    #expect(stats["failures"]?.intValue == 1)
    for (row, columns) in requests {
      for (column, sum) in columns { #expect(stats["requests"]?[row]?[column]?.intValue == sum, "\(row).\(column)") }
    }
    for (group, columns) in appeals {
      for (column, sum) in columns { #expect(stats["appeals"]?[group]?[column]?.intValue == sum, "\(group).\(column)") }
    }
    #expect(!rules.isEmpty)
    for (rule, count) in rules { #expect(stats["rules"]?[rule]?["reports"]?.intValue == count, "\(rule)") }
    #expect(stats["rules"]?.objectMembers?.count == rules.count)
    var seen: [String: Int] = [:]
    for entry in stats["by_template_year"]?.arrayElements ?? [] {
      let year = entry["year"]?.intValue.map(String.init) ?? "null"
      seen["\(entry["template"]?.stringValue ?? "") \(year)"] = entry["reports"]?.intValue
    }
    #expect(seen == templateYears)
    #expect(stats["failures_by_kind"]?["empty"]?.intValue == 1)

    let text = try CommandRunner.run(["stats", corpus.path()])
    let newRow = text.standardOutput.split(separator: "\n").first { $0.hasPrefix("  new ") }
    #expect(newRow?.split(separator: " ").dropFirst().first.map(String.init) == String(requests["new"]?["total"] ?? -1))
  }
}

/// A small RFC 4180 reader for checking CSV output.
enum CSVText {
  /// The rows of `text`: fields split on commas outside quotes, rows on CRLF.
  static func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text).makeIterator()
    var pending: Character? = nil
    while let character = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if character == "\"" {
          if let next = iterator.next() {
            if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r\n", "\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      default: field.append(character)
      }
    }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}

@Suite("Validate on a corpus")
struct ValidateCorpusTests {
  @Test("validate skips the error records of a corpus file and checks the reports")
  func errorRecordsSkipped() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let corpus = folder.appending(path: "corpus.jsonl")
    let empty = folder.appending(path: "empty.txt")
    try Data().write(to: empty)
    let run = try CommandRunner.run([
      "parse", "--jobs", "1", "-o", corpus.path(), "Samples/text/003_d1513ee4e846cccb.txt", empty.path(),
    ])
    #expect(run.status == 2)
    let result = try CommandRunner.run(["validate", corpus.path()])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("1 error record(s)"))
  }
}
