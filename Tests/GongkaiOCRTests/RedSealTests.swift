import Foundation
import GongkaiLayout
import Testing

@testable import GongkaiOCR

/// Seals kept red on a colour scan, and light seals over dense print: found, and the print
/// under them told from their ink.
@Suite("Red and light seals")
struct RedSealTests {
  /// Paints a ring `from`…`to` pixels from (`cx`, `cy`) with `value` where `where` allows.
  static func ring(
    _ bitmap: inout GreyBitmap, _ cx: Int, _ cy: Int, from inner: Double, to outer: Double, value: UInt8
  ) {
    for y in max(0, cy - Int(outer) - 1)..<min(bitmap.height, cy + Int(outer) + 2) {
      for x in max(0, cx - Int(outer) - 1)..<min(bitmap.width, cx + Int(outer) + 2) {
        let distance = (Double((x - cx) * (x - cx) + (y - cy) * (y - cy))).squareRoot()
        if distance >= inner, distance <= outer { bitmap[x, y] = value }
      }
    }
  }

  @Test(
    "a red seal dropped by its colour is found in the red ink dropped; print it took is put back, its own ink is not")
  func redSealFound() throws {
    // The page as the renderer gives it with red dropped: paper, black digits in rows.
    var page = GreyBitmap(blankWidth: 1400, height: 900, dpi: 300)
    page.fill(x: 0, y: 0, width: 1400, height: 900, value: 240)
    for row in 0..<5 {
      for column in 0..<12 { page.fill(x: 120 + column * 100, y: 250 + row * 90, width: 22, height: 40, value: 20) }
    }
    // The red ink dropped: a ring and a star (its grey level 85, as a grey copy shows it).
    var red = GreyBitmap(blankWidth: 1400, height: 900, dpi: 300)
    Self.ring(&red, 700, 450, from: 214, to: 230, value: 85)
    red.fill(x: 670, y: 420, width: 60, height: 60, value: 85)
    // Where the red ran into the digits under it, their pixels counted as red too (dropped
    // from the page, dark in the red ink's grey).
    for y in 0..<900 {
      for x in 0..<1400 where red[x, y] < 255 {
        if page[x, y] < 100 { red[x, y] = 22 }
        page[x, y] = 250
      }
    }
    // A red heading bar, in no ring: stays dropped.
    red.fill(x: 100, y: 40, width: 600, height: 30, value: 80)
    let (restored, seals, unsure) = SealFinder().redSeals(page, redInk: red)
    let rings = seals.map(\.box)
    try #require(rings.count == 1, "\(rings)")
    let ring = rings[0]
    #expect(abs(ring.x + ring.width / 2 - 700) < 12 && abs(ring.y + ring.height / 2 - 450) < 12)
    #expect(unsure.isEmpty, "the seal's grey is lighter than print: its print is told from it")
    #expect(seals.first.map { $0.printLevel > 22 && $0.printLevel < 85 } == true, "\(seals)")
    // The digit under the star (x 720…741 in row y 430…469) is print again; the star beside it is not.
    #expect(restored[725, 450] < 40, "the digit under the star is back")
    #expect(restored[700, 450] > 200, "the star's own ink stays dropped")
    #expect(restored[700, 228] > 200, "the ring stays dropped")
    #expect(restored[300, 55] > 200, "red outside a ring stays dropped")
    // No red, no seal.
    let none = SealFinder().redSeals(page, redInk: GreyBitmap(blankWidth: 1400, height: 900, dpi: 300))
    #expect(none.seals.isEmpty && none.page == page)
    // A red seal as dark as print: nothing can be told under it; it is passed on to be doubted.
    var dark = red
    for y in 0..<900 {
      for x in 0..<1400 where dark[x, y] == 85 { dark[x, y] = 24 }
    }
    let darkSeal = SealFinder().redSeals(page, redInk: dark)
    #expect(darkSeal.seals.count == 1 && darkSeal.unsure.count == 1)
    #expect(darkSeal.page == page, "no print put back")
    #expect(darkSeal.unsure.first.map { $0.meets(PixelRect(x: 720, y: 430, width: 22, height: 40)) } == true)
  }

  @Test("a light seal over dense print is found by the flat grey of its round, which holds little print")
  func lightSealOverDensePrint() {
    var bitmap = GreyBitmap(blankWidth: 1000, height: 1000, dpi: 300)
    bitmap.fill(x: 0, y: 0, width: 1000, height: 1000, value: 240)
    // Rows of black digits inside the disc: far more ink than the ring's.
    for row in 0..<11 {
      for column in 0..<11 {
        let (x, y) = (290 + column * 40, 290 + row * 40)
        let (dx, dy) = (x + 11 - 500, y + 15 - 500)
        if dx * dx + dy * dy < 220 * 220 { bitmap.fill(x: x, y: y, width: 26, height: 34, value: 20) }
      }
    }
    Self.ring(&bitmap, 500, 500, from: 286, to: 302, value: 120)
    let seals = SealFinder().seals(in: bitmap, level: 160)
    #expect(seals.count == 1, "\(seals)")
    #expect(seals.first.map { $0.printLevel > 20 && $0.printLevel < 120 } == true)
  }

  @Test("a seal found before the page was straightened lies where the turned page has its ring")
  func turnedSeal() throws {
    var bitmap = GreyBitmap(blankWidth: 1200, height: 1600, dpi: 300)
    bitmap.fill(x: 895, y: 295, width: 10, height: 10, value: 0)
    let turned = bitmap.rotated(clockwiseDegrees: 2.0, background: 255)
    var (sumX, sumY, count) = (0, 0, 0)
    for y in 0..<turned.height {
      for x in 0..<turned.width where turned[x, y] < 128 {
        sumX += x
        sumY += y
        count += 1
      }
    }
    try #require(count > 0)
    let seal = Seal(box: PixelRect(x: 800, y: 200, width: 201, height: 201), printLevel: 60)
    let moved = PageReader.turning(seal, clockwiseDegrees: 2.0, in: turned)
    #expect(abs(Double(moved.box.x + 100) - Double(sumX) / Double(count)) < 2, "\(moved.box)")
    #expect(abs(Double(moved.box.y + 100) - Double(sumY) / Double(count)) < 2, "\(moved.box)")
    #expect(moved.box.width == 201 && moved.printLevel == 60)
  }
}
