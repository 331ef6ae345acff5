/// Recognises page headers and footers: page numbers and running heads repeated on pages.
public struct PageFurniture: Sendable {
  /// The share of the page height, at the top and at the bottom, where furniture may sit.
  public var zone = 0.12
  /// How many blocks from each end of a page are looked at.
  public var depth = 2
  /// A running head must appear on at least this share of the pages (and on two of them).
  public var repeatShare = 0.5

  /// Creates a recogniser.
  public init() {}

  /// The pages with page numbers and repeated running heads and feet removed.
  public func removing(from pages: [PageLayout]) -> [PageLayout] {
    var counts: [String: Set<Int>] = [:]
    for page in pages {
      for index in candidateIndices(page) {
        if case .line(let line) = page.blocks[index] {
          counts[Self.key(line.text), default: []].insert(page.number)
        }
      }
    }
    let needed = max(2, Int((Double(pages.count) * repeatShare).rounded(.up)))
    let repeated = Set(counts.filter { $0.value.count >= needed }.keys)

    return pages.map { page in
      var page = page
      let drop = Set(
        candidateIndices(page).filter { index in
          guard case .line(let line) = page.blocks[index] else { return false }
          guard Self.isPageNumber(line.text) || repeated.contains(Self.key(line.text)) else {
            return false
          }
          return !Self.touchesNeighbour(index, of: page)
        })
      page.blocks = page.blocks.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
      return page
    }
  }

  /// Indices of the first and last few blocks that lie in the top or bottom zone.
  func candidateIndices(_ page: PageLayout) -> [Int] {
    let count = page.blocks.count
    let ends = Set(Array(0..<min(depth, count)) + Array(max(0, count - depth)..<count))
    return ends.sorted().filter { index in
      let box = page.blocks[index].box
      return box.maxY <= page.height * zone || box.minY >= page.height * (1 - zone)
    }
  }

  /// Whether the block at `index` touches the block it would be set apart from (the next one
  /// at the top of the page, the one before at the bottom): a header or footer stands clear of
  /// the page's text, while the upper pieces of numbers wrapped in a table row at the head of
  /// a page (`３   ４` over `（七）总计 ６ …`) reach into the row below. A ruled table is no
  /// such neighbour: its rows are inside its rules, and a line outside them is no piece of
  /// a row, however close (a browser's header sits a point above a table that starts the page).
  static func touchesNeighbour(_ index: Int, of page: PageLayout) -> Bool {
    let box = page.blocks[index].box
    let size = max(box.height, 1)
    let atTop = box.maxY <= page.height / 2
    let neighbour = atTop ? index + 1 : index - 1
    guard page.blocks.indices.contains(neighbour) else { return false }
    if case .table(let table) = page.blocks[neighbour], table.isRuled,
      atTop ? box.maxY <= table.box.minY + 1 : box.minY >= table.box.maxY - 1
    {
      return false
    }
    let other = page.blocks[neighbour].box
    let gap = atTop ? other.minY - box.maxY : box.minY - other.maxY
    return gap < 0.25 * size
  }

  /// The text with digits generalised and spaces removed, so "第3页" and "第4页" agree.
  static func key(_ text: String) -> String {
    String(text.filter { !$0.isBlank }.map { $0.isNumber ? "#" : $0 })
  }

  /// Whether `text` is only a page number: `3`, `-3-`, `—5—`, `- 5 -`, `第5页`, `第5页 共9页`,
  /// `5/9`, `Page 5 of 9` and the like.
  public static func isPageNumber(_ text: String) -> Bool {
    guard !text.contains("\t") else { return false }  // a table row
    let compact = text.filter { !$0.isBlank }
    guard !compact.isEmpty, compact.count <= 24, compact.contains(where: \.isWholeNumberDigit)
    else { return false }
    // At most two numbers: the page and the page count.
    var numbers = 0
    var inNumber = false
    for character in text {
      let digit = character.isWholeNumberDigit
      if digit && !inNumber { numbers += 1 }
      inNumber = digit
    }
    guard numbers <= 2 else { return false }
    // Two numbers with only blanks between them (`３   ４`) are cells of a row, not a page
    // and its count, which are always set apart by a word or sign (`3/9`, `第3页 共9页`).
    if numbers == 2, let end = text.firstIndex(where: \.isWholeNumberDigit),
      let gapStart = text[end...].firstIndex(where: { !$0.isWholeNumberDigit }),
      let next = text[gapStart...].firstIndex(where: \.isWholeNumberDigit),
      text[gapStart..<next].allSatisfy(\.isBlank)
    {
      return false
    }
    let dashes: Set<Character> = ["-", "—", "–", "－", "―", "‒", "一", "~", "～", "_", "·", "•"]
    let words: Set<Character> = ["第", "页", "共", "/", "／", "|", "(", ")", "（", "）", ",", "，"]
    var rest = compact
    for word in ["Page", "page", "PAGE", "of", "OF"] {
      rest = rest.replacingAll(word, with: "")
    }
    return rest.allSatisfy { $0.isWholeNumberDigit || dashes.contains($0) || words.contains($0) }
  }
}
