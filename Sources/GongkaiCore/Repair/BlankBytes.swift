/// Blanks in UTF-8 bytes, matching `Unicode.Scalar.isSpaceLike`.
enum BlankBytes {
  /// The byte length of the blank that starts at `index`, or 0.
  @inline(__always)
  static func length(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x80 { return byte == 32 || (9...13).contains(byte) ? 1 : 0 }
    if byte == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0 }
    guard index + 2 < bytes.count else { return 0 }
    switch (byte, bytes[index + 1], bytes[index + 2]) {
    case (0xE3, 0x80, 0x80), (0xE2, 0x80, 0x80...0x8B), (0xEF, 0xBB, 0xBF): return 3
    default: return 0
    }
  }

  /// The byte length of the blank that ends just before `end`, or 0.
  @inline(__always)
  static func length(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int {
    let byte = bytes[end - 1]
    if byte < 0x80 { return byte == 32 || (9...13).contains(byte) ? 1 : 0 }
    if end >= 2, byte == 0xA0, bytes[end - 2] == 0xC2 { return 2 }
    guard end >= 3 else { return 0 }
    switch (bytes[end - 3], bytes[end - 2], byte) {
    case (0xE3, 0x80, 0x80), (0xE2, 0x80, 0x80...0x8B), (0xEF, 0xBB, 0xBF): return 3
    default: return 0
    }
  }

  /// `range` without the blanks around it.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end {
      let blank = length(bytes, at: start)
      if blank == 0 { break }
      start += blank
    }
    while end > start {
      let blank = length(bytes, endingAt: end)
      if blank == 0 { break }
      end -= blank
    }
    return start..<end
  }

  /// The byte length of a word break (space, tab, ideographic space) at `index`, or 0.
  @inline(__always)
  static func wordBreakLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte == 32 || byte == 9 { return 1 }
    if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
    return 0
  }

  /// Whether `bytes` hold a word break.
  static func hasWordBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for index in 0..<bytes.count where wordBreakLength(bytes, at: index) > 0 { return true }
    return false
  }
}
