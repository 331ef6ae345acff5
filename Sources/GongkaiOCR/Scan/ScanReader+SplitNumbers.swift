import GongkaiLayout

extension ScanReader {
  /// Two digit tokens of a running-text line whose neighbouring glyphs stand closer than
  /// this many digit heights (middle to middle) are pieces of one printed number: a number's
  /// digits follow at about one digit height, while the next cell of a table row stands a
  /// column's padding and more away.
  static let oneNumberPitch = 1.3

  /// The running-text line `text` (one field, laid out from the single page line `piece`), or
  /// one field of a table row (laid out from its cell's area `piece`), with each run of digit
  /// tokens that are pieces of one printed number replaced by one U+FFFD; `nil` when there is
  /// none (or the glyphs cannot be matched to the text).
  ///
  /// A number printed in thin grey strokes can come apart into specks (145 as a 1, a 4 and a
  /// bit of the 5); the line builder then puts a space between the pieces, and the row read as
  /// running text (`行政处罚 1 4 5 ;66`) hands the core three values for the row's three
  /// cells. The pieces stand at one number's digit pitch, so they are one cell whose digits
  /// were not read surely: unread (null with a finding), never several values.
  static func markingSplitNumbers(
    _ text: Substring, piece: TextPlacement.Piece, characters: [PositionedCharacter]
  ) -> Substring? {
    // The line's tokens (runs between blanks) and where each stands in the text.
    var tokens: [Range<Substring.Index>] = []
    var index = text.startIndex
    while index < text.endIndex {
      if text[index].isWhitespace {
        index = text.index(after: index)
        continue
      }
      let end = text[index...].firstIndex(where: \.isWhitespace) ?? text.endIndex
      tokens.append(index..<end)
      index = end
    }
    func isDigits(_ token: Substring) -> Bool {
      token.contains { $0.isASCII && $0.isNumber }
        && token.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || $0 == "-" }
    }
    let numeric = tokens.map { isDigits(text[$0]) }
    guard zip(numeric, numeric.dropFirst()).contains(where: { $0 && $1 }) else { return nil }
    // The glyphs of the line in reading order, one per character of its tokens.
    let area = piece.box
    let glyphs = characters.filter {
      !$0.character.isWhitespace && $0.box.midX >= area.minX && $0.box.midX <= area.maxX
        && $0.box.midY >= area.minY && $0.box.midY <= area.maxY
    }.sorted { $0.box.minX < $1.box.minX }
    let visible = tokens.flatMap { Array(text[$0]) }
    guard glyphs.count == visible.count, zip(glyphs, visible).allSatisfy({ $0.character == $1 }) else { return nil }
    var starts: [Int] = []
    var offset = 0
    for token in tokens {
      starts.append(offset)
      offset += text[token].count
    }
    func digitHeight(_ token: Int) -> Double {
      let range = starts[token]..<(starts[token] + text[tokens[token]].count)
      return glyphs[range].filter { $0.character.isNumber }.map(\.box.height).max() ?? 0
    }
    // Whether token `token` and the next stand at one number's digit pitch.
    func joined(_ token: Int) -> Bool {
      guard numeric[token], numeric[token + 1] else { return false }
      let last = glyphs[starts[token + 1] - 1]
      let next = glyphs[starts[token + 1]]
      let height = max(digitHeight(token), digitHeight(token + 1))
      return height > 0 && next.box.midX - last.box.midX <= oneNumberPitch * height
    }
    var result = ""
    var copied = text.startIndex
    var token = 0
    var changed = false
    while token < tokens.count - 1 {
      guard joined(token) else {
        token += 1
        continue
      }
      var end = token + 1
      while end < tokens.count - 1, joined(end) { end += 1 }
      result += String(text[copied..<tokens[token].lowerBound]) + "\u{FFFD}"
      copied = tokens[end].upperBound
      changed = true
      token = end + 1
    }
    guard changed else { return nil }
    return Substring(result + String(text[copied...]))
  }
}
