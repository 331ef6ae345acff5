import Foundation
import GongkaiLayout

/// Measures the small rotation of a scanned page by its projection profile.
///
/// Text lines and table rules are horizontal on a straight page: summed along the right
/// angle, the ink piles up into sharp peaks. The angle whose row profile has the largest
/// sum of squares wins, searched coarsely and then finely.
public struct SkewEstimator: Sendable {
  /// The largest rotation looked for, in degrees either way (photocopies come turned by
  /// up to 3°; past about 2° a table's right end drifts a whole row down).
  public var maximumAngle = 4.0
  /// The step of the coarse search, in degrees; each later pass is five times finer.
  public var coarseStep = 0.2
  /// The resolution the profile is taken at (the page is sampled down to it).
  public var workingDPI = 100.0
  /// The width, in inches, of the vertical strips profiled each on its own for the check
  /// against the whole width's angle. Summed over the whole width, a table's labels
  /// printed half a row above their values (at the top of tall rows) pile up with the
  /// values at the angle that lines them up, not at the page's (4.2° for 2.5°); in strips
  /// narrower than the gap between labels and values ink only piles up with ink near it.
  public var stripWidth = 1.5
  /// How far (degrees) the strips' angle may be from the whole width's before it is taken
  /// instead. Strips tell small angles less sharply (their rows are short), so within
  /// this the whole width's is kept.
  public var stripDisagreement = 0.75
  /// How sharp (best score over the coarse search's mean) the profile of the ink at the
  /// page's level must be to be trusted alone: most scanned pages give 1.11 to 1.7; a page
  /// of a hairline-ruled table gave 1.065, its angle noise (-0.19° for 0.64°).
  public var minimumSharpness = 1.1
  /// How much darker than the paper (grey levels) the lighter ink profiled on such a page is.
  public var lightInkMargin = 12

  /// Creates an estimator.
  public init() {}

  /// The angle in degrees by which the page content is turned counter-clockwise
  /// (negative: clockwise); 0 for a blank page.
  public func angle(of bitmap: GreyBitmap) -> Double {
    let level = OtsuThreshold.level(of: bitmap)
    var points = inkPoints(of: bitmap, level: level)
    guard points.count >= 50 else { return 0 }
    var whole = sharpestAngle(of: points, strip: nil)
    // A page whose print at the ink level piles up at no angle (sparse labels and numbers in
    // tall cells, the table's hairline rules lighter than the level): the lighter ink, rules
    // with it, is profiled too and taken where it piles up more sharply.
    let lighter = Int(bitmap.paperLevel()) - lightInkMargin
    if whole.sharpness < minimumSharpness, lighter > Int(level) {
      let light = inkPoints(of: bitmap, level: UInt8(lighter))
      let lightWhole = sharpestAngle(of: light, strip: nil)
      if lightWhole.sharpness > whole.sharpness {
        (points, whole) = (light, lightWhole)
      }
    }
    let strips = sharpestAngle(of: points, strip: Float(max(1, stripWidth * workingDPI))).angle
    return abs(strips - whole.angle) > stripDisagreement ? strips : whole.angle
  }

  /// The angle whose row profile is sharpest, profiled in vertical strips `strip` working
  /// pixels wide (nil: the whole width), and how sharp: its score over the mean score of the
  /// coarse search's angles (1: no angle piles ink up more than another).
  func sharpestAngle(of points: [(x: Float, y: Float)], strip: Float?) -> (angle: Double, sharpness: Double) {
    let profile = Profile(points, strip: strip)
    var best = 0.0
    var bestScore = profile.score(degrees: 0)
    var coarseTotal = 0.0
    var coarseCount = 0
    var step = coarseStep
    var low = -maximumAngle
    var high = maximumAngle
    for pass in 0..<3 {
      var angle = low
      while angle <= high + 1e-9 {
        let value = profile.score(degrees: angle)
        if pass == 0 {
          coarseTotal += value
          coarseCount += 1
        }
        if value > bestScore {
          bestScore = value
          best = angle
        }
        angle += step
      }
      low = best - step
      high = best + step
      step /= 5
    }
    let mean = coarseCount > 0 ? coarseTotal / Double(coarseCount) : 0
    return (best, mean > 0 ? bestScore / mean : 1)
  }

  /// Ink pixels (at most `level`) of a sampled-down copy, as (x, y) in that copy's pixels.
  func inkPoints(of bitmap: GreyBitmap, level: UInt8) -> [(x: Float, y: Float)] {
    let stride = max(1, Int((bitmap.dpi / workingDPI).rounded()))
    var points: [(x: Float, y: Float)] = []
    bitmap.pixels.withUnsafeBufferPointer { pixels in
      var row = 0
      while row < bitmap.height {
        let base = row * bitmap.width
        var column = 0
        while column < bitmap.width {
          if pixels[base + column] <= level {
            points.append((Float(column / stride), Float(row / stride)))
          }
          column += stride
        }
        row += stride
      }
    }
    return points
  }

  /// The sharpness of the row profile along `degrees`: the sum of squared row counts, each
  /// vertical strip `strip` pixels wide counted on its own (nil: the whole width).
  func score(_ points: [(x: Float, y: Float)], degrees: Double, strip: Float? = nil) -> Double {
    Profile(points, strip: strip).score(degrees: degrees)
  }

  /// Ink points with what every angle's profile shares worked out once: their extent and
  /// each point's strip.
  struct Profile {
    /// The ink points, as (x, y) in working pixels.
    let points: [(x: Float, y: Float)]
    /// The strip of each point (0 for the whole width).
    let strips: [Int32]
    /// The largest x of the points.
    let maxX: Float
    /// The largest y of the points.
    let maxY: Float
    /// How many strips there are.
    let stripCount: Int

    /// The profile of `points` in vertical strips `strip` pixels wide (nil: the whole width).
    init(_ points: [(x: Float, y: Float)], strip: Float?) {
      var maxX: Float = 0
      var maxY: Float = 0
      for point in points {
        maxY = max(maxY, point.y)
        maxX = max(maxX, point.x)
      }
      let width = strip ?? (maxX + 1)
      self.points = points
      self.strips = points.map { Int32(Int($0.x / width)) }
      self.maxX = maxX
      self.maxY = maxY
      self.stripCount = Int(maxX / width) + 1
    }

    /// The sum of squared row counts along `degrees`, strip by strip.
    func score(degrees: Double) -> Double {
      // Content turned counter-clockwise by θ puts a horizontal line at y + x·tan θ = const.
      let slope = Float(tan(degrees * .pi / 180))
      // The largest |x·slope| of the points: x is never negative and the product grows with x.
      let offset = points.isEmpty ? 0 : abs(maxX * slope)
      let count = Int(maxY + 2 * offset) + 2
      var histogram = [Int32](repeating: 0, count: count * stripCount)
      histogram.withUnsafeMutableBufferPointer { bins in
        points.withUnsafeBufferPointer { points in
          strips.withUnsafeBufferPointer { strips in
            for (point, strip) in zip(points, strips) {
              let index = Int(point.y + point.x * slope + offset)
              if index >= 0, index < count { bins[Int(strip) * count + index] += 1 }
            }
          }
        }
      }
      var sum = 0.0
      for value in histogram { sum += Double(value) * Double(value) }
      return sum
    }
  }
}
