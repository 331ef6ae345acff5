import ArgumentParser
import Foundation
import GongkaiCore

/// `gongkai validate`: re-checks reports already in JSON.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Re-check report JSON (a file from `gongkai parse`, an array, or JSON Lines).",
    discussion: """
      Checks each report against the JSON Schema of the contract, then recomputes every \
      rule that depends on the data (missing, arithmetic, negative, template, narrative). \
      Findings only the source can show (placeholder, ocr_low_confidence, a label off the \
      form) are kept from the file. Prints one line per finding: FILE[#N] SEVERITY RULE WHERE MESSAGE.
      Exit status: 0 no error finding; 1 error findings; 2 a file is not valid report JSON.
      """)

  @Argument(help: "Report JSON files.")
  var files: [String]

  @Flag(help: "Print the recomputed reports as JSON Lines instead of finding lines.")
  var json = false

  func run() throws {
    let pipeline = ReportPipeline()
    let schemaText = pipeline.catalog.reportSchema
    let schema = try JSONReader.parse(schemaText)
    let checker = SchemaValidator(schema: schema)
    let writer = JSONWriter(pretty: false)
    var failed = false
    var errors = 0
    for path in files {
      let documents: [JSONValue]
      do {
        documents = try Self.read(path)
      } catch {
        printError("\(path): \(error)")
        failed = true
        continue
      }
      var errorRecords = 0
      defer {
        if errorRecords > 0 { printError("\(path): \(errorRecords) error record(s) of a corpus run skipped") }
      }
      for (index, document) in documents.enumerated() {
        let label = documents.count > 1 ? "\(path)#\(index + 1)" : path
        // A corpus run writes an error record for an input that gave no report.
        if document["error"] != nil, document["schema"] == nil {
          errorRecords += 1
          continue
        }
        let violations = checker.violations(of: document)
        if let first = violations.first {
          printError(
            "\(label): not a gongkai.report/1 object: \(first)\(violations.count > 1 ? " (and \(violations.count - 1) more)" : "")"
          )
          failed = true
          continue
        }
        let report: Report
        do {
          report = pipeline.revalidate(try ReportJSON.decode(document))
        } catch {
          printError("\(label): \(error)")
          failed = true
          continue
        }
        errors += report.findings.filter { $0.severity == .error }.count
        if json {
          print(ReportJSON.text(report, writer: writer))
        } else {
          for finding in report.findings {
            print("\(label)\t\(finding.severity.rawValue)\t\(finding.rule)\t\(finding.location)\t\(finding.message)")
          }
        }
      }
    }
    if failed { throw ExitCode(2) }
    if errors > 0 { throw ExitCode(1) }
  }

  /// The report objects of a file: one object, an array of them, or JSON Lines.
  static func read(_ path: String) throws -> [JSONValue] {
    guard let data = FileManager.default.contents(atPath: path) else { throw CommandError("cannot be read") }
    guard let text = String(validating: data, as: UTF8.self) else { throw CommandError("not UTF-8 text") }
    if let whole = try? JSONReader.parse(text) {
      return whole.arrayElements ?? [whole]
    }
    var documents: [JSONValue] = []
    for (number, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
      do {
        documents.append(try JSONReader.parse(String(line)))
      } catch {
        throw CommandError("line \(number + 1): \(error)")
      }
    }
    guard !documents.isEmpty else { throw CommandError("holds no JSON") }
    return documents
  }
}
