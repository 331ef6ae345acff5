/// Writes a report's `provenance` object straight into JSON bytes, laid out exactly as
/// `JSONWriter` lays out the same object built by `ReportJSON.encode`. A report has an
/// entry per non-null cell (≈200), so each entry is put together in a small stack buffer
/// and appended in one copy, with no `JSONValue`, `String` or array made for it.
struct ProvenanceJSON {
  /// The writer whose layout (compact or indented) is followed.
  let writer: JSONWriter
  /// One level of indentation; empty when compact.
  private let indent: [UInt8]
  /// Room for a few dozen entries; an entry that does not fit goes through the general writer.
  private static let scratchSize = 4096

  /// A writer following `writer`'s layout.
  init(writer: JSONWriter) {
    self.writer = writer
    indent = Array((writer.indent ?? "").utf8)
  }

  /// Appends the provenance object, opened at nesting `level`, to `output`.
  func write(_ provenance: [CellProvenance], level: Int, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "{"))
    // Newlines, indents, keys and numbers of one entry, whatever its text.
    let fixed = 12 * (1 + indent.count * (level + 3)) + 200
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.scratchSize) { scratch in
      guard let base = scratch.baseAddress else { return }
      // Entries gather in the buffer and go to `output` when the next might not fit.
      var bytes = Bytes(base: base)
      provenance.withUnsafeBufferPointer { entries in
        for index in entries.indices {
          let needed = fixed + entries[index].path.utf8.count + entries[index].raw.utf8.count
          if bytes.count + needed > scratch.count {
            output.append(contentsOf: UnsafeBufferPointer(start: base, count: bytes.count))
            bytes.count = 0
          }
          let start = bytes.count
          if needed <= scratch.count, entry(in: entries, at: index, level: level, into: &bytes) { continue }
          // Text that needs escapes (or is very long): the general writer, same layout.
          output.append(contentsOf: UnsafeBufferPointer(start: base, count: start))
          bytes.count = 0
          writer.separator(before: index, level: level, into: &output)
          writer.key(entries[index].path, into: &output)
          writer.write(ReportJSON.encode(entries[index]), level: level + 1, into: &output)
        }
      }
      output.append(contentsOf: UnsafeBufferPointer(start: base, count: bytes.count))
    }
    writer.close(UInt8(ascii: "}"), level: level, isEmpty: provenance.isEmpty, into: &output)
  }

  /// Writes entry `index` as member of the provenance object at `level` into `bytes`;
  /// false when its path or raw text needs escapes.
  private func entry(
    in entries: UnsafeBufferPointer<CellProvenance>, at index: Int, level: Int, into bytes: inout Bytes
  ) -> Bool {
    let inner = level + 1
    if index > 0 { bytes.byte(UInt8(ascii: ",")) }
    newline(inner, into: &bytes)
    guard bytes.quoted(entries[index].path) else { return false }
    colon(into: &bytes)
    bytes.byte(UInt8(ascii: "{"))
    key("raw", index: 0, level: inner, into: &bytes)
    guard bytes.quoted(entries[index].raw) else { return false }
    switch entries[index].origin {
    case .page(let page, let box):
      key("page", index: 1, level: inner, into: &bytes)
      bytes.count += JSONWriter.writeInteger(page, at: bytes.base + bytes.count)
      key("box", index: 2, level: inner, into: &bytes)
      bytes.byte(UInt8(ascii: "["))
      for (corner, value) in box.enumerated() {
        if corner > 0 { bytes.byte(UInt8(ascii: ",")) }
        newline(inner + 2, into: &bytes)
        bytes.count += ReportJSON.writePoints(value, at: bytes.base + bytes.count)
      }
      if !box.isEmpty { newline(inner + 1, into: &bytes) }
      bytes.byte(UInt8(ascii: "]"))
    case .table(let table, let row, let column):
      key("table", index: 1, level: inner, into: &bytes)
      bytes.count += JSONWriter.writeInteger(table, at: bytes.base + bytes.count)
      key("row", index: 2, level: inner, into: &bytes)
      bytes.count += JSONWriter.writeInteger(row, at: bytes.base + bytes.count)
      key("column", index: 3, level: inner, into: &bytes)
      bytes.count += JSONWriter.writeInteger(column, at: bytes.base + bytes.count)
    case .line(let line):
      key("line", index: 1, level: inner, into: &bytes)
      bytes.count += JSONWriter.writeInteger(line, at: bytes.base + bytes.count)
    }
    newline(inner, into: &bytes)
    bytes.byte(UInt8(ascii: "}"))
    return true
  }

  /// Member `index`'s comma, line break and key (plain ASCII) in an object at `level`.
  @inline(__always)
  private func key(_ key: StaticString, index: Int, level: Int, into bytes: inout Bytes) {
    if index > 0 { bytes.byte(UInt8(ascii: ",")) }
    newline(level + 1, into: &bytes)
    bytes.byte(UInt8(ascii: "\""))
    key.withUTF8Buffer { for byte in $0 { bytes.byte(byte) } }
    bytes.byte(UInt8(ascii: "\""))
    colon(into: &bytes)
  }

  /// The colon after a key, and a space when indenting.
  @inline(__always)
  private func colon(into bytes: inout Bytes) {
    bytes.byte(UInt8(ascii: ":"))
    if !indent.isEmpty { bytes.byte(UInt8(ascii: " ")) }
  }

  /// A line break and the indent of `level`, when indenting.
  @inline(__always)
  private func newline(_ level: Int, into bytes: inout Bytes) {
    guard !indent.isEmpty else { return }
    bytes.byte(10)
    for _ in 0..<level {
      for byte in indent { bytes.byte(byte) }
    }
  }

  /// Bytes written into the scratch buffer (the caller checked there is room).
  private struct Bytes {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

    @inline(__always)
    mutating func byte(_ byte: UInt8) {
      base[count] = byte
      count += 1
    }

    /// `text` in quotes; false when it needs escapes (see `JSONWriter.appendQuoted`).
    mutating func quoted(_ text: String) -> Bool {
      let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { utf8 in
        guard let source = UnsafeRawPointer(utf8.baseAddress) else {
          byte(UInt8(ascii: "\""))
          byte(UInt8(ascii: "\""))
          return true
        }
        let target = UnsafeMutableRawPointer(base + count + 1)
        // Eight bytes at a time: copied, and checked for bytes needing an escape.
        var offset = 0
        while offset + 8 <= utf8.count {
          let word = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
          guard !Self.needsEscape(word) else { return false }
          target.storeBytes(of: word, toByteOffset: offset, as: UInt64.self)
          offset += 8
        }
        while offset < utf8.count {
          let value = utf8[offset]
          guard value >= 0x20, value != 34, value != 92, value != 0xE2 else { return false }
          target.storeBytes(of: value, toByteOffset: offset, as: UInt8.self)
          offset += 1
        }
        base[count] = UInt8(ascii: "\"")
        count += utf8.count + 2
        base[count - 1] = UInt8(ascii: "\"")
        return true
      }
      return copied ?? false
    }

    /// Whether any of the eight bytes of `word` is a control character, `"`, `\\` or 0xE2
    /// (the lead byte of U+2028/2029), by the usual bit tricks on whole words.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      /// A high bit set where a byte of `value` is below `limit` (exact for limits up to 0x80).
      func below(_ value: UInt64, _ limit: UInt64) -> UInt64 { (value &- ones &* limit) & ~value & highs }
      return below(word, 0x20) | below(word ^ (ones &* 34), 1) | below(word ^ (ones &* 92), 1)
        | below(word ^ (ones &* 0xE2), 1) != 0
    }
  }
}
