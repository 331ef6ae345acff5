import GongkaiLayout

extension PageReader {
  /// `text`, read by the Chinese model from a table cell's `ink`, with the digits it read
  /// checked by the number reader: each word of the ink shaped like a number (digits apart
  /// from the rest of their line) and read as digits, or as nothing a label holds, is read
  /// again by ``NumberReader`` on its own glyphs. Where the two reads are not the same
  /// number the characters read there become one unread mark (U+FFFD: null with a finding);
  /// where nothing was read there, the number reader's sure read goes in as in a cell of its
  /// own. Where rules are lost a whole row (label and values) is one cell, read as text: the
  /// Chinese model's digits are a guess no number read checked (15 read as 145), and a
  /// number it drops moves the row's values along. A digit inside a label's word
  /// (1.属于国家秘密) is part of no number-shaped word and stays as read.
  func checkingDigits(
    _ text: [PositionedCharacter], ink: InkComponents, page: GreyBitmap, level: UInt8
  ) -> [PositionedCharacter] {
    let scale = page.pixelsPerPoint
    let tallest = Int((maximumDigitHeight * scale).rounded())
    var dropped = Set<Int>()
    var added: [PositionedCharacter] = []
    for line in Self.lines(ink) {
      // Digits stand closer than half a character's height; a number stands further apart.
      let gap = max(1, Self.typicalHeight(line) / 2)
      let labelStart = line.union.flatMap { Self.firstHan(of: text, on: $0, scale: scale) }
      for word in Self.words(line, gap: gap) where Self.looksNumeric(word, maximumHeight: tallest) {
        guard let box = word.union else { continue }
        // A word left of the line's first Chinese character read is the label's ordinal
        // (四、 （八） 1.), never a value: a row's values stand right of its label. Read as
        // letters (四、 as PU on a skewed scan) it was marked unread, and the row's label
        // began with an unread value: the row matched no label of the form.
        if let labelStart, Double(box.maxX) <= labelStart { continue }
        let slack = Double(box.height) / 2
        // The characters read from this word's ink: their centres on it.
        let read = text.indices.filter { index in
          let character = text[index].box
          let (x, y) = (character.midX * scale, character.midY * scale)
          return !dropped.contains(index) && x >= Double(box.x) && x <= Double(box.maxX)
            && y >= Double(box.y) - slack && y <= Double(box.maxY) + slack
        }
        // A word read with a label's character (（八） is narrow strokes too; 386.4万元 one word)
        // is left alone; one read as digits, or as nothing the label could hold (the number
        // dropped: 行政事业性收费 1 0 read as 行政事业性收费 0 put 0 in the wrong column), must
        // be the number reader's.
        let characters = read.map { text[$0] }
        guard !characters.contains(where: { Self.isHan($0.character) }) else { continue }
        let value = String(characters.map(\.character).filter { !$0.isWhitespace })
        if Self.isPlainNumber(value) {
          // The same number, or the number reader unsure and one of its reads the same.
          if let again = numbers.read(page, ink: box, level: level),
            again.value == value || (again.isLowConfidence && again.alternatives.contains(value))
          {
            continue
          }
        } else if !characters.isEmpty, !Self.isUnreadValue(characters) {
          continue  // a placeholder (/, —) read as such
        } else if characters.isEmpty {
          // Nothing read there: no character's box reaches over the word (else it is part
          // of a character read, 讠 of 计), every glyph narrow as a digit (亻 beside 也 is no
          // number) and no taller than the line's text (a rule's remnant is); then the
          // number reader's sure read goes in, as in a cell of its own.
          let reached = text.contains { character in
            let left = character.box.minX * scale
            let right = character.box.maxX * scale
            let top = character.box.minY * scale
            let bottom = character.box.maxY * scale
            return left < Double(box.maxX) && right > Double(box.x) && top < Double(box.maxY)
              && bottom > Double(box.y)
          }
          guard !reached, box.height * 5 <= Self.typicalHeight(line) * 6,
            word.boxes.allSatisfy({ $0.box.width * 4 <= $0.box.height * 3 || $0.box.height * 2 < box.height }),
            let again = numbers.read(page, ink: box, level: level)
          else { continue }
          if !again.isLowConfidence {
            added += Self.spread(again.value, over: pageRect(box, scale: scale))
            continue
          }
        }
        if OCRTrace.enabled {
          OCRTrace.write(
            "digitword\t\(box.x),\(box.y) \(box.width)x\(box.height)\t\(String(characters.map(\.character)))\tunread")
        }
        dropped.formUnion(read)
        added.append(Self.unreadMark(at: pageRect(box, scale: scale)))
      }
    }
    guard !added.isEmpty else { return text }
    return text.indices.filter { !dropped.contains($0) }.map { text[$0] } + added
  }

  /// The left edge (pixels) of the first Chinese character of `text` whose centre is on
  /// the line of ink `line`, if any; a unit or placeholder after a number (万元, 件, 无) is
  /// no label's.
  static func firstHan(of text: [PositionedCharacter], on line: PixelRect, scale: Double) -> Double? {
    text.filter { character in
      let y = character.box.midY * scale
      return isHan(character.character) && !notLabels.contains(character.character) && y >= Double(line.y)
        && y <= Double(line.maxY)
    }.map { $0.box.minX * scale }.min()
  }

  /// Chinese characters a value cell holds beside or instead of its number: units and
  /// placeholders.
  private static let notLabels: Set<Character> = Set("万元件个项条次人无空不适用暂")

  /// Whether `character` is an ASCII digit.
  static func isDigit(_ character: Character) -> Bool {
    character.isASCII && character.isNumber
  }

  /// The line's words, left to right: blobs no more than `gap` pixels apart.
  static func words(_ line: InkComponents, gap: Int) -> [InkComponents] {
    line.runs(vertical: false, maximumGap: gap)
  }
}
