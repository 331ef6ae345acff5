import Foundation
import GongkaiLayout
import Testing

@testable import GongkaiOCR

/// The fast bitmap operations against plain per-pixel versions of what they compute, on small
/// random bitmaps of odd sizes (edges, partial blocks and rows that are all uncovered included).
@Suite("Bitmap operations against plain versions")
struct BitmapOperationTests {
  /// A bitmap of `width` × `height` random grey levels (fixed seed: the same every run).
  /// A page of paper with a grey shaded area and dark bands from one to nine pixels thick
  /// across it, with some noise: blocks inside the shading, inside a band, and beside both.
  static func banded(width: Int, height: Int, seed: UInt64) -> GreyBitmap {
    let noise = random(width: width, height: height, seed: seed)
    var pixels = [UInt8](repeating: 0, count: width * height)
    for y in 0..<height {
      // Bands of thickness 1...9 at every twelfth row, the shading over the middle third.
      let band = y % 12 < (y / 12) % 9 + 1
      for x in 0..<width {
        let shaded = x >= width / 3 && x < 2 * width / 3 && y >= height / 3
        let base: Int = band ? 40 : shaded ? 150 : 240
        pixels[y * width + x] = UInt8(max(0, min(255, base + (Int(noise[x, y]) - 220) / 8)))
      }
    }
    return GreyBitmap(width: width, height: height, dpi: 300, pixels: pixels)
      ?? GreyBitmap(blankWidth: width, height: height, dpi: 300)
  }

  static func random(width: Int, height: Int, seed: UInt64) -> GreyBitmap {
    var state = seed
    var pixels = [UInt8](repeating: 0, count: width * height)
    for index in pixels.indices {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      // Mostly paper with dark strokes, as on a page, and some of every level.
      let draw = Int(state >> 33) % 1000
      pixels[index] = draw < 700 ? UInt8(220 + draw % 30) : UInt8(draw % 256)
    }
    return GreyBitmap(width: width, height: height, dpi: 300, pixels: pixels)
      ?? GreyBitmap(blankWidth: width, height: height, dpi: 300)
  }

  /// The bilinear turn in Double with a bounds test per pixel (the reader's version before
  /// fixed point).
  /// nil where the source point falls outside.
  static func plainRotated(_ bitmap: GreyBitmap, degrees: Double) -> [UInt8?] {
    let radians = degrees * .pi / 180
    let cosine = cos(radians)
    let sine = sin(radians)
    let width = bitmap.width
    let height = bitmap.height
    let cx = Double(width - 1) / 2
    let cy = Double(height - 1) / 2
    var out = [UInt8?](repeating: nil, count: width * height)
    for row in 0..<height {
      for column in 0..<width {
        let dx = Double(column) - cx
        let dy = Double(row) - cy
        let sx = cx + dx * cosine + dy * sine
        let sy = cy - dx * sine + dy * cosine
        guard sx >= 0, sy >= 0, sx < Double(width - 1), sy < Double(height - 1) else { continue }
        let x0 = Int(sx)
        let y0 = Int(sy)
        let fx = sx - Double(x0)
        let fy = sy - Double(y0)
        let top = Double(bitmap[x0, y0]) * (1 - fx) + Double(bitmap[x0 + 1, y0]) * fx
        let bottom = Double(bitmap[x0, y0 + 1]) * (1 - fx) + Double(bitmap[x0 + 1, y0 + 1]) * fx
        out[row * width + column] = UInt8(Int(top * (1 - fy) + bottom * fy + 0.5))
      }
    }
    return out
  }

  @Test("a turn is the Double bilinear turn within one grey level; at 0° and 90° the very same")
  func rotation() {
    for (width, height, seed) in [(37, 29, UInt64(1)), (64, 64, 2), (101, 13, 3)] {
      let bitmap = Self.random(width: width, height: height, seed: seed)
      for degrees in [-4.0, -1.3, -0.05, 0.7, 2.5, 17, 45, 183] {
        let fast = bitmap.rotated(clockwiseDegrees: degrees, background: 7).pixels
        let plain = Self.plainRotated(bitmap, degrees: degrees)
        var worst = 0
        var uncovered = 0
        for (a, b) in zip(fast, plain) {
          if let b { worst = max(worst, abs(Int(a) - Int(b))) } else if a != 7 { uncovered += 1 }
        }
        #expect(worst <= 1, "\(width)×\(height) at \(degrees)°: off by \(worst)")
        #expect(uncovered == 0, "\(width)×\(height) at \(degrees)°: \(uncovered) pixels covered outside")
      }
      let straight = Self.plainRotated(bitmap, degrees: 0).map { $0 ?? 7 }
      #expect(bitmap.rotated(clockwiseDegrees: 0, background: 7).pixels == straight)
    }
    // A quarter turn of a square moves every pixel onto another one: no interpolation at all.
    let square = Self.random(width: 31, height: 31, seed: 4)
    let quarter = square.rotated(clockwiseDegrees: 90, background: 7)
    for row in 0..<30 {
      for column in 1..<31 {
        // Column c of row r comes from (r, 30 − c) of the source.
        #expect(quarter[column, row] == square[row, 30 - column], "(\(column), \(row))")
      }
    }
  }

  /// The rule image of `smoothedBinary(level:margin:block:length:)` pixel by pixel, from its
  /// documentation: the darker of the two directional window sums (edge pixels repeated), the
  /// lightest value per block and `reach` pixels past its edges, the darkest of a block and its
  /// eight neighbours as paper.
  static func plainSmoothedBinary(
    _ bitmap: GreyBitmap, level: UInt8, margin: Int, block: Int, length: Int, reach: Int
  ) -> [UInt8] {
    let width = bitmap.width
    let height = bitmap.height
    let half = length / 2
    var sums = [Int](repeating: 0, count: width * height)
    for row in 0..<height {
      for column in 0..<width {
        var along = 0
        var down = 0
        for offset in -half...(length - 1 - half) {
          along += Int(bitmap[min(width - 1, max(0, column + offset)), row])
          down += Int(bitmap[column, min(height - 1, max(0, row + offset))])
        }
        sums[row * width + column] = min(along, down)
      }
    }
    let blockColumns = (width + block - 1) / block
    let blockRows = (height + block - 1) / block
    let reach = min(block, reach)
    var lightest = [Int](repeating: 0, count: blockColumns * blockRows)
    for blockRow in 0..<blockRows {
      for blockColumn in 0..<blockColumns {
        for row in max(0, blockRow * block - reach)..<min(height, (blockRow + 1) * block + reach) {
          for column in max(0, blockColumn * block - reach)..<min(width, (blockColumn + 1) * block + reach) {
            let index = blockRow * blockColumns + blockColumn
            lightest[index] = max(lightest[index], sums[row * width + column])
          }
        }
      }
    }
    var out = [UInt8](repeating: 255, count: width * height)
    for row in 1..<(height - 1) {
      for column in 1..<(width - 1) {
        var paper = Int.max
        for r in max(0, row / block - 1)...min(blockRows - 1, row / block + 1) {
          for c in max(0, column / block - 1)...min(blockColumns - 1, column / block + 1) {
            paper = min(paper, lightest[r * blockColumns + c])
          }
        }
        let limit = min(Int(level) * length, paper - margin * length)
        if sums[row * width + column] < limit { out[row * width + column] = 0 }
      }
    }
    return out
  }

  @Test("the rule image equals its per-pixel definition, whatever the block, reach and window sizes")
  func ruleImage() {
    let pages = [(40, 31, UInt64(5)), (23, 57, 6), (9, 5, 7), (64, 48, 8)].map {
      Self.random(width: $0, height: $1, seed: $2)
    }
    for bitmap in pages + [Self.banded(width: 50, height: 83, seed: 9), Self.banded(width: 71, height: 40, seed: 10)] {
      let (width, height) = (bitmap.width, bitmap.height)
      for (block, length) in [(1, 1), (2, 3), (3, 3), (8, 13), (5, 4), (40, 7), (70, 25)] {
        for reach in Set([0, 1, block / 2, block]) {
          for (level, margin) in [(UInt8(207), 28), (240, 8), (255, 0)] {
            let fast = bitmap.smoothedBinary(level: level, margin: margin, block: block, length: length, reach: reach)
              .pixels
            let plain = Self.plainSmoothedBinary(
              bitmap, level: level, margin: margin, block: block, length: length, reach: reach)
            #expect(
              fast == plain, "\(width)×\(height), block \(block), reach \(reach), length \(length), level \(level)")
          }
        }
      }
    }
  }

  /// The 8-connected blobs of ink in `region` by a plain flood fill with a bounds test per
  /// neighbour, in the order of their first pixel (row by row): box and pixel count.
  static func plainBlobs(_ page: GreyBitmap, region: PixelRect, level: UInt8) -> [(box: PixelRect, area: Int)] {
    var seen = Set<Int>()
    var blobs: [(box: PixelRect, area: Int)] = []
    for y in region.y..<region.maxY {
      for x in region.x..<region.maxX where page[x, y] <= level && !seen.contains(y * page.width + x) {
        var queue = [(x, y)]
        seen.insert(y * page.width + x)
        var (minX, minY, maxX, maxY) = (x, y, x, y)
        var next = 0
        while next < queue.count {
          let (px, py) = queue[next]
          next += 1
          (minX, minY, maxX, maxY) = (min(minX, px), min(minY, py), max(maxX, px), max(maxY, py))
          for ny in (py - 1)...(py + 1) where ny >= region.y && ny < region.maxY {
            for nx in (px - 1)...(px + 1) where nx >= region.x && nx < region.maxX && page[nx, ny] <= level {
              if seen.insert(ny * page.width + nx).inserted { queue.append((nx, ny)) }
            }
          }
        }
        blobs.append((PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1), queue.count))
      }
    }
    return blobs
  }

  @Test("ink blobs are the 8-connected components of the region, in the order a row-by-row scan meets them")
  func inkBlobs() {
    // Random ink inside a larger page; no blob is a thin streak along the region's edge, so
    // only the minimum area drops any.
    let page = Self.random(width: 70, height: 60, seed: 9)
    for (region, level, minimumArea) in [
      (PixelRect(x: 5, y: 7, width: 53, height: 41), UInt8(60), 1), (page.bounds, 90, 3),
      (PixelRect(x: 0, y: 30, width: 70, height: 1), 120, 1),
    ] {
      let fast = InkComponents(in: page, region: region, level: level, minimumArea: minimumArea).boxes
      let plain = Self.plainBlobs(page, region: region, level: level).filter { $0.area >= minimumArea }
      #expect(fast.map(\.box) == plain.map(\.box), "\(region)")
      #expect(fast.map(\.area) == plain.map(\.area), "\(region)")
      #expect(fast.count > 5)
    }
  }

  @Test("the skew profile's score equals the sum of squared row counts worked out point by point")
  func skewScore() {
    var state: UInt64 = 11
    var points: [(x: Float, y: Float)] = []
    for _ in 0..<3000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      points.append((Float(Int(state >> 33) % 400), Float(Int(state >> 45) % 300)))
    }
    for strip: Float? in [nil, 150, 37] {
      let profile = SkewEstimator.Profile(points, strip: strip)
      for degrees in [-4.0, -0.24, 0, 0.008, 1.6, 3.96] {
        let slope = Float(tan(degrees * .pi / 180))
        let maxX = points.map(\.x).max() ?? 0
        let maxY = points.map(\.y).max() ?? 0
        let offset = points.map { abs($0.x * slope) }.max() ?? 0
        let count = Int(maxY + 2 * offset) + 2
        let width = strip ?? (maxX + 1)
        var bins = [String: Int]()
        for point in points {
          let index = Int(point.y + point.x * slope + offset)
          if index >= 0, index < count { bins["\(Int(point.x / width)) \(index)", default: 0] += 1 }
        }
        let plain = bins.values.reduce(0.0) { $0 + Double($1 * $1) }
        #expect(profile.score(degrees: degrees) == plain, "strip \(String(describing: strip)) at \(degrees)°")
      }
    }
  }
}
