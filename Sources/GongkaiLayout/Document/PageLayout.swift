/// One page read into lines and tables, top to bottom.
public struct PageLayout: Sendable {
  /// A piece of the page in reading order.
  public enum Block: Sendable, Hashable {
    /// A line of running text (or a heading).
    case line(TextLine)
    /// A table.
    case table(Table)

    /// Where the block sits.
    public var box: PageRect {
      switch self {
      case .line(let line): return line.box
      case .table(let table): return table.box
      }
    }
  }

  /// 1-based page number.
  public var number: Int
  /// Page width in points.
  public var width: Double
  /// Page height in points.
  public var height: Double
  /// The blocks, top to bottom.
  public var blocks: [Block]
  /// The page's drawn horizontal rules outside its ruled tables, top to bottom: the row
  /// edges of tables drawn with horizontal rules only, which bound their rows.
  public var rules: [RulingLine]

  /// Creates a page layout.
  public init(number: Int, width: Double, height: Double, blocks: [Block], rules: [RulingLine] = []) {
    self.number = number
    self.width = width
    self.height = height
    self.blocks = blocks
    self.rules = rules
  }
}
