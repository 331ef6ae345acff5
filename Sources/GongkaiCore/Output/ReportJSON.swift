/// Converts reports to and from the contract's JSON (`gongkai.report/1`).
public enum ReportJSON {
  /// The report as a JSON value, keys in contract order.
  public static func encode(_ report: Report) -> JSONValue {
    var members = self.members(of: report)
    if let provenance = report.provenance {
      members.append(("provenance", .object(provenance.map { ($0.path, encode($0)) })))
    }
    return .object(members)
  }

  /// The report's JSON text as `writer` lays it out: the text of `writer.string(from:
  /// encode(report))`, with the provenance (as many entries as cells) written straight
  /// from its entries rather than through a `JSONValue` each.
  public static func text(_ report: Report, writer: JSONWriter) -> String {
    var output: [UInt8] = []
    write(report, writer: writer, level: 0, into: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the report's JSON text, nested `level` deep, as `text(_:writer:)` writes it.
  public static func write(_ report: Report, writer: JSONWriter, level: Int = 0, into output: inout [UInt8]) {
    // Room for a typical report (its provenance about doubles it), grown once rather than step by step.
    output.reserveCapacity(output.count + (report.provenance == nil ? 16_384 : 49_152))
    let members = self.members(of: report)
    guard let provenance = report.provenance else {
      writer.write(.object(members), level: level, into: &output)
      return
    }
    output.append(UInt8(ascii: "{"))
    for (index, (key, member)) in members.enumerated() {
      writer.separator(before: index, level: level, into: &output)
      writer.key(key, into: &output)
      writer.write(member, level: level + 1, into: &output)
    }
    writer.separator(before: members.count, level: level, into: &output)
    writer.key("provenance", into: &output)
    ProvenanceJSON(writer: writer).write(provenance, level: level + 1, into: &output)
    writer.close(UInt8(ascii: "}"), level: level, isEmpty: false, into: &output)
  }

  /// The report's members up to `repairs`, in contract order (everything but provenance).
  private static func members(of report: Report) -> [(String, JSONValue)] {
    let source = report.source
    return [
      ("schema", .string(Report.schema)),
      (
        "source",
        .object([
          ("file", .string(source.file)),
          ("sha256", .string(source.sha256)),
          ("kind", .string(source.kind.rawValue)),
          ("pages", source.pages.map(JSONValue.integer) ?? .null),
          ("text_layer", source.textLayer.map { .string($0.rawValue) } ?? .null),
        ])
      ),
      (
        "meta",
        .object([
          ("title", optional(report.meta.title)),
          ("agency", optional(report.meta.agency)),
          ("year", report.meta.year.map(JSONValue.integer) ?? .null),
          ("template", .string(report.meta.template)),
          ("published", optional(report.meta.published)),
        ])
      ),
      ("sections", .object(report.sections.all.map { ($0.key, optional($0.text)) })),
      ("proactive", encode(report.proactive)),
      ("requests", encode(report.requests)),
      ("appeals", encode(report.appeals)),
      (
        "findings",
        .array(
          report.findings.map {
            .object([
              ("rule", .string($0.rule)), ("severity", .string($0.severity.rawValue)),
              ("where", .string($0.location)), ("message", .string($0.message)),
            ])
          })
      ),
      (
        "repairs",
        .array(
          report.repairs.map {
            .object([("kind", .string($0.kind)), ("detail", .string($0.detail)), ("line", .integer($0.line))])
          })
      ),
    ]
  }

  /// One cell's provenance: `raw` and the origin's keys.
  static func encode(_ entry: CellProvenance) -> JSONValue {
    let raw = JSONValue.string(entry.raw)
    switch entry.origin {
    case .page(let page, let box):
      return .object([("raw", raw), ("page", .integer(page)), ("box", .array(box.map { .number(formatPoints($0)) }))])
    case .table(let table, let row, let column):
      return .object([("raw", raw), ("table", .integer(table)), ("row", .integer(row)), ("column", .integer(column))])
    case .line(let line):
      return .object([("raw", raw), ("line", .integer(line))])
    }
  }

  /// A coordinate in points with two decimals at most (a hundredth of a point is far
  /// below what a box needs).
  static func formatPoints(_ value: Double) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
      guard let base = buffer.baseAddress else { return "0" }
      return String(decoding: UnsafeBufferPointer(start: base, count: writePoints(value, at: base)), as: UTF8.self)
    }
  }

  /// Writes a coordinate as `formatPoints` spells it (`72`, `72.5`, `72.05`, `-3.25`) at
  /// `pointer` (room for 24 bytes needed); returns how many bytes were written.
  static func writePoints(_ value: Double, at pointer: UnsafeMutablePointer<UInt8>) -> Int {
    let hundredths = (value * 100).rounded()
    guard hundredths.isFinite, abs(hundredths) < 1e15 else {
      pointer[0] = UInt8(ascii: "0")
      return 1
    }
    let whole = Int(hundredths)
    var count = 0
    if whole < 0 {
      pointer[0] = UInt8(ascii: "-")
      count = 1
    }
    let magnitude = abs(whole)
    count += JSONWriter.writeInteger(magnitude / 100, at: pointer + count)
    let fraction = magnitude % 100
    guard fraction != 0 else { return count }
    pointer[count] = UInt8(ascii: ".")
    pointer[count + 1] = UInt8(ascii: "0") + UInt8(fraction / 10)
    count += 2
    if fraction % 10 != 0 {
      pointer[count] = UInt8(ascii: "0") + UInt8(fraction % 10)
      count += 1
    }
    return count
  }

  /// Reads the `provenance` object back; nil when the report has none.
  static func decodeProvenance(_ value: JSONValue?) -> [CellProvenance]? {
    guard let members = value?.objectMembers else { return nil }
    return members.compactMap { path, entry in
      let raw = entry["raw"]?.stringValue ?? ""
      if let page = entry["page"]?.intValue, let box = entry["box"]?.arrayElements {
        let numbers = box.compactMap { element -> Double? in
          if case .number(let text) = element { return Double(text) }
          return element.intValue.map(Double.init)
        }
        guard numbers.count == 4 else { return nil }
        return CellProvenance(path: path, raw: raw, origin: .page(page, box: numbers))
      }
      if let table = entry["table"]?.intValue, let row = entry["row"]?.intValue, let column = entry["column"]?.intValue
      {
        return CellProvenance(path: path, raw: raw, origin: .table(table, row: row, column: column))
      }
      if let line = entry["line"]?.intValue { return CellProvenance(path: path, raw: raw, origin: .line(line)) }
      return nil
    }
  }

  /// A table as an object of row objects.
  static func encode(_ table: DataTable) -> JSONValue {
    .object(
      table.rows.map { row in
        (row.key, row.isAbsentByDesign ? .null : .object(row.cells.map { ($0.key, encode($0.value)) }))
      })
  }

  /// A cell: an integer, an amount object, or null.
  static func encode(_ value: CellValue?) -> JSONValue {
    switch value {
    case nil: return .null
    case .count(let count): return .integer(count)
    case .amount(let amount):
      return .object([("yuan", .number(amount.yuan.description)), ("raw", .string(amount.raw))])
    }
  }

  private static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  /// Why a JSON document is not a report.
  public struct DecodingError: Error, CustomStringConvertible {
    /// The path where it went wrong.
    public var path: String
    /// What was expected there.
    public var reason: String

    /// The message, one line.
    public var description: String { "\(path): \(reason)" }
  }

  /// Reads a report back from its JSON (the shape `encode` writes).
  public static func decode(_ json: JSONValue) throws(DecodingError) -> Report {
    func object(_ value: JSONValue?, _ path: String) throws(DecodingError) -> JSONValue {
      guard let value, value.objectMembers != nil else { throw DecodingError(path: path, reason: "expected an object") }
      return value
    }
    func string(_ value: JSONValue?, _ path: String) throws(DecodingError) -> String? {
      guard let value, !value.isNull else { return nil }
      guard let text = value.stringValue else { throw DecodingError(path: path, reason: "expected a string or null") }
      return text
    }
    let source = try object(json["source"], "source")
    let meta = try object(json["meta"], "meta")
    let sections = try object(json["sections"], "sections")
    guard let kind = SourceInfo.Kind(rawValue: try string(source["kind"], "source.kind") ?? "") else {
      throw DecodingError(path: "source.kind", reason: "expected \"pdf\" or \"text\"")
    }
    let info = SourceInfo(
      file: try string(source["file"], "source.file") ?? "",
      sha256: try string(source["sha256"], "source.sha256") ?? "",
      kind: kind, pages: source["pages"]?.intValue,
      textLayer: (try string(source["text_layer"], "source.text_layer")).flatMap(SourceInfo.TextLayer.init(rawValue:)))
    guard let template = try string(meta["template"], "meta.template") else {
      throw DecodingError(path: "meta.template", reason: "expected \"2019\" or \"2021\"")
    }
    let reportMeta = ReportMeta(
      title: try string(meta["title"], "meta.title"), agency: try string(meta["agency"], "meta.agency"),
      year: meta["year"]?.intValue, template: template, published: try string(meta["published"], "meta.published"))
    let reportSections = ReportSections(
      overview: try string(sections["overview"], "sections.overview"),
      problems: try string(sections["problems"], "sections.problems"),
      other: try string(sections["other"], "sections.other"))
    func table(_ name: String) throws(DecodingError) -> DataTable {
      guard let members = try object(json[name], name).objectMembers else { return DataTable(rows: []) }
      var rows: [DataTable.Row] = []
      for (rowKey, rowValue) in members {
        if rowValue.isNull {
          rows.append(DataTable.Row(key: rowKey, cells: [], isAbsentByDesign: true))
          continue
        }
        guard let cells = rowValue.objectMembers else {
          throw DecodingError(path: "\(name).\(rowKey)", reason: "expected an object of cells")
        }
        var decoded: [DataTable.Cell] = []
        for (cellKey, cellValue) in cells {
          decoded.append(DataTable.Cell(key: cellKey, value: try cell(cellValue, "\(name).\(rowKey).\(cellKey)")))
        }
        rows.append(DataTable.Row(key: rowKey, cells: decoded))
      }
      if name == "requests", let template = TemplateCatalog.standard.template(id: reportMeta.template) {
        Validator.markRowsAbsentByDesign(in: &rows, template: template)
      }
      return DataTable(rows: rows)
    }
    func cell(_ value: JSONValue, _ path: String) throws(DecodingError) -> CellValue? {
      if value.isNull { return nil }
      if let count = value.intValue { return .count(count) }
      if case .number(let text)? = value["yuan"], let yuan = ExactDecimal(text) {
        return .amount(Amount(yuan: yuan, raw: value["raw"]?.stringValue ?? text))
      }
      throw DecodingError(path: path, reason: "expected an integer, an amount or null")
    }
    var findings: [Finding] = []
    for (index, item) in (json["findings"]?.arrayElements ?? []).enumerated() {
      guard let rule = item["rule"]?.stringValue,
        let severity = item["severity"]?.stringValue.flatMap(Finding.Severity.init(rawValue:)),
        let location = item["where"]?.stringValue
      else { throw DecodingError(path: "findings[\(index)]", reason: "expected rule, severity and where") }
      findings.append(
        Finding(rule: rule, severity: severity, location: location, message: item["message"]?.stringValue ?? ""))
    }
    let repairs = (json["repairs"]?.arrayElements ?? []).compactMap { item -> Repair? in
      guard let kind = item["kind"]?.stringValue else { return nil }
      return Repair(kind: kind, detail: item["detail"]?.stringValue ?? "", line: item["line"]?.intValue ?? 0)
    }
    var report = Report(
      source: info, meta: reportMeta, sections: reportSections, proactive: try table("proactive"),
      requests: try table("requests"), appeals: try table("appeals"), findings: findings, repairs: repairs)
    report.provenance = decodeProvenance(json["provenance"])
    return report
  }
}
