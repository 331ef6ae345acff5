import Foundation
import GongkaiLayout

/// Extracts the text of an annual-report PDF, tables included, in reading order.
///
/// This is what the command line calls for a `.pdf` input:
///
/// ```swift
/// let extracted = try PDFTextExtractor.extract(path: path)
/// // extracted.text → the repair layer and template parser, like a text export
/// // extracted.pageCount → source.pages; extracted.pagesWithoutText → pages needing OCR
/// ```
///
/// It opens the file with poppler and reads each page's content once, taking every character
/// of the text layer with its box and the lines and shaded areas the page paints (the rules
/// of drawn tables, ``DrawnRulingFinder``), and rebuilds lines, paragraphs and table rows
/// from the geometry (``LayoutReconstructor``). It throws ``PDFError`` for
/// inputs it cannot read: not a PDF, damaged, encrypted, no pages.
public enum PDFTextExtractor {
  /// Where table rules come from.
  public enum RulingSource: Sendable, Equatable {
    /// The lines and filled areas the page's content draws (one pass with the text).
    case drawing
    /// Ink found on a rendering of the page at this resolution (dots per inch).
    case rendering(dpi: Double)
    /// No rules: tables are read from text alignment only.
    case none
  }

  /// Choices for an extraction.
  public struct Options: Sendable, Equatable {
    /// The password of an encrypted PDF (`nil`: none).
    public var password: String? = nil
    /// Where table rules come from.
    public var rulingSource = RulingSource.drawing
    /// Tuning of the rules read from the drawing.
    public var drawnRulings = DrawnRulingFinder.Options()
    /// For ``RulingSource/drawing``: when a scanned page under a text layer (no drawn rule,
    /// a large image) has its rules looked for on a rendering (`nil`: never).
    public var scanRulings: ScanRulings? = ScanRulings()
    /// Tuning of the rules found on a rendering.
    public var rulings = RulingLineFinder.Options()
    /// Whether to record where each line of the text sits (``ExtractedPDF/placement``).
    public var placement = false
    /// For ``RulingSource/drawing``: whether a second thread, with a second poppler document
    /// on the same bytes, reads pages ahead when the process may use a second core (turn it
    /// off where other processes use the cores already, e.g. corpus workers).
    public var parallelPages = true

    /// The defaults: no password, rules read from the drawing.
    public init() {}
  }

  /// Extracts the PDF at `path`.
  public static func extract(path: String, options: Options = Options()) throws -> ExtractedPDF {
    let document = try PDFDocument(path: path, password: options.password)
    return try extract(document, options: options)
  }

  /// Extracts a PDF held in memory; `source` names it in error messages.
  public static func extract(data: Data, source: String = "<memory>", options: Options = Options())
    throws -> ExtractedPDF
  {
    let document = try PDFDocument(data: data, source: source, password: options.password)
    return try extract(document, options: options)
  }

  /// Extracts an open document.
  public static func extract(_ document: PDFDocument, options: Options = Options()) throws
    -> ExtractedPDF
  {
    let check = TextLayerCheck()
    let drawnFinder = DrawnRulingFinder(options: options.drawnRulings)
    let bitmapFinder = RulingLineFinder(options: options.rulings)
    let scanRulings = options.scanRulings
    let reconstructor = LayoutReconstructor()
    let analyzer = reconstructor.analyzer
    // Pages read in parallel are laid out by the thread that read them; pages read one by
    // one have each page's layout read beside the extraction of the next.
    let parallel = options.parallelPages && options.rulingSource == .drawing
    let analysis = parallel ? nil : PageAnalysisPipeline(analyzer: analyzer)
    defer { analysis?.close() }
    let reader = PageReader(document: document, helper: parallel) { page, drawing -> ReadPage? in
      let positioned = try page.positionedPage(drawing: drawing, finder: drawnFinder, scanRulings: scanRulings)
      guard check.isUsable(positioned.characters) else { return nil }
      return ReadPage(positioned: positioned, layout: parallel ? analyzer.layout(of: positioned) : nil)
    }
    defer { reader.close() }
    var pages: [PositionedPage] = []
    var layouts: [PageLayout] = []
    var withoutText: [Int] = []
    for number in 1...document.pageCount {
      let read: ReadPage?
      switch options.rulingSource {
      case .drawing: read = try reader.value(ofPage: number)
      case .rendering(let dpi):
        read = ReadPage(usable: try document.page(number).positionedPage(rulingDPI: dpi, finder: bitmapFinder), check)
      case .none: read = ReadPage(usable: try document.page(number).positionedPage(rulingDPI: nil), check)
      }
      guard let read else {
        withoutText.append(number)
        continue
      }
      pages.append(read.positioned)
      if let layout = read.layout { layouts.append(layout) } else { analysis?.add(read.positioned) }
    }
    if let analysis { layouts = analysis.layouts() }
    var placement: TextPlacement? = options.placement ? TextPlacement() : nil
    let text = reconstructor.render(reconstructor.layouts(ofAnalyzed: layouts), placement: &placement)
    for page in pages { placement?.characters[page.number] = page.characters }
    return ExtractedPDF(
      text: text, pageCount: document.pageCount, title: document.title,
      pagesWithoutText: withoutText, placement: placement)
  }
}

/// One page with a usable text layer, as the extraction read it.
private struct ReadPage: Sendable {
  /// The page as layout input.
  var positioned: PositionedPage
  /// Its layout, when the thread that read the page laid it out.
  var layout: PageLayout?

  init(positioned: PositionedPage, layout: PageLayout?) {
    self.positioned = positioned
    self.layout = layout
  }

  /// `positioned` when its text layer is usable (no layout yet), `nil` otherwise.
  init?(usable positioned: PositionedPage, _ check: TextLayerCheck) {
    guard check.isUsable(positioned.characters) else { return nil }
    self.init(positioned: positioned, layout: nil)
  }
}
