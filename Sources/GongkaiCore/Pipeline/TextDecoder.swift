import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns the bytes of a text export into a String: UTF-8 (with or without BOM), UTF-16
/// with a BOM, or GB18030 (GBK), as Chinese government sites serve them.
public enum TextDecoder {
  /// The text of `data`, or an error naming `file` when it is empty or not text.
  public static func decode(_ data: Data, file: String) throws(InputError) -> String {
    guard !data.isEmpty else { throw InputError(file: file, kind: .empty, reason: "the file is empty") }
    let bytes = [UInt8](data.prefix(4))
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      if let text = String(data: data, encoding: .utf16) { return try checked(text, file: file) }
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return try checked(String(decoding: data.dropFirst(3), as: UTF8.self), file: file)
    }
    // Read in place: Data's own iterator goes byte by byte.
    let (hasZero, utf8) = data.withUnsafeBytes { raw -> (Bool, String?) in
      let bytes = raw.bindMemory(to: UInt8.self)
      if bytes.contains(0) { return (true, nil) }
      return (false, String(validating: bytes, as: UTF8.self))
    }
    if hasZero {
      throw InputError(file: file, kind: .binary, reason: "binary data, not a text export or a PDF")
    }
    if let text = utf8 { return try checked(text, file: file) }
    if let text = convertFromGB18030(data) { return try checked(text, file: file) }
    throw InputError(file: file, kind: .binary, reason: "not UTF-8, UTF-16 or GB18030 text")
  }

  private static func checked(_ text: String, file: String) throws(InputError) -> String {
    guard text.unicodeScalars.contains(where: { !$0.isSpaceLike }) else {
      throw InputError(file: file, kind: .empty, reason: "the file holds no text")
    }
    return text
  }
}

/// GB18030 (a superset of GBK and GB2312) to a String through the C library's iconv;
/// nil when the bytes are not valid GB18030.
func convertFromGB18030(_ data: Data) -> String? {
  let converter = iconv_open("UTF-8", "GB18030")
  guard converter != iconv_t(bitPattern: -1) else { return nil }
  defer { iconv_close(converter) }
  var input = [CChar](repeating: 0, count: data.count)
  data.withUnsafeBytes { raw in
    for (index, byte) in raw.enumerated() { input[index] = CChar(bitPattern: byte) }
  }
  var output = [CChar](repeating: 0, count: data.count * 2 + 16)
  let converted: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
    output.withUnsafeMutableBufferPointer { outputBuffer in
      var inPointer = inputBuffer.baseAddress
      var inLeft = inputBuffer.count
      var outPointer = outputBuffer.baseAddress
      var outLeft = outputBuffer.count
      let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
      guard result != Int.max, result != -1 || inLeft == 0, inLeft == 0 else { return nil }
      return outputBuffer.count - outLeft
    }
  }
  guard let converted else { return nil }
  return String(validating: output[..<converted].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
