import Foundation
import GongkaiCore

/// The HTML front end: a web page (a clean page, a saved portal page, Word-pasted markup)
/// in, the report's text out — paragraphs as lines, table rows as tab-separated cells.
public enum HTMLInput {
  /// The report text of the page `data`; errors name `file`.
  public static func read(_ data: Data, file: String) throws(InputError) -> MarkupText {
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
    guard let tree = MarkupTree.html(text), let root = tree.root else {
      throw InputError(file: file, kind: .notAReport, reason: "the HTML page could not be parsed")
    }
    var reader = HTMLBlockReader(furniture: .standard)
    reader.read(root)
    return MarkupText(blocks: ReportLocator(furniture: .standard).locate(reader.entries))
  }

  /// The blocks of an HTML fragment (a table inside Markdown), nothing located or dropped
  /// but scripts and styles.
  public static func blocks(ofFragment text: String) -> [MarkupBlock] {
    guard let tree = MarkupTree.html(text), let root = tree.root else { return [] }
    var reader = HTMLBlockReader(furniture: .standard)
    reader.read(root)
    return reader.entries.map(\.block)
  }

  /// The page as text: a byte order mark decides; otherwise UTF-8 when the bytes are
  /// valid UTF-8, else GB18030 (which covers the GB2312 and GBK a page's <meta charset>
  /// or http-equiv declares). The content decides rather than the declaration: saved
  /// pages are often re-encoded without their meta tag being changed.
  static func decode(_ data: Data, file: String) throws(InputError) -> String {
    try TextDecoder.decode(data, file: file)
  }
}
