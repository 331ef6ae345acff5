import GongkaiLayout
import Testing

/// Binarization and ruling lines on drawn bitmaps.
@Suite("Ruling lines")
struct RulingLineFinderTests {
  /// A page of `dpi` with a 2×3-cell table, some "text" blobs, a scanner streak and a filled box.
  func page(dpi: Double) -> GreyBitmap {
    let scale = dpi / 72
    func px(_ points: Double) -> Int { Int((points * scale).rounded()) }
    var bitmap = GreyBitmap(blankWidth: px(600), height: px(800), dpi: dpi)
    let thickness = max(1, px(0.75))
    for y in [100.0, 150, 200] { bitmap.fill(x: px(50), y: px(y), width: px(500), height: thickness, value: 0) }
    for x in [50.0, 300, 550] {
      bitmap.fill(x: px(x), y: px(100), width: thickness, height: px(100) + thickness, value: 0)
    }
    // Text-like blobs inside the cells: short strokes, shorter than any kernel.
    for (x, y) in [(60.0, 115.0), (80, 115), (320, 165), (340, 165)] {
      bitmap.fill(x: px(x), y: px(y), width: px(9), height: px(1), value: 20)
      bitmap.fill(x: px(x + 4), y: px(y - 4), width: px(1), height: px(10), value: 20)
    }
    // A scanner streak down the whole page, through the table.
    bitmap.fill(x: px(420), y: 0, width: thickness, height: px(800), value: 60)
    // A filled box (shading or a logo): thick, so not a line.
    bitmap.fill(x: px(100), y: px(600), width: px(200), height: px(40), value: 0)
    return bitmap
  }

  @Test("Otsu splits ink from paper")
  func otsu() {
    var histogram = [Int](repeating: 0, count: 256)
    histogram[20] = 1_000
    histogram[230] = 50_000
    let level = OtsuThreshold.level(histogram: histogram)
    #expect(level >= 20 && level < 230)
    let blank = GreyBitmap(blankWidth: 50, height: 50, dpi: 72)
    #expect(OtsuThreshold.level(of: blank) < 255)
    #expect(RulingLineFinder().lines(in: blank).isEmpty)
  }

  @Test("finds the grid, drops the streak and the filled box", arguments: [72.0, 150.0, 300.0])
  func grid(dpi: Double) {
    let lines = RulingLineFinder().lines(in: page(dpi: dpi))
    let horizontal = lines.filter { $0.axis == .horizontal }.sorted { $0.position < $1.position }
    let vertical = lines.filter { $0.axis == .vertical }.sorted { $0.position < $1.position }
    #expect(horizontal.count == 3)
    #expect(vertical.count == 3)
    for (line, y) in zip(horizontal, [100.0, 150, 200]) {
      #expect(abs(line.position - y) < 1.5)
      #expect(abs(line.start - 50) < 1.5 && abs(line.end - 550) < 2)
    }
    for (line, x) in zip(vertical, [50.0, 300, 550]) {
      #expect(abs(line.position - x) < 1.5)
      #expect(abs(line.start - 100) < 1.5 && abs(line.end - 200) < 2.5)
    }
    #expect(!vertical.contains { abs($0.position - 420) < 3 }, "the streak is not a table rule")
  }

  @Test("the ragged edge of a filled bar is part of the bar, not a line beside it; a rule apart from it stays")
  func raggedEdgeOfBar() {
    // At 300 dpi: a bar 6 pt thick (a thick rule as a long smoothing spreads it), its first
    // and last rows broken into pieces where crossing rules fade, and a thin rule 3 pt below.
    var bitmap = GreyBitmap(blankWidth: 1200, height: 400, dpi: 300)
    bitmap.fill(x: 50, y: 101, width: 1100, height: 23, value: 0)
    for (x, width) in [(60, 400), (480, 300), (800, 340)] {
      bitmap.fill(x: x, y: 100, width: width, height: 1, value: 0)
      bitmap.fill(x: x, y: 124, width: width, height: 1, value: 0)
    }
    bitmap.fill(x: 50, y: 137, width: 1100, height: 2, value: 0)
    let lines = RulingLineFinder().lines(in: bitmap).filter { $0.axis == .horizontal }
    let scale = 300.0 / 72
    #expect(lines.count == 1, "\(lines)")
    #expect(lines.allSatisfy { abs($0.position - 138 / scale) < 1 }, "\(lines)")
  }

  @Test("collinear pieces with small gaps are one line")
  func merging() {
    var bitmap = GreyBitmap(blankWidth: 400, height: 100, dpi: 72)
    bitmap.fill(x: 10, y: 50, width: 150, height: 1, value: 0)
    bitmap.fill(x: 162, y: 50, width: 150, height: 1, value: 0)
    let lines = RulingLineFinder().lines(in: bitmap)
    #expect(lines.count == 1)
    #expect(lines.first.map { abs($0.start - 10) < 1 && abs($0.end - 312) < 1 } == true)
  }

  @Test("a bitmap must hold width × height pixels")
  func bitmapSize() {
    #expect(GreyBitmap(width: 3, height: 2, dpi: 72, pixels: [0, 0, 0, 0, 0]) == nil)
    #expect(GreyBitmap(width: 3, height: 2, dpi: 72, pixels: [UInt8](repeating: 9, count: 6)) != nil)
  }
}
