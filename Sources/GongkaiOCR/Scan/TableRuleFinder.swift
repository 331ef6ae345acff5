import GongkaiLayout

/// Finds the ruled tables of a scanned page as the scan reader does: the page turned
/// straight, then rules found on a smoothed black-and-white copy measured against the local
/// paper, so light grey borders and rules through grey shading count.
public struct TableRuleFinder: Sendable {
  /// A page's tables as found.
  public struct Found: Sendable {
    /// The page turned straight (cells are read from it).
    public var page: GreyBitmap
    /// The clockwise turn taken out of the page, in degrees (0 when left alone).
    public var skew: Double
    /// The page's paper level.
    public var paper: UInt8
    /// The ink level of the straightened page (Otsu).
    public var level: UInt8
    /// Every rule found, in points on the straightened page.
    public var rulings: [RulingLine]
    /// The tables assembled from the rules.
    var grids: [TableGrid]
    /// The vertical lines the light pass found that no rule kept: where one runs through a
    /// cell holding two numbers, it is the column rule between them.
    var lightColumns: [RulingLine] = []

    /// The rules that belong to the tables, in points on the straightened page.
    public var tableRulings: [RulingLine] { TableRuleFinder.rulings(rulings, inside: grids) }
  }

  /// Estimates how far the page is turned.
  public var skewEstimator = SkewEstimator()
  /// Pieces of a rule up to 10 pt apart are one rule: where a seal's ring crosses a rule the
  /// ink is too thick to be a line for a few points (a cell is wider, a row taller than that).
  /// A label column's rule that runs on to where the table's other columns end is no streak,
  /// though no row rule is drawn there (a browser-printed table cut by a page break).
  public var rulingFinder: RulingLineFinder = {
    var options = RulingLineFinder.Options()
    options.joinGap = 10
    options.sharedEnds = 2
    return RulingLineFinder(options: options)
  }()
  /// The block (points) the local paper level is measured over when finding rules; smaller
  /// than a cell, larger than a rule is thick.
  public var shadingBlockSize = 2.0
  /// How far (points) past its block the local paper is looked for on a page whose rules are
  /// as thick as a block: a rule up to a block and twice this thick (two cells' 1.5-pt
  /// separate borders run together: 3 pt and the scan's blur) then still meets white paper,
  /// so it stays a rule instead of counting as shading. Only there: a seal's filled star or
  /// thick ring over a rule would also stop counting as shading, and take the rule with it.
  public var shadingReach = 1.0
  /// How far (points) the page is averaged along a rule's direction before rules are found:
  /// long enough to average the paper's noise out of a light one-pixel rule, short beside the
  /// shortest rule (``RulingLineFinder/Options/minimumVerticalLength``).
  public var ruleSmoothing = 0.75
  /// How much darker than the paper (grey levels) a rule must be at least: light grey
  /// borders of 0.25 pt, blurred by a copier, are only about 30 levels darker.
  public var ruleMargin = 12
  /// The margin grows with the page's contrast: at least (paper − ink level) / this. A
  /// light-grey rule on a 200-dpi scan can be only 20 levels deep where this asks for 21
  /// (then it breaks into pieces); 100 (a margin of ``ruleMargin``) keeps such rules whole
  /// but loses table 四 under a seal on hard-2019-light: not changed yet.
  public var contrastDivisor = 4
  /// How far (points) a rule stopping short of a crossing rule is followed on through ink
  /// (``bridged(_:page:level:ruleLevel:binary:reach:)``): where a seal's ring runs along a
  /// rule or over a table's corner, the rule under it is lost for up to a few tens of points.
  /// 0 (off) for reading: with the rules under a seal found, more cells under it are read,
  /// and the layout step can put such a number in the row above (a photocopy with a seal
  /// over table 三's last rows); the provenance check finds the table's rules with 40.
  public var bridgeReach = 0.0
  /// A vertical line shorter than this (points) with an end that meets no horizontal rule
  /// is a stroke of large type (a bold heading above a table), not a rule: the grid would
  /// grow up over the heading and paint it out of the running text.
  public var anchoredLength = 28.8
  /// How near (points) a vertical line's end must come to a horizontal line to meet it
  /// (``anchoredLength``); taken before ends are drawn on to crossing rules.
  public var anchorReach = 4.0
  /// Whether rules too light for the page's margin are looked for again with
  /// ``lightRuleMargin`` and ``lightRuleSmoothing`` and kept where the rules found confirm them (``confirmed(_:by:alignment:gap:reach:)``).
  public var confirmLightRules = true
  /// How far (points) the page is averaged along a rule's direction when light rules are
  /// looked for again: a rule only 14 levels deep on a grey 200-dpi scan stands out of the
  /// paper's noise only averaged over a few points.
  public var lightRuleSmoothing = 3.0
  /// How much darker than the paper (grey levels) a light rule looked for again must be.
  public var lightRuleMargin = 8
  /// Whether row rules lost over a table's whole width are looked for where the page shows
  /// them (``lostRows(in:page:depth:stepDepth:segment:share:run:clearance:)``).
  public var lostRowsFound = true
  /// Whether column rules lost over a table's whole height are looked for where the grid's
  /// equal columns put them and the page shows them
  /// (``lostColumns(in:page:tolerance:regular:search:rows:length:depth:segment:clearance:)``).
  public var lostColumnsFound = true
  /// Rotations smaller than this (degrees) are left alone.
  public var minimumSkew = 0.05
  /// Whether the sides of solid dark blocks inside a table count as drawn cell edges
  /// (``darkFillSides(_:page:level:side:jag:snap:)``): the block hides the rules under it.
  public var darkFillSidesFound = true
  /// Whether the edges of grey shading inside a table count as cell edges
  /// (``shadeEdges(_:page:level:step:flatness:window:gap:inset:snap:)``): a light rule along
  /// a shaded band is lost against the band.
  public var shadeEdgesFound = true
  /// Whether vertical lines made of characters' strokes in line over tight rows are dropped
  /// (``droppingGlyphStrokes(_:crossing:page:paper:level:cornerReach:)``).
  public var glyphStrokesDropped = true

  /// Creates a finder with the reader's settings.
  public init() {}

  /// The tables of `bitmap`, a scanned page.
  public func find(in bitmap: GreyBitmap) -> Found {
    let paper = bitmap.paperLevel()
    let skew = skewEstimator.angle(of: bitmap)
    let turned = abs(skew) >= minimumSkew
    let page = turned ? bitmap.rotated(clockwiseDegrees: skew, background: paper) : bitmap
    let scale = page.pixelsPerPoint
    let level = OtsuThreshold.level(of: page)
    // Rules are found on a smoothed black-and-white copy: a blurred rule is lighter than
    // text, and with one threshold between ink and paper it would break up.
    let ruleLevel = UInt8(max(Int(level), Int(paper) - max(ruleMargin, (Int(paper) - Int(level)) / contrastDivisor)))
    // Measured against the local paper, so grey shading behind a table row is not ink
    // and the rules around it stay lines (see ``GreyBitmap/smoothedBinary(level:margin:block:length:reach:)``).
    let shadingBlock = max(2, Int((shadingBlockSize * scale).rounded()))
    /// The page black where darker than `level` and the local paper, averaged `smoothing`
    /// points along rules.
    func ruleImage(level: UInt8, smoothing: Double, reach: Int) -> GreyBitmap {
      page.smoothedBinary(
        level: level, margin: Int(paper) - Int(level), block: shadingBlock,
        length: max(3, Int((smoothing * scale).rounded())), reach: reach)
    }
    var binary = ruleImage(level: ruleLevel, smoothing: ruleSmoothing, reach: 0)
    var lines = rulingFinder.lines(in: binary)
    // Rules as thick as a block (the ones found where they held none): the others were
    // their own paper. Found again with the measure's reach.
    var reach = 0
    if Self.typicalThickness(of: lines, in: page, level: level) >= shadingBlock {
      reach = Int((shadingReach * scale).rounded())
      binary = ruleImage(level: ruleLevel, smoothing: ruleSmoothing, reach: reach)
      lines = rulingFinder.lines(in: binary)
    }
    // Strokes of small type in line over tight rows are no column rules: dropped before the
    // grids the light pass completes are built from them.
    if glyphStrokesDropped { lines = Self.droppingGlyphStrokes(lines, page: page, paper: paper, level: level) }
    // A light rule can be shallower than the margin asks for (only 14 levels on a grey
    // 200-dpi scan, and the paper's noise breaks it): found again with a smaller margin,
    // averaged further along its direction, a line is kept where it goes on a rule found above or runs from
    // one found rule to another (a lost column rule between two row rules); a seal ring's
    // stray arc does neither.
    let lenientLevel = UInt8(max(Int(level), Int(paper) - lightRuleMargin))
    func bandBeyond(_ x: Double, _ y: Double, _ upwards: Bool) -> Bool {
      Self.isDarkBand(beyond: (x, y), upwards: upwards, page: page, level: level)
    }
    // Only the tables the page's margin found are completed: where it found none, the table
    // is read by its rows (as a table without vertical rules), and a grid of light lines with
    // a column rule still lost would join two columns' numbers in one cell.
    let framed =
      confirmLightRules
      ? Self.rulings(lines, inside: TableGrid.grids(from: Self.snapped(lines, reach: rulingFinder.options.joinGap)))
      : []
    var lightColumns: [RulingLine] = []
    if lenientLevel > ruleLevel, !framed.isEmpty {
      let lenient = ruleImage(level: lenientLevel, smoothing: lightRuleSmoothing, reach: reach)
      var light = rulingFinder.lines(in: lenient)
      if glyphStrokesDropped {
        light = Self.droppingGlyphStrokes(light, crossing: lines, page: page, paper: paper, level: level)
      }
      lines =
        Self.confirmed(
          light, by: framed, alignment: rulingFinder.options.alignment,
          gap: rulingFinder.options.joinGap, reach: anchorReach, bandBeyond: bandBeyond)
        + lines.filter { !framed.contains($0) }
      // A faint rule the noise broke into pieces far apart (a whole table's row rules on a
      // grey scan) is drawn whole where the page shows it between the pieces, and a light
      // column rule between two rules so made is kept. Again while rules are added: a rule
      // made whole is the end another one meets. Columns too: a light column rule lost over
      // the whole table (a WPS grid at 200 dpi, a rule that falls between two pixel columns
      // and prints half as deep) comes out of the light pass in pieces, one row or a few
      // each; a grid's column edge is one line through the table, drawn where the page
      // shows it all along (a label column's stacked strokes do not: not over two rows).
      for _ in 0..<4 {
        var grown = Self.completed(
          light, in: lines, page: page, alignment: rulingFinder.options.alignment, reach: anchorReach,
          axes: [.horizontal, .vertical])
        grown += Self.spanning(
          light, in: grown, axis: .vertical, alignment: rulingFinder.options.alignment,
          gap: rulingFinder.options.joinGap, reach: anchorReach)
        guard grown != lines else { break }
        lines = grown
      }
      lightColumns = light.filter { $0.axis == .vertical }
      // The light pass joins strokes in line too (a line from row rule to row rule).
      if glyphStrokesDropped { lines = Self.droppingGlyphStrokes(lines, page: page, paper: paper, level: level) }
    }
    if lostRowsFound { lines += Self.lostRows(in: lines, page: page) }
    if lostColumnsFound {
      // Looked for in the grid the rules will make: the short strokes anchoring drops are no edges.
      lines += Self.lostColumns(
        in: Self.anchored(lines, reach: anchorReach, shortest: anchoredLength, bandBeyond: bandBeyond), page: page)
    }
    let rulings = Self.droppingFrames(
      Self.trimmingOverruns(
        Self.snapped(
          Self.anchored(
            Self.bridged(
              lines, page: page, level: level, ruleLevel: ruleLevel, binary: binary,
              reach: bridgeReach),
            reach: anchorReach, shortest: anchoredLength, bandBeyond: bandBeyond),
          reach: rulingFinder.options.joinGap),
        reach: anchorReach, longest: anchoredLength),
      pageHeight: Double(page.height) / scale)
    var sides = darkFillSidesFound ? Self.darkFillSides(rulings, page: page, level: level) : []
    if shadeEdgesFound {
      let edges = Self.shadeEdges(rulings + sides, page: page, level: level)
      if OCRTrace.enabled {
        for edge in edges {
          OCRTrace.write(
            "shadeedge\t\(edge.axis == .horizontal ? "h" : "v")\t\(Int(edge.position.rounded()))\t\(Int(edge.start.rounded()))-\(Int(edge.end.rounded()))"
          )
        }
      }
      sides += edges
    }
    return Found(
      page: page, skew: turned ? skew : 0, paper: paper, level: level, rulings: rulings + sides,
      grids: TableGrid.grids(from: rulings + sides), lightColumns: lightColumns)
  }

  /// `rulings` without the sides of a frame: a grid of one column (a box, however many
  /// lines cross it) that holds another grid or reaches over half the page is a border
  /// drawn round the page or its text (Word's page border), not a table, as the layout step
  /// has it (``RuledTableFinder``'s frames). On a scan its sides must go before the grids
  /// are built: a table's rules that reach it (a three-line table's) join it into one
  /// grid of full-width cells, each row read as one cell, and a frame round a page of
  /// text is read as a table cell. Its top and bottom and the two sides go; rules inside
  /// stay and are read as they would be without the frame.
  static func droppingFrames(_ rulings: [RulingLine], pageHeight: Double) -> [RulingLine] {
    let grids = TableGrid.grids(from: rulings)
    let slack = TableGrid.tolerance
    let boxes = grids.map(\.box)
    let frames = grids.filter {
      RuledTableFinder.isFrame($0.box, columnEdges: $0.xs.count, among: boxes, pageHeight: pageHeight)
    }
    guard !frames.isEmpty else { return rulings }
    return rulings.filter { line in
      !frames.contains { frame in
        let box = frame.box
        switch line.axis {
        case .horizontal:
          // The top or bottom: across (nearly) the whole frame.
          return (abs(line.position - box.minY) <= slack || abs(line.position - box.maxY) <= slack)
            && line.start <= box.minX + slack && line.end >= box.maxX - slack
        case .vertical:
          // A side: along most of the frame, within it.
          return (abs(line.position - box.minX) <= slack || abs(line.position - box.maxX) <= slack)
            && line.start >= box.minY - slack && line.end <= box.maxY + slack
            && line.end - line.start >= box.height / 2
        }
      }
    }
  }

  /// The rulings that belong to the grids kept, so the layout step sees the same tables.
  static func rulings(_ rulings: [RulingLine], inside grids: [TableGrid]) -> [RulingLine] {
    let slack = TableGrid.tolerance
    return rulings.filter { line in
      grids.contains { grid in
        let box = grid.box
        switch line.axis {
        case .horizontal:
          return line.position >= box.minY - slack && line.position <= box.maxY + slack
            && line.start >= box.minX - slack && line.end <= box.maxX + slack
        case .vertical:
          return line.position >= box.minX - slack && line.position <= box.maxX + slack
            && line.start >= box.minY - slack && line.end <= box.maxY + slack
        }
      }
    }
  }

  /// `lines` with a vertical rule's end that runs on alone past the table's outer row rule
  /// drawn back to it. A heading printed right on a table's top rule (or a note right under
  /// its foot) joins the glyph strokes standing on a column rule to the rule: it sticks out
  /// by a glyph's height, under `longest` points, where its end meets no horizontal line,
  /// and no other vertical line of the table ends with it there (columns that all run on
  /// past the rule end at a row rule that was lost, and are left alone). The outer rule is
  /// the first horizontal line met from that end, drawn on both sides of the column rule
  /// (glyphs resting on it may break it into pieces there). Left as it was, the grid grows a
  /// row over the heading, and the heading is read into the table's header cell.
  static func trimmingOverruns(
    _ lines: [RulingLine], reach: Double, longest: Double, alignment: Double = 2
  ) -> [RulingLine] {
    let horizontal = lines.filter { $0.axis == .horizontal }
    let vertical = lines.filter { $0.axis == .vertical }
    func meets(_ x: Double, at y: Double) -> Bool {
      horizontal.contains { abs($0.position - y) <= reach && $0.start - reach <= x && $0.end + reach >= x }
    }
    /// The nearest row rule from `end` inward (within `longest`), when it is drawn on both
    /// sides of `x` and the end is clear of it: the first horizontal line met going in from
    /// the end (any piece, wherever it lies across) must be that rule.
    func outerRule(x: Double, from end: Double, inward: Double) -> Double? {
      let rows = horizontal.map(\.position).filter { ($0 - end) * inward > -reach && ($0 - end) * inward < longest }
      guard let nearest = rows.min(by: { ($0 - end) * inward < ($1 - end) * inward }),
        (nearest - end) * inward > reach
      else { return nil }
      let pieces = horizontal.filter { abs($0.position - nearest) <= alignment }
      guard pieces.contains(where: { $0.start - reach <= x }), pieces.contains(where: { $0.end + reach >= x }) else {
        return nil
      }
      return nearest
    }
    /// Whether another vertical line crossing the rule at `rule` ends near `end` too.
    func shared(_ line: RulingLine, end: Double, rule: Double) -> Bool {
      vertical.contains { other in
        other != line && other.start - reach <= rule && other.end + reach >= rule
          && abs((end < rule ? other.start : other.end) - end) <= reach
      }
    }
    return lines.map { line in
      guard line.axis == .vertical else { return line }
      var line = line
      if !meets(line.position, at: line.start),
        let rule = outerRule(x: line.position, from: line.start, inward: 1), rule < line.end,
        !shared(line, end: line.start, rule: rule)
      {
        line.start = rule
      }
      if !meets(line.position, at: line.end),
        let rule = outerRule(x: line.position, from: line.end, inward: -1), rule > line.start,
        !shared(line, end: line.end, rule: rule)
      {
        line.end = rule
      }
      return line
    }
  }

  /// `lines` with each end that stops short of a crossing rule by at most `reach` points
  /// drawn on to it when the way there is ink all along: the rule's (black in `binary`, the
  /// copy the rules were found on), ink as dark as print on `page` (at most `level`), or a
  /// thin line at most `ruleLevel` with paper or dark ink on both sides. Where a seal's
  /// ring crosses or runs along a rule, its flat grey is paper to the rule finder's local
  /// threshold and the light rule beside it is lost, and the pieces beyond are too short to
  /// be lines: the rule runs on under it. A real gap, or shading (no line), is left alone.
  static func bridged(
    _ lines: [RulingLine], page: GreyBitmap, level: UInt8, ruleLevel: UInt8, binary: GreyBitmap, reach: Double
  ) -> [RulingLine] {
    let scale = page.pixelsPerPoint
    // The rule may wander a little off its centre line (a blurred, turned scan).
    let band = max(1, Int((0.75 * scale).rounded()))
    let side = band + max(2, Int((1.0 * scale).rounded()))
    let margin = 16
    let longestCover = Int((16 * scale).rounded())
    func inkAll(along line: RulingLine, from: Double, to: Double) -> Bool {
      let across = Int((line.position * scale).rounded())
      func value(_ step: Int, _ offset: Int) -> Int {
        Int(line.axis == .horizontal ? page[step, across + offset] : page[across + offset, step])
      }
      var gap = 0
      var covered = 0
      for step in Int((from * scale).rounded())...Int((to * scale).rounded()) {
        var darkest = 255
        var seen = false
        for offset in -band...band {
          let (x, y) = line.axis == .horizontal ? (step, across + offset) : (across + offset, step)
          if binary[x, y] < 128 { seen = true }
          darkest = min(darkest, value(step, offset))
        }
        // Dark ink alone (the ring over the rule) only for as long as a ring crosses a rule;
        // a ring running along a path where no rule is drawn is no rule.
        if !seen, darkest <= Int(level) {
          covered += 1
          if covered > longestCover { return false }
          gap = 0
          continue
        }
        if !seen {
          let clear = [value(step, -side), value(step, side)].allSatisfy { $0 >= darkest + margin || $0 <= Int(level) }
          seen = darkest <= Int(ruleLevel) && clear
        }
        covered = 0
        gap = seen ? 0 : gap + 1
        if gap > 2 { return false }
      }
      return true
    }
    let inked = lines.map { line in
      var line = line
      let crossing = lines.filter {
        $0.axis != line.axis && $0.start - reach <= line.position && $0.end + reach >= line.position
      }
      if let stop = crossing.map(\.position).filter({ $0 > line.end && $0 <= line.end + reach }).min(),
        inkAll(along: line, from: line.end, to: stop)
      {
        line.end = stop
      }
      if let stop = crossing.map(\.position).filter({ $0 < line.start && $0 >= line.start - reach }).max(),
        inkAll(along: line, from: stop, to: line.start)
      {
        line.start = stop
      }
      return line
    }
    // A crossing rule that ends on this rule's track (once followed on through ink) makes a
    // corner with it there: the rule runs on to it. A seal's ring running along a table's
    // bottom rule hides it where the ink alone cannot tell, but the last column's rule comes
    // down to it.
    let corner = 2.0
    return inked.map { line in
      var line = line
      let ending = inked.filter {
        $0.axis != line.axis && (abs($0.end - line.position) <= corner || abs($0.start - line.position) <= corner)
      }.map(\.position)
      if let stop = ending.filter({ $0 > line.end && $0 <= line.end + reach }).min() { line.end = stop }
      if let stop = ending.filter({ $0 < line.start && $0 >= line.start - reach }).max() { line.start = stop }
      return line
    }
  }

  /// The shortest horizontal line (points) ``typicalThickness(of:in:level:)`` measures: a
  /// table's row rule, not a rule's stub or a glyph's stroke.
  static let rowRuleLength = 72.0

  /// The median thickness (pixels at or below `level`, straight across the line at its
  /// middle and quarters) of the long horizontal `lines`: the table's row rules.
  static func typicalThickness(of lines: [RulingLine], in page: GreyBitmap, level: UInt8) -> Int {
    let scale = page.pixelsPerPoint
    let rules = lines.filter { $0.axis == .horizontal && $0.end - $0.start >= rowRuleLength }
    var thicknesses: [Int] = []
    for rule in rules {
      let y = Int((rule.position * scale).rounded())
      guard y >= 0, y < page.height else { continue }
      var across: [Int] = []
      for share in [0.25, 0.5, 0.75] {
        let x = Int(((rule.start + (rule.end - rule.start) * share) * scale).rounded())
        guard x >= 0, x < page.width, page[x, y] <= level else {
          across.append(0)
          continue
        }
        var top = y
        while top > 0, page[x, top - 1] <= level { top -= 1 }
        var bottom = y
        while bottom + 1 < page.height, page[x, bottom + 1] <= level { bottom += 1 }
        across.append(bottom - top + 1)
      }
      thicknesses.append(across.sorted()[1])
    }
    guard !thicknesses.isEmpty else { return 0 }
    return thicknesses.sorted()[thicknesses.count / 2]
  }

  /// `found` (rules found with the page's margin) with the lines of `light` (found with a
  /// smaller margin) that go on one of them (same axis, within `alignment` points across,
  /// overlapping or within `gap` points along) or whose two ends meet found rules of the other
  /// axis (within `reach` points) and that cross one more between: a light rule broken into
  /// pieces is whole again and a column rule lost over some rows comes back. A line over one
  /// row only may be a character's stroke, run on to the rules above and below it by the
  /// smoothing. A found rule a light line goes on is replaced by it (drawn over both, on the
  /// longest found piece's centre line); the rules so made whole are those the others meet.
  ///
  /// A line over one row whose ends meet found rules or dark bands (`bandBeyond`: a shaded
  /// row photocopied black) is kept too where a found rule stands in line with it: the
  /// column's rule, lost in a row between two bands (its ends there are no rules yet).
  static func confirmed(
    _ light: [RulingLine], by found: [RulingLine], alignment: Double, gap: Double, reach: Double,
    bandBeyond: (_ x: Double, _ y: Double, _ upwards: Bool) -> Bool = { _, _, _ in false }
  ) -> [RulingLine] {
    func continues(_ line: RulingLine, _ other: RulingLine) -> Bool {
      line.axis == other.axis && abs(line.position - other.position) <= alignment
        && line.start <= other.end + gap && other.start <= line.end + gap
    }
    // First the light lines that go on a found rule (drawn over both, on the longest found
    // piece's centre line, the surer one): a light rule broken into pieces is whole again.
    var whole: [RulingLine] = []
    var rest: [RulingLine] = []
    for line in light {
      let goesOn = found.filter { continues(line, $0) }
      guard let longest = goesOn.max(by: { $0.end - $0.start < $1.end - $1.start }) else {
        rest.append(line)
        continue
      }
      var line = line
      line.position = longest.position
      line.start = goesOn.map(\.start).reduce(line.start, min)
      line.end = goesOn.map(\.end).reduce(line.end, max)
      // Two light pieces of the same rule are one line.
      if let same = whole.firstIndex(where: { continues($0, line) }) {
        whole[same].start = min(whole[same].start, line.start)
        whole[same].end = max(whole[same].end, line.end)
      } else {
        whole.append(line)
      }
    }
    let anchors = whole + found.filter { line in !whole.contains { continues($0, line) } }
    func meets(_ line: RulingLine, at along: Double) -> Bool {
      anchors.contains { other in
        other.axis != line.axis && abs(other.position - along) <= reach
          && other.start - reach <= line.position && other.end + reach >= line.position
      }
    }
    // Crosses a rule of the other axis between its ends.
    func crosses(_ line: RulingLine) -> Bool {
      anchors.contains { other in
        other.axis != line.axis && other.position > line.start + reach && other.position < line.end - reach
          && other.start - reach <= line.position && other.end + reach >= line.position
      }
    }
    // Then the light lines between two of those rules, over two rows (columns) at least.
    func inLineWithFound(_ line: RulingLine) -> Bool {
      line.axis == .vertical
        && found.contains { $0.axis == .vertical && abs($0.position - line.position) <= alignment }
    }
    return anchors
      + rest.filter { line in
        let top = meets(line, at: line.start)
        let bottom = meets(line, at: line.end)
        if top, bottom, crosses(line) { return true }
        guard inLineWithFound(line) else { return false }
        let bandAbove = bandBeyond(line.position, line.start, true)
        let bandBelow = bandBeyond(line.position, line.end, false)
        return (bandAbove || bandBelow) && (top || bandAbove) && (bottom || bandBelow)
      }
  }

  /// `lines` without the short vertical ones (below `shortest` points) that have an end
  /// `reach` points or more from every horizontal line crossing their way and no vertical
  /// line in line with them (within `alignment`) beyond it (within `continuation`): a
  /// table's vertical rule runs from one horizontal rule to another, or on past a gap a
  /// seal's ring made; a glyph's stroke does not. An end at a dark band (`bandBeyond`: a
  /// shaded row photocopied black, whose sides are cell edges found later) is anchored too:
  /// a row's column rule between two such bands is shorter than `shortest`.
  static func anchored(
    _ lines: [RulingLine], reach: Double, shortest: Double, alignment: Double = 2, continuation: Double = 24,
    bandBeyond: (_ x: Double, _ y: Double, _ upwards: Bool) -> Bool = { _, _, _ in false }
  ) -> [RulingLine] {
    let horizontal = lines.filter { $0.axis == .horizontal }
    let vertical = lines.filter { $0.axis == .vertical }
    func meets(_ x: Double, at y: Double) -> Bool {
      horizontal.contains { abs($0.position - y) <= reach && $0.start - reach <= x && $0.end + reach >= x }
    }
    // A rule broken where a seal's ring crosses it goes on beyond its free end, in line.
    func continued(_ line: RulingLine, upwards: Bool) -> Bool {
      vertical.contains { other in
        abs(other.position - line.position) <= alignment
          && (upwards
            ? other.end <= line.start && line.start - other.end <= continuation
            : other.start >= line.end && other.start - line.end <= continuation)
      }
    }
    return lines.filter { line in
      line.axis == .horizontal || line.end - line.start >= shortest
        || ((meets(line.position, at: line.start) || continued(line, upwards: true)
          || bandBeyond(line.position, line.start, true))
          && (meets(line.position, at: line.end) || continued(line, upwards: false)
            || bandBeyond(line.position, line.end, false)))
    }
  }

  /// `lines` with each end that stops short of a crossing rule by at most `reach` points
  /// drawn on to it: where a seal covers a table's corner the rule under it is lost. An end
  /// already at a crossing rule (within `meet` points, as near as a line's end comes to the
  /// rule it meets: ``anchorReach``) stops there: in rows no taller than
  /// `reach` (9-pt type in 10-pt rows) the next rule is in reach too, and a column rule that
  /// ends at a merged cell (（六）其他处理 under the column of 1.属于国家秘密 …) was drawn on
  /// through it, cutting its label.
  static func snapped(_ lines: [RulingLine], reach: Double, meet: Double = 4) -> [RulingLine] {
    lines.map { line in
      var line = line
      let crossing = lines.filter {
        $0.axis != line.axis && $0.start - reach <= line.position && $0.end + reach >= line.position
      }.map(\.position)
      if let at = crossing.filter({ abs($0 - line.end) <= meet }).max() {
        line.end = max(line.end, at)
      } else if let stop = crossing.filter({ $0 > line.end && $0 <= line.end + reach }).min() {
        line.end = stop
      }
      if let at = crossing.filter({ abs($0 - line.start) <= meet }).min() {
        line.start = min(line.start, at)
      } else if let stop = crossing.filter({ $0 < line.start && $0 >= line.start - reach }).max() {
        line.start = stop
      }
      return line
    }
  }
}
