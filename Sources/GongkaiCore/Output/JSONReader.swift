/// Why a JSON text could not be read.
public struct JSONSyntaxError: Error, CustomStringConvertible, Equatable {
  /// Byte offset where reading stopped.
  public var offset: Int
  /// What was wrong there.
  public var reason: String

  /// The message, one line.
  public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

/// Reads JSON text into a `JSONValue`, keeping key order and number text.
public struct JSONReader {
  private let bytes: [UInt8]
  private var position = 0

  /// Parses one JSON document; trailing non-space text is an error.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    var reader = JSONReader(bytes: Array(text.utf8))
    let value = try reader.readValue(depth: 0)
    reader.skipSpace()
    guard reader.position == reader.bytes.count else {
      throw JSONSyntaxError(offset: reader.position, reason: "unexpected text after the value")
    }
    return value
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private mutating func skipSpace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private func fail(_ reason: String) -> JSONSyntaxError {
    JSONSyntaxError(offset: position, reason: reason)
  }

  private mutating func readValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard depth < 512 else { throw fail("nesting too deep") }
    skipSpace()
    guard position < bytes.count else { throw fail("unexpected end of text") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try readObject(depth: depth)
    case UInt8(ascii: "["): return try readArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try readString())
    case UInt8(ascii: "t"): return try readLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try readLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try readLiteral("null", .null)
    default: return try readNumber()
    }
  }

  private mutating func readLiteral(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
    let utf8 = Array(word.utf8)
    guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
      throw fail("unknown literal")
    }
    position += utf8.count
    return value
  }

  private mutating func readNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = position
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    var digits = 0
    while position < bytes.count {
      let byte = bytes[position]
      if (0x30...0x39).contains(byte) {
        digits += 1
      } else if ![UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")]
        .contains(byte)
      {
        break
      }
      position += 1
    }
    guard digits > 0 else { throw fail("expected a value") }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard Double(text) != nil else { throw fail("malformed number \(text)") }
    return .number(text)
  }

  private mutating func readString() throws(JSONSyntaxError) -> String {
    position += 1
    // Most strings hold no escape: decoded in one piece straight from the bytes.
    let start = position
    var end = start
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: "\"") {
        let text = bytes.withUnsafeBufferPointer { String(decoding: $0[start..<end], as: UTF8.self) }
        position = end + 1
        return text
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      end += 1
    }
    var scalars = String.UnicodeScalarView()
    var run = position
    func flush(_ end: Int, into scalars: inout String.UnicodeScalarView) {
      scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
    }
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        flush(position, into: &scalars)
        position += 1
        return String(scalars)
      }
      if byte == UInt8(ascii: "\\") {
        flush(position, into: &scalars)
        position += 1
        guard position < bytes.count else { break }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "u"):
          var code = try readHex4()
          if (0xD800...0xDBFF).contains(code), position + 1 < bytes.count,
            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
          {
            position += 2
            let low = try readHex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        default: throw fail("unknown escape")
        }
        run = position
        continue
      }
      if byte < 0x20 { throw fail("control character in string") }
      position += 1
    }
    throw fail("unterminated string")
  }

  private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
    guard position + 4 <= bytes.count,
      let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { throw fail("bad \\u escape") }
    position += 4
    return code
  }

  private mutating func readArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    position += 1
    var elements: [JSONValue] = []
    skipSpace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      elements.append(try readValue(depth: depth + 1))
      skipSpace()
      guard position < bytes.count else { throw fail("unterminated array") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(elements)
      } else {
        throw fail("expected , or ]")
      }
    }
  }

  private mutating func readObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    position += 1
    var members: [(String, JSONValue)] = []
    skipSpace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw fail("expected a key")
      }
      let key = try readString()
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw fail("expected :") }
      position += 1
      members.append((key, try readValue(depth: depth + 1)))
      skipSpace()
      guard position < bytes.count else { throw fail("unterminated object") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(members)
      } else {
        throw fail("expected , or }")
      }
    }
  }
}
