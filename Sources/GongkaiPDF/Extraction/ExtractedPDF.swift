import GongkaiLayout

/// The text of one PDF, laid out for the annual-report parser, with facts about the file.
public struct ExtractedPDF: Sendable, Equatable {
  /// The document's text in reading order: running text as plain lines (wrapped lines
  /// joined into paragraphs), each table row as one line of tab-separated cells, page
  /// numbers and running heads removed. Ends with a line break unless empty.
  public var text: String
  /// The number of pages in the file.
  public var pageCount: Int
  /// The title from the document's metadata, if any (often a file name or empty; the
  /// report's real title is its first line of text).
  public var title: String?
  /// 1-based numbers of pages whose text layer is empty or unreadable (scans, images,
  /// fonts without a Unicode map): they need OCR, and nothing of them is in ``text``.
  public var pagesWithoutText: [Int]
  /// Where each line of ``text`` sits on the pages, when asked for (``PDFTextExtractor/Options/placement``).
  public var placement: TextPlacement?

  /// Creates a result.
  public init(
    text: String, pageCount: Int, title: String?, pagesWithoutText: [Int], placement: TextPlacement? = nil
  ) {
    self.text = text
    self.pageCount = pageCount
    self.title = title
    self.pagesWithoutText = pagesWithoutText
    self.placement = placement
  }

  /// Whether every page had a usable text layer.
  public var hasFullTextLayer: Bool { pagesWithoutText.isEmpty }
}
