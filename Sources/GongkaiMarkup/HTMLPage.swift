/// A web page as the HTML front end reads it: libxml2's HTML parser (SAX, no libxml2 tree)
/// feeds this compact tree — elements classified once by name, text bytes in one buffer,
/// nodes linked by index. It holds what the walk reads and nothing else: elements that
/// never hold page text (script, style, nav …) are kept without their content, and with
/// `pruneFurniture`, so are furniture elements outside tables (class/id words of site
/// furniture), whose content only matters when the page holds no report outside them.
struct HTMLPage {
  /// What an element is to the walk.
  enum Kind: UInt8 {
    case text, skipped, lineBreak, table, block, inline
  }

  /// Elements the walk tells apart by name.
  enum Tag: UInt8 {
    case other, cell, row, rowGroup, paragraph, division, footer
  }

  /// One node: an element or a run of text.
  struct Node {
    var kind: Kind
    var tag: Tag
    /// A block element whose class or id names site furniture (or a <footer>).
    var isFurniture: Bool
    /// Its content was left out (a furniture element when the page was pruned).
    var isPruned: Bool
    /// First child, or -1.
    var firstChild: Int32
    /// Next sibling, or -1.
    var next: Int32
    /// Text: offset of its bytes; a table cell: its column span.
    var first: Int32
    /// Text: count of its bytes; a table cell: its row span.
    var second: Int32
  }

  /// All nodes; node 0 stands for the document, its children are the top-level elements.
  var nodes: [Node]
  /// The UTF-8 bytes of every text node.
  var text: [UInt8]
  /// Whether furniture elements outside tables were kept without their content.
  var isPruned: Bool
  /// When lines were asked for: the 1-based input line each text node's first
  /// character stands on, by node index.
  var textLines: [Int32: Int] = [:]

  /// The root element (the first top-level element, as libxml2's tree has it), if any.
  var root: Int32? {
    let first = nodes[0].firstChild
    return first >= 0 ? first : nil
  }

  /// Parses the UTF-8 page `bytes`; nil when libxml2 could not start.
  /// `cuts`: where `HTMLFurnitureCut` left furniture <div>s without content; nil unless
  /// the parse bears each out. `firstLine`: the input line the bytes start on, when the
  /// text nodes' lines are wanted (`textLines`); 0 otherwise.
  static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, furniture: WebFurniture, pruneFurniture: Bool, cuts: [Int] = [],
    firstLine: Int = 0
  ) -> HTMLPage? {
    HTMLPageParser.parse(bytes, furniture: furniture, pruneFurniture: pruneFurniture, cuts: cuts, firstLine: firstLine)
  }
}
