import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiReader

/// `gongkai parse`: reports in, validated JSON/JSONL/CSV out.
struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract:
      "Parse reports (PDF, web page, Word .docx, Markdown or text export) into validated JSON, JSON Lines or CSV.",
    discussion: """
      Every input becomes one report object of schema gongkai.report/1 (see Models/ \
      report.schema.json). A value the report does not give is null with a `missing` \
      finding, never a guessed 0. Findings do not change the exit status unless --strict.
      An input that cannot be read gives one line on standard error naming the file and \
      the reason; the other inputs still go through, and the exit status is 2.

      Corpus mode — a folder, --stdin, --jobs or --resume: inputs are parsed in worker \
      processes (a file that crashes or hangs the PDF library becomes an error record \
      and the run goes on) and written as JSON Lines, one record per input, in the order \
      they finish. Folders are searched recursively for .pdf, .html, .htm, .docx, .md and .txt files. With -o, a \
      killed run can be continued with --resume, which skips inputs whose sha256 is \
      already in the file. Exit status 2 when any input gave an error record.
        gongkai parse reports/ --jobs 4 -o corpus.jsonl
        find /data -name '*.pdf' | gongkai parse --stdin --jobs 4 -o corpus.jsonl --resume
      """)

  @Argument(
    help:
      "Report files (.pdf, .html/.htm, .docx, .md, or text exports: .txt, UTF-8 or GB18030; the kind is read from the content), or folders of them."
  )
  var files: [String] = []

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Output format: json (one object, or an array for several inputs), jsonl, csv, cells (JSON Lines, one line per table cell), cells-csv.",
      discussion: "Default json; corpus mode writes jsonl only."))
  var format: OutputFormat?

  @Flag(help: "Start CSV output with a UTF-8 byte order mark, so Excel shows Chinese correctly.")
  var bom = false

  @Flag(help: "Exit with status 1 when any report has an error finding.")
  var strict = false

  @Flag(help: "Add `provenance`: for every non-null cell, its raw text and where it was read (page and box, or line).")
  var provenance = false

  @OptionGroup(title: "Reading PDFs")
  var reading: ReadArguments

  @Flag(name: .customLong("stdin"), help: "Read input paths from standard input, one per line (corpus mode).")
  var readStandardInput = false

  @Option(help: "Parse in N worker processes at once (corpus mode).")
  var jobs: Int?

  @Flag(help: "Continue a corpus run: skip inputs whose sha256 already has a record in the -o file.")
  var resume = false

  @Option(help: "Seconds one input may take in corpus mode before its worker is killed (default 120).")
  var timeout: Double?

  @Flag(
    help:
      "In corpus mode, print counts at the end on standard error: by template and year, findings by rule, failures by kind."
  )
  var summary = false

  /// How inputs are read: the reading arguments, and whether to keep provenance.
  var readOptions: ReadOptions {
    var options = reading.options
    options.provenance = provenance
    return options
  }

  /// Whether this run is a corpus run (worker processes, JSON Lines, error records).
  var isCorpusRun: Bool {
    readStandardInput || jobs != nil || resume || CorpusInputs.containsFolder(files)
  }

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
        let input = try InputLoader.load(path, options: readOptions)
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
      jobs: jobs ?? 1, timeout: timeout ?? 120, reading: readOptions, progress: standardErrorIsTerminal)
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
