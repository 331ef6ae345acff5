import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// The parts of the scan reader that need no model.
@Suite("Scan reader pieces")
struct PiecesTests {
  @Test("look-alike letters become digits; text that is no number is refused")
  func numberText() {
    #expect(NumberText.number(from: "O") == "0")
    #expect(NumberText.number(from: "l7") == "17")
    #expect(NumberText.number(from: "I0 ") == "10")
    #expect(NumberText.number(from: "1,382") == "1382")
    #expect(NumberText.number(from: "12.5") == "12.5")
    #expect(NumberText.number(from: "３") == "3")
    #expect(NumberText.number(from: "") == nil)
    #expect(NumberText.number(from: "/") == nil)
    #expect(NumberText.number(from: "—") == nil)
    #expect(NumberText.number(from: "无") == nil)
    #expect(NumberText.number(from: "1.2.3") == nil)
    // Points between groups of three, more than one: thousands commas read as points.
    #expect(NumberText.number(from: "7.036.221") == "7036221")
    #expect(NumberText.number(from: "7.036,221") == "7036221")
    #expect(NumberText.number(from: "1.221") == "1.221")
    #expect(NumberText.mayBeGroupedCount("1.221"))
    #expect(!NumberText.mayBeGroupedCount("1.22"))
    #expect(!NumberText.mayBeGroupedCount("1221"))
    #expect(!NumberText.mayBeGroupedCount("1234.567"))
  }

  @Test("a rule on a grey-shaded row stays a thin line; the shading is not ink")
  func shadedRowRules() {
    // A 300 dpi page of paper 235 with a table: rules of 80 one pixel wide, the middle row
    // shaded 203 (darker than the old fixed rule threshold of 207).
    var page = GreyBitmap(blankWidth: 1200, height: 600, dpi: 300)
    page.fill(x: 0, y: 0, width: 1200, height: 600, value: 235)
    page.fill(x: 100, y: 250, width: 1000, height: 80, value: 203)
    for y in [150, 250, 330, 430] { page.fill(x: 100, y: y, width: 1000, height: 2, value: 80) }
    for x in [100, 1100] { page.fill(x: x, y: 150, width: 2, height: 282, value: 80) }
    let rules = page.smoothedBinary(level: 207, margin: 28, block: 8)
    let lines = RulingLineFinder().lines(in: rules).filter { $0.axis == .horizontal }
    // All four rules, the two around the shaded row included.
    #expect(lines.count == 4, "\(lines)")
    // The middle of the shaded row is paper.
    #expect(rules.pixels[290 * 1200 + 600] == 255)
    // The old threshold turned the row into one filled area.
    let old = RulingLineFinder().lines(in: page.smoothedBinary(level: 207)).filter { $0.axis == .horizontal }
    #expect(old.count < 4)
  }

  @Test("the vote: two agreeing reads are sure, a lone or split read is not")
  func vote() {
    let agreed = NumberReader.vote([("26", 60), ("6", 96), ("26", 70)])
    #expect(agreed == NumberRead(value: "26", confidence: 70, isLowConfidence: false))
    let split = NumberReader.vote([("26", 60), ("6", 96)])
    #expect(split.isLowConfidence)
    let lone = NumberReader.vote([("8", 50)])
    #expect(lone.value == "8" && lone.isLowConfidence)
  }

  @Test("a page turned by a known angle is measured and straightened")
  func skew() {
    // Ruled lines across an A4 page at 100 dpi, turned counter-clockwise by 0.6°.
    var straight = GreyBitmap(blankWidth: 827, height: 1169, dpi: 100)
    for y in stride(from: 100, to: 1100, by: 40) { straight.fill(x: 80, y: y, width: 660, height: 2, value: 0) }
    let turned = straight.rotated(clockwiseDegrees: -0.6, background: 255)
    let estimator = SkewEstimator()
    #expect(abs(estimator.angle(of: turned) - 0.6) <= 0.06)
    #expect(abs(estimator.angle(of: straight)) <= 0.02)
    let back = turned.rotated(clockwiseDegrees: estimator.angle(of: turned), background: 255)
    #expect(abs(estimator.angle(of: back)) <= 0.04)
    #expect(estimator.angle(of: GreyBitmap(blankWidth: 50, height: 50, dpi: 100)) == 0)
  }

  @Test("photocopies turned by up to 3° either way are measured", arguments: [2.9, -2.4, 1.3])
  func largeSkew(degrees: Double) {
    var straight = GreyBitmap(blankWidth: 827, height: 1169, dpi: 100)
    for y in stride(from: 100, to: 1100, by: 40) { straight.fill(x: 80, y: y, width: 660, height: 2, value: 0) }
    let turned = straight.rotated(clockwiseDegrees: -degrees, background: 255)
    #expect(abs(SkewEstimator().angle(of: turned) - degrees) <= 0.06)
  }

  @Test("a table whose labels stand half a row above their values is measured by its rows, not the label-value slant")
  func skewOfOffsetLabels() {
    // A table drawn without rules, rows 40 px apart: a label (a run of characters) on the
    // left, seven numbers on the right centred half a glyph lower, as in tall rows whose
    // labels are printed at the top. Turned clockwise by 1.5°.
    var straight = GreyBitmap(blankWidth: 827, height: 1169, dpi: 100)
    for y in stride(from: 120, to: 1060, by: 40) {
      for x in stride(from: 60, to: 260, by: 14) { straight.fill(x: x, y: y, width: 11, height: 12, value: 0) }
      for x in stride(from: 440, to: 760, by: 46) { straight.fill(x: x, y: y + 16, width: 7, height: 10, value: 0) }
    }
    let turned = straight.rotated(clockwiseDegrees: -1.5, background: 255)
    #expect(abs(SkewEstimator().angle(of: turned) - 1.5) <= 0.1)
    // Profiled across the whole width, the labels pile up with the values at the angle
    // that lines them up (about 3°): the page would be over-turned and each label would
    // sit beside the row above's values.
    var whole = SkewEstimator()
    whole.stripWidth = 20
    #expect(abs(whole.angle(of: turned) - 1.5) > 0.5)
  }

  @Test("a sign before the digits is told by its shape: a dash is minus, a small cross plus, a low dot neither")
  func signs() throws {
    func ink(_ draw: (inout GreyBitmap) -> Void) -> InkComponents {
      var bitmap = GreyBitmap(blankWidth: 120, height: 60, dpi: 300)
      bitmap.fill(x: 50, y: 15, width: 14, height: 30, value: 0)  // a digit-sized stroke
      draw(&bitmap)
      return InkComponents(in: bitmap, region: bitmap.bounds, level: 128, minimumArea: 4)
    }
    let minus = ink { $0.fill(x: 20, y: 28, width: 18, height: 4, value: 0) }
    #expect(PageReader.leadingSign(minus)?.sign == "-")
    #expect(PageReader.leadingSign(minus)?.digits.boxes.count == 1)
    let plus = ink { bitmap in
      bitmap.fill(x: 20, y: 28, width: 18, height: 3, value: 0)
      bitmap.fill(x: 28, y: 21, width: 3, height: 17, value: 0)
    }
    #expect(PageReader.leadingSign(plus)?.sign == "+")
    #expect(PageReader.leadingSign(ink { $0.fill(x: 30, y: 40, width: 5, height: 5, value: 0) }) == nil)
    #expect(PageReader.leadingSign(ink { _ in }) == nil)
  }

  @Test("a light minus before a number is found at the level halfway to the paper; a hyphen or a rule is none")
  func droppedMinus() {
    // A 300-dpi line on paper 240: a digit of ink 60, 20 px tall, at x 100; a copier's
    // blurred minus of grey 150, 12 × 3 px at the digit's mid-height, 5 px before it.
    func page(_ draw: (inout GreyBitmap) -> Void) -> GreyBitmap {
      var bitmap = GreyBitmap(blankWidth: 200, height: 60, dpi: 300)
      bitmap.fill(x: 0, y: 0, width: 200, height: 60, value: 240)
      bitmap.fill(x: 100, y: 20, width: 12, height: 20, value: 60)
      draw(&bitmap)
      return bitmap
    }
    let digit = PixelRect(x: 100, y: 20, width: 12, height: 20)
    let lenient: UInt8 = 185  // halfway from the ink level 130 to the paper 240
    let minus = page { $0.fill(x: 83, y: 29, width: 12, height: 3, value: 150) }
    // At the page's ink level (130) the stroke is paper: the digits were read alone (-6 as 6).
    #expect(PageReader.droppedMinus(before: digit, in: minus, level: 130, minimumArea: 2) == nil)
    #expect(PageReader.droppedMinus(before: digit, in: minus, level: lenient, minimumArea: 2) != nil)
    // A hyphen between digits (2021-01): ink on its left.
    let hyphen = page {
      $0.fill(x: 83, y: 29, width: 12, height: 3, value: 150)
      $0.fill(x: 70, y: 20, width: 10, height: 20, value: 60)
    }
    #expect(PageReader.droppedMinus(before: digit, in: hyphen, level: lenient, minimumArea: 2) == nil)
    // A stroke at the digits' foot (an underline's end) or a tall one (a rule, 1) is no minus.
    let low = page { $0.fill(x: 83, y: 38, width: 12, height: 3, value: 150) }
    #expect(PageReader.droppedMinus(before: digit, in: low, level: lenient, minimumArea: 2) == nil)
    let tall = page { $0.fill(x: 88, y: 20, width: 3, height: 20, value: 150) }
    #expect(PageReader.droppedMinus(before: digit, in: tall, level: lenient, minimumArea: 2) == nil)
    // Far from the digits it is another cell's mark, not this number's sign.
    let far = page { $0.fill(x: 72, y: 29, width: 8, height: 3, value: 150) }
    #expect(PageReader.droppedMinus(before: digit, in: far, level: lenient, minimumArea: 2) == nil)
  }

  @Test("two numbers apart in one merged cell are not one number; ink taller than a digit is none")
  func numberShape() {
    var bitmap = GreyBitmap(blankWidth: 200, height: 60, dpi: 300)
    bitmap.fill(x: 20, y: 15, width: 14, height: 30, value: 0)
    bitmap.fill(x: 38, y: 15, width: 14, height: 30, value: 0)
    let together = InkComponents(in: bitmap, region: bitmap.bounds, level: 128, minimumArea: 4)
    #expect(PageReader.looksNumeric(together))
    #expect(!PageReader.looksNumeric(together, maximumHeight: 20))
    bitmap.fill(x: 150, y: 15, width: 14, height: 30, value: 0)
    #expect(!PageReader.looksNumeric(InkComponents(in: bitmap, region: bitmap.bounds, level: 128, minimumArea: 4)))
  }

  @Test("ink shorter than a digit is a speck, nothing printed: a dash placeholder and a small digit are not")
  func specks() {
    func ink(_ width: Int, _ height: Int) -> InkComponents {
      var bitmap = GreyBitmap(blankWidth: 120, height: 60, dpi: 300)
      bitmap.fill(x: 50, y: 15, width: width, height: height, value: 0)
      return InkComponents(in: bitmap, region: bitmap.bounds, level: 128, minimumArea: 2)
    }
    let scale = 300.0 / 72
    // A rule's end on a tiny 300-dpi grid, 1 × 6 px, was read as 1 (confidence 60).
    #expect(PageReader.isSpeck(ink(1, 6), pixelsPerPoint: scale, minimumHeight: 3))
    #expect(PageReader.isSpeck(ink(4, 4), pixelsPerPoint: scale, minimumHeight: 3))
    // A 6-point digit is 17 px tall; a dash is flat and long.
    #expect(!PageReader.isSpeck(ink(10, 17), pixelsPerPoint: scale, minimumHeight: 3))
    #expect(!PageReader.isSpeck(ink(30, 4), pixelsPerPoint: scale, minimumHeight: 3))
  }

  /// A 400 × 600 page at 300 dpi of grey paper, 224–231 with a fixed pseudo-random noise,
  /// as an office scan's paper comes out.
  static func noisyPaper() -> GreyBitmap {
    var page = GreyBitmap(blankWidth: 400, height: 600, dpi: 300)
    var state: UInt32 = 12345
    for y in 0..<600 {
      for x in 0..<400 {
        state = state &* 1_664_525 &+ 1_013_904_223
        page[x, y] = UInt8(224 + Int(state >> 29))
      }
    }
    return page
  }

  @Test("a light one-pixel rule on a noisy grey scan is one line, found along its direction")
  func lightRuleOnNoisyPaper() {
    // 300 dpi, paper 228 with ±4 of noise, a vertical rule one pixel wide and 22 levels
    // darker, as a light border on a 200-dpi office scan comes out; a 3×3 mean thins it to
    // a third of that and the noise breaks it.
    var page = Self.noisyPaper()
    for y in 50..<550 { page[200, y] = page[200, y] - 22 }
    let binary = page.smoothedBinary(level: 214, margin: 12, block: 8, length: 3)
    let lines = RulingLineFinder().lines(in: binary)
    #expect(lines.count == 1, "\(lines)")
    #expect(lines.first.map { $0.axis == .vertical && $0.end - $0.start > 100 } == true, "\(lines)")
  }

  @Test("a column rule too light for the page's margin is found again between found rules; a one-row stroke is not")
  func lightRuleConfirmed() {
    // 300 dpi, paper 228 with noise, a black block (the page's print: Otsu level ~130, so the
    // margin asks for (228 − 130) / 4 ≈ 24 levels), a table of dark rules, and a column rule
    // one pixel wide only 14 levels deep over two rows, as a light-grey border on a 200-dpi scan.
    var page = Self.noisyPaper()
    page.fill(x: 50, y: 420, width: 300, height: 150, value: 30)
    for y in [100, 200, 300] { page.fill(x: 50, y: y, width: 301, height: 2, value: 150) }
    for x in [50, 350] { page.fill(x: x, y: 100, width: 2, height: 202, value: 150) }
    for y in 102..<300 { page[200, y] = page[200, y] - 14 }
    // A character's stroke as light, in one row only, from rule to rule.
    for y in 102..<200 { page[120, y] = page[120, y] - 14 }
    func columns(_ finder: TableRuleFinder) -> [Int] {
      finder.find(in: page).rulings.filter { $0.axis == .vertical }.map { Int(($0.position * 300 / 72).rounded()) }
        .sorted()
    }
    var strict = TableRuleFinder()
    strict.confirmLightRules = false
    func near(_ columns: [Int], _ x: Int) -> Bool { columns.contains { abs($0 - x) <= 2 } }
    let before = columns(strict)
    #expect(before.count == 2 && near(before, 51) && near(before, 351), "the light rule is lost: \(before)")
    let after = columns(TableRuleFinder())
    #expect(after.count == 3 && near(after, 200), "\(after)")
  }

  @Test("light pieces of a found rule make it whole; a light line over one row only is no rule")
  func confirmedLightLines() {
    let found = [
      RulingLine(axis: .horizontal, position: 100, start: 50, end: 500),
      RulingLine(axis: .horizontal, position: 140, start: 50, end: 200),
      RulingLine(axis: .horizontal, position: 180, start: 50, end: 500),
      RulingLine(axis: .vertical, position: 50, start: 100, end: 180),
    ]
    let light = [
      // The rule at 140 found in pieces: the light pass has it whole.
      RulingLine(axis: .horizontal, position: 140.5, start: 50, end: 500),
      // A column rule between the rules at 100 and 180, crossing 140 once whole.
      RulingLine(axis: .vertical, position: 300, start: 100, end: 180),
      // A stroke from 140 to 180 only.
      RulingLine(axis: .vertical, position: 250, start: 140, end: 180),
      // A line meeting no rule at its top.
      RulingLine(axis: .vertical, position: 400, start: 120, end: 180),
    ]
    let lines = TableRuleFinder.confirmed(light, by: found, alignment: 2, gap: 3, reach: 4)
    let horizontal = lines.filter { $0.axis == .horizontal }.sorted { $0.position < $1.position }
    #expect(horizontal.map(\.position) == [100, 140, 180], "the found centre line kept, no duplicate")
    #expect(horizontal.map(\.end) == [500, 500, 500])
    #expect(lines.filter { $0.axis == .vertical }.map(\.position).sorted() == [50, 300])
  }

  @Test("short vertical strokes of a heading on a table's top rule are no rules; a rule broken by a seal is")
  func anchoredRules() {
    let lines = [
      RulingLine(axis: .horizontal, position: 100, start: 50, end: 500),
      RulingLine(axis: .horizontal, position: 140, start: 50, end: 500),
      RulingLine(axis: .horizontal, position: 160, start: 50, end: 500),
      // A heading's stroke standing on the rule at 140, its top free (15 pt below 100).
      RulingLine(axis: .vertical, position: 200, start: 115, end: 140),
      // A one-row rule from rule to rule.
      RulingLine(axis: .vertical, position: 300, start: 140, end: 160),
      // A rule broken under a seal's ring: the piece goes on in line beyond its free end.
      RulingLine(axis: .vertical, position: 400, start: 100, end: 128),
      RulingLine(axis: .vertical, position: 400.5, start: 135, end: 160),
      // A long line is left alone.
      RulingLine(axis: .vertical, position: 450, start: 60, end: 160),
    ]
    let kept = TableRuleFinder.anchored(lines, reach: 4, shortest: 28.8).filter { $0.axis == .vertical }
    #expect(kept.map(\.position) == [300, 400, 400.5, 450])
  }

  @Test("a number read with fewer digits than its ink is wide is refused: 85 run together is no 8")
  func minimumDigits() {
    func ink(_ boxes: [(x: Int, width: Int)]) -> InkComponents {
      var bitmap = GreyBitmap(blankWidth: 200, height: 60, dpi: 300)
      for box in boxes { bitmap.fill(x: box.x, y: 15, width: box.width, height: 29, value: 0) }
      return InkComponents(in: bitmap, region: bitmap.bounds, level: 128, minimumArea: 4)
    }
    #expect(PageReader.minimumDigits(ink([(40, 38)])) == 2, "two digits run together")
    #expect(PageReader.minimumDigits(ink([(40, 20)])) == 1)
    #expect(PageReader.minimumDigits(ink([(40, 8), (52, 8)])) == 1, "11: narrow digits")
    #expect(PageReader.minimumDigits(ink([(40, 20), (80, 20)])) == 2, "full-width digits apart")
    #expect(PageReader.digitCount("-12.5") == 3)
  }

  @Test("a rule stopping short of a crossing rule that ends on its track (a table corner under a seal) is bridged")
  func bridgedToCorner() {
    // Blank paper: no ink along the way, so only the corner can bridge the gap.
    let paper = GreyBitmap(blankWidth: 400, height: 300, dpi: 72)
    let bottom = RulingLine(axis: .horizontal, position: 200, start: 50, end: 300)
    let corner = RulingLine(axis: .vertical, position: 330, start: 80, end: 200.5)
    let through = RulingLine(axis: .vertical, position: 330, start: 80, end: 260)
    func bridgedEnd(_ lines: [RulingLine]) -> Double? {
      TableRuleFinder.bridged(lines, page: paper, level: 128, ruleLevel: 200, binary: paper, reach: 40)
        .first { $0.axis == .horizontal }?.end
    }
    #expect(bridgedEnd([bottom, corner]) == 330)
    // A rule passing by makes no corner: a real gap is left alone.
    #expect(bridgedEnd([bottom, through]) == 300)
  }

  @Test("a rule stopping a few points short of a crossing rule (under a seal) is drawn on to it")
  func snappedRules() {
    let lines = [
      RulingLine(axis: .horizontal, position: 100, start: 50, end: 300),
      RulingLine(axis: .horizontal, position: 200, start: 50, end: 300),
      RulingLine(axis: .vertical, position: 150, start: 100, end: 192),
      RulingLine(axis: .vertical, position: 250, start: 130, end: 200),
    ]
    let snapped = TableRuleFinder.snapped(lines, reach: 10)
    #expect(snapped[2].start == 100 && snapped[2].end == 200)
    #expect(snapped[3].start == 130, "30 pt short is a real gap, not a seal")
  }

  @Test("a grey seal over the signing date is found, its level between the print and the seal's ink")
  func greySeal() throws {
    let page = try PDFDocument(path: Samples.scan("hard-2021-light-scan300")).page(4).render(dpi: 300)
    let level = OtsuThreshold.level(of: page)
    let seals = SealFinder().seals(in: page, level: level)
    try #require(seals.count == 1)
    let seal = seals[0]
    // The seal sits on the signature, right of the page's middle, in the page's lower half.
    let (x, y) = (
      Double(seal.box.x + seal.box.width / 2) / 300 * 72, Double(seal.box.y + seal.box.height / 2) / 300 * 72
    )
    #expect(x > 297 && x < 560 && y > 300 && y < 700, "\(seal.box)")
    // Print is black (about 20 at its core), the seal's ink about 85.
    #expect(seal.printLevel > 40 && seal.printLevel < 80, "\(seal.printLevel)")
    let cleaned = page.droppingInk(of: seal, paper: page.paperLevel())
    #expect(SealFinder().seals(in: cleaned, level: level).isEmpty, "the ring is gone")
    // A page without a seal has none.
    let plain = try PDFDocument(path: Samples.scan("gen-2021-a-scan300")).page(4).render(dpi: 300)
    #expect(SealFinder().seals(in: plain, level: OtsuThreshold.level(of: plain)).isEmpty)
  }

  @Test("a seal as dark as the print cannot be told from it and is not taken for one")
  func darkSeal() {
    var bitmap = GreyBitmap(blankWidth: 800, height: 800, dpi: 300)
    for y in 0..<800 {
      for x in 0..<800 {
        let distance = (Double((x - 400) * (x - 400) + (y - 400) * (y - 400))).squareRoot()
        if distance <= 230, distance >= 214 { bitmap[x, y] = 25 }
      }
    }
    // Print across it, as dark as the ring.
    for column in 0..<12 { bitmap.fill(x: 200 + column * 34, y: 380, width: 24, height: 40, value: 20) }
    #expect(SealFinder().seals(in: bitmap, level: 128).isEmpty)
    // The same ring in a lighter grey is a seal, the print kept.
    for y in 0..<800 {
      for x in 0..<800 where bitmap[x, y] == 25 { bitmap[x, y] = 90 }
    }
    let seals = SealFinder().seals(in: bitmap, level: 128)
    #expect(seals.count == 1)
    #expect(seals.first.map { $0.printLevel >= 20 && $0.printLevel < 90 } == true)
  }

  @Test("a grey seal whose ring crosses a table's rules is found: the rules are cleared first, the ring kept")
  func sealOverRules() {
    var bitmap = GreyBitmap(blankWidth: 1400, height: 800, dpi: 300)
    for y in 0..<800 {
      for x in 0..<1400 {
        let distance = (Double((x - 700) * (x - 700) + (y - 400) * (y - 400))).squareRoot()
        if distance <= 230, distance >= 214 { bitmap[x, y] = 95 }
      }
    }
    // Table rules (black, 4 px thick) across the page and through the ring, digits between them.
    for row in 0..<6 { bitmap.fill(x: 20, y: 120 + row * 110, width: 1360, height: 4, value: 20) }
    for column in 0..<30 { bitmap.fill(x: 40 + column * 44, y: 150, width: 20, height: 40, value: 20) }
    let seals = SealFinder().seals(in: bitmap, level: 128)
    #expect(seals.count == 1)
    #expect(seals.first.map { $0.printLevel >= 20 && $0.printLevel < 95 } == true)
    #expect(seals.first.map { $0.box.width < 600 && $0.box.height < 600 } == true)
  }

  @Test("two grey seals stamped overlapping (one blob, not round) are each found by their ring; a dense blot is none")
  func overlappingSeals() {
    var bitmap = GreyBitmap(blankWidth: 1400, height: 1600, dpi: 300)
    // Two rings 444 px (107 pt) across, their centres 280 px apart down and 120 across.
    let centres = [(600, 500), (720, 780)]
    for y in 0..<1600 {
      for x in 0..<1400 {
        for (cx, cy) in centres {
          let distance = (Double((x - cx) * (x - cx) + (y - cy) * (y - cy))).squareRoot()
          if distance <= 222, distance >= 204 { bitmap[x, y] = 95 }
        }
      }
    }
    // Rows of digits under them, as black as print.
    for row in 0..<4 {
      for column in 0..<10 { bitmap.fill(x: 200 + column * 100, y: 300 + row * 240, width: 22, height: 40, value: 20) }
    }
    let seals = SealFinder().seals(in: bitmap, level: 128).sorted { $0.box.y < $1.box.y }
    #expect(seals.count == 2, "\(seals)")
    for (seal, (cx, cy)) in zip(seals, centres) {
      let middle = (seal.box.x + seal.box.width / 2, seal.box.y + seal.box.height / 2)
      #expect(abs(middle.0 - cx) <= 25 && abs(middle.1 - cy) <= 25, "\(seal.box)")
      #expect(seal.box.width < 560 && seal.printLevel >= 20 && seal.printLevel < 95, "\(seal)")
    }
    // A grey mesh of thick strokes over the same place is one sparse blob, not round, and no
    // circle runs on its ink: no seal.
    var mesh = GreyBitmap(blankWidth: 1400, height: 1600, dpi: 300)
    for step in 0..<8 { mesh.fill(x: 380, y: 280 + step * 100, width: 560, height: 20, value: 95) }
    for step in 0..<6 { mesh.fill(x: 380 + step * 100, y: 280, width: 20, height: 720, value: 95) }
    #expect(SealFinder().seals(in: mesh, level: 128).isEmpty)
  }

  @Test(
    "a value cell read as no number (7 as 了, a seal's （0）) is marked unread; labels, digits, placeholders and lone rows stay"
  )
  func unreadValues() {
    func text(_ string: String) -> [PositionedCharacter] {
      string.map { PositionedCharacter(character: $0, box: PageRect(minX: 0, minY: 0, maxX: 1, maxY: 1)) }
    }
    func number(_ value: String) -> NumberRead { NumberRead(value: value, confidence: 95, isLowConfidence: false) }
    func box(_ x: Int, _ width: Int) -> PixelRect { PixelRect(x: x, y: 0, width: width, height: 30) }
    // Three rows: a label, then values in columns at x 1000, 1100, 1200, 1300.
    let boxes: [[PixelRect?]] = [
      [box(100, 500), box(1000, 20), box(1100, 20), box(1200, 20), box(1300, 20)],
      [box(100, 400), box(1000, 18), box(1100, 20), box(1200, 20), box(1300, 20)],
      [box(100, 900), box(1000, 20), box(1100, 20), box(1200, 20), box(1300, 20)],
      [box(100, 500), box(1000, 20), box(1100, 20), box(1200, 20), box(1300, 20)],
    ]
    let reads: [[(number: NumberRead?, text: [PositionedCharacter])]] = [
      [(nil, text("（六）其他处理")), (number("1"), []), (number("0"), []), (number("0"), []), (number("1"), [])],
      [(nil, text("（七）总计")), (nil, text("了")), (number("1"), []), (nil, text("无")), (number("8"), [])],
      // A label as wide as the table reaching over the value columns stays a label.
      [(nil, text("四、结转下年度继续办理的申请")), (nil, text("（0）")), (number("0"), []), (number("0"), []), (nil, text("U"))],
      [(nil, text("四、结转")), (number("2"), []), (number("0"), []), (number("1"), []), (number("3"), [])],
    ]
    let unread = PageReader.unreadValues(boxes, reads).map { "\($0.row).\($0.cell)" }
    #expect(unread == ["1.1", "2.1", "2.4"])
    // A row with one number is no row of values: its text stays.
    let lone: [[(number: NumberRead?, text: [PositionedCharacter])]] = [
      reads[0], [(nil, text("（七）总计")), (nil, text("了")), (number("1"), []), (nil, []), (nil, [])], reads[2], reads[3],
    ]
    #expect(!PageReader.unreadValues(boxes, lone).contains { $0.row == 1 })
    // A number read from a group label's ink (处理 as 16) makes no column: the fragments of
    // the group label beside other rows ((五) and 不予处) stay text.
    let group: [[PixelRect?]] = [
      [box(118, 40), box(300, 400), box(1000, 20), box(1100, 20)],
      [box(120, 40), box(300, 400), box(1000, 20), box(1100, 20)],
      [box(121, 38), box(300, 400), box(1000, 20), box(1100, 20)],
    ]
    let groupReads: [[(number: NumberRead?, text: [PositionedCharacter])]] = [
      [(number("16"), []), (nil, text("4.无正当理由")), (number("0"), []), (number("2"), [])],
      [(nil, text("（五）")), (nil, text("3.要求提供公开出版物")), (number("0"), []), (number("0"), [])],
      [(nil, text("不予处")), (nil, text("5.要求确认")), (number("0"), []), (number("0"), [])],
    ]
    #expect(PageReader.unreadValues(group, groupReads).isEmpty)
    // Under a seal, a 0 read with a bit of the ring as 人: is wider than the digits of its
    // column and stands mostly left of them: marked unread only when it meets the seal.
    var sealedBoxes = boxes
    sealedBoxes[3][3] = box(1185, 26)
    var sealedReads = reads
    sealedReads[3][3] = (nil, text("人:"))
    let seal = Seal(box: PixelRect(x: 1150, y: -100, width: 300, height: 300), printLevel: 60)
    #expect(!PageReader.unreadValues(sealedBoxes, sealedReads).contains { $0.row == 3 })
    #expect(PageReader.unreadValues(sealedBoxes, sealedReads, seals: [seal]).contains { $0.row == 3 && $0.cell == 3 })
    // Digits run together and read as text (44) are digits; nothing read at all is unread.
    #expect(!PageReader.isUnreadValue(text("44")))
    #expect(PageReader.isUnreadValue([]))
  }

  @Test("a seal's disc is its ring: a box in the corner of its square does not meet it")
  func sealDisc() {
    let seal = Seal(box: PixelRect(x: 1000, y: 1000, width: 400, height: 400), printLevel: 80)
    #expect(seal.meets(PixelRect(x: 1190, y: 1190, width: 20, height: 20)), "in the middle")
    #expect(seal.meets(PixelRect(x: 1390, y: 1190, width: 40, height: 20)), "across the ring's right edge")
    #expect(!seal.meets(PixelRect(x: 1005, y: 1005, width: 20, height: 20)), "in the square's corner, off the disc")
    #expect(!seal.meets(PixelRect(x: 1500, y: 1190, width: 20, height: 20)), "beside it")
  }

  @Test("a number close outside a seal's disc meets it with a margin for the ring's width, not without")
  func sealDiscMargin() {
    let seal = Seal(box: PixelRect(x: 1000, y: 1000, width: 400, height: 400), printLevel: 80)
    // Off the disc's top-left, a little outside its round (the ring found along its inner edge).
    let near = PixelRect(x: 1040, y: 1040, width: 10, height: 10)
    #expect(!seal.meets(near))
    #expect(seal.meets(near, margin: 25))
    #expect(!seal.meets(PixelRect(x: 1500, y: 1190, width: 20, height: 20), margin: 25), "well beside it")
  }

  @Test(
    "a stray character in a value column under a seal is unread; labels, headers, placeholders and unsealed rows are not"
  )
  func strayValues() {
    let columns = [(60.0, 150.0), (200.0, 206.0), (260.0, 266.0), (320.0, 326.0), (380.0, 386.0)]
    func line(_ y: Double) -> TextPlacement.Line { tableRow(columns, page: 1, y: y) }
    var placement = TextPlacement()
    placement.lines = [line(80), line(100), line(120), line(140)]
    let rows: [[Substring]] = [
      ["项目", "自然人", "其他", "总计", "合计"],
      ["一行", "1", "2", "3", "4"],
      ["人", "5", "人", "无", "8"],
      ["三行", "1", "2", "3", "4"],
    ]
    var characters: [PositionedCharacter] = []
    for (row, fields) in rows.enumerated() {
      for (field, text) in fields.enumerated() {
        characters += PageReader.spread(String(text), over: placement.lines[row].pieces[field].box)
      }
    }
    placement.characters[1] = characters
    let seal = [1: [PageRect(minX: 40, minY: 60, maxX: 420, maxY: 200)]]
    // The 人 in the second value column goes; the label's 人 and the placeholder 无 stay.
    #expect(ScanReader.strayValues(line: 2, fields: rows, placement: placement, seals: seal) == [2])
    #expect(ScanReader.strayValues(line: 2, fields: rows, placement: placement, seals: [:]).isEmpty, "no seal")
    #expect(ScanReader.strayValues(line: 0, fields: rows, placement: placement, seals: seal).isEmpty, "a header")
    let away = [1: [PageRect(minX: 500, minY: 60, maxX: 600, maxY: 200)]]
    #expect(ScanReader.strayValues(line: 2, fields: rows, placement: placement, seals: away).isEmpty, "off the seal")
  }

  @Test("an unsure number left on a line of numbers outside the table rows is unread there, spacing kept")
  func unlocatedNumber() {
    var characters: [PositionedCharacter] = []
    var boxes: [PageRect] = []
    for (index, value) in ["0", "0", "1", "0"].enumerated() {
      let box = PageRect(minX: 300 + Double(index) * 30, minY: 500, maxX: 305 + Double(index) * 30, maxY: 508)
      boxes.append(box)
      characters += PageReader.spread(value, over: box)
    }
    var placement = TextPlacement()
    placement.lines = [
      TextPlacement.Line(
        pieces: [TextPlacement.Piece(page: 3, box: PageRect(minX: 300, minY: 500, maxX: 395, maxY: 508))],
        isTableRow: false)
    ]
    placement.characters[3] = characters
    let fields: [[Substring]] = [["0  0 1 0"]]
    let unsure = ReadNumberCell(box: boxes[2], read: NumberRead(value: "1", confidence: 54, isLowConfidence: true))
    let found = ScanReader.unlocatedToken(unsure, page: 3, fields: fields, placement: placement)
    #expect(found?.line == 0 && found?.token == 2)
    #expect(ScanReader.replacing(token: 2, in: "0  0 1 0", with: "\u{FFFD}") == "0  0 \u{FFFD} 0")
    // A number in running text (words among the numbers) or on another page is left alone.
    let words: [[Substring]] = [["共 0 件 1 次"]]
    #expect(ScanReader.unlocatedToken(unsure, page: 3, fields: words, placement: placement) == nil)
    #expect(ScanReader.unlocatedToken(unsure, page: 2, fields: fields, placement: placement) == nil, "another page")
  }

  @Test("a table row's number where no number cell was read (the running text's read) is listed; read cells are not")
  func runningTextValues() {
    let columns = [(60.0, 150.0), (200.0, 206.0), (260.0, 266.0), (320.0, 326.0)]
    func line(_ y: Double) -> TextPlacement.Line { tableRow(columns, page: 2, y: y) }
    var placement = TextPlacement()
    placement.lines = [line(100), line(120), TextPlacement.Line(pieces: [], isTableRow: false)]
    let fields: [[Substring]] = [["一行", "1", "2", "3"], ["二行", "0", "0", "1"], ["共 3 件 1 次 2"]]
    // The first row's numbers and the second row's last were read alone; the second row's
    // first two came with the running text.
    let read: [PageRect] = [
      PageRect(minX: 201, minY: 101, maxX: 205, maxY: 109), PageRect(minX: 261, minY: 101, maxX: 265, maxY: 109),
      PageRect(minX: 321, minY: 101, maxX: 325, maxY: 109), PageRect(minX: 321, minY: 121, maxX: 325, maxY: 129),
    ]
    let found = runningValues(fields, placement: placement, page: 2, readAt: read)
    #expect(found.map(\.line) == [1, 1] && found.map(\.field) == [1, 2] && found.allSatisfy { $0.page == 2 })
  }

  @Test("a number with a stray Chinese character beside it where no number cell was read (20 as 2人) is listed too")
  func markedRunningTextValues() {
    // Measured on a seal seed (norules 2021): （七）总计's 20 under the seal, no number cell
    // read there; the running text gave 2人, and the parser took 2 from it.
    let columns = [(60.0, 150.0), (200.0, 206.0), (260.0, 266.0), (320.0, 330.0)]
    var placement = TextPlacement()
    placement.lines = [tableRow(columns, page: 4, y: 100), tableRow(columns, page: 4, y: 120)]
    let fields: [[Substring]] = [["（七）总计", "11", "5", "2人"], ["四、结转", "0", "0", "无"]]
    let read: [PageRect] = [
      PageRect(minX: 201, minY: 101, maxX: 205, maxY: 109), PageRect(minX: 261, minY: 101, maxX: 265, maxY: 109),
      PageRect(minX: 201, minY: 121, maxX: 205, maxY: 129), PageRect(minX: 261, minY: 121, maxX: 265, maxY: 129),
    ]
    let found = runningValues(fields, placement: placement, page: 4, readAt: read)
    // 2人 is listed; the placeholder 无 is not.
    #expect(found.map(\.line) == [0] && found.map(\.field) == [3])
    // Where a number cell was read, the cell is the number reader's: not listed.
    let inCell = PageRect(minX: 321, minY: 101, maxX: 329, maxY: 109)
    #expect(runningValues(fields, placement: placement, page: 4, readAt: read + [inCell]).isEmpty)
  }

  /// `ScanReader.runningTextValues` on a 400×300 page `page` whose number reader read a
  /// number (confidently) in each of `boxes`.
  private func runningValues(
    _ fields: [[Substring]], placement: TextPlacement, page: Int, readAt boxes: [PageRect]
  ) -> [(line: Int, field: Int, page: Int)] {
    let cells = boxes.map {
      ReadNumberCell(box: $0, read: NumberRead(value: "1", confidence: 95, isLowConfidence: false))
    }
    let positioned = PositionedPage(number: page, width: 400, height: 300, characters: [], rulings: [])
    return ScanReader.runningTextValues(
      fields, placement: placement, pages: [ReadPage(page: positioned, numbers: cells, skew: 0)])
  }

  @Test("a number's box meets a seal when it comes within the doubt margin of the seal's box")
  func meetsSeal() {
    // Measured on seal seed 900 (hrules 2019, page 3 at 300 dpi, px × 0.24 = points): under the
    // seal an 18×24 px piece of a 0 read 11 (70.95).
    func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double) -> PageRect {
      PageRect(minX: x * 0.24, minY: y * 0.24, maxX: (x + width) * 0.24, maxY: (y + height) * 0.24)
    }
    let piece = rect(1831, 2137, 18, 24)
    #expect(ScanReader.meetsSeal(piece, seals: [rect(1783, 2113, 424, 454)]))
    #expect(!ScanReader.meetsSeal(piece, seals: []), "no seal")
    #expect(!ScanReader.meetsSeal(piece, seals: [rect(100, 100, 400, 400)]), "off the seal")
    // 20 px (4.8 pt) left of the seal's box: within the 6-pt margin; 40 px (9.6 pt): not.
    #expect(ScanReader.meetsSeal(piece, seals: [rect(1869, 2113, 424, 454)]), "within the margin")
    #expect(!ScanReader.meetsSeal(piece, seals: [rect(1889, 2113, 424, 454)]), "past the margin")
  }

  @Test("a stream cell's text read with fewer digits than its ink is wide is no number (a copied 50 read as 0)")
  func textNumberDigits() {
    // Measured on a browser print scanned at 200 dpi (cellspacing 2021): 规章's 现行有效 50,
    // the digits run together into one 37×24 px blob, read by the Chinese model as 0.
    var bitmap = GreyBitmap(blankWidth: 120, height: 60, dpi: 200)
    bitmap.fill(x: 20, y: 10, width: 37, height: 24, value: 0)
    let joined = InkComponents(in: bitmap, region: bitmap.bounds, level: 128, minimumArea: 4)
    #expect(PageReader.textNumber("0", ink: joined) == nil)
    #expect(PageReader.textNumber("50", ink: joined)?.value == "50")
    #expect(PageReader.textNumber("50", ink: joined)?.isLowConfidence == true)
    var single = GreyBitmap(blankWidth: 120, height: 60, dpi: 200)
    single.fill(x: 20, y: 10, width: 19, height: 25, value: 0)
    #expect(
      PageReader.textNumber("0", ink: InkComponents(in: single, region: single.bounds, level: 128, minimumArea: 4))?
        .value == "0")
  }

  @Test(
    "a row's value lost under a seal is a gap in its column; off the seal, left of the label, or where ink is, none"
  )
  func gapsUnderSeals() {
    func box(_ x: Int, _ y: Int, _ width: Int = 20) -> PixelRect { PixelRect(x: x, y: y, width: width, height: 30) }
    // Four rows, columns at x 1000, 1100, 1200, 1300; row 2 lacks its last two values.
    let columns = [1000, 1100, 1200, 1300]
    var rows: [(cells: [PixelRect?], numbers: [Bool])] = (0..<4).map { row in
      ([box(100, row * 100, 500)] + columns.map { box($0, row * 100) }, [false, true, true, true, true])
    }
    rows[2] = ([box(100, 200, 500), box(1000, 200), box(1100, 200)], [false, true, true])
    let ink = rows.flatMap { $0.cells.compactMap { $0 } }
    // A seal over the right of rows 1–3: row 2's two gaps are under it.
    let seal = Seal(box: PixelRect(x: 1150, y: 100, width: 300, height: 300), printLevel: 80)
    let gaps = PageReader.gapsUnderSeals(rows, occupied: ink, seals: [seal])
    #expect(gaps.map(\.x) == [1200, 1300])
    #expect(gaps.allSatisfy { $0.y == 200 && $0.height == 30 })
    // No seal, or a seal away from the gaps: no gap (a blank cell stays blank).
    #expect(PageReader.gapsUnderSeals(rows, occupied: ink, seals: []).isEmpty)
    let away = Seal(box: PixelRect(x: 1000, y: 600, width: 300, height: 300), printLevel: 80)
    #expect(PageReader.gapsUnderSeals(rows, occupied: ink, seals: [away]).isEmpty)
    // Ink there (a number wrapped from the row above reaching down): no gap.
    #expect(PageReader.gapsUnderSeals(rows, occupied: ink + [box(1300, 190)], seals: [seal]).map(\.x) == [1200])
    // A row of another table (a number off the nearby rows' columns): no gap.
    var other = rows
    other[2] = ([box(100, 200, 500), box(1000, 200), box(1050, 200), box(1100, 200)], [false, true, true, true])
    #expect(PageReader.gapsUnderSeals(other, occupied: ink, seals: [seal]).isEmpty)
    // A row with one number is no row of values.
    rows[2] = ([box(100, 200, 500), box(1000, 200)], [false, true])
    #expect(PageReader.gapsUnderSeals(rows, occupied: ink, seals: [seal]).isEmpty)
  }

  @Test(
    "in a drawn grid a cell is an unread value only in a number's own grid columns: table 三's labels under table 二's wider cells stay labels"
  )
  func unreadGridCells() {
    func text(_ string: String) -> [PositionedCharacter] {
      string.map { PositionedCharacter(character: $0, box: PageRect(minX: 0, minY: 0, maxX: 1, maxY: 1)) }
    }
    func number(_ value: String) -> NumberRead { NumberRead(value: value, confidence: 95, isLowConfidence: false) }
    // One grid holding table 二's last row (label 0...2, 采购项目数量 3...5, amount 6...9) and
    // table 三's rows (labels 0...0 and 1...2, values in 3...3 up to 9...9, one column each).
    let columns: [[ClosedRange<Int>]] = [
      [0...2, 3...5, 6...9],
      [0...0, 1...2, 3...3, 4...4, 5...5, 6...6, 7...7, 8...8, 9...9],
      [0...0, 1...2, 3...3, 4...4, 5...5, 6...6, 7...7, 8...8, 9...9],
      [0...0, 1...2, 3...3, 4...4, 5...5, 6...6, 7...7, 8...8, 9...9],
    ]
    let values = (0..<7).map { _ in (number: Optional(number("0")), text: [PositionedCharacter]()) }
    let reads: [[(number: NumberRead?, text: [PositionedCharacter])]] = [
      [(nil, text("政府集中采购")), (number("3"), []), (number("9.68"), [])],
      [(nil, text("三、本年度办理结果")), (nil, text("（一）予以公开"))] + values,
      [(nil, []), (nil, text("1.属于国家秘密"))] + values.prefix(2) + [(nil, text("了"))] + values.suffix(4),
      [(nil, []), (nil, text("2.其他法律行政法规禁止公开"))] + values,
    ]
    let unread = PageReader.unreadGridCells(columns, reads).map { "\($0.row).\($0.cell)" }
    // By overlap alone 3...5 (采购项目数量) stands over the labels 1...2: every label would go.
    #expect(unread == ["2.4"])
    // Under a seal a cell read as nothing whose print looks like digits is unread, in a row
    // whose other values the seal took too; not in a label's columns, and not unmarked.
    var sealedRows = reads
    sealedRows[3] = [(nil, []), (nil, text("2.其他法律行政法规禁止公开"))] + values.prefix(5) + [(nil, []), (nil, [])]
    let underSeal = PageReader.unreadGridCells(columns, sealedRows, sealed: [[], [], [], [0, 7, 8]])
      .map { "\($0.row).\($0.cell)" }
    #expect(underSeal == ["2.4", "3.7", "3.8"])
    #expect(PageReader.unreadGridCells(columns, sealedRows).map { "\($0.row).\($0.cell)" } == ["2.4"])
  }

  @Test("text under a seal after a row's first value is unread; a label, a unit or text off the seal is not")
  func textAfterValues() {
    func text(_ string: String) -> [PositionedCharacter] {
      string.map { PositionedCharacter(character: $0, box: PageRect(minX: 0, minY: 0, maxX: 1, maxY: 1)) }
    }
    func number(_ value: String) -> NumberRead { NumberRead(value: value, confidence: 95, isLowConfidence: false) }
    let reads: [[(number: NumberRead?, text: [PositionedCharacter])]] = [
      [(nil, text("四、结转下年度继续办理")), (number("11"), []), (nil, text("内")), (nil, text("人")), (number("0"), [])],
      [(nil, text("（七）总计")), (nil, text("人")), (number("11"), []), (number("5"), [])],
      [(nil, text("政府集中采购")), (number("26"), []), (number("386.4"), []), (nil, text("万元"))],
    ]
    let all = reads.map { $0.map { _ in true } }
    func found(_ meetsSeal: [[Bool]], _ columns: [Int]) -> [String] {
      PageReader.textAfterValues(reads, meetsSeal: meetsSeal, columns: columns).map { "\($0.row).\($0.cell)" }
    }
    #expect(found(all, [4, 3, 2]) == ["0.2", "0.3"])
    // Off the seal: text stays text.
    var off = all
    off[0][3] = false
    #expect(found(off, [3, 3, 2]) == ["0.2"])
    // A row still short of the nearby rows' columns: its values would move, nothing is marked.
    #expect(found(all, [5, 3, 2]).isEmpty)
  }

  @Test("at a page's top, the seal's text in the one other row counts as a column: both rows' seal text is unread")
  func sealTextAtPageTop() {
    func text(_ string: String) -> [PositionedCharacter] {
      string.map { PositionedCharacter(character: $0, box: PageRect(minX: 0, minY: 0, maxX: 1, maxY: 1)) }
    }
    func number(_ value: String) -> NumberRead { NumberRead(value: value, confidence: 95, isLowConfidence: false) }
    func box(_ x: Int, _ y: Int, _ width: Int = 20) -> PixelRect { PixelRect(x: x, y: y, width: width, height: 30) }
    // A table going on from the page before: （七）总计 and 四、结转 alone, their last value (20
    // and 0) under a seal's ring, read as 2人 and 人.
    let values = [["11", "5", "1", "1", "1", "1"], ["0", "0", "0", "0", "11", "0"]]
    // Table 四's row of fifteen values below is another table.
    typealias Read = (number: NumberRead?, text: [PositionedCharacter])
    var reads: [[Read]] = []
    for (label, row, seal) in [("（七）总计", 0, "2人"), ("四、结转下年度继续办理", 1, "人")] {
      var cells: [Read] = [(nil, text(label))]
      for value in values[row] { cells.append((number(value), [])) }
      cells.append((nil, text(seal)))
      reads.append(cells)
    }
    reads.append((0..<15).map { _ -> Read in (number("0"), []) })
    var boxes: [[PixelRect?]] = []
    for row in 0..<2 {
      var cells: [PixelRect?] = [box(100, row * 60, 500)]
      for column in 0..<7 { cells.append(box(1300 + column * 125, row * 60, column == 6 ? 45 : 22)) }
      boxes.append(cells)
    }
    boxes.append((0..<15).map { Optional(box(120 + $0 * 122, 600)) })
    var meetsSeal = reads.map { $0.map { _ in false } }
    meetsSeal[0][7] = true
    meetsSeal[1][7] = true
    meetsSeal[1][6] = true
    let found = PageReader.sealTextCells(reads, boxes: boxes, meetsSeal: meetsSeal).map { "\($0.row).\($0.cell)" }
    #expect(found.sorted() == ["0.7", "1.7"])
    // Off the seal the other row's text is no column: its row is short, nothing is marked.
    meetsSeal[1][7] = false
    #expect(PageReader.sealTextCells(reads, boxes: boxes, meetsSeal: meetsSeal).isEmpty)
  }

  @Test("a label's small strokes between two rows do not run the rows into one line")
  func linesThroughSmallStrokes() {
    func blob(_ y: Int, _ height: Int, _ x: Int, _ width: Int = 20) -> (box: PixelRect, area: Int) {
      (PixelRect(x: x, y: y, width: width, height: height), width * height / 2)
    }
    // Two rows (label characters 40 px tall, digits 31 to 33) 64 px apart, and between them a
    // label's line (法提供): 氵's dots and the other parts, some small.
    let rowA = [0, 45, 90, 135].map { blob(0, 40, $0, 40) } + [600, 700, 800].map { blob(4, 33, $0) }
    let rowB = [0, 45, 90, 135].map { blob(64, 40, $0, 40) } + [600, 700, 800].map { blob(64, 31, $0) }
    let label = [
      blob(32, 16, 225, 10), blob(31, 27, 240), blob(31, 39, 280, 40), blob(60, 17, 330, 10), blob(66, 14, 370, 10),
    ]
    let lines = StreamTableFinder().lines(of: rowA + rowB + label)
    #expect(lines.count == 3)
    // Each line's top, from its blobs at least 27 px tall (the small ones join the nearest).
    #expect(lines.map { line in line.filter { $0.box.height >= 27 }.map(\.box.y).min() ?? -1 } == [0, 31, 64])
    // Each row keeps its own seven blobs.
    #expect(lines.first?.count == 7)
    #expect(lines.last?.filter { $0.box.height >= 31 }.count == 7)
  }

  @Test("a small mark goes with the text beside it, not with a wrapped number's pieces whose band it meets too")
  func markBesideItsLabel() {
    func blob(_ y: Int, _ height: Int, _ x: Int, _ width: Int = 20) -> (box: PixelRect, area: Int) {
      (PixelRect(x: x, y: y, width: width, height: height), width * height / 2)
    }
    // 一、本年新收… with its values, and just below the pieces 3 and 1 of 143 and 171 wrapped in
    // their columns; the 、 after 一 lies in both lines' bands, nearer the pieces' middle.
    let row = [0, 45, 90, 135].map { blob(0, 40, $0 + 60, 40) } + [1300, 1400, 1500].map { blob(4, 33, $0) }
    let pieces = [1310, 1510].map { blob(25, 34, $0) }
    let mark = blob(30, 10, 45, 10)
    let lines = StreamTableFinder().lines(of: row + pieces + [mark])
    #expect(lines.count == 2)
    #expect(lines.last?.allSatisfy { $0.box.x >= 1300 } == true)
    #expect(lines.first?.contains { $0.box.x == 45 } == true)
  }

  @Test("a lone photocopied 0 a little wider than 3/4 of its height looks like a number; a square glyph does not")
  func wideZero() {
    func ring(width: Int, height: Int) -> InkComponents {
      var bitmap = GreyBitmap(blankWidth: 100, height: 80, dpi: 300)
      bitmap.fill(x: 20, y: 20, width: width, height: height, value: 0)
      bitmap.fill(x: 24, y: 24, width: width - 8, height: height - 8, value: 255)
      return InkComponents(in: bitmap, region: bitmap.bounds, level: 128, minimumArea: 4)
    }
    #expect(StreamTableFinder.looksLikeNumber(ring(width: 22, height: 30)))
    #expect(StreamTableFinder.looksLikeNumber(ring(width: 23, height: 30)))
    #expect(!StreamTableFinder.looksLikeNumber(ring(width: 30, height: 30)))
  }

  @Test("a signed number a seal meets is unsure, the number without the sign among its reads; an unsigned one is kept")
  func signUnderSeal() {
    let signed = PageReader.doubtingSign(NumberRead(value: "-2", confidence: 97, isLowConfidence: false))
    #expect(signed.isLowConfidence)
    #expect(signed.alternatives == ["2"])
    let plain = NumberRead(value: "2", confidence: 97, isLowConfidence: false)
    #expect(PageReader.doubtingSign(plain) == plain)
  }

  @Test("numbers left of every column of the nearby rows' values are a label's characters; table 四's row is not")
  func labelNumbers() {
    func box(_ x: Int, _ y: Int, _ width: Int = 20) -> PixelRect { PixelRect(x: x, y: y, width: width, height: 30) }
    let columns = [1000, 1100, 1200, 1300]
    var cells: [[PixelRect?]] = (0..<5).map { row in [box(100, row * 100, 500)] + columns.map { box($0, row * 100) } }
    var numbers = (0..<5).map { _ in [false, true, true, true, true] }
    // Row 2: a label's second line, 理 and 申请 read as 1 and 15.
    cells[2] = [box(100, 200), box(300, 200, 40)]
    numbers[2] = [true, true]
    #expect(PageReader.labelNumbers(cells, numbers: numbers).map { "\($0.row).\($0.cell)" } == ["2.0", "2.1"])
    // A row with a number in the values' columns is a table's row: table 四's fifteen values
    // under table 三's columns, the first ones left of them.
    cells[2] = [box(100, 200), box(300, 200), box(700, 200), box(1100, 200)]
    numbers[2] = [true, true, true, true]
    #expect(PageReader.labelNumbers(cells, numbers: numbers).isEmpty)
    // Too few columns nearby to tell a table's values from its labels: nothing.
    let narrow = cells.map { Array($0.prefix(3)) }
    #expect(PageReader.labelNumbers(narrow, numbers: numbers.map { Array($0.prefix(3)) }).isEmpty)
  }

  @Test("a rule lost under a seal's ring is followed on to the crossing rule; a gap or shading is not bridged")
  func bridgedRules() {
    // 72 dpi: one pixel a point. A light rule (210) on paper (240) at y 100 from x 50 to 300,
    // found only up to 270; a vertical rule at x 300.
    func page(_ paint: (inout GreyBitmap) -> Void) -> GreyBitmap {
      var bitmap = GreyBitmap(blankWidth: 400, height: 200, dpi: 72)
      bitmap.fill(x: 0, y: 0, width: 400, height: 200, value: 240)
      bitmap.fill(x: 50, y: 100, width: 251, height: 1, value: 210)
      bitmap.fill(x: 300, y: 50, width: 1, height: 100, value: 210)
      paint(&bitmap)
      return bitmap
    }
    let found = [
      RulingLine(axis: .horizontal, position: 100.5, start: 50, end: 270),
      RulingLine(axis: .vertical, position: 300.5, start: 50, end: 150),
    ]
    let blank = GreyBitmap(blankWidth: 400, height: 200, dpi: 72)
    func end(_ bitmap: GreyBitmap) -> Double {
      TableRuleFinder.bridged(found, page: bitmap, level: 150, ruleLevel: 224, binary: blank, reach: 40)[0].end
    }
    // The ring's grey stroke over the rule from 270 to 282, the light rule on beyond it.
    #expect(end(page { $0.fill(x: 270, y: 90, width: 12, height: 20, value: 85) }) == 300.5)
    // No rule drawn from 270 on: paper.
    #expect(end(page { $0.fill(x: 271, y: 100, width: 29, height: 1, value: 240) }) == 270)
    // Grey shading round the path, no line in it.
    #expect(
      end(
        page {
          $0.fill(x: 260, y: 80, width: 40, height: 40, value: 197)
        }) == 270)
    // A grey stroke running along the path for 30 points, no rule under it.
    #expect(
      end(
        page {
          $0.fill(x: 271, y: 100, width: 29, height: 1, value: 240)
          $0.fill(x: 270, y: 98, width: 30, height: 5, value: 85)
        }) == 270)
  }

  @Test("grids from rulings: merged cells found, letter strokes are no table")
  func grids() {
    let xs = [50.0, 150, 250, 350]
    let ys = [100.0, 120, 140, 160]
    var lines: [RulingLine] = ys.map { RulingLine(axis: .horizontal, position: $0, start: 50, end: 350) }
    // The first column's middle rule is missing: one cell spans rows 1 and 2.
    lines.removeAll { $0.position == 140 }
    lines.append(RulingLine(axis: .horizontal, position: 140, start: 150, end: 350))
    lines += xs.map { RulingLine(axis: .vertical, position: $0, start: 100, end: 160) }
    let found = TableGrid.grids(from: lines)
    #expect(found.count == 1)
    let cells = found.first?.cells ?? []
    #expect(cells.count == 8)
    #expect(cells.contains { $0.top == 1 && $0.bottom == 2 && $0.left == 0 && $0.right == 0 })
    // Strokes of a large title: narrow, short, crossing.
    let strokes =
      [174.0, 192, 195, 208].map { RulingLine(axis: .vertical, position: $0, start: 87, end: 102) }
      + [87.0, 102].map { RulingLine(axis: .horizontal, position: $0, start: 174, end: 215) }
    #expect(TableGrid.grids(from: strokes).isEmpty)
  }

  @Test("digits between dashes at the foot of a page are a page number")
  func pageNumber() {
    var page = GreyBitmap(blankWidth: 600, height: 800, dpi: 72)
    page.fill(x: 270, y: 760, width: 16, height: 2, value: 0)  // —
    page.fill(x: 292, y: 752, width: 4, height: 16, value: 0)  // 1
    page.fill(x: 302, y: 760, width: 16, height: 2, value: 0)  // —
    page.fill(x: 60, y: 100, width: 400, height: 12, value: 0)  // a line of text, high up
    let found = PageNumberFinder().find(in: page, level: 128, minimumArea: 2)
    #expect(found.count == 1)
    #expect(found.first.map { $0.y <= 752 && $0.maxY >= 768 } == true)
  }

  @Test("unsure numbers are located by line and field in the laid-out text, which they leave unchanged")
  func lowConfidenceLocated() {
    // A ruled 2×3 table: a label and two numbers per row; the second row's last is unsure.
    let xs = [50.0, 200, 260, 320]
    let ys = [100.0, 120, 140]
    let rulings =
      ys.map { RulingLine(axis: .horizontal, position: $0, start: 50, end: 320) }
      + xs.map { RulingLine(axis: .vertical, position: $0, start: 100, end: 140) }
    func text(_ string: String, x: Double, y: Double) -> [PositionedCharacter] {
      string.enumerated().map { index, character in
        let left = x + Double(index) * 10
        return PositionedCharacter(
          character: character, box: PageRect(minX: left, minY: y, maxX: left + 10, maxY: y + 10))
      }
    }
    var characters = text("标题行", x: 60, y: 60)
    characters += text("一行", x: 60, y: 105) + text("二行", x: 60, y: 125)
    let numbers: [(String, Double, Double, Bool)] = [
      ("5", 225, 105, false), ("7", 285, 105, false), ("12", 220, 125, false), ("3", 285, 125, true),
    ]
    var cells: [ReadNumberCell] = []
    for (value, x, y, unsure) in numbers {
      let box = PageRect(minX: x, minY: y, maxX: x + 5 * Double(value.count), maxY: y + 8)
      characters += PageReader.spread(value, over: box)
      cells.append(
        ReadNumberCell(box: box, read: NumberRead(value: value, confidence: unsure ? 40 : 95, isLowConfidence: unsure)))
    }
    let page = PositionedPage(number: 2, width: 400, height: 300, characters: characters, rulings: rulings)
    let result = ScanReader.assemble([ReadPage(page: page, numbers: cells, skew: 0.3)])
    let lines = result.text.split(separator: "\n").map(String.init)
    #expect(lines == ["标题行", "一行\t5\t7", "二行\t12\t3"])
    #expect(result.lowConfidence == [LowConfidenceCell(line: 3, field: 2, value: "3", confidence: 40, page: 2)])
    #expect(result.pagesRead == [2] && result.skew == [0.3])
    // Nothing is put into the layout for an unsure cell: the text and the rows' places are
    // the same as with every cell sure.
    var sure = cells
    for index in sure.indices { sure[index].read.isLowConfidence = false }
    let plain = ScanReader.assemble([ReadPage(page: page, numbers: sure, skew: 0.3)])
    #expect(plain.text == result.text && plain.placement == result.placement && plain.lowConfidence.isEmpty)
  }

  @Test("a line's symbols boxed out of order (9.68 boxed as 9 . 8 6, 政府 as 府政) are laid out in the order read")
  func symbolsInReadingOrder() {
    func item(_ text: String, _ x: Int, _ width: Int, y: Int = 100) -> OCRItem {
      OCRItem(text: text, box: PixelRect(x: x, y: y, width: width, height: 40), confidence: 80)
    }
    // As the Chinese model boxed a blurred amount: 8's box holds 6's and starts left of it.
    let amount = [
      item("9", 1650, 22), item(".", 1676, 6), item("6", 1680, 20), item("8", 1678, 48),
      item("万", 1740, 80), item("元", 1792, 36),
    ]
    // And a bold title: 府's box starts where 政's does.
    let title = [
      item("年", 700, 60, y: 300), item("政", 760, 96, y: 300), item("府", 760, 188, y: 300),
      item("信", 960, 40, y: 300),
    ]
    let ordered = PageReader.inReadingOrder(amount + title)
    for line in [Array(ordered[0..<6]), Array(ordered[6...])] {
      #expect(zip(line, line.dropFirst()).allSatisfy { $0.box.maxX <= $1.box.x || $0.box.x < $1.box.x })
    }
    // Symbols in order stay where they are.
    #expect(ordered[0] == amount[0] && ordered[5] == amount[5] && ordered[6] == title[0])
    let characters = ordered.flatMap { PageReader.characters($0, scale: 300 / 72) }
    let page = PositionedPage(number: 1, width: 595, height: 842, characters: characters, rulings: [])
    let text = ScanReader.assemble([ReadPage(page: page, numbers: [], skew: 0)]).text
    #expect(text.contains("9.68万元") && text.contains("年政府信"))
  }

  @Test("a number wrapped in a narrow column is joined top to bottom, also when its pieces straddle the row")
  func wrappedNumbers() {
    func cell(_ x: Int, _ y: Int, _ width: Int, _ height: Int = 34) -> InkComponents {
      InkComponents([(box: PixelRect(x: x, y: y, width: width, height: height), area: width * height / 2)])
    }
    func row(_ cells: [(InkComponents, Bool)]) -> StreamTableFinder.Row {
      let boxes = cells.compactMap { $0.0.union }
      let top = boxes.map(\.y).min() ?? 0
      let bottom = boxes.map(\.maxY).max() ?? 0
      let left = boxes.map(\.x).min() ?? 0
      let right = boxes.map(\.maxX).max() ?? 0
      return StreamTableFinder.Row(
        band: PixelRect(x: left, y: top, width: right - left, height: bottom - top), cells: cells.map(\.0),
        numeric: cells.map(\.1))
    }
    let columns = [1427, 1561, 1678, 1795, 1915]
    // 143 and 171: 14 and 17 above the row, 3 and 1 below it, the row's other numbers between.
    let rows = [
      row([(cell(1310, 377, 49), true), (cell(2021, 377, 49), true)]),
      row([(cell(400, 402, 696, 41), false)] + columns.map { (cell($0, 402, 24), true) }),
      row([(cell(1322, 427, 23), true), (cell(2035, 427, 21), true)]),
      // Two full rows close together are never pieces of each other.
      row([(cell(400, 488, 696, 41), false)] + ([1322] + columns + [2034]).map { (cell($0, 487, 24), true) }),
      row([(cell(615, 553, 278, 41), false)] + ([1308] + columns + [2020]).map { (cell($0, 554, 24), true) }),
      // 16 over 8, under the row's number: 168.
      row(
        [(cell(400, 620, 300, 41), false)] + ([1308] + columns).map { (cell($0, 625, 24), true) }
          + [(cell(2022, 625, 48), true)]),
      row([(cell(2034, 655, 24), true)]),
    ]
    let joins = StreamTableFinder.wrappedPieces(rows)
    #expect(joins.count == 3)
    let straddling = joins.filter { $0.row == 1 }
    #expect(straddling.map { $0.pieces.map(\.row) } == [[0, 2], [0, 2]])
    #expect(straddling.allSatisfy { $0.box.y == rows[1].band.y && $0.box.height == rows[1].band.height })
    #expect(straddling.first?.box.x == 1310)
    let under = joins.filter { $0.row == 5 }
    #expect(under.count == 1 && under.first?.pieces.map(\.row) == [5, 6])
  }
}

extension PiecesTests {
  @Test("the running text's noise inside a stream row's band goes; text above, below and beside stays")
  func runningTextInsideStreamRows() {
    // The block read is made at half the page's scale (factor 0.5); bands are page pixels.
    let bands = [PixelRect(x: 300, y: 400, width: 2800, height: 42)]
    func item(_ text: String, _ x: Int, _ y: Int) -> OCRItem {
      OCRItem(text: text, box: PixelRect(x: x, y: y, width: 10, height: 10), confidence: 60)
    }
    let symbols = [
      item("站", 700, 205),  // centre (1410, 420): between two cells of the row
      item("-", 160, 203),  // centre (330, 416): before the row's first value
      item("本", 700, 170),  // centre (1410, 350): the line above
      item("年", 700, 230),  // centre (1410, 470): the line below
      OCRItem(text: "注", box: PixelRect(x: 1600, y: 200, width: 20, height: 20), confidence: 60),  // right of the row
    ]
    let kept = PageReader.outsideStreamRows(bands, symbols, factor: 0.5).map(\.text)
    #expect(kept == ["本", "年", "注"])
    #expect(PageReader.outsideStreamRows([], symbols, factor: 0.5).count == symbols.count)
  }
}

extension PiecesTests {
  @Test("the running text's noise in the white between table lines with no line between goes; between runs it stays")
  func runningTextBetweenStreamRows() {
    // Rows 387 and 453 (24 px apart) and 570 (75 px below, a two-line label's gap) are one run
    // of table lines; 780 follows a line left to the running text (another run).
    func row(_ y: Int, _ run: Int) -> StreamTableFinder.Row {
      StreamTableFinder.Row(band: PixelRect(x: 320, y: y, width: 2800, height: 42), cells: [], numeric: [], run: run)
    }
    let rows = [row(387, 0), row(453, 0), row(570, 0), row(780, 1)]
    func item(_ text: String, _ x: Int, _ y: Int, width: Int = 10, height: Int = 10) -> OCRItem {
      OCRItem(text: text, box: PixelRect(x: x, y: y, width: width, height: height), confidence: 80)
    }
    let symbols = [
      item("和", 1540, 216, width: 20, height: 2),  // centre (3100, 434): just under the first row's 31
      item("四", 500, 218, width: 750, height: 8),  // centre (1750, 444): specks across the values
      item("汪", 1000, 262),  // centre (2010, 534): in the two-line label's gap
      item("本", 700, 340, width: 20, height: 20),  // centre (1420, 700): between the runs
      item("注", 1600, 216, width: 20, height: 20),  // centre (3220, 452): right of the rows
    ]
    let areas = PageReader.streamRunAreas(rows)
    #expect(
      areas == [
        PixelRect(x: 320, y: 387, width: 2800, height: 225), PixelRect(x: 320, y: 780, width: 2800, height: 42),
      ])
    let kept = PageReader.outsideStreamRows(rows.map(\.band), gaps: areas, symbols, factor: 0.5).map(\.text)
    #expect(kept == ["本", "注"])
    // The white round a run (no line of print but its own up to 640 and down to 1000) is its
    // too: 本 between the runs goes with it, as does noise under the last row.
    var second = rows[3]
    second.white = 640...1000
    let whiteAreas = PageReader.streamRunAreas(Array(rows.prefix(3)) + [second])
    #expect(whiteAreas.last == PixelRect(x: 320, y: 640, width: 2800, height: 360))
    let under = symbols + [item("人", 700, 440, width: 20, height: 20)]  // centre (1420, 900)
    #expect(
      PageReader.outsideStreamRows(rows.map(\.band), gaps: whiteAreas, under, factor: 0.5).map(\.text) == ["注"])
    // Beside a row: a character as tall as the row's stays; a speck does not.
    let beside = [
      item("号", 1600, 200), item("人", 500, 415, width: 200, height: 10), item("注", 1600, 200, width: 20, height: 20),
    ]
    #expect(PageReader.outsideStreamRows(rows.map(\.band), beside, factor: 0.5).map(\.text) == ["人", "注"])
    #expect(PageReader.outsideStreamRows(rows.map(\.band), symbols, factor: 0.5).count == 5)
  }

  @Test("a label part standing between two tight rows makes no line of both rows' values")
  func tightRowsStayApart() {
    // Measured on a photocopied threeline table at 300 dpi (y from the upper row's top): the
    // upper row 3.危及… and its 0s, the lower 4.保护… with 12 and 0s, 8 px of white between,
    // and （三）不予公开's second line 予公开 (x 565–685) standing across both. Without a
    // limit on a line's height, a part of 予 joined the upper row, grew its band, and the lower
    // row joined too: one line, each column read as 0 over 12 or 0 over 0.
    let measured: [(Int, Int, Int, Int)] = [
      (565, 26, 37, 38), (607, 27, 14, 19), (611, 38, 29, 25), (629, 27, 15, 19), (648, 26, 37, 37),
      (759, 3, 23, 32), (761, 53, 19, 31), (785, 29, 6, 6), (785, 78, 6, 6), (795, 0, 38, 38), (795, 50, 37, 37),
      (837, 0, 37, 38), (837, 51, 37, 36), (879, 0, 38, 38), (879, 80, 37, 5), (881, 52, 33, 4), (883, 66, 28, 4),
      (920, 49, 38, 38), (921, 31, 36, 5), (923, 3, 32, 4), (925, 17, 28, 4), (962, 0, 38, 38), (964, 49, 34, 38),
      (1003, 0, 38, 18), (1004, 49, 38, 38), (1005, 71, 19, 16), (1008, 21, 29, 17), (1045, 49, 38, 39),
      (1045, 22, 9, 15), (1046, 11, 7, 6), (1047, 1, 8, 7), (1056, 0, 27, 38), (1086, 0, 39, 38), (1088, 49, 36, 21),
      (1089, 69, 32, 18), (1128, 0, 39, 38), (1128, 49, 39, 38), (1142, 60, 22, 4), (1142, 66, 22, 4),
      (1142, 72, 22, 15), (1170, 75, 8, 10), (1175, 49, 29, 31), (1180, 74, 28, 13), (1323, 4, 11, 30),
      (1332, 52, 20, 32), (1344, 3, 19, 32), (1460, 3, 20, 32), (1460, 52, 20, 32), (1588, 3, 20, 32),
      (1588, 52, 20, 32), (1716, 3, 20, 32), (1716, 52, 20, 32), (1844, 3, 20, 32), (1844, 52, 20, 32),
      (1972, 3, 20, 32), (1972, 52, 20, 32), (2090, 4, 12, 30), (2100, 52, 20, 32), (2111, 3, 20, 32),
    ]
    let blobs = measured.map { x, y, width, height in
      (box: PixelRect(x: x, y: y, width: width, height: height), area: width * height / 2)
    }
    let lines = StreamTableFinder().lines(of: blobs)
    // The values (x from 1300): the upper row's digits start at y 3–4, the lower row's at 52.
    let valueTops = lines.map { line in Set(line.filter { $0.box.x >= 1300 }.map { $0.box.y < 40 }) }
    #expect(valueTops.allSatisfy { $0.count <= 1 })
    #expect(lines.filter { line in line.contains { $0.box.x >= 1300 } }.count == 2)
  }

  @Test(
    "a label's lines just above a table's first row (the page before's last label, the first label wrapped above its values) are table lines; running text above is not"
  )
  func labelLinesAboveFirstRow() {
    var page = GreyBitmap(blankWidth: 2400, height: 760, dpi: 300)
    // A Chinese character: a block about as wide as tall. A digit: a ring narrower than tall.
    func character(_ x: Int, _ y: Int) { page.fill(x: x, y: y, width: 38, height: 40, value: 0) }
    func digit(_ x: Int, _ y: Int) {
      page.fill(x: x, y: y, width: 20, height: 32, value: 0)
      page.fill(x: x + 4, y: y + 4, width: 12, height: 24, value: 255)
    }
    // Running text across the page, then the end of a label (定”) at the labels' left edge.
    for x in stride(from: 300, to: 2300, by: 45) { character(x, 10) }
    character(760, 85)
    // Three rows: a label's first line, the values centred lower, its second line.
    for row in 0..<3 {
      let top = 160 + 125 * row
      for x in stride(from: 760, to: 1120, by: 45) { character(x, top) }
      for column in 0..<7 { digit(1330 + 128 * column, top + 35) }
      for x in stride(from: 760, to: 850, by: 45) { character(x, top + 62) }
    }
    let rows = StreamTableFinder().rows(in: page, level: 128, minimumArea: 4)
    let tops = rows.map(\.band.y)
    #expect(tops.contains(85))
    #expect(tops.contains(160))
    #expect(!tops.contains(10))
    #expect(rows.count == 9)
    // The run's white: from the running text's foot (y 50) to the next line of print, the
    // last label's second line (y 472, left to the running text), though it starts above the
    // last row's foot (477).
    #expect(rows.allSatisfy { $0.white == 50...477 })
    for x in stride(from: 300, to: 2300, by: 45) { character(x, 650) }
    let closed = StreamTableFinder().rows(in: page, level: 128, minimumArea: 4)
    #expect(closed.count == 9)
    #expect(closed.allSatisfy { $0.white == 50...477 })
  }

  @Test("a long row on a page turned a fraction of a degree stays one line")
  func turnedRowStaysOneLine() {
    // 60 glyphs 38 px tall across 2,800 px, climbing 0.7° (34 px): the band is 72 px tall,
    // more than 1.5 glyphs, but no stretch of four glyphs either side of one is.
    let blobs = stride(from: 0, to: 2820, by: 47).map { x in
      (box: PixelRect(x: x, y: 100 - Int(Double(x) * 0.012), width: 38, height: 38), area: 38 * 38 / 2)
    }
    let lines = StreamTableFinder().lines(of: blobs)
    #expect(lines.count == 1)
  }
}

/// A table row's line of the placement: one piece per column (its x range), 10 pt tall from `y`.
private func tableRow(_ columns: [(Double, Double)], page: Int, y: Double) -> TextPlacement.Line {
  TextPlacement.Line(
    pieces: columns.map {
      TextPlacement.Piece(page: page, box: PageRect(minX: $0.0, minY: y, maxX: $0.1, maxY: y + 10))
    },
    isTableRow: true)
}
