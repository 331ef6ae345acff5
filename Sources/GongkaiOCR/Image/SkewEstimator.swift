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

  /// Creates an estimator.
  public init() {}

  /// The angle in degrees by which the page content is turned counter-clockwise
  /// (negative: clockwise); 0 for a blank page.
  public func angle(of bitmap: GreyBitmap) -> Double {
    let points = inkPoints(of: bitmap)
    guard points.count >= 50 else { return 0 }
    let whole = angle(of: points, strip: nil)
    let strips = angle(of: points, strip: Float(max(1, stripWidth * workingDPI)))
    return abs(strips - whole) > stripDisagreement ? strips : whole
  }

  /// The angle whose row profile is sharpest, profiled in vertical strips `strip` working
  /// pixels wide (nil: the whole width).
  func angle(of points: [(x: Float, y: Float)], strip: Float?) -> Double {
    let profile = Profile(points, strip: strip)
    var best = 0.0
    var bestScore = profile.score(degrees: 0)
    var step = coarseStep
    var low = -maximumAngle
    var high = maximumAngle
    for _ in 0..<3 {
      var angle = low
      while angle <= high + 1e-9 {
        let value = profile.score(degrees: angle)
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
    return best
  }

  /// Ink pixels of a sampled-down copy, as (x, y) in that copy's pixels.
  func inkPoints(of bitmap: GreyBitmap) -> [(x: Float, y: Float)] {
    let stride = max(1, Int((bitmap.dpi / workingDPI).rounded()))
    let level = OtsuThreshold.level(of: bitmap)
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
