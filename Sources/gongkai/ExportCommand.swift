import ArgumentParser
import Foundation
import GongkaiCore

/// `gongkai export`: a corpus JSON Lines file as a table.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Turn a corpus (JSON Lines from `gongkai parse`) into CSV: one row per report.",
    discussion: """
      Columns are the flattened keys of the contract for both forms (requests.new.total, \
      proactive.procurement.amount.yuan, …). --header chinese labels them from the forms \
      instead (三、一、本年新收政府信息公开申请数量·总计). Error records — inputs that gave no \
      report — are counted on standard error, or listed as CSV with --errors FILE.
      """)

  /// Table formats `export` writes.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    /// One row per report, RFC 4180.
    case csv
    /// JSON Lines, one line per table cell.
    case cells
    /// CSV, one row per table cell.
    case cellsCSV = "cells-csv"
  }

  /// How the header row names columns.
  enum Header: String, ExpressibleByArgument, CaseIterable {
    /// Contract keys, e.g. `requests.new.total`.
    case keys
    /// Labels from the forms, e.g. `三、一、本年新收政府信息公开申请数量·总计`.
    case chinese
  }

  @Argument(help: "A JSON Lines corpus written by `gongkai parse`.")
  var corpus: String

  @Option(
    help:
      "Output format: csv (one row per report), cells (JSON Lines, one line per table cell), cells-csv (CSV, one row per cell)."
  )
  var format: Format = .csv

  @Flag(help: "Start with a UTF-8 byte order mark, so Excel shows Chinese correctly.")
  var bom = false

  @Option(help: "Header row: keys (requests.new.total) or chinese (labels from the forms).")
  var header: Header = .keys

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  @Option(help: "Also write the error records to this CSV file (file, path, sha256, kind, error, message).")
  var errors: String?

  func run() throws {
    let csv = CSVWriter()
    do {
      let sink = try OutputSink(path: output)
      let errorSink = try errors.map { try OutputSink(path: $0) }
      let cells = CellsWriter()
      switch format {
      case .csv:
        let headerFields = header == .keys ? csv.headers : ChineseHeaders().labels(csv.headers)
        sink.write((bom ? "\u{FEFF}" : "") + headerFields.map(CSVField.quoted).joined(separator: ",") + "\r\n")
      case .cellsCSV: sink.write((bom ? "\u{FEFF}" : "") + cells.csvHeaderLine())
      case .cells: break
      }
      errorSink?.write((bom ? "\u{FEFF}" : "") + "file,path,sha256,kind,error,message\r\n")
      var failures = 0
      try CorpusFile(path: corpus).forEach { record, line in
        switch record {
        case .report(let json):
          let report: Report
          do {
            report = try ReportJSON.decode(json)
          } catch {
            throw CommandError("\(corpus): line \(line): not a gongkai.report/1 object: \(error)")
          }
          switch format {
          case .csv: sink.write(csv.row(report))
          case .cells: sink.write(cells.jsonLines(report))
          case .cellsCSV: sink.write(cells.csvLines(report))
          }
        case .failure(let json):
          failures += 1
          let fields = [
            json["source"]?["file"], json["source"]?["path"], json["source"]?["sha256"], json["source"]?["kind"],
            json["error"]?["kind"], json["error"]?["message"],
          ].map { $0?.stringValue ?? "" }
          errorSink?.write(fields.map(CSVField.quoted).joined(separator: ",") + "\r\n")
        }
      }
      if failures > 0 {
        printError(
          "\(corpus): \(failures) error record(s) (inputs that gave no report) left out"
            + (errors.map { "; listed in \($0)" } ?? "; list them with --errors FILE"))
      }
    } catch let error as CommandError {
      printError(error.description)
      throw ExitCode(2)
    }
  }
}

/// CSV quoting for fields written outside `CSVWriter` (headers, error rows).
enum CSVField {
  /// A field quoted when it holds a comma, quote or line break (RFC 4180).
  static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
