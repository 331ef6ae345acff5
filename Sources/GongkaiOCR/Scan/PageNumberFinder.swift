import GongkaiLayout

/// Finds page numbers drawn as dashes and digits (`—3—`, `- 3 -`, `3`) at the top or bottom
/// of a scanned page, so they can be painted out before the running text is read: tesseract
/// reads `—3—` alone as a Chinese character, which the layout step cannot recognise as a
/// page number.
struct PageNumberFinder {
  /// The share of the page height, at the top and at the bottom, where page numbers sit.
  var zone = 0.12
  /// The widest a page number may be, in points.
  var maximumWidth = 100.0

  /// The boxes (page pixels) of the page-number lines of `page`.
  func find(in page: GreyBitmap, level: UInt8, minimumArea: Int) -> [PixelRect] {
    let height = page.height
    let band = Int(Double(height) * zone)
    var found: [PixelRect] = []
    for range in [0..<band, (height - band)..<height] {
      for line in lines(in: page, rows: range, level: level) {
        let region = PixelRect(x: 0, y: line.lowerBound, width: page.width, height: line.count)
        let ink = InkComponents(in: page, region: region, level: level, minimumArea: minimumArea)
        guard let union = ink.union, !ink.isEmpty, ink.boxes.count <= 12,
          Double(union.width) <= maximumWidth * page.pixelsPerPoint
        else { continue }
        if Self.isPageNumber(ink) { found.append(union.insetBy(-2)) }
      }
    }
    return found
  }

  /// Runs of rows with ink (text lines) among `rows`.
  func lines(in page: GreyBitmap, rows: Range<Int>, level: UInt8) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start: Int? = nil
    page.pixels.withUnsafeBufferPointer { pixels in
      for row in rows {
        let base = row * page.width
        var ink = 0
        for column in 0..<page.width where pixels[base + column] <= level { ink += 1 }
        if ink > 0 {
          if start == nil { start = row }
        } else if let first = start {
          result.append(first..<row)
          start = nil
        }
      }
    }
    if let first = start { result.append(first..<rows.upperBound) }
    return result
  }

  /// Whether the blobs are digits, perhaps between dashes: take away the flat blobs (dashes)
  /// and what is left must look like a number.
  static func isPageNumber(_ ink: InkComponents) -> Bool {
    guard let union = ink.union else { return false }
    var rest = ink
    rest.boxes = ink.boxes.filter { item in
      !(item.box.width >= 2 * item.box.height && item.box.height * 3 <= union.height)
    }
    guard !rest.boxes.isEmpty, rest.boxes.count <= 4 else { return false }
    return PageReader.looksNumeric(rest)
  }
}
