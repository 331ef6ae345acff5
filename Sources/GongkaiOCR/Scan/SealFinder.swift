import Foundation
import GongkaiLayout

/// A round seal (公章) stamped over a scanned page: where it is, and the grey level that
/// tells the print under it from the seal's own ink.
struct Seal: Sendable, Equatable {
  /// The seal's ring and a margin around it, in page pixels.
  var box: PixelRect
  /// Ink at most this dark is print; lighter ink inside ``box`` is the seal's.
  var printLevel: UInt8

  /// Whether `rect` (page pixels) meets the seal's disc (the ring with its margin), its
  /// radius grown by `margin` pixels: the corners of ``box`` outside the ring are not the
  /// seal's.
  func meets(_ rect: PixelRect, margin: Int = 0) -> Bool {
    guard !rect.intersection(box.insetBy(-margin)).isEmpty else { return false }
    let radius = Double(min(box.width, box.height)) / 2 + Double(margin)
    let centreX = Double(box.x) + Double(box.width) / 2
    let centreY = Double(box.y) + Double(box.height) / 2
    let dx = max(Double(rect.x) - centreX, 0, centreX - Double(rect.maxX))
    let dy = max(Double(rect.y) - centreY, 0, centreY - Double(rect.maxY))
    return dx * dx + dy * dy <= radius * radius
  }
}

/// Finds grey round seals on a scanned page by their ring: a large blob of ink about as wide
/// as tall and mostly hollow, whose ink is one flat grey clearly lighter than black print.
///
/// A seal printed in red and scanned in grey (or photocopied) keeps its ink flat and lighter
/// than print; a seal as dark as print cannot be told from it and is not returned (what lies
/// under it stays as read, or unread).
struct SealFinder: Sendable {
  /// The smallest and largest ring diameter looked for, in points (official seals are 38–45
  /// mm across; smaller stamps and enlargements are allowed for).
  var diameters = 50.0...220.0
  /// The resolution the ring is looked for at.
  var workingDPI = 60.0
  /// A ring's ink covers at most this share of its box (a filled blot is no ring).
  var maximumFill = 0.4
  /// The share of the blob's ink that must lie in the seal's flat grey.
  var minimumFlatShare = 0.35
  /// The share of the ink on the ring's round that must lie in the seal's flat grey (print
  /// crossing the round is little; the ring's blurred edges are the rest).
  var minimumRoundFlatShare = 0.3
  /// How much lighter (grey levels) the seal's flat grey must be than the darkest print.
  var minimumSeparation = 24
  /// The share of a circle's round that must lie on ink for it to be a ring (in a blob not
  /// round as a whole).
  var minimumRound = 0.9
  /// The margin (points) added around the ring: print of a date crossing it stays whole.
  var margin = 4.0
  /// Runs of ink at least this long (points), straight across or down, are rules…
  var ruleLength = 60.0
  /// …where they are at most this thick (pixels at ``workingDPI``).
  var thickestRule = 3

  /// `image` with its rules painted white: runs of ink (at most `level`) at least `longest`
  /// pixels long across or down, where they are at most `thickest` pixels thick. Where a
  /// ring crosses a rule the ink is thicker and stays, so the ring stays whole.
  static func clearingRules(_ image: GreyBitmap, level: UInt8, longest: Int, thickest: Int) -> GreyBitmap {
    var cleared = image
    func isInk(_ x: Int, _ y: Int) -> Bool { image[x, y] <= level }
    // How thick the ink through (x, y) is across the run's direction.
    func thickness(_ x: Int, _ y: Int, _ dx: Int, _ dy: Int) -> Int {
      var count = 1
      var step = 1
      while step <= thickest, isInk(x + step * dx, y + step * dy) {
        count += 1
        step += 1
      }
      step = 1
      while step <= thickest, isInk(x - step * dx, y - step * dy) {
        count += 1
        step += 1
      }
      return count
    }
    for horizontal in [true, false] {
      let lines = horizontal ? image.height : image.width
      let length = horizontal ? image.width : image.height
      for line in 0..<lines {
        var start = 0
        while start < length {
          let point = { (along: Int) in horizontal ? (along, line) : (line, along) }
          guard isInk(point(start).0, point(start).1) else {
            start += 1
            continue
          }
          var end = start
          while end + 1 < length, isInk(point(end + 1).0, point(end + 1).1) { end += 1 }
          if end - start + 1 >= longest {
            for along in start...end {
              let (x, y) = point(along)
              if thickness(x, y, horizontal ? 0 : 1, horizontal ? 1 : 0) <= thickest { cleared[x, y] = 255 }
            }
          }
          start = end + 1
        }
      }
    }
    return cleared
  }

  /// The seals on `page`, whose ink level (Otsu) is `level`.
  func seals(in page: GreyBitmap, level: UInt8) -> [Seal] {
    let pad = Int((margin * page.pixelsPerPoint).rounded())
    return rings(in: page, level: level).compactMap { region in
      printLevel(in: page, region: region, level: level, ring: region.insetBy(pad)).map {
        Seal(box: region, printLevel: $0)
      }
    }
  }

  /// The boxes (page pixels, with ``margin``) of the seal rings on `page`: blobs of ink (at most
  /// `level`) of a seal's size, about as wide as tall and mostly hollow, or circles of ink in a
  /// larger blob; whatever their ink's grey.
  func rings(in page: GreyBitmap, level: UInt8) -> [PixelRect] {
    let factor = min(1, workingDPI / page.dpi)
    let pointsPerPixel = 72 / (page.dpi * factor)
    // A ring crossing a table's rules is one blob with them: the rules go first.
    let small = Self.clearingRules(
      page.scaled(by: factor), level: level, longest: Int((ruleLength / pointsPerPixel).rounded()),
      thickest: thickestRule)
    var rings: [PixelRect] = []
    for (box, area) in InkComponents(in: small, region: small.bounds, level: level, minimumArea: 16).boxes {
      let width = Double(box.width) * pointsPerPixel
      let height = Double(box.height) * pointsPerPixel
      guard width >= diameters.lowerBound, height >= diameters.lowerBound,
        Double(area) <= maximumFill * Double(box.width * box.height)
      else { continue }
      if diameters.contains(width), diameters.contains(height), width <= 1.25 * height, height <= 1.25 * width {
        rings.append(box)
      } else {
        // Not round as a whole: two seals stamped overlapping (over table 三 and table 四) are
        // one blob; each ring is still a circle of ink.
        rings += circles(in: small, blob: box, level: level, pointsPerPixel: pointsPerPixel)
      }
    }
    let scale = page.pixelsPerPoint
    let pad = Int((margin * scale).rounded())
    return rings.map { box in
      PixelRect(
        x: Int(Double(box.x) / factor) - pad, y: Int(Double(box.y) / factor) - pad,
        width: Int(Double(box.width) / factor) + 2 * pad, height: Int(Double(box.height) / factor) + 2 * pad
      ).intersection(page.bounds)
    }
  }

  /// The red seals of a colour scan whose red ink was dropped from `page` (`redInk`: the red
  /// ink dropped, each red pixel's grey level on white): `page` with the print under them put
  /// back, the seals found, and those of them whose print could not be told from their ink.
  ///
  /// Dropping red by its colour also took print under the seal where the scan's colour ran
  /// into it (a JPEG smears colour over a few pixels): digits under the seal were left faint
  /// and broken and read confidently as other numbers. A seal is a ring in `redInk`; in grey
  /// (the red in its grey levels, as a grey copy shows it) its ink is one flat grey lighter
  /// than print (the peak of its red pixels' grey), and its red pixels darker than that are
  /// print again. The seal's own ink stays dropped: its colour tells it from the print,
  /// and the table's light rules under it stay whole. A seal whose grey is as dark as print is
  /// returned in `unsure` (its print level the page's ink level): what is read under it is
  /// doubted like under a grey seal. Red ink in no ring (a red heading or rule) stays dropped.
  func redSeals(_ page: GreyBitmap, redInk: GreyBitmap) -> (page: GreyBitmap, seals: [Seal], unsure: [Seal]) {
    guard redInk.width == page.width, redInk.height == page.height else { return (page, [], []) }
    // Any red is ink: the seal's lightest strokes too.
    let found = rings(in: redInk, level: 254)
    guard !found.isEmpty else { return (page, [], []) }
    // The page in grey, as a grey copy shows it.
    var grey = page
    for ring in found {
      for y in ring.y..<ring.maxY {
        for x in ring.x..<ring.maxX where redInk[x, y] < 255 { grey[x, y] = min(grey[x, y], redInk[x, y]) }
      }
    }
    let level = OtsuThreshold.level(of: grey)
    var restored = page
    var seals: [Seal] = []
    var unsure: [Seal] = []
    for ring in found {
      // The seal's flat grey among its red pixels (the seal's ink and print the colour ran
      // into), the print among all the ink there.
      var red = [Int](repeating: 0, count: Int(level) + 1)
      var ink = [Int](repeating: 0, count: Int(level) + 1)
      for y in ring.y..<ring.maxY {
        for x in ring.x..<ring.maxX where grey[x, y] <= level {
          ink[Int(grey[x, y])] += 1
          if redInk[x, y] <= level { red[Int(redInk[x, y])] += 1 }
        }
      }
      guard let cut = cutLevel(flat: red, share: minimumFlatShare, ink: ink, level: level) else {
        unsure.append(Seal(box: ring, printLevel: level))
        seals.append(Seal(box: ring, printLevel: level))
        continue
      }
      let seal = Seal(box: ring, printLevel: cut)
      seals.append(seal)
      for y in ring.y..<ring.maxY {
        for x in ring.x..<ring.maxX
        where redInk[x, y] <= cut && seal.meets(PixelRect(x: x, y: y, width: 1, height: 1)) {
          restored[x, y] = min(restored[x, y], redInk[x, y])
        }
      }
    }
    return (restored, seals, unsure)
  }

  /// The boxes of the rings of ink inside `blob` of `image` (at most `level` is ink): circles
  /// of a seal's diameter whose whole round, but for ``minimumRound`` of it, lies on ink,
  /// best covered and largest first; a circle whose centre lies inside one taken (a seal's
  /// inner ring of text) is not another seal.
  func circles(in image: GreyBitmap, blob: PixelRect, level: UInt8, pointsPerPixel: Double) -> [PixelRect] {
    let samples = 64
    let steps = (0..<samples).map { index -> (Double, Double) in
      let angle = Double(index) * 2 * Double.pi / Double(samples)
      return (cos(angle), sin(angle))
    }
    // Ink within a pixel of a point (the ring blurred, or thinned where print crossed it).
    func inkNear(_ x: Int, _ y: Int) -> Bool {
      for dy in -1...1 {
        for dx in -1...1 where image[x + dx, y + dy] <= level { return true }
      }
      return false
    }
    func covered(_ x: Int, _ y: Int, _ radius: Int, every stride: Int) -> Double {
      var hits = 0
      var count = 0
      for index in Swift.stride(from: 0, to: samples, by: stride) {
        let (dx, dy) = steps[index]
        count += 1
        if inkNear(x + Int((Double(radius) * dx).rounded()), y + Int((Double(radius) * dy).rounded())) { hits += 1 }
      }
      return Double(hits) / Double(count)
    }
    let smallest = Int((diameters.lowerBound / 2 / pointsPerPixel).rounded(.up))
    let largest = min(Int(diameters.upperBound / 2 / pointsPerPixel), max(blob.width, blob.height) / 2 + 1)
    guard smallest <= largest else { return [] }
    var found: [(cover: Double, x: Int, y: Int, radius: Int)] = []
    for radius in smallest...largest {
      for y in Swift.stride(from: blob.y + radius - 2, through: blob.maxY - radius + 2, by: 2) {
        for x in Swift.stride(from: blob.x + radius - 2, through: blob.maxX - radius + 2, by: 2) {
          // A quarter of the points first: most places are no ring.
          guard covered(x, y, radius, every: 4) >= minimumRound else { continue }
          let cover = covered(x, y, radius, every: 1)
          if cover >= minimumRound { found.append((cover, x, y, radius)) }
        }
      }
    }
    found.sort { ($0.cover, $0.radius) > ($1.cover, $1.radius) }
    var taken: [(x: Int, y: Int, radius: Int)] = []
    for circle in found
    where !taken.contains(where: {
      ($0.x - circle.x) * ($0.x - circle.x) + ($0.y - circle.y) * ($0.y - circle.y) < $0.radius * $0.radius
    }) {
      taken.append((circle.x, circle.y, circle.radius))
    }
    return taken.map {
      PixelRect(x: $0.x - $0.radius, y: $0.y - $0.radius, width: 2 * $0.radius + 1, height: 2 * $0.radius + 1)
    }
  }

  /// The level between print and the seal's flat grey in `region`, or `nil` when the ink
  /// there has no flat grey clearly lighter than its darkest print. With `ring` (the ring's
  /// box), where all the ink has no such grey, it is looked for on the ring's round alone: a
  /// large light seal over a dense table holds more print than seal ink, but its round is
  /// the seal's.
  func printLevel(in page: GreyBitmap, region: PixelRect, level: UInt8, ring: PixelRect? = nil) -> UInt8? {
    var histogram = [Int](repeating: 0, count: Int(level) + 1)
    var round = [Int](repeating: 0, count: Int(level) + 1)
    let radius = ring.map { Double($0.width + $0.height) / 4 } ?? 0
    let centre = ring.map { (Double($0.x) + Double($0.width) / 2, Double($0.y) + Double($0.height) / 2) } ?? (0, 0)
    // The round: from 15% of the radius inside the ring's box to a tenth outside it.
    let (inner, outer) = (0.85 * 0.85 * radius * radius, 1.1 * 1.1 * radius * radius)
    for y in region.y..<region.maxY {
      for x in region.x..<region.maxX {
        let value = page[x, y]
        guard value <= level else { continue }
        histogram[Int(value)] += 1
        guard ring != nil else { continue }
        let (dx, dy) = (Double(x) - centre.0, Double(y) - centre.1)
        let distance = dx * dx + dy * dy
        if distance >= inner, distance <= outer { round[Int(value)] += 1 }
      }
    }
    if let cut = cutLevel(flat: histogram, share: minimumFlatShare, ink: histogram, level: level) { return cut }
    // The round must hold a fair part of the ink: a ring, not a few crossing strokes.
    let roundTotal = round.reduce(0, +)
    guard ring != nil, roundTotal > 0, roundTotal * 40 >= histogram.reduce(0, +) else { return nil }
    return cutLevel(flat: round, share: minimumRoundFlatShare, ink: histogram, level: level)
  }

  /// The level between print and the seal's flat grey: the flat grey the peak of `flat` (a
  /// histogram of ink up to `level`) holding at least `share` of it, the print the darkest
  /// percentile of `ink`; `nil` without such a peak clearly lighter than the print.
  func cutLevel(flat: [Int], share: Double, ink: [Int], level: UInt8) -> UInt8? {
    let total = flat.reduce(0, +)
    let inkTotal = ink.reduce(0, +)
    guard total > 0, inkTotal > 0 else { return nil }
    // Counts over a window of 9 levels: the seal's flat grey is one peak.
    func window(_ centre: Int) -> Int {
      (max(0, centre - 4)...min(Int(level), centre + 4)).reduce(0) { $0 + flat[$1] }
    }
    guard let peak = (0...Int(level)).max(by: { window($0) < window($1) }) else { return nil }
    let peakCount = window(peak)
    guard Double(peakCount) >= share * Double(total) else { return nil }
    // The peak's dark foot: where the counts fall below a fifth of the peak.
    var foot = peak
    while foot > 0, window(foot) * 5 >= peakCount { foot -= 1 }
    // The darkest print: the first percentile of the ink.
    var darkest = 0
    var seen = 0
    while darkest < Int(level), seen + ink[darkest] < inkTotal / 100 {
      seen += ink[darkest]
      darkest += 1
    }
    let cut = foot - 4
    guard cut - darkest >= minimumSeparation else { return nil }
    return UInt8(cut)
  }
}

extension GreyBitmap {
  /// A copy with every pixel lighter than `seal.printLevel` inside the seal's box painted
  /// `paper`: the seal's ink goes, the print under it stays.
  func droppingInk(of seal: Seal, paper: UInt8) -> GreyBitmap {
    var copy = self
    let area = seal.box.intersection(bounds)
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX where copy[x, y] > seal.printLevel {
        copy[x, y] = paper
      }
    }
    return copy
  }
}
