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
    guard
      let piece = placement.locate(
        line: position.line, field: position.field, raw: raw, occurrence: position.occurrence ?? 0)
    else { return nil }
    let box = piece.box
    return .page(piece.page, box: [box.minX, box.minY, box.maxX, box.maxY])
  }
}
