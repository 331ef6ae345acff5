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
    let unsure = pages.flatMap { page in page.numbers.filter(\.read.isLowConfidence).map { ($0, page.page.number) } }
    for (cell, page) in unsure {
      guard let (line, field) = locate(cell, page: page, fields: lines, placement: placement) else { continue }
      found.append(
        LowConfidenceCell(
          line: line, field: field, value: cell.read.value, confidence: cell.read.confidence, page: page,
          alternatives: cell.read.alternatives))
    }
    // A table's count is printed without a leading zero: 0 followed by digits is two reads
    // run together (a 0 and a stray 1 from elsewhere), no number; the cell is unread (U+FFFD:
    // null with a finding), and no longer an unsure number.
    var changed = false
    for index in lines.indices where lines[index].count > 1 {
      for field in lines[index].indices where Self.hasLeadingZero(String(lines[index][field])) {
        lines[index][field] = "\u{FFFD}"
        found.removeAll { $0.line == index + 1 && $0.field == field }
        changed = true
      }
    }
    found.sort { ($0.line, $0.field) < ($1.line, $1.field) }
    let checked = changed ? lines.map { $0.joined(separator: "\t") }.joined(separator: "\n") : text
    return ScanResult(
      text: checked, lowConfidence: found, pagesRead: pages.map(\.page.number), skew: pages.map(\.skew),
      placement: placement)
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
