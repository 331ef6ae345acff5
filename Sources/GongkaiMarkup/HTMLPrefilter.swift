#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Cuts from a page, before it is parsed, what never holds report text and is often most
/// of a portal page's bytes: the <head> (inline styles and scripts), <script> and
/// <style> elements, and comments. An element whose end is missing is kept, so nothing
/// of the body is lost to a stray tag.
enum HTMLPrefilter {
  private struct Cut {
    let open: [UInt8]
    let close: [UInt8]
    /// The opening must be followed by white space, `>` or `/` (so <header> is not <head>).
    let needsBoundary: Bool
  }

  private static let cuts: [Cut] = [
    Cut(open: Array("<!--".utf8), close: Array("-->".utf8), needsBoundary: false),
    Cut(open: Array("<script".utf8), close: Array("</script".utf8), needsBoundary: true),
    Cut(open: Array("<style".utf8), close: Array("</style".utf8), needsBoundary: true),
    Cut(open: Array("<head".utf8), close: Array("</head".utf8), needsBoundary: true),
  ]

  /// `page` without those parts.
  static func strip(_ page: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(page.count)
    var copied = 0
    var index = 0
    let count = page.count
    while index < count {
      guard let base = page.baseAddress,
        let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index)
      else { break }
      let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      index = start + 1
      guard let cut = cuts.first(where: { matches($0.open, in: page, at: start, boundary: $0.needsBoundary) }),
        let end = find(cut.close, in: page, from: start + cut.open.count)
      else { continue }
      // The cut runs to the end of the closing tag (its `>`), or of the comment.
      var stop = end + cut.close.count
      if cut.needsBoundary {
        while stop < count, page[stop] != UInt8(ascii: ">") { stop += 1 }
        stop = min(stop + 1, count)
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<start]))
      output.append(UInt8(ascii: " "))
      copied = stop
      index = stop
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<count]))
    return output
  }

  /// Whether `pattern` (lower case ASCII) stands at `offset`, in any case.
  private static func matches(_ pattern: [UInt8], in page: UnsafeBufferPointer<UInt8>, at offset: Int, boundary: Bool)
    -> Bool
  {
    guard offset + pattern.count <= page.count else { return false }
    for (index, byte) in pattern.enumerated() where lowered(page[offset + index]) != byte { return false }
    guard boundary else { return true }
    guard offset + pattern.count < page.count else { return false }
    let next = page[offset + pattern.count]
    return next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == 0x20 || next == 0x09 || next == 0x0A
      || next == 0x0D
  }

  /// The offset of `pattern` (lower case ASCII) at or after `start`, in any case.
  private static func find(_ pattern: [UInt8], in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let base = page.baseAddress, let first = pattern.first else { return nil }
    var index = start
    while index + pattern.count <= page.count {
      // The first byte is `<` or `-`, the same in any case.
      guard let found = memchr(base + index, Int32(first), page.count - index) else { return nil }
      let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if matches(pattern, in: page, at: offset, boundary: false) { return offset }
      index = offset + 1
    }
    return nil
  }

  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
  }
}
