#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A piece of UTF-8 text to look for in strings byte by byte (Foundation's `contains` on
/// String goes through Unicode folding and costs microseconds per call).
struct ByteNeedle: Sendable {
  let bytes: [UInt8]

  init(_ text: String) {
    bytes = Array(text.utf8)
  }

  /// Whether `text` contains this needle.
  func occurs(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { occurs(in: $0) }
  }

  /// Whether `haystack` contains this needle.
  func occurs(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !bytes.isEmpty else { return true }
    guard haystack.count >= bytes.count, let base = haystack.baseAddress else { return false }
    return bytes.withUnsafeBufferPointer { needle in
      guard let needleBase = needle.baseAddress else { return true }
      let first = needle[0]
      var start = 0
      let last = haystack.count - needle.count
      while start <= last {
        // memchr finds the first byte's next occurrence at machine speed.
        guard let found = memchr(base + start, Int32(first), last - start + 1) else { return false }
        let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + index, needleBase, needle.count) == 0 { return true }
        start = index + 1
      }
      return false
    }
  }
}
