#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where each line of a laid-out text sits on its pages: side data of
/// ``LayoutReconstructor/render(_:placement:)``, so a value found in the text can be traced
/// back to the characters it was read from.
public struct TextPlacement: Sendable, Equatable {
  /// A piece of a line: its page and box.
  public struct Piece: Sendable, Hashable {
    /// 1-based page.
    public var page: Int
    /// The area, in points from the page's top-left corner.
    public var box: PageRect

    /// Creates a piece.
    public init(page: Int, box: PageRect) {
      self.page = page
      self.box = box
    }
  }

  /// One line of the text.
  public struct Line: Sendable, Equatable {
    /// For a table row, one piece per tab-separated field (the cell's area); for running
    /// text, the page lines joined into it.
    public var pieces: [Piece]
    /// Whether the line is a table row.
    public var isTableRow: Bool

    /// Creates a line.
    public init(pieces: [Piece], isTableRow: Bool) {
      self.pieces = pieces
      self.isTableRow = isTableRow
    }
  }

  /// A rotation taken out of a page before it was read (scans), undone on boxes given out.
  public struct Turn: Sendable, Equatable {
    /// The clockwise rotation applied to the page image, in degrees.
    public var clockwiseDegrees: Double
    /// The centre it turned about, in points.
    public var centreX: Double
    /// The centre it turned about, in points.
    public var centreY: Double

    /// Creates a turn.
    public init(clockwiseDegrees: Double, centreX: Double, centreY: Double) {
      self.clockwiseDegrees = clockwiseDegrees
      self.centreX = centreX
      self.centreY = centreY
    }
  }

  /// The lines, in text order (line n of the text is `lines[n - 1]`).
  public var lines: [Line] = []
  /// Each page's characters, by page number.
  public var characters: [Int: [PositionedCharacter]] = [:]
  /// Rotations to undo, by page number.
  public var turns: [Int: Turn] = [:]

  /// An empty placement.
  public init() {}

  /// Appends the lines (and pages) of `other`, as when its text is appended to this one's.
  public mutating func append(_ other: TextPlacement) {
    lines += other.lines
    characters.merge(other.characters) { first, _ in first }
    turns.merge(other.turns) { first, _ in first }
  }

  /// Adds `count` lines that sit nowhere (text joined in between).
  public mutating func appendUnplaced(_ count: Int) {
    lines += Array(repeating: Line(pieces: [], isTableRow: false), count: max(0, count))
  }

  /// The characters on the page that spell a value: their box and their text as printed.
  public struct Match: Sendable, Hashable {
    /// 1-based page.
    public var page: Int
    /// The tightest box around the characters, or the cell's area when they cannot be matched.
    public var box: PageRect
    /// The characters as printed (full-width digits stay full-width); nil when unmatched.
    public var text: String?
  }

  /// The page and box of the characters reading `raw` at 1-based `line`, tab-separated
  /// `field` (nil: anywhere on the line): the tightest box around the characters that
  /// spell it, or the cell's area when they cannot be matched. Nil when the line is unknown.
  /// On a line without fields, `occurrence` says how many equal values stand before it.
  public func locate(line: Int, field: Int?, raw: String, occurrence: Int = 0) -> Piece? {
    locateMatch(line: line, field: field, raw: raw, occurrence: occurrence).map { Piece(page: $0.page, box: $0.box) }
  }

  /// Like ``locate(line:field:raw:occurrence:)``, with the matched characters' text as
  /// printed: the repairs narrow full-width digits, provenance's `raw` is the page's.
  public func locateMatch(line: Int, field: Int?, raw: String, occurrence: Int = 0) -> Match? {
    guard line >= 1, line <= lines.count else { return nil }
    let placed = lines[line - 1]
    let candidates: [Piece]
    if let field, placed.isTableRow {
      guard field < placed.pieces.count else { return nil }
      candidates = [placed.pieces[field]]
    } else {
      candidates = placed.pieces
    }
    let wanted = Self.comparable(raw)
    if placed.isTableRow {
      for piece in candidates {
        if let (box, text) = tightBox(of: wanted, in: piece) {
          return Match(page: piece.page, box: turned(box, page: piece.page), text: text)
        }
      }
    } else {
      // Running text: the occurrence-th stand-alone match over the line's pieces in order.
      var remaining = occurrence
      for piece in candidates {
        for (box, text) in standAloneBoxes(of: wanted, in: piece) {
          if remaining == 0 { return Match(page: piece.page, box: turned(box, page: piece.page), text: text) }
          remaining -= 1
        }
      }
    }
    guard let first = candidates.first else { return nil }
    return Match(page: first.page, box: turned(first.box, page: first.page), text: nil)
  }

  /// The box of the characters inside `piece` that spell `wanted` (compared as
  /// ``comparable(_:)`` gives), read top to bottom, left to right, and their text.
  func tightBox(of wanted: [Character], in piece: Piece) -> (PageRect, String)? {
    guard !wanted.isEmpty, let pageCharacters = characters[piece.page] else { return nil }
    let area = piece.box
    var inside = pageCharacters.filter {
      area.contains(x: $0.box.midX, y: $0.box.midY) && !Self.comparable(String($0.character)).isEmpty
    }
    guard inside.count >= wanted.count else { return nil }
    inside = Self.readingOrder(inside)
    let letters = inside.map { Self.comparable(String($0.character)).first ?? " " }
    guard let start = Self.firstMatch(of: wanted, in: letters) else { return nil }
    return Self.boxAndText(of: inside[start..<(start + wanted.count)])
  }

  /// The boxes of every match of `wanted` in `piece` that is not part of a longer number
  /// (no digit, point or comma right before or after it) and whose characters stand together
  /// on one line (a row's `1` and `0` two cells apart do not spell its total `10`), in reading
  /// order, with their text.
  func standAloneBoxes(of wanted: [Character], in piece: Piece) -> [(PageRect, String)] {
    guard !wanted.isEmpty, let pageCharacters = characters[piece.page] else { return [] }
    let area = piece.box
    let inside = Self.readingOrder(
      pageCharacters.filter {
        area.contains(x: $0.box.midX, y: $0.box.midY) && !Self.comparable(String($0.character)).isEmpty
      })
    let letters = inside.map { Self.comparable(String($0.character)).first ?? " " }
    /// Whether the character at `outer` continues the number whose end is at `inner`: a
    /// digit, point or comma on the same line, close by (cells are further apart).
    func joins(_ outer: Int, _ inner: Int) -> Bool {
      guard letters.indices.contains(outer) else { return false }
      let letter = letters[outer]
      guard letter.isASCII, letter.isNumber || letter == "." || letter == "," else { return false }
      let a = inside[min(outer, inner)].box
      let b = inside[max(outer, inner)].box
      let height = max(a.height, b.height, 1)
      return abs(a.midY - b.midY) < height / 2 && b.minX - a.maxX < 0.3 * height
    }
    /// Whether the characters at `index` and `index + 1` are neighbours in one word: on one
    /// line, the gap between them under a character's height (cells are further apart).
    func together(_ index: Int) -> Bool {
      let a = inside[index].box
      let b = inside[index + 1].box
      let height = max(a.height, b.height, 1)
      return abs(a.midY - b.midY) < height / 2 && b.minX - a.maxX < height
    }
    var boxes: [(PageRect, String)] = []
    var start = 0
    while start + wanted.count <= letters.count {
      let end = start + wanted.count
      if letters[start..<end].elementsEqual(wanted), !joins(start - 1, start), !joins(end, end - 1),
        (start..<(end - 1)).allSatisfy(together)
      {
        boxes.append(Self.boxAndText(of: inside[start..<end]))
        start += wanted.count
      } else {
        start += 1
      }
    }
    return boxes
  }

  /// The box around a run of characters (at least one) and their text as printed.
  static func boxAndText(of run: ArraySlice<PositionedCharacter>) -> (PageRect, String) {
    guard let first = run.first else { return (PageRect(minX: 0, minY: 0, maxX: 0, maxY: 0), "") }
    return (run.dropFirst().reduce(first.box) { $0.union($1.box) }, String(run.map(\.character)))
  }

  /// Characters in reading order: lines by their vertical middle, each left to right.
  static func readingOrder(_ characters: [PositionedCharacter]) -> [PositionedCharacter] {
    let byTop = characters.sorted { $0.box.midY < $1.box.midY }
    var lines: [[PositionedCharacter]] = []
    for character in byTop {
      if let last = lines.last?.first, abs(character.box.midY - last.box.midY) <= max(1, last.box.height / 2) {
        lines[lines.count - 1].append(character)
      } else {
        lines.append([character])
      }
    }
    return lines.flatMap { $0.sorted { $0.box.minX < $1.box.minX } }
  }

  /// The first index where `needle` occurs in `haystack`.
  static func firstMatch(of needle: [Character], in haystack: [Character]) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return start
    }
    return nil
  }

  /// Text as compared with page characters: blanks and tag characters left out,
  /// full-width forms as their ASCII letters (the repair layer narrows digits).
  public static func comparable(_ text: String) -> [Character] {
    var result: [Character] = []
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2000...0x200B, 0xFEFF: continue
      case 0xF0000...0x10FFFF: continue
      case 0xFF01...0xFF5E:
        if let narrow = Unicode.Scalar(scalar.value - 0xFEE0) { result.append(Character(narrow)) }
      default: result.append(Character(scalar))
      }
    }
    return result
  }

  /// `box` on the page as it was before a rotation was taken out.
  func turned(_ box: PageRect, page: Int) -> PageRect {
    guard let turn = turns[page], turn.clockwiseDegrees != 0 else { return box }
    let radians = turn.clockwiseDegrees * .pi / 180
    let cosine = cos(radians)
    let sine = sin(radians)
    var result: PageRect?
    for (x, y) in [(box.minX, box.minY), (box.maxX, box.minY), (box.minX, box.maxY), (box.maxX, box.maxY)] {
      let dx = x - turn.centreX
      let dy = y - turn.centreY
      let sx = turn.centreX + dx * cosine + dy * sine
      let sy = turn.centreY - dx * sine + dy * cosine
      let point = PageRect(minX: sx, minY: sy, maxX: sx, maxY: sy)
      result = result.map { $0.union(point) } ?? point
    }
    return result ?? box
  }
}
