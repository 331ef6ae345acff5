/// How the name of a reporting body is built (Models/agency-names.json): the offices of
/// government that follow an administrative unit's name, and how a unit's name ends.
public struct AgencyNameParts: Sendable {
  /// Offices of government that follow the name of an administrative unit (人民政府, 教育局 …).
  public let offices: [String]
  /// How the name of an administrative unit ends (…县, …镇, …街道).
  public let unitSuffixes: [String]

  /// Whether a name is well formed: where it ends with an office of government, what comes
  /// before names an administrative unit. A misread unit (清河有具人民政府, 白沙有市场监督管理局)
  /// is not; a name ending in no known office is taken as it reads.
  public func isWellFormed(_ name: String) -> Bool {
    guard let office = offices.filter({ name.hasSuffix($0) }).max(by: { $0.count < $1.count }) else {
      return true
    }
    let unit = name.dropLast(office.count)
    return unit.isEmpty || unitSuffixes.contains { unit.hasSuffix($0) }
  }
}

extension AgencyNameParts {
  /// The parts in the JSON object `model` of Models/agency-names.json.
  init(model: ModelObject) throws(ModelError) {
    offices = try model.strings("offices")
    unitSuffixes = try model.strings("unitSuffixes")
    guard !offices.isEmpty, !unitSuffixes.isEmpty else {
      throw ModelError(file: "", reason: "offices and unitSuffixes must not be empty")
    }
  }
}
