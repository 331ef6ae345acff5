/// Serialises a `JSONValue` as compact or indented JSON text.
public struct JSONWriter: Sendable {
  /// Indentation per level; nil writes everything on one line (JSON Lines).
  public var indent: String?

  /// Creates a writer; `pretty` indents with two spaces.
  public init(pretty: Bool) {
    indent = pretty ? "  " : nil
  }

  /// The JSON text of `value`.
  public func string(from value: JSONValue) -> String {
    var output = ""
    output.reserveCapacity(4096)
    write(value, level: 0, into: &output)
    return output
  }

  private func write(_ value: JSONValue, level: Int, into output: inout String) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let text): output += text
    case .string(let text): Self.appendQuoted(text, into: &output)
    case .array(let elements):
      if elements.isEmpty {
        output += "[]"
        return
      }
      output += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { output += "," }
        newline(level + 1, into: &output)
        write(element, level: level + 1, into: &output)
      }
      newline(level, into: &output)
      output += "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{"
      for (index, (key, member)) in members.enumerated() {
        if index > 0 { output += "," }
        newline(level + 1, into: &output)
        Self.appendQuoted(key, into: &output)
        output += indent == nil ? ":" : ": "
        write(member, level: level + 1, into: &output)
      }
      newline(level, into: &output)
      output += "}"
    }
  }

  private func newline(_ level: Int, into output: inout String) {
    guard let indent else { return }
    output += "\n"
    for _ in 0..<level { output += indent }
  }

  /// Appends `text` as a JSON string literal (UTF-8 kept as is, controls escaped).
  static func appendQuoted(_ text: String, into output: inout String) {
    output += "\""
    // Most strings need no escaping: append them whole.
    var plain = true
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in text.utf8 {
      if byte < 0x20 || byte == 0x22 || byte == 0x5C || (previous == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9)) {
        plain = false
        break
      }
      previous = (previous.1, byte)
    }
    if plain {
      output += text
      output += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
