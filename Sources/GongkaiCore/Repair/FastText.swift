/// Byte-level text helpers for the hot path: Foundation's `contains` and Character
/// iteration cost more than the whole rest of a report's repair.
extension StringProtocol {
  /// Whether the UTF-8 bytes of `needle` occur in this text.
  func containsText(_ needle: String) -> Bool {
    if let found = utf8.withContiguousStorageIfAvailable({ haystack in
      var needle = needle
      return needle.withUTF8 { Self.search(haystack, for: $0) }
    }) {
      return found
    }
    var copy = String(self)
    return copy.withUTF8 { haystack in
      var needle = needle
      return needle.withUTF8 { Self.search(haystack, for: $0) }
    }
  }

  /// Whether `pattern` occurs in `haystack`.
  private static func search(_ haystack: UnsafeBufferPointer<UInt8>, for pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = pattern.first else { return true }
    guard haystack.count >= pattern.count else { return false }
    var index = 0
    let last = haystack.count - pattern.count
    while index <= last {
      if haystack[index] == first {
        var matched = 1
        while matched < pattern.count, haystack[index + matched] == pattern[matched] { matched += 1 }
        if matched == pattern.count { return true }
      }
      index += 1
    }
    return false
  }

  /// Where `needle` first occurs, found byte by byte (no Foundation bridging).
  func rangeOfText(_ needle: String) -> Range<Index>? {
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty else { return nil }
    let bytes = utf8
    var index = bytes.startIndex
    while index < bytes.endIndex {
      if bytes[index] == pattern[0] {
        var cursor = index
        var matched = 0
        while matched < pattern.count, cursor < bytes.endIndex, bytes[cursor] == pattern[matched] {
          matched += 1
          cursor = bytes.index(after: cursor)
        }
        if matched == pattern.count { return index..<cursor }
      }
      index = bytes.index(after: index)
    }
    return nil
  }
}

extension StringProtocol {
  /// Whether the UTF-8 bytes of this text include `byte` (the generic `contains` on a
  /// UTF-8 view is many times slower).
  func containsByte(_ byte: UInt8) -> Bool {
    if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(byte) }) { return found }
    return utf8.contains(byte)
  }
}

/// Decodes the scalar that starts at `index` of valid UTF-8: its value and byte length.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
  let lead = UInt32(bytes[index])
  if lead < 0x80 { return (lead, 1) }
  if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
  if lead < 0xF0 {
    return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
  }
  return (
    (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
      | UInt32(bytes[index + 3] & 0x3F), 4
  )
}
