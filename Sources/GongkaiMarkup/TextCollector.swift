/// Gathers the text of inline markup into one line the way a browser shows it: runs of
/// white space (spaces, line breaks, &nbsp;, full-width spaces) become one space, none at
/// the ends, and none where a source line break falls between two Chinese characters.
struct TextCollector {
  private var bytes: [UInt8] = []
  /// White space seen since the last character.
  private var pendingSpace = false
  /// That white space held a line break (or a cell's paragraph break).
  private var pendingBreak = false
  /// The last character written was wide (CJK text or punctuation).
  private var lastWide = false

  /// Whether nothing has been gathered.
  var isEmpty: Bool { bytes.isEmpty }

  /// Adds the UTF-8 text `text`.
  mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
    var index = 0
    let count = text.count
    while index < count {
      let byte = text[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
        pendingSpace = true
        if byte == 0x0A || byte == 0x0D { pendingBreak = true }
        index += 1
        continue
      }
      if byte == 0xC2, index + 1 < count, text[index + 1] == 0xA0 {  // U+00A0
        pendingSpace = true
        index += 2
        continue
      }
      if byte == 0xE3, index + 2 < count, text[index + 1] == 0x80, text[index + 2] == 0x80 {  // U+3000
        pendingSpace = true
        index += 3
        continue
      }
      let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
      let wide = byte >= 0xE3
      if pendingSpace, let last = bytes.last, last != 0x09, !(pendingBreak && lastWide && wide) { bytes.append(0x20) }
      pendingSpace = false
      pendingBreak = false
      let end = min(index + length, count)
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
      lastWide = wide
      index = end
    }
  }

  /// Adds `text`.
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// A tab: the boundary between two table cells on one line.
  mutating func appendTab() {
    bytes.append(0x09)
    pendingSpace = false
    pendingBreak = false
    lastWide = false
  }

  /// A break between blocks inside one cell (<br>, <p>): joined without a space between
  /// Chinese characters, with one otherwise.
  mutating func softBreak() {
    if !bytes.isEmpty {
      pendingSpace = true
      pendingBreak = true
    }
  }

  /// The line gathered so far, emptied.
  mutating func take() -> String {
    defer {
      bytes.removeAll(keepingCapacity: true)
      pendingSpace = false
      pendingBreak = false
      lastWide = false
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
