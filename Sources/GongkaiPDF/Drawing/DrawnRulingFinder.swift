import GongkaiLayout

/// Turns the paths a page paints into ruling lines and shaded areas.
///
/// A rule is a straight horizontal or vertical stroke, or a filled rectangle, at most
/// ``Options/maximumThickness`` across, in any colour that stands out from what is under it
/// (a light grey or light blue 0.5 pt border is a rule; white on white paper is not).
/// A wider filled area is no rule: it is a shaded cell, row or column, reported as a
/// ``FilledArea``, and its edges, where no line is drawn along them, are rules of source
/// ``RulingLine/Source/fillEdge``. A fill covering most of the page is the paper's colour.
/// Collinear pieces that touch are joined (browser-printed pages draw each side of each cell
/// as its own thin rectangle), and what stays shorter than a table rule is dropped.
public struct DrawnRulingFinder: Sendable {
  /// Tuning, in points and luminance (0 black … 1 white).
  public struct Options: Sendable, Equatable {
    /// A stroke or filled rectangle at most this thick is a line; thicker, an area.
    public var maximumThickness: Double = 3
    /// The shortest horizontal rule kept, after pieces are joined.
    public var minimumHorizontalLength: Double = 12
    /// The shortest vertical rule kept, after pieces are joined.
    public var minimumVerticalLength: Double = 6
    /// How far a segment's ends may differ across its axis and it still counts as straight.
    public var straightness: Double = 0.5
    /// Pieces whose positions differ by at most this are collinear.
    public var alignment: Double = 2
    /// Collinear pieces with gaps up to this along their axis are one line.
    public var joinGap: Double = 3
    /// A line must differ in luminance from what is under it by at least this: on white
    /// paper, a line lighter than luminance 0.93 is not a rule.
    public var minimumLineContrast: Double = 0.07
    /// A filled area must differ from what is under it by at least this for it to count as
    /// shading (its edges as boundaries); faint tints (luminance above 0.97 on white) do not.
    public var minimumAreaContrast: Double = 0.03
    /// A fill covering at least this share of the page is the paper's colour.
    public var backgroundShare: Double = 0.5
    /// A filled shape whose longer side is shorter than this is a mark (a bullet, a piece of
    /// a glyph drawn as a path), not shading.
    public var minimumAreaSide: Double = 6

    /// Default tuning.
    public init() {}
  }

  /// The tuning in use.
  public var options: Options

  /// Creates a finder.
  public init(options: Options = Options()) {
    self.options = options
  }

  /// The ruling lines and shaded areas of a page's drawing, in page points, top-left origin.
  public func read(_ drawing: PageDrawing) -> (rulings: [RulingLine], fills: [FilledArea]) {
    var collector = Collector(
      options: options, pageArea: max(1, drawing.width * drawing.height))
    for path in drawing.paths { collector.add(path) }
    let lines = RulingLine.merged(
      collector.lines, alignment: options.alignment, joinGap: options.joinGap)
    let edges = uncovered(
      RulingLine.merged(collector.edges, alignment: options.alignment, joinGap: options.joinGap),
      by: lines)
    let rulings = (lines + edges).filter { line in
      line.end - line.start
        >= (line.axis == .horizontal
          ? options.minimumHorizontalLength : options.minimumVerticalLength)
    }
    return (rulings, collector.fills)
  }

  /// The parts of the fill edges that no drawn line runs along.
  func uncovered(_ edges: [RulingLine], by lines: [RulingLine]) -> [RulingLine] {
    var result: [RulingLine] = []
    for edge in edges {
      var pieces = [(start: edge.start, end: edge.end)]
      for line in lines
      where line.axis == edge.axis && abs(line.position - edge.position) <= options.alignment {
        let cutStart = line.start
        let cutEnd = line.end
        pieces = pieces.flatMap { piece -> [(start: Double, end: Double)] in
          guard cutEnd > piece.start, cutStart < piece.end else { return [piece] }
          var left: [(start: Double, end: Double)] = []
          // Slivers shorter than the join gap are the line's own ends, not edges.
          if cutStart - piece.start > options.joinGap { left.append((piece.start, cutStart)) }
          if piece.end - cutEnd > options.joinGap { left.append((cutEnd, piece.end)) }
          return left
        }
      }
      for piece in pieces {
        var remaining = edge
        remaining.start = piece.start
        remaining.end = piece.end
        result.append(remaining)
      }
    }
    return result
  }

  /// Walks the paths in painting order, keeping what was painted under each point.
  struct Collector {
    let options: Options
    let pageArea: Double
    /// Line pieces (strokes and thin rectangles).
    var lines: [RulingLine] = []
    /// Edges of shaded areas.
    var edges: [RulingLine] = []
    /// Shaded areas that stand out from what is under them.
    var fills: [FilledArea] = []
    /// Every filled area so far (backgrounds included), with its luminance, for contrast.
    var painted: [(box: PageRect, luminance: Double)] = []

    /// The luminance of what was painted last under `(x, y)`: paper (1) if nothing.
    func background(x: Double, y: Double) -> Double {
      for area in painted.reversed()
      where area.box.minX <= x && x <= area.box.maxX && area.box.minY <= y && y <= area.box.maxY {
        return area.luminance
      }
      return 1
    }

    mutating func add(_ path: DrawnPath) {
      let colour = path.visibleColour
      switch path.paint {
      case .stroke:
        for subpath in path.subpaths where !subpath.curved {
          var points = subpath.points
          if subpath.closed, let first = points.first, let last = points.last, first != last {
            points.append(first)
          }
          guard points.count >= 2 else { continue }
          for index in 1..<points.count {
            addStroke(
              from: points[index - 1], to: points[index], width: path.lineWidth,
              colour: colour, clip: path.clip)
          }
        }
      case .fill:
        for subpath in path.subpaths where !subpath.curved {
          addFill(subpath.points, colour: colour, clip: path.clip)
        }
      }
    }

    /// A straight horizontal or vertical segment of a stroke: a line piece if thin, an area if thick.
    mutating func addStroke(
      from a: PagePoint, to b: PagePoint, width: Double, colour: RGBColour, clip: PageRect
    ) {
      let horizontal = abs(a.y - b.y) <= options.straightness
      let vertical = abs(a.x - b.x) <= options.straightness
      guard horizontal != vertical else { return }  // slanted, or a single point
      let half = max(0, width) / 2
      let box = PageRect(
        minX: min(a.x, b.x) - (vertical ? half : 0), minY: min(a.y, b.y) - (horizontal ? half : 0),
        maxX: max(a.x, b.x) + (vertical ? half : 0), maxY: max(a.y, b.y) + (horizontal ? half : 0))
      if width > options.maximumThickness {
        addArea(box, colour: colour, outline: Self.outline(of: box), clip: clip)
      } else {
        addLine(box, axis: horizontal ? .horizontal : .vertical, colour: colour, clip: clip)
      }
    }

    /// A filled subpath: a thin rectangle is a line piece; a wider shape whose sides are all
    /// horizontal or vertical is an area; anything else (glyph outlines, slants) is ignored,
    /// except a border piece with mitred corners: a thin quadrilateral whose slanted ends
    /// are no longer than it is thick (browsers draw each side of an inset, outset or
    /// two-coloured cell border as such a trapezoid) is a line piece too.
    mutating func addFill(_ raw: [PagePoint], colour: RGBColour, clip: PageRect) {
      var points: [PagePoint] = []
      for point in raw where points.last != point { points.append(point) }
      if points.count > 1, points.first == points.last { points.removeLast() }
      guard points.count >= 2 else { return }
      let box = PageRect(
        minX: points.map(\.x).min() ?? 0, minY: points.map(\.y).min() ?? 0,
        maxX: points.map(\.x).max() ?? 0, maxY: points.map(\.y).max() ?? 0)
      let thickness = min(box.width, box.height)
      var outline: [(PagePoint, PagePoint)] = []
      var slanted = false
      for index in 0..<points.count {
        let a = points[index]
        let b = points[(index + 1) % points.count]
        let straight =
          abs(a.y - b.y) <= options.straightness || abs(a.x - b.x) <= options.straightness
        if !straight {
          // A mitred end spans no more than the piece's thickness either way.
          let mitre =
            abs(a.x - b.x) <= thickness + options.straightness
            && abs(a.y - b.y) <= thickness + options.straightness
          guard mitre, points.count == 4, thickness <= options.maximumThickness,
            max(box.width, box.height) >= 3 * thickness
          else { return }
          slanted = true
        }
        outline.append((a, b))
      }
      if slanted || min(box.width, box.height) <= options.maximumThickness {
        addLine(box, axis: box.width >= box.height ? .horizontal : .vertical, colour: colour, clip: clip)
      } else {
        addArea(box, colour: colour, outline: outline, clip: clip)
      }
    }

    /// A thin box drawn in `colour`: a line piece along its long axis, if it is visible.
    mutating func addLine(_ box: PageRect, axis: RulingLine.Axis, colour: RGBColour, clip: PageRect) {
      let visible = PageRect(
        minX: max(box.minX, clip.minX), minY: max(box.minY, clip.minY),
        maxX: min(box.maxX, clip.maxX), maxY: min(box.maxY, clip.maxY))
      // A hairline has no width: allow it on the clip's edge.
      guard visible.maxX - visible.minX >= (axis == .horizontal ? 0.1 : -0.5),
        visible.maxY - visible.minY >= (axis == .vertical ? 0.1 : -0.5)
      else { return }
      let under = background(x: visible.midX, y: visible.midY)
      guard abs(under - colour.luminance) >= options.minimumLineContrast else { return }
      lines.append(
        axis == .horizontal
          ? RulingLine(axis: .horizontal, position: box.midY, start: visible.minX, end: visible.maxX)
          : RulingLine(axis: .vertical, position: box.midX, start: visible.minY, end: visible.maxY))
    }

    /// A filled area: the paper's colour if it covers most of the page, else shading whose
    /// outline gives edge pieces, if it stands out from what is under it.
    mutating func addArea(
      _ box: PageRect, colour: RGBColour, outline: [(PagePoint, PagePoint)], clip: PageRect
    ) {
      let visible = PageRect(
        minX: max(box.minX, clip.minX), minY: max(box.minY, clip.minY),
        maxX: min(box.maxX, clip.maxX), maxY: min(box.maxY, clip.maxY))
      guard visible.width > 0, visible.height > 0,
        max(visible.width, visible.height) >= options.minimumAreaSide
      else { return }
      let luminance = colour.luminance
      defer { painted.append((visible, luminance)) }
      guard visible.width * visible.height < options.backgroundShare * pageArea else { return }
      let under = background(x: visible.midX, y: visible.midY)
      guard abs(under - luminance) >= options.minimumAreaContrast else { return }
      fills.append(FilledArea(box: visible, colour: colour))
      // Clipped, the area's visible edges are the clip's: take the visible box's sides.
      let clipped = visible != box
      for (a, b) in clipped ? Self.outline(of: visible) : outline {
        if abs(a.y - b.y) <= options.straightness {
          let y = (a.y + b.y) / 2
          let start = max(min(a.x, b.x), visible.minX)
          let end = min(max(a.x, b.x), visible.maxX)
          guard y >= visible.minY - 0.5, y <= visible.maxY + 0.5, end > start else { continue }
          edges.append(
            RulingLine(axis: .horizontal, position: y, start: start, end: end, source: .fillEdge))
        } else {
          let x = (a.x + b.x) / 2
          let start = max(min(a.y, b.y), visible.minY)
          let end = min(max(a.y, b.y), visible.maxY)
          guard x >= visible.minX - 0.5, x <= visible.maxX + 0.5, end > start else { continue }
          edges.append(
            RulingLine(axis: .vertical, position: x, start: start, end: end, source: .fillEdge))
        }
      }
    }

    /// The four sides of a box, as an outline.
    static func outline(of box: PageRect) -> [(PagePoint, PagePoint)] {
      let corners = [
        PagePoint(x: box.minX, y: box.minY), PagePoint(x: box.maxX, y: box.minY),
        PagePoint(x: box.maxX, y: box.maxY), PagePoint(x: box.minX, y: box.maxY),
      ]
      return (0..<4).map { (corners[$0], corners[($0 + 1) % 4]) }
    }
  }
}
