import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiReader

/// What one `gongkai parse` does, as plain settings: swift-argument-parser fills them from
/// the command line (`ParseCommand`), and `gongkai parse FILE...` with no option at all
/// skips the parser (`init(plainArguments:)`), whose reflection over the commands' option
/// declarations costs more CPU than reading a small PDF's text layer.
struct ParseRun: Equatable {
  /// Report files or folders.
  var files: [String]
  /// The file to write to; standard output when nil.
  var output: String? = nil
  /// The output format given; nil for the default (json, or jsonl in corpus mode).
  var format: OutputFormat? = nil
  /// Whether CSV output starts with a UTF-8 byte order mark.
  var bom = false
  /// Whether an error finding makes the exit status 1.
  var strict = false
  /// How inputs are read, provenance included.
  var reading = ReadOptions()
  /// Whether input paths come from standard input (corpus mode).
  var readStandardInput = false
  /// Worker processes (corpus mode).
  var jobs: Int? = nil
  /// Whether to continue a corpus run.
  var resume = false
  /// Seconds one input may take in corpus mode.
  var timeout: Double? = nil
  /// Whether corpus mode prints counts at the end.
  var summary = false

  /// Settings with the defaults and `files`.
  init(files: [String]) {
    self.files = files
  }

  /// The settings of `arguments` (the process's, program name first) when they are
  /// `parse` and input paths only, each neither empty nor starting with `-`: exactly
  /// what swift-argument-parser would give for them (a test holds the two together).
  /// Nil for anything else, which goes through the parser (help, options, errors).
  init?(plainArguments arguments: [String]) {
    guard arguments.count > 2, arguments[1] == "parse" else { return nil }
    let files = Array(arguments.dropFirst(2))
    guard files.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") }) else { return nil }
    self.init(files: files)
    guard (try? validate()) != nil else { return nil }
  }

  /// Whether this run is a corpus run (worker processes, JSON Lines, error records).
  var isCorpusRun: Bool {
    readStandardInput || jobs != nil || resume || CorpusInputs.containsFolder(files)
  }

  /// Checks the settings go together; the message says which do not.
  func validate() throws {
    if bom && format != .csv && format != .cellsCSV {
      throw ValidationError("--bom applies to --format csv and cells-csv only")
    }
    if isCorpusRun {
      if let format, format != .jsonl {
        throw ValidationError(
          "a corpus run (a folder, --stdin, --jobs or --resume) writes JSON Lines; make CSV from it with `gongkai export`"
        )
      }
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
      if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
      if resume && output == nil { throw ValidationError("--resume needs -o FILE: the JSON Lines file to continue") }
    } else {
      if files.isEmpty { throw ValidationError("give report files, a folder, or --stdin") }
      for (flag, given) in [("--summary", summary), ("--timeout", timeout != nil)] where given {
        throw ValidationError("\(flag) applies to corpus runs: give a folder, --stdin, --jobs N or --resume")
      }
    }
  }

  /// Parses the inputs and writes the reports; throws `ExitCode` 2 when an input could
  /// not be read, 1 under `strict` when a report has an error finding.
  func run() throws {
    if isCorpusRun {
      try runCorpus()
      return
    }
    let format = format ?? .json
    // The pipeline is taken when the first input is read: it is built meanwhile (PreparedPipeline).
    var pipeline: ReportPipeline { PreparedPipeline.pipeline }
    let sink = try OutputSink(path: output)
    lazy var csv = CSVWriter(catalog: pipeline.catalog)
    let pretty = JSONWriter(pretty: true)
    let compact = JSONWriter(pretty: false)
    var failed = 0
    var withErrors = 0
    var parsed: [Report] = []
    let cells = CellsWriter()
    if format == .csv { sink.write((bom ? "\u{FEFF}" : "") + csv.headerLine()) }
    if format == .cellsCSV { sink.write((bom ? "\u{FEFF}" : "") + cells.csvHeaderLine()) }
    let showProgress = standardErrorIsTerminal && files.count > 1
    for (index, path) in files.enumerated() {
      if showProgress {
        FileHandle.standardError.write(
          Data("\r[\(index + 1)/\(files.count)] \((path as NSString).lastPathComponent)\u{1B}[K".utf8))
      }
      let report: Report
      do {
        let input = try InputLoader.load(path, options: reading)
        input.warnings.forEach(printError)
        report = try pipeline.report(
          text: input.text, source: input.source, titleHint: input.titleHint, uncertain: input.uncertain,
          locator: input.locator, inputRepairs: input.repairs)
      } catch {
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        printError(error.description)
        failed += 1
        continue
      }
      if report.findings.contains(where: { $0.severity == .error }) { withErrors += 1 }
      switch format {
      case .json: parsed.append(report)
      case .jsonl:
        var line: [UInt8] = []
        ReportJSON.write(report, writer: compact, into: &line)
        line.append(10)
        sink.write(bytes: line)
      case .csv: sink.write(csv.row(report))
      case .cells: sink.write(cells.jsonLines(report))
      case .cellsCSV: sink.write(cells.csvLines(report))
      }
    }
    if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    if format == .json {
      // Bytes straight from the writer: no String to build (and check as UTF-8) on the way.
      var output: [UInt8] = []
      if files.count == 1, let only = parsed.first {
        ReportJSON.write(only, writer: pretty, into: &output)
      } else if !parsed.isEmpty || files.count > 1 {
        output.append(UInt8(ascii: "["))
        for (index, report) in parsed.enumerated() {
          pretty.separator(before: index, level: 0, into: &output)
          ReportJSON.write(report, writer: pretty, level: 1, into: &output)
        }
        pretty.close(UInt8(ascii: "]"), level: 0, isEmpty: parsed.isEmpty, into: &output)
      }
      if !output.isEmpty {
        output.append(10)
        sink.write(bytes: output)
      }
    }
    if failed > 0 { throw ExitCode(2) }
    if strict && withErrors > 0 {
      printError("\(withErrors) of \(files.count) report(s) have error findings (--strict)")
      throw ExitCode(1)
    }
  }

  /// Corpus mode: worker processes, JSON Lines records in completion order, resumable.
  private func runCorpus() throws {
    do {
      try runCorpusReporting()
    } catch let error as CommandError {
      printError(error.description)
      throw ExitCode(2)
    }
  }

  private func runCorpusReporting() throws {
    let start = ContinuousClock.now
    var paths = CorpusInputs.expand(files, standardInput: readStandardInput)
    if paths.isEmpty && !readStandardInput {
      printError("no .pdf, .html, .htm, .docx, .md or .txt file found in \(files.joined(separator: ", "))")
      throw ExitCode(2)
    }
    var skipped = 0
    if resume, let output {
      // A torn last line may already hold its sha256: cut it off before reading them.
      try CorpusOutput.cutTornLine(output)
      let done = try CorpusOutput.digests(in: output)
      if !done.isEmpty {
        let before = paths.count
        paths = paths.filter { path in
          guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else {
            return true
          }
          return !done.contains(SHA256.hexDigest(data))
        }
        skipped = before - paths.count
      }
    }
    let sink = try CorpusOutput(path: output, resume: resume)
    if standardErrorIsTerminal && skipped > 0 {
      printError("resuming: \(skipped) input(s) already in \(output ?? "the output"), \(paths.count) to go")
    }
    let settings = CorpusRunner.Settings(
      jobs: jobs ?? 1, timeout: timeout ?? 120, reading: reading, progress: standardErrorIsTerminal)
    let runner = CorpusRunner(paths: paths, output: sink, settings: settings)
    try runner.run()
    var tally = runner.tally
    tally.skipped = skipped
    if summary {
      FileHandle.standardError.write(
        Data(tally.summary(seconds: ProgressMeter.seconds(.now - start), jobs: settings.jobs).utf8))
    }
    if tally.failures > 0 {
      printError(
        "\(tally.failures) of \(paths.count) input(s) gave no report; their error records are in \(output ?? "the output")"
      )
      throw ExitCode(2)
    }
    if strict && tally.reportsWithErrors > 0 {
      printError("\(tally.reportsWithErrors) of \(paths.count) report(s) have error findings (--strict)")
      throw ExitCode(1)
    }
  }
}
