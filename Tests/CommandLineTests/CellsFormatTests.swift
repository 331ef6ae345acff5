import Foundation
import GongkaiCore
import Testing

/// Splits RFC 4180 CSV text into records of fields.
private func csvRecords(_ text: String) -> [[String]] {
  var records: [[String]] = []
  var fields: [String] = []
  var field = ""
  var quoted = false
  var characters = Array(text)[...]
  while let character = characters.popFirst() {
    if quoted {
      if character == "\"" {
        if characters.first == "\"" {
          field.append("\"")
          characters.removeFirst()
        } else {
          quoted = false
        }
      } else {
        field.append(character)
      }
    } else if character == "\"" {
      quoted = true
    } else if character == "," {
      fields.append(field)
      field = ""
    } else if character == "\r\n" || character == "\n" {
      fields.append(field)
      records.append(fields)
      fields = []
      field = ""
    } else {
      field.append(character)
    }
  }
  return records
}

@Suite("Tidy cells: --format cells and cells-csv")
struct CellsFormatTests {
  /// The value a cell record should hold for `json`'s cell at table/row/column: counts as
  /// integers, amounts as their yuan; null for a null cell or a row null as a whole.
  private func expectedValue(_ report: JSONValue, _ table: String, _ row: String, _ column: String) -> JSONValue? {
    guard let rowValue = report[table]?[row] else { return nil }
    if rowValue.isNull { return .null }
    guard let cell = rowValue[column] else { return nil }
    return cell["yuan"] ?? cell
  }

  @Test(
    "cells and cells-csv round-trip to the same values as the JSON, one record per cell of the form",
    arguments: [
      "Samples/text/000_9c86ffa99e553fb9.txt", "Samples/text/rule-placeholder.txt", "Samples/pdf/gen-2019-b.pdf",
    ]
  )
  func roundTrip(path: String) throws {
    let json = try CommandRunner.run(["parse", "--provenance", path])
    #expect(json.status == 0, "\(json.standardError)")
    let report = try JSONReader.parse(json.standardOutput)
    let formCells = ["proactive", "requests", "appeals"].reduce(0) { total, table in
      total
        + (report[table]?.objectMembers ?? []).reduce(0) { sum, row in
          // A row null as a whole still has its form's cells (the form's widest row).
          sum + (row.1.objectMembers?.count ?? 7)
        }
    }
    let provenance = report["provenance"]
    let lines = try CommandRunner.run(["parse", "--provenance", "--format", "cells", path])
    let records = try lines.standardOutput.split(separator: "\n").map { try JSONReader.parse(String($0)) }
    #expect(records.count == formCells)
    var seen: Set<String> = []
    for record in records {
      let table = record["table"]?.stringValue ?? ""
      let row = record["row"]?.stringValue ?? ""
      let column = record["column"]?.stringValue ?? ""
      let path = "\(table).\(row).\(column)"
      #expect(seen.insert(path).inserted, "\(path) twice")
      #expect(record["value"] == expectedValue(report, table, row, column), "\(path)")
      #expect(record["file"]?.stringValue == report["source"]?["file"]?.stringValue)
      #expect(record["sha256"]?.stringValue == report["source"]?["sha256"]?.stringValue)
      #expect(record["year"] == report["meta"]?["year"])
      #expect(record["template"] == report["meta"]?["template"])
      if let origin = provenance?[path] {
        #expect(record["raw"] == origin["raw"], "\(path)")
        #expect(record["page"] == (origin["page"] ?? .null))
        #expect(record["box"] == (origin["box"] ?? .null))
        #expect(record["line"] == (origin["line"] ?? .null))
      } else {
        #expect(record["value"]?.isNull == true, "\(path) has a value but no provenance")
      }
    }
    let csv = try CommandRunner.run(["parse", "--provenance", "--format", "cells-csv", path])
    let rows = csvRecords(csv.standardOutput)
    let header = try #require(rows.first)
    #expect(header == CellsWriter.csvFields)
    #expect(rows.count - 1 == records.count)
    for (fields, record) in zip(rows.dropFirst(), records) {
      let named = Dictionary(uniqueKeysWithValues: zip(header, fields))
      let value = record["value"] ?? .null
      if case .number(let number) = value {
        #expect(Double(named["value"] ?? "") == Double(number))
      } else {
        #expect(named["value"] == "")
      }
      #expect(named["raw"] == (record["raw"]?.stringValue ?? ""))
      #expect(named["row"] == record["row"]?.stringValue)
      if case .array(let box)? = record["box"], box.count == 4, case .number(let x0) = box[0] {
        #expect(named["box_x0"] == x0)
      }
    }
  }

  @Test("export turns a corpus parsed with --provenance into the same cells as parse does")
  func exportMatchesParse() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let corpus = folder.appending(path: "corpus.jsonl").path()
    let inputs = ["Samples/text/001_f54858a1ba3b72c6.txt", "Samples/pdf/gen-2021-b.pdf"]
    let parsed = try CommandRunner.run(["parse", "--provenance", "--format", "jsonl", "-o", corpus] + inputs)
    #expect(parsed.status == 0, "\(parsed.standardError)")
    for format in ["cells", "cells-csv"] {
      let direct = try CommandRunner.run(["parse", "--provenance", "--format", format] + inputs)
      let exported = try CommandRunner.run(["export", corpus, "--format", format])
      #expect(exported.status == 0, "\(exported.standardError)")
      #expect(exported.standardOutput == direct.standardOutput, "\(format)")
      #expect(exported.standardOutput.contains("\"page\":") || format == "cells-csv")
    }
  }
}
