#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Cuts, before libxml2 parses a page, the content of furniture <div>s (class or id naming
/// site furniture: navigation, menus, related links, footers — often most of a portal
/// page's markup), keeping each <div>'s own start and end tags. The parse of a pruned page
/// leaves that content out anyway; cutting it first spares libxml2 reading it.
///
/// A <div> is cut only when its content is markup libxml2 cannot let escape the <div>:
/// tags read the way libxml2 reads them (names, quoted and unquoted attribute values),
/// nested <div>s balanced, and none of the tags that close a <div> from inside or change
/// the parser's state (table parts, html/head/body, script/style, comments, `<!`, `<?`).
/// That a cut <div> is what libxml2 sees there — a furniture <div> the parse prunes — is
/// checked during the parse (`HTMLPageBuilder`); when it is not, the page is parsed uncut.
enum HTMLFurnitureCut {
  /// The page with the content of furniture <div>s cut, and for each cut <div> the offset
  /// of its start tag's `>` in the cut page (where libxml2 reports the element).
  struct Result {
    var bytes: [UInt8]
    var starts: [Int]
  }

  /// A start tag as libxml2 reads it.
  private struct StartTag {
    /// Where the element's name is (any case), at most `nameLimit` bytes.
    var name: Range<Int>
    /// Offset just after the tag (after `>` or `/>`).
    var end: Int
    var selfClosing: Bool
    /// The first class and id values, as raw bytes (offsets into the page).
    var classValue: Range<Int>?
    var idValue: Range<Int>?
  }

  /// libxml2 truncates names at 100 bytes and reads the rest as attributes: such tags are
  /// left alone.
  private static let nameLimit = 99

  /// Elements whose tags inside a cut <div> could close it, or change the parser's state.
  private static let unsafeElements: [StaticString] = [
    "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "col", "colgroup", "html", "head", "body",
    "script", "style", "frameset", "frame", "noframes", "plaintext", "xmp", "textarea", "title",
  ]

  /// The cut page, or nil when nothing is cut.
  static func cut(_ page: UnsafeBufferPointer<UInt8>, furniture: WebFurniture) -> Result? {
    guard let base = page.baseAddress else { return nil }
    let count = page.count
    // A NUL ends libxml2's reading of a name or value early: leave such a page whole.
    guard memchr(base, 0, count) == nil else { return nil }
    var output: [UInt8] = []
    var starts: [Int] = []
    var copied = 0
    var index = 0
    // Tables open: furniture inside a table is read with the table, never cut.
    var tables = 0
    while index < count {
      guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
      let open = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      index = open + 1
      if open + 2 < count, page[open + 1] == UInt8(ascii: "/") {
        if let (name, end) = endTag(in: page, at: open), matches(page, name, "table") {
          tables = max(tables - 1, 0)
          index = end
        }
        continue
      }
      guard let tag = startTag(in: page, at: open) else { continue }
      index = tag.end
      if matches(page, tag.name, "table"), !tag.selfClosing { tables += 1 }
      guard tables == 0, !tag.selfClosing, matches(page, tag.name, "div"),
        isFurniture(tag.classValue, in: page, furniture) || isFurniture(tag.idValue, in: page, furniture),
        let close = matchingEnd(in: page, from: tag.end)
      else { continue }
      if output.isEmpty { output.reserveCapacity(count) }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<tag.end]))
      starts.append(output.count - 1)
      // The end tag stays: libxml2 closes the <div> there, as it would have after its content.
      copied = close
      index = close
    }
    guard !starts.isEmpty else { return nil }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<count]))
    return Result(bytes: output, starts: starts)
  }

  private static func isFurniture(_ value: Range<Int>?, in page: UnsafeBufferPointer<UInt8>, _ furniture: WebFurniture)
    -> Bool
  {
    guard let value else { return false }
    // An entity in the value (&amp;…) would be decoded by libxml2: leave such a tag alone.
    var bytes = Array(page[value])
    guard !bytes.contains(UInt8(ascii: "&")), !bytes.contains(0) else { return false }
    bytes.append(0)
    return bytes.withUnsafeBufferPointer { buffer in
      guard let start = buffer.baseAddress else { return false }
      return furniture.isFurniture(classOrID: start)
    }
  }

  /// The offset of the `</div` that closes the <div> whose content starts at `start`, if
  /// the content is safe to cut (see the type's comment).
  private static func matchingEnd(in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let base = page.baseAddress else { return nil }
    let count = page.count
    var depth = 1
    var index = start
    while index < count {
      guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { return nil }
      let open = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      guard open + 1 < count else { return nil }
      let next = page[open + 1]
      if isLetter(next) {
        guard let tag = startTag(in: page, at: open), !isUnsafe(page, tag.name) else { return nil }
        if !tag.selfClosing, matches(page, tag.name, "div") { depth += 1 }
        index = tag.end
      } else if next == UInt8(ascii: "/"), open + 2 < count, isLetter(page[open + 2]) {
        guard let (name, end) = endTag(in: page, at: open), !isUnsafe(page, name) else { return nil }
        if matches(page, name, "div") {
          depth -= 1
          if depth == 0 { return open }
        }
        index = end
      } else {
        // `<!`, `<?`, `</` without a name, a bare `<`: not worth following.
        return nil
      }
    }
    return nil
  }

  /// The start tag at `open` (`<` followed by a letter), read as libxml2 reads it; nil
  /// for anything unusual (a name or attribute it would read differently, a missing end).
  private static func startTag(in page: UnsafeBufferPointer<UInt8>, at open: Int) -> StartTag? {
    let count = page.count
    var index = open + 1
    guard index < count, isLetter(page[index]), let name = htmlName(in: page, at: &index) else { return nil }
    var tag = StartTag(name: name, end: 0, selfClosing: false, classValue: nil, idValue: nil)
    skipBlanks(page, &index)
    while index < count {
      let byte = page[index]
      if byte == UInt8(ascii: ">") {
        tag.end = index + 1
        return tag
      }
      if byte == UInt8(ascii: "/"), index + 1 < count, page[index + 1] == UInt8(ascii: ">") {
        tag.end = index + 2
        tag.selfClosing = true
        return tag
      }
      guard isLetter(byte), let attribute = htmlName(in: page, at: &index) else { return nil }
      skipBlanks(page, &index)
      var value: Range<Int>?
      if index < count, page[index] == UInt8(ascii: "=") {
        index += 1
        skipBlanks(page, &index)
        guard index < count else { return nil }
        let quote = page[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
          guard let base = page.baseAddress,
            let found = memchr(base + index + 1, Int32(quote), count - index - 1)
          else { return nil }
          let close = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
          value = (index + 1)..<close
          index = close + 1
        } else {
          let start = index
          while index < count, !isBlank(page[index]), page[index] != UInt8(ascii: ">") { index += 1 }
          guard index > start else { return nil }
          value = start..<index
        }
      }
      // libxml2 keeps the first of repeated attributes.
      if tag.classValue == nil, matches(page, attribute, "class") {
        tag.classValue = value ?? index..<index
      } else if tag.idValue == nil, matches(page, attribute, "id") {
        tag.idValue = value ?? index..<index
      }
      skipBlanks(page, &index)
    }
    return nil
  }

  /// The end tag at `open` (`</` followed by a letter): its name and the offset after its `>`.
  private static func endTag(in page: UnsafeBufferPointer<UInt8>, at open: Int) -> (Range<Int>, Int)? {
    var index = open + 2
    guard let name = htmlName(in: page, at: &index) else { return nil }
    skipBlanks(page, &index)
    guard index < page.count, page[index] == UInt8(ascii: ">") else { return nil }
    return (name, index + 1)
  }

  /// Where a name is as libxml2's htmlParseHTMLName reads it (letters, digits, `:`, `-`,
  /// `_`, `.`), advancing `index`; nil when it reaches the length libxml2 cuts at.
  private static func htmlName(in page: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Range<Int>? {
    let start = index
    while index < page.count {
      let byte = page[index]
      guard
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ":")
          || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
      else { break }
      index += 1
      if index - start > nameLimit { return nil }
    }
    return index > start ? start..<index : nil
  }

  /// Whether the name at `range` is `expected` (lower case) in any case.
  private static func matches(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ expected: StaticString) -> Bool
  {
    guard range.count == expected.utf8CodeUnitCount else { return false }
    let bytes = expected.utf8Start
    for offset in 0..<range.count {
      let byte = page[range.lowerBound + offset]
      let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
      if lowered != bytes[offset] { return false }
    }
    return true
  }

  private static func isUnsafe(_ page: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
    unsafeElements.contains { matches(page, name, $0) }
  }

  private static func skipBlanks(_ page: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
    while index < page.count, isBlank(page[index]) { index += 1 }
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }
}
