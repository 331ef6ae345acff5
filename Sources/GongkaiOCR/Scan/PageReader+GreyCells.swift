import GongkaiLayout

extension PageReader {
  /// What a grid value cell with grey print holds at its own level
  /// (``greyCellNumber(_:region:level:paper:speck:)``).
  enum GreyCellRead {
    /// A number, unsure, read from `ink` (page pixels).
    case number(NumberRead, ink: PixelRect)
    /// Digits that read as different numbers at the two levels: unread, in its own cell.
    case unread(ink: PixelRect)
  }

  /// The number in a grid cell that holds no number at the page's level, read at the cell's
  /// own level (Otsu over `region`, the cell inside its rules at the page's level) and a third of the way on to
  /// the paper, when that is ``StreamTableFinder/cellLevelMargin`` or more lighter than
  /// `level`. Dark fills (white-on-navy header rows) pull a page's level down, and thin grey
  /// print (AR PL UKai and UMing on a 200-dpi photocopy) falls apart there: a 4 as specks, a 0
  /// as two arcs, a whole row of table 三 left as nothing or one stray character.
  ///
  /// The number is always unsure: the page's level did not vouch for it. When the two levels
  /// read different numbers, which is printed cannot be told: unread. A level that reads no
  /// number (grey noise joined to the glyphs) says nothing either way. `nil` when neither
  /// level reads a number (or the cell's print is not lighter).
  /// At a lighter level a rule's blurred edge is ink too: the cell (`drawn`, its rules' centre
  /// lines) is cut inside its rules again at each level (`lead`, `reach`:
  /// ``InkComponents/insideRules(of:in:level:lead:reach:)``).
  func greyCellNumber(
    _ page: GreyBitmap, drawn: PixelRect, region: PixelRect, level: UInt8, paper: UInt8, speck: Int, lead: Int,
    reach: Int
  ) -> GreyCellRead? {
    let own = StreamTableFinder.level(of: page, in: region)
    guard Int(own) >= Int(level) + streamFinder.cellLevelMargin else { return nil }
    let lighter = StreamTableFinder.thirdTowardPaper(from: Int(own), paper: Int(paper))
    let tallest = Int((maximumDigitHeight * page.pixelsPerPoint).rounded())
    var reads: [(read: NumberRead?, ink: PixelRect)] = []
    for candidate in [Int(own), lighter] where candidate < Int(paper) {
      let inside = InkComponents.insideRules(
        of: drawn, in: page, level: UInt8(candidate), lead: lead, reach: reach)
      let ink = InkComponents(in: page, region: inside, level: UInt8(candidate), minimumArea: speck)
      guard let box = ink.union else { continue }
      // Ink that is no one line of digits at this level (a label's characters, noise joined
      // to the glyphs) says nothing.
      guard !Self.isSpeck(ink, pixelsPerPoint: page.pixelsPerPoint, minimumHeight: minimumDigitHeight),
        Self.lines(ink).count == 1, Self.looksNumeric(ink, maximumHeight: tallest)
      else {
        reads.append((nil, box))
        continue
      }
      let read = readNumber(page, ink: ink, level: UInt8(candidate)).map {
        restoringSign($0, digits: box, page: page, level: UInt8(candidate), paper: paper, speck: speck)
      }
      reads.append((read, box))
    }
    if OCRTrace.enabled {
      OCRTrace.write(
        "greycell\t\(region.x),\(region.y)\t\(level)/\(own)/\(lighter)\t"
          + reads.map { "\($0.read?.value ?? "-")@\($0.ink.x),\($0.ink.y) \($0.ink.width)x\($0.ink.height)" }
          .joined(separator: " "))
    }
    let numbers = reads.compactMap { read in read.read.map { ($0, read.ink) } }
    guard let (first, ink) = numbers.first else { return nil }
    // The same count however written (0 and 00) is one read.
    func count(_ value: String) -> Double? { Double(value) }
    guard
      numbers.allSatisfy({ $0.0.value == first.value || count($0.0.value).map { $0 == count(first.value) } == true })
    else { return .unread(ink: ink) }
    var unsure = first
    unsure.isLowConfidence = true
    return .number(unsure, ink: ink)
  }

  /// Whether a grid cell's read at the page's level (no number) may be grey digits that fell
  /// apart: nothing, digits the number reader did not confirm (an unread mark), or at most
  /// three characters with at most one Chinese character (a 0 read as 日, a 7 as 了), but no
  /// placeholder (— / 无 空), which is printed as it is.
  static func mayBeGreyDigits(_ text: [PositionedCharacter]) -> Bool {
    guard text.count <= 3, text.filter({ isHan($0.character) }).count <= 1 else { return false }
    let placeholders: Set<Character> = ["—", "-", "–", "/", "无", "空"]
    return !text.contains { placeholders.contains($0.character) }
  }
}
