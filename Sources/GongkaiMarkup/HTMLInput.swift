import Foundation
import GongkaiCore

/// The HTML front end: a web page (a clean page, a saved portal page, Word-pasted markup)
/// in, the report's text out — paragraphs as lines, table rows as tab-separated cells.
public enum HTMLInput {
  /// The report text of the page `data`; errors name `file`.
  public static func read(_ data: Data, file: String) throws(InputError) -> MarkupText {
    try LibXML.require(for: file)
    // Cut what never holds report text before decoding, so only the rest is decoded and
    // parsed. Markup bytes (<, >, -, tag names after <) are ASCII and never the second
    // byte of a GBK/GB18030 character, so this is safe on the raw bytes of both; UTF-16
    // pages (with their byte order mark) are decoded first.
    let isUTF16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
    let stripped = isUTF16 ? data : data.withUnsafeBytes { Data(HTMLPrefilter.strip($0.bindMemory(to: UInt8.self))) }
    var text = try decode(stripped.isEmpty ? data : stripped, file: file)
    if isUTF16 {
      text = String(decoding: text.withUTF8 { HTMLPrefilter.strip($0) }, as: UTF8.self)
    }
    // First the page without its furniture's content (most of a portal page's elements):
    // the report is almost always outside the furniture. Only when it is not is the
    // whole page read, its furniture marked, as before.
    let locator = ReportLocator(furniture: .standard)
    guard let content = contentEntries(&text) else {
      throw InputError(file: file, kind: .notAReport, reason: "the HTML page could not be parsed")
    }
    if let blocks = locator.report(in: content) { return MarkupText(blocks: blocks) }
    guard let entries = parse(&text, pruneFurniture: false) else {
      throw InputError(file: file, kind: .notAReport, reason: "the HTML page could not be parsed")
    }
    return MarkupText(blocks: locator.locate(entries))
  }

  /// The blocks of the page `text` outside furniture; nil when it has no root element.
  /// The content of furniture <div>s is cut before parsing where that is safe, and the
  /// page parsed whole when the parse does not bear the cuts out.
  private static func contentEntries(_ text: inout String) -> [HTMLBlockReader.Entry]? {
    let cutPage = text.withUTF8 { bytes -> HTMLPage? in
      guard let cut = HTMLFurnitureCut.cut(bytes, furniture: .standard) else { return nil }
      return cut.bytes.withUnsafeBufferPointer {
        HTMLPage.parse($0, furniture: .standard, pruneFurniture: true, cuts: cut.starts)
      }
    }
    if let cutPage, cutPage.root != nil { return HTMLBlockReader.entries(of: cutPage) }
    return parse(&text, pruneFurniture: true)
  }

  /// The blocks of an HTML fragment (a table inside Markdown), nothing located or dropped
  /// but scripts and styles (none when libxml2 could not be loaded). With a `firstLine` (the input line the fragment starts on),
  /// paragraphs and table cells carry the input line their text starts on.
  public static func blocks(ofFragment text: String, firstLine: Int = 0) -> [MarkupBlock] {
    var text = text
    return parse(&text, pruneFurniture: false, firstLine: firstLine)?.map(\.block) ?? []
  }

  /// The blocks of the page `text`; nil when it has no root element.
  private static func parse(_ text: inout String, pruneFurniture: Bool, firstLine: Int = 0)
    -> [HTMLBlockReader.Entry]?
  {
    let page = text.withUTF8 {
      HTMLPage.parse($0, furniture: .standard, pruneFurniture: pruneFurniture, firstLine: firstLine)
    }
    guard let page, page.root != nil else { return nil }
    return HTMLBlockReader.entries(of: page)
  }

  /// The page as text: a byte order mark decides; otherwise UTF-8 when the bytes are
  /// valid UTF-8, else GB18030 (which covers the GB2312 and GBK a page's <meta charset>
  /// or http-equiv declares). The content decides rather than the declaration: saved
  /// pages are often re-encoded without their meta tag being changed.
  static func decode(_ data: Data, file: String) throws(InputError) -> String {
    try TextDecoder.decode(data, file: file)
  }
}
