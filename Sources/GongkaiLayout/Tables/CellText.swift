/// Reads the text of one table cell: its lines top to bottom, joined without breaks.
struct CellText {
  let builder: LineBuilder

  /// The cell's text; wrapped labels and one-character-per-line vertical labels come out
  /// as one string. Latin words or numbers split over lines are joined with a space.
  func text(of characters: [PositionedCharacter]) -> String {
    let lines = builder.lines(from: characters)
    var result = ""
    for line in lines {
      let piece = line.text
      guard !piece.isEmpty else { continue }
      if let last = result.last, let first = piece.first, last.isASCIIWordCharacter,
        first.isASCIIWordCharacter
      {
        result += " "
      }
      result += piece
    }
    return result
  }
}
