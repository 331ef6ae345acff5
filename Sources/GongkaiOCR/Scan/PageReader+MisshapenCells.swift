import GongkaiLayout

extension PageReader {
  /// The cells of `grid` inside `cell`'s rows and columns: where there are any, the cells
  /// joined into `cell` through lost rules make no rectangle (a row's cells joined to a band
  /// under them round a cell whose rules were found). `cell` is read over its whole box, so
  /// its text holds theirs, and the layout step gives each character to the cell it stands
  /// in and puts a row's cells out in the order of their first column: a number of `cell`'s
  /// right of one inside it comes out before it (16 | -2 as -2 | 16).
  static func cellsInside(_ cell: TableGrid.Cell, of grid: TableGrid) -> [PageRect] {
    grid.cells.filter { other in
      (other.top, other.bottom, other.left, other.right) != (cell.top, cell.bottom, cell.left, cell.right)
        && other.top >= cell.top && other.bottom <= cell.bottom && other.left >= cell.left
        && other.right <= cell.right
    }.map(\.rect)
  }

  /// Whether a number read in a cell that is no rectangle (`inside`: the cells within its
  /// box) may come out of order: a digit outside those cells stands right of one of them on
  /// its line. Digits only in the cells inside (a label joined to a band, its row's values in
  /// their own cells) come out in order after the label.
  static func mayComeOutOfOrder(_ text: [PositionedCharacter], inside: [PageRect]) -> Bool {
    let digits = text.filter { isDigit($0.character) }
    return digits.contains { digit in
      !inside.contains { $0.contains(x: digit.box.midX, y: digit.box.midY) }
        && inside.contains { $0.minX <= digit.box.midX && $0.minY <= digit.box.midY && $0.maxY >= digit.box.midY }
    }
  }

  /// `text` with each run of digits after its first Chinese character (the label's ordinal,
  /// 1.属于国家秘密, stays), less than a glyph's height apart, made one unread mark (U+FFFD:
  /// null with a finding): where a cell is no rectangle, which cell a number read in it
  /// lands in, and in what order, is a guess.
  static func markingNumbers(in text: [PositionedCharacter]) -> [PositionedCharacter] {
    let labelStart = text.firstIndex { isHan($0.character) } ?? text.startIndex
    var result: [PositionedCharacter] = []
    var run: [PositionedCharacter] = []
    func close() {
      guard let first = run.first else { return }
      let box = run.dropFirst().reduce(first.box) { $0.union($1.box) }
      result.append(unreadMark(at: box))
      run = []
    }
    for (index, character) in text.enumerated() {
      let digitLike =
        isDigit(character.character) || (!run.isEmpty && ".,".contains(character.character))
        || ("-+－".contains(character.character) && index + 1 < text.count && isDigit(text[index + 1].character))
      if index > labelStart || (index == labelStart && !isHan(character.character)), digitLike {
        // Digits a glyph's height and more apart are two numbers, each in its own place.
        if let last = run.last,
          character.box.minX - last.box.maxX
            > max(last.box.maxY - last.box.minY, character.box.maxY - character.box.minY)
        {
          close()
        }
        run.append(character)
      } else {
        close()
        result.append(character)
      }
    }
    close()
    return result
  }
}
