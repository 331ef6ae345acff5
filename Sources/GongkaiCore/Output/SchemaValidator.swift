import Foundation

/// Checks JSON against a JSON Schema (the draft 2020-12 keywords Models/report.schema.json
/// uses: type, const, enum, properties, required, additionalProperties, items, $ref to
/// $defs, anyOf, oneOf, minimum, maximum, minLength, pattern). Unknown keywords are
/// reported, so the schema cannot silently use one this checker ignores.
public struct SchemaValidator {
  /// One way the instance breaks the schema.
  public struct Violation: Sendable, Equatable, CustomStringConvertible {
    /// JSON path of the offending value.
    public var path: String
    /// What rule it breaks.
    public var reason: String

    /// The message, one line.
    public var description: String { "\(path.isEmpty ? "(root)" : path): \(reason)" }
  }

  private let root: JSONValue
  private static let known: Set<String> = [
    "$schema", "$id", "title", "description", "type", "const", "enum", "properties", "required",
    "additionalProperties", "items", "$ref", "$defs", "anyOf", "oneOf", "minimum", "maximum", "minLength", "pattern",
  ]

  /// Prepares a validator for `schema`.
  public init(schema: JSONValue) {
    root = schema
  }

  /// Every violation of the schema by `instance` (empty when it conforms).
  public func violations(of instance: JSONValue) -> [Violation] {
    var found: [Violation] = []
    check(instance, against: root, path: "", into: &found)
    return found
  }

  private func check(_ value: JSONValue, against schema: JSONValue, path: String, into found: inout [Violation]) {
    guard let members = schema.objectMembers else { return }
    for (keyword, rule) in members {
      switch keyword {
      case "$schema", "$id", "title", "description", "$defs": continue
      case "$ref":
        guard let reference = rule.stringValue, let target = resolve(reference) else {
          found.append(Violation(path: path, reason: "unresolvable $ref"))
          continue
        }
        check(value, against: target, path: path, into: &found)
      case "type":
        let allowed = rule.arrayElements?.compactMap(\.stringValue) ?? [rule.stringValue].compactMap { $0 }
        if !allowed.contains(where: { Self.has(value, type: $0) }) {
          found.append(Violation(path: path, reason: "expected \(allowed.joined(separator: " or "))"))
        }
      case "const":
        if value != rule { found.append(Violation(path: path, reason: "expected the constant value")) }
      case "enum":
        if !(rule.arrayElements ?? []).contains(value) {
          found.append(Violation(path: path, reason: "not one of the allowed values"))
        }
      case "required":
        guard value.objectMembers != nil else { continue }
        for key in rule.arrayElements?.compactMap(\.stringValue) ?? [] where value[key] == nil {
          found.append(Violation(path: path, reason: "missing key \(key)"))
        }
      case "properties":
        guard let object = value.objectMembers else { continue }
        for (key, member) in object {
          if let sub = rule[key] { check(member, against: sub, path: join(path, key), into: &found) }
        }
      case "additionalProperties":
        guard let object = value.objectMembers else { continue }
        let declared = schema["properties"]?.objectMembers?.map(\.0) ?? []
        for (key, member) in object where !declared.contains(key) {
          if case .bool(false) = rule {
            found.append(Violation(path: join(path, key), reason: "key not allowed here"))
          } else if rule.objectMembers != nil {
            check(member, against: rule, path: join(path, key), into: &found)
          }
        }
      case "items":
        for (index, element) in (value.arrayElements ?? []).enumerated() {
          check(element, against: rule, path: "\(path)[\(index)]", into: &found)
        }
      case "anyOf", "oneOf":
        let options = rule.arrayElements ?? []
        let passing = options.filter { option in
          var scratch: [Violation] = []
          check(value, against: option, path: path, into: &scratch)
          return scratch.isEmpty
        }.count
        if passing == 0 || (keyword == "oneOf" && passing > 1) {
          found.append(Violation(path: path, reason: "matches \(passing) of the \(keyword) alternatives"))
        }
      case "minimum", "maximum":
        guard case .number(let text) = value, let number = Double(text), case .number(let limitText) = rule,
          let limit = Double(limitText)
        else { continue }
        if keyword == "minimum" ? number < limit : number > limit {
          found.append(
            Violation(path: path, reason: "\(text) is \(keyword == "minimum" ? "below" : "above") \(limitText)"))
        }
      case "minItems", "maxItems":
        if let elements = value.arrayElements, let limit = rule.intValue,
          keyword == "minItems" ? elements.count < limit : elements.count > limit
        {
          found.append(Violation(path: path, reason: "\(elements.count) items, \(keyword) is \(limit)"))
        }
      case "minLength":
        if let text = value.stringValue, let minimum = rule.intValue, text.count < minimum {
          found.append(Violation(path: path, reason: "shorter than \(minimum)"))
        }
      case "pattern":
        guard let text = value.stringValue, let pattern = rule.stringValue else { continue }
        if text.range(of: pattern, options: .regularExpression) == nil {
          found.append(Violation(path: path, reason: "does not match \(pattern)"))
        }
      default:
        found.append(Violation(path: path, reason: "schema uses \(keyword), which this checker does not know"))
      }
    }
  }

  private func resolve(_ reference: String) -> JSONValue? {
    guard reference.hasPrefix("#/") else { return nil }
    var node: JSONValue? = root
    for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
    return node
  }

  private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  private static func has(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
      ("number", .number):
      return true
    case ("integer", .number(let text)): return Int(text) != nil
    default: return false
    }
  }
}
