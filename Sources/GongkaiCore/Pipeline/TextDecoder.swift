import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns the bytes of a text export into a String: UTF-8 (with or without BOM), UTF-16
/// with a BOM, or GB18030 (GBK), as Chinese government sites serve them. Bytes that are
/// not valid in the encoding become U+FFFD and are named in an `invalid_bytes` repair;
/// only a file most of which does not decode is rejected.
public enum TextDecoder {
  /// A decoded text and the repairs decoding made (bytes replaced by U+FFFD).
  public struct Decoded: Sendable {
    /// The text.
    public var text: String
    /// `invalid_bytes` repairs, empty when every byte decoded.
    public var repairs: [Repair]
  }

  /// The text of `data`, or an error naming `file` when it is empty or not text.
  public static func decode(_ data: Data, file: String) throws(InputError) -> String {
    try decodeReporting(data, file: file).text
  }

  /// The text of `data` with the repairs decoding made, or an error naming `file` when
  /// it is empty or not text.
  public static func decodeReporting(_ data: Data, file: String) throws(InputError) -> Decoded {
    guard !data.isEmpty else { throw InputError(file: file, kind: .empty, reason: "the file is empty") }
    let bytes = [UInt8](data.prefix(4))
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let result = data.withUnsafeBytes { decodeUTF16($0.bindMemory(to: UInt8.self)) }
      return try checked(result, total: data.count, file: file)
    }
    // Read in place: Data's own iterator goes byte by byte.
    let (zeros, utf8) = data.withUnsafeBytes { raw -> (Int, String?) in
      let bytes = raw.bindMemory(to: UInt8.self)
      let zeros = bytes.contains(0) ? bytes.reduce(0) { $0 + ($1 == 0 ? 1 : 0) } : 0
      if zeros > 0 { return (zeros, nil) }
      let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
      return (0, String(validating: body, as: UTF8.self))
    }
    // A text damaged here and there may hold a stray NUL; binary data has them throughout.
    if zeros > 2 + data.count / 1000 {
      throw InputError(file: file, kind: .binary, reason: "binary data, not a text export or a PDF")
    }
    if let text = utf8 { return try checked(Lenient(text: text, invalid: []), total: data.count, file: file) }
    if zeros == 0, let text = convertFromGB18030(data) {
      return try checked(Lenient(text: text, invalid: []), total: data.count, file: file)
    }
    // Some bytes are wrong: the encoding under which fewer are wrong wins (UTF-8 on a tie).
    let asUTF8 = data.withUnsafeBytes { decodeUTF8($0.bindMemory(to: UInt8.self)) }
    if asUTF8.invalid.count * 20 > data.count || zeros > 0,
      let asGB = convertFromGB18030Leniently(data), asGB.invalid.count < asUTF8.invalid.count
    {
      return try checked(asGB, total: data.count, file: file)
    }
    return try checked(asUTF8, total: data.count, file: file)
  }

  /// A decoding that replaced bytes it could not read: the text, and the offsets of
  /// those bytes in the input.
  struct Lenient {
    var text: String
    var invalid: [Int]
  }

  private static func checked(_ result: Lenient, total: Int, file: String) throws(InputError) -> Decoded {
    let text = result.text
    // Control characters other than tab, line and page breaks do not occur in text.
    // Counted over the contiguous bytes: the UTF8View's reduce costs several times more.
    var contiguous = text
    let controls = contiguous.withUTF8 { bytes in
      var count = 0
      for byte in bytes where byte < 32 && byte != 9 && byte != 10 && byte != 12 && byte != 13 { count += 1 }
      return count
    }
    if (result.invalid.count + controls) * 2 > total {
      throw InputError(
        file: file, kind: .binary,
        reason:
          "binary data, not UTF-8, UTF-16 or GB18030 text: \(result.invalid.count + controls) of \(total) bytes do not decode"
      )
    }
    guard text.unicodeScalars.contains(where: { !$0.isSpaceLike && $0 != "\u{FFFD}" }) else {
      throw InputError(file: file, kind: .empty, reason: "the file holds no text")
    }
    guard !result.invalid.isEmpty else { return Decoded(text: text, repairs: []) }
    // The line of the first replacement character, for the repair record.
    var line = 1
    for scalar in text.unicodeScalars {
      if scalar == "\u{FFFD}" { break }
      if scalar == "\n" { line += 1 }
    }
    let shown = result.invalid.prefix(20).map(String.init).joined(separator: ", ")
    let more = result.invalid.count > 20 ? " … (\(result.invalid.count) in all)" : ""
    return Decoded(
      text: text,
      repairs: [
        Repair(
          kind: "invalid_bytes",
          detail:
            "\(result.invalid.count) byte(s) not valid in the file's encoding replaced by U+FFFD, at byte offset(s) \(shown)\(more)",
          line: line)
      ])
  }

  /// UTF-8 with every byte that starts no valid sequence replaced by U+FFFD (and a NUL,
  /// which no text holds, likewise).
  static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Lenient {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 16)
    var invalid: [Int] = []
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80, byte != 0 {
        output.append(byte)
        index += 1
        continue
      }
      let length = validSequenceLength(bytes, at: index)
      if length > 0 {
        output.append(contentsOf: bytes[index..<(index + length)])
        index += length
      } else {
        invalid.append(index)
        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
        index += 1
      }
    }
    return Lenient(text: String(decoding: output, as: UTF8.self), invalid: invalid)
  }

  /// The length of the valid UTF-8 sequence of two to four bytes at `index`, or 0.
  private static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    guard (low...high).contains(bytes[index + 1]) else { return 0 }
    for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
    return length
  }

  /// UTF-16 after its BOM (either byte order), unpaired surrogates and a lone last byte
  /// replaced by U+FFFD.
  static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Lenient {
    let bigEndian = bytes[0] == 0xFE
    var scalars = String.UnicodeScalarView()
    var invalid: [Int] = []
    func unit(_ at: Int) -> UInt16 {
      bigEndian ? UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) : UInt16(bytes[at + 1]) << 8 | UInt16(bytes[at])
    }
    var index = 2
    while index + 1 < bytes.count {
      let first = unit(index)
      if (0xD800...0xDBFF).contains(first), index + 3 < bytes.count, (0xDC00...0xDFFF).contains(unit(index + 2)) {
        let value = 0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(unit(index + 2) - 0xDC00)
        scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        index += 4
      } else if let scalar = Unicode.Scalar(first), first != 0 {
        scalars.append(scalar)
        index += 2
      } else {
        invalid.append(index)
        scalars.append("\u{FFFD}")
        index += 2
      }
    }
    if index < bytes.count {
      invalid.append(index)
      scalars.append("\u{FFFD}")
    }
    return Lenient(text: String(scalars), invalid: invalid)
  }
}

/// GB18030 (a superset of GBK and GB2312) to a String through the C library's iconv;
/// nil when the bytes are not valid GB18030.
func convertFromGB18030(_ data: Data) -> String? {
  guard let result = convertFromGB18030Leniently(data, stopAtFirstError: true), result.invalid.isEmpty else {
    return nil
  }
  return result.text
}

/// GB18030 through iconv, every byte iconv cannot read replaced by U+FFFD; nil when
/// iconv has no GB18030 (or, with `stopAtFirstError`, at the first bad byte).
func convertFromGB18030Leniently(_ data: Data, stopAtFirstError: Bool = false) -> TextDecoder.Lenient? {
  let converter = iconv_open("UTF-8", "GB18030")
  guard converter != iconv_t(bitPattern: -1) else { return nil }
  defer { iconv_close(converter) }
  // One bulk copy (iconv wants a mutable pointer); a byte-by-byte loop cost far more.
  var input = [CChar](unsafeUninitializedCapacity: data.count) { buffer, initialized in
    initialized = data.copyBytes(to: UnsafeMutableRawBufferPointer(buffer))
  }
  var output = [CChar](repeating: 0, count: data.count * 3 + 16)
  var invalid: [Int] = []
  let converted: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
    output.withUnsafeMutableBufferPointer { outputBuffer in
      guard let inputBase = inputBuffer.baseAddress, let outputBase = outputBuffer.baseAddress else { return 0 }
      var inPointer: UnsafeMutablePointer<CChar>? = inputBase
      var inLeft = inputBuffer.count
      var outPointer: UnsafeMutablePointer<CChar>? = outputBase
      var outLeft = outputBuffer.count
      while inLeft > 0 {
        let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        if result != -1 { break }
        // EILSEQ or EINVAL: skip one byte, write U+FFFD (three bytes; the output has room
        // for three bytes per input byte).
        if stopAtFirstError || outLeft < 3 { return nil }
        invalid.append(inputBuffer.count - inLeft)
        for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
          outPointer?.pointee = CChar(bitPattern: byte)
          outPointer = outPointer?.successor()
        }
        outLeft -= 3
        inPointer = inPointer?.successor()
        inLeft -= 1
      }
      return outputBuffer.count - outLeft
    }
  }
  guard let converted else { return nil }
  // Validated in place (no copy), and a NUL found with memchr over the same bytes.
  let text: String? = output.withUnsafeBufferPointer { chars in
    chars.withMemoryRebound(to: UInt8.self) { all in
      let bytes = UnsafeBufferPointer(rebasing: all[..<converted])
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
      guard memchr(base, 0, bytes.count) == nil else { return nil }
      return String(validating: bytes, as: UTF8.self)
    }
  }
  guard let text else { return nil }
  return TextDecoder.Lenient(text: text, invalid: invalid)
}
