import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiReader

/// `gongkai clean`: the repaired text of a report.
struct CleanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clean",
    abstract: "Print a report's repaired text: page markers gone, broken lines joined, tables as tab-separated rows.",
    discussion: """
      Useful on its own for cleaning messy text exports, and to see what the parser reads. \
      Each table row becomes one line: label cells, then the values, separated by tabs. \
      With --repairs, every change is listed on standard error as LINE<TAB>KIND<TAB>DETAIL.
      """)

  @Argument(help: "A report: .pdf, .html, .docx, .md or a text export.")
  var file: String

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  @Flag(help: "List every repair on standard error.")
  var repairs = false

  @OptionGroup(title: "Reading PDFs")
  var reading: ReadArguments

  func run() throws {
    let document: RepairedDocument
    do {
      let input = try InputLoader.load(file, options: reading.options)
      input.warnings.forEach(printError)
      // Built meanwhile (PreparedPipeline).
      document = PreparedPipeline.pipeline.repair(input.text)
      try ReportPipeline.requireReport(document, file: file)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let sink = try OutputSink(path: output)
    sink.write(CleanTextRenderer.render(document))
    if repairs {
      for repair in document.repairs {
        FileHandle.standardError.write(Data("\(repair.line)\t\(repair.kind)\t\(repair.detail)\n".utf8))
      }
    }
  }
}
