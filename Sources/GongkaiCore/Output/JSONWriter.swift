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
    var output: [UInt8] = []
    output.reserveCapacity(8192)
    write(value, level: 0, into: &output)
    return String(decoding: output, as: UTF8.self)
  }

  private func write(_ value: JSONValue, level: Int, into output: inout [UInt8]) {
    switch value {
    case .null: Self.appendRaw("null", into: &output)
    case .bool(let flag): Self.appendRaw(flag ? "true" : "false", into: &output)
    case .number(let text): Self.appendRaw(text, into: &output)
    case .string(let text): Self.appendQuoted(text, into: &output)
    case .array(let elements):
      if elements.isEmpty {
        Self.appendRaw("[]", into: &output)
        return
      }
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(level + 1, into: &output)
        write(element, level: level + 1, into: &output)
      }
      newline(level, into: &output)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        Self.appendRaw("{}", into: &output)
        return
      }
      output.append(UInt8(ascii: "{"))
      for (index, (key, member)) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(level + 1, into: &output)
        Self.appendQuoted(key, into: &output)
        output.append(UInt8(ascii: ":"))
        if indent != nil { output.append(UInt8(ascii: " ")) }
        write(member, level: level + 1, into: &output)
      }
      newline(level, into: &output)
      output.append(UInt8(ascii: "}"))
    }
  }

  private func newline(_ level: Int, into output: inout [UInt8]) {
    guard let indent else { return }
    output.append(10)
    for _ in 0..<level { output.append(contentsOf: indent.utf8) }
  }

  /// Appends the UTF-8 of `text` as it is, in one copy.
  @inline(__always)
  private static func appendRaw(_ text: String, into output: inout [UInt8]) {
    var text = text
    text.withUTF8 { output.append(contentsOf: $0) }
  }

  /// Appends `text` as a JSON string literal: UTF-8 kept as is; quotes, backslashes,
  /// control characters and U+2028/2029 (which break JavaScript) escaped.
  static func appendQuoted(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      // Most strings need no escape: copy them whole.
      var plain = true
      for index in 0..<bytes.count {
        let byte = bytes[index]
        if byte < 0x20 || byte == 34 || byte == 92 || byte == 0xE2 {
          plain = false
          break
        }
      }
      if plain {
        output.append(contentsOf: bytes)
      } else {
        appendEscaped(bytes, into: &output)
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// The bytes of a string that needs escapes, one by one.
  private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: [92, 34])
      case UInt8(ascii: "\\"): output.append(contentsOf: [92, 92])
      case 10: output.append(contentsOf: [92, UInt8(ascii: "n")])
      case 13: output.append(contentsOf: [92, UInt8(ascii: "r")])
      case 9: output.append(contentsOf: [92, UInt8(ascii: "t")])
      case 0..<0x20:
        output.append(contentsOf: [
          92, UInt8(ascii: "u"), 48, 48, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)],
        ])
      case 0xA8 where previous == (0xE2, 0x80), 0xA9 where previous == (0xE2, 0x80):
        // U+2028/2029: replace the two bytes already written with the escape.
        output.removeLast(2)
        output.append(contentsOf: [92, UInt8(ascii: "u"), 50, 48, 50, byte == 0xA8 ? 56 : 57])
      default: output.append(byte)
      }
      previous = (previous.1, byte)
    }
  }
}
