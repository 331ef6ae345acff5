import Foundation
import GongkaiLayout
import GongkaiPDF

/// One page image to read: its 1-based page number and its bitmap.
public struct ScanImage: Sendable {
  /// 1-based page number.
  public var number: Int
  /// The page as a grey image (its `dpi` must be right: sizes are measured with it).
  public var bitmap: GreyBitmap
  /// The red ink taken out of ``bitmap`` (a colour scan's red seal), as grey levels on white,
  /// the same size; `nil` when there was none.
  public var redInk: GreyBitmap?

  /// Creates a page image.
  public init(number: Int, bitmap: GreyBitmap, redInk: GreyBitmap? = nil) {
    self.number = number
    self.bitmap = bitmap
    self.redInk = redInk
  }
}

/// Reads scanned report pages into the same text the PDF text layer gives, with the number
/// cells read with low confidence listed.
///
/// ```swift
/// let document = try PDFDocument(path: path)
/// let scan = try ScanReader.read(pdf: document, pages: extracted.pagesWithoutText)
/// // scan.text → the repair layer and parser, like PDFTextExtractor's text
/// // scan.lowConfidence → (line, field) of cells to flag as ocr_low_confidence
/// ```
///
/// Each page is straightened, its table grids found from the ruling lines, every number
/// cell read alone (two models voting when unsure), label cells and running text read
/// with the Chinese model; the characters then go through ``LayoutReconstructor``. Pages
/// are read in parallel, each worker with its own engines.
public struct ScanReader: Sendable {
  /// Choices for reading.
  public struct Options: Sendable, Equatable {
    /// The resolution PDF pages are rendered at.
    public var dpi: Double = 300
    /// How many pages are read at once (each worker loads its own models).
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// The tessdata directory (`nil`: `TESSDATA_PREFIX`, else Debian's).
    public var dataPath: String? = nil

    /// The defaults: 300 dpi, one worker per core.
    public init() {}
  }

  /// The options in use.
  public var options: Options

  /// Creates a reader.
  public init(options: Options = Options()) {
    self.options = options
  }

  /// Reads `pages` (1-based; all pages when `nil`) of `document`, rendered at `dpi`.
  public static func read(
    pdf document: PDFDocument, pages: [Int]? = nil, dpi: Double = 300,
    jobs: Int = ProcessInfo.processInfo.activeProcessorCount
  ) throws -> ScanResult {
    var options = Options()
    options.dpi = dpi
    options.jobs = jobs
    return try ScanReader(options: options).read(pdf: document, pages: pages)
  }

  /// Reads `pages` (1-based; all pages when `nil`) of `document`.
  ///
  /// Throws ``OCRError`` when a model is missing and `PDFError` when a page cannot be
  /// rendered.
  public func read(pdf document: PDFDocument, pages: [Int]? = nil) throws -> ScanResult {
    let numbers = Array(Set(pages ?? Array(1...document.pageCount))).sorted()
    let shared = SharedDocument(document: document)
    let dpi = options.dpi
    return try read(count: numbers.count) { index in
      let number = numbers[index]
      // A seal's red ink is dropped by its colour: it hides the signing date and table cells.
      // What was dropped is kept: a red seal's ring is found in it (``PageReader``).
      let (bitmap, red) = try shared.document.page(number).renderSeparatingRedInk(dpi: dpi)
      return ScanImage(number: number, bitmap: bitmap, redInk: red)
    }
  }

  /// Reads page images (in page-number order).
  public func read(images: [ScanImage]) throws -> ScanResult {
    let sorted = images.sorted { $0.number < $1.number }
    return try read(count: sorted.count) { sorted[$0] }
  }

  /// Reads `count` pages obtained from `image`, in parallel, and lays them out.
  func read(count: Int, image: @escaping @Sendable (Int) throws -> ScanImage) throws -> ScanResult {
    guard count > 0 else { return ScanResult(text: "", lowConfidence: [], pagesRead: [], skew: []) }
    let results = ResultBox(count: count)
    let workers = max(1, min(options.jobs, count))
    let dataPath = options.dataPath
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      let reader: PageReader
      do {
        reader = try OCRTrace.measure("load") { try PageReader(dataPath: dataPath) }
      } catch {
        results.fail(error)
        return
      }
      while let index = results.next() {
        do {
          try OCRTrace.measure("page\t\(index + 1)") {
            let scan = try image(index)
            results.store(reader.read(scan.bitmap, redInk: scan.redInk, number: scan.number), at: index)
          }
        } catch {
          results.fail(error)
        }
      }
    }
    if let error = results.error { throw error }
    return OCRTrace.measure("assemble") { Self.assemble(results.pages.compactMap { $0 }) }
  }

  /// The text of the read pages, with low-confidence cells located in it.
  static func assemble(_ pages: [ReadPage]) -> ScanResult {
    // The pages are laid out as read, with nothing added: a mark put into the layout beside an
    // unsure number changed how its row was laid out (a value moved one column left). The
    // unsure numbers are found afterwards by where their digits are.
    let reconstructor = LayoutReconstructor()
    var placed: TextPlacement? = TextPlacement()
    let text = reconstructor.render(reconstructor.layouts(of: pages.map(\.page)), placement: &placed)
    var placement = placed ?? TextPlacement()
    for page in pages {
      placement.characters[page.page.number] = page.page.characters
      placement.turns[page.page.number] = TextPlacement.Turn(
        clockwiseDegrees: page.skew, centreX: page.page.width / 2, centreY: page.page.height / 2)
    }
    var found: [LowConfidenceCell] = []
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    var changed = false
    // A number printed in thin strokes that the running-text read split into pieces (145 as
    // 1 4 5): one cell not read surely, not several values (``markingSplitNumbers``).
    // So with a table row's field (one cell's area): a cell that read as text, its digits
    // set apart (a wide 144 read as 1 4 4 beside its row's 一4) is one unread cell, not three
    // values for the row's three columns.
    for (index, line) in placement.lines.enumerated() where index < lines.count {
      let fields = line.isTableRow ? line.pieces.count : 1
      guard lines[index].count == fields, line.pieces.count == fields else { continue }
      for (field, piece) in line.pieces.enumerated() {
        if let marked = Self.markingSplitNumbers(
          lines[index][field], piece: piece, characters: placement.characters[piece.page] ?? [])
        {
          lines[index][field] = marked
          changed = true
        }
      }
    }
    // Digits under a seal the running text read as 人 or 全, in a table row's value column:
    // unread in their own cells (``strayValues``), not dropped with the row's values moved.
    let seals = Dictionary(pages.map { ($0.page.number, $0.seals) }) { first, _ in first }
    for index in lines.indices {
      for field in Self.strayValues(line: index, fields: lines, placement: placement, seals: seals) {
        lines[index][field] = "\u{FFFD}"
        changed = true
      }
    }
    let unsure = pages.flatMap { page in
      page.numbers.filter { $0.read.isLowConfidence || NumberText.mayBeGroupedCount($0.read.value) }
        .map { ($0, page.page.number) }
    }
    // The lines as laid out, before any unsure number is marked unread in them: an unlocated
    // number's token is found by counting its line's characters against the page's, and a
    // token already marked (11 → one U+FFFD) no longer counts as its digits did, so a second
    // unsure number in the same line (a 0 under a seal's ring read as 11) was not found and
    // stayed as read, with no finding. Marks keep the token count, so its index holds.
    let laidOut = lines
    for (cell, page) in unsure {
      guard let (line, field) = locate(cell, page: page, fields: lines, placement: placement) else {
        // An unsure table number the layout left on a line of numbers outside any table row
        // (a row whose label wrapped round its values) cannot be flagged in its cell: it would
        // stand in the table with no finding. Where its reads disagree (or the one read is
        // unsure) it is unread; so is one a seal meets, though every read agrees: the seal's
        // ink adds strokes (a ring's arc over a 1 read as 7 by both models) or takes them (a
        // 0's piece read as 11). A 0 stays: a seal's ink adds strokes to a digit (0 read as 1,
        // 11 or 6), it does not make one a 0. So is a 1 read from the darkest ink alone
        // (``NumberRead/readHeight``), the page's level giving no number: the darkest ink of a
        // digit is its stem, and a stem alone reads 1 (a 4 whose grey diagonal and bar fell out).
        let darkOne = cell.read.readHeight != nil && cell.read.value.contains("1")
        if cell.read.value.contains(where: { $0 != "0" }),
          !cell.read.alternatives.isEmpty || cell.read.confidence < unlocatedConfidence || darkOne
            || meetsSeal(cell.box, seals: seals[page] ?? []),
          let (line, token) = unlocatedToken(cell, page: page, fields: laidOut, placement: placement)
        {
          lines[line][0] = replacing(token: token, in: lines[line][0], with: "\u{FFFD}")
          changed = true
        }
        continue
      }
      found.append(
        LowConfidenceCell(
          line: line, field: field, value: cell.read.value, confidence: cell.read.confidence, page: page,
          alternatives: cell.read.alternatives))
    }
    // A table row's number where no number cell was read came from the running text's read
    // (a row the table reader missed): unchecked, and under a seal often wrong (a 1 lost,
    // the row's values moved left). Unsure: the tables' arithmetic keeps it or leaves it null.
    for (line, field, page) in Self.runningTextValues(lines, placement: placement, pages: pages)
    where !found.contains(where: { $0.line == line + 1 && $0.field == field }) {
      found.append(
        LowConfidenceCell(line: line + 1, field: field, value: String(lines[line][field]), confidence: 0, page: page))
    }
    // A table's count is printed without a leading zero: 0 followed by digits is two reads
    // run together (a 0 and a stray 1 from elsewhere), no number; the cell is unread (U+FFFD:
    // null with a finding), and no longer an unsure number.
    // So is a value field read as digits with a Latin letter among them (5767 as 48s7, 10 as
    // 1O): no number of the form's, and as text it left the cell missing with no finding.
    for index in lines.indices where lines[index].count > 1 {
      for field in lines[index].indices.dropFirst() where Self.isDigitsWithLetters(String(lines[index][field])) {
        lines[index][field] = "\u{FFFD}"
        found.removeAll { $0.line == index + 1 && $0.field == field }
        changed = true
      }
      for field in lines[index].indices where Self.hasLeadingZero(String(lines[index][field])) {
        lines[index][field] = "\u{FFFD}"
        found.removeAll { $0.line == index + 1 && $0.field == field }
        changed = true
      }
    }
    found.sort { ($0.line, $0.field) < ($1.line, $1.field) }
    let checked = changed ? lines.map { $0.joined(separator: "\t") }.joined(separator: "\n") : text
    if OCRTrace.enabled {
      // The text the core is handed, line by line (numbered as findings number them).
      for (index, line) in checked.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        OCRTrace.write("text\t\(index + 1)\t\(line)")
      }
    }
    return ScanResult(
      text: checked, lowConfidence: found, pagesRead: pages.map(\.page.number), skew: pages.map(\.skew),
      placement: placement)
  }

  /// The fields of table row `line` (0-based) that hold a stray character or two (a Chinese
  /// one among them, no placeholder or unit) in a column where the nearest full row of its
  /// table (same page, as many fields, its last fields, three at least, all numbers) holds
  /// numbers, in a row of two numbers or more, and whose cell meets one of its page's
  /// `seals` (boxes in points): digits under a seal's ring the running text read as 人 or
  /// 全. The parser dropped them and moved the row's later values one column left; unread,
  /// they are null with a finding in their own cells.
  static func strayValues(
    line: Int, fields: [[Substring]], placement: TextPlacement, seals: [Int: [PageRect]]
  ) -> [Int] {
    guard line < placement.lines.count, line < fields.count, placement.lines[line].isTableRow else { return [] }
    let own = fields[line]
    let pieces = placement.lines[line].pieces
    guard pieces.count == own.count, let page = pieces.first?.page, pieces.allSatisfy({ $0.page == page }),
      let boxes = seals[page], !boxes.isEmpty
    else { return [] }
    func isNumber(_ text: Substring) -> Bool {
      let trimmed = text.filter { !$0.isWhitespace }
      return !trimmed.isEmpty && trimmed.first?.isASCII == true && trimmed.first?.isNumber == true
        && trimmed.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
    }
    func isStray(_ text: Substring) -> Bool {
      let trimmed = text.filter { !$0.isWhitespace }
      return (1...2).contains(trimmed.count) && trimmed.contains { ("\u{4E00}"..."\u{9FFF}").contains($0) }
        && !trimmed.contains { "无空万元不适用".contains($0) }
    }
    let margin = PageReader.sealDoubtMargin
    func meetsSeal(_ box: PageRect) -> Bool {
      boxes.contains {
        box.minX < $0.maxX + margin && $0.minX - margin < box.maxX && box.minY < $0.maxY + margin
          && $0.minY - margin < box.maxY
      }
    }
    let lower = max(0, line - strayReach)
    let upper = min(fields.count - 1, placement.lines.count - 1, line + strayReach)
    let near = (lower...upper).filter { $0 != line }.sorted { abs($0 - line) < abs($1 - line) }
    for other in near {
      let row = fields[other]
      let placed = placement.lines[other]
      guard placed.isTableRow, row.count == own.count, placed.pieces.count == row.count,
        placed.pieces.allSatisfy({ $0.page == page })
      else { continue }
      let count = row.reversed().prefix { isNumber($0) }.count
      guard count >= 3, count < row.count else { continue }
      let first = row.count - count
      guard own[first...].filter(isNumber).count >= 2 else { return [] }
      return (first..<own.count).filter { isStray(own[$0]) && meetsSeal(pieces[$0].box) }
    }
    return []
  }

  /// The 0-based line and space-separated token of the running text where the digits of
  /// `cell` went, when that line ends in two numbers or more and unread marks, with nothing
  /// or a label before them (a table's values the layout left out of its rows, or a row read
  /// as running text: 行政规范性文件 26 1 48), and the token is the number: `nil` otherwise.
  static func unlocatedToken(
    _ cell: ReadNumberCell, page: Int, fields: [[Substring]], placement: TextPlacement
  ) -> (line: Int, token: Int)? {
    let box = cell.box
    guard let characters = placement.characters[page] else { return nil }
    func isValue(_ token: Substring) -> Bool {
      token == "\u{FFFD}" || token.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || $0 == "-" }
    }
    for (index, line) in placement.lines.enumerated() where !line.isTableRow && index < fields.count {
      guard fields[index].count == 1,
        let piece = line.pieces.first(where: {
          $0.page == page && box.midY >= $0.box.minY - 1 && box.midY <= $0.box.maxY + 1
            && box.midX >= $0.box.minX - 1 && box.midX <= $0.box.maxX + 1
        })
      else { continue }
      let tokens = fields[index][0].split(separator: " ")
      guard let firstValue = tokens.firstIndex(where: isValue), tokens.count - firstValue >= 2,
        tokens[firstValue...].allSatisfy(isValue)
      else { continue }
      let area = piece.box
      let inside = characters.filter {
        !$0.character.isWhitespace && $0.box.midX >= area.minX && $0.box.midX <= area.maxX
          && $0.box.midY >= area.minY && $0.box.midY <= area.maxY
      }.sorted { $0.box.minX < $1.box.minX }
      guard inside.count == tokens.reduce(0, { $0 + $1.count }),
        let start = inside.firstIndex(where: { $0.box.midX >= box.minX && $0.box.midX <= box.maxX })
      else { continue }
      var offset = 0
      for (number, token) in tokens.enumerated() {
        if start < offset + token.count {
          return start == offset && token == cell.read.value ? (index, number) : nil
        }
        offset += token.count
      }
    }
    return nil
  }

  /// `text` with its `token`-th space-separated token replaced by `mark`, spacing kept.
  static func replacing(token: Int, in text: Substring, with mark: String) -> Substring {
    var count = -1
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == " " {
        index = text.index(after: index)
        continue
      }
      let end = text[index...].firstIndex(of: " ") ?? text.endIndex
      count += 1
      if count == token { return Substring(String(text[..<index]) + mark + String(text[end...])) }
      index = end
    }
    return text
  }

  /// The (0-based line, field, page) of table rows' whole numbers where no number cell of
  /// their page lies (`pages`' number cells, read alone): the running text's read put them
  /// there. Only in rows of two numbers or more, on one page. A whole number with a stray
  /// Chinese character or two beside it (20 under a seal read as 2人) counts too: the parser
  /// takes its digits, and the character is what became of a digit.
  static func runningTextValues(
    _ fields: [[Substring]], placement: TextPlacement, pages: [ReadPage]
  ) -> [(line: Int, field: Int, page: Int)] {
    let cells = Dictionary(pages.map { ($0.page.number, $0.numbers.map(\.box)) }) { first, _ in first }
    func isNumber(_ text: Substring) -> Bool {
      !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
    func isMarkedNumber(_ text: Substring) -> Bool {
      let trimmed = text.filter { !$0.isWhitespace }
      let han = trimmed.filter { ("\u{4E00}"..."\u{9FFF}").contains($0) }
      let digits = trimmed.filter { $0.isASCII && $0.isNumber }
      return isNumber(Substring(trimmed))
        || !digits.isEmpty && (1...2).contains(han.count)
          && han.count + digits.count == trimmed.count && !han.contains { "无空万元不适用".contains($0) }
    }
    var found: [(line: Int, field: Int, page: Int)] = []
    for (index, line) in placement.lines.enumerated() where line.isTableRow && index < fields.count {
      let row = fields[index]
      guard line.pieces.count == row.count, let page = line.pieces.first?.page,
        line.pieces.allSatisfy({ $0.page == page }), row.filter(isNumber).count >= 2
      else { continue }
      let boxes = cells[page] ?? []
      for field in row.indices where isMarkedNumber(row[field]) {
        let area = line.pieces[field].box
        let read = boxes.contains {
          $0.midX >= area.minX - 1 && $0.midX <= area.maxX + 1 && $0.midY >= area.minY - 1 && $0.midY <= area.maxY + 1
        }
        if !read { found.append((index, field, page)) }
      }
    }
    return found
  }

  /// An unsure number that cannot be located in a table row and is less sure than this is
  /// unread (see ``assemble(_:)``).
  static let unlocatedConfidence = 70.0

  /// Whether `box` comes within ``PageReader/sealDoubtMargin`` points of one of `seals`
  /// (boxes in points, on the same page).
  static func meetsSeal(_ box: PageRect, seals: [PageRect]) -> Bool {
    let margin = PageReader.sealDoubtMargin
    return seals.contains {
      box.minX < $0.maxX + margin && $0.minX - margin < box.maxX && box.minY < $0.maxY + margin
        && $0.minY - margin < box.maxY
    }
  }

  /// How many lines above and below a row ``strayValues(line:fields:placement:seals:)`` looks
  /// for a full row of its table.
  static let strayReach = 4

  /// Whether a table field reads as ASCII digits with one or two Latin letters among them and
  /// nothing else (48s7, 1O, l23): a number with glyphs misread as letters. Letters alone, or
  /// with anything else (a unit, a Chinese character), are not.
  static func isDigitsWithLetters(_ field: String) -> Bool {
    let scalars = field.unicodeScalars.filter { $0 != " " }
    let letters = scalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }.count
    let digits = scalars.filter { ("0"..."9").contains($0) }.count
    return digits >= 1 && (1...2).contains(letters) && digits + letters == scalars.count
  }

  /// Whether a table field reads as a whole number with a leading zero before another digit
  /// (01, 007; not 0, 0.5 or 00). Zeros alone (a 0 under a seal read as 00) are 0 however
  /// many were read; a stray glyph before another digit changes the number.
  static func hasLeadingZero(_ field: String) -> Bool {
    field.count >= 2 && field.first == "0" && field.allSatisfy { $0.isASCII && $0.isNumber }
      && field.contains { $0 != "0" }
  }

  /// The 1-based line and 0-based field of the laid-out text (`fields`: each line's
  /// tab-separated fields) where the digits of `cell` went: a table row's cell on `page` whose
  /// area holds the digits' middle (or is nearest it along the row, within a few digit heights)
  /// and whose text holds the number; a cell holding only the number goes first. `nil` when no
  /// table row took it (a number in running text is no table cell).
  static func locate(
    _ cell: ReadNumberCell, page: Int, fields: [[Substring]], placement: TextPlacement
  ) -> (line: Int, field: Int)? {
    let box = cell.box
    let value = cell.read.value
    let reach = 3 * max(box.height, 1)
    var best: (line: Int, field: Int, rank: (Double, Int, Double))?
    for (index, line) in placement.lines.enumerated() where line.isTableRow && index < fields.count {
      for (field, piece) in line.pieces.enumerated() where piece.page == page && field < fields[index].count {
        let area = piece.box
        guard box.midY >= area.minY - 1, box.midY <= area.maxY + 1 else { continue }
        let distance = max(0, area.minX - box.midX, box.midX - area.maxX)
        let text = fields[index][field].filter { !$0.isWhitespace }
        guard distance <= reach, text.contains(value) else { continue }
        let rank = (distance, text == value ? 0 : 1, area.width)
        if best.map({ rank < $0.rank }) ?? true { best = (index + 1, field, rank) }
      }
    }
    return best.map { ($0.line, $0.field) }
  }
}

/// A document shared by the page workers. poppler calls in `PDFDocument` and `PDFPage` are
/// serialized by GongkaiPDF's process-wide lock, so using it from several threads is safe.
private struct SharedDocument: @unchecked Sendable {
  let document: PDFDocument
}

/// The page queue and results shared by the workers, behind a lock.
private final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var nextIndex = 0
  private let count: Int
  private(set) var pages: [ReadPage?]
  private(set) var error: (any Error)?

  init(count: Int) {
    self.count = count
    pages = Array(repeating: nil, count: count)
  }

  /// The next page index to read, or `nil` when all are taken or something failed.
  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard error == nil, nextIndex < count else { return nil }
    nextIndex += 1
    return nextIndex - 1
  }

  func store(_ page: ReadPage, at index: Int) {
    lock.lock()
    pages[index] = page
    lock.unlock()
  }

  func fail(_ failure: any Error) {
    lock.lock()
    if error == nil { error = failure }
    lock.unlock()
  }
}
