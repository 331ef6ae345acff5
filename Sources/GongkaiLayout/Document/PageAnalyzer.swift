/// Reads one page into lines and tables from the geometry of its characters and rulings.
public struct PageAnalyzer: Sendable {
  /// Finds tables drawn with lines.
  public var ruledTables = RuledTableFinder()
  /// Groups the remaining characters into lines.
  public var lineBuilder = LineBuilder()

  /// Creates an analyzer.
  public init() {}

  /// The page's ruled tables and lines of text, top to bottom.
  public func layout(of page: PositionedPage) -> PageLayout {
    let found = ruledTables.tables(on: page)
    var taken = Set<Int>()
    for entry in found { taken.formUnion(entry.characters) }
    let rest = page.characters.enumerated().filter { !taken.contains($0.offset) }.map(\.element)
    var blocks = lineBuilder.lines(from: rest).map { PageLayout.Block.line($0) }
    blocks += found.filter { !$0.table.rows.isEmpty }.map { .table($0.table) }
    blocks.sort { ($0.box.minY, $0.box.minX) < ($1.box.minY, $1.box.minX) }
    return PageLayout(number: page.number, width: page.width, height: page.height, blocks: blocks)
  }
}
