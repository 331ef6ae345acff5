import GongkaiCore

/// Totals across a corpus: table 三 summed by row and column, table 四 by group and
/// result, reports failing each rule, reports by template and year, failures by kind.
/// A `null` cell adds nothing (it is a value the report did not give).
struct CorpusStats {
  /// A sum over reports: the total of each column and how many reports gave the row.
  struct Sums {
    /// Column key → sum.
    var columns: [String: Int] = [:]
    /// Reports in which the row (or group) is present.
    var reports = 0
  }

  /// Reports read.
  private(set) var reports = 0
  /// Error records read.
  private(set) var failures = 0
  /// Reports per (template, year); year nil when unknown.
  private(set) var byTemplateYear: [TemplateYear: Int] = [:]
  /// Table 三 sums per row key.
  private(set) var requests: [String: Sums] = [:]
  /// Table 四 sums per group key.
  private(set) var appeals: [String: Sums] = [:]
  /// Per rule: its severity, how many reports have it, how many findings.
  private(set) var rules: [String: (severity: String, reports: Int, findings: Int)] = [:]
  /// Error records per error kind.
  private(set) var failuresByKind: [String: Int] = [:]

  /// The row keys of table 三, the column keys, and the groups of table 四, in form order
  /// (the newest form's order, then keys only older forms have).
  let requestRows: [(key: String, label: String)]
  let requestColumns: [(key: String, label: String)]
  let appealGroups: [(key: String, label: String)]
  let appealColumns: [(key: String, label: String)]

  /// A template and year, as reports are counted by.
  struct TemplateYear: Hashable, Comparable {
    /// `meta.template`.
    var template: String
    /// `meta.year`.
    var year: Int?

    /// Template first, then year (unknown last).
    static func < (lhs: TemplateYear, rhs: TemplateYear) -> Bool {
      (lhs.template, lhs.year ?? Int.max) < (rhs.template, rhs.year ?? Int.max)
    }
  }

  /// Empty stats over the catalog's forms.
  init(catalog: TemplateCatalog = .standard) {
    func merged<T>(_ lists: [[T]], key: (T) -> String, label: (T) -> String) -> [(key: String, label: String)] {
      var seen = Set<String>()
      var result: [(key: String, label: String)] = []
      for list in lists {
        for item in list where seen.insert(key(item)).inserted { result.append((key(item), label(item))) }
      }
      return result
    }
    let forms = Array(catalog.templates.reversed())
    requestRows = merged(forms.map(\.requests.rows), key: \.key) { ($0.group.map { $0 + "·" } ?? "") + $0.label }
    requestColumns = merged(forms.map(\.requests.columns), key: \.key, label: \.label)
    appealGroups = merged(forms.map(\.appeals.groups), key: \.key, label: \.label)
    appealColumns = merged(forms.map(\.appeals.columns), key: \.key, label: \.label)
  }

  /// Counts one record.
  mutating func add(_ record: CorpusFile.Record) {
    switch record {
    case .failure(let json):
      failures += 1
      failuresByKind[json["error"]?["kind"]?.stringValue ?? "unknown", default: 0] += 1
    case .report(let json):
      reports += 1
      let key = TemplateYear(
        template: json["meta"]?["template"]?.stringValue ?? "?", year: json["meta"]?["year"]?.intValue)
      byTemplateYear[key, default: 0] += 1
      Self.sum(json["requests"], into: &requests)
      Self.sum(json["appeals"], into: &appeals)
      var seen = Set<String>()
      for finding in json["findings"]?.arrayElements ?? [] {
        guard let rule = finding["rule"]?.stringValue else { continue }
        var entry = rules[rule] ?? (finding["severity"]?.stringValue ?? "", 0, 0)
        entry.findings += 1
        if seen.insert(rule).inserted { entry.reports += 1 }
        rules[rule] = entry
      }
    }
  }

  private static func sum(_ table: JSONValue?, into sums: inout [String: Sums]) {
    for (rowKey, row) in table?.objectMembers ?? [] {
      guard let cells = row.objectMembers else { continue }
      var entry = sums[rowKey] ?? Sums()
      entry.reports += 1
      for (columnKey, cell) in cells {
        entry.columns[columnKey, default: 0] += cell.intValue ?? 0
      }
      sums[rowKey] = entry
    }
  }

  /// The stats as JSON.
  func json(corpus: String) -> JSONValue {
    func sums(
      _ entries: [String: Sums], _ keys: [(key: String, label: String)], _ columns: [(key: String, label: String)]
    )
      -> JSONValue
    {
      .object(
        keys.map { key, _ in
          let entry = entries[key] ?? Sums()
          return (
            key,
            .object(
              [("reports", .integer(entry.reports))] + columns.map { ($0.key, .integer(entry.columns[$0.key] ?? 0)) })
          )
        })
    }
    return .object([
      ("corpus", .string(corpus)),
      ("reports", .integer(reports)),
      ("failures", .integer(failures)),
      (
        "by_template_year",
        .array(
          byTemplateYear.sorted { $0.key < $1.key }.map { key, count in
            .object([
              ("template", .string(key.template)), ("year", key.year.map(JSONValue.integer) ?? .null),
              ("reports", .integer(count)),
            ])
          })
      ),
      ("requests", sums(requests, requestRows, requestColumns)),
      ("appeals", sums(appeals, appealGroups, appealColumns)),
      (
        "rules",
        .object(
          rules.sorted { $0.key < $1.key }.map { rule, entry in
            (
              rule,
              .object([
                ("severity", .string(entry.severity)), ("reports", .integer(entry.reports)),
                ("findings", .integer(entry.findings)),
              ])
            )
          })
      ),
      ("failures_by_kind", .object(failuresByKind.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })),
    ])
  }

  /// The stats as aligned text tables.
  func text(corpus: String) -> String {
    var lines = ["\(corpus): \(reports) report(s), \(failures) error record(s)", ""]
    lines.append("reports by template and year:")
    lines += TextTable.render(
      header: ["template", "year", "reports"],
      rows: byTemplateYear.sorted { $0.key < $1.key }.map { key, count in
        [key.template, key.year.map(String.init) ?? "?", String(count)]
      }, rightAligned: [1, 2])
    lines.append("")
    lines.append("三 requests, summed over reports (total column; reports = reports giving the row):")
    lines += TextTable.render(
      header: ["row", "total", "reports", "label"],
      rows: requestRows.map { key, label in
        let entry = requests[key] ?? Sums()
        return [key, String(entry.columns["total"] ?? 0), String(entry.reports), label]
      }, rightAligned: [1, 2])
    lines.append("")
    lines.append("四 appeals, summed over reports:")
    lines += TextTable.render(
      header: ["group"] + appealColumns.map(\.key) + ["label"],
      rows: appealGroups.map { key, label in
        let entry = appeals[key] ?? Sums()
        return [key] + appealColumns.map { String(entry.columns[$0.key] ?? 0) } + [label]
      }, rightAligned: Set(1...appealColumns.count))
    lines.append("")
    lines.append("reports failing each rule:")
    lines += TextTable.render(
      header: ["rule", "severity", "reports", "findings"],
      rows: rules.sorted { $0.key < $1.key }.map {
        [$0.key, $0.value.severity, String($0.value.reports), String($0.value.findings)]
      },
      rightAligned: [2, 3])
    lines.append("")
    lines.append("error records by kind:")
    lines += TextTable.render(
      header: ["kind", "inputs"], rows: failuresByKind.sorted { $0.key < $1.key }.map { [$0.key, String($0.value)] },
      rightAligned: [1])
    return lines.joined(separator: "\n") + "\n"
  }
}
