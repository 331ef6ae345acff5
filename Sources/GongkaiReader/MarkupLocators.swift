import GongkaiCore
import GongkaiMarkup
import Synchronization

/// Locators of the markup front ends, built from what they know of their text.
enum MarkupLocators {
  /// HTML and Word: each tab-separated field of a table line traced to its table, grid
  /// row and grid column.
  static func grid(_ lines: [GridLineOrigin]) -> GridLocator { GridLocator(lines: lines) }

  /// Markdown: each line of the text handed to the pipeline traced to the line of the
  /// input that holds its cells (a pipe-table row, or the HTML block of a converter's table):
  /// the first input line from the previous match on (then from the top) that holds every
  /// field of the line, in order. Lines are compared as UTF-8 without blanks and Markdown
  /// markers (valid UTF-8 matches byte for byte where it matches scalar for scalar). Only
  /// the lines the parser asks about (those holding cells) are matched, when asked.
  static func markdown(input: String, text: String) -> MarkdownLineLocator {
    MarkdownLineLocator(input: input, text: text)
  }

  /// The matching behind `markdown(input:text:)`, line by line on demand.
  final class MarkdownLineMatcher {
    private let inputLines: InputLines
    /// The text's UTF-8 and each of its lines' byte range (index: 0-based line).
    private let text: [UInt8]
    private var lineRanges: [Range<Int>] = []
    /// Input line (0-based) of each text line already matched; nil when none holds it.
    private var found: [Int: Int?] = [:]
    /// Where the next search starts: the last match.
    private var cursor = 0

    init(input: String, text: String) {
      inputLines = InputLines(input)
      self.text = Array(text.utf8)
      self.text.withUnsafeBufferPointer { buffer in
        MarkupLocators.forEachLine(of: buffer) { _, line in lineRanges.append(line.startIndex..<line.endIndex) }
      }
    }

    /// The 1-based input line holding 1-based text line `number`'s fields.
    func inputLine(of number: Int) -> Int? {
      let index = number - 1
      if let known = found[index] { return known.map { $0 + 1 } }
      guard lineRanges.indices.contains(index) else { return nil }
      let result: Int? = text.withUnsafeBufferPointer { buffer in
        let line = buffer[lineRanges[index]]
        // Only a line with a digit can hold a value with provenance (placeholders are null),
        // and only an input line with a digit can hold it.
        guard MarkupLocators.hasDigit(line) else { return nil }
        let fields = line.split(separator: 9).map(MarkupLocators.squeezed).filter { !$0.isEmpty }
        guard !fields.isEmpty else { return nil }
        return inputLines.first(holding: fields, from: cursor)
      }
      if let result { cursor = result }
      found[index] = .some(result)
      return result.map { $0 + 1 }
    }
  }

  /// Calls `body` with each line's 0-based number and bytes, split at line feeds as the
  /// pipeline numbers lines (a carriage return before one stays: it is a blank, squeezed out).
  fileprivate static func forEachLine(
    of bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Slice<UnsafeBufferPointer<UInt8>>) -> Void
  ) {
    var start = 0
    var number = 0
    for index in bytes.indices where bytes[index] == 10 {
      body(number, bytes[start..<index])
      number += 1
      start = index + 1
    }
    body(number, bytes[start..<bytes.count])
  }

  /// The input's lines that have a digit, each squeezed once and only when first compared,
  /// with a summary of its bytes that rules most lines out without comparing.
  fileprivate final class InputLines {
    /// The input's UTF-8.
    private let bytes: [UInt8]
    /// Line numbers (0-based) of the lines with a digit, ascending.
    private var candidates: [Int] = []
    /// Each candidate's bytes in `bytes`.
    private var ranges: [Range<Int>] = []
    /// Each candidate squeezed, once computed.
    private var squeezedLines: [[UInt8]?] = []
    /// Each candidate's summary (see `summary`), once computed.
    private var summaries: [UInt64] = []
    /// Whether each candidate is table markup: a pipe row, or holds an HTML cell.
    private var isTableLine: [Bool] = []

    init(_ input: String) {
      bytes = Array(input.utf8)
      bytes.withUnsafeBufferPointer { buffer in
        MarkupLocators.forEachLine(of: buffer) { number, line in
          guard MarkupLocators.hasDigit(line) else { return }
          candidates.append(number)
          ranges.append(line.startIndex..<line.endIndex)
          isTableLine.append(MarkupLocators.isTableMarkup(line))
        }
      }
      squeezedLines = Array(repeating: nil, count: candidates.count)
      summaries = Array(repeating: 0, count: candidates.count)
    }

    /// The first line at or after `start` holding every field in order, else the first
    /// before it; nil when none does.
    func first(holding fields: [[UInt8]], from start: Int) -> Int? {
      let needed = fields.reduce(0) { $0 | MarkupLocators.summary($1) }
      // A converter's HTML table is one input line holding many rows: the line of the last
      // match, when it is one, is tried first.
      if let last = position(ofLine: start), isTableLine[last], squeezed(last).count > 256,
        holds(last, fields, needed)
      {
        return start
      }
      let whole = Array(fields.joined())
      // A line that is exactly the fields (a pipe-table row) beats one that only holds them
      // somewhere (a sentence of the narrative giving the same figures).
      if let exact = first(from: start, where: { self.squeezed($0) == whole }) { return exact }
      // Several fields come from a table: a pipe row or a converter's HTML table first.
      if fields.count > 1,
        let row = first(from: start, where: { self.isTableLine[$0] && self.holds($0, fields, needed) })
      {
        return row
      }
      return first(from: start, where: { position in self.holds(position, fields, needed) })
    }

    /// The candidate position of input line `line`, if it is a candidate.
    private func position(ofLine line: Int) -> Int? {
      let low = lowerBound(line)
      return low < candidates.count && candidates[low] == line ? low : nil
    }

    /// The first candidate position whose line is at or after `line`, by binary search.
    private func lowerBound(_ line: Int) -> Int {
      var low = 0
      var high = candidates.count
      while low < high {
        let middle = (low + high) / 2
        if candidates[middle] < line { low = middle + 1 } else { high = middle }
      }
      return low
    }

    /// The first candidate line at or after line `start` passing `test`, else the first before it.
    private func first(from start: Int, where test: (Int) -> Bool) -> Int? {
      let low = lowerBound(start)
      for position in low..<candidates.count where test(position) { return candidates[position] }
      for position in 0..<low where test(position) { return candidates[position] }
      return nil
    }

    /// Candidate `position` squeezed (computed once).
    private func squeezed(_ position: Int) -> [UInt8] {
      if let line = squeezedLines[position] { return line }
      let line = bytes.withUnsafeBufferPointer { MarkupLocators.squeezed($0[ranges[position]]) }
      squeezedLines[position] = line
      summaries[position] = MarkupLocators.summary(line)
      return line
    }

    /// Whether candidate `position` holds `fields` (whose bytes' summary is `needed`).
    private func holds(_ position: Int, _ fields: [[UInt8]], _ needed: UInt64) -> Bool {
      let line = squeezed(position)
      guard needed & summaries[position] == needed else { return false }
      return MarkupLocators.holds(line, fields)
    }
  }

  /// Whether `line` is table markup: it starts with `|` (after blanks) or holds `<td` / `<th`.
  fileprivate static func isTableMarkup(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    if line.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "|") { return true }
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in line {
      let lower = byte | 0x20
      if previous.0 == UInt8(ascii: "<"), previous.1 | 0x20 == UInt8(ascii: "t"),
        lower == UInt8(ascii: "d") || lower == UInt8(ascii: "h")
      {
        return true
      }
      previous = (previous.1, byte)
    }
    return false
  }

  /// Which bytes occur, as bits of a word (byte value modulo 64): a line whose bits do not
  /// cover a field's cannot hold it.
  private static func summary(_ bytes: [UInt8]) -> UInt64 {
    bytes.reduce(0) { $0 | (1 << UInt64($1 & 63)) }
  }

  /// Whether `line` has an ASCII or full-width digit (０–９: EF BC 90–99 in UTF-8).
  fileprivate static func hasDigit(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in line {
      if byte >= 0x30 && byte <= 0x39 { return true }
      if byte >= 0x90 && byte <= 0x99 && previous == (0xEF, 0xBC) { return true }
      previous = (previous.1, byte)
    }
    return false
  }

  /// UTF-8 without blanks (every scalar with Unicode's White_Space property) and the
  /// Markdown markers `|` and `*`.
  static func squeezed(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(text.count)
    var index = text.startIndex
    let end = text.endIndex
    func at(_ offset: Int) -> UInt8 { index + offset < end ? text[index + offset] : 0 }
    while index < end {
      let byte = text[index]
      var skip = 0
      switch byte {
      case 0x09...0x0D, 0x20, UInt8(ascii: "|"), UInt8(ascii: "*"): skip = 1
      case 0xC2 where at(1) == 0x85 || at(1) == 0xA0: skip = 2  // U+0085, U+00A0
      case 0xE1 where at(1) == 0x9A && at(2) == 0x80: skip = 3  // U+1680
      case 0xE2 where at(1) == 0x80 && ((0x80...0x8A).contains(at(2)) || [0xA8, 0xA9, 0xAF].contains(at(2))):
        skip = 3  // U+2000–200A, U+2028, U+2029, U+202F
      case 0xE2 where at(1) == 0x81 && at(2) == 0x9F: skip = 3  // U+205F
      case 0xE3 where at(1) == 0x80 && at(2) == 0x80: skip = 3  // U+3000
      default: break
      }
      if skip > 0 {
        index += skip
      } else {
        result.append(byte)
        index += 1
      }
    }
    return result
  }

  /// Whether `line` holds every field, in order.
  static func holds(_ line: [UInt8], _ fields: [[UInt8]]) -> Bool {
    var start = 0
    for field in fields {
      guard let found = firstIndex(of: field, in: line, from: start) else { return false }
      start = found + field.count
    }
    return true
  }

  private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count - needle.count >= start else { return nil }
    for index in start...(haystack.count - needle.count)
    where haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
      return index
    }
    return nil
  }
}

/// The Markdown front end's locator: a cell's line of the text mapped to the input line.
final class MarkdownLineLocator: CellLocating {
  /// The matcher, behind a lock: lines are matched when first asked for.
  private let matcher: Mutex<MarkupLocators.MarkdownLineMatcher>

  init(input: String, text: String) {
    matcher = Mutex(MarkupLocators.MarkdownLineMatcher(input: input, text: text))
  }

  func origin(of position: AssembledTable.CellOrigin, raw: String) -> CellProvenance.Origin? {
    matcher.withLock { $0.inputLine(of: position.line) }.map(CellProvenance.Origin.line)
  }
}

/// The HTML and Word front ends' locator: a cell's line and field traced to the table,
/// grid row and grid column the front end took them from (a table per line, not per cell:
/// fields are looked up only for the cells that are read).
struct GridLocator: CellLocating {
  /// The table lines, as the front end listed them.
  let lines: [GridLineOrigin]
  /// Index in `lines` by line of the text.
  private let byLine: [Int: Int]

  init(lines: [GridLineOrigin]) {
    self.lines = lines
    var byLine: [Int: Int] = [:]
    byLine.reserveCapacity(lines.count)
    // A line listed twice: the last listing counts.
    for (index, line) in lines.enumerated() { byLine[line.line] = index }
    self.byLine = byLine
  }

  /// The table, grid row and grid column of the cell's field; nil outside tables.
  func origin(of position: AssembledTable.CellOrigin, raw: String) -> CellProvenance.Origin? {
    guard let field = position.field, let index = byLine[position.line] else { return nil }
    let line = lines[index]
    guard field >= 0, field < line.columns.count else { return nil }
    return .table(line.table, row: line.row, column: line.columns[field])
  }
}
