/// Writes reports as tidy cells: one record per table cell, with the report it belongs to,
/// its keys, its value (a count, or an amount in yuan), the text it was read from and,
/// when the report carries provenance, where it was read — what pandas, R and DuckDB load
/// without reshaping.
public struct CellsWriter: Sendable {
  /// The fields of every record, in order. `box` is one JSON array; CSV spreads it over
  /// `box_x0` … `box_y1`.
  public static let fields = [
    "file", "sha256", "agency", "year", "template", "table", "row", "column", "value", "raw",
    "page", "box", "line", "source_table", "source_row", "source_column",
  ]

  /// The CSV header fields.
  public static let csvFields = fields.flatMap { $0 == "box" ? ["box_x0", "box_y0", "box_x1", "box_y1"] : [$0] }

  /// Creates a writer.
  public init() {}

  /// One cell's record as (field, value) pairs in ``fields`` order.
  public func records(_ report: Report) -> [[(String, JSONValue)]] {
    var origins: [String: CellProvenance] = [:]
    for entry in report.provenance ?? [] { origins[entry.path] = entry }
    let head: [(String, JSONValue)] = [
      ("file", .string(report.source.file)), ("sha256", .string(report.source.sha256)),
      ("agency", report.meta.agency.map(JSONValue.string) ?? .null),
      ("year", report.meta.year.map(JSONValue.integer) ?? .null), ("template", .string(report.meta.template)),
    ]
    var records: [[(String, JSONValue)]] = []
    for (name, table) in [("proactive", report.proactive), ("requests", report.requests), ("appeals", report.appeals)] {
      for row in table.rows {
        for cell in row.cells {
          let path = "\(name).\(row.key).\(cell.key)"
          let origin = origins[path]
          var value = JSONValue.null
          var raw = origin.map { JSONValue.string($0.raw) } ?? .null
          switch cell.value {
          case nil: break
          case .count(let count): value = .integer(count)
          case .amount(let amount):
            value = .number(amount.yuan.description)
            if origin == nil { raw = .string(amount.raw) }
          }
          var page = JSONValue.null
          var box = JSONValue.null
          var line = JSONValue.null
          var place: [JSONValue] = [.null, .null, .null]
          switch origin?.origin {
          case .page(let number, let corners)?:
            page = .integer(number)
            box = .array(corners.map { .number(ReportJSON.formatPoints($0)) })
          case .line(let number)?: line = .integer(number)
          case .table(let number, let sourceRow, let sourceColumn)?:
            place = [.integer(number), .integer(sourceRow), .integer(sourceColumn)]
          case nil: break
          }
          records.append(
            head + [
              ("table", .string(name)), ("row", .string(row.key)), ("column", .string(cell.key)), ("value", value),
              ("raw", raw), ("page", page), ("box", box), ("line", line), ("source_table", place[0]),
              ("source_row", place[1]), ("source_column", place[2]),
            ])
        }
      }
    }
    return records
  }

  /// The report's cells as JSON Lines.
  public func jsonLines(_ report: Report) -> String {
    let writer = JSONWriter(pretty: false)
    var text = ""
    for record in records(report) { text += writer.string(from: .object(record)) + "\n" }
    return text
  }

  /// The CSV header line (CRLF, as RFC 4180 has it).
  public func csvHeaderLine() -> String { Self.csvFields.joined(separator: ",") + "\r\n" }

  /// The report's cells as CSV lines.
  public func csvLines(_ report: Report) -> String {
    var text = ""
    for record in records(report) {
      var fields: [String] = []
      for (key, value) in record {
        if key == "box" {
          let corners = value.arrayElements ?? []
          fields += (0..<4).map { index in index < corners.count ? Self.plain(corners[index]) : "" }
        } else {
          fields.append(CSVWriter.quoted(Self.plain(value)))
        }
      }
      text += fields.joined(separator: ",") + "\r\n"
    }
    return text
  }

  /// A scalar as CSV text: empty for null.
  private static func plain(_ value: JSONValue) -> String {
    switch value {
    case .null: return ""
    case .number(let text), .string(let text): return text
    case .bool(let flag): return flag ? "true" : "false"
    case .array, .object: return ""
    }
  }
}
