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
