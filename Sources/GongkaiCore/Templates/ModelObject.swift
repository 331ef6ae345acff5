/// A JSON object of a Models/ file, read field by field into the catalog's types.
///
/// The catalog is built on every start of the program; reading the files with the core's
/// JSONReader and these accessors costs a fraction of Foundation's JSONDecoder, whose
/// generic machinery is set up anew in each process. A wrong or missing field is a
/// `ModelError` naming the field's path.
struct ModelObject {
  /// The object's members.
  let members: [(String, JSONValue)]
  /// Where the object sits in its file, for messages (`requests.rows[3]`).
  let path: String

  /// The object `value`, or an error when it is something else.
  init(_ value: JSONValue, path: String) throws(ModelError) {
    guard let members = value.objectMembers else {
      throw ModelError(file: "", reason: "\(path.isEmpty ? "the file" : path) is not an object")
    }
    self.members = members
    self.path = path
  }

  /// The path of `key` inside this object.
  func place(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  private func value(_ key: String) -> JSONValue? {
    guard let value = members.first(where: { $0.0 == key })?.1, !value.isNull else { return nil }
    return value
  }

  private func wrong(_ key: String, _ expected: String) -> ModelError {
    ModelError(file: "", reason: "\(place(key)): expected \(expected)")
  }

  /// A required string.
  func string(_ key: String) throws(ModelError) -> String {
    guard let text = try optionalString(key) else { throw ModelError(file: "", reason: "\(place(key)): missing") }
    return text
  }

  /// A string, nil when absent or null.
  func optionalString(_ key: String) throws(ModelError) -> String? {
    guard let value = value(key) else { return nil }
    guard let text = value.stringValue else { throw wrong(key, "a string") }
    return text
  }

  /// A required integer.
  func int(_ key: String) throws(ModelError) -> Int {
    guard let number = try optionalInt(key) else { throw ModelError(file: "", reason: "\(place(key)): missing") }
    return number
  }

  /// An integer, nil when absent or null.
  func optionalInt(_ key: String) throws(ModelError) -> Int? {
    guard let value = value(key) else { return nil }
    guard case .number(let text) = value, let number = Int(text) else { throw wrong(key, "an integer") }
    return number
  }

  /// A Boolean, nil when absent or null.
  func optionalBool(_ key: String) throws(ModelError) -> Bool? {
    guard let value = value(key) else { return nil }
    guard case .bool(let flag) = value else { throw wrong(key, "true or false") }
    return flag
  }

  /// A required list of strings.
  func strings(_ key: String) throws(ModelError) -> [String] {
    guard let list = try optionalStrings(key) else { throw ModelError(file: "", reason: "\(place(key)): missing") }
    return list
  }

  /// A list of strings, nil when absent or null.
  func optionalStrings(_ key: String) throws(ModelError) -> [String]? {
    guard let value = value(key) else { return nil }
    guard let elements = value.arrayElements else { throw wrong(key, "a list of strings") }
    var result: [String] = []
    result.reserveCapacity(elements.count)
    for element in elements {
      guard let text = element.stringValue else { throw wrong(key, "a list of strings") }
      result.append(text)
    }
    return result
  }

  /// A required object.
  func object(_ key: String) throws(ModelError) -> ModelObject {
    guard let value = value(key) else { throw ModelError(file: "", reason: "\(place(key)): missing") }
    return try ModelObject(value, path: place(key))
  }

  /// A required list of objects.
  func objects(_ key: String) throws(ModelError) -> [ModelObject] {
    guard let value = value(key) else { throw ModelError(file: "", reason: "\(place(key)): missing") }
    guard let elements = value.arrayElements else { throw wrong(key, "a list of objects") }
    var result: [ModelObject] = []
    result.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      result.append(try ModelObject(element, path: "\(place(key))[\(index)]"))
    }
    return result
  }

  /// A required list of lists of strings.
  func stringLists(_ key: String) throws(ModelError) -> [[String]] {
    guard let value = value(key), let elements = value.arrayElements else { throw wrong(key, "a list of lists") }
    var result: [[String]] = []
    for element in elements {
      guard let inner = element.arrayElements else { throw wrong(key, "a list of lists of strings") }
      var list: [String] = []
      for item in inner {
        guard let text = item.stringValue else { throw wrong(key, "a list of lists of strings") }
        list.append(text)
      }
      result.append(list)
    }
    return result
  }

  /// A required object whose members are lists of strings.
  func stringListsByKey(_ key: String) throws(ModelError) -> [String: [String]] {
    let inner = try object(key)
    var result: [String: [String]] = [:]
    for (name, _) in inner.members { result[name] = try inner.strings(name) }
    return result
  }
}
