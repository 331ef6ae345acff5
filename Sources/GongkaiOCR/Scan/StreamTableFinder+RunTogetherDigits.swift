extension StreamTableFinder {
  /// The tallest and shortest run-together digits may stand, as a fraction of the row's digit
  /// height: a Chinese character in a value column (无, 件) is about 1.3 digit heights tall.
  static let runTogetherHeights = 0.85...1.15

  /// The widest blob of run-together digits, in digit heights: seven digits.
  static let widestRunTogether = 5.0

  /// The cells of a row of numbers that hold digits the row's shape tests refused, with the
  /// ink (and level) to read them from. Grey or blurred print does not keep a digit's shape
  /// at one level: at the page's level a 5's bar stands apart from its bowl (parts one above
  /// the other, as a character's), at a lighter one 5 and 0 run together into one blob
  /// wider than any lone digit (taken for a Chinese character). Left as text such a cell
  /// read as no number and went out unread though its print is plain. In a row of two
  /// numbers or more, a cell after the first (the label's) is a number when its ink, as
  /// found or at a lighter level (`lighterInk`), is exactly as tall as the row's digits (a
  /// Chinese character in a value column, 无 or 件, is about 1.3 digit heights) and passes
  /// `isNumber` or is digits run together (``isRunTogetherNumber(_:digitHeight:)``).
  static func digitsApart(
    _ cells: [(ink: InkComponents, level: UInt8)], numeric: [Bool], isNumber: (InkComponents) -> Bool,
    lighterInk: (InkComponents) -> [(ink: InkComponents, level: UInt8)]
  ) -> [(index: Int, cell: (ink: InkComponents, level: UInt8))] {
    guard numeric.filter({ $0 }).count >= 2 else { return [] }
    let heights = zip(cells, numeric).filter(\.1).map { PageReader.typicalHeight($0.0.ink) }.filter { $0 > 0 }.sorted()
    guard !heights.isEmpty else { return [] }
    let digitHeight = Double(heights[heights.count / 2])
    func digitTall(_ ink: InkComponents) -> Bool {
      ink.union.map { runTogetherHeights.contains(Double($0.height) / digitHeight) } ?? false
    }
    return cells.indices.compactMap { index in
      guard index > 0, !numeric[index], digitTall(cells[index].ink) else { return nil }
      let candidates = [cells[index]] + lighterInk(cells[index].ink)
      guard
        let found = candidates.first(where: {
          digitTall($0.ink) && (isNumber($0.ink) || isRunTogetherNumber($0.ink, digitHeight: digitHeight))
        })
      else { return nil }
      return (index, found)
    }
  }

  /// Whether `cell` is digits run together into a blob wider than a lone digit, in a row whose
  /// digits are `digitHeight` pixels tall.
  static func isRunTogetherNumber(_ cell: InkComponents, digitHeight: Double) -> Bool {
    guard let union = cell.union, digitHeight > 0,
      runTogetherHeights.contains(Double(union.height) / digitHeight),
      !PageReader.hasGap(cell, wider: Int(digitHeight))
    else { return false }
    let tall = cell.boxes.map(\.box).filter { $0.height * 2 >= union.height }
    let small = cell.boxes.map(\.box).filter { $0.height * 2 < union.height }
    // At most a decimal point, low on the line.
    guard small.count <= 1, small.allSatisfy({ $0.y + $0.height / 2 >= union.y + union.height * 2 / 3 }) else {
      return false
    }
    guard tall.contains(where: { Double($0.width) > widestDigit * Double($0.height) }),
      tall.allSatisfy({ runTogetherHeights.contains(Double($0.height) / digitHeight) }),
      tall.allSatisfy({ Double($0.width) <= widestRunTogether * digitHeight })
    else { return false }
    return !hasStackedParts(cell.boxes.map(\.box))
  }
}
