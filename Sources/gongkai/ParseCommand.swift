import ArgumentParser
import Foundation
import GongkaiCore

/// `gongkai parse`: reports in, validated JSON/JSONL/CSV out.
struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Parse reports (PDF or text export) into validated JSON, JSON Lines or CSV.",
    discussion: """
      Every input becomes one report object of schema gongkai.report/1 (see Models/ \
      report.schema.json). A value the report does not give is null with a `missing` \
      finding, never a guessed 0. Findings do not change the exit status unless --strict.
      An input that cannot be read gives one line on standard error naming the file and \
      the reason; the other inputs still go through, and the exit status is 2.
      """)

  @Argument(help: "Report files: .pdf, or text exports (.txt, UTF-8 or GB18030).")
  var files: [String]

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  @Option(help: "Output format: json (one object, or an array for several inputs), jsonl, csv.")
  var format: OutputFormat = .json

  @Flag(help: "Start CSV output with a UTF-8 byte order mark, so Excel shows Chinese correctly.")
  var bom = false

  @Flag(help: "Exit with status 1 when any report has an error finding.")
  var strict = false

  @Option(help: "Password of encrypted PDFs.")
  var password: String?

  func validate() throws {
    if bom && format != .csv { throw ValidationError("--bom applies to --format csv only") }
  }

  func run() throws {
    let pipeline = ReportPipeline()
    let sink = try OutputSink(path: output)
    let csv = CSVWriter(catalog: pipeline.catalog)
    let pretty = JSONWriter(pretty: true)
    let compact = JSONWriter(pretty: false)
    var failed = 0
    var withErrors = 0
    var parsed: [JSONValue] = []
    if format == .csv { sink.write((bom ? "\u{FEFF}" : "") + csv.headerLine()) }
    let showProgress = standardErrorIsTerminal && files.count > 1
    for (index, path) in files.enumerated() {
      if showProgress {
        FileHandle.standardError.write(
          Data("\r[\(index + 1)/\(files.count)] \((path as NSString).lastPathComponent)\u{1B}[K".utf8))
      }
      let report: Report
      do {
        let input = try InputLoader.load(path, password: password)
        report = try pipeline.report(text: input.text, source: input.source, titleHint: input.titleHint)
      } catch {
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        printError(error.description)
        failed += 1
        continue
      }
      if report.findings.contains(where: { $0.severity == .error }) { withErrors += 1 }
      switch format {
      case .json: parsed.append(ReportJSON.encode(report))
      case .jsonl: sink.write(compact.string(from: ReportJSON.encode(report)) + "\n")
      case .csv: sink.write(csv.row(report))
      }
    }
    if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    if format == .json {
      if files.count == 1, let only = parsed.first {
        sink.write(pretty.string(from: only) + "\n")
      } else if !parsed.isEmpty || files.count > 1 {
        sink.write(pretty.string(from: .array(parsed)) + "\n")
      }
    }
    if failed > 0 { throw ExitCode(2) }
    if strict && withErrors > 0 {
      printError("\(withErrors) of \(files.count) report(s) have error findings (--strict)")
      throw ExitCode(1)
    }
  }
}
