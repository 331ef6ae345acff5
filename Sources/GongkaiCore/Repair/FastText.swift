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

  /// Whether the text starts with `prefix`, compared byte by byte.
  func startsWithText(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

  /// The number of bytes, a cheap upper bound on the number of characters.
  var byteCount: Int { utf8.count }
}

extension String {
  /// Whether the line may hold a character `LineCleaner.narrowDigits` changes: full-width
  /// forms (EF BC/BD …), the ideographic space (E3 80 80), no-break space (C2 A0), the
  /// spaces U+2002–200B (E2 80 8x) or a byte order mark (EF BB BF).
  var mayHoldWideForms: Bool {
    var previous: UInt8 = 0
    for byte in utf8 {
      switch (previous, byte) {
      case (0xEF, 0xBC), (0xEF, 0xBB), (0xE3, 0x80), (0xC2, 0xA0), (0xE2, 0x80): return true
      default: previous = byte
      }
    }
    return false
  }
}
