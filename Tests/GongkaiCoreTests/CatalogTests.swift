import Foundation
import GongkaiCore
import Testing

/// The catalog reads Models/ field by field (no JSONDecoder): every field of every file must
/// arrive, compared here with Foundation's JSONSerialization reading the same files from disk.
@Suite("Template catalog")
struct CatalogTests {
  /// A Models/ file as Foundation reads it.
  private func model(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: Fixtures.root.appending(path: "Models/\(name)"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The strings of an optional JSON list (nil when absent or null).
  private func strings(_ value: Any?) -> [String]? {
    value as? [String]
  }

  @Test("every form's sections, tables, rows, columns and checks match Models/templates")
  func templatesMatchTheFiles() throws {
    let catalog = TemplateCatalog.standard
    let names = try FileManager.default.contentsOfDirectory(
      atPath: Fixtures.root.appending(path: "Models/templates").path
    )
    .filter { $0.hasSuffix(".json") }.sorted()
    #expect(catalog.templates.count == names.count)
    for (template, name) in zip(catalog.templates, names) {
      let file = try model("templates/\(name)")
      #expect(template.id == file["id"] as? String)
      #expect(template.name == file["name"] as? String)
      let years = try #require(file["years"] as? [String: Any])
      #expect(template.years.first == years["first"] as? Int)
      #expect(template.years.last == years["last"] as? Int)
      #expect(template.cues == strings(file["cues"]))
      let sections = try #require(file["sections"] as? [[String: Any]])
      #expect(template.sections.map(\.key) == sections.map { $0["key"] as? String ?? "" })
      #expect(template.sections.map(\.number) == sections.map { $0["number"] as? String ?? "" })
      #expect(template.sections.map(\.title) == sections.map { $0["title"] as? String ?? "" })
      #expect(template.sections.map(\.table) == sections.map { $0["table"] as? String })
      for (table, key) in [(template.proactive, "proactive"), (template.requests, "requests")] {
        let object = try #require(file[key] as? [String: Any])
        try expectColumns(table.columns, object["columns"], "\(name) \(key)")
        #expect(table.subtotalLabels == strings(object["subtotalLabels"]))
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(table.rows.count == rows.count)
        for (row, json) in zip(table.rows, rows) {
          #expect(row.key == json["key"] as? String)
          #expect(row.group == json["group"] as? String)
          #expect(row.label == json["label"] as? String)
          #expect(row.columns == strings(json["columns"]))
          #expect(row.optional == json["optional"] as? Bool)
          #expect(row.replaces == strings(json["replaces"]))
          #expect(row.deviation == json["deviation"] as? String)
          #expect(row.deviantLabels == strings(json["deviantLabels"]))
        }
      }
      let appeals = try #require(file["appeals"] as? [String: Any])
      try expectColumns(template.appeals.columns, appeals["columns"], "\(name) appeals")
      try expectColumns(template.appeals.groups, appeals["groups"], "\(name) appeal groups")
      let checks = try #require(file["checks"] as? [[String: Any]])
      #expect(template.checks.count == checks.count)
      for (check, json) in zip(template.checks, checks) {
        #expect(check.rule == json["rule"] as? String)
        #expect(check.table == json["table"] as? String)
        #expect(check.across.rawValue == json["across"] as? String)
        #expect(check.parts == strings(json["parts"]))
        #expect(check.totals == strings(json["totals"]))
        #expect(check.reportAt == json["reportAt"] as? String)
        #expect(check.description == json["description"] as? String)
      }
    }
  }

  private func expectColumns(_ columns: [ReportTemplate.Column], _ value: Any?, _ place: String) throws {
    let list = try #require(value as? [[String: Any]], "\(place)")
    #expect(columns.count == list.count, "\(place)")
    for (column, json) in zip(columns, list) {
      #expect(column.key == json["key"] as? String, "\(place)")
      #expect(column.label == json["label"] as? String, "\(place)")
      #expect(column.kind?.rawValue == json["kind"] as? String, "\(place)")
      #expect(column.unit == json["unit"] as? String, "\(place)")
    }
  }

  @Test("label variants, narrative figures, page furniture and agency names match their Models/ files")
  func otherModelsMatchTheFiles() throws {
    let catalog = TemplateCatalog.standard
    let variants = try #require(try model("label-variants.json")["variants"] as? [String: [String]])
    #expect(catalog.labelVariants == variants)
    let figures = try #require(try model("narrative-figures.json")["figures"] as? [[String: Any]])
    #expect(catalog.narrativeFigures.count == figures.count)
    for (rule, json) in zip(catalog.narrativeFigures, figures) {
      #expect(rule.id == json["id"] as? String)
      #expect(rule.what == json["what"] as? String)
      #expect(rule.pattern == json["pattern"] as? String)
      #expect(rule.value == json["value"] as? Int)
      #expect(rule.compare == json["compare"] as? [[String]])
      #expect(rule.requires == strings(json["requires"]))
      #expect(rule.alongside == (json["alongside"] as? Bool ?? false))
    }
    let furniture = try model("web-furniture.json")
    let lines = try #require(furniture["lines"] as? [[String: Any]])
    #expect(catalog.pageFurniture.count == lines.count)
    for (rule, json) in zip(catalog.pageFurniture, lines) {
      #expect(rule.id == json["id"] as? String)
      #expect(rule.pattern == json["pattern"] as? String)
      #expect(rule.minimum == json["minimum"] as? Int)
      #expect(rule.maxLength == json["maxLength"] as? Int)
      #expect(rule.requires == strings(json["requires"]))
      #expect(rule.excludes == strings(json["excludes"]))
      #expect(rule.tabs == json["tabs"] as? Bool)
      #expect(rule.inside == json["inside"] as? Bool)
    }
    let markers = (strings(furniture["lineMarkers"]) ?? []) + (strings(furniture["outsideMarkers"]) ?? [])
    #expect(catalog.outsideFurnitureMarkers == markers)
    let names = try model("agency-names.json")
    #expect(catalog.agencyNames.offices == strings(names["offices"]))
    #expect(catalog.agencyNames.unitSuffixes == strings(names["unitSuffixes"]))
  }

  @Test("a broken model names its file and the field at fault")
  func brokenModelNamesFileAndField() throws {
    var files: [String: String] = [:]
    for name in [
      "label-variants.json", "narrative-figures.json", "web-furniture.json", "agency-names.json", "report.schema.json",
    ] {
      files[name] = try String(contentsOf: Fixtures.root.appending(path: "Models/\(name)"), encoding: .utf8)
    }
    let template = try String(contentsOf: Fixtures.root.appending(path: "Models/templates/2021.json"), encoding: .utf8)
    files["templates/2021.json"] = template
    #expect(throws: Never.self) { _ = try TemplateCatalog(files: files) }

    let agencyNames = files["agency-names.json"] ?? ""
    files["agency-names.json"] = agencyNames.replacingOccurrences(of: "\"unitSuffixes\"", with: "\"suffixes\"")
    let names = try #require(throws: ModelError.self) { try TemplateCatalog(files: files) }
    #expect(names.file == "agency-names.json")
    #expect(names.reason.contains("unitSuffixes"), "\(names.reason)")
    files["agency-names.json"] = agencyNames

    files["templates/2021.json"] = template.replacingOccurrences(of: "\"reportAt\"", with: "\"reportedAt\"")
    let missing = try #require(throws: ModelError.self) { try TemplateCatalog(files: files) }
    #expect(missing.file == "templates/2021.json")
    #expect(missing.reason.contains("checks[0].reportAt"), "\(missing.reason)")

    files["templates/2021.json"] = template.replacingOccurrences(of: "\"across\": \"columns\"", with: "\"across\": 3")
    let wrongType = try #require(throws: ModelError.self) { try TemplateCatalog(files: files) }
    #expect(wrongType.reason.contains("across"), "\(wrongType.reason)")

    files["templates/2021.json"] = String(template.dropLast(4))
    let syntax = try #require(throws: ModelError.self) { try TemplateCatalog(files: files) }
    #expect(syntax.file == "templates/2021.json")
    #expect(syntax.reason.contains("JSON"), "\(syntax.reason)")
  }
}
