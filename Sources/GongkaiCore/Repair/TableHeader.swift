/// What a table's printed header says beyond the form's column labels.
enum TableHeader {
  /// The unit of money the header gives the amount column: `万元` or `元` from a header cell
  /// naming an amount (`采购总金额（万元）`, `本年收费金额（单位：元）`) or from a cell holding
  /// only the unit (`（万元）`, `单位：万元`, a header wrapped onto its own line); nil when none.
  static func moneyUnit(in tokens: [CellToken]) -> String? {
    for token in tokens {
      guard case .text(let text) = token.content else { continue }
      let compact = text.filter { !$0.isWhitespace }
      let unitOnly = compact.filter { !unitDecoration.contains($0) }
      guard compact.contains("金额") || unitOnly == "万元" || unitOnly == "元" else { continue }
      // OCR can move the bracket's colon between 万 and 元 (本年收费金额（单位万:元）).
      if compact.contains("万元") || unitOnly.contains("万元") { return "万元" }
      if compact.contains("元") { return "元" }
    }
    return nil
  }

  /// Characters around a unit standing alone in a header cell: brackets and 单位：.
  private static let unitDecoration: Set<Character> = ["（", "）", "(", ")", "单", "位", "：", ":"]
}
