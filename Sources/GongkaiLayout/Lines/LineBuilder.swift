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
    let visible = usable.filter { !$0.character.isWhitespace }
    guard !visible.isEmpty else { return [] }
    let spaces = usable.filter { $0.character.isWhitespace }

    // Sweep by vertical centre: a character joins the line whose band it overlaps enough.
    let sorted = visible.sorted { ($0.box.midY, $0.box.minX) < ($1.box.midY, $1.box.minX) }
    var groups: [[PositionedCharacter]] = []
    var bands: [PageRect] = []
    for character in sorted {
      var joined = false
      // Only the last few lines can still overlap a character further down.
      for index in stride(from: groups.count - 1, through: max(0, groups.count - 3), by: -1) {
        let band = bands[index]
        let overlap = band.verticalOverlap(character.box)
        let smaller = min(band.height, character.box.height)
        if overlap >= 0.5 * smaller,
          abs(character.box.midY - band.midY) <= 0.5 * max(band.height, character.box.height)
        {
          groups[index].append(character)
          bands[index] = band.union(character.box)
          joined = true
          break
        }
      }
      if !joined {
        groups.append([character])
        bands.append(character.box)
      }
    }

    var lines: [TextLine] = []
    for (index, group) in groups.enumerated() {
      let band = bands[index]
      let lineSpaces = spaces.filter {
        $0.box.verticalOverlap(band) >= 0.5 * min(band.height, $0.box.height)
      }
      lines.append(makeLine(group, spaces: lineSpaces))
    }
    return lines.sorted { ($0.box.minY, $0.box.minX) < ($1.box.minY, $1.box.minX) }
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
    let glyphs = group.sorted { $0.box.minX < $1.box.minX }
    // A Chinese character is one em wide; its box height is often the font's whole line
    // height (Chromium's PDFs give about twice the em), so widths tell the size better.
    let hanWidths = glyphs.filter { $0.character.isHanIdeograph }.map(\.box.width).sorted()
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
    for glyph in glyphs {
      if let previous {
        let gap = glyph.box.minX - previous.box.maxX
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
          if previous.character.isASCII || glyph.character.isASCII {
            text += " "
            segmentText += " "
          }
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
    }
    segments.append(Self.segment(segmentText, segmentBox, parts: parts, partText, partBox))
    return TextLine(text: text, box: box, fontSize: fontSize, segments: segments)
  }

  /// A finished segment, with its pieces when it has more than one.
  private static func segment(
    _ text: String, _ box: PageRect, parts: [LineSegment], _ lastPart: String, _ lastBox: PageRect
  ) -> LineSegment {
    var segment = LineSegment(text: text, box: box)
    if !parts.isEmpty { segment.parts = parts + [LineSegment(text: lastPart, box: lastBox)] }
    return segment
  }
}
