/// Turns the lines of a table region into a stream of cells, whatever the export did to
/// them: one cell per line after a tab (cells continuing over several lines, vertical
/// headers one character per line), tab-separated rows, or space-aligned rows as
/// `pdftotext -layout` and `-raw` print them.
struct CellTokenizer {
  private var tokens: [CellToken] = []
  private var open: OpenCell?

  /// A tab-started cell that may continue on the following lines.
  private struct OpenCell {
    var text: String
    var line: Int
    var field: Int
    var pieces: [String]
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
    for line in lines {
      if line.hasTab {
        tokenizer.flush(&repairs)
        let text = line.text
        var fieldStart = text.startIndex
        var field = 0
        var cursor = text.utf8.startIndex
        // Every field but the last is a cell; the last may go on over the next lines.
        while let tab = text.utf8[cursor...].firstIndex(of: 9) {
          let part = text[fieldStart..<tab]
          if !(field == 0 && part.trimmingSpaces.isEmpty) {
            tokenizer.emitCell(part, line: line.number, field: field)
          }
          field += 1
          cursor = text.utf8.index(after: tab)
          fieldStart = cursor
        }
        let last = text[fieldStart...].trimmingSpaces
        tokenizer.open = OpenCell(text: last, line: line.number, field: field, pieces: last.isEmpty ? [] : [last])
        continue
      }
      if line.isBlank { continue }
      let text = line.trimmed
      if let current = tokenizer.open, current.text.isEmpty || tabDominant, Self.continues(current.text, with: text) {
        tokenizer.open?.text += text
        tokenizer.open?.pieces.append(text)
        continue
      }
      tokenizer.flush(&repairs)
      tokenizer.emitWords(of: text, line: line.number)
    }
    tokenizer.flush(&repairs)
    return tokenizer.tokens
  }

  /// Whether a line without tabs carries on the open cell: text onto text or onto an empty
  /// cell, never onto a number.
  private static func continues(_ cell: String, with line: String) -> Bool {
    if cell.isEmpty { return true }
    if CellText.parse(cell) != nil { return false }
    return CellText.parse(line) == nil
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
    emitTrimmedCell(cell.text, line: cell.line, field: cell.field)
  }

  /// Emits one cell: blank, a value, or its words.
  private mutating func emitCell(_ text: Substring, line: Int, field: Int? = nil) {
    emitTrimmedCell(text.trimmingSpaces, line: line, field: field)
  }

  /// Emits one cell whose text has no blanks around it.
  private mutating func emitTrimmedCell(_ trimmed: String, line: Int, field: Int?) {
    if trimmed.isEmpty {
      tokens.append(CellToken(content: .blank, line: line, field: field))
    } else if let value = CellText.parse(trimmed: trimmed) {
      tokens.append(CellToken(content: .value(value), line: line, field: field))
    } else if !trimmed.containsByte(32), !trimmed.containsByte(9), !trimmed.containsText("\u{3000}") {
      // One word that is not a number: a label or header cell.
      tokens.append(CellToken(content: .text(trimmed), line: line, field: field))
    } else {
      emitWords(of: trimmed, line: line, field: field)
    }
  }

  /// Emits the words of a line or cell: numbers (with a unit word after them joined on)
  /// separately, neighbouring text words merged into one text cell. A placeholder word
  /// (无, /, —) counts as a cell only when it stands apart: letter-spaced labels such as
  /// "申 请 人 无 正 当" are text.
  private mutating func emitWords(of text: String, line: Int, field: Int? = nil) {
    let words = Self.words(of: text)
    var pendingText: [Substring] = []
    func flushText() {
      if !pendingText.isEmpty {
        tokens.append(CellToken(content: .text(pendingText.joined(separator: " ")), line: line, field: field))
        pendingText.removeAll()
      }
    }
    for (index, word) in words.enumerated() {
      var value = CellText.parse(word.text)
      if case .placeholder = value, !Self.standsApart(words, index) { value = nil }
      if let value {
        flushText()
        tokens.append(CellToken(content: .value(value), line: line, field: field))
      } else if CellText.isUnitWord(word.text), pendingText.isEmpty,
        let last = tokens.last, case .value(.number(let number, nil, let raw)) = last.content, last.line == line
      {
        tokens[tokens.count - 1].content = .value(.number(number, unit: String(word.text), raw: raw + " " + word.text))
      } else {
        pendingText.append(word.text)
      }
    }
    flushText()
  }

  /// A word and the width of the blank run before it.
  private struct Word {
    var text: Substring
    var gapBefore: Int
  }

  private static func words(of text: String) -> [Word] {
    var words: [Word] = []
    var gap = 0
    var start: String.Index?
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if scalar == " " || scalar == "\u{3000}" || scalar == "\t" {
        if let wordStart = start {
          words.append(Word(text: text[wordStart..<index], gapBefore: gap))
          start = nil
          gap = 0
        }
        gap += 1
      } else if start == nil {
        start = index
      }
      index = scalars.index(after: index)
    }
    if let wordStart = start { words.append(Word(text: text[wordStart...], gapBefore: gap)) }
    return words
  }

  /// Whether the word at `index` is set apart from its neighbours like a cell of its own,
  /// rather than one letter of a letter-spaced label.
  private static func standsApart(_ words: [Word], _ index: Int) -> Bool {
    func apart(_ neighbour: Int, gap: Int) -> Bool {
      guard words.indices.contains(neighbour) else { return true }
      if gap >= 2 { return true }
      let text = words[neighbour].text
      return CellText.parse(text) != nil || text.unicodeScalars.count > 1
    }
    let after = index + 1 < words.count ? words[index + 1].gapBefore : 0
    return apart(index - 1, gap: words[index].gapBefore) && apart(index + 1, gap: after)
  }
}
