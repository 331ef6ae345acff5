import GongkaiLayout

extension PageReader {
  /// A number's ink this share of the grid's typical number height or less has lost strokes.
  static let shortNumberShare = 0.8

  /// The sure numbers of one grid, and the unsure ones whose ink is short (not under one of
  /// `seals`), (row, cell, read again or `nil`: unread), that may have
  /// lost strokes lighter than the page's `level`, read again at lighter levels: grey print
  /// (its own Otsu level over its digits' box ``StreamTableFinder/cellLevelMargin`` or more
  /// lighter than the page's: dark fills pull the page's level down, and the diagonal of a
  /// 4 fell out, its stem read as 1 with confidence 70), read at its own level and a third of
  /// the way on to the paper; ink much shorter than the grid's typical number (the top of a
  /// grey 6 gone, its bowl read as 0 with confidence 74), a third of the way on to the paper.
  /// A read giving the same count vouches for the number. Otherwise the lighter reads are
  /// taken (unsure, the old read an alternative) when they agree, are sure and their ink is
  /// as tall as the grid's numbers: they saw more of the same glyph. Reads that only differ
  /// leave the cell unread (null with a finding): which number is printed cannot be told.
  /// `inks`: each cell's ink; `reads`: what was read.
  func lightRereads(
    _ inks: [[PixelRect]], _ reads: [[(number: NumberRead?, text: [PositionedCharacter])]], page: GreyBitmap,
    regions: [[PixelRect]], level: UInt8, paper: UInt8, speck: Int, seals: [Seal] = []
  ) -> [(row: Int, cell: Int, read: NumberRead?)] {
    var heights: [Int] = []
    for (row, cells) in reads.enumerated() {
      for (cell, read) in cells.enumerated() {
        guard let number = read.number else { continue }
        heights.append((number.ink ?? inks[row][cell]).height)
      }
    }
    // The typical height needs a few numbers to go by.
    let typical: Double? = heights.count >= 3 ? Double(heights.sorted()[heights.count / 2]) : nil
    func isDigitTall(_ height: Int) -> Bool {
      guard let typical else { return false }
      return Double(height) > Self.shortNumberShare * typical && Double(height) * Self.shortNumberShare < typical
    }
    var changed: [(row: Int, cell: Int, read: NumberRead?)] = []
    for (row, cells) in reads.enumerated() {
      for (cell, read) in cells.enumerated() {
        // Reads under a seal (their own ink box) are doubted by the seal checks already.
        guard var number = read.number, number.ink == nil else { continue }
        let ink = inks[row][cell]
        let isShort = typical.map { Double(ink.height) <= Self.shortNumberShare * $0 } ?? false
        // An unsure read is looked at again only when its ink is short: a piece of a glyph
        // that fell apart at the page's level (an arc of a grey 0 read as 11 with confidence
        // 60), not where a seal's ink may be what made it short.
        if number.isLowConfidence, !isShort || seals.contains(where: { $0.meets(regions[row][cell]) }) { continue }
        let own = Int(StreamTableFinder.level(of: page, in: ink.insetBy(-2).intersection(page.bounds)))
        let isGrey = own >= Int(level) + streamFinder.cellLevelMargin
        guard isGrey || isShort else { continue }
        let candidates =
          isGrey
          ? [own, StreamTableFinder.thirdTowardPaper(from: own, paper: Int(paper))]
          : [StreamTableFinder.thirdTowardPaper(from: Int(level), paper: Int(paper))]
        let sign = number.value.first.map { $0 == "-" || $0 == "+" } == true ? String(number.value.prefix(1)) : ""
        var again: [(read: NumberRead, box: PixelRect)] = []
        var fullerUnread = false
        for candidate in candidates where candidate < Int(paper) {
          let lighter = InkComponents(in: page, region: regions[row][cell], level: UInt8(candidate), minimumArea: speck)
          // Short ink: only ink that grew taller at the lighter level held more of the glyph.
          guard let box = lighter.union, isGrey || box.height > ink.height else { continue }
          guard var read = numbers.read(page, ink: box, level: UInt8(candidate)) else {
            fullerUnread = true
            continue
          }
          if read.value.first != "-", read.value.first != "+" { read.value = sign + read.value }
          again.append((read, box))
        }
        // A short glyph's fuller ink that reads as no number: the short read is doubtful. On
        // grey print a lighter level can join grey noise to the digits: that says nothing.
        if again.isEmpty, fullerUnread, !isGrey {
          number.isLowConfidence = true
          changed.append((row, cell, number))
          continue
        }
        // The same count however written (a 0 read as 00 is 0 to the core) vouches for the
        // read: at the lighter level grey noise can join a digit (0 read as 9).
        guard !again.isEmpty, !again.contains(where: { Self.sameCount($0.read.value, number.value) }) else { continue }
        if OCRTrace.enabled {
          OCRTrace.write(
            "lightread\t\(ink.x),\(ink.y)\t\(level)/\(own)\t\(number.value)\t"
              + again.map { "\($0.read.value)\($0.read.isLowConfidence ? "?" : "")@\($0.box.height)" }.joined(
                separator: ","))
        }
        // The grey glyphs, not binarised, of the tallest ink as tall as the grid's numbers (at
        // the lightest level grey noise can join the digits): a second opinion.
        let whole = again.map(\.box).filter { isDigitTall($0.height) }.max { $0.height < $1.height }
        let grey = numbers.greyRead(page, ink: whole ?? ink)
        let values = Set(again.map(\.read.value))
        let agreed: NumberRead? =
          if values.count == 1, let first = again.first, whole != nil,
            again.allSatisfy({ !$0.read.isLowConfidence }),
            grey.map({ Self.sameCount($0.value, first.read.value) }) ?? true
          {
            first.read
          } else if let grey,
            let match = again.first(where: { Self.sameCount($0.read.value, grey.value) && isDigitTall($0.box.height) })
          {
            match.read
          } else {
            nil
          }
        if OCRTrace.enabled {
          OCRTrace.write("lightgrey\t\(ink.x),\(ink.y)\t\(grey?.value ?? "-")\t\(agreed?.value ?? "unread")")
        }
        if let agreed {
          let value = agreed.value
          number.alternatives = [number.value] + number.alternatives.filter { $0 != value && $0 != number.value }
          number.value = value
          number.confidence = agreed.confidence
          number.isLowConfidence = true
          changed.append((row, cell, number))
        } else {
          changed.append((row, cell, nil))
        }
      }
    }
    return changed
  }

  /// Whether two numbers read have the same digits, their signs aside (-1 and 1 have).
  static func sameDigits(_ first: String, _ second: String) -> Bool {
    func unsigned(_ value: String) -> String {
      value.first == "-" || value.first == "+" ? String(value.dropFirst()) : value
    }
    return sameCount(unsigned(first), unsigned(second))
  }

  /// Whether two numbers read are the same count (00 and 0 are).
  static func sameCount(_ first: String, _ second: String) -> Bool {
    first == second || (Int(first) != nil && Int(first) == Int(second))
  }
}
