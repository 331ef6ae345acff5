/// Finds the ruling lines of drawn table grids on a grey page image.
///
/// The image is binarized with one global Otsu threshold; a pixel belongs to a line when it
/// lies on a run of ink at least as long as the kernel (a morphological opening with a
/// 1×k or k×1 line), and runs on neighbouring rows or columns form one line. Collinear
/// pieces are merged, and vertical "lines" running far past the outermost horizontal
/// rules they cross (scanner streaks) are dropped.
public struct RulingLineFinder: Sendable {
  /// Tuning in PDF points, so results do not depend on the resolution.
  public struct Options: Sendable, Equatable {
    /// The shortest horizontal run that counts as a line (0.4 in by default).
    public var minimumHorizontalLength: Double = 28.8
    /// The shortest vertical run that counts as a line (0.2 in by default).
    public var minimumVerticalLength: Double = 14.4
    /// Thicker ink (filled areas, shading) is not a line.
    public var maximumThickness: Double = 4
    /// Collinear pieces closer than this along their axis are one line.
    public var joinGap: Double = 3
    /// Lines whose positions differ by at most this are collinear.
    public var alignment: Double = 2
    /// A vertical line reaching this far past the outermost horizontal rules it crosses is a streak.
    public var streakOverrun: Double = 72
    /// Ink must be darker than this, whatever Otsu says (keeps light shading out).
    public var maximumInkLevel: UInt8 = 170
    /// How many table rules (vertical lines within ``streakOverrun`` of the horizontal rules
    /// they cross) must end where a longer vertical ends, crossing a horizontal rule it
    /// crosses, for that end to be the table's edge and the line no streak (0: off). A
    /// table cut by a page break with no rule drawn under its last row (a browser-printed
    /// page: the table's background shows there as a filled bar, which is no line) still
    /// ends its columns together; a label column's rule, crossing no row rule over the
    /// rows it spans, ends there too.
    public var sharedEnds = 0

    /// Default tuning.
    public init() {}
  }

  /// The tuning in use.
  public var options: Options

  /// Creates a finder.
  public init(options: Options = Options()) {
    self.options = options
  }

  /// The ruling lines of `bitmap`, in page points with the origin at the top-left corner.
  public func lines(in bitmap: GreyBitmap) -> [RulingLine] {
    let scale = bitmap.pixelsPerPoint
    let level = min(OtsuThreshold.level(of: bitmap), options.maximumInkLevel)
    let maxThickness = max(1, Int((options.maximumThickness * scale).rounded(.up)))
    let horizontalKernel = max(3, Int((options.minimumHorizontalLength * scale).rounded()))
    let verticalKernel = max(3, Int((options.minimumVerticalLength * scale).rounded()))
    let (horizontalRuns, verticalRuns) = Self.runs(
      in: bitmap, level: level, horizontalKernel: horizontalKernel,
      verticalKernel: verticalKernel)
    let horizontal = merge(
      Self.bands(horizontalRuns, maxThickness: maxThickness)
        .map { $0.line(axis: .horizontal, scale: scale) })
    let vertical = merge(
      Self.bands(verticalRuns, maxThickness: maxThickness)
        .map { $0.line(axis: .vertical, scale: scale) })
    return horizontal + dropStreaks(vertical, crossing: horizontal)
  }

  /// A straight run of ink pixels: `position` is its row (horizontal) or column (vertical),
  /// `start...end` its extent along the run, in pixels.
  struct Run {
    var position: Int
    var start: Int
    var end: Int  // inclusive
  }

  /// Every horizontal run of at least `horizontalKernel` ink pixels and every vertical run of
  /// at least `verticalKernel`, found in one pass over the rows (a morphological opening with
  /// line-shaped kernels keeps exactly these pixels).
  static func runs(
    in bitmap: GreyBitmap, level: UInt8, horizontalKernel: Int, verticalKernel: Int
  ) -> (horizontal: [Run], vertical: [Run]) {
    let width = bitmap.width
    let height = bitmap.height
    var horizontal: [Run] = []
    var vertical: [Run] = []
    // For each column, the row where its current vertical run of ink began (-1: none).
    var columnStart = [Int32](repeating: -1, count: width)
    // 1 where a column has a vertical run open, for the sixteen-pixel fast path.
    var columnOpen = [UInt8](repeating: 0, count: width + 16)
    var inkRow = [UInt8](repeating: 0, count: width + 16)
    bitmap.pixels.withUnsafeBufferPointer { pixels in
      columnStart.withUnsafeMutableBufferPointer { starts in
       columnOpen.withUnsafeMutableBufferPointer { opens in
       inkRow.withUnsafeMutableBufferPointer { inks in
        guard let base = pixels.baseAddress, let startBase = starts.baseAddress,
          let openBase = opens.baseAddress, let inkBase = inks.baseAddress
        else { return }
        for row in 0..<height {
          let line = base + row * width
          var runStart = -1
          var column = 0
          // Ink (1) or paper (0) for the row: a plain loop the compiler vectorizes.
          for index in 0..<width { inkBase[index] = line[index] <= level ? 1 : 0 }
          let inkRaw = UnsafeRawPointer(inkBase)
          let openRaw = UnsafeRawPointer(openBase)
          while column < width {
            // Fast path: eight pixels of paper with no run open through any of them.
            if runStart < 0, column + 8 <= width,
              inkRaw.loadUnaligned(fromByteOffset: column, as: UInt64.self)
                | openRaw.loadUnaligned(fromByteOffset: column, as: UInt64.self) == 0
            {
              column += 8
              continue
            }
            if inkBase[column] == 0 {
              if runStart >= 0 {
                if column - runStart >= horizontalKernel {
                  horizontal.append(Run(position: row, start: runStart, end: column - 1))
                }
                runStart = -1
              }
              let started = Int(startBase[column])
              if started >= 0 {
                if row - started >= verticalKernel {
                  vertical.append(Run(position: column, start: started, end: row - 1))
                }
                startBase[column] = -1
                openBase[column] = 0
              }
            } else {
              if runStart < 0 { runStart = column }
              if startBase[column] < 0 {
                startBase[column] = Int32(row)
                openBase[column] = 1
              }
            }
            column += 1
          }
          if runStart >= 0, width - runStart >= horizontalKernel {
            horizontal.append(Run(position: row, start: runStart, end: width - 1))
          }
        }
        for column in 0..<width {
          let started = Int(startBase[column])
          if started >= 0, height - started >= verticalKernel {
            vertical.append(Run(position: column, start: started, end: height - 1))
          }
        }
       }
       }
      }
    }
    return (horizontal, vertical)
  }

  /// A stack of runs on neighbouring rows (or columns) that together form one line, in pixels.
  struct Band {
    var start: Int
    var end: Int  // inclusive
    var first: Int
    var last: Int  // inclusive

    func line(axis: RulingLine.Axis, scale: Double) -> RulingLine {
      RulingLine(
        axis: axis, position: Double(first + last + 1) / 2 / scale,
        start: Double(start) / scale, end: Double(end + 1) / scale)
    }
  }

  /// Stacks runs on consecutive positions that overlap into bands; bands thicker than
  /// `maxThickness` are filled areas, not lines, and are dropped, with the thin bands of their
  /// ragged edges: a row of pieces along an area's first or last row (a thick rule's fringe,
  /// broken where the rules crossing it fade) is part of the area, not a line beside it.
  static func bands(_ runs: [Run], maxThickness: Int) -> [Band] {
    let sorted = runs.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
    var open: [Band] = []
    var finished: [Band] = []
    var index = 0
    while index < sorted.count {
      let position = sorted[index].position
      var row: [Run] = []
      while index < sorted.count, sorted[index].position == position {
        row.append(sorted[index])
        index += 1
      }
      var stillOpen: [Band] = []
      var used = [Bool](repeating: false, count: row.count)
      for var band in open {
        guard band.last == position - 1 else {
          finished.append(band)
          continue
        }
        var extended = false
        for (runIndex, run) in row.enumerated() where !used[runIndex] {
          let overlap = min(band.end, run.end) - max(band.start, run.start)
          let shorter = min(band.end - band.start, run.end - run.start)
          if overlap >= shorter / 2 {
            band.start = min(band.start, run.start)
            band.end = max(band.end, run.end)
            band.last = position
            used[runIndex] = true
            extended = true
            break
          }
        }
        if extended { stillOpen.append(band) } else { finished.append(band) }
      }
      for (runIndex, run) in row.enumerated() where !used[runIndex] {
        stillOpen.append(Band(start: run.start, end: run.end, first: position, last: position))
      }
      open = stillOpen
    }
    finished.append(contentsOf: open)
    let areas = finished.filter { $0.last - $0.first + 1 > maxThickness }
    return finished.filter { band in
      band.last - band.first + 1 <= maxThickness
        && !areas.contains { area in
          band.first >= area.first - 1 && band.last <= area.last + 1 && band.start <= area.end
            && area.start <= band.end
        }
    }
  }

  /// Merges collinear pieces that touch or nearly touch into single lines.
  func merge(_ lines: [RulingLine]) -> [RulingLine] {
    RulingLine.merged(lines, alignment: options.alignment, joinGap: options.joinGap)
  }

  /// Drops vertical lines that run far past the outermost horizontal rules they cross.
  /// With ``Options/sharedEnds``, a line whose end is where that many kept lines that cross
  /// one of the same horizontal rules end (the table's edge, drawn or not) is kept.
  func dropStreaks(_ vertical: [RulingLine], crossing horizontal: [RulingLine]) -> [RulingLine] {
    let tolerance = options.alignment + options.maximumThickness
    func crossed(by line: RulingLine) -> [RulingLine] {
      horizontal.filter { rule in
        rule.start - tolerance <= line.position && line.position <= rule.end + tolerance
          && line.start - tolerance <= rule.position && rule.position <= line.end + tolerance
      }
    }
    let crossings = vertical.map(crossed(by:))
    let kept = zip(vertical, crossings).map { line, crossed in
      guard let top = crossed.map(\.position).min(), let bottom = crossed.map(\.position).max()
      else { return true }
      return line.start >= top - options.streakOverrun && line.end <= bottom + options.streakOverrun
    }
    guard options.sharedEnds > 0 else { return zip(vertical, kept).filter(\.1).map(\.0) }
    let tables = Self.tables(crossings)
    return vertical.indices.compactMap { index -> RulingLine? in
      if kept[index] { return vertical[index] }
      var line = vertical[index]
      let crossed = crossings[index]
      guard let top = crossed.map(\.position).min(), let bottom = crossed.map(\.position).max() else {
        return line
      }
      // The other lines of the same table: joined to this one by horizontal rules, directly or
      // through other lines. Nested label columns (三、本年度办理结果 over （三）不予公开 over
      // the labels, each a box of its own when the cells have separate borders) cross no row
      // rule in common over the rows they span, and the outer ones run on past every rule they
      // cross to where the table is cut: they end together with one kept rule, not two.
      let table = vertical.indices.filter { other in other != index && tables[other] == tables[index] }
      func shared(_ end: (RulingLine) -> Double) -> Bool {
        let ending = table.filter { abs(end(vertical[$0]) - end(line)) <= tolerance }
        return ending.count >= options.sharedEnds && ending.contains { kept[$0] }
      }
      let startsInside = line.start >= top - options.streakOverrun || shared(\.start)
      let endsInside = line.end <= bottom + options.streakOverrun || shared(\.end)
      if startsInside && endsInside { return line }
      // A label column's rule, its cell spanning the rows down to where a browser cut the
      // table, crosses no row rule there and runs past its last one beside the table's kept
      // columns, and on past their ends by the filled bar of the cut row, which they stop at
      // (and where no other label rule ends with it). Within the overrun of the kept columns'
      // reach it is no streak: kept where they run (beyond, the grid would gain a row the
      // columns do not divide).
      let keptLines = table.filter { kept[$0] }.map { vertical[$0] }
      guard let keptTop = keptLines.map(\.start).min(), let keptBottom = keptLines.map(\.end).max(),
        startsInside || line.start >= keptTop - options.streakOverrun,
        endsInside || line.end <= keptBottom + options.streakOverrun
      else { return nil }
      if !startsInside { line.start = max(line.start, keptTop) }
      if !endsInside { line.end = min(line.end, keptBottom) }
      return line.end - line.start >= options.minimumVerticalLength ? line : nil
    }
  }

  /// The table each vertical line belongs to (an index shared by its table's lines): lines
  /// that cross a common horizontal rule are of one table, and so are lines joined through
  /// others that do.
  static func tables(_ crossings: [[RulingLine]]) -> [Int] {
    var parent = Array(crossings.indices)
    func root(_ index: Int) -> Int {
      var index = index
      while parent[index] != index { index = parent[index] }
      return index
    }
    for first in crossings.indices {
      for second in crossings.indices where second > first {
        guard crossings[first].contains(where: { rule in crossings[second].contains { $0 == rule } }) else {
          continue
        }
        parent[root(second)] = root(first)
      }
    }
    return crossings.indices.map(root)
  }
}
