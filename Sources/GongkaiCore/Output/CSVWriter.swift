/// Writes reports as CSV: one row per report, one column per flattened key of the
/// contract (`requests.new.total`, `proactive.procurement.amount.yuan` …). The columns
/// are the union of both forms, in a fixed order, so a corpus of mixed forms lines up.
public struct CSVWriter: Sendable {
  /// The column headers, in order.
  public let headers: [String]

  /// Prepares the columns for the catalog's forms.
  public init(catalog: TemplateCatalog = .standard) {
    var headers = [
      "source.file", "source.sha256", "source.kind", "source.pages", "source.text_layer",
      "meta.title", "meta.agency", "meta.year", "meta.template", "meta.published",
    ]
    var seen = Set(headers)
    func add(_ header: String) {
      if seen.insert(header).inserted { headers.append(header) }
    }
    for template in catalog.templates {
      for row in template.proactive.rows {
        for key in template.proactive.columnKeys(of: row) {
          if template.proactive.column(key)?.kind == .amount {
            add("proactive.\(row.key).\(key).yuan")
            add("proactive.\(row.key).\(key).raw")
          } else {
            add("proactive.\(row.key).\(key)")
          }
        }
      }
    }
    for template in catalog.templates {
      for row in template.requests.rows {
        for column in template.requests.columns { add("requests.\(row.key).\(column.key)") }
      }
    }
    for template in catalog.templates {
      for group in template.appeals.groups {
        for column in template.appeals.columns { add("appeals.\(group.key).\(column.key)") }
      }
    }
    for header in [
      "findings.errors", "findings.warnings", "findings.rules", "repairs.count",
      "sections.overview", "sections.problems", "sections.other",
    ] {
      add(header)
    }
    self.headers = headers
  }

  /// The header line, ending in CRLF as RFC 4180 has it.
  public func headerLine() -> String { line(headers) }

  /// One report's line.
  public func row(_ report: Report) -> String {
    var values: [String: String] = [:]
    flatten(ReportJSON.encode(report), prefix: "", into: &values)
    values["findings.errors"] = String(report.findings.filter { $0.severity == .error }.count)
    values["findings.warnings"] = String(report.findings.filter { $0.severity == .warning }.count)
    values["findings.rules"] = report.findings.map { "\($0.rule)@\($0.location)" }.joined(separator: "; ")
    values["repairs.count"] = String(report.repairs.count)
    return line(headers.map { values[$0] ?? "" })
  }

  private func flatten(_ value: JSONValue, prefix: String, into values: inout [String: String]) {
    switch value {
    case .object(let members):
      for (key, member) in members where !(prefix.isEmpty && (key == "findings" || key == "repairs")) {
        flatten(member, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &values)
      }
    case .array: break
    case .null: values[prefix] = ""
    case .bool(let flag): values[prefix] = flag ? "true" : "false"
    case .number(let text): values[prefix] = text
    case .string(let text): values[prefix] = text
    }
  }

  private func line(_ fields: [String]) -> String {
    fields.map(Self.quoted).joined(separator: ",") + "\r\n"
  }

  /// A field quoted when it holds a comma, quote or line break.
  static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
  }
}

extension String {
  /// The string with every `target` replaced (no Foundation needed).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
