/// Compares a report with a partial expectation in the format of Samples/README.md, so
/// a set of reports with values checked by hand can serve as a regression set: keys
/// given are compared exactly, `findings` as the set of (rule, severity, where), and
/// `repairs_include` as repair kinds that must occur.
public enum ReportExpectation {
  /// Every difference between `actual` (a report's JSON) and `expected`; empty when
  /// they agree.
  public static func differences(actual: JSONValue, expected: JSONValue) -> [String] {
    var found: [String] = []
    for (key, value) in expected.objectMembers ?? [] {
      switch key {
      case "findings":
        let want = Set((value.arrayElements ?? []).map(findingKey))
        let have = Set((actual["findings"]?.arrayElements ?? []).map(findingKey))
        for missing in want.subtracting(have).sorted() { found.append("finding expected but absent: \(missing)") }
        for extra in have.subtracting(want).sorted() { found.append("finding not expected: \(extra)") }
      case "repairs_include":
        let kinds = Set((actual["repairs"]?.arrayElements ?? []).compactMap { $0["kind"]?.stringValue })
        for kind in (value.arrayElements ?? []).compactMap(\.stringValue) where !kinds.contains(kind) {
          found.append("no repair of kind \(kind)")
        }
      default:
        compare(actual[key], value, path: key, into: &found)
      }
    }
    return found
  }

  private static func findingKey(_ finding: JSONValue) -> String {
    [finding["rule"], finding["severity"], finding["where"]].map { $0?.stringValue ?? "?" }.joined(separator: " ")
  }

  private static func compare(_ actual: JSONValue?, _ expected: JSONValue, path: String, into found: inout [String]) {
    let writer = JSONWriter(pretty: false)
    guard let actual else {
      found.append("\(path): absent, expected \(writer.string(from: expected))")
      return
    }
    let isAmount = expected["yuan"] != nil && expected["raw"] != nil
    if let members = expected.objectMembers, actual.objectMembers != nil, !isAmount {
      for (key, value) in members { compare(actual[key], value, path: "\(path).\(key)", into: &found) }
      return
    }
    if actual != expected {
      found.append(
        "\(path): got \(writer.string(from: actual).prefix(160)), expected \(writer.string(from: expected).prefix(160))"
      )
    }
  }
}
