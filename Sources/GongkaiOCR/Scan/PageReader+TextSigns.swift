import GongkaiLayout

extension PageReader {
  /// The running text's `symbols` (read as one block from `rest` scaled by `factor`) with
  /// each number's minus sign the block read dropped put back. A table row that no grid or
  /// stream finder took (a browser's CSS-bordered table at a page's top) is read with the
  /// running text, and the Chinese model drops a thin minus before a digit (-6 read 6: a
  /// confident wrong number). Where the ink just left of a number's first digit is a minus
  /// as a cell reader tells it (``leadingSign(_:)``: a short flat stroke at the digits'
  /// mid-height) with paper on its left, and no symbol was read from that stroke, a `-` goes
  /// in before the digits. A hyphen between digits (2021-01-29) has ink on its left and
  /// stays as read; so does a dash read as 一 or —.
  func restoringSigns(
    _ symbols: [OCRItem], in rest: GreyBitmap, factor: Double, level: UInt8, paper: UInt8, minimumArea: Int
  ) -> [OCRItem] {
    func onPage(_ box: PixelRect) -> PixelRect {
      PixelRect(
        x: Int(Double(box.x) / factor), y: Int(Double(box.y) / factor),
        width: Int((Double(box.width) / factor).rounded(.up)), height: Int((Double(box.height) / factor).rounded(.up)))
    }
    func isDigit(_ text: String) -> Bool { text.count == 1 && text.allSatisfy { $0.isASCII && $0.isNumber } }
    // The symbols carry no spaces: a number's first digit is told by the ink before it (a
    // digit before it, or a decimal point, is ink in the place looked at).
    // A minus is one thin stroke: blurred, it is lighter than the digits' ink level (148 by
    // a level of 138 on a photocopy). Its shape, alone in the place, tells it from noise.
    let signLevel = UInt8((Int(level) + Int(paper)) / 2)
    var inserts: [(at: Int, item: OCRItem)] = []
    for index in symbols.indices where isDigit(symbols[index].text) {
      let digit = onPage(symbols[index].box)
      guard
        let mark = Self.droppedMinus(before: digit, in: rest, level: signLevel, minimumArea: minimumArea),
        !symbols.contains(where: { !onPage($0.box).intersection(mark).isEmpty })
      else { continue }
      let scaled = PixelRect(
        x: Int(Double(mark.x) * factor), y: Int(Double(mark.y) * factor),
        width: max(1, Int((Double(mark.width) * factor).rounded())),
        height: max(1, Int((Double(mark.height) * factor).rounded())))
      inserts.append((index, OCRItem(text: "-", box: scaled, confidence: symbols[index].confidence)))
    }
    guard !inserts.isEmpty else { return symbols }
    var result = symbols
    for insert in inserts.reversed() { result.insert(insert.item, at: insert.at) }
    return result
  }

  /// `read`, the number in a cell's ink whose box is `digits`, with the minus before it
  /// that is too light for the page's ink `level` put back (``droppedMinus(before:in:level:minimumArea:)``
  /// at the level halfway to the `paper`): a thin stroke blurred by a copier is lighter than
  /// the digits, left out of the cell's ink, and -8 was read 8.
  func restoringSign(
    _ read: NumberRead, digits: PixelRect, page: GreyBitmap, level: UInt8, paper: UInt8, speck: Int
  ) -> NumberRead {
    guard let first = read.value.first, first != "-", first != "+",
      Self.droppedMinus(before: digits, in: page, level: UInt8((Int(level) + Int(paper)) / 2), minimumArea: speck)
        != nil
    else { return read }
    var signed = read
    signed.value = "-" + read.value
    signed.alternatives = read.alternatives.map { "-" + $0 }
    return signed
  }

  /// The box of a minus printed just left of the glyph at `digit` (page pixels), where the
  /// ink left of the digit, from about a character's width away, is that stroke alone: short,
  /// flat, at the digit's mid-height, close to it, paper on its left. `nil` when there is
  /// none.
  static func droppedMinus(before digit: PixelRect, in page: GreyBitmap, level: UInt8, minimumArea: Int)
    -> PixelRect?
  {
    let height = digit.height
    guard height >= 6 else { return nil }
    // From a character's width and a half left of the digit to its left edge, over its
    // height and a little more: a minus and its gap fit, and a character before it shows.
    let left = max(0, digit.x - height * 3 / 2)
    let top = max(0, digit.y - height / 4)
    // The digit's box as read is a pixel or two off its ink; its blurred edge is no mark.
    let region = PixelRect(
      x: left, y: top, width: digit.x - 2 - left, height: min(page.height, digit.maxY + height / 4) - top)
    guard region.width > 0, region.height > 0 else { return nil }
    // Specks of a copier's noise a few pixels large are no ink here (a minus is larger).
    let ink = InkComponents(in: page, region: region, level: level, minimumArea: 4 * minimumArea)
    guard ink.boxes.count == 1, let mark = ink.boxes.first?.box else { return nil }
    // The digit's own ink that reaches left of its box is no mark; nor is ink cut by the region's
    // left edge (a character's stroke).
    guard mark.x > left else { return nil }
    let tall = Double(height)
    let middle = Double(mark.y) + Double(mark.height) / 2
    guard Double(mark.width) >= 1.8 * Double(mark.height), Double(mark.height) <= 0.3 * tall,
      Double(mark.width) >= 0.25 * tall, Double(mark.width) <= 1.1 * tall,
      middle >= Double(digit.y) + 0.3 * tall, middle <= Double(digit.y) + 0.75 * tall,
      Double(digit.x - mark.maxX) <= 0.6 * tall
    else { return nil }
    return mark
  }
}
