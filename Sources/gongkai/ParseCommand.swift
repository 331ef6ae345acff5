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

  /// The run these arguments ask for.
  var settings: ParseRun {
    var run = ParseRun(files: files)
    run.output = output
    run.format = format
    run.bom = bom
    run.strict = strict
    run.reading = reading.options
    run.reading.provenance = provenance
    run.readStandardInput = readStandardInput
    run.jobs = jobs
    run.resume = resume
    run.timeout = timeout
    run.summary = summary
    return run
  }

  func validate() throws {
    try settings.validate()
  }

  func run() throws {
    try settings.run()
  }
}
