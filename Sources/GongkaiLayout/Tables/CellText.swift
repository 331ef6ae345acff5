/// Reads the text of one table cell: its lines top to bottom, joined without breaks.
struct CellText {
  let builder: LineBuilder

  /// The cell's text; wrapped labels and one-character-per-line vertical labels come out
  /// as one string. Latin words split over lines are joined with a space; a number
  /// wrapped in a narrow cell (digits at the end of one line and the start of the next)
  /// is joined back without one.
  func text(of characters: [PositionedCharacter]) -> String {
    let lines = builder.lines(from: characters)
    var result = ""
    for line in lines {
      var piece = line.text
      // A drawn cell holds one number: digits spread apart (OCR of a scan, letter-spaced
      // type) are one number, not several.
      if piece.contains(" "), piece.allSatisfy({ $0.isWholeNumberDigit || $0 == " " }) {
        piece.removeAll { $0 == " " }
      }
      guard !piece.isEmpty else { continue }
      if let last = result.last, let first = piece.first, last.isASCIIWordCharacter,
        first.isASCIIWordCharacter, !(last.isWholeNumberDigit && first.isWholeNumberDigit)
      {
        result += " "
      }
      result += piece
    }
    return result
  }
}
