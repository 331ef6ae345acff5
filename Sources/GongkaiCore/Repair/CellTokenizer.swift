/// Turns the lines of a table region into a stream of cells, whatever the export did to
/// them: one cell per line after a tab (cells continuing over several lines, vertical
/// headers one character per line), tab-separated rows, or space-aligned rows as
/// `pdftotext -layout` and `-raw` print them.
///
/// It reads each line's UTF-8 bytes in place and makes Strings only for the cells it
/// emits: every line of every table passes through here.
struct CellTokenizer {
  private var tokens: [CellToken] = []
  private var open: OpenCell?
  /// The words of the line being split (reused from line to line).
  private var words: [Word] = []
  /// While a joined cell is emitted: each value token's index and where its text starts in the cell.
  private var valueOffsets: [(token: Int, offset: Int)]? = nil

  /// A tab-started cell that may continue on the following lines.
  private struct OpenCell {
    var text: String
    var line: Int
    var field: Int
    /// Where each joined piece starts in `text` (UTF-8 offset) and its line.
    var pieceLines: [(offset: Int, line: Int)] = []
    /// The texts joined into the cell, kept once a second one arrives.
    var pieces: [String] = []
  }

  /// A word of a line: where it is, and the width of the blank run before it.
  private struct Word {
    var range: Range<Int>
    var gapBefore: Int
  }

  /// The cells of `lines`, recording joined cells and vertical headers in `repairs`.
  static func tokenize(_ lines: ArraySlice<DocumentLine>, repairs: inout [Repair]) -> [CellToken] {
    var tokenizer = CellTokenizer()
    var nonBlankCount = 0
    var tabbed = 0
    for line in lines {
      if line.hasTab {
        tabbed += 1
        nonBlankCount += 1
      } else if !line.isBlank {
        nonBlankCount += 1
      }
    }
    // Exports that put cells after tabs keep some wrapped text on lines of its own; a
    // third of the lines with tabs is plenty to tell them from space-aligned text.
    let tabDominant = tabbed * 10 >= nonBlankCount * 3 && tabbed > 0
    tokenizer.tokens.reserveCapacity(nonBlankCount * 2)
    for line in lines where !line.isBlank || line.hasTab {
      var text = line.text
      text.withUTF8 { bytes in
        if line.hasTab {
          tokenizer.takeFields(of: bytes, line: line.number, repairs: &repairs)
        } else if line.isRunning {
          tokenizer.flush(&repairs)
          tokenizer.takeRunning(bytes, line: line.number)
        } else {
          tokenizer.takeUntabbed(bytes, line: line.number, tabDominant: tabDominant, repairs: &repairs)
        }
      }
    }
    tokenizer.flush(&repairs)
    return tokenizer.tokens
  }

  /// A line with tabs: every field but the last is a cell; the last may go on over the
  /// next lines.
  private mutating func takeFields(of bytes: UnsafeBufferPointer<UInt8>, line: Int, repairs: inout [Repair]) {
    flush(&repairs)
    var fieldStart = 0
    var field = 0
    for index in 0..<bytes.count where bytes[index] == 9 {
      let part = BlankBytes.trimmed(bytes, fieldStart..<index)
      // An empty first field is a leading tab (a label column merged from above) or the
      // first cell of a row of values left blank: the assemblers tell which.
      emitTrimmedCell(bytes, part, line: line, field: field)
      field += 1
      fieldStart = index + 1
    }
    let last = BlankBytes.trimmed(bytes, fieldStart..<bytes.count)
    open = OpenCell(text: String(decoding: bytes[last], as: UTF8.self), line: line, field: field)
  }

  /// A non-blank line without tabs: more of the open cell, or a run of words.
  private mutating func takeUntabbed(
    _ bytes: UnsafeBufferPointer<UInt8>, line: Int, tabDominant: Bool, repairs: inout [Repair]
  ) {
    let trimmed = BlankBytes.trimmed(bytes, 0..<bytes.count)
    if let current = open, current.text.isEmpty || tabDominant,
      Self.continues(current.text, with: UnsafeBufferPointer(rebasing: bytes[trimmed]))
    {
      let text = String(decoding: bytes[trimmed], as: UTF8.self)
      if current.pieces.isEmpty, !current.text.isEmpty { open?.pieces.append(current.text) }
      open?.pieceLines.append((current.text.utf8.count, line))
      open?.text += text
      open?.pieces.append(text)
      return
    }
    flush(&repairs)
    emitWords(bytes, trimmed, line: line, field: nil)
  }

  /// A piece of a one-line page: labels and numbers stand together (规章000规范性文件898989),
  /// so every word is cut where digits start and stop. A row number stuck to the digits
  /// before its label (00000002.其他…) goes to the label; a unit after a number (元, 万元)
  /// to the number. Every number is marked as possibly holding several cells.
  private mutating func takeRunning(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
    splitWords(bytes, BlankBytes.trimmed(bytes, 0..<bytes.count))
    var text: [UInt8] = []
    func flushText() {
      guard !text.isEmpty else { return }
      tokens.append(CellToken(content: .text(String(decoding: text, as: UTF8.self)), line: line))
      text.removeAll(keepingCapacity: true)
    }
    let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
    for word in words {
      let range = word.range
      let whole = UnsafeBufferPointer(rebasing: bytes[range])
      if case .placeholder(let raw) = CellText.parse(bytes: whole), whole.count > 1 || raw == "/" {
        flushText()
        tokens.append(CellToken(content: .value(.placeholder(raw)), line: line, mayHoldSeveral: false))
        continue
      }
      // A word that is a number as it stands (-1, 7920元, 63.79) is one value; only plain
      // digits may hold several cells.
      if case .number(_, _, _) = CellText.parse(bytes: whole) {
        flushText()
        let plain = whole.allSatisfy(isDigit)
        tokens.append(
          CellToken(
            content: CellText.parse(bytes: whole).map { .value($0) } ?? .blank, line: line, mayHoldSeveral: plain))
        continue
      }
      // A unit standing after a number (63.79 万元) belongs to it.
      if text.isEmpty, CellText.isUnitWord(bytes: whole), let last = tokens.last, last.line == line,
        case .value(.number(let number, nil, let raw)) = last.content
      {
        let unit = String(decoding: whole, as: UTF8.self)
        tokens[tokens.count - 1].content = .value(.number(number, unit: unit, raw: raw + " " + unit))
        continue
      }
      if !text.isEmpty { text.append(32) }
      var index = range.lowerBound
      while index < range.upperBound {
        // A minus sign starting the word makes a signed number (本年增/减): never split.
        let signed =
          index == range.lowerBound && bytes[index] == 45 && index + 1 < range.upperBound && isDigit(bytes[index + 1])
        guard isDigit(bytes[index]) || signed else {
          text.append(bytes[index])
          index += 1
          continue
        }
        // A run of digits, with a decimal point only between digits.
        var end = signed ? index + 1 : index
        while end < range.upperBound {
          if isDigit(bytes[end]) {
            end += 1
          } else if bytes[end] == 46, end + 1 < range.upperBound, isDigit(bytes[end + 1]), end > index {
            end += 1
          } else {
            break
          }
        }
        var numberEnd = end
        // 2. or 2、 or 2． right after: the last digit numbers the next label.
        if end < range.upperBound, Self.startsNumbering(bytes, at: end, upTo: range.upperBound),
          !bytes[index..<end].contains(46)
        {
          numberEnd = end - 1
        }
        if numberEnd > index {
          flushText()
          let digits = UnsafeBufferPointer(rebasing: bytes[index..<numberEnd])
          var unit: String?
          var after = numberEnd == end ? end : numberEnd
          for candidate in Self.runningUnits where after == end {
            let length = candidate.count
            if end + length <= range.upperBound, bytes[end..<(end + length)].elementsEqual(candidate) {
              unit = String(decoding: candidate, as: UTF8.self)
              after = end + length
              break
            }
          }
          let raw = String(decoding: digits, as: UTF8.self)
          let value: CellText
          if case .number(let number, _, _) = CellText.parse(bytes: digits) {
            value = .number(number, unit: unit, raw: unit.map { raw + $0 } ?? raw)
          } else {
            value = .number(ExactDecimal(significand: 0), unit: unit, raw: unit.map { raw + $0 } ?? raw)
          }
          tokens.append(CellToken(content: .value(value), line: line, mayHoldSeveral: !signed))
          index = after
        } else {
          index = numberEnd
        }
        // The numbering digit (if any) goes to the text.
        while index < end, numberEnd < end {
          text.append(bytes[index])
          index += 1
        }
      }
    }
    flushText()
  }

  /// Units a number in running text may carry, longest first.
  private static let runningUnits: [[UInt8]] = [Array("万元".utf8), Array("元".utf8)]

  /// Whether `.`, `．` or `、` followed by something other than a digit starts at `index`.
  private static func startsNumbering(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, upTo end: Int) -> Bool {
    var next = index
    if bytes[index] == 46 {
      next = index + 1
    } else if index + 2 < end, bytes[index] == 0xEF, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x8E {
      next = index + 3
    } else if index + 2 < end, bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x81 {
      next = index + 3
    } else {
      return false
    }
    return next < end && !(bytes[next] >= 48 && bytes[next] <= 57)
  }

  /// Whether a line without tabs carries on the open cell: text onto text, anything onto
  /// an empty cell but a row's label with its values, never anything onto a number.
  private static func continues(_ cell: String, with line: UnsafeBufferPointer<UInt8>) -> Bool {
    if cell.isEmpty {
      // The next row's label and values after a row ending in a blank cell: taken into
      // that cell, the rest of the label on the line after would be read as more of its
      // last value (0 0 0 0 0 0 0 / 定” as …0定”).
      let (numbers, others) = wordKinds(line)
      return numbers == 0 || others == 0
    }
    if CellText.parse(trimmed: cell) != nil { return false }
    if CellText.parse(bytes: line) != nil { return false }
    // A line with a number among its words ("1 0 0 2", "无法提 5 1 0 6") holds a row's
    // values, not more of a label.
    return wordKinds(line).numbers == 0
  }

  /// How many of the line's words are numbers, and how many are not.
  private static func wordKinds(_ line: UnsafeBufferPointer<UInt8>) -> (numbers: Int, others: Int) {
    var numbers = 0
    var others = 0
    var start = 0
    while start < line.count {
      var end = start
      while end < line.count, BlankBytes.wordBreakLength(line, at: end) == 0 { end += 1 }
      if end > start {
        if case .number = CellText.parse(bytes: UnsafeBufferPointer(rebasing: line[start..<end])) {
          numbers += 1
        } else {
          others += 1
        }
      }
      start = end < line.count ? end + BlankBytes.wordBreakLength(line, at: end) : end
    }
    return (numbers, others)
  }

  private mutating func flush(_ repairs: inout [Repair]) {
    guard let cell = open else { return }
    open = nil
    if cell.pieces.count > 1 {
      let vertical = cell.pieces.count >= 3 && cell.pieces.allSatisfy { $0.count <= 2 }
      repairs.append(
        Repair(
          kind: vertical ? "vertical_header" : "joined_cell",
          detail: "\(cell.pieces.joined(separator: " / ")) → \(cell.text)", line: cell.line))
    }
    var text = cell.text
    if !cell.pieceLines.isEmpty { valueOffsets = [] }
    text.withUTF8 { emitTrimmedCell($0, 0..<$0.count, line: cell.line, field: cell.field) }
    // Values whose text came from a joined line are traced to that line.
    if let offsets = valueOffsets {
      valueOffsets = nil
      for (index, offset) in offsets {
        guard let piece = cell.pieceLines.last(where: { $0.offset <= offset }) else { continue }
        tokens[index].origin = AssembledTable.CellOrigin(line: piece.line, field: nil)
      }
    }
  }

  /// Emits one cell, `range` of `bytes` with no blanks around it: blank, a value, or its words.
  private mutating func emitTrimmedCell(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, field: Int?
  ) {
    let cell = UnsafeBufferPointer(rebasing: bytes[range])
    if cell.isEmpty {
      tokens.append(CellToken(content: .blank, line: line, field: field))
    } else if let value = CellText.parse(bytes: cell) {
      valueOffsets?.append((tokens.count, range.lowerBound))
      tokens.append(CellToken(content: .value(value), line: line, field: field))
    } else if !BlankBytes.hasWordBreak(cell) {
      // One word that is not a number: a label or header cell.
      tokens.append(CellToken(content: .text(String(decoding: cell, as: UTF8.self)), line: line, field: field))
    } else {
      emitWords(bytes, range, line: line, field: field)
    }
  }

  /// Emits the words of a line or cell: numbers (with a unit word after them joined on)
  /// separately, neighbouring text words merged into one text cell. A placeholder word
  /// (无, /, —) counts as a cell only when it stands apart: letter-spaced labels such as
  /// "申 请 人 无 正 当" are text.
  private mutating func emitWords(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, field: Int?
  ) {
    splitWords(bytes, range)
    var pendingText: Range<Int>?  // the words since the last value, first to last
    var pendingCount = 0
    for index in words.indices {
      let word = UnsafeBufferPointer(rebasing: bytes[words[index].range])
      var value = CellText.parse(bytes: word)
      if case .placeholder = value, !standsApart(bytes, index) { value = nil }
      if numbersLabelApart(bytes, index) { value = nil }
      if let value {
        flushText(bytes, &pendingText, &pendingCount, line: line, field: field)
        valueOffsets?.append((tokens.count, words[index].range.lowerBound))
        tokens.append(CellToken(content: .value(value), line: line, field: field))
      } else if pendingText == nil, CellText.isUnitWord(bytes: word),
        let last = tokens.last, case .value(.number(let number, nil, let raw)) = last.content, last.line == line
      {
        let unit = String(decoding: word, as: UTF8.self)
        tokens[tokens.count - 1].content = .value(.number(number, unit: unit, raw: raw + " " + unit))
      } else {
        pendingText = (pendingText?.lowerBound ?? words[index].range.lowerBound)..<words[index].range.upperBound
        pendingCount += 1
      }
    }
    flushText(bytes, &pendingText, &pendingCount, line: line, field: field)
  }

  /// Emits the pending text words as one text cell, their blank runs narrowed to one space.
  private mutating func flushText(
    _ bytes: UnsafeBufferPointer<UInt8>, _ pending: inout Range<Int>?, _ count: inout Int, line: Int, field: Int?
  ) {
    guard let range = pending else { return }
    pending = nil
    let text: String
    if count == 1 {
      text = String(decoding: bytes[range], as: UTF8.self)
    } else {
      text = String(unsafeUninitializedCapacity: range.count) { output in
        var written = 0
        var index = range.lowerBound
        while index < range.upperBound {
          let blank = BlankBytes.wordBreakLength(bytes, at: index)
          if blank > 0 {
            if written > 0, output[written - 1] != 32 {
              output[written] = 32
              written += 1
            }
            index += blank
          } else {
            output[written] = bytes[index]
            written += 1
            index += 1
          }
        }
        return written
      }
    }
    count = 0
    tokens.append(CellToken(content: .text(text), line: line, field: field))
  }

  /// Fills `words` with the words of `range`, split at spaces, tabs and ideographic spaces.
  private mutating func splitWords(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    words.removeAll(keepingCapacity: true)
    var gap = 0
    var start: Int?
    var index = range.lowerBound
    while index < range.upperBound {
      let blank = BlankBytes.wordBreakLength(bytes, at: index)
      if blank > 0 {
        if let wordStart = start {
          words.append(Word(range: wordStart..<index, gapBefore: gap))
          start = nil
          gap = 0
        }
        gap += 1
        index += blank
      } else {
        if start == nil { start = index }
        index += 1
      }
    }
    if let wordStart = start { words.append(Word(range: wordStart..<range.upperBound, gapBefore: gap)) }
  }

  /// Whether the word at `index` is set apart from its neighbours like a cell of its own,
  /// rather than one letter of a letter-spaced label.
  /// Whether word `index` numbers the label after it, its mark standing apart (1 . 申请人…:
  /// a scan's space before the dot): one or two digits, then a word that is only the mark
  /// (`.`, `．` or `、`), then one starting with a Chinese character. As a value it went to the
  /// group label before it (（六）其他处理 read as a row of one value).
  private func numbersLabelApart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    guard index + 2 < words.count else { return false }
    let number = words[index].range
    guard (1...2).contains(number.count), bytes[number].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
    let mark = Array(bytes[words[index + 1].range])
    guard mark == [46] || mark == [0xEF, 0xBC, 0x8E] || mark == [0xE3, 0x80, 0x81] else { return false }
    // A character of the CJK block (U+4E00–U+9FFF) starts with a byte E4–E9 in UTF-8.
    let next = words[index + 2].range
    return !next.isEmpty && (0xE4...0xE9).contains(bytes[next.lowerBound])
  }

  private func standsApart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    func apart(_ neighbour: Int, gap: Int) -> Bool {
      guard words.indices.contains(neighbour) else { return true }
      if gap >= 2 { return true }
      let text = UnsafeBufferPointer(rebasing: bytes[words[neighbour].range])
      return CellText.parse(bytes: text) != nil || decodeScalar(text, at: 0).length < text.count
    }
    let after = index + 1 < words.count ? words[index + 1].gapBefore : 0
    return apart(index - 1, gap: words[index].gapBefore) && apart(index + 1, gap: after)
  }
}
