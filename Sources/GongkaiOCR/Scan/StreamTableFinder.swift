import GongkaiLayout

/// Finds the rows of tables drawn without vertical rules on a scanned page — horizontal rules
/// only, three-line tables (三线表), no rules at all — the way pdfplumber's and camelot's
/// "stream" modes do: text lines from the ink (rows by baseline, whatever rules lie between
/// them), each split at wide white gaps into cells.
///
/// A line is a table row when it splits into two cells or more and one of them looks like a
/// number; running text, justified or not, never leaves a gap that wide. Each cell is then
/// read alone by the page reader, like a cell of a ruled grid, and its characters are placed
/// where its ink is: the layout step (``LineBuilder``, ``AlignedTableFinder``) then finds the
/// columns from the gaps the rows share, as it does for a PDF text layer, so a value that
/// cannot be read leaves its own cell empty instead of moving the row's other values.
struct StreamTableFinder {
  /// One text line split into cells.
  struct Row {
    /// The line's ink, from its top to its bottom, in page pixels.
    var band: PixelRect
    /// The cells, left to right: each cell's blobs.
    var cells: [InkComponents]
    /// Which cells look like a number as tall as the line's characters (the others are text).
    var numeric: [Bool]
    /// The grey level each cell's ink was found at (and is read at): the page's, or the
    /// cell's own where that is clearly lighter (``cellLevelMargin``).
    var levels: [UInt8] = []
    /// The run of table lines one after the other the row is in: rows of one run have no
    /// other line of print between them.
    var run = 0
    /// The white around the row's run (page pixel rows): from the bottom of the nearest
    /// line of print above it (or the page's top) to the top of the nearest below (or the
    /// page's foot), among the lines reaching across the run's width.
    var white: ClosedRange<Int>? = nil
    /// Whether the line is a lone number kept only as a piece of a number wrapped over
    /// three lines (``rows(in:level:minimumArea:)``): it stands for nothing alone.
    var isLonePiece = false
  }

  /// A gap at least this many character heights wide splits a line into cells.
  var cellGap = 1.2
  /// Blobs at least this many times wider than tall (and wider than `ruleLength` points) are
  /// rules, not text.
  var ruleAspect = 12
  /// The shortest rule, in points.
  var ruleLength = 30.0
  /// Blobs taller than this (points) are no text: pictures, seals.
  var tallestBlob = 40.0
  /// Blobs at least this wide and tall (points) and inked over `fillShare` of their box are
  /// fills, no text: a grey block over a merged label cell spans two rows, and taken as a
  /// character it joined them into one line read as text (0 0 0 as OOO).
  var smallestFill = 12.0
  /// The share of its box a fill's ink covers at least (a character's strokes cover half).
  var fillShare = 0.8
  /// The thickest rule cleared before the text is looked at, in points.
  var ruleThickness = 3.0
  /// Numeric rows further apart than this many character heights belong to different tables.
  var rowGap = 4.0
  /// How much taller a Chinese character is than a digit of the same type (about 1.3).
  var digitToCharacter = 1.3
  /// How many grey levels lighter than the page's a value cell's own level must be for its
  /// ink to be taken at its own level: thin grey print on a page with dark fills.
  var cellLevelMargin = 16
  /// A row of numbers found at their own level only is a table row when another number row
  /// across the same width lies within this many `rowGap`s (dark header bands between the
  /// sub-tables of table 二 stand between its rows).
  var ownLevelReach = 6.0

  /// The table rows of `page` (tables already read painted out), where pixels at most `level`
  /// are ink and blobs smaller than `minimumArea` are specks.
  func rows(in page: GreyBitmap, level: UInt8, minimumArea: Int) -> [Row] {
    let scale = page.pixelsPerPoint
    let ink = InkComponents(in: page, region: page.bounds, level: level, minimumArea: minimumArea)
    let tallest = Int(tallestBlob * scale)
    let shortestRule = Int(ruleLength * scale)
    let smallestFill = Int(self.smallestFill * scale)
    let blobs = ink.boxes.filter { item in
      let isRule = item.box.width >= ruleAspect * max(1, item.box.height) && item.box.width >= shortestRule
      let isFill =
        item.box.width >= smallestFill && item.box.height >= smallestFill
        && Double(item.area) >= fillShare * Double(item.box.width * item.box.height)
      return !isRule && !isFill && item.box.height <= tallest
    }
    let grouped = lines(of: blobs).map { line in (line, Self.cells(of: line, gap: cellGap)) }
    // The page's character height: the median over its lines of three blobs or more.
    let heights = grouped.filter { $0.0.count >= 3 }.map(\.1.height).sorted()
    let typical = heights.isEmpty ? 0 : heights[heights.count / 2]
    let paper = Int(page.paperLevel())
    let candidates = grouped.compactMap { line, split -> (row: Row, height: Double, isNumeric: Bool, ownOnly: Bool)? in
      // A lone mark much smaller than the characters (a quotation mark or comma of a wrapped
      // label, a speck) is no cell: read alone it comes out as 一 or 99.
      let height = split.height
      let tallEnough = split.cells.filter {
        let tall = Double($0.union?.height ?? 0)
        return tall >= 0.5 * height && tall >= 0.35 * typical
      }
      guard let band = InkComponents(line).union, !tallEnough.isEmpty else { return nil }
      // A number is about as tall as the line's characters (tables print smaller than text).
      func isNumber(_ cell: InkComponents) -> Bool {
        let tall = Double(cell.union?.height ?? 0)
        return tall >= 0.6 * height && tall >= 0.4 * typical && Self.looksLikeNumber(cell)
      }
      // A value cell may hold thin grey digits the page's level breaks into pieces: dark
      // fills (white-on-navy header rows) pull the page's Otsu level far below the print's
      // grey, and 145 came apart into eleven specks (no number: the row went to the running
      // text, read 1 4 5 as three values), 40 into three (a number, read as 1). Where the
      // level of the cell's own box (Otsu over its print and paper) is clearly lighter, the
      // cell is taken with that ink and read at that level when it is a number there. A
      // row's first cell is its label (the parts of 规章 at a lighter level stand side by
      // side like digits).
      // The ink a cell's own levels gave where it was no number there (digits run together).
      var ownLevelInk: [PixelRect: [(ink: InkComponents, level: UInt8)]] = [:]
      let levelled = tallEnough.enumerated().map { index, cell -> (ink: InkComponents, level: UInt8) in
        guard index > 0, let box = cell.union else { return (cell, level) }
        // A thin grey 0 keeps only its sides at the page's level: its arcs, above and below
        // them, are in the box only with a quarter of the line's height added top and bottom.
        let reach = Int(height / 4)
        let region = PixelRect(
          x: box.x - 2, y: box.y - 2 - reach, width: box.width + 4, height: box.height + 4 + 2 * reach
        ).intersection(page.bounds)
        let own = Self.level(of: page, in: region)
        guard Int(own) >= Int(level) + cellLevelMargin else { return (cell, level) }
        // Otsu's split can still leave a blurred stroke's grey edge out (the bar of a 5
        // apart from its bowl): a third of the way on to the paper is tried too.
        let lighter = Self.thirdTowardPaper(from: Int(own), paper: paper)
        var tried: [(ink: InkComponents, level: UInt8)] = []
        for candidate in [Int(own), lighter] where candidate < paper {
          let again = InkComponents(in: page, region: region, level: UInt8(candidate), minimumArea: minimumArea)
          if isNumber(again) { return (again, UInt8(candidate)) }
          tried.append((again, UInt8(candidate)))
        }
        ownLevelInk[box] = tried
        return (cell, level)
      }
      var pairs = Self.joiningSpacedDigits(levelled, isNumber: isNumber)
      var cells = pairs.map(\.ink)
      var numeric = cells.map(isNumber)
      // A row of numbers has about as many numbers as other cells (a label or two); a line
      // of header characters one per column (结 果 … 计) where one looks like a digit has not.
      let numbers = numeric.filter { $0 }.count
      if numbers < cells.count - numbers - 1 { numeric = numeric.map { _ in false } }
      // Where the page's level broke a grey digit into pieces (a 5's bar apart from its bowl)
      // and its own level was not clearly lighter, the ink a third of the way on to the paper.
      func lighterInk(_ ink: InkComponents) -> [(ink: InkComponents, level: UInt8)] {
        guard let box = ink.union else { return [] }
        if let tried = ownLevelInk[box] { return tried }
        let lighter = Self.thirdTowardPaper(from: Int(level), paper: paper)
        guard lighter < paper else { return [] }
        let region = box.insetBy(-2).intersection(page.bounds)
        return [
          (InkComponents(in: page, region: region, level: UInt8(lighter), minimumArea: minimumArea), UInt8(lighter))
        ]
      }
      for found in Self.digitsApart(pairs, numeric: numeric, isNumber: isNumber, lighterInk: lighterInk) {
        pairs[found.index] = found.cell
        cells[found.index] = found.cell.ink
        numeric[found.index] = true
      }
      // A row with no number at the page's level (only at cells' own levels) is a table row only beside
      // another number row (below): a sidebar's light grey link (白沙县人民政府2022年…) alone
      // is none, and taken as one it pushed the report's title aside.
      let ownOnly = !tallEnough.contains(where: isNumber)
      return (
        Row(band: band, cells: cells, numeric: numeric, levels: pairs.map(\.level)), height,
        cells.count >= 2 && numeric.contains(true), ownOnly
      )
    }
    let found = candidates.enumerated().map { index, line -> (row: Row, height: Double, isNumeric: Bool) in
      guard line.isNumeric, line.ownOnly else { return (line.row, line.height, line.isNumeric) }
      let beside = candidates.indices.contains { other in
        let band = candidates[other].row.band
        return other != index && candidates[other].isNumeric && band.x < line.row.band.maxX
          && band.maxX > line.row.band.x
          && Double(Self.gap(band, line.row.band)) <= ownLevelReach * rowGap * line.height
      }
      return (line.row, line.height, beside)
    }
    // A table: its numeric rows, no further apart than `rowGap` lines, with every line between
    // them (labels wrapped over lines, section headers) and the lines of two cells or more
    // just above (the column headers). All are read cell by cell.
    var keep = [Bool](repeating: false, count: found.count)
    var lonePiece = [Bool](repeating: false, count: found.count)
    let numeric = found.indices.filter { found[$0].isNumeric }
    var index = 0
    while index < numeric.count {
      var last = index
      while last + 1 < numeric.count,
        Double(found[numeric[last + 1]].row.band.y - found[numeric[last]].row.band.maxY)
          <= rowGap * found[numeric[last]].height
      {
        last += 1
      }
      let first = numeric[index]
      let top = found[first].row.band.y
      let bottom = found[numeric[last]].row.band.maxY
      for line in found.indices where found[line].row.band.y >= top && found[line].row.band.maxY <= bottom {
        keep[line] = true
      }
      // Header lines above: two cells or more, each close to the one below, in the table's
      // type (a heading such as 三、收到和处理… is larger, and read with the running text).
      let rowHeights = numeric[index...last].map { found[$0].height }.sorted()
      var tableHeight = rowHeights[rowHeights.count / 2]
      // Rows of numbers without labels (table 四) measure the digits, which are shorter
      // than the header's characters.
      let labelled = numeric[index...last].contains { line in
        zip(found[line].row.cells, found[line].row.numeric).contains { cell, isNumber in
          !isNumber && (cell.union.map { $0.width >= 2 * $0.height } ?? false)
        }
      }
      if !labelled {
        tableHeight *= digitToCharacter
      }
      // A label's lines above the first row (a table going on from the page before: the end
      // of the last row's label, the first row's label wrapped above its values): one cell
      // where the table's labels start, ending before its numbers, a line or less above.
      // Left to the running text, such a fragment read alone came out as a digit (定” as 5)
      // that the repair step made the next row's value.
      let labelLines = found.indices.filter {
        keep[$0] && found[$0].row.band.y >= top && found[$0].row.numeric.first == false
      }
      let labelStarts = labelLines.compactMap { found[$0].row.cells.first?.union?.x }
      let labelHeights = labelLines.map { found[$0].height }.sorted()
      let labelHeight = labelHeights.isEmpty ? tableHeight : labelHeights[labelHeights.count / 2]
      // Where the value columns start: the rows of three numbers or more (an item number
      // read as a digit makes a row of one number far left).
      let numbersStart = numeric[index...last].filter { found[$0].row.numeric.filter { $0 }.count >= 3 }
        .compactMap { line in zip(found[line].row.cells, found[line].row.numeric).first { $0.1 }?.0.union?.x }.min()
      func isLabelPart(_ candidate: (row: Row, height: Double, isNumeric: Bool), below: Int) -> Bool {
        guard candidate.row.cells.count == 1, let cell = candidate.row.cells.first?.union, let numbersStart,
          cell.maxX < numbersStart, candidate.height <= 1.15 * labelHeight,
          Double(below - candidate.row.band.maxY) <= candidate.height
        else { return false }
        return labelStarts.contains { Double(abs($0 - cell.x)) <= 0.5 * candidate.height }
      }
      // The first and last pieces of a number wrapped over three lines in a narrow column
      // (1 over 1 over 5, the middle piece on its row's line, the others' numbers wrapped
      // over two lines around it) stand alone on their lines, touching the run's first and
      // last lines. Left out, the upper one went to the running text (1 read as 工), the lower
      // one was lost, and the row's value kept its middle piece only: 115 read 1, sure. A lone
      // number touching the run's first or last number line, under a column the run's numbers
      // stand in, is kept with the table (the layout joins the pieces).
      let runNumbers = numeric[index...last].flatMap { line in
        zip(found[line].row.cells, found[line].row.numeric).compactMap { cell, isNumber in
          isNumber ? cell.union : nil
        }
      }
      let (firstBand, lastBand) = (found[first].row.band, found[numeric[last]].row.band)
      for line in found.indices where !keep[line] && found[line].row.numeric == [true] {
        let candidate = found[line]
        guard let cell = candidate.row.cells.first?.union, cell.x >= numbersStart ?? 0 else { continue }
        let band = candidate.row.band
        let touching =
          (band.y < top && Double(Self.gap(band, firstBand)) * 4 <= candidate.height)
          || (band.maxY > bottom && Double(Self.gap(band, lastBand)) * 4 <= candidate.height)
        let inColumn = runNumbers.contains { number in
          min(number.maxX, cell.maxX) - max(number.x, cell.x) > 0
        }
        if touching, inColumn {
          keep[line] = true
          lonePiece[line] = true
        }
      }
      var above = top
      for line in found.indices.reversed() where found[line].row.band.y < top {
        let candidate = found[line]
        // A wrapped number's upper piece, kept above: the headers go on above it.
        if lonePiece[line], candidate.row.band.maxY <= top {
          above = min(above, candidate.row.band.y)
          continue
        }
        if candidate.row.band.maxY > top {
          // Beside the first row (its label's first line, the values centred lower).
          if isLabelPart(candidate, below: top) {
            keep[line] = true
            above = min(above, candidate.row.band.y)
          }
          continue
        }
        guard
          (candidate.row.cells.count >= 2 && Double(above - candidate.row.band.maxY) <= rowGap * candidate.height
            && candidate.height <= 1.15 * tableHeight) || isLabelPart(candidate, below: above)
        else { break }
        keep[line] = true
        above = candidate.row.band.y
      }
      index = last + 1
    }
    if OCRTrace.enabled {
      for (index, line) in found.enumerated() {
        let pattern = line.row.numeric.map { $0 ? "9" : "a" }.joined()
        let xs =
          line.row.cells.compactMap { $0.union.map { "\($0.x)" } }.joined(separator: ",")
          + " " + line.row.levels.map(String.init).joined(separator: ",")
        OCRTrace.write(
          "streamline\t\(line.row.band.y),\(line.row.band.x) \(line.row.band.width)x\(line.row.band.height)\t\(pattern)\t\(keep[index] ? "kept" : "-")\t\(xs)"
        )
      }
    }
    var run = 0
    var rows: [Row] = []
    for line in found.indices {
      guard keep[line] else {
        run += 1
        continue
      }
      var row = found[line].row
      row.run = run
      row.isLonePiece = lonePiece[line]
      rows.append(row)
    }
    // Each run's white: no line of print lies there but its own.
    let printed = found.indices.filter { !keep[$0] }.map { found[$0].row.band }
    for runNumber in Set(rows.map(\.run)) {
      let members = rows.indices.filter { rows[$0].run == runNumber }
      let bands = members.map { rows[$0].band }
      guard let top = bands.map(\.y).min(), let bottom = bands.map(\.maxY).max(),
        let left = bands.map(\.x).min(), let right = bands.map(\.maxX).max()
      else { continue }
      let others = printed.filter { $0.x < right && $0.maxX > left }
      // A line starting above the run's top (or ending below its bottom) bounds its white, even
      // where it reaches into the run's first row's height (a header's second line, 益组织,
      // beside a header cell one row lower).
      let above = min(top, others.filter { $0.y < top }.map(\.maxY).max() ?? 0)
      let below = max(bottom, others.filter { $0.maxY > bottom }.map(\.y).min() ?? page.height)
      for member in members { rows[member].white = above...max(above, below) }
    }
    return rows
  }

  /// The row's `cells` (ink and the level it was taken at) with neighbouring numbers whose
  /// digits stand at one number's pitch joined into one cell (read at the lighter of their
  /// levels), when the whole still passes `isNumber`. Full-width digits are spaced a
  /// character apart, wider apart still after a narrow 1 (13 as 1 and 3), and where grey
  /// print broke into pieces at the page's level the line's height, which sets the gap
  /// between cells, came out short: one number was split into two values. The next column's
  /// number stands a column's padding and more away.
  static func joiningSpacedDigits(
    _ cells: [(ink: InkComponents, level: UInt8)], isNumber: (InkComponents) -> Bool
  ) -> [(ink: InkComponents, level: UInt8)] {
    var joined: [(ink: InkComponents, level: UInt8)] = []
    for cell in cells {
      if let last = joined.last, isNumber(last.ink), isNumber(cell.ink),
        let left = last.ink.boxes.max(by: { $0.box.maxX < $1.box.maxX })?.box,
        let right = cell.ink.boxes.min(by: { $0.box.x < $1.box.x })?.box
      {
        let height = max(PageReader.typicalHeight(last.ink), PageReader.typicalHeight(cell.ink))
        let pitch = Double(2 * right.x + right.width - 2 * left.x - left.width) / 2
        let whole = InkComponents(last.ink.boxes + cell.ink.boxes)
        if height > 0, pitch <= spacedDigitPitch * Double(height), isNumber(whole) {
          joined[joined.count - 1] = (whole, max(last.level, cell.level))
          continue
        }
      }
      joined.append(cell)
    }
    return joined
  }

  /// The grey level a third of the way from `level` on to `paper`: a blurred grey stroke's
  /// edge, which Otsu's split can leave out, is ink there.
  static func thirdTowardPaper(from level: Int, paper: Int) -> Int {
    level + max(0, paper - level) / 3
  }

  /// Otsu's level over `region` of `page` alone.
  static func level(of page: GreyBitmap, in region: PixelRect) -> UInt8 {
    var histogram = [Int](repeating: 0, count: 256)
    for y in region.y..<region.maxY {
      for x in region.x..<region.maxX { histogram[Int(page[x, y])] += 1 }
    }
    return OtsuThreshold.level(histogram: histogram)
  }

  /// A number wrapped in a narrow column: its pieces, top to bottom, and where the whole
  /// number goes (the ink of its row's cell, or the pieces' columns across the row's band).
  struct WrappedNumber {
    /// (row, cell) of each piece, top to bottom.
    var pieces: [(row: Int, cell: Int)]
    /// The row the whole number belongs to.
    var row: Int
    /// The box the whole number is placed at, in page pixels.
    var box: PixelRect
    /// Whether the join is unsure (a number wrapped over three lines is rare): the tables'
    /// arithmetic keeps it or leaves it null.
    var isUnsure = false
  }

  /// The numbers wrapped in a narrow column (143 printed as 14 over 3). A *piece* is a
  /// number cell of a line with at most three numbers, close above or below a row with at
  /// least two numbers more (the others of its row, centred on the wrapped lines); the piece
  /// continues the row's number under (or over) it, or, where the row has none there, the
  /// piece on the row's other side, when the two straddle the row. A line is pieces only
  /// when it holds nothing but numbers, all of them pieces: a row whose other cells were not
  /// read as numbers is never taken apart.
  static func wrappedPieces(_ rows: [Row]) -> [WrappedNumber] {
    func numbers(_ row: Int) -> [Int] { rows[row].cells.indices.filter { rows[row].numeric[$0] } }
    func overlaps(_ first: PixelRect, _ second: PixelRect) -> Bool {
      let across = min(first.maxX, second.maxX) - max(first.x, second.x)
      return across * 2 >= min(first.width, second.width)
    }
    // For each line of pieces: the full row it wraps around and, per piece, the row's number
    // it continues (nil: none there).
    // A piece continuing the row's number stands close to it (half a line); a piece of a
    // number straddling the row stands up to a line away, the cell's two lines centred on the
    // row's one (10 over 1 in a tall cell: 101), as far above it as the other piece below.
    var pieceLines: [Int: (home: Int, targets: [(cell: Int, into: Int?)], gap: Int, close: Bool)] = [:]
    for index in rows.indices {
      let cells = numbers(index)
      guard !cells.isEmpty, cells.count <= 3, cells.count == rows[index].cells.count else { continue }
      let height = rows[index].band.height
      let neighbours = [index - 1, index + 1].filter { $0 >= 0 && $0 < rows.count }.filter {
        numbers($0).count >= cells.count + 2
      }
      guard
        let home = neighbours.min(by: { gap(rows[$0].band, rows[index].band) < gap(rows[$1].band, rows[index].band) }),
        gap(rows[home].band, rows[index].band) <= height
      else { continue }
      let away = gap(rows[home].band, rows[index].band)
      var targets: [(cell: Int, into: Int?)] = []
      for cell in cells {
        guard let box = rows[index].cells[cell].union else { break }
        // nil: no number of the row there; the piece must then meet one on the other side.
        let into = numbers(home).first { rows[home].cells[$0].union.map { overlaps(box, $0) } ?? false }
        targets.append((cell, into))
      }
      guard targets.count == cells.count else { continue }
      pieceLines[index] = (home, targets, away, away * 2 <= height)
    }
    var joins: [WrappedNumber] = []
    for (index, line) in pieceLines.sorted(by: { $0.key < $1.key }) {
      let home = line.home
      for target in line.targets {
        guard let box = rows[index].cells[target.cell].union else { continue }
        if let into = target.into, let whole = rows[home].cells[into].union {
          guard line.close else { continue }
          let pieces = index < home ? [(index, target.cell), (home, into)] : [(home, into), (index, target.cell)]
          joins.append(WrappedNumber(pieces: pieces, row: home, box: whole))
        } else if index < home, let below = pieceLines[home + 1], below.home == home,
          (line.close && below.close) || abs(line.gap - below.gap) * 2 <= rows[index].band.height,
          let lower = below.targets.first(where: { candidate in
            candidate.into == nil && rows[home + 1].cells[candidate.cell].union.map { overlaps(box, $0) } ?? false
          }),
          let lowerBox = rows[home + 1].cells[lower.cell].union
        {
          // 14 above the row, 3 below it, the row's other numbers between: 143 in the row.
          let left = min(box.x, lowerBox.x)
          let right = max(box.maxX, lowerBox.maxX)
          let band = rows[home].band
          joins.append(
            WrappedNumber(
              pieces: [(index, target.cell), (home + 1, lower.cell)], row: home,
              box: PixelRect(x: left, y: band.y, width: right - left, height: band.height)))
        }
      }
    }
    // A number wrapped over three lines (115 as 1 over 1 over 5, centred in its cell): the
    // middle piece on its row's line, the first and last alone on lines of their own
    // (``Row/isLonePiece``), the row's other numbers wrapped over two lines between them.
    // The lone pieces are centred on the row's number in their column, and no line between
    // holds a number there.
    let lone = rows.indices.filter { rows[$0].isLonePiece && numbers($0) == [0] }
    for top in lone {
      guard let topBox = rows[top].cells[0].union else { continue }
      for bottom in lone where bottom > top + 1 && rows[bottom].run == rows[top].run {
        guard let bottomBox = rows[bottom].cells[0].union, overlaps(topBox, bottomBox) else { continue }
        let inColumn = { (row: Int) in
          numbers(row).filter {
            rows[row].cells[$0].union.map { overlaps(topBox, $0) && overlaps(bottomBox, $0) } ?? false
          }
        }
        let middles = ((top + 1)..<bottom).filter { !inColumn($0).isEmpty }
        guard middles.count == 1, let middle = middles.first, inColumn(middle).count == 1,
          let cell = inColumn(middle).first, let whole = rows[middle].cells[cell].union
        else { continue }
        let centre = { (band: PixelRect) in 2 * band.y + band.height }
        let offCentre = abs(centre(rows[top].band) + centre(rows[bottom].band) - 2 * centre(rows[middle].band))
        guard offCentre * 10 <= 2 * 3 * rows[middle].band.height else { continue }
        joins.append(
          WrappedNumber(
            pieces: [(top, 0), (middle, cell), (bottom, 0)], row: middle, box: whole, isUnsure: true))
      }
    }
    // A line's pieces are joined all or none: drop the joins of a line with a piece left over.
    while true {
      let covered = Set(joins.flatMap { $0.pieces.map { $0.row * 10_000 + $0.cell } })
      let incomplete = Set(
        pieceLines.filter { index, line in line.targets.contains { !covered.contains(index * 10_000 + $0.cell) } }
          .map(\.key))
      let kept = joins.filter { join in !join.pieces.contains { incomplete.contains($0.row) && $0.row != join.row } }
      if kept.count == joins.count { break }
      joins = kept
    }
    return joins
  }

  /// The white space between two bands one above the other (0 when they overlap).
  static func gap(_ first: PixelRect, _ second: PixelRect) -> Int {
    max(0, max(first.y, second.y) - min(first.maxY, second.maxY))
  }

  /// `page` with the ruling lines `rulings` (points) painted `paper`: where a rule touches a
  /// glyph the two would be one blob, and a rule is no text. Along each rule only the run of
  /// ink at most `ruleThickness` points thick around it is cleared, so a stroke crossing the
  /// rule keeps its ink.
  func clearingRules(_ rulings: [RulingLine], from page: GreyBitmap, level: UInt8, paper: UInt8) -> GreyBitmap {
    var cleared = page
    let scale = page.pixelsPerPoint
    let reach = max(2, Int((ruleThickness * scale).rounded()))
    for line in rulings {
      let position = Int((line.position * scale).rounded())
      let start = Int((line.start * scale).rounded())
      let end = Int((line.end * scale).rounded())
      // Strokes of large glyphs (川's three) can be found as short rules: a rule is long.
      guard Double(end - start) >= ruleLength * scale else { continue }
      // (x, y) of the pixel `offset` across the rule at `along`.
      func point(_ along: Int, _ offset: Int) -> (Int, Int) {
        line.axis == .horizontal ? (along, position + offset) : (position + offset, along)
      }
      func isInk(_ along: Int, _ offset: Int) -> Bool {
        let (x, y) = point(along, offset)
        return page[x, y] <= level
      }
      // The thin run of ink around the rule's centre line at each place along it, found from
      // the ink nearest the centre line; nil where there is none or it is too thick.
      var runs: [(along: Int, low: Int, high: Int)] = []
      var clear = 0
      for along in start...end {
        guard let centre = (-reach...reach).filter({ isInk(along, $0) }).min(by: { abs($0) < abs($1) }) else {
          continue
        }
        var low = centre
        while low - 1 >= centre - reach, isInk(along, low - 1) { low -= 1 }
        var high = centre
        while high + 1 <= centre + reach, isInk(along, high + 1) { high += 1 }
        guard high - low < reach else { continue }
        runs.append((along, low, high))
        // Paper just beyond the run on both sides: a rule, not a stroke of a glyph.
        if !isInk(along, low - 3), !isInk(along, high + 3) { clear += 1 }
      }
      // A "rule" found along a row of bold glyphs (a title's aligned strokes) is broken
      // between the glyphs and has ink beside it: it is left alone. A rule is ink nearly all
      // its length, with paper on both sides most of it.
      let length = end - start + 1
      guard runs.count * 10 >= length * 9, clear * 10 >= length * 6 else { continue }
      for run in runs {
        // A pixel beyond the run on each side: the rule's blurred edge.
        for offset in (run.low - 1)...(run.high + 1) {
          let (x, y) = point(run.along, offset)
          cleared[x, y] = paper
        }
      }
    }
    return cleared
  }

  /// Blobs grouped into text lines by baseline, the way ``LineBuilder`` groups characters:
  /// swept by vertical centre, a blob joins a line it overlaps by half its height or the
  /// line's, centres close. A label wrapped over two lines beside a number centred on both
  /// stays two lines, so the number's row is not run into its neighbours'.
  ///
  /// Only blobs at least half a character tall are swept; the small ones (dots, strokes of
  /// 法's 氵, commas) then join a line whose band holds their middle, the one with ink
  /// nearest beside them (a 、 goes with its label, not with a wrapped number's pieces just
  /// below whose band it meets too). Swept with the
  /// rest, a dot at a line's lower edge grew its band a little, a part of a label standing
  /// between two rows then joined it and grew it more, and two rows of numbers became one
  /// line (1 over 0 read as 10 in each column).
  func lines(of blobs: [(box: PixelRect, area: Int)]) -> [[(box: PixelRect, area: Int)]] {
    let heights = blobs.map(\.box.height).sorted()
    let character = heights.isEmpty ? 0 : heights[heights.count * 3 / 4]
    let small = blobs.filter { $0.box.height * 2 < character }
    var (lines, bands) = Self.sweep(blobs.filter { $0.box.height * 2 >= character })
    for blob in small {
      let box = blob.box
      let middle = box.y * 2 + box.height  // twice the middle
      let holding = bands.indices.filter { bands[$0].top * 2 <= middle && middle <= bands[$0].bottom * 2 }
      let near =
        holding.isEmpty
        ? bands.indices.filter { Self.joins(box, bands[$0]) }
        : holding
      // A mark goes with the text it stands beside (、 after 一 of a row's label, not the
      // pieces of a wrapped number just below, whose band it also meets), then the nearest.
      func beside(_ line: Int) -> Int {
        lines[line].map { max(0, $0.box.x - box.maxX, box.x - $0.box.maxX) }.min() ?? .max
      }
      if let line = near.min(by: {
        (beside($0), abs(bands[$0].top + bands[$0].bottom - middle))
          < (beside($1), abs(bands[$1].top + bands[$1].bottom - middle))
      }) {
        lines[line].append(blob)
      } else {
        lines.append([blob])
        bands.append((box.y, box.maxY))
      }
    }
    // Top to bottom by band (the tables are found from consecutive lines).
    return bands.indices.sorted { (bands[$0].top + bands[$0].bottom, $0) < (bands[$1].top + bands[$1].bottom, $1) }
      .map { lines[$0] }
  }

  /// Whether `box` joins a line of `band`: they overlap by half the smaller height, their
  /// middles no further apart than the taller.
  static func joins(_ box: PixelRect, _ band: (top: Int, bottom: Int)) -> Bool {
    let overlap = min(band.bottom, box.maxY) - max(band.top, box.y)
    let bandHeight = band.bottom - band.top
    let smaller = min(bandHeight, box.height)
    let centreGap = abs((band.top + band.bottom) - (box.y + box.maxY))  // twice the distance
    return overlap * 2 >= smaller && centreGap <= max(bandHeight, box.height)
  }

  /// A line's band is at most this many times its tallest glyph (``sweep(_:)``): the glyphs
  /// of one line and what a page turned by a fraction of a degree adds across its width.
  static let tallestLine = 1.5

  /// Blobs swept into lines by vertical centre (``joins(_:_:)``, against the last three
  /// lines, no line growing taller than ``tallestLine`` of its tallest glyph), with each
  /// line's band.
  static func sweep(_ blobs: [(box: PixelRect, area: Int)]) -> (
    lines: [[(box: PixelRect, area: Int)]], bands: [(top: Int, bottom: Int)]
  ) {
    let sorted = blobs.sorted { ($0.box.y * 2 + $0.box.height, $0.box.x) < ($1.box.y * 2 + $1.box.height, $1.box.x) }
    var lines: [[(box: PixelRect, area: Int)]] = []
    var bands: [(top: Int, bottom: Int)] = []
    var tallest: [Int] = []
    for blob in sorted {
      let box = blob.box
      // A line is never much taller than its tallest glyph: a part of a label standing
      // between two tight rows (予 of （三）不予公开, 8 px between the rows) joined the upper
      // row by half its height, grew its band, and the next row's ink then joined too (12
      // over 0 read as 120 in one column, 00 in the others).
      func grown(_ index: Int) -> Bool {
        let glyph = max(tallest[index], box.height)
        // Measured against the line's glyphs above or below the blob (stacked in its
        // columns): a long row on a page turned a fraction of a degree climbs across its
        // width, and a label's first line stands beside its row's values, higher; neither
        // stacks glyphs. Two rows run together do (0 over 12).
        let near = lines[index].filter { $0.box.maxX >= box.x && $0.box.x <= box.maxX }
        guard let top = near.map(\.box.y).min(), let bottom = near.map(\.box.maxY).max() else { return false }
        let height = max(bottom, box.maxY) - min(top, box.y)
        return Double(height) > tallestLine * Double(glyph)
      }
      if let index = stride(from: lines.count - 1, through: max(0, lines.count - 3), by: -1).first(where: {
        joins(box, bands[$0]) && !grown($0)
      }) {
        lines[index].append(blob)
        bands[index] = (min(bands[index].top, box.y), max(bands[index].bottom, box.maxY))
        tallest[index] = max(tallest[index], box.height)
      } else {
        lines.append([blob])
        bands.append((box.y, box.maxY))
        tallest.append(box.height)
      }
    }
    return (lines, bands)
  }

  /// A line's blobs split at white gaps at least `gap` character heights wide.
  static func cells(of line: [(box: PixelRect, area: Int)], gap: Double) -> (cells: [InkComponents], height: Double) {
    let byX = line.sorted { $0.box.x < $1.box.x }
    // The character height: the median of the blobs at least half as tall as the tallest
    // (the strokes of 三 or a decimal point do not count).
    let tallest = byX.map(\.box.height).max() ?? 0
    let heights = byX.map(\.box.height).filter { $0 * 2 >= tallest }.sorted()
    guard !heights.isEmpty else { return ([], 0) }
    let height = Double(heights[heights.count / 2])
    var cells: [[(box: PixelRect, area: Int)]] = []
    var reached = Int.min
    for blob in byX {
      if !cells.isEmpty, Double(blob.box.x - reached) < gap * height {
        cells[cells.count - 1].append(blob)
      } else {
        cells.append([blob])
      }
      reached = max(reached, blob.box.maxX)
    }
    return (cells.map { InkComponents($0) }, height)
  }

  /// Neighbouring number cells of a table row whose glyphs stand closer than this many digit
  /// heights (middle to middle) are one number's spaced digits: full-width digits advance
  /// about 1.4 digit heights, a narrow 1 beside another digit no more; a table's columns
  /// stand three digit heights apart and more.
  static let spacedDigitPitch = 2.0

  /// The widest a lone digit's glyph is for its height (a bold or blurred 0); a Chinese
  /// character is about as wide as tall.
  static let widestDigit = 0.85

  /// Whether a cell's ink looks like a number, perhaps signed.
  ///
  /// Stricter than a grid cell's test, since any ink between the gaps is a candidate: digits
  /// stand side by side and a lone digit is clearly narrower than tall, while the parts of a Chinese
  /// character such as 息 or 三 stand one above the other.
  static func looksLikeNumber(_ cell: InkComponents) -> Bool {
    let digits = PageReader.leadingSign(cell)?.digits ?? cell
    guard PageReader.looksNumeric(digits), let union = cell.union else { return false }
    let boxes = cell.boxes.map(\.box)
    // One glyph about as wide as tall (息 with a dot beside it) is a character, not a digit.
    // A photocopied 0 of a sans font is 0.77 as wide as tall (23 by 30 px at 300 dpi): with
    // it taken for text, a row of zeros was no number row and went to the running text.
    let tall = boxes.filter { $0.height * 2 >= union.height }
    if tall.count == 1, let glyph = tall.first, Double(glyph.width) > widestDigit * Double(glyph.height) {
      return false
    }
    return !hasStackedParts(boxes)
  }

  /// Whether two of `boxes` stand one above the other (overlapping across by more than 0.3 of
  /// the narrower), as a Chinese character's parts do and digits side by side do not.
  static func hasStackedParts(_ boxes: [PixelRect]) -> Bool {
    for (index, first) in boxes.enumerated() {
      for second in boxes[(index + 1)...] {
        let across = min(first.maxX, second.maxX) - max(first.x, second.x)
        if Double(across) > 0.3 * Double(min(first.width, second.width)) { return true }
      }
    }
    return false
  }
}

extension InkComponents {
  /// Blobs already found.
  init(_ boxes: [(box: PixelRect, area: Int)]) {
    self.boxes = boxes
  }
}
