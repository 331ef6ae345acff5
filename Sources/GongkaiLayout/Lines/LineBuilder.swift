/// Groups positioned characters into lines by vertical overlap, whatever order they came in.
public struct LineBuilder: Sendable {
  /// A gap at least this many font sizes wide splits a line into segments.
  public var segmentGap: Double = 1.5
  /// A gap at least this many font sizes wide (with no space character in it) reads as a space.
  public var spaceGap: Double = 0.6

  /// Creates a builder.
  public init() {}

  /// The lines formed by `characters`, top to bottom (line breaks in the input are ignored).
  public func lines(from characters: [PositionedCharacter]) -> [TextLine] {
    let usable = characters.filter { !$0.character.isNewline && $0.box.height > 0 }.map(Self.glyphSized)
    let visible = usable.filter { !$0.character.isBlank }
    guard !visible.isEmpty else { return [] }
    let spaces = usable.filter { $0.character.isBlank }

    // Sweep by vertical centre: a character joins the line whose band it overlaps enough.
    let sorted = visible.sorted { ($0.box.midY, $0.box.minX) < ($1.box.midY, $1.box.minX) }
    var groups: [[PositionedCharacter]] = []
    var bands: [PageRect] = []
    var glyphHeights: [Double] = []
    for character in sorted {
      var joined = false
      // Only the last few lines can still overlap a character further down.
      for index in stride(from: groups.count - 1, through: max(0, groups.count - 3), by: -1) {
        let band = bands[index]
        let overlap = band.verticalOverlap(character.box)
        let smaller = min(band.height, character.box.height)
        // A band grows as it takes characters; lines of a wrapped label with its values
        // centred between them make one band at most two glyphs tall. Taller, it would
        // chain on through half-line offsets (a group cell beside the next row) and take
        // in the next row, whose numbers would then read as pieces of this row's.
        let grown = band.union(character.box)
        if overlap >= 0.5 * smaller,
          abs(character.box.midY - band.midY) <= 0.5 * max(band.height, character.box.height),
          grown.height <= Self.maximumBandHeight * max(glyphHeights[index], character.box.height)
        {
          groups[index].append(character)
          bands[index] = grown
          glyphHeights[index] = max(glyphHeights[index], character.box.height)
          joined = true
          break
        }
      }
      if !joined {
        groups.append([character])
        bands.append(character.box)
        glyphHeights.append(character.box.height)
      }
    }

    var lines: [TextLine] = []
    for group in groups.flatMap(Self.splittingTwoRows) {
      let band = group.dropFirst().reduce(group[0].box) { $0.union($1.box) }
      let lineSpaces = spaces.filter {
        $0.box.verticalOverlap(band) >= 0.5 * min(band.height, $0.box.height)
      }
      lines.append(makeLine(group, spaces: lineSpaces))
    }
    return lines.sorted { ($0.box.minY, $0.box.minX) < ($1.box.minY, $1.box.minX) }
  }

  /// A band that holds two rows of a table: its numbers stand on exactly two levels, one
  /// over the other, with none between them (a wrapped number beside a taller row has
  /// the row's other numbers between its pieces), and the lower level starts a numbered
  /// label of its own (4.保护第三方合法权益) — at its start or after a column gap, since a
  /// group cell's text may stand left of it (果   2.没有现成信息…) — or a lone 0 stands over
  /// a digit of the lower level (`0` over `6` is no 06: the 6 starts the next row's 62).
  /// A group cell printed between two tight rows overlaps both and chains them into one
  /// band; its rows are split at the middle.
  static func splittingTwoRows(_ group: [PositionedCharacter]) -> [[PositionedCharacter]] {
    let digits = group.filter { $0.character.isWholeNumberDigit }.sorted { $0.box.midY < $1.box.midY }
    guard digits.count >= 4 else { return [group] }
    let heights = group.map(\.box.height).sorted()
    let height = heights[heights.count / 2]
    var levels: [[PositionedCharacter]] = []
    for digit in digits {
      if let first = levels.last?.first, digit.box.midY - first.box.midY < 0.5 * height {
        levels[levels.count - 1].append(digit)
      } else {
        levels.append([digit])
      }
    }
    guard levels.count == 2 else { return [group] }
    let upper = levels[0].map(\.box.midY).reduce(0, +) / Double(levels[0].count)
    let lower = levels[1].map(\.box.midY).reduce(0, +) / Double(levels[1].count)
    // The lower level's text in column pieces: a gap of a glyph or more starts a new one.
    var pieces: [String] = []
    var pieceEnd = -Double.infinity
    for glyph in group.filter({ abs($0.box.midY - lower) <= 0.25 * height }).sorted(by: { $0.box.minX < $1.box.minX }) {
      if pieces.isEmpty || glyph.box.minX - pieceEnd >= height { pieces.append("") }
      pieces[pieces.count - 1].append(glyph.character)
      pieceEnd = max(pieceEnd, glyph.box.maxX)
    }
    // A lone 0 over a digit is no wrapped number (no count starts with 0): the digit is the
    // upper piece of the next row's number, pulled in by a group cell between the rows.
    let zeroOverDigit = levels[0].contains { zero in
      zero.character == "0"
        && !levels[0].contains { $0 != zero && abs($0.box.midX - zero.box.midX) < 1.5 * zero.box.width }
        && levels[1].contains { $0.box.horizontalOverlap(zero.box) > 0 }
    }
    guard zeroOverDigit || pieces.contains(where: Self.startsNumberedLabel) else { return [group] }
    let middle = (upper + lower) / 2
    let top = group.filter { $0.box.midY < middle }
    let bottom = group.filter { $0.box.midY >= middle }
    return top.isEmpty || bottom.isEmpty ? [group] : [top, bottom]
  }

  /// Whether text starts with a row label's number: 4. / 4、 / （三） / 三、.
  static func startsNumberedLabel(_ text: String) -> Bool {
    let characters = Array(text)
    guard let first = characters.first else { return false }
    let numerals = "一二三四五六七八九十"
    if first.isWholeNumberDigit {
      let rest = characters.drop { $0.isWholeNumberDigit }
      return rest.first.map { ".．、".contains($0) } ?? false
    }
    if "（(".contains(first) {
      let rest = characters.dropFirst().drop { numerals.contains($0) }
      return rest.count < characters.count - 1 && (rest.first.map { "）)".contains($0) } ?? false)
    }
    if numerals.contains(first) {
      return characters.drop { numerals.contains($0) }.first == "、"
    }
    return false
  }

  /// The character with its box cut down to about the glyph's own height around its
  /// centre. Some producers (Chromium) give every character the font's whole line height,
  /// about twice the em, so two lines of a wrapped cell would overlap and merge: a wide
  /// character is about as tall as it is wide, a narrow (ASCII) one about twice.
  static func glyphSized(_ character: PositionedCharacter) -> PositionedCharacter {
    let width = character.box.width
    guard width > 0 else { return character }
    let limit = (character.character.isASCII ? 2.0 : 1.15) * width
    guard character.box.height > limit * 1.2 else { return character }
    var sized = character
    let middle = character.box.midY
    sized.box.minY = middle - limit / 2
    sized.box.maxY = middle + limit / 2
    return sized
  }

  /// Builds one line from its characters: sorted left to right, spaces where the text had
  /// them or where the gap is wide, segments where the gap is very wide.
  func makeLine(_ group: [PositionedCharacter], spaces: [PositionedCharacter]) -> TextLine {
    let (glyphs, stacked) = Self.readingOrder(group)
    // A Chinese character is one em wide; its box height is often the font's whole line
    // height (Chromium's PDFs give about twice the em), so widths tell the size better.
    // So is a full-width digit: a line of them alone (the upper pieces of numbers wrapped
    // in narrow columns, １３ １３) is sized by their widths too, or the gap between two
    // columns' numbers would read as less than a word space.
    let hanWidths = glyphs.filter { $0.character.isHanIdeograph || $0.character.isFullWidthDigit }.map(\.box.width)
      .sorted()
    let heights = glyphs.map(\.box.height).sorted()
    let fontSize =
      hanWidths.isEmpty
      ? heights[heights.count / 2] : min(heights[heights.count / 2], hanWidths[hanWidths.count / 2])
    var text = ""
    var segments: [LineSegment] = []
    var segmentText = ""
    var segmentBox = glyphs[0].box
    // The segment's pieces split where a number stands a word space apart from Chinese
    // text: separate cells when the line is a row of a table, one phrase in running text.
    var parts: [LineSegment] = []
    var partText = ""
    var partBox = glyphs[0].box
    var box = glyphs[0].box
    var previous: PositionedCharacter? = nil
    var rightEdge = -Double.infinity
    for glyph in glyphs {
      if let previous {
        // After a stack the previous glyph in reading order need not be the rightmost.
        let gap = glyph.box.minX - (stacked ? rightEdge : previous.box.maxX)
        let spaceBetween = spaces.contains {
          $0.box.midX >= previous.box.midX && $0.box.midX <= glyph.box.midX
        }
        // Two numbers a word space apart are two cells (narrow columns of a table drawn
        // without lines); a number never holds a word space.
        let betweenNumbers =
          gap >= spaceGap * fontSize && previous.character.isWholeNumberDigit && glyph.character.isWholeNumberDigit
        if gap >= segmentGap * fontSize || betweenNumbers {
          segments.append(Self.segment(segmentText, segmentBox, parts: parts, partText, partBox))
          segmentText = ""
          segmentBox = glyph.box
          parts = []
          partText = ""
          partBox = glyph.box
          text += " "
        } else if gap >= spaceGap * fontSize,
          (previous.character.isWholeNumberDigit && !glyph.character.isASCII)
            || (!previous.character.isASCII && glyph.character.isWholeNumberDigit)
        {
          parts.append(LineSegment(text: partText, box: partBox))
          partText = ""
          partBox = glyph.box
          // A number a word space from Chinese text is a word apart, full-width digits
          // (７ after 公开) as much as ASCII ones: glued, the number would end the label.
          text += " "
          segmentText += " "
        } else if (spaceBetween || gap >= spaceGap * fontSize),
          previous.character.isASCII || glyph.character.isASCII
        {
          // A space between two Chinese characters is justification, never a word break.
          text += " "
          segmentText += " "
          partText += " "
        }
      }
      text.append(glyph.character)
      segmentText.append(glyph.character)
      partText.append(glyph.character)
      partBox = partBox.union(glyph.box)
      segmentBox = segmentBox.union(glyph.box)
      box = box.union(glyph.box)
      previous = glyph
      rightEdge = max(rightEdge, glyph.box.maxX)
    }
    segments.append(Self.segment(segmentText, segmentBox, parts: parts, partText, partBox))
    return TextLine(text: text, box: box, fontSize: fontSize, segments: segments)
  }

  /// The glyphs of one line in reading order, and whether any stand stacked. Usually left
  /// to right; but text wrapped in a narrow cell beside a taller row can join that row's
  /// line as pieces one above the other (`14` over `3`), whose glyphs overlap across. Such
  /// a stack, with the glyphs touching it, reads top to bottom, each level left to right:
  /// sorting it by x alone would interleave the levels (`1`, `3`, `4`).
  static func readingOrder(_ group: [PositionedCharacter]) -> ([PositionedCharacter], Bool) {
    let byX = group.sorted { $0.box.minX < $1.box.minX }
    func stacked(_ a: PositionedCharacter, _ b: PositionedCharacter) -> Bool {
      let across = min(a.box.maxX, b.box.maxX) - max(a.box.minX, b.box.minX)
      let narrower = min(a.box.width, b.box.width)
      let lower = min(a.box.height, b.box.height)
      return across >= 0.3 * narrower && abs(a.box.midY - b.box.midY) >= 0.5 * lower
    }
    // Runs of glyphs left to right, broken at gaps of a word space or more; a run with a
    // stack in it is read level by level.
    var runs: [[PositionedCharacter]] = []
    var rightEdge = -Double.infinity
    for glyph in byX {
      let size = min(glyph.box.width, glyph.box.height)
      if let last = runs.last, !last.isEmpty, glyph.box.minX - rightEdge < spaceGapForStacks * size {
        runs[runs.count - 1].append(glyph)
      } else {
        runs.append([glyph])
      }
      rightEdge = max(rightEdge, glyph.box.maxX)
    }
    var anyStack = false
    var ordered: [PositionedCharacter] = []
    for run in runs {
      // Sorted by left edge, only the glyphs starting before one ends can overlap it.
      let hasStack = run.indices.contains { i in
        run[(i + 1)...].prefix { $0.box.minX < run[i].box.maxX }.contains { stacked(run[i], $0) }
      }
      guard hasStack else {
        ordered += run
        continue
      }
      anyStack = true
      // Levels by vertical centre: a glyph starts a new level when it sits at least half
      // a glyph below the level's first glyph.
      var levels: [[PositionedCharacter]] = []
      for glyph in run.sorted(by: { $0.box.midY < $1.box.midY }) {
        if let first = levels.last?.first,
          glyph.box.midY - first.box.midY < 0.5 * min(first.box.height, glyph.box.height)
        {
          levels[levels.count - 1].append(glyph)
        } else {
          levels.append([glyph])
        }
      }
      ordered += levels.flatMap { $0.sorted { $0.box.minX < $1.box.minX } }
    }
    return (ordered, anyStack)
  }

  /// The tallest a line's band may grow, in glyph heights (two lines of a wrapped label
  /// overlapping the values centred between them).
  static let maximumBandHeight = 2.0

  /// Glyphs closer than this many glyph sizes belong to one run when looking for stacks.
  private static let spaceGapForStacks = 0.6

  /// A finished segment, with its pieces when it has more than one.
  private static func segment(
    _ text: String, _ box: PageRect, parts: [LineSegment], _ lastPart: String, _ lastBox: PageRect
  ) -> LineSegment {
    var segment = LineSegment(text: text, box: box)
    if !parts.isEmpty { segment.parts = parts + [LineSegment(text: lastPart, box: lastBox)] }
    return segment
  }
}
