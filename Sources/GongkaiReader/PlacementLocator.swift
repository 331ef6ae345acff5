import GongkaiCore
import GongkaiLayout

/// The PDF and scan front ends' locator: a cell's line and field in the laid-out text,
/// traced through the layout's placement to the characters on the page.
struct PlacementLocator: CellLocating {
  let placement: TextPlacement

  /// Values on running-text lines are told apart by occurrence.
  var needsOccurrence: Bool { true }

  /// The page and tight box of the characters that read `raw`.
  func origin(of position: AssembledTable.CellOrigin, raw: String) -> CellProvenance.Origin? {
    located(position, raw: raw)?.origin
  }

  /// The page and tight box of the characters that read `raw`, and those characters as
  /// printed when they hold full-width forms (`１３４９` read as 1349).
  func located(_ position: AssembledTable.CellOrigin, raw: String) -> (
    origin: CellProvenance.Origin, raw: String?
  )? {
    guard
      let match = placement.locateMatch(
        line: position.line, field: position.field, raw: raw, occurrence: position.occurrence ?? 0)
    else { return nil }
    let box = match.box
    let printed = match.text.flatMap { text in
      text.unicodeScalars.contains { (0xFF01...0xFF5E).contains($0.value) } ? text : nil
    }
    return (.page(match.page, box: [box.minX, box.minY, box.maxX, box.maxY]), printed)
  }
}
