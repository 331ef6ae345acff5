import GongkaiLayout

extension PageReader {
  /// `symbols` (one running-text read, in tesseract's order) with every Chinese character
  /// whose box collapsed to a sliver given the room its neighbours on the line leave it.
  ///
  /// The Chinese model now and then places a character of a large line as a box one pixel
  /// wide at one end of its ink (城 of 石城县… at 1 px, then 县 94 px on; 农 of 农村局 at the
  /// left edge of 村). The line then shows a gap as wide as a character and a half where the
  /// ink runs on, and the layout split it there into cells: a browser page's title, laid out
  /// with the date line below it as one table, lost its first characters (石城 | 县交通运输局…
  /// gave the agency 县交通运输局). An ideograph is never that narrow, so a collapsed one takes
  /// the room between its neighbours on its line, when that room is at most
  /// `widestRoom` times its height (a character and its spacing; more is a real gap).
  static func widenedCollapsedSymbols(_ symbols: [OCRItem], widestRoom: Double = 2.0) -> [OCRItem] {
    var widened = symbols
    for index in symbols.indices {
      let symbol = symbols[index]
      let box = symbol.box
      guard box.height > 0, box.width * 6 <= box.height, symbol.text.contains(where: isHan) else { continue }
      func onLine(_ other: Int) -> PixelRect? {
        guard symbols.indices.contains(other) else { return nil }
        let neighbour = symbols[other].box
        let overlap = min(neighbour.maxY, box.maxY) - max(neighbour.y, box.y)
        return overlap * 2 >= min(neighbour.height, box.height) ? neighbour : nil
      }
      let left = onLine(index - 1).map { min(box.x, $0.maxX) } ?? box.x
      let right = onLine(index + 1).map { max(box.maxX, $0.x) } ?? box.maxX
      guard right - left > box.width, Double(right - left) <= widestRoom * Double(box.height) else { continue }
      widened[index].box = PixelRect(x: left, y: box.y, width: right - left, height: box.height)
    }
    return widened
  }
}
