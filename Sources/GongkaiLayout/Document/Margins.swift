/// The left and right margins of a document's running text, for joining wrapped lines.
struct Margins {
  var left: Double?
  var right: Double?
  /// The font size of the running text.
  var bodySize: Double?

  init(_ pages: [PageLayout]) {
    var lefts: [Int: Int] = [:]
    var rights: [Int: Int] = [:]
    var sizes: [Int: Int] = [:]
    for page in pages {
      for case .line(let line) in page.blocks where line.box.width >= page.width * 0.5 {
        lefts[Int(line.box.minX.rounded()), default: 0] += 1
        rights[Int(line.box.maxX.rounded()), default: 0] += 1
        sizes[Int((line.fontSize * 2).rounded()), default: 0] += line.text.count
      }
    }
    left = Self.mode(lefts)
    right = Self.mode(rights)
    bodySize = sizes.max { ($0.value, $0.key) < ($1.value, $1.key) }.map { Double($0.key) / 2 }
  }

  /// Whether `next` continues a heading set larger than the running text and centred on
  /// the page, such as a report title broken over two lines.
  func continuesHeading(_ line: TextLine, with next: TextLine, pageWidth: Double) -> Bool {
    // A title is set larger than the text, if only by a point or two (18 pt on 16 pt).
    guard let bodySize, line.fontSize > bodySize * 1.1 else { return false }
    guard abs(next.fontSize - line.fontSize) <= 0.1 * line.fontSize else { return false }
    let centre = pageWidth / 2
    let slack = max(0.04 * pageWidth, line.fontSize)
    guard abs(line.box.midX - centre) <= slack, abs(next.box.midX - centre) <= slack else {
      return false
    }
    let gap = next.box.minY - line.box.maxY
    return gap >= -0.2 * line.fontSize && gap <= 0.8 * line.fontSize
  }

  /// The most frequent value, counting values within 2 points of each other together.
  static func mode(_ counts: [Int: Int]) -> Double? {
    var best: (value: Int, count: Int)? = nil
    for value in counts.keys {
      let count = (-2...2).reduce(0) { $0 + (counts[value + $1] ?? 0) }
      if best == nil || count > best?.count ?? 0 || (count == best?.count && value > best?.value ?? 0) {
        best = (value, count)
      }
    }
    return best.map { Double($0.value) }
  }

  /// Whether `next` continues the paragraph that `line` wraps out of.
  func continues(_ line: TextLine, with next: TextLine, acrossPages: Bool) -> Bool {
    guard let left, let right else { return false }
    // A line split by wide gaps is a row of cells (a table drawn without lines), never
    // the wrapped end of a paragraph.
    guard line.segments.count < 2, next.segments.count < 2 else { return false }
    let size = max(line.fontSize, 1)
    // A line wraps when it is full, or when the next line's first unbreakable piece
    // (say 〔2021〕30) would not have fitted into what is left of it.
    let reach = line.box.maxX + Self.leadingPieceWidth(next.text, fontSize: next.fontSize)
    guard reach >= right - 1.2 * size else { return false }
    guard next.box.minX <= left + 0.5 * size else { return false }
    let ratio = next.fontSize / size
    guard ratio > 0.8, ratio < 1.25 else { return false }
    if !acrossPages {
      let gap = next.box.minY - line.box.maxY
      guard gap >= -0.2 * size, gap <= 1.2 * size else { return false }
    }
    return !Self.startsWithEnumerator(next.text)
  }

  /// The approximate width of the text's leading piece that a line cannot break inside:
  /// everything before its first Chinese character or space (digits, Latin letters,
  /// brackets), half a font size per ASCII character and a whole one per other character.
  static func leadingPieceWidth(_ text: String, fontSize: Double) -> Double {
    var width = 0.0
    for character in text {
      if character.isBlank || character.isHanIdeograph { break }
      width += character.isASCII ? 0.5 * fontSize : fontSize
    }
    return width
  }

  /// Whether the text starts like a heading or list item: 一、 （一） (一) 1. 1、
  static func startsWithEnumerator(_ text: String) -> Bool {
    let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    var rest = Substring(text)
    if let first = rest.first, first == "（" || first == "(" {
      rest = rest.dropFirst()
      let digits = rest.prefix { numerals.contains($0) || $0.isWholeNumberDigit }
      guard !digits.isEmpty else { return false }
      let after = rest.dropFirst(digits.count).first
      return after == "）" || after == ")"
    }
    let digits = rest.prefix { numerals.contains($0) }
    guard !digits.isEmpty else { return false }
    return rest.dropFirst(digits.count).first == "、"
  }
}
