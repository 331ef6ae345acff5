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

  /// Appends the JSON text of `value`, nested `level` deep (0 for a whole document), to `output`.
  public func write(_ value: JSONValue, level: Int = 0, into output: inout [UInt8]) {
    switch value {
    case .null: Self.appendRaw("null", into: &output)
    case .bool(let flag): Self.appendRaw(flag ? "true" : "false", into: &output)
    case .number(let text): Self.appendRaw(text, into: &output)
    case .string(let text): Self.appendQuoted(text, into: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        separator(before: index, level: level, into: &output)
        write(element, level: level + 1, into: &output)
      }
      close(UInt8(ascii: "]"), level: level, isEmpty: elements.isEmpty, into: &output)
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (index, (key, member)) in members.enumerated() {
        separator(before: index, level: level, into: &output)
        self.key(key, into: &output)
        write(member, level: level + 1, into: &output)
      }
      close(UInt8(ascii: "}"), level: level, isEmpty: members.isEmpty, into: &output)
    }
  }

  // Pieces of a container, for writers that stream members without building a
  // `JSONValue` (ReportJSON's provenance); `write` lays out containers with them too.

  /// Appends what stands before element or member `index` of a container opened at
  /// `level`: a comma after the first, and a line break and indent when pretty.
  @inline(__always)
  public func separator(before index: Int, level: Int, into output: inout [UInt8]) {
    if index > 0 { output.append(UInt8(ascii: ",")) }
    newline(level + 1, into: &output)
  }

  /// Appends a member's key and colon (and a space when pretty).
  @inline(__always)
  public func key(_ key: String, into output: inout [UInt8]) {
    Self.appendQuoted(key, into: &output)
    output.append(UInt8(ascii: ":"))
    if indent != nil { output.append(UInt8(ascii: " ")) }
  }

  /// Appends the closing bracket of a container opened at `level`, on its own line when
  /// pretty and the container has elements.
  @inline(__always)
  public func close(_ bracket: UInt8, level: Int, isEmpty: Bool, into output: inout [UInt8]) {
    if !isEmpty { newline(level, into: &output) }
    output.append(bracket)
  }

  /// Writes an integer's decimal digits, as `JSONValue.integer` spells them, at `pointer`
  /// (room for 20 bytes needed); returns how many bytes were written.
  static func writeInteger(_ value: Int, at pointer: UnsafeMutablePointer<UInt8>) -> Int {
    var count = 0
    if value < 0 {
      pointer[0] = UInt8(ascii: "-")
      count = 1
    }
    let magnitude = value.magnitude
    var width = 1
    var power: UInt = 10
    while width < 20, magnitude >= power {
      width += 1
      if power > UInt.max / 10 { break }
      power *= 10
    }
    var rest = magnitude
    for offset in stride(from: count + width - 1, through: count, by: -1) {
      pointer[offset] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
    return count + width
  }

  private func newline(_ level: Int, into output: inout [UInt8]) {
    guard let indent else { return }
    output.append(10)
    for _ in 0..<level { output.append(contentsOf: indent.utf8) }
  }

  /// Appends the UTF-8 of `text` as it is, in one copy.
  @inline(__always)
  static func appendRaw(_ text: String, into output: inout [UInt8]) {
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
