/// Why the models compiled into the binary could not be used.
public struct ModelError: Error, CustomStringConvertible {
  /// The file of Models/ at fault.
  public var file: String
  /// What is wrong with it.
  public var reason: String

  /// The message, one line.
  public var description: String { "Models/\(file): \(reason)" }
}

/// The report forms and label knowledge compiled from Models/ into the binary.
public struct TemplateCatalog: Sendable {
  /// The forms, oldest first.
  public let templates: [ReportTemplate]
  /// Known spellings of labels: official label → variants seen in reports.
  public let labelVariants: [String: [String]]
  /// Figures the narrative may state.
  public let narrativeFigures: [NarrativeFigureRule]
  /// Lines of a printed web page that are not part of the report.
  public let pageFurniture: [FurnitureRule]
  /// Words marking a line as page furniture when it lies before the report's title or
  /// after its signing date.
  public let outsideFurnitureMarkers: [String]
  /// What a portal writes before the report's title on its line: its catalogue box's field
  /// names (名称, 标题) and its side box's entries (信息公开指南, 信息公开制度).
  public let titleFieldNames: [String]
  /// How a reporting body's name is built, to tell a misread name on a scan.
  public let agencyNames: AgencyNameParts
  /// The JSON Schema of the output contract, as text.
  public let reportSchema: String

  /// The catalog built from the embedded Models/ files; a broken model is a build defect,
  /// caught by the tests, so it stops the program with the file and reason.
  public static let standard: TemplateCatalog = {
    do {
      return try TemplateCatalog(files: EmbeddedModels.files)
    } catch {
      fatalError("\(error)")
    }
  }()

  /// Builds a catalog from Models/ file texts keyed by their path inside Models/.
  public init(files: [String: String]) throws {
    /// The top-level object of the file `name`, read with `read`; errors name the file.
    func decode<T>(_ name: String, _ read: (ModelObject) throws(ModelError) -> T) throws(ModelError) -> T {
      guard let text = files[name] else { throw ModelError(file: name, reason: "missing") }
      do {
        return try read(ModelObject(JSONReader.parse(text), path: ""))
      } catch let error as ModelError {
        throw ModelError(file: name, reason: error.reason)
      } catch {
        throw ModelError(file: name, reason: "\(error)")
      }
    }
    templates = try files.keys.filter { $0.hasPrefix("templates/") }.sorted()
      .map { (name) throws(ModelError) in
        try decode(name) { (model) throws(ModelError) in try ReportTemplate(model: model) }
      }
    guard !templates.isEmpty else { throw ModelError(file: "templates/", reason: "no templates") }
    labelVariants = try decode("label-variants.json") { (model) throws(ModelError) in
      try model.stringListsByKey("variants")
    }
    narrativeFigures = try decode("narrative-figures.json") { (model) throws(ModelError) in
      try model.objects("figures").map { (rule) throws(ModelError) in try NarrativeFigureRule(model: rule) }
    }
    (pageFurniture, outsideFurnitureMarkers, titleFieldNames) = try decode("web-furniture.json") {
      (model) throws(ModelError) in
      let lines = try model.objects("lines").map { (rule) throws(ModelError) in try FurnitureRule(model: rule) }
      return (
        lines, try model.strings("lineMarkers") + model.strings("outsideMarkers"),
        try model.strings("titleFieldNames") + model.strings("titleNeighbours")
      )
    }
    agencyNames = try decode("agency-names.json") { (model) throws(ModelError) in try AgencyNameParts(model: model) }
    guard let schema = files["report.schema.json"] else {
      throw ModelError(file: "report.schema.json", reason: "missing")
    }
    reportSchema = schema
  }

  /// The form with `id`.
  public func template(id: String) -> ReportTemplate? { templates.first { $0.id == id } }

  /// The form meant for reports on `year`.
  public func template(forYear year: Int) -> ReportTemplate? {
    templates.first { $0.years.contains(year) }
  }

  /// The newest form.
  public var newest: ReportTemplate { templates[templates.count - 1] }
}
