import Foundation
import GongkaiLayout

/// A number cell read on a page, with where it is.
struct ReadNumberCell: Sendable {
  /// The cell's ink, in points of the straightened page.
  var box: PageRect
  /// What was read.
  var read: NumberRead
}

/// One scanned page read into positioned characters, ready for the layout step.
struct ReadPage: Sendable {
  /// The page's characters (from OCR) and ruling lines (from the image).
  var page: PositionedPage
  /// Every number cell of its tables.
  var numbers: [ReadNumberCell]
  /// The rotation taken out, in degrees.
  var skew: Double
  /// The boxes of the seals found over its tables and text, in points.
  var seals: [PageRect] = []
}

/// Reads one scanned page: straightens it, finds its table grids, reads every number cell
/// alone, label cells as short texts and the rest of the page as running text.
///
/// Holds its own engines: one reader per worker thread, never shared.
final class PageReader {
  let english: OCREngine
  let chinese: OCREngine
  let numbers: NumberReader
  /// Finds the page's turn and its ruled tables.
  var tableFinder = TableRuleFinder()
  /// Finds the rows of tables drawn without vertical rules.
  var streamFinder = StreamTableFinder()
  /// Finds grey seals over the running text (the signing date under a 公章).
  var sealFinder = SealFinder()
  /// A cell that is no number at the page's ink level is tried again at these fractions of
  /// it, which keep print and drop a red seal's lighter grey; such a read is marked unsure.
  var stampedInkFactors = [0.6, 0.35]
  /// A number whose ink comes this close (points) to a found seal's disc is unsure: the ring
  /// found may be its inner edge, and the ring's ink beside a digit is read into it.
  static let sealDoubtMargin = 6.0
  /// Digits taller than this (points) are not digits: a seal's ring joined to a glyph.
  var maximumDigitHeight = 20.0
  /// Ink shorter than this (points) is no digit: a 6-point digit stands 4 points tall.
  var minimumDigitHeight = 3.0
  /// Running text read beside a grid whose symbols are mostly shorter than this (points) is
  /// slivers of its frame, no text (``withoutFrameRemnants(_:painted:acrossPage:rowHeights:sliver:factor:)``).
  var frameSliverHeight = 5.0
  /// A grid cell less tall than this (points) holds no print: a line of 6-point type needs
  /// more. Such a sliver lies between a table's foot and the end of a column rule a seal's
  /// ring carried on below it; read, the foot rule's ink in it came out as a dash, a value
  /// after the table's last row that left that row unread.
  var minimumCellHeight = 6.0
  /// The tallest blob (points) taken into the box of digits read under a seal: a printed
  /// digit; a piece of the ring joined to one is taller.
  var maximumGlyphHeight = 12.0
  /// The white margin given to label cells, in pixels.
  var labelPadding = 16
  /// A grid at least this share of the page's width wide leaves only margins beside it: no
  /// running text is taken from its band of rows.
  var wideTableShare = 0.6
  /// The resolution running text is read at.
  var narrativeDPI = 200.0
  /// The resolution label cells are read at first.
  var labelDPI = 150.0
  /// Label reads less sure than this (lowest word confidence) are tried again at full size.
  var labelRetryConfidence = 70.0

  init(dataPath: String?) throws(OCRError) {
    english = try OCREngine(language: .english, dataPath: dataPath)
    chinese = try OCREngine(language: .chineseSimplified, dataPath: dataPath)
    numbers = NumberReader(english: english, chinese: chinese)
  }

  /// Reads `bitmap` as page `number`; `redInk` is the red ink taken out of it (a colour scan's
  /// red seal, as grey levels on white): the print its seals took is put back, and a seal as
  /// dark as print is doubted like a grey one (``SealFinder/redSeals(_:redInk:)``).
  func read(_ bitmap: GreyBitmap, redInk: GreyBitmap? = nil, number: Int) -> ReadPage {
    var bitmap = bitmap
    var redSeals: (all: [Seal], unsure: [Seal]) = ([], [])
    if let redInk {
      let found = sealFinder.redSeals(bitmap, redInk: redInk)
      (bitmap, redSeals) = (found.page, (found.seals, found.unsure))
      if OCRTrace.enabled {
        for seal in found.seals {
          OCRTrace.write(
            "seal\t\(number)\tred\t\(seal.box.x),\(seal.box.y) \(seal.box.width)x\(seal.box.height)\t\(seal.printLevel)"
          )
        }
      }
    }
    var table = tableFinder.find(in: bitmap)
    // A rule's end past the grid's outer edge by a sliver is no row (``trimmingOvershoots(_:)``).
    let trimmed = Self.trimmingOvershoots(table.rulings)
    if trimmed != table.rulings {
      table.rulings = trimmed
      table.grids = TableGrid.grids(from: trimmed)
    }
    // Seals over the tables, looked for on the whole page with its rules cleared (a grid is
    // painted out of the running text, where the signature's seal is looked for).
    // Red seals as dark as print were found before the page was straightened: turned with it.
    let turnedRedSeals = redSeals.unsure.map { Self.turning($0, clockwiseDegrees: table.skew, in: table.page) }
    let tableSeals =
      sealFinder.seals(
        in: streamFinder.clearingRules(table.rulings, from: table.page, level: table.level, paper: table.paper),
        level: table.level)
      + turnedRedSeals
    // Rules lost under a seal (its ink thick over a light rule) are drawn back in where the
    // grid has the edge, so the cells under it stay apart. Under any red seal too: its ring
    // beside a rule is taken for a glyph's strokes there and the rule's piece cut off
    // (``TableRuleFinder/droppingGlyphStrokes(_:crossing:page:paper:level:cornerReach:)``).
    // Every red seal also counts for a table without vertical rules: a value it took (its
    // print too faint to be put back, or joined to the seal's remains) is a gap or an unread
    // value in its column, not a missing value that moves the row's later values left.
    let turnedAllRedSeals = redSeals.all.map { Self.turning($0, clockwiseDegrees: table.skew, in: table.page) }
    let sealed = sealedRules(table, seals: tableSeals + turnedAllRedSeals)
    if !sealed.isEmpty {
      table.rulings += sealed
      table.grids = TableGrid.grids(from: table.rulings)
    }
    // Rules lost inside a cell (a header over the first row's number, two numbers side by
    // side) are drawn back in where the grid has the edge, so the reader and the layout step
    // split the cell alike.
    let lost = lostRules(
      in: table.grids, page: table.page, level: table.level, lightColumns: table.lightColumns)
    if !lost.isEmpty {
      table.rulings += lost
      table.grids = TableGrid.grids(from: table.rulings)
    }
    if OCRTrace.enabled {
      OCRTrace.write("skew\t\(number)\t\(table.skew)\tpaper \(table.paper)\tlevel \(table.level)")
      for line in table.lightColumns {
        OCRTrace.write(
          "lightcol\t\(number)\t\(Int(line.position.rounded()))\t\(Int(line.start.rounded()))-\(Int(line.end.rounded()))"
        )
      }
      for line in table.rulings {
        OCRTrace.write(
          "rule\t\(number)\t\(line.axis == .horizontal ? "h" : "v")\t\(Int(line.position.rounded()))\t\(Int(line.start.rounded()))-\(Int(line.end.rounded()))"
        )
      }
    }
    let (page, paper, level, skew, grids) = (table.page, table.paper, table.level, table.skew, table.grids)
    let scale = page.pixelsPerPoint

    var characters: [PositionedCharacter] = []
    var numberCells: [ReadNumberCell] = []
    // Specks: a few pixels at 300 dpi, scaled with the resolution; a decimal point is larger.
    let speck = max(2, Int((0.35 * scale) * (0.35 * scale)))
    // Cells are read inside their rules: from a little before the rule's centre line, the
    // rows and columns of the rule itself are skipped.
    let edge = -max(1, Int((0.5 * scale).rounded()))
    let lead = max(2, Int((1.5 * scale).rounded()))
    let reach = max(4, Int((3 * scale).rounded()))
    let inset = max(2, Int((1.5 * scale).rounded()))
    let tallestDigit = Int((maximumDigitHeight * scale).rounded())
    let doubtMargin = Int((Self.sealDoubtMargin * scale).rounded())
    // A number goes in as its digits spread over its ink, text as read; one under a seal is
    // unsure (read from `source`, the bitmap its cell was read from).
    func place(
      _ cell: (number: NumberRead?, text: [PositionedCharacter]), _ inkBox: PixelRect, on source: GreyBitmap,
      seals: [Seal]
    ) {
      if var read = cell.number {
        let ink = read.ink ?? inkBox
        // The ring found may run along its inner edge, and a digit just outside the margin
        // still takes in the ring's ink (0 read as 1 or 11 with high confidence).
        // A sign read before digits a seal meets may be a stroke of the seal's own ink (a
        // character of its text, red or not, left of a 2 read as -2): doubted, the number
        // without it one of its reads. A count is never negative; 本年增/减 can be.
        let signed = read.value.first == "-" || read.value.first == "+"
        let seal = seals.first(where: { $0.meets(ink, margin: doubtMargin) })
        if seal != nil || (signed && turnedAllRedSeals.contains(where: { $0.meets(ink, margin: doubtMargin) })) {
          read = Self.doubtingSign(
            doubtingUnderSeal(read, source, ink: ink, level: level, printLevel: seal?.printLevel, speck: speck))
        } else if read.isLowConfidence, read.ink == nil, !read.isGreyRead,
          let grey = numbers.greyRead(source, ink: ink),
          grey.confidence > read.confidence, !Self.sameDigits(grey.value, read.value)
        {
          // A doubted read (grey print a threshold broke: a light 59 read 39 at both digit
          // heights) whose grey glyphs, not binarised, read alike and surer as another number:
          // that number when it is one of the glyphs' reads, else the cell is unread (null with
          // a finding), which of the two is printed cannot be told. A sign is what the grey
          // read loses most (a thin minus): only the digits count.
          if OCRTrace.enabled {
            OCRTrace.write(
              "placegrey\t\(number)\t\(ink.x),\(ink.y)\t\(read.value)@\(Int(read.confidence))\t\(grey.value)@\(Int(grey.confidence))\t\(read.alternatives.joined(separator: ","))"
            )
          }
          guard let other = read.alternatives.first(where: { Self.sameDigits($0, grey.value) }) else {
            characters.append(Self.unreadMark(at: pageRect(ink, scale: scale)))
            return
          }
          read.alternatives = [read.value] + read.alternatives.filter { $0 != other }
          read.value = other
        }
        let box = pageRect(ink, scale: scale)
        if OCRTrace.enabled {
          OCRTrace.write(
            "number\t\(number)\t\(ink.x),\(ink.y) \(ink.width)x\(ink.height)\t\(read.value)\t\(read.confidence)\t\(read.isLowConfidence ? "unsure" : "sure")"
          )
        }
        numberCells.append(ReadNumberCell(box: box, read: read))
        characters += Self.spread(read.value, over: box)
      } else {
        characters += cell.text
      }
    }
    for grid in grids {
      if OCRTrace.enabled {
        let xs = grid.xs.map { String(Int($0.rounded())) }.joined(separator: ",")
        let ys = grid.ys.map { String(Int($0.rounded())) }.joined(separator: ",")
        let merged = grid.cells.filter { $0.bottom > $0.top || $0.right > $0.left }
          .map { "\($0.top)-\($0.bottom):\($0.left)-\($0.right)" }.joined(separator: " ")
        OCRTrace.write("grid\t\(number)\txs \(xs)\tys \(ys)\tcells \(grid.cells.count)\tmerged \(merged)")
      }
      // Each grid row's cells, read, then placed: a value cell that reads as no number is
      // left empty (``unreadValues``).
      var rows:
        [Int: [(
          ink: PixelRect, region: PixelRect, columns: ClosedRange<Int>,
          read: (number: NumberRead?, text: [PositionedCharacter])
        )]] = [:]
      // Cells under a seal read as nothing whose print (the ink darker than the seal's)
      // looks like digits, line by line: one mark per line, where an unread mark goes.
      var sealedDigits: [Int: [Int: [PixelRect]]] = [:]
      // Cells that hold no number at the page's level but may hold grey digits that fell apart
      // there: read again at their own level once the grid's value columns are known.
      var greyCells: [(top: Int, columns: ClosedRange<Int>, drawn: PixelRect, region: PixelRect)] = []
      // Cells of digits on lines that do not fill them: told once their rows are read.
      var wrapCandidates: [WrapCandidate] = []
      for cell in Self.owningCells(grid) where cell.rect.height >= minimumCellHeight {
        let drawn = pixelRect(cell.rect, scale: scale).insetBy(edge)
        let region = InkComponents.insideRules(
          of: drawn, in: page, level: level, lead: lead, reach: reach)
        guard !region.isEmpty else { continue }
        let ink = InkComponents(in: page, region: region, level: level, minimumArea: speck)
          .droppingEdgeSlivers(of: region)
        guard let inkBox = ink.union else { continue }
        // Ink shorter than any digit (a speck of photocopy noise or a rule's end on a small
        // grid) is nothing printed: read alone it came out as 1 with fair confidence, a
        // label's value that moved the row's values (行政处罚's 392 lost, 23 taken from below).
        guard !Self.isSpeck(ink, pixelsPerPoint: scale, minimumHeight: minimumDigitHeight) else {
          if cell.bottom == cell.top { greyCells.append((cell.top, cell.left...cell.right, drawn, region)) }
          continue
        }
        // Digits on several lines: a number wrapped in its narrow cell (158 over 6), or the
        // numbers of rows whose rule between was lost (read as one number: 0 over 16 as 1166).
        let lines = Self.lines(ink)
        let digitLines = lines.count > 1 && lines.allSatisfy({ Self.looksNumeric($0, maximumHeight: tallestDigit) })
        var read: (number: NumberRead?, text: [PositionedCharacter]) =
          digitLines
          ? (wrappedNumber(page, lines: lines, width: region.width, level: level), [])
          : readCell(page, ink: ink, region: region, level: level, paper: paper, speck: speck)
        if digitLines, read.number == nil, cell.bottom == cell.top {
          wrapCandidates.append(WrapCandidate(top: cell.top, columns: cell.left...cell.right, lines: lines))
        }
        if OCRTrace.enabled, read.number == nil {
          OCRTrace.write(
            "gridtext\t\(number)\t\(region.x),\(region.y)\t\(String(read.text.map(\.character)))\t\(Self.mayBeGreyDigits(read.text))"
          )
        }
        if read.number == nil, cell.bottom == cell.top, Self.mayBeGreyDigits(read.text),
          !tableSeals.contains(where: { $0.meets(region) })
        {
          greyCells.append((cell.top, cell.left...cell.right, drawn, region))
        }
        // A number of several lines in a cell over several grid rows: the rules between the
        // rows were lost (a light rule on a 200-dpi scan) and each line is another row's value
        // (1, 0 and 15 read as 1015). Which line is whose cannot be told here: no number.
        if cell.bottom > cell.top, read.number != nil, lines.count > 1 { read = (nil, []) }
        // Under a seal, the print darker than the seal's ink: one line of it that reads as a
        // number alone is taken, unsure (the tables' arithmetic may leave it null), whatever
        // the ring read as with it (35 with an arc beside it read as Mas5); more lines, or no
        // number, and nothing else read, the cell is unread.
        if read.number == nil,
          let under = printedDigitsUnderSeal(page, region: region, seals: tableSeals, speck: speck)
        {
          if under.lines.count == 1, let printed = under.lines.first,
            var number = unsurePlainNumber(page, ink: printed, level: under.printLevel)
          {
            number.ink = printed
            read = (number, [])
          } else if read.text.isEmpty {
            sealedDigits[cell.top, default: [:]][rows[cell.top, default: []].count] = under.lines
          }
        }
        // A label under a seal: the seal's characters and ring read with it (a whole label
        // read as 人), so the row's values had no row of the form. Read again with the
        // seal's lighter ink gone, it is kept when it holds more of the label's characters.
        if read.number == nil, !read.text.isEmpty, let seal = tableSeals.first(where: { $0.meets(region) }),
          let relabelled = labelUnderSeal(page, seal: seal, region: region, level: level, paper: paper, speck: speck),
          Self.holdsMoreOfLabel(relabelled, than: read.text)
        {
          read = (nil, relabelled)
        }
        // A cell that is no rectangle: where its numbers and those of the cells inside it
        // (read with it) may come out in another order, they are unread (null with a finding).
        let inside = Self.cellsInside(cell, of: grid)
        if !inside.isEmpty {
          if read.number != nil {
            let box = pageRect(inkBox, scale: scale)
            if !inside.contains(where: { $0.contains(x: box.midX, y: box.midY) }) {
              read = (nil, [Self.unreadMark(at: box)])
            }
          } else if Self.mayComeOutOfOrder(read.text, inside: inside) {
            read.text = Self.markingNumbers(in: read.text)
          }
        }
        rows[cell.top, default: []].append((inkBox, region, cell.left...cell.right, read))
      }
      // A cell less tall than the grid's digits (a row a page break cut to a sliver, the ends
      // of its column rules in it) holds no whole glyph: a rule's stub read there as 1, a
      // value on a line of its own after the table's last row, left that row unread.
      let digitHeights = rows.values.flatMap { $0 }.compactMap { $0.read.number == nil ? nil : $0.ink.height }.sorted()
      if !digitHeights.isEmpty {
        let typical = digitHeights[digitHeights.count / 2]
        for (top, cells) in rows {
          let kept = cells.filter { $0.region.height * 5 >= typical * 4 }
          rows[top] = kept.isEmpty ? nil : kept
        }
        greyCells.removeAll { $0.region.height * 5 < typical * 4 }
      }
      // Full-width digits wrap in a narrow cell with room to spare (5 over 4 in a cell three
      // digits wide): a number when a single number beside it stands between its lines.
      for candidate in wrapCandidates {
        guard let cells = rows[candidate.top], let index = cells.firstIndex(where: { $0.columns == candidate.columns }),
          Self.standsBesideOneLine(
            candidate.lines, row: cells.map { ($0.ink, $0.read.number) }, tallestDigit: tallestDigit),
          let joined = joinedNumber(page, lines: candidate.lines, level: level)
        else { continue }
        if OCRTrace.enabled {
          OCRTrace.write("wrapped\t\(number)\t\(cells[index].ink.x),\(cells[index].ink.y)\t\(joined.value)")
        }
        rows[candidate.top]?[index].read = (joined, [])
        greyCells.removeAll { $0.top == candidate.top && $0.columns == candidate.columns }
      }
      // A value cell (right of the grid's first column of numbers, or right of a label read in
      // its own row: labels stand left of the values) whose grey print fell apart at the page's
      // level is read at its own level, in its own row and column; digits that read as two
      // numbers there are unread. (Where dark header bands pull the page's level down, a whole
      // table's grey digits may fall apart but its total column's: the labels still read.)
      let firstValueColumn = rows.values.flatMap { $0 }.filter { $0.read.number != nil }
        .map(\.columns.lowerBound).min()
      func rightOfLabel(_ grey: (top: Int, columns: ClosedRange<Int>, drawn: PixelRect, region: PixelRect)) -> Bool {
        rows[grey.top]?.contains { cell in
          cell.columns.upperBound < grey.columns.lowerBound
            && cell.read.text.filter { Self.isHan($0.character) }.count >= 2
        } == true
      }
      for grey in greyCells
      where firstValueColumn.map({ grey.columns.lowerBound >= $0 }) == true || rightOfLabel(grey) {
        guard
          let found = greyCellNumber(
            page, drawn: grey.drawn, region: grey.region, level: level, paper: paper, speck: speck, lead: lead,
            reach: reach)
        else { continue }
        let entry: (ink: PixelRect, read: (number: NumberRead?, text: [PositionedCharacter]))
        switch found {
        case .number(let read, let ink): entry = (ink, (read, []))
        case .unread(let ink): entry = (ink, (nil, [Self.unreadMark(at: pageRect(ink, scale: scale))]))
        }
        var cells = rows[grey.top, default: []]
        if let index = cells.firstIndex(where: { $0.columns == grey.columns }) {
          cells[index].ink = entry.ink
          cells[index].read = entry.read
        } else {
          let index = cells.firstIndex(where: { $0.columns.lowerBound > grey.columns.lowerBound }) ?? cells.count
          cells.insert((entry.ink, grey.region, grey.columns, entry.read), at: index)
        }
        rows[grey.top] = cells
      }
      let tops = rows.keys.sorted()
      let ordered = tops.compactMap { rows[$0] }
      var reads = ordered.map { $0.map(\.read) }
      // A label's ink the digit-shape test let through (2.重复申请 in a sans face, its
      // characters a little narrower than tall, read as 28228): a number left of every
      // column the nearby rows' numbers stand in is no value. Left a number, the row went out
      // with no label and eight values, and two rows were null with false `missing` errors.
      for (row, cell) in Self.labelCellNumbers(
        ordered.map { $0.map { Optional($0.ink) } }, numbers: reads.map { $0.map { $0.number != nil } })
      {
        let ink = ordered[row][cell].ink
        let mode: OCREngine.Mode = ink.width * 10 <= ink.height * 13 ? .singleCharacter : .singleLine
        reads[row][cell] = (nil, readText(page, ink: ink, paper: paper, scale: scale, mode: mode))
      }
      // A value cell that reads as no number is unread: null with a finding in its own
      // cell, not a blank (a `placeholder`) — the page prints something there.
      let sealed = tops.map { top in sealedDigits[top] ?? [:] }
      for (row, cell) in Self.unreadGridCells(
        ordered.map { $0.map(\.columns) }, reads, sealed: sealed.map { Set($0.keys) })
      {
        let marks = sealed[row][cell] ?? [ordered[row][cell].ink]
        reads[row][cell] = (nil, marks.map { Self.unreadMark(at: pageRect($0, scale: scale)) })
      }
      // A sure number of grey print (its own level far lighter than the page's) or whose ink
      // is much shorter than the grid's other numbers may have lost strokes lighter than the
      // page's level (the top of a grey 6, its bowl read as 0; the diagonal of a 4, its stem
      // read as 1): read again at lighter levels, a fuller glyph's agreeing sure reads are
      // taken (unsure), reads that only disagree leave the cell unread (null with a finding).
      for (row, cell, read) in lightRereads(
        ordered.map { $0.map(\.ink) }, reads, page: page, regions: ordered.map { $0.map(\.region) }, level: level,
        paper: paper, speck: speck, seals: tableSeals)
      {
        if let read {
          reads[row][cell].number = read
        } else {
          reads[row][cell] = (nil, [Self.unreadMark(at: pageRect(ordered[row][cell].ink, scale: scale))])
        }
      }
      // Text under a seal where other rows' numbers stand (its ink over theirs): the seal's
      // characters or the print it covered read as text (naTRAN, xl), where rules under the
      // seal were lost and the cell spans other grid columns than the numbers'.
      let inks = ordered.map { $0.map { Optional($0.ink) } }
      for (row, cell) in Self.unreadValues(inks, reads, blankIsUnread: false)
      where !reads[row][cell].text.contains(where: { $0.character == "\u{FFFD}" })
        && tableSeals.contains(where: { $0.meets(ordered[row][cell].ink) })
      {
        reads[row][cell] = (nil, [Self.unreadMark(at: pageRect(ordered[row][cell].ink, scale: scale))])
      }
      for (cells, read) in zip(ordered, reads) {
        for (cell, read) in zip(cells, read) { place(read, cell.ink, on: page, seals: tableSeals) }
      }
    }

    // Running text: the page with its tables painted over, read as one block.
    let tables = grids.map { pixelRect($0.box, scale: scale).insetBy(-inset) }
    let rowHeights = grids.map { grid in
      zip(grid.ys.dropFirst(), grid.ys).map { ($0 - $1) * scale }.min() ?? 0
    }
    var rest = page.painting(tables, value: paper)
    // Page numbers such as —3— are painted out too: read alone they come out as a Chinese
    // character that the layout step cannot tell from text.
    let pageNumbers = PageNumberFinder().find(in: rest, level: level, minimumArea: speck)
    rest = rest.painting(pageNumbers, value: paper)
    // Tables without vertical rules (horizontal rules only, three-line, none): their rows,
    // read cell by cell like a grid's, then painted out of the running text.
    var streamed: [PixelRect] = []
    var unruled = streamFinder.clearingRules(table.rulings, from: rest, level: level, paper: paper)
    // A seal over the running text (the signature and its date) or over a table without
    // vertical rules: its lighter ink goes, the print under it is read alone. Looked for with
    // the rules cleared: a ring crossing a table's rules is one blob with them, no ring.
    let seals = sealFinder.seals(in: unruled, level: level) + turnedRedSeals
    // A seal over a grid reaches past it: its ring outside the grid read as running text
    // came out as a dash or a bracket, a value in table 四 (16 values for 15 cells).
    let beyond = tableSeals.filter { table in !seals.contains { !$0.box.intersection(table.box).isEmpty } }
    if OCRTrace.enabled {
      for (kind, found) in [("table", tableSeals), ("text", seals)] {
        for seal in found {
          OCRTrace.write(
            "seal\t\(number)\t\(kind)\t\(seal.box.x),\(seal.box.y) \(seal.box.width)x\(seal.box.height)\t\(seal.printLevel)"
          )
        }
      }
    }
    // The seal's lighter ink is dropped, and with it print as light (thin strokes of a
    // copied serif 23 as grey as the ring): such a cell is read again from the page as it was.
    let withSeals = unruled
    let dropped = seals + beyond
    for seal in dropped {
      unruled = unruled.droppingInk(of: seal, paper: paper)
    }
    let rows = streamFinder.rows(in: unruled, level: level, minimumArea: speck)
    var reads: [[(number: NumberRead?, text: [PositionedCharacter])]] = rows.map { row in
      row.cells.indices.map { cell in
        let cellLevel = row.levels.indices.contains(cell) ? row.levels[cell] : level
        var read = readStreamCell(
          unruled, ink: row.cells[cell], isNumber: row.numeric[cell], numbersInLine: row.numeric.filter { $0 }.count,
          level: cellLevel, paper: paper, speck: speck, inset: inset)
        // Grey print read at its cell's own level (lighter than the page's): a faint stroke
        // may still fall out at that level (the diagonal of a 4, 40 read as 10 with
        // confidence 94, 1 at the page's level). Read again at the page's level and a third
        // of the way on to the paper; unless all agree the grey glyphs, not binarised, are
        // read too: the number is kept unsure when they give it, the grey read is taken
        // (unsure) when it is one of the level reads, and else the cell is unread (null with
        // a finding): reads that only disagree cannot tell which number is printed.
        if cellLevel != level, var number = read.number, !number.isLowConfidence, let box = row.cells[cell].union {
          let lighter = UInt8(StreamTableFinder.thirdTowardPaper(from: Int(cellLevel), paper: Int(paper)))
          // At the page's level, the box of the ink that level holds (the 4's stem alone).
          let dark = InkComponents(in: unruled, region: box, level: level, minimumArea: speck).union ?? box
          let others = [(level, dark), (lighter, box)].map {
            numbers.read(unruled, ink: $0.1, level: $0.0)?.value
          }
          // No read at a level (the page's lost the grey print), the same count written
          // otherwise (00) or without its sign (a thin minus lost at the lighter level: -1
          // read 1) only makes the number unsure; other digits read ask the grey.
          let differing = others.contains { $0.map { !Self.sameDigits($0, number.value) } ?? false }
          if !others.allSatisfy({ $0 == number.value }), !differing {
            number.isLowConfidence = true
            read.number = number
          } else if differing {
            // The rules are cleared from `unruled`: the glyphs' surroundings are paper or
            // their own faint strokes (a 4's diagonal left out of the box: 40 read 10).
            let grey = numbers.greyRead(unruled, ink: box, withSurroundings: true)
            if OCRTrace.enabled {
              OCRTrace.write(
                "streamgrey\t\(box.x),\(box.y)\t\(number.value)\t\(others.map { $0 ?? "-" }.joined(separator: ","))\t\(grey?.value ?? "-")"
              )
            }
            // Silent grey glyphs with the lighter level agreeing: only the page's level, where
            // grey print loses strokes, differs (a 5 read 3), unsure as the grid's agreeing reads.
            let lighterAgrees = others[1].map { Self.sameDigits($0, number.value) } ?? false
            if let grey, Self.sameCount(grey.value, number.value) {
              number.isLowConfidence = true
              read.number = number
            } else if grey == nil, lighterAgrees {
              number.isLowConfidence = true
              read.number = number
            } else if let grey, others.contains(where: { $0.map { Self.sameCount($0, grey.value) } ?? false }) {
              number.alternatives = [number.value]
              number.value = grey.value
              number.confidence = grey.confidence
              number.isLowConfidence = true
              read.number = number
            } else {
              read = (nil, [Self.unreadMark(at: pageRect(box, scale: scale))])
            }
          }
        }
        if read.number == nil, let box = row.cells[cell].union,
          dropped.contains(where: { $0.meets(box) }),
          let number = numberReadWithSeal(withSeals, box: box, level: level, speck: speck, pad: 2 * inset)
        {
          read = (number, [])
        }
        return read
      }
    }
    // Numbers left of every column the nearby rows' numbers stand in are a label's
    // characters read as digits (理 as 1, 申请 as 15 on a label's second line): as values
    // they gave the row above more values than the form has columns. Read as text. So is a
    // row's one number left of those columns before its values there: a label whose
    // characters the shape test let through (2.重复申请 on a blurred copy, each character one
    // blob, read 2.4919), as in a grid (``labelCellNumbers``).
    // Only rows of the label's own run of table lines count there: table 三's columns above
    // table 四's heading are no columns of table 四 (whose 101 wraps as 10 over 1 left of them),
    // nor are they columns of table 二 above its heading (行政许可's 1312 in a column of its own).
    let cellBoxes = rows.map { $0.cells.map(\.union) }
    let readNumbers = reads.map { $0.map { $0.number != nil } }
    var labelCells: [(row: Int, cell: Int)] = []
    for run in Set(rows.map(\.run)) {
      let members = rows.indices.filter { rows[$0].run == run }
      let boxes = members.map { cellBoxes[$0] }
      let numbers = members.map { readNumbers[$0] }
      labelCells += Self.labelNumbers(boxes, numbers: numbers).map { (members[$0.row], $0.cell) }
      // The line's first cell only: after a label's text a number is a value, though the
      // nearby rows (some under a seal) show no number in its column.
      labelCells += Self.labelCellNumbers(boxes, numbers: numbers)
        .filter { $0.cell == 0 }.map { (members[$0.row], $0.cell) }
    }
    for (row, cell) in labelCells {
      guard let ink = rows[row].cells[cell].union else { continue }
      let mode: OCREngine.Mode = ink.width * 10 <= ink.height * 13 ? .singleCharacter : .singleLine
      reads[row][cell] = (nil, readText(unruled, ink: ink, paper: paper, scale: scale, mode: mode))
    }
    // An unsure number much shorter than its row's sure ones is a piece of its digits (a 0
    // under a seal's ring, the ring's ink gone with its strokes, read as 1): unread.
    for (row, cell) in Self.shortUnsureNumbers(rows.map { $0.cells.map(\.union) }, reads) {
      guard let ink = rows[row].cells[cell].union else { continue }
      if OCRTrace.enabled { OCRTrace.write("shortunsure\t\(ink.x),\(ink.y) \(ink.width)x\(ink.height)") }
      reads[row][cell] = (nil, [Self.unreadMark(at: pageRect(ink, scale: scale))])
    }
    // So is any number much shorter than the sure numbers of its run of table lines: the
    // piece of a light number the page's level kept (49's last stroke read 1, sure).
    for (row, cell) in Self.shortNumbersInRuns(
      rows.map { $0.cells.map(\.union) }, reads, runs: rows.map(\.run), shortestDigit: Self.shortestDigit * scale)
    {
      guard let ink = rows[row].cells[cell].union else { continue }
      if OCRTrace.enabled { OCRTrace.write("shortinrun\t\(ink.x),\(ink.y) \(ink.width)x\(ink.height)") }
      reads[row][cell] = (nil, [Self.unreadMark(at: pageRect(ink, scale: scale))])
    }
    // A value cell that reads as no number (7 as 了, digits under a seal as （0） or U) is
    // marked unread: null with a finding in its own column (``unreadValues``).
    let streamSeals = seals + tableSeals + turnedAllRedSeals
    for (row, cell) in Self.unreadValues(rows.map { $0.cells.map(\.union) }, reads, seals: streamSeals) {
      guard let ink = rows[row].cells[cell].union else { continue }
      reads[row][cell] = (nil, [Self.unreadMark(at: pageRect(ink, scale: scale))])
    }
    // A cell shaped like a number in a row of numbers that reads as a stray character (a grey
    // 0 read as 日) is unread too, though no other row shows its column: left as text, table
    // 四's single value row went out as running text, and a stray 1 from the header band
    // above became its first value (every value one cell on).
    let labelled = Set(labelCells.map { "\($0.row),\($0.cell)" })
    for (row, cell) in Self.strayNumberCells(
      numeric: rows.map(\.numeric), boxes: rows.map { $0.cells.map(\.union) }, reads, runs: rows.map(\.run))
    where !labelled.contains("\(row),\(cell)") {
      guard let ink = rows[row].cells[cell].union else { continue }
      reads[row][cell] = (nil, [Self.unreadMark(at: pageRect(ink, scale: scale))])
    }
    // Text under a seal after a row's first value is the seal's own (a character of its ring
    // read as 人 or 内), or print it covered: no label follows a value. As text it joined the
    // row's label and moved the values after it; unread it holds its column.
    for (row, cell) in Self.sealTextCells(
      reads, boxes: rows.map { $0.cells.map(\.union) },
      meetsSeal: rows.map {
        $0.cells.map { $0.union.map { ink in streamSeals.contains { $0.meets(ink) } } ?? false }
      })
    {
      guard let ink = rows[row].cells[cell].union else { continue }
      reads[row][cell] = (nil, [Self.unreadMark(at: pageRect(ink, scale: scale))])
    }
    // A number wrapped in a narrow column (14 over 3) is one number, pieces top to bottom,
    // placed in its row; its pieces leave their lines.
    var placedAt: [Int: [Int: PixelRect]] = [:]
    var joinedLines: Set<Int> = []
    for join in StreamTableFinder.wrappedPieces(rows) {
      let pieces = join.pieces.compactMap { reads[$0.row][$0.cell].number }
      guard pieces.count == join.pieces.count, let first = join.pieces.first else { continue }
      var joined = pieces[0]
      joined.value = pieces.map(\.value).joined()
      guard Self.isPlainNumber(joined.value) else { continue }
      joined.isLowConfidence = join.isUnsure || pieces.contains(where: \.isLowConfidence)
      joined.confidence = pieces.map(\.confidence).min() ?? 0
      joined.alternatives = []
      for piece in join.pieces { reads[piece.row][piece.cell] = (nil, []) }
      let home = join.isUnsure ? join.pieces[1] : first
      reads[home.row][home.cell] = (joined, [])
      placedAt[home.row, default: [:]][home.cell] = join.box
      joinedLines.formUnion(join.pieces.map(\.row))
    }
    // A lone piece no join took (``StreamTableFinder/Row/isLonePiece``): the number its
    // column holds on the nearest number line is missing a piece, so it is unread, and the
    // piece stands for nothing alone.
    for piece in rows.indices where rows[piece].isLonePiece && !joinedLines.contains(piece) {
      guard let box = rows[piece].cells.first?.union else { continue }
      reads[piece] = reads[piece].map { _ in (nil, []) }
      let nearest = rows.indices.filter { other in
        other != piece && !rows[other].isLonePiece && rows[other].run == rows[piece].run
          && rows[other].cells.indices.contains { cell in
            rows[other].numeric[cell] && (rows[other].cells[cell].union.map { Self.overlapsAcross(box, $0) } ?? false)
          }
      }.min {
        StreamTableFinder.gap(rows[$0].band, rows[piece].band) < StreamTableFinder.gap(rows[$1].band, rows[piece].band)
      }
      // Only a number line the piece touches (as the stream finder kept it) lost a piece to it;
      // a far line's number in the same column (a label's ordinal rows away) is whole.
      let pieceHeight = rows[piece].band.maxY - rows[piece].band.y
      guard let nearest, StreamTableFinder.gap(rows[nearest].band, rows[piece].band) * 4 <= pieceHeight else {
        continue
      }
      for cell in rows[nearest].cells.indices where rows[nearest].numeric[cell] {
        guard let ink = rows[nearest].cells[cell].union, Self.overlapsAcross(box, ink) else { continue }
        reads[nearest][cell] = (nil, [Self.unreadMark(at: pageRect(ink, scale: scale))])
      }
    }
    for (rowIndex, (row, cells)) in zip(rows, reads).enumerated() {
      for (cellIndex, (ink, cell)) in zip(row.cells, cells).enumerated() {
        guard let inkBox = ink.union else { continue }
        place(cell, placedAt[rowIndex]?[cellIndex] ?? inkBox, on: unruled, seals: seals + tableSeals)
        streamed.append(inkBox.insetBy(-inset))
      }
    }
    // Values a seal took with its ink: marked unread in their columns.
    let gaps = Self.gapsUnderSeals(
      zip(rows, reads).map { row, cells in (row.cells.map(\.union), cells.map { $0.number != nil }) },
      occupied: rows.flatMap { $0.cells.compactMap(\.union) } + placedAt.values.flatMap(\.values),
      seals: streamSeals)
    characters += gaps.map { Self.unreadMark(at: pageRect($0, scale: scale)) }
    rest = unruled.painting(streamed, value: paper)
    let narrativeFactor = min(1, narrativeDPI / page.dpi)
    let text = chinese.recognize(rest.scaled(by: narrativeFactor), mode: .block)
    let recognized = Self.widenedCollapsedSymbols(text.symbols)
    let ordered = Self.inReadingOrder(
      Self.outsideStreamRows(
        rows.map(\.band), gaps: Self.streamRunAreas(rows),
        outside(
          tables, recognized, factor: narrativeFactor, width: page.width, rowHeights: rowHeights,
          sliver: frameSliverHeight * scale),
        factor: narrativeFactor))
    let symbols = restoringSigns(
      checkingDigitsUnderSeals(
        ordered, seals: seals,
        in: rest,
        factor: narrativeFactor, paper: paper),
      in: rest, factor: narrativeFactor, level: level, paper: paper, minimumArea: speck)
    if OCRTrace.enabled {
      for symbol in recognized {
        let kept = symbols.contains {
          $0.text == symbol.text && $0.box.y == symbol.box.y && $0.box.height == symbol.box.height
        }
        OCRTrace.write(
          "textsym\t\(number)\t\(Double(symbol.box.x) / narrativeFactor),\(Double(symbol.box.y) / narrativeFactor) \(Double(symbol.box.width) / narrativeFactor)x\(Double(symbol.box.height) / narrativeFactor)\t\(symbol.text)\t\(Int(symbol.confidence))\t\(kept ? "kept" : "-")"
        )
      }
    }
    characters += symbols.flatMap { symbol in
      Self.characters(symbol, scale: scale) { x, y in (x / narrativeFactor, y / narrativeFactor) }
    }

    let positioned = PositionedPage(
      number: number, width: Double(page.width) / scale, height: Double(page.height) / scale,
      characters: characters, rulings: table.tableRulings)
    return ReadPage(
      page: positioned, numbers: numberCells, skew: skew,
      seals: (seals + tableSeals).map { pageRect($0.box, scale: scale) })
  }

  /// `seal`, found on the page before it was turned by `degrees` clockwise about its middle
  /// (``GreyBitmap/rotated(clockwiseDegrees:background:)``), where it lies on `page`, the turned
  /// page: its box moved with its centre (a ring's box is the same turned).
  static func turning(_ seal: Seal, clockwiseDegrees degrees: Double, in page: GreyBitmap) -> Seal {
    guard degrees != 0 else { return seal }
    let radians = degrees * .pi / 180
    let (cx, cy) = (Double(page.width - 1) / 2, Double(page.height - 1) / 2)
    let (sx, sy) = (Double(seal.box.x) + Double(seal.box.width) / 2, Double(seal.box.y) + Double(seal.box.height) / 2)
    let x = cx + (sx - cx) * cos(radians) - (sy - cy) * sin(radians)
    let y = cy + (sx - cx) * sin(radians) + (sy - cy) * cos(radians)
    var turned = seal
    turned.box = PixelRect(
      x: Int((x - Double(seal.box.width) / 2).rounded()), y: Int((y - Double(seal.box.height) / 2).rounded()),
      width: seal.box.width, height: seal.box.height)
    return turned
  }

  /// Where a row of a table without vertical rules lacks a value under a seal: the seal's
  /// ink went with the print it covered, so no cell was found there and the row's later
  /// values would fill it (or its last cells were left `missing`, with no reason). A place is
  /// a column that numbers of `minimumRows` nearby rows stand in (the `neighbours` number
  /// rows above and below), right of the row's first cell (its label), where the row has no
  /// cell and the seal's disc lies, and no ink of any row (`occupied`: a number wrapped over
  /// two lines is another row's cells, a row two lines tall reaches into the next); it is
  /// marked unread (null with an `ocr_low_confidence` finding). Rows with fewer than two
  /// numbers are no table rows, and a row with a number off the nearby rows' columns is
  /// another table's.
  static func gapsUnderSeals(
    _ rows: [(cells: [PixelRect?], numbers: [Bool])], occupied: [PixelRect], seals: [Seal], neighbours: Int = 3,
    minimumRows: Int = 2
  ) -> [PixelRect] {
    guard !seals.isEmpty else { return [] }
    let cells = rows.map(\.cells)
    let numbers = rows.map(\.numbers)
    var gaps: [PixelRect] = []
    for row in rows.indices where numbers[row].filter({ $0 }).count >= 2 {
      let values = zip(rows[row].cells, rows[row].numbers).compactMap { $1 ? $0 : nil }
      guard let first = rows[row].cells.first ?? nil, let top = values.map(\.y).min(),
        let bottom = values.map(\.maxY).max()
      else { continue }
      let supported = nearbyColumns(
        cells, numbers: numbers, of: row, neighbours: neighbours, minimumRows: minimumRows)
      // The row is one of theirs only when each of its numbers stands in one of their columns
      // (table 四's row of fifteen under table 三's seven columns is not).
      guard values.allSatisfy({ value in supported.contains { $0.low < value.maxX && value.x < $0.high } })
      else { continue }
      for column in supported where column.low > first.maxX {
        let taken = rows[row].cells.contains { cell in
          guard let cell else { return false }
          return cell.x < column.high && column.low < cell.maxX
        }
        let gap = PixelRect(x: column.low, y: top, width: column.high - column.low, height: bottom - top)
        guard !taken, seals.contains(where: { $0.meets(gap) }),
          !occupied.contains(where: { !$0.intersection(gap).isEmpty })
        else { continue }
        gaps.append(gap)
      }
    }
    return gaps
  }

  /// The text cells (row, cell) that meet a seal (`meetsSeal`) and stand after a value (a
  /// number or a cell already marked unread) in a row of two numbers or more, whose text is
  /// no value (``isUnreadValue(_:)``: a placeholder or unit is one): labels come before a
  /// row's values, so this is the seal's ink or print it covered.
  ///
  /// Only where the row then holds as many values (numbers and unread marks) as `columns`
  /// (for each row, the columns any nearby row's numbers stand in: the seal took numbers of
  /// the rows around too): with one short, the parser would move the values after a gap
  /// the seal's ink left before the first one.
  static func textAfterValues(
    _ reads: [[(number: NumberRead?, text: [PositionedCharacter])]], meetsSeal: [[Bool]], columns: [Int]
  ) -> [(row: Int, cell: Int)] {
    let candidates = sealTextAfterValues(reads, meetsSeal: meetsSeal)
    var found: [(row: Int, cell: Int)] = []
    for (row, cells) in reads.enumerated() where cells.filter({ $0.number != nil }).count >= 2 {
      let seal = cells.indices.filter { candidates[row][$0] }.map { (row: row, cell: $0) }
      let values = cells.filter { $0.number != nil || isUnreadMark($0) }.count
      guard !seal.isEmpty, values + seal.count == columns[row] else { continue }
      found += seal
    }
    return found
  }

  /// Whether a cell's read is the mark of a value left unread (``unreadMark(at:)``).
  static func isUnreadMark(_ read: (number: NumberRead?, text: [PositionedCharacter])) -> Bool {
    read.number == nil && read.text.contains { $0.character == "\u{FFFD}" }
  }

  /// The cells (row, cell) of text under a seal after a row's first value
  /// (``textAfterValues(_:meetsSeal:columns:)``), the columns counted from the numbers of the
  /// rows around (`boxes`: each row's cells' ink), or from their numbers and such text: at
  /// the top of a page, where a table goes on, the one row below may have its value under
  /// the seal read as text too (20 with the ring as 2人), and its numbers alone gave a
  /// column too few.
  static func sealTextCells(
    _ reads: [[(number: NumberRead?, text: [PositionedCharacter])]], boxes: [[PixelRect?]], meetsSeal: [[Bool]]
  ) -> [(row: Int, cell: Int)] {
    let sealText = sealTextAfterValues(reads, meetsSeal: meetsSeal)
    let isNumber = reads.map { $0.map { $0.number != nil } }
    let isValue = reads.indices.map { row in reads[row].indices.map { isNumber[row][$0] || sealText[row][$0] } }
    // With the seal's text, only rows of as many cells count (the same table's): table 四's
    // row of fifteen below table 三's last rows is another table.
    let sameShape = reads.indices.map { row in
      nearbyColumns(
        boxes,
        numbers: isValue.indices.map {
          reads[$0].count == reads[row].count ? isValue[$0] : isValue[$0].map { _ in false }
        },
        of: row, minimumRows: 1
      ).count
    }
    var found: [(row: Int, cell: Int)] = []
    for columns in [
      reads.indices.map { nearbyColumns(boxes, numbers: isNumber, of: $0, minimumRows: 1).count }, sameShape,
    ] {
      for item in textAfterValues(reads, meetsSeal: meetsSeal, columns: columns)
      where !found.contains(where: { $0 == item }) {
        found.append(item)
      }
    }
    return found
  }

  /// The cells of ``textAfterValues(_:meetsSeal:columns:)``'s test before the count of
  /// columns: text that is no value, meeting a seal, after a row's first value (a number or
  /// an unread mark), in a row of two numbers or more.
  static func sealTextAfterValues(
    _ reads: [[(number: NumberRead?, text: [PositionedCharacter])]], meetsSeal: [[Bool]]
  ) -> [[Bool]] {
    return reads.enumerated().map { row, cells in
      guard cells.filter({ $0.number != nil }).count >= 2,
        let first = cells.firstIndex(where: { $0.number != nil || isUnreadMark($0) })
      else { return cells.map { _ in false } }
      return cells.indices.map { cell in
        let read = cells[cell]
        return cell > first && meetsSeal[row][cell] && read.number == nil && !read.text.isEmpty && !isUnreadMark(read)
          && isUnreadValue(read.text)
      }
    }
  }

  /// The columns numbers of `minimumRows` rows at least stand in, among the `neighbours` rows
  /// of two numbers or more above and below `row` (overlapping boxes are one column), left
  /// to right.
  static func nearbyColumns(
    _ cells: [[PixelRect?]], numbers: [[Bool]], of row: Int, neighbours: Int = 3, minimumRows: Int = 2
  ) -> [(low: Int, high: Int)] {
    let numberRows = cells.indices.filter { numbers[$0].filter { $0 }.count >= 2 }
    let above = numberRows.filter { $0 < row }.suffix(neighbours)
    let below = numberRows.filter { $0 > row }.prefix(neighbours)
    var columns: [(low: Int, high: Int, rows: Set<Int>)] = []
    for other in Array(above) + Array(below) {
      for (box, isNumber) in zip(cells[other], numbers[other]) where isNumber {
        guard let box else { continue }
        if let index = columns.firstIndex(where: { $0.low < box.maxX && box.x < $0.high }) {
          columns[index].low = min(columns[index].low, box.x)
          columns[index].high = max(columns[index].high, box.maxX)
          columns[index].rows.insert(other)
        } else {
          columns.append((box.x, box.maxX, [other]))
        }
      }
    }
    return columns.filter { $0.rows.count >= minimumRows }.map { ($0.low, $0.high) }.sorted { $0.low < $1.low }
  }

  /// The number cells (row, cell) of rows whose numbers all stand left of every column that
  /// numbers of `minimumRows` nearby rows (the `neighbours` rows of two numbers or more above
  /// and below) stand in, where there are `minimumColumns` such columns at least: a table's
  /// values stand right of its labels, so these are a label's characters read as digits. A
  /// row with a number in or right of such a column is a table's (table 四's row of fifteen
  /// under table 三's seven columns).
  static func labelNumbers(
    _ cells: [[PixelRect?]], numbers: [[Bool]], neighbours: Int = 3, minimumRows: Int = 2, minimumColumns: Int = 3
  ) -> [(row: Int, cell: Int)] {
    var found: [(row: Int, cell: Int)] = []
    for row in cells.indices {
      let own = zip(cells[row].indices, zip(cells[row], numbers[row])).compactMap { index, cell in
        cell.1 ? cell.0.map { (index, $0) } : nil
      }
      guard !own.isEmpty else { continue }
      let supported = nearbyColumns(cells, numbers: numbers, of: row, neighbours: neighbours, minimumRows: minimumRows)
      guard supported.count >= minimumColumns, let left = supported.map(\.low).min(),
        own.allSatisfy({ $0.1.maxX <= left })
      else { continue }
      found += own.map { (row, $0.0) }
    }
    return found
  }

  /// The number cells (row, cell) that stand alone left of every column that numbers of
  /// `minimumRows` nearby rows stand in (``nearbyColumns``), in a row whose other numbers all
  /// stand in such columns, where there are `minimumColumns` such columns at least: a
  /// table's values stand right of its labels, so this is a label's characters read as digits.
  static func labelCellNumbers(
    _ cells: [[PixelRect?]], numbers: [[Bool]], neighbours: Int = 3, minimumRows: Int = 2, minimumColumns: Int = 3
  ) -> [(row: Int, cell: Int)] {
    var found: [(row: Int, cell: Int)] = []
    for row in cells.indices {
      let own = zip(cells[row].indices, zip(cells[row], numbers[row])).compactMap { index, cell in
        cell.1 ? cell.0.map { (index, $0) } : nil
      }
      guard own.count >= 2 else { continue }
      let supported = nearbyColumns(cells, numbers: numbers, of: row, neighbours: neighbours, minimumRows: minimumRows)
      guard supported.count >= minimumColumns, let left = supported.map(\.low).min() else { continue }
      // One such number, and every other number of the row in one of those columns: table
      // 四's row of fifteen on table 三's grid has several left of them and others between.
      let label = own.filter { $0.1.maxX <= left }
      let values = own.filter { $0.1.maxX > left }
      guard label.count == 1, !values.isEmpty,
        values.allSatisfy({ value in supported.contains { $0.low < value.1.maxX && value.1.x < $0.high } })
      else { continue }
      found += label.map { (row, $0.0) }
    }
    return found
  }

  /// `read`, a number whose ink meets a seal, made unsure with the other reads of its glyphs
  /// (``NumberReader/rereads(_:ink:level:)``) as alternatives. The seal's ink joined to a digit
  /// is read as another digit with high confidence (1 as 4, 0 as 10), and no model's
  /// confidence tells it: marked unsure, the tables' arithmetic can choose another read or
  /// leave it null, and a person is told to check it. Under a seal lighter than print
  /// (`printLevel` below the page's `level`) the print alone, the seal's ink gone, is read
  /// too: a grey ring through a 2 read as 24, the 2 is among the reads.
  func doubtingUnderSeal(
    _ read: NumberRead, _ source: GreyBitmap, ink: PixelRect, level: UInt8, printLevel: UInt8?, speck: Int
  ) -> NumberRead {
    var unsure = read
    unsure.isLowConfidence = true
    var seen = Set([read.value] + read.alternatives)
    // The ink may hold a sign the number models leave out.
    let sign = read.value.first.flatMap { $0 == "-" || $0 == "+" ? String($0) : nil } ?? ""
    var reads = read.isLowConfidence ? [] : numbers.rereads(source, ink: ink, level: level).map(\.value)
    if let printLevel, printLevel < level,
      let printed = InkComponents(in: source, region: ink, level: printLevel, minimumArea: speck).union
    {
      reads += numbers.read(source, ink: printed, level: printLevel).map { [$0.value] + $0.alternatives } ?? []
      reads += numbers.rereads(source, ink: printed, level: printLevel).map(\.value)
    }
    unsure.alternatives += reads.map { $0.hasPrefix(sign) ? $0 : sign + $0 }.filter { seen.insert($0).inserted }
    return unsure
  }

  /// `read`, whose ink meets a seal, unsure with the number without its sign among its
  /// reads when it has one: the sign may be a stroke of the seal's ink left of the digits.
  static func doubtingSign(_ read: NumberRead) -> NumberRead {
    guard let first = read.value.first, first == "-" || first == "+" else { return read }
    var unsure = read
    unsure.isLowConfidence = true
    let unsigned = String(read.value.dropFirst())
    if !unsigned.isEmpty, !unsure.alternatives.contains(unsigned) { unsure.alternatives.append(unsigned) }
    return unsure
  }

  /// The cells of `grid` that own a grid cell, as the layout step assigns them: each grid
  /// cell belongs to the first cell (top to bottom, left to right) whose box covers it. Where
  /// rules are lost a merged cell is no rectangle (a whole row and the end of the next) and
  /// its box covers the next row's cells; read on their own too, their numbers went into the
  /// page twice (12 of 行政处罚 read once in the merged cell and once alone, as 1122).
  static func owningCells(_ grid: TableGrid) -> [TableGrid.Cell] {
    var owned = Set<Int>()
    let columns = max(1, grid.xs.count - 1)
    return grid.cells.filter { cell in
      var owns = false
      for row in cell.top...cell.bottom {
        for column in cell.left...cell.right where owned.insert(row * columns + column).inserted {
          owns = true
        }
      }
      return owns
    }
  }

  /// The running text's `symbols` (read from the page scaled by `factor`) but those whose centre
  /// lies in a row of a table without vertical rules (`bands`, page pixels). Each such row was
  /// read cell by cell and its cells painted out; what the running text finds there is the
  /// photocopy's noise between the cells (read as 站, E, a, -), which the layout step took for
  /// cells and moved the row's values into other columns. A dash printed as a placeholder, too
  /// small to be a cell, goes too: its cell is null with a `missing` finding, not shifted.
  /// So does what lies anywhere in a run of a table's lines (`gaps`, ``streamRunAreas(_:)``):
  /// noise read there (和 just under a row's 31, a line of specks read as 四 across its values)
  /// was laid out in that row's cells (31和, an empty cell before 23 and every value one column
  /// right).
  static func outsideStreamRows(
    _ bands: [PixelRect], gaps: [PixelRect] = [], _ symbols: [OCRItem], factor: Double
  ) -> [OCRItem] {
    guard !bands.isEmpty else { return symbols }
    let areas = bands + gaps
    return symbols.filter { symbol in
      let (x, y) = centre(of: symbol, factor: factor)
      let size = Double(max(symbol.box.width, symbol.box.height)) / factor
      // A mark far smaller than a row's characters at its height is the photocopy's noise
      // (号 after a row's last value, 王 before its label).
      return !areas.contains { x >= $0.x && x < $0.maxX && y >= $0.y && y < $0.maxY }
        && !bands.contains { y >= $0.y && y < $0.maxY && size < 0.5 * Double($0.height) }
    }
  }

  /// The area each run of stream rows one after the other with no line of print between
  /// them (the same ``StreamTableFinder/Row/run``) covers, from its first row's top to its
  /// last row's bottom across its widest: every line there was read cell by cell, so what the
  /// running text finds there is noise. Rows' bands alone leave holes where a label's lines
  /// stand beside the values' line (bands overlapping, no white between): with the table
  /// painted out, the block read made characters of the specks there (区 between two values).
  static func streamRunAreas(_ rows: [StreamTableFinder.Row]) -> [PixelRect] {
    var areas: [Int: PixelRect] = [:]
    var order: [Int] = []
    for row in rows {
      if let area = areas[row.run] {
        areas[row.run] = area.union(row.band)
      } else {
        areas[row.run] = row.band
        order.append(row.run)
      }
    }
    let white = Dictionary(rows.compactMap { row in row.white.map { (row.run, $0) } }, uniquingKeysWith: { a, _ in a })
    return order.compactMap { run in
      guard var area = areas[run] else { return nil }
      if let clear = white[run] {
        area = PixelRect(
          x: area.x, y: min(area.y, clear.lowerBound), width: area.width,
          height: max(area.maxY, clear.upperBound) - min(area.y, clear.lowerBound))
      }
      return area
    }
  }

  /// The centre of a running-text `symbol` (read from the page scaled by `factor`), in page pixels.
  static func centre(of symbol: OCRItem, factor: Double) -> (x: Int, y: Int) {
    (
      Int((Double(symbol.box.x) + Double(symbol.box.width) / 2) / factor),
      Int((Double(symbol.box.y) + Double(symbol.box.height) / 2) / factor)
    )
  }

  /// The running text's `symbols` (read from the page scaled by `factor`) whose centre lies
  /// outside every grid's `painted` box (page pixels), and for a grid at least
  /// ``wideTableShare`` of the page's `width` wide, outside its band of rows across the whole
  /// page. A grid's cells were all read on their own and its box painted out before the
  /// running text is read: a symbol there is no print, and beside a table as wide as the
  /// text only the margins are left. The Chinese model makes lines of characters out of the
  /// paper's noise in those margins; spread over the line (``inReadingOrder``) they fell
  /// into the table's cells (r r 1 和 across a row of table 三: its 0 read 01, its last 0
  /// null) and after it (four stray digits after table 四: 19 values, all fifteen null).
  /// `rowHeights` (each grid's lowest row) and `sliver` (pixels): for
  /// ``withoutFrameRemnants(_:painted:acrossPage:rowHeights:sliver:factor:)``.
  func outside(
    _ painted: [PixelRect], _ symbols: [OCRItem], factor: Double, width: Int, rowHeights: [Double] = [],
    sliver: Double = 0
  ) -> [OCRItem] {
    guard !painted.isEmpty else { return symbols }
    let bands = painted.filter { Double($0.width) >= wideTableShare * Double(width) }
    let kept = symbols.filter { symbol in
      let (x, y) = Self.centre(of: symbol, factor: factor)
      return !painted.contains { x >= $0.x && x < $0.maxX && y >= $0.y && y < $0.maxY }
        && !bands.contains { y >= $0.y && y < $0.maxY }
    }
    let framed = Self.withoutFrameRemnants(
      kept, painted: painted, acrossPage: painted.map { Double($0.width) >= wideTableShare * Double(width) },
      rowHeights: rowHeights, sliver: sliver, factor: factor)
    return Self.withoutSpecksBeside(framed, painted: painted, sliver: sliver, factor: factor)
  }

  /// `symbols` without what was read of the paper's specks beside a painted table, in its
  /// band of rows: on each side of each box (left, right), the symbols whose centre lies in
  /// the box's rows are dropped when most are shorter than `sliver` pixels
  /// (``frameSliverHeight``). A table narrower than ``wideTableShare`` of the page (a browser
  /// print's article on a landscape page) keeps its margins, where a scan's specks were read
  /// as characters a quarter of a line tall (已 到 = beside 属于国家秘密 0 0 …); the layout
  /// step put them in that row's cells (到0, 0=), and the row was null. A line of text
  /// beside a table has its characters' height (a comma among it goes with it).
  static func withoutSpecksBeside(
    _ symbols: [OCRItem], painted: [PixelRect], sliver: Double, factor: Double
  ) -> [OCRItem] {
    guard sliver > 0 else { return symbols }
    var specks = Set<Int>()
    for box in painted {
      for left in [true, false] {
        let beside = symbols.indices.filter { index in
          let (x, y) = Self.centre(of: symbols[index], factor: factor)
          return y >= box.y && y < box.maxY && (left ? x < box.x : x >= box.maxX)
        }
        let heights = beside.map { Double(symbols[$0].box.height) / factor }.sorted()
        guard let middle = heights.isEmpty ? nil : heights[heights.count / 2], middle < sliver else { continue }
        specks.formUnion(beside)
      }
    }
    return symbols.indices.filter { !specks.contains($0) }.map { symbols[$0] }
  }

  /// `symbols` without the remnants of a painted table's frame: on a page turned a little
  /// less than it was skewed (or warped by a photocopy), a table's outer rule and its last
  /// row's characters drift past the painted box, and the running text read the slivers
  /// left beside it as a line of letters and digits (`3 G ER RD O D … 0` under table 三,
  /// whose 3 and 0 the parser took for its last row's values: the row was null). Within a
  /// row's height (`rowHeights`: each painted grid's lowest row, pixels) of a box's top or
  /// bottom edge, the symbols over the box's width (the page's, `acrossPage`, beside a table
  /// as wide as the text, where only the margins' noise is left) are dropped when most are shorter than
  /// `sliver` pixels (``frameSliverHeight``) and two fifths of that row: a line of text has
  /// its characters' height (a comma or 一 among it goes with it), slivers do not.
  static func withoutFrameRemnants(
    _ symbols: [OCRItem], painted: [PixelRect], acrossPage: [Bool], rowHeights: [Double], sliver: Double,
    factor: Double
  ) -> [OCRItem] {
    func height(_ symbol: OCRItem) -> Double { Double(symbol.box.height) / factor }
    var remnants = Set<Int>()
    for ((box, row), wide) in zip(zip(painted, rowHeights), acrossPage) where row > 0 {
      for below in [true, false] {
        let near = symbols.indices.filter { index in
          let (x, y) = Self.centre(of: symbols[index], factor: factor)
          guard wide || (x >= box.x && x < box.maxX) else { return false }
          return below
            ? Double(y) >= Double(box.maxY) && Double(y) < Double(box.maxY) + row
            : Double(y) < Double(box.y) && Double(y) >= Double(box.y) - row
        }
        let heights = near.map { height(symbols[$0]) }.sorted()
        guard let middle = heights.isEmpty ? nil : heights[heights.count / 2], middle < sliver, middle * 5 < row * 2
        else { continue }
        remnants.formUnion(near)
      }
    }
    return symbols.indices.filter { !remnants.contains($0) }.map { symbols[$0] }
  }

  /// The running text's `symbols` (read as one block from `rest` scaled by `factor`) with the
  /// digits of each line crossing a seal checked by a second read of that line alone, at the
  /// label cells' scale (``labelDPI``): where the two reads give as many digits but other ones,
  /// the line's digits are unread (U+FFFD; the signing date null, not wrong). With the seal's ink dropped, what it left
  /// around a digit (the star's tip at the edge of a 1) can make the block read take it for
  /// another digit with high confidence (1月 read 4月): only a read that disagrees shows it.
  func checkingDigitsUnderSeals(
    _ symbols: [OCRItem], seals: [Seal], in rest: GreyBitmap, factor: Double, paper: UInt8
  ) -> [OCRItem] {
    guard !seals.isEmpty else { return symbols }
    func onPage(_ box: PixelRect) -> PixelRect {
      PixelRect(
        x: Int(Double(box.x) / factor), y: Int(Double(box.y) / factor),
        width: Int((Double(box.width) / factor).rounded(.up)), height: Int((Double(box.height) / factor).rounded(.up)))
    }
    func isDigit(_ text: String) -> Bool { text.contains { $0.isASCII && $0.isNumber } }
    var result = symbols
    var start = 0
    while start < result.count {
      let end = Self.lineEnd(from: start, in: result)
      defer { start = end }
      let line = start..<end
      let digits = line.filter { isDigit(result[$0].text) }
      guard
        digits.contains(where: { index in
          seals.contains { !$0.box.intersection(onPage(result[index].box)).isEmpty }
        })
      else { continue }
      // The line's band: the middle of its symbols' tops and bottoms (a Chinese symbol's box
      // may reach into the next line), with a margin of a quarter of its height.
      let boxes = line.map { onPage(result[$0].box) }
      let tops = boxes.map(\.y).sorted()
      let bottoms = boxes.map(\.maxY).sorted()
      guard let left = boxes.map(\.x).min(), let right = boxes.map(\.maxX).max() else { continue }
      let (top, bottom) = (tops[tops.count / 2], bottoms[bottoms.count / 2])
      let margin = max(1, (bottom - top) / 4)
      let crop = PixelRect(x: left, y: top - margin, width: right - left, height: bottom - top + 2 * margin)
      // Read as the label cells are, shrunk to ``labelDPI`` where the Chinese model reads best.
      let again = chinese.recognize(
        rest.cropped(crop, padding: labelPadding, background: paper).scaled(by: min(1, labelDPI / rest.dpi)),
        mode: .singleLine)
      let first = digits.map { result[$0].text }.joined().filter { $0.isASCII && $0.isNumber }
      let second = again.text.filter { $0.isASCII && $0.isNumber }
      // Only a read of the same glyphs counts: one with another number of digits split or
      // joined them (2020年14月15日 for 2020年1月15日 at the smaller scale) and says nothing.
      guard first != second, first.count == second.count else { continue }
      for index in digits { result[index].text = "\u{FFFD}" }
    }
    return result
  }

  /// Reads one cell of a table without vertical rules. Only a cell shaped like a number is
  /// read as one (a label's 开 or a quotation mark must not come out as 1 or 99), and an
  /// unsure number alone in its line, perhaps a character shaped like one (理 as 1), is read
  /// as text; digits run together by the copier (44 as one blob) read as text but are one
  /// number, marked unsure.
  func readStreamCell(
    _ page: GreyBitmap, ink: InkComponents, isNumber: Bool, numbersInLine: Int, level: UInt8, paper: UInt8,
    speck: Int, inset: Int
  ) -> (number: NumberRead?, text: [PositionedCharacter]) {
    guard let inkBox = ink.union else { return (nil, []) }
    var cell: (number: NumberRead?, text: [PositionedCharacter]) = (nil, [])
    if isNumber {
      cell = readCell(page, ink: ink, region: inkBox.insetBy(-inset), level: level, paper: paper, speck: speck)
    }
    if let read = cell.number, read.isLowConfidence, numbersInLine < 2 {
      cell.number = nil
    }
    guard cell.number == nil, cell.text.isEmpty else { return cell }
    let mode: OCREngine.Mode =
      Self.lineCount(ink) > 1 ? .block : inkBox.width * 10 <= inkBox.height * 13 ? .singleCharacter : .singleLine
    let text = readText(page, ink: inkBox, paper: paper, scale: page.pixelsPerPoint, mode: mode)
    let read = String(text.map(\.character))
    if Self.isPlainNumber(read) {
      return (Self.textNumber(read, ink: ink), [])
    }
    return (nil, text)
  }

  /// `read`, a plain number the Chinese model made of `ink`, as an unsure number; `nil` (no
  /// reading: null with a finding) when it has fewer digits than the ink is wide, as in
  /// ``readCell``: it lost some (a copied 50 read as 0). A stream cell ``readCell`` left
  /// unread for that reason is read as text again, and was taken as 0 with no check. The
  /// Chinese model drops a thin minus before a digit (-4 read 4): a minus the ink shows
  /// before the digits (``leadingSign(_:flatness:)``) goes back in.
  static func textNumber(_ read: String, ink: InkComponents) -> NumberRead? {
    let readSigned = read.first == "-" || read.first == "+"
    let value = !readSigned && leadingSign(ink)?.sign == "-" ? "-" + read : read
    guard digitCount(value) >= fewestDigits(reading: value, in: ink) else { return nil }
    return NumberRead(value: value, confidence: 0, isLowConfidence: true)
  }

  /// Reads one table cell whose ink (at `level`) inside `region` is `ink`: its number when
  /// it holds one, else its text. A cell under a seal: the stamp's ink is lighter than print,
  /// so when the cell is no number at the page's level it is looked at again with only the
  /// darkest ink.
  func readCell(
    _ page: GreyBitmap, ink: InkComponents, region: PixelRect, level: UInt8, paper: UInt8, speck: Int
  ) -> (number: NumberRead?, text: [PositionedCharacter]) {
    guard let inkBox = ink.union else { return (nil, []) }
    // A lone flat stroke is a dash, the placeholder (- — 一); read alone it can come out as 0.
    if Self.isDash(ink, pixelsPerPoint: page.pixelsPerPoint) {
      return (nil, [PositionedCharacter(character: "—", box: pageRect(inkBox, scale: page.pixelsPerPoint))])
    }
    // A lone slanted stroke is the placeholder /; read as a number it comes out as 1.
    if Self.isSlash(ink, in: page, level: level) {
      return (nil, [PositionedCharacter(character: "/", box: pageRect(inkBox, scale: page.pixelsPerPoint))])
    }
    // Every number read goes out with the minus its ink holds left of `digits` put back.
    func withSign(_ read: NumberRead, digits: PixelRect = inkBox) -> NumberRead {
      restoringSign(read, digits: digits, page: page, level: level, paper: paper, speck: speck)
    }
    var found = readNumber(page, ink: ink, level: level)
    let lighter = UInt8((Int(level) + Int(paper)) / 2)
    // A 1 with a crossbar may be a 4 whose faint diagonal fell out at the page's level (read 1,
    // sure); so may a 1 among other digits (43 read 13, sure, at every level: the 4's grey
    // diagonal in specks).
    if let read = found,
      read.value == "1"
        ? Self.isBarredOne(ink, in: page, level: level) || Self.hasFaintBar(ink, in: page, lighter: lighter)
        : !read.isLowConfidence && Self.digitCount(read.value) > 1
          && Self.hasFaintlyBarredOne(read.value, ink: ink, in: page, lighter: lighter)
    {
      return (withSign(checkedByGreyGlyphs(read, page: page, ink: inkBox)), [])
    }
    if let read = found { return (withSign(read), []) }
    let mode: OCREngine.Mode = Self.lineCount(ink) == 1 ? .singleLine : .block
    let text = readText(page, ink: inkBox, paper: paper, scale: page.pixelsPerPoint, mode: mode)
    // A label reads as Chinese; a number crossed by a seal reads as something else (mso,
    // U, or one stray character such as 人): only then is the cell looked at again with
    // the darkest ink alone, and after a stray Chinese character only a sure read counts.
    let han = text.filter { Self.isHan($0.character) }.count
    // 无 and 空 are placeholders, read as they are.
    var darkDigits: PixelRect?
    if han <= 1, !text.contains(where: { $0.character == "无" || $0.character == "空" }) {
      for factor in stampedInkFactors where found == nil {
        let darkLevel = UInt8(Double(level) * factor)
        // Where the stamp crossed a stroke a few dark pixels stay behind: larger specks go.
        let dark = InkComponents(in: page, region: region, level: darkLevel, minimumArea: 4 * speck)
        // Digits found under a seal sit in the middle of their cell: off it, in a cell two rows
        // tall, they may be the next row's, the rule between them hidden by the seal.
        guard let read = readNumber(page, ink: dark, level: darkLevel), han == 0 || !read.isLowConfidence,
          let darkBox = dark.union,
          abs(2 * darkBox.y + darkBox.height - 2 * region.y - region.height) * 2 <= region.height
        else { continue }
        // Glyphs the Chinese model read as a plain number (a grey 240) hold their own dark
        // knots: one shorter than any digit (5×7 px inside the 2) read as another number is a
        // speck of their ink, not print a seal left. The text read is looked at below. (Dark
        // ink as tall as a digit stays: under a seal the text read may be the wrong one, a 1
        // crossed by the ring read as 2, and the glyphs' height there is the ring's.)
        let textRead = String(text.map(\.character))
        if Self.isPlainNumber(textRead), !Self.sameDigits(read.value, textRead),
          Self.isSpeck(dark, pixelsPerPoint: page.pixelsPerPoint, minimumHeight: minimumDigitHeight)
        {
          if OCRTrace.enabled {
            OCRTrace.write(
              "darkspeck\t\(inkBox.x),\(inkBox.y)\t\(textRead)\t\(read.value)\t\(darkBox.width)x\(darkBox.height)")
          }
          continue
        }
        let glyphHeight = Int(maximumGlyphHeight * page.pixelsPerPoint)
        let glyphs = Self.glyphs(around: darkBox, in: ink, maximumHeight: max(darkBox.height * 13 / 10, glyphHeight))
        // Digits read as a plain number (12, 176) whose darkest ink is one glyph's stroke (the 1,
        // a 4's stem): the other digits, as tall as the glyphs and beside them at the page's
        // level, are left out; a piece of the number is no reading of it.
        // Nor is a read whose digits, none wider than tall, cannot span the dark ink: the thick
        // parts of thin brush-script digits (a clean 45 whose darkest knots, 24 px apart, read 1).
        if Self.isPlainNumber(textRead), Self.digitCount(read.value) < Self.digitCount(textRead),
          Self.leavesOutDigits(glyphs, of: ink) || darkBox.width > Self.digitCount(read.value) * darkBox.height
        {
          if OCRTrace.enabled {
            OCRTrace.write("darkpart\t\(inkBox.x),\(inkBox.y)\t\(textRead)\t\(read.value)")
          }
          continue
        }
        var unsure = read
        unsure.isLowConfidence = true
        // Still a strip through the digits (they are joined to other ink at the page's level):
        // the cell's ink, as for a number read at the page's level.
        unsure.ink = glyphs.height * 2 >= min(inkBox.height, glyphHeight) ? glyphs : nil
        unsure.readHeight = darkBox.height
        if OCRTrace.enabled {
          OCRTrace.write(
            "darkread\t\(inkBox.x),\(inkBox.y) \(inkBox.width)x\(inkBox.height)\t\(String(text.map(\.character)))\t\(read.value)\t\(darkBox.x),\(darkBox.y) \(darkBox.width)x\(darkBox.height)\t\(glyphs.x),\(glyphs.y) \(glyphs.width)x\(glyphs.height)"
          )
        }
        found = unsure
        darkDigits = darkBox
      }
    }
    if let found {
      // The darkest ink alone may leave out a minus the page's level holds: looked for before it.
      var signed = withSign(found, digits: darkDigits ?? inkBox)
      // A minus too light for the dark level and too near the digits for that look (a copied
      // -7 read 7 in the dark, 本年增/减 printed 7): put back when the text model read it
      // before the same digits and the page's level shows a flat mark at their middle (blurred
      // by the copier, 8×5 px before a 23 px 7: less flat than a clean minus).
      if darkDigits != nil, let first = signed.value.first, first != "-", first != "+",
        String(text.map(\.character)) == "-" + signed.value, Self.leadingSign(ink, flatness: 1.5)?.sign == "-"
      {
        signed.value = "-" + signed.value
        signed.alternatives = signed.alternatives.map { "-" + $0 }
      }
      return (signed, [])
    }
    // Digits the copier ran together (85 as one blob) are no number to the shape test and
    // the Chinese model may read them as fewer digits (8): a number read as text is unsure,
    // and one with fewer digits than its ink is wide is no reading at all (null, a finding).
    var read = String(text.map(\.character))
    if Self.isPlainNumber(read) {
      // The Chinese model leaves out a thin minus before the digits (-6 read 6): the ink's
      // first piece, flat at mid-height, restores it; where faint pixels join the two at the
      // page's level, the ink a little darker parts them, and then the rest must read as the
      // same digits (a 4's bar parted from its stem is no minus: 464 is no -464).
      if read.first != "-", read.first != "+" {
        let darkLevel = UInt8(Int(level) * 85 / 100)
        if Self.leadingSign(ink)?.sign == "-" {
          read = "-" + read
        } else if let parted = Self.leadingSign(
          InkComponents(in: page, region: inkBox, level: darkLevel, minimumArea: speck)),
          parted.sign == "-", let digits = parted.digits.union,
          numbers.read(page, ink: digits, level: level)?.value == read
        {
          read = "-" + read
        }
      }
      let signed = read.first == "-" || read.first == "+" ? Self.leadingSign(ink)?.digits ?? ink : ink
      // Two numbers apart in a cell whose rule between them was lost (82 and 2 read as 822).
      guard !Self.hasGap(signed, wider: Self.typicalHeight(signed)) else { return (nil, []) }
      let fewest = Self.fewestDigits(reading: read, in: ink)
      guard Self.digitCount(read) >= fewest else {
        // The number models on the same ink, shape test aside; still unsure.
        guard let digits = signed.union, var again = numbers.read(page, ink: digits, level: level),
          read.first != "-", read.first != "+", Self.digitCount(again.value) >= fewest
        else { return (nil, []) }
        again.isLowConfidence = true
        return (withSign(again), [])
      }
      let signedRead = withSign(NumberRead(value: read, confidence: 0, isLowConfidence: true))
      // The Chinese model's read of digits no number read accepts is unsure: a sure read of the
      // grey glyphs, not binarised, giving another number (a 4 whose faint diagonal fell out
      // read as 1, a minus whose pale end joins the 6 left out) says it is not to be taken.
      // A sign is what the grey read loses most (a thin minus): only other digits count.
      func digits(_ value: String) -> String {
        value.first == "-" || value.first == "+" ? String(value.dropFirst()) : value
      }
      if let grey = numbers.greyRead(page, ink: inkBox), !Self.sameCount(digits(grey.value), digits(signedRead.value)) {
        if OCRTrace.enabled { OCRTrace.write("textgrey\t\(inkBox.x),\(inkBox.y)\t\(signedRead.value)\t\(grey.value)") }
        return (nil, [Self.unreadMark(at: pageRect(inkBox, scale: page.pixelsPerPoint))])
      }
      return (signedRead, [])
    }
    // Digit-shaped ink that no number read accepts: what the Chinese model makes of it is no
    // label. A stray character (7 as 了) would join the row's label and move every value
    // after it one column left, so the cell stays empty: null with a finding in its own column.
    if Self.looksNumeric(ink, maximumHeight: Int((maximumDigitHeight * page.pixelsPerPoint).rounded())),
      Self.isStray(text)
    {
      return (nil, [])
    }
    return (nil, checkingDigits(text, ink: ink, page: page, level: level))
  }

  /// The unsure numbers (row, cell) read from ink much shorter (under `ratio`) than the sure
  /// numbers of their row: a digit under a seal's ring whose strokes there went with the
  /// ring's ink, read from what was left (a 0's bowl as 1, its darkest ink as 11) — a piece
  /// of a number is no reading of it, so the cell is unread (null with a finding). Digits of
  /// one row share a height; sure reads (two at least) give it. A dark read counts the height
  /// of the dark ink it read (``NumberRead/readHeight``).
  static func shortUnsureNumbers(
    _ boxes: [[PixelRect?]], _ reads: [[(number: NumberRead?, text: [PositionedCharacter])]], ratio: Double = 0.75
  ) -> [(row: Int, cell: Int)] {
    var found: [(row: Int, cell: Int)] = []
    for (row, cells) in reads.enumerated() where boxes.indices.contains(row) {
      let heights = cells.indices.compactMap { cell -> Int? in
        guard let number = cells[cell].number, !number.isLowConfidence, boxes[row].indices.contains(cell) else {
          return nil
        }
        return boxes[row][cell]?.height
      }.sorted()
      guard heights.count >= 2 else { continue }
      let typical = Double(heights[heights.count / 2])
      for cell in cells.indices {
        guard let number = cells[cell].number, number.isLowConfidence, boxes[row].indices.contains(cell),
          let height = number.readHeight ?? (number.ink ?? boxes[row][cell])?.height
        else { continue }
        if Double(height) < ratio * typical { found.append((row, cell)) }
      }
    }
    return found
  }

  /// The shortest digit (points) a table prints: 5-pt type's digits are 3.5 pt tall.
  static let shortestDigit = 3.5

  /// The numbers (row, cell), sure or not, read from ink much shorter (under `ratio`) than
  /// the median number of their run of table lines (`runs`, per row; `minimum` numbers at
  /// least): digits of one table share a height, so such ink is a piece of its
  /// number (the last stroke of a light 49 the page's level kept, read as a sure 1), and a
  /// piece is no reading of it. The cell is unread (null with a finding). Specks under
  /// `smallest` of the height are left to the checks for noise, and so is a run whose typical
  /// number is shorter than `shortestDigit` (pixels): in a table the scan read as noise,
  /// marked unread they left too few rows to know the table by.
  static func shortNumbersInRuns(
    _ boxes: [[PixelRect?]], _ reads: [[(number: NumberRead?, text: [PositionedCharacter])]], runs: [Int],
    shortestDigit: Double, ratio: Double = 0.75, smallest: Double = 0.5, minimum: Int = 3
  ) -> [(row: Int, cell: Int)] {
    func height(_ row: Int, _ cell: Int) -> Int? {
      guard let number = reads[row][cell].number, boxes.indices.contains(row), boxes[row].indices.contains(cell)
      else { return nil }
      // The ink's own height, not a dark read's: the darkest ink of a light digit is shorter
      // than the digit, and its reading may be whole (a 1 read from its stem).
      return (number.ink ?? boxes[row][cell])?.height
    }
    var found: [(row: Int, cell: Int)] = []
    for run in Set(runs) {
      let members = runs.indices.filter { runs[$0] == run && reads.indices.contains($0) }
      let heights = members.flatMap { row in reads[row].indices.compactMap { height(row, $0) } }.sorted()
      guard heights.count >= minimum else { continue }
      let typical = Double(heights[heights.count / 2])
      // Numbers mostly shorter than a printed digit are a table read as noise.
      guard typical >= shortestDigit else { continue }
      for row in members {
        for cell in reads[row].indices {
          if let measured = height(row, cell), Double(measured) < ratio * typical,
            Double(measured) >= smallest * typical
          {
            found.append((row, cell))
          }
        }
      }
    }
    return found.sorted { ($0.row, $0.cell) < ($1.row, $1.cell) }
  }

  /// The value cells that read as no number, (row, cell): in a row holding two numbers or
  /// more, a cell standing (half its width at least) where another row has a number, whose
  /// text is neither a number nor a placeholder or unit (7 read as 了, digits under a seal's
  /// ink as （0） or U, or nothing). Taken as text it would join the row's label and move
  /// every value after it one column left; marked unread it is null with a finding in its
  /// own column.
  /// `boxes`: each row's cells (their ink or drawn box). A cell where nothing was read
  /// counts only with `blankIsUnread` (rows found from the ink: a grid's drawn cell may hold
  /// nothing but a seal's ring).
  /// A column is one where numbers stand in `minimumRows` other rows at least: a number
  /// read from a group label's ink (处理 as 16) is no column, and the labels beneath it were
  /// marked unread (U+FFFD as the row's first value: the whole row null).
  /// A cell meeting one of `seals` is in a number's column when either of the two stands
  /// mostly within the other: what is read of digits under a seal takes in bits of its ring
  /// (0 read as `人:`, wider than the digit), and as text it split the row's label from its
  /// values and moved them three columns right.
  static func unreadValues(
    _ boxes: [[PixelRect?]], _ reads: [[(number: NumberRead?, text: [PositionedCharacter])]],
    blankIsUnread: Bool = true,
    minimumRows: Int = 2, seals: [Seal] = []
  ) -> [(row: Int, cell: Int)] {
    var numbers: [(row: Int, box: PixelRect)] = []
    for (row, cells) in reads.enumerated() {
      for (cell, read) in cells.enumerated() where read.number != nil {
        if let box = boxes[row][cell] { numbers.append((row, box)) }
      }
    }
    var unread: [(row: Int, cell: Int)] = []
    for (row, cells) in reads.enumerated() where cells.filter({ $0.number != nil }).count >= 2 {
      for (cell, read) in cells.enumerated()
      where read.number == nil && (blankIsUnread || !read.text.isEmpty) && isUnreadValue(read.text) {
        guard let box = boxes[row][cell] else { continue }
        let sealed = seals.contains { $0.meets(box) }
        let column = Set(
          numbers.filter { number in
            let across = min(number.box.maxX, box.maxX) - max(number.box.x, box.x)
            return number.row != row && across * 2 >= (sealed ? min(box.width, number.box.width) : box.width)
          }.map(\.row))
        if column.count >= minimumRows { unread.append((row, cell)) }
      }
    }
    return unread
  }

  /// The value cells of a drawn grid that read as no number, (row, cell): as
  /// ``unreadValues(_:_:blankIsUnread:minimumRows:seals:)``, but a cell is in a number's column only when it
  /// spans the same grid columns (`columns`: each row's cells' first...last grid column),
  /// and a cell where nothing was read does not count (it may hold only a seal's ring). Two
  /// tables in one grid (table 二's last rows on table 三's frame) have different columns:
  /// by overlap alone table 二's 采购项目数量 cell stood over table 三's labels, and every
  /// label beneath it was taken for an unread value (whole rows null).
  ///
  /// `sealed`: each row's cells read as nothing whose print under a found seal looks like
  /// digits (``printedDigitsUnderSeal(_:region:seals:speck:)``). They count although nothing
  /// was read, and in a row with fewer numbers too (the seal took them all, or the rule
  /// between two rows went under it): their print is no label, and a header's characters
  /// are no digits.
  static func unreadGridCells(
    _ columns: [[ClosedRange<Int>]], _ reads: [[(number: NumberRead?, text: [PositionedCharacter])]],
    sealed: [Set<Int>] = [],
    minimumRows: Int = 2
  ) -> [(row: Int, cell: Int)] {
    var numberColumns: [ClosedRange<Int>: Set<Int>] = [:]
    for (row, cells) in reads.enumerated() {
      for (cell, read) in cells.enumerated() where read.number != nil {
        numberColumns[columns[row][cell], default: []].insert(row)
      }
    }
    var unread: [(row: Int, cell: Int)] = []
    for (row, cells) in reads.enumerated() {
      let underSeal = row < sealed.count ? sealed[row] : []
      let isValueRow = cells.filter({ $0.number != nil }).count >= 2
      for (cell, read) in cells.enumerated() where read.number == nil {
        let counts =
          underSeal.contains(cell) || (isValueRow && !read.text.isEmpty && isUnreadValue(read.text))
        guard counts, (numberColumns[columns[row][cell]] ?? []).subtracting([row]).count >= minimumRows
        else { continue }
        unread.append((row, cell))
      }
    }
    return unread
  }

  /// The number in `box` (a stream cell under a seal that read as nothing once the seal's
  /// lighter ink was dropped) read from `page` as it was, seal and all, with `pad` pixels
  /// round it: unsure, when the ink there looks like one line of digits no taller than a
  /// digit (a piece of the ring crossing it does not) and reads as a plain number. Thin print
  /// as light as the seal's ink was dropped with it, a serif 23 left as specks.
  func numberReadWithSeal(_ page: GreyBitmap, box: PixelRect, level: UInt8, speck: Int, pad: Int) -> NumberRead? {
    let region = box.insetBy(-pad)
    let ink = InkComponents(in: page, region: region, level: level, minimumArea: speck)
      .droppingEdgeSlivers(of: region)
    let tallest = Int((maximumDigitHeight * page.pixelsPerPoint).rounded())
    guard let union = ink.union, Self.looksNumeric(ink, maximumHeight: tallest),
      union.x > region.x, union.maxX < region.maxX, union.y > region.y, union.maxY < region.maxY
    else { return nil }
    return unsurePlainNumber(page, ink: union, level: level)
  }

  /// The number reader's read of `ink` at `level` when it is a plain number, marked unsure:
  /// print read apart from a seal's ink it was mixed with, for the tables' arithmetic to check.
  func unsurePlainNumber(_ page: GreyBitmap, ink: PixelRect, level: UInt8) -> NumberRead? {
    guard var number = numbers.read(page, ink: ink, level: level), Self.isPlainNumber(number.value) else { return nil }
    number.isLowConfidence = true
    return number
  }

  /// The lines of print in a grid cell's `region` that a found seal meets, when each looks
  /// like a line of digits, and the seal's ``Seal/printLevel``: the ink darker than the
  /// seal's own, so a ring crossing an empty cell is no print; `nil` when there is none or it
  /// is no digits. A spot of the seal's ink as dark as print, small and standing high beside
  /// the digits, is no part of them (a number's only small blob is a low decimal point).
  func printedDigitsUnderSeal(_ page: GreyBitmap, region: PixelRect, seals: [Seal], speck: Int)
    -> (lines: [PixelRect], printLevel: UInt8)?
  {
    guard let seal = seals.first(where: { $0.meets(region) }) else { return nil }
    let print = InkComponents(in: page, region: region, level: seal.printLevel, minimumArea: speck)
    guard !print.isEmpty else { return nil }
    let tallest = Int((maximumDigitHeight * page.pixelsPerPoint).rounded())
    let lines = Self.lines(print).map(Self.droppingHighSpecks)
    guard lines.allSatisfy({ Self.looksNumeric($0, maximumHeight: tallest) }) else { return nil }
    return (lines.compactMap(\.union), seal.printLevel)
  }

  /// `line` without its small blobs (under half its tallest blob's height) whose centre
  /// stands above the lower third of the tall blobs: not a decimal point, a speck.
  static func droppingHighSpecks(_ line: InkComponents) -> InkComponents {
    guard let tallest = line.boxes.map(\.box.height).max() else { return line }
    let tall = line.boxes.filter { $0.box.height * 2 >= tallest }
    let top = tall.map(\.box.y).min() ?? 0
    let bottom = tall.map(\.box.maxY).max() ?? 0
    var kept = line
    kept.boxes = line.boxes.filter { blob in
      blob.box.height * 2 >= tallest || 3 * (2 * blob.box.y + blob.box.height) >= 2 * (top + 2 * bottom)
    }
    return kept
  }

  /// The cells (row, cell) of stream rows shaped like a number (`numeric`, the stream
  /// finder's test) that read as one or two stray characters with no digit, neither a number
  /// nor a placeholder (a grey 0 read as 日), in rows with `minimumNumbers` numbers read or
  /// more and fewer such cells than numbers: a value there that could not be read. Only a
  /// cell no wider than the row's numbers (`boxes`: each cell's ink), no taller, and among
  /// the values: a label's two characters (规章) can pass the shape test too. Not shorter: a
  /// 0 under a dark header band lost its top (17 px for 24) and read as 日.
  /// Nor one in the labels' place: across the label cell of another row of its run (`runs`:
  /// each row's run of table lines) that has values after it (规章 over 行政规范性文件).
  static func strayNumberCells(
    numeric: [[Bool]], boxes: [[PixelRect?]], _ reads: [[(number: NumberRead?, text: [PositionedCharacter])]],
    runs: [Int], minimumNumbers: Int = 2
  ) -> [(row: Int, cell: Int)] {
    var found: [(row: Int, cell: Int)] = []
    // Each row's label cell: its first, read as text, before numbers read.
    let labels = reads.indices.map { row -> PixelRect? in
      guard let first = reads[row].first, first.number == nil, first.text.contains(where: { isHan($0.character) }),
        reads[row].contains(where: { $0.number != nil }), boxes.indices.contains(row)
      else { return nil }
      return boxes[row].first ?? nil
    }
    func inLabelPlace(_ box: PixelRect, row: Int) -> Bool {
      labels.indices.contains { other in
        guard other != row, runs.indices.contains(other), runs.indices.contains(row), runs[other] == runs[row],
          let label = labels[other]
        else { return false }
        return label.x < box.maxX && box.x < label.maxX
      }
    }
    for (row, cells) in reads.enumerated() where row < numeric.count && row < boxes.count {
      let numberBoxes = cells.indices.compactMap { cells[$0].number == nil ? nil : boxes[row][$0] ?? nil }
      guard numberBoxes.count >= minimumNumbers else { continue }
      let heights = numberBoxes.map(\.height).sorted()
      let digitHeight = Double(heights[heights.count / 2])
      let widest = Double(numberBoxes.map(\.width).max() ?? 0)
      func isValue(_ cell: Int, numberOnly: Bool) -> Bool {
        guard cells.indices.contains(cell) else { return false }
        return cells[cell].number != nil || (!numberOnly && cells[cell].text.map(\.character) == ["\u{FFFD}"])
      }
      let strays = cells.indices.filter { cell in
        guard cells[cell].number == nil, numeric[row].indices.contains(cell), numeric[row][cell],
          boxes[row].indices.contains(cell), let box = boxes[row][cell]
        else { return false }
        let text = cells[cell].text
        let hasDigit = text.contains { $0.character.unicodeScalars.contains { $0.properties.numericType == .decimal } }
        return (1...2).contains(text.count) && !hasDigit && isUnreadValue(text)
          && Double(box.width) <= max(1.25 * widest, 1.5 * digitHeight)
          && Double(box.height) <= 1.25 * digitHeight && !inLabelPlace(box, row: row)
          // Among the values: a number right of it, or left of it with none but values after
          // (a label's character, 五 read as 一, or after a 1 read from 理, has more label after it).
          && (isValue(cell + 1, numberOnly: true)
            || (isValue(cell - 1, numberOnly: true)
              && (cell + 1 == cells.count || isValue(cell + 1, numberOnly: false))))
      }
      guard strays.count < numberBoxes.count else { continue }
      found += strays.map { (row: row, cell: $0) }
    }
    return found
  }

  /// Whether `relabelled`, a label cell under a seal read again with the seal's ink gone, holds
  /// more of the label than `read`: more Chinese characters (a whole label read as 人 with the
  /// ring), or as many (two at least) and fewer digits or unread marks after the last of them.
  /// The ring's arc at a label's right end was read as 8 after （六）其他处理 and as an unread
  /// mark after （七）总计: a value before the row's first, both rows null with false
  /// `missing` findings. No label of the form ends in a digit.
  static func holdsMoreOfLabel(_ relabelled: [PositionedCharacter], than read: [PositionedCharacter]) -> Bool {
    func han(_ text: [PositionedCharacter]) -> Int { text.filter { isHan($0.character) }.count }
    func strays(_ text: [PositionedCharacter]) -> Int {
      guard let last = text.lastIndex(where: { isHan($0.character) }) else { return 0 }
      return text[(last + 1)...].filter { $0.character.isNumber || $0.character == "\u{FFFD}" }.count
    }
    if han(relabelled) > max(1, han(read)) { return true }
    return han(relabelled) >= max(2, han(read)) && strays(relabelled) < strays(read)
  }

  /// Whether the text read in a value cell is no value: nothing read from its ink, or neither
  /// digits (digits the copier ran together, 44 as one blob, read as text) nor a placeholder
  /// (无, 空, /, —, 不适用 …) or unit (万元, 件 …) the parser reads.
  static func isUnreadValue(_ text: [PositionedCharacter]) -> Bool {
    guard !text.isEmpty else { return true }
    let read = String(text.map(\.character)).filter { !$0.isWhitespace }
    return !isPlainNumber(read)
      && !(text.count <= 3 && text.allSatisfy { "无空/／\\—–-－×*不适用暂万元件个项".contains($0.character) })
  }

  /// Whether two boxes share some width (one stands over the other in a column).
  static func overlapsAcross(_ first: PixelRect, _ second: PixelRect) -> Bool {
    min(first.maxX, second.maxX) > max(first.x, second.x)
  }

  /// The mark of a value cell whose ink could not be read: U+FFFD, which the parser takes
  /// as a cell left unread (null with an `ocr_low_confidence` finding). An empty cell would
  /// let the parser move the row's values along to fill it.
  static func unreadMark(at box: PageRect) -> PositionedCharacter {
    PositionedCharacter(character: "\u{FFFD}", box: box)
  }

  /// Whether a cell's text is a stray read of digits, not a label: one or two characters, a
  /// Chinese one among them, and no placeholder (无, 空) or unit of money (万元).
  static func isStray(_ text: [PositionedCharacter]) -> Bool {
    (1...2).contains(text.count) && text.contains { isHan($0.character) }
      && !text.contains { "无空万元".contains($0.character) }
  }

  /// The box of the digits read from the darkest ink (`dark`), grown to the whole glyphs they
  /// belong to at the page's level (`ink`): the blobs overlapping it and no taller than a
  /// digit. A blob the seal's ring joins to a digit is taller and left out, so the box holds
  /// the digits and not the ring; the darkest ink alone would be a strip through them.
  static func glyphs(around dark: PixelRect, in ink: InkComponents, maximumHeight: Int) -> PixelRect {
    // The darkest ink may be a strip through the digits' middle: the glyphs reach past it.
    let reach = dark.insetBy(-max(1, dark.height / 3, (maximumHeight - dark.height) / 2 + 1))
    var box = dark
    for (blob, _) in ink.boxes
    where blob.height <= maximumHeight && !blob.intersection(dark).isEmpty && reach.contains(blob) {
      box = box.union(blob)
    }
    return box
  }

  /// The number in a cell whose ink (at `level`) is `ink`: a sign told by its shape, the
  /// digits read by ``NumberReader``; `nil` when the ink does not look like a number.
  func readNumber(_ page: GreyBitmap, ink: InkComponents, level: UInt8) -> NumberRead? {
    let signed = Self.leadingSign(ink)
    let digits = signed?.digits ?? ink
    let tallest = Int((maximumDigitHeight * page.pixelsPerPoint).rounded())
    guard Self.looksNumeric(digits, maximumHeight: tallest), let digitBox = digits.union,
      var read = numbers.read(page, ink: digitBox, level: level),
      Self.digitCount(read.value) >= Self.minimumDigits(digits)
    else { return nil }
    if let sign = signed?.sign {
      read.value = String(sign) + read.value
      read.alternatives = read.alternatives.map { String(sign) + $0 }
    }
    return read
  }

  /// Reads a label cell with the Chinese model as a block of lines: first shrunk to
  /// ``labelDPI``, where it reads best; when that read is unsure, also at full size, and the
  /// surer read wins.
  func readText(
    _ page: GreyBitmap, ink: PixelRect, paper: UInt8, scale: Double, mode: OCREngine.Mode
  ) -> [PositionedCharacter] {
    let crop = page.cropped(ink, padding: labelPadding, background: paper)
    let factor = min(1, labelDPI / page.dpi)
    var best = chinese.recognize(crop.scaled(by: factor), mode: mode)
    var bestFactor = factor
    if best.confidence < labelRetryConfidence, factor < 0.99 {
      let full = chinese.recognize(crop, mode: mode)
      if full.confidence > best.confidence {
        best = full
        bestFactor = 1
      }
    }
    let dx = Double(ink.x - labelPadding)
    let dy = Double(ink.y - labelPadding)
    return Self.inReadingOrder(best.symbols).flatMap { symbol in
      Self.characters(symbol, scale: scale) { x, y in (dx + x / bestFactor, dy + y / bestFactor) }
    }
  }

  /// Whether `text` is a number as a cell prints it: digits, perhaps a sign before them and
  /// one decimal point between them.
  static func isPlainNumber(_ text: String) -> Bool {
    let unsigned = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
    guard let first = unsigned.first, let last = unsigned.last, first.isASCII, first.isNumber, last.isASCII,
      last.isNumber
    else { return false }
    return unsigned.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." } && unsigned.filter { $0 == "." }.count <= 1
  }

  /// How many digits `value` has (a sign and a decimal point are none).
  static func digitCount(_ value: String) -> Int {
    value.filter { $0.isASCII && $0.isNumber }.count
  }

  /// The fewest digits `read` (a plain number, perhaps signed) must have to be a reading of
  /// all of `ink` (``minimumDigits(_:)``): a sign standing apart from the digits is left out
  /// of the ink, one run into them (a copied -4 as one blob) takes a digit's room.
  static func fewestDigits(reading read: String, in ink: InkComponents) -> Int {
    guard read.first == "-" || read.first == "+" else { return minimumDigits(ink) }
    if let apart = leadingSign(ink) { return minimumDigits(apart.digits) }
    return max(0, minimumDigits(ink) - 1)
  }

  /// The fewest digits the ink can hold: no digit is wider than ``StreamTableFinder/widestDigit``
  /// of its height (a full-width digit is narrow too, with wide gaps between), so the ink's
  /// width without its gaps, in widest digits, is a floor. A read with fewer digits lost some
  /// (85 run together, read 8; a minus run into a 4, read 4).
  static func minimumDigits(_ ink: InkComponents) -> Int {
    // The line's height, not its blobs': grey digits broken at a level into pieces one above
    // the other (a 2's bowl apart from its base) are as tall as their line.
    let height = Double(ink.union?.height ?? 0)
    guard height > 0 else { return 0 }
    var width = 0
    var reached = Int.min
    for (box, _) in ink.boxes.sorted(by: { $0.box.x < $1.box.x }) {
      let start = max(box.x, reached)
      if box.maxX > start { width += box.maxX - start }
      reached = max(reached, box.maxX)
    }
    return max(0, Int((Double(width) / (StreamTableFinder.widestDigit * height) - 0.1).rounded(.up)))
  }

  /// Whether the ink is shorter than any digit (`minimumHeight` points) and no dash: a speck
  /// of noise or a rule's end, nothing printed. A dash placeholder is flat but long.
  static func isSpeck(_ ink: InkComponents, pixelsPerPoint: Double, minimumHeight: Double) -> Bool {
    guard let box = ink.union else { return false }
    return Double(box.height) < minimumHeight * pixelsPerPoint && !isDash(ink, pixelsPerPoint: pixelsPerPoint)
  }

  /// Whether the ink is one flat stroke, a dash: at least twice as wide as thick, at most
  /// `thickest` points thick and `longest` points long (a rule is longer).
  static func isDash(_ ink: InkComponents, pixelsPerPoint: Double, thickest: Double = 2.5, longest: Double = 30)
    -> Bool
  {
    guard ink.boxes.count == 1, let box = ink.union else { return false }
    return box.width >= 2 * box.height && Double(box.height) <= thickest * pixelsPerPoint
      && Double(box.width) <= longest * pixelsPerPoint
  }

  /// Whether `ink` read as the digit 1 has a crossbar: a row in its lower middle reaching well
  /// past the stem, as the bar of a 4 whose faint diagonal fell out. A 1's flag is at its top
  /// and its foot serif at its bottom; between them it is its stem alone.
  static func isBarredOne(_ ink: InkComponents, in page: GreyBitmap, level: UInt8) -> Bool {
    guard let box = ink.union, box.height >= 8 else { return false }
    var spans: [Int] = []
    for y in (box.y + box.height * 35 / 100)..<(box.y + box.height * 80 / 100) {
      var low = Int.max
      var high = Int.min
      for x in box.x..<box.maxX where page[x, y] <= level {
        low = min(low, x)
        high = max(high, x)
      }
      if low <= high { spans.append(high - low + 1) }
    }
    guard spans.count >= 2, let widest = spans.max() else { return false }
    let stem = spans.sorted()[spans.count / 2]
    return widest >= stem + max(3, box.height / 4)
  }

  /// Whether `ink`, read as 1, is the stem of a glyph whose bar or diagonal is fainter than the
  /// page's level: at `lighter` (halfway from the page's level to the paper) the ink through the
  /// stem's middle column, in the rows where a 4's bar and diagonal run, spreads well past the
  /// stem and ends within a digit's height of it (a grey AR PL UKai 4 on a grey scan: its 5 px
  /// stem read 1, sure; at the lighter level its bar is 14 px wide). A 1 blurred at that level
  /// stays about as wide; a fill or a rule at that level runs on past a digit's reach.
  static func hasFaintBar(_ ink: InkComponents, in page: GreyBitmap, lighter: UInt8) -> Bool {
    guard let box = ink.union, box.height >= 8 else { return false }
    let left = max(0, box.x - box.height)
    let right = min(page.width, box.maxX + box.height)
    let middle = box.x + box.width / 2
    guard middle > left, middle < right - 1 else { return false }
    var widest = 0
    var rows = 0
    for y in (box.y + box.height * 35 / 100)..<(box.y + box.height * 80 / 100) where page[middle, y] <= lighter {
      var low = middle
      while low > left, page[low - 1, y] <= lighter { low -= 1 }
      var high = middle
      while high < right - 1, page[high + 1, y] <= lighter { high += 1 }
      guard low > left, high < right - 1 else { return false }
      widest = max(widest, high - low + 1)
      rows += 1
    }
    return rows >= 2 && widest >= box.width + max(3, box.height / 4)
  }

  /// `read`, whose 1 may be a 4 whose faint stroke fell out at the page's level, checked by
  /// the grey glyphs with their surroundings (the stroke may lie outside the ink's box): their
  /// read confirms it (a serif 1's foot can pass for a bar), or their number of as many digits
  /// is taken (unsure, `read` its alternative); with neither, `read` is unsure.
  func checkedByGreyGlyphs(_ read: NumberRead, page: GreyBitmap, ink: PixelRect) -> NumberRead {
    let grey = numbers.greyRead(page, ink: ink, withSurroundings: true)
    if OCRTrace.enabled {
      OCRTrace.write("barredone\t\(ink.x),\(ink.y) \(ink.width)x\(ink.height)\t\(read.value)\t\(grey?.value ?? "-")")
    }
    if let grey, Self.sameDigits(grey.value, read.value) { return read }
    guard var taken = grey, Self.digitCount(taken.value) == Self.digitCount(read.value) else {
      var unsure = read
      unsure.isLowConfidence = true
      return unsure
    }
    taken.alternatives = [read.value]
    taken.isGreyRead = true
    return taken
  }

  /// Whether a 1 of `value`, a number of several digits read from `ink`, has a bar or diagonal
  /// fainter than the page's level (``hasFaintBar(_:in:lighter:)``): its digits are the ink's
  /// tall blobs left to right, one each, and the 1's blob alone is looked at.
  static func hasFaintlyBarredOne(_ value: String, ink: InkComponents, in page: GreyBitmap, lighter: UInt8) -> Bool {
    guard let union = ink.union else { return false }
    let digits = Array(value.filter { $0.isASCII && $0.isNumber })
    let tall = ink.boxes.filter { $0.box.height * 2 >= union.height }.sorted { $0.box.x < $1.box.x }
    guard digits.count == tall.count, digits.contains("1") else { return false }
    return zip(digits, tall).contains { digit, blob in
      var one = ink
      one.boxes = [blob]
      return digit == "1" && hasFaintBar(one, in: page, lighter: lighter)
    }
  }

  /// Whether `ink` holds, wholly beside `glyphs` on their line, ink as tall as a digit of
  /// them (seven tenths of their height or more): a digit the glyphs leave out. A copied digit
  /// may lie in pieces (a 5's flag apart from its bowl), so the pieces are taken together;
  /// a blob much taller than the glyphs (a seal's ring) is none.
  static func leavesOutDigits(_ glyphs: PixelRect, of ink: InkComponents) -> Bool {
    var top = Int.max
    var bottom = Int.min
    for (blob, _) in ink.boxes where blob.maxX <= glyphs.x || blob.x >= glyphs.maxX {
      let overlap = min(blob.maxY, glyphs.maxY) - max(blob.y, glyphs.y)
      guard blob.height * 2 <= glyphs.height * 3, overlap * 2 >= blob.height else { continue }
      top = min(top, blob.y)
      bottom = max(bottom, blob.maxY)
    }
    return bottom > top && (bottom - top) * 10 >= glyphs.height * 7
  }

  /// Whether the ink is one slanted stroke, the placeholder / : its top rows stand wholly to
  /// the right of its bottom rows. A digit's stem is upright (1, 4: top and bottom overlap)
  /// or its bar spans the glyph (7, 2); read as a number a slash comes out as 1.
  static func isSlash(_ ink: InkComponents, in page: GreyBitmap, level: UInt8) -> Bool {
    guard ink.boxes.count == 1, let box = ink.union, box.height >= 8, box.width * 10 <= box.height * 8
    else { return false }
    let band = max(2, box.height / 4)
    func span(_ rows: Range<Int>) -> (Int, Int)? {
      var low = Int.max
      var high = Int.min
      for y in rows {
        for x in box.x..<box.maxX where page[x, y] <= level {
          low = min(low, x)
          high = max(high, x)
        }
      }
      return low <= high ? (low, high) : nil
    }
    guard let top = span(box.y..<(box.y + band)), let bottom = span((box.maxY - band)..<box.maxY) else {
      return false
    }
    return top.0 > bottom.1
  }

  /// Whether `character` is a CJK ideograph (a label's text, or a placeholder such as 无).
  static func isHan(_ character: Character) -> Bool {
    character.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) }
  }

  /// How many lines of text the blobs form (blobs overlapping vertically share a line).
  static func lineCount(_ ink: InkComponents) -> Int {
    lines(ink).count
  }

  /// The ink's lines of text, top to bottom (blobs overlapping vertically share a line).
  static func lines(_ ink: InkComponents) -> [InkComponents] {
    ink.runs(vertical: true, maximumGap: -1)
  }

  /// Whether the ink looks like one line of digits: every tall blob narrow, on one line,
  /// small blobs only low down (a decimal point or thousands commas).
  static func looksNumeric(_ ink: InkComponents, maximumHeight: Int = .max) -> Bool {
    guard let union = ink.union, ink.boxes.count <= 12, union.height <= maximumHeight else { return false }
    let tall = ink.boxes.filter { $0.box.height * 2 >= union.height }
    guard !tall.isEmpty else { return false }
    let heights = tall.map(\.box.height).sorted()
    let typical = heights[heights.count / 2]
    guard !hasGap(ink, wider: typical) else { return false }
    // One line: the union is not much taller than a digit.
    guard Double(union.height) <= 1.3 * Double(typical) else { return false }
    for (box, _) in tall {
      guard Double(box.width) <= 1.35 * Double(box.height),
        Double(box.height) >= 0.75 * Double(typical)
      else { return false }
    }
    // Digits are narrower than tall; Chinese characters are about square.
    let narrow = tall.filter { Double($0.box.width) <= 0.9 * Double($0.box.height) }
    guard narrow.count * 2 >= tall.count else { return false }
    // A decimal point, or thousands commas: one for every three digits after the first.
    let small = ink.boxes.filter { $0.box.height * 2 < union.height }
    guard small.count <= max(1, (tall.count - 1) / 3) else { return false }
    for (box, _) in small where box.y + box.height / 2 < union.y + union.height * 2 / 3 {
      return false
    }
    return true
  }

  /// Whether the ink has a gap wider than `width` pixels across it: two numbers in one
  /// (merged) cell stand apart by more than a digit is tall.
  static func hasGap(_ ink: InkComponents, wider width: Int) -> Bool {
    let spans = ink.boxes.map { ($0.box.x, $0.box.maxX) }.sorted { $0.0 < $1.0 }
    guard var reached = spans.first?.1 else { return false }
    for span in spans.dropFirst() {
      if span.0 - reached > width { return true }
      reached = max(reached, span.1)
    }
    return false
  }

  /// The median height of the ink's tall blobs (at least half the ink's height): a digit's
  /// or a character's; 0 when there is no ink.
  static func typicalHeight(_ ink: InkComponents) -> Int {
    guard let union = ink.union else { return 0 }
    let tall = ink.boxes.filter { $0.box.height * 2 >= union.height }.map(\.box.height).sorted()
    return tall.isEmpty ? 0 : tall[tall.count / 2]
  }

  /// A sign printed before a number: the leftmost blob, clear of the others, short and at
  /// mid-height of the digits — a dash (minus, also the full-width －) or a small cross (plus).
  /// Returns the sign and the ink without it; `nil` when there is none. A minus is at least
  /// `flatness` times as wide as it is tall.
  static func leadingSign(_ ink: InkComponents, flatness: Double = 1.8) -> (sign: Character, digits: InkComponents)? {
    guard ink.boxes.count >= 2,
      let first = ink.boxes.indices.min(by: { ink.boxes[$0].box.x < ink.boxes[$1].box.x })
    else { return nil }
    let mark = ink.boxes[first].box
    var rest = ink
    rest.boxes.remove(at: first)
    guard let digits = rest.union, mark.maxX <= digits.x else { return nil }
    let digitHeight = Double(rest.boxes.map(\.box.height).max() ?? 0)
    let height = Double(mark.height)
    let width = Double(mark.width)
    let middle = Double(mark.y) + height / 2
    guard height <= 0.7 * digitHeight, width <= 1.6 * digitHeight,
      middle >= Double(digits.y) + 0.25 * Double(digits.height),
      middle <= Double(digits.y) + 0.75 * Double(digits.height)
    else { return nil }
    if width >= flatness * height, height <= 0.3 * digitHeight { return ("-", rest) }
    if height >= 0.3 * digitHeight, width >= 0.6 * height, width <= 1.6 * height { return ("+", rest) }
    return nil
  }

  /// The end of the line of recognised `symbols` that starts at `start`: symbols in
  /// recognised order, each overlapping the one before vertically by half the smaller height.
  static func lineEnd(from start: Int, in symbols: [OCRItem]) -> Int {
    var end = start + 1
    while end < symbols.count {
      let previous = symbols[end - 1].box
      let box = symbols[end].box
      let overlap = min(previous.maxY, box.maxY) - max(previous.y, box.y)
      guard overlap * 2 >= min(previous.height, box.height) else { break }
      end += 1
    }
    return end
  }

  /// `symbols` as recognised, where a line's boxes are out of the order the symbols were
  /// read in (the Chinese model boxes a blurred 9.68 as 9 . 8 6, 政府 as 府政) the run of
  /// symbols concerned spread evenly over the run's boxes: the layout step orders
  /// characters by their boxes, and the recognised order is the better one.
  static func inReadingOrder(_ symbols: [OCRItem]) -> [OCRItem] {
    var result = symbols
    var start = 0
    while start < result.count {
      let end = lineEnd(from: start, in: result)
      // Runs of symbols whose boxes start left of (or with) the box before them, with the symbols
      // their boxes reach into.
      var index = start
      while index + 1 < end {
        guard result[index + 1].box.x <= result[index].box.x else {
          index += 1
          continue
        }
        var first = index
        var last = index + 1
        var left = min(result[first].box.x, result[last].box.x)
        var right = max(result[first].box.maxX, result[last].box.maxX)
        while first > start, result[first - 1].box.maxX > left {
          first -= 1
          left = min(left, result[first].box.x)
        }
        while last + 1 < end, result[last + 1].box.x < right {
          last += 1
          right = max(right, result[last].box.maxX)
        }
        let width = Double(right - left) / Double(last - first + 1)
        for (offset, position) in (first...last).enumerated() {
          let from = left + Int((Double(offset) * width).rounded())
          let to = left + Int((Double(offset + 1) * width).rounded())
          result[position].box.x = from
          result[position].box.width = max(1, to - from)
        }
        index = last
      }
      start = end
    }
    return result
  }

  /// One character per digit, the box divided evenly, so the layout step sees the number.
  static func spread(_ value: String, over box: PageRect) -> [PositionedCharacter] {
    let count = Double(max(1, value.count))
    let step = box.width / count
    return value.enumerated().map { index, character in
      let left = box.minX + Double(index) * step
      return PositionedCharacter(
        character: character,
        box: PageRect(minX: left, minY: box.minY, maxX: left + step, maxY: box.maxY))
    }
  }

  /// A recognised symbol as positioned characters in points (a symbol of several
  /// characters is divided evenly); `place` maps its pixel corners to page pixels.
  static func characters(
    _ symbol: OCRItem, scale: Double, place: (Double, Double) -> (Double, Double) = { ($0, $1) }
  ) -> [PositionedCharacter] {
    // The Chinese model reads the full-width brackets of （一） as ( ) or 〈 〉, which then
    // take a word space after them and split a label such as （四）无 in two (无 alone is a
    // placeholder); Chinese reports print them full-width.
    let visible = String(symbol.text.filter { !$0.isWhitespace }.map { fullWidthBrackets[$0] ?? $0 })
    guard !visible.isEmpty, !symbol.box.isEmpty else { return [] }
    let (minX, minY) = place(Double(symbol.box.x), Double(symbol.box.y))
    let (maxX, maxY) = place(Double(symbol.box.maxX), Double(symbol.box.maxY))
    let box = PageRect(minX: minX / scale, minY: minY / scale, maxX: maxX / scale, maxY: maxY / scale)
    return spread(String(visible), over: box)
  }

  /// The brackets the Chinese model reads in place of （ and ）.
  static let fullWidthBrackets: [Character: Character] = ["(": "（", ")": "）", "〈": "（", "〉": "）"]

  func pixelRect(_ rect: PageRect, scale: Double) -> PixelRect {
    let x = Int((rect.minX * scale).rounded())
    let y = Int((rect.minY * scale).rounded())
    return PixelRect(
      x: x, y: y, width: Int((rect.maxX * scale).rounded()) - x,
      height: Int((rect.maxY * scale).rounded()) - y)
  }

  func pageRect(_ rect: PixelRect, scale: Double) -> PageRect {
    PageRect(
      minX: Double(rect.x) / scale, minY: Double(rect.y) / scale, maxX: Double(rect.maxX) / scale,
      maxY: Double(rect.maxY) / scale)
  }
}
