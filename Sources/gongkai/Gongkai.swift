import ArgumentParser
import Foundation

/// The `gongkai` command: annual reports on government information disclosure
/// (政府信息公开工作年度报告) → validated JSON, JSON Lines or CSV.
@main
struct Gongkai: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gongkai",
    abstract: "Turn 政府信息公开工作年度报告 (PDFs or text exports) into validated, structured data.",
    discussion: """
      Each report becomes one JSON object (schema gongkai.report/1): where it came from, \
      title/agency/year/form, the narrative sections, tables 二 三 四 under stable keys, \
      the validator's findings (勾稽关系, missing cells, narrative vs tables) and every \
      repair made to broken layouts.

      Examples:
        gongkai parse report.txt                      pretty JSON to standard output
        gongkai parse reports/*.txt --format jsonl -o corpus.jsonl
        gongkai parse *.pdf --format csv --bom -o reports.csv   (opens in Excel)
        gongkai clean messy-export.txt                the repaired text, tables as TSV rows
        gongkai validate corpus.jsonl --strict        re-check reports already parsed
        gongkai parse reports/ --jobs 4 -o corpus.jsonl   a corpus: worker processes, resumable
        gongkai export corpus.jsonl --header chinese -o corpus.csv
        gongkai stats corpus.jsonl                    totals across the corpus

      Exit status: 0 all inputs parsed; 1 --strict and an error finding; 2 an input could \
      not be read (the others are still processed).
      """,
    version: "0.1.0",
    subcommands: [
      ParseCommand.self, CleanCommand.self, ValidateCommand.self, ExportCommand.self, StatsCommand.self,
      ReviewCommand.self, BenchCommand.self, WorkerCommand.self,
    ],
    defaultSubcommand: nil)

  /// Starts building the report pipeline beside argument parsing, then runs the command:
  /// `gongkai parse FILE...` with no option straight away (`ParseRun(plainArguments:)`),
  /// anything else through swift-argument-parser.
  static func main() {
    let arguments = CommandLine.arguments
    PreparedPipeline.start(for: arguments)
    guard let plain = ParseRun(plainArguments: arguments) else { return main(nil) }
    do {
      try plain.run()
    } catch {
      exit(withError: error)
    }
    // Done, and every byte already written to its file descriptor: leave without exit's
    // handlers, which would only free poppler's global tables (about 1% of parsing a
    // small PDF) in a process about to end.
    fflush(nil)
    _exit(0)
  }
}
