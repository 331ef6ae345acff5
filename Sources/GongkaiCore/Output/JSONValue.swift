/// A JSON value that keeps object keys in order and numbers as written, so output
/// follows the contract's key order and decimal amounts stay exact.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number kept as its JSON text (e.g. `637900`, `12.5`), never rounded through Double.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// Equal values; objects compare by key regardless of order, numbers by value.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b || Double(a) == Double(b)
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      guard a.count == b.count else { return false }
      let index = Dictionary(b, uniquingKeysWith: { first, _ in first })
      return a.allSatisfy { key, value in index[key] == value }
    default: return false
    }
  }

  /// A JSON number from an integer.
  public static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

  /// The value at `key` of an object, or nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The members of an object, or nil for any other value.
  public var objectMembers: [(String, JSONValue)]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// The elements of an array, or nil.
  public var arrayElements: [JSONValue]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// The string, or nil.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The number as an integer when it is one, or nil.
  public var intValue: Int? {
    if case .number(let text) = self { return Int(text) ?? Double(text).flatMap { $0.rounded() == $0 ? Int($0) : nil } }
    return nil
  }

  /// Whether this is `null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }
}
