import GongkaiLayout

extension PageReader {
  /// A number's ink this share of the grid's typical number height or less has lost strokes.
  static let shortNumberShare = 0.8

  /// The sure numbers of one grid, (row, cell, read again), whose ink is much shorter than
  /// the grid's typical number: grey print whose lighter strokes fell out at the page's
  /// `level` (a 6 whose top is gone, its bowl read as 0 with confidence 74). Each is read
  /// again a third of the way on to the paper over its cell's `regions`; where that read
  /// differs the number is unsure, and the fuller glyph's read is taken when it is sure
  /// and as tall as the grid's numbers. `inks`: each cell's ink; `reads`: what was read.
  func shortNumbers(
    _ inks: [[PixelRect]], _ reads: [[(number: NumberRead?, text: [PositionedCharacter])]], page: GreyBitmap,
    regions: [[PixelRect]], level: UInt8, paper: UInt8, speck: Int
  ) -> [(row: Int, cell: Int, read: NumberRead)] {
    var heights: [Int] = []
    for (row, cells) in reads.enumerated() {
      for (cell, read) in cells.enumerated() {
        guard let number = read.number else { continue }
        heights.append((number.ink ?? inks[row][cell]).height)
      }
    }
    // The typical height needs a few numbers to go by.
    guard heights.count >= 3 else { return [] }
    let typical = Double(heights.sorted()[heights.count / 2])
    let lighter = UInt8(StreamTableFinder.thirdTowardPaper(from: Int(level), paper: Int(paper)))
    var changed: [(row: Int, cell: Int, read: NumberRead)] = []
    for (row, cells) in reads.enumerated() {
      for (cell, read) in cells.enumerated() {
        // Reads under a seal (their own ink box) are doubted by the seal checks already.
        guard var number = read.number, !number.isLowConfidence, number.ink == nil else { continue }
        let height = Double(inks[row][cell].height)
        guard height <= Self.shortNumberShare * typical else { continue }
        let fuller = InkComponents(in: page, region: regions[row][cell], level: lighter, minimumArea: speck)
        // Only ink that grew taller at the lighter level held more of the glyph.
        guard let box = fuller.union, Double(box.height) > height else { continue }
        let again = numbers.read(page, ink: box, level: lighter)
        let sign = number.value.first.map { $0 == "-" || $0 == "+" } == true ? String(number.value.prefix(1)) : ""
        let value = again.map { $0.value.first == "-" || $0.value.first == "+" ? $0.value : sign + $0.value }
        guard value != number.value else { continue }
        number.isLowConfidence = true
        if let again, let value, !again.isLowConfidence, Double(box.height) > Self.shortNumberShare * typical,
          Double(box.height) * Self.shortNumberShare < typical
        {
          number.alternatives = [number.value] + number.alternatives.filter { $0 != value && $0 != number.value }
          number.value = value
          number.confidence = again.confidence
        } else if let value, !number.alternatives.contains(value) {
          number.alternatives.append(value)
        }
        changed.append((row, cell, number))
      }
    }
    return changed
  }
}
