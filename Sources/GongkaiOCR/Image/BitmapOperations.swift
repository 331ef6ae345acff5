import Foundation
import GongkaiLayout

extension GreyBitmap {
  /// The whole bitmap as a rectangle.
  var bounds: PixelRect { PixelRect(x: 0, y: 0, width: width, height: height) }

  /// A copy of `rect` (clipped to the bitmap), with `padding` pixels of `background` around it.
  func cropped(_ rect: PixelRect, padding: Int = 0, background: UInt8 = 255) -> GreyBitmap {
    let area = rect.intersection(bounds)
    let outWidth = max(1, area.width + 2 * padding)
    let outHeight = max(1, area.height + 2 * padding)
    var out = [UInt8](repeating: background, count: outWidth * outHeight)
    if !area.isEmpty {
      pixels.withUnsafeBufferPointer { source in
        out.withUnsafeMutableBufferPointer { target in
          for row in 0..<area.height {
            let from = (area.y + row) * width + area.x
            let to = (row + padding) * outWidth + padding
            for column in 0..<area.width { target[to + column] = source[from + column] }
          }
        }
      }
    }
    return GreyBitmap(width: outWidth, height: outHeight, dpi: dpi, pixels: out)
      ?? GreyBitmap(blankWidth: outWidth, height: outHeight, dpi: dpi)
  }

  /// The bitmap resized by `factor` with bilinear interpolation (area-averaged when shrinking
  /// by half or more); its `dpi` is scaled with it.
  func scaled(by factor: Double) -> GreyBitmap {
    guard factor > 0, factor.isFinite, abs(factor - 1) > 0.01 else { return self }
    let outWidth = max(1, Int((Double(width) * factor).rounded()))
    let outHeight = max(1, Int((Double(height) * factor).rounded()))
    var out = [UInt8](repeating: 255, count: outWidth * outHeight)
    let inverse = 1 / factor
    let width = self.width
    let height = self.height
    pixels.withUnsafeBufferPointer { source in
      out.withUnsafeMutableBufferPointer { target in
        // The source columns of each output column are the same on every row: worked out once.
        if factor <= 0.5 {
          // Box filter: each output pixel averages the input pixels it covers.
          var spans = [(start: Int, end: Int)](repeating: (0, 1), count: outWidth)
          for column in 0..<outWidth {
            let x0 = Int(Double(column) * inverse)
            spans[column] = (x0, max(x0 + 1, min(width, Int(Double(column + 1) * inverse))))
          }
          for row in 0..<outHeight {
            let y0 = Int(Double(row) * inverse)
            let y1 = max(y0 + 1, min(height, Int(Double(row + 1) * inverse)))
            for column in 0..<outWidth {
              let (x0, x1) = spans[column]
              var sum = 0
              for y in y0..<y1 {
                let base = y * width
                for x in x0..<x1 { sum += Int(source[base + x]) }
              }
              target[row * outWidth + column] = UInt8(sum / ((y1 - y0) * (x1 - x0)))
            }
          }
          return
        }
        var columns = [(left: Int, right: Int, weight: Double)](repeating: (0, 0, 0), count: outWidth)
        for column in 0..<outWidth {
          let sx = max(0, min(Double(width - 1), (Double(column) + 0.5) * inverse - 0.5))
          let x0 = Int(sx)
          columns[column] = (x0, min(width - 1, x0 + 1), sx - Double(x0))
        }
        for row in 0..<outHeight {
          let sy = max(0, min(Double(height - 1), (Double(row) + 0.5) * inverse - 0.5))
          let y0 = Int(sy)
          let y1 = min(height - 1, y0 + 1)
          let fy = sy - Double(y0)
          let upper = y0 * width
          let lower = y1 * width
          let out = row * outWidth
          for column in 0..<outWidth {
            let (x0, x1, fx) = columns[column]
            let top = Double(source[upper + x0]) * (1 - fx) + Double(source[upper + x1]) * fx
            let bottom = Double(source[lower + x0]) * (1 - fx) + Double(source[lower + x1]) * fx
            target[out + column] = UInt8(
              truncatingIfNeeded: Int(max(0, min(255, (top * (1 - fy) + bottom * fy).rounded()))))
          }
        }
      }
    }
    return GreyBitmap(width: outWidth, height: outHeight, dpi: dpi * factor, pixels: out)
      ?? GreyBitmap(blankWidth: outWidth, height: outHeight, dpi: dpi * factor)
  }

  /// The bitmap turned clockwise by `degrees` about its centre (same size, bilinear), so
  /// content that was turned counter-clockwise by that angle comes out straight; uncovered
  /// corners take `background`.
  func rotated(clockwiseDegrees degrees: Double, background: UInt8) -> GreyBitmap {
    let radians = degrees * .pi / 180
    let cosine = cos(radians)
    let sine = sin(radians)
    let width = self.width
    let height = self.height
    let cx = Double(width - 1) / 2
    let cy = Double(height - 1) / 2
    var out = [UInt8](repeating: background, count: width * height)
    pixels.withUnsafeBufferPointer { source in
      out.withUnsafeMutableBufferPointer { target in
        for row in 0..<height {
          let dy = Double(row) - cy
          // Source position of (column, row): the output point turned counter-clockwise.
          var sx = cx - cx * cosine + dy * sine
          var sy = cy + cx * sine + dy * cosine
          for column in 0..<width {
            defer {
              sx += cosine
              sy -= sine
            }
            guard sx >= 0, sy >= 0, sx < Double(width - 1), sy < Double(height - 1) else { continue }
            let x0 = Int(sx)
            let y0 = Int(sy)
            let fx = sx - Double(x0)
            let fy = sy - Double(y0)
            let index = y0 * width + x0
            let top = Double(source[index]) * (1 - fx) + Double(source[index + 1]) * fx
            let bottom = Double(source[index + width]) * (1 - fx) + Double(source[index + width + 1]) * fx
            // Through Int: a Double → UInt8 conversion checks its range at twice the cost.
            target[row * width + column] = UInt8(truncatingIfNeeded: Int(top * (1 - fy) + bottom * fy + 0.5))
          }
        }
      }
    }
    return GreyBitmap(width: width, height: height, dpi: dpi, pixels: out) ?? self
  }

  /// Black where the pixel is at most `level`, white elsewhere.
  func binarized(level: UInt8) -> GreyBitmap {
    let out = pixels.map { $0 <= level ? UInt8(0) : 255 }
    return GreyBitmap(width: width, height: height, dpi: dpi, pixels: out) ?? self
  }

  /// The image smoothed by a 3×3 mean, then black wherever it is darker than `level`:
  /// faint, blurred ruling lines survive, single noisy pixels do not.
  func smoothedBinary(level: UInt8) -> GreyBitmap {
    let width = self.width
    let height = self.height
    var out = [UInt8](repeating: 255, count: width * height)
    let limit = Int(level) * 9
    pixels.withUnsafeBufferPointer { source in
      out.withUnsafeMutableBufferPointer { target in
        guard height >= 3, width >= 3 else { return }
        for row in 1..<(height - 1) {
          let above = (row - 1) * width
          let here = row * width
          let below = (row + 1) * width
          for column in 1..<(width - 1) {
            var sum = Int(source[above + column - 1]) + Int(source[above + column]) + Int(source[above + column + 1])
            sum += Int(source[here + column - 1]) + Int(source[here + column]) + Int(source[here + column + 1])
            sum += Int(source[below + column - 1]) + Int(source[below + column]) + Int(source[below + column + 1])
            if sum < limit { target[here + column] = 0 }
          }
        }
      }
    }
    return GreyBitmap(width: width, height: height, dpi: dpi, pixels: out) ?? self
  }

  /// The image smoothed along rules, then black wherever it is darker than `level` and
  /// also more than `margin` darker than the paper around it: grey shading (tinted table
  /// rows, coloured bands) is the local paper, so a rule drawn on or beside it stays a thin
  /// line instead of merging with the shading into a filled area.
  ///
  /// Each pixel is the darker of its mean over `length` pixels down its column and its mean
  /// over `length` pixels along its row: a thin rule keeps its full darkness along its own
  /// direction while the paper's noise averages out (a 3×3 mean halves a one-pixel rule,
  /// and a light rule on a grey 200-dpi scan then broke into pieces too short to be lines).
  ///
  /// The local paper is taken per block of `block` pixels (the lightest smoothed value in
  /// it), then the darkest of the block and its eight neighbours, so shading next to white
  /// paper still counts as paper up to its edge.
  func smoothedBinary(level: UInt8, margin: Int, block: Int, length: Int = 3) -> GreyBitmap {
    let width = self.width
    let height = self.height
    guard height >= 3, width >= 3, block >= 1 else { return smoothedBinary(level: level) }
    // At most 257 pixels: the sums then fit 16 bits (half the memory traffic of 32).
    let length = min(257, max(1, length))
    let half = length / 2
    // The darker of the two directional sums (`length` times the mean); near the border a
    // sum repeats the edge pixel.
    var sums = [UInt16](repeating: 0, count: width * height)
    let blockColumns = (width + block - 1) / block
    let blockRows = (height + block - 1) / block
    var lightest = [UInt16](repeating: 0, count: blockColumns * blockRows)
    pixels.withUnsafeBufferPointer { source in
      sums.withUnsafeMutableBufferPointer { target in
        // Along each row: a running sum over the window.
        for row in 0..<height {
          let here = row * width
          var sum = 0
          for offset in -half...(length - 1 - half) { sum += Int(source[here + min(width - 1, max(0, offset))]) }
          for column in 0..<width {
            target[here + column] = UInt16(truncatingIfNeeded: sum)
            sum -= Int(source[here + max(0, column - half)])
            sum += Int(source[here + min(width - 1, column + length - half)])
          }
        }
        // Down each column, kept where darker; the lightest value of each block noted on the way.
        var columnSums = [Int](repeating: 0, count: width)
        for offset in -half...(length - 1 - half) {
          let here = min(height - 1, max(0, offset)) * width
          for column in 0..<width { columnSums[column] += Int(source[here + column]) }
        }
        lightest.withUnsafeMutableBufferPointer { lightest in
          for row in 0..<height {
            let here = row * width
            let leaving = max(0, row - half) * width
            let entering = min(height - 1, row + length - half) * width
            var index = (row / block) * blockColumns
            var start = 0
            while start < width {
              let end = min(width, start + block)
              var light = lightest[index]
              for column in start..<end {
                let sum = columnSums[column]
                var value = target[here + column]
                if sum < Int(value) {
                  value = UInt16(truncatingIfNeeded: sum)
                  target[here + column] = value
                }
                if value > light { light = value }
                columnSums[column] = sum - Int(source[leaving + column]) + Int(source[entering + column])
              }
              lightest[index] = light
              index += 1
              start = end
            }
          }
        }
      }
    }
    // The limit per block: below `level`, and `margin` below the darkest neighbouring paper.
    let ceiling = Int32(level) * Int32(length)
    let drop = Int32(max(0, margin)) * Int32(length)
    var limits = [Int32](repeating: ceiling, count: blockColumns * blockRows)
    for blockRow in 0..<blockRows {
      for blockColumn in 0..<blockColumns {
        var paper = Int32.max
        for r in max(0, blockRow - 1)...min(blockRows - 1, blockRow + 1) {
          for c in max(0, blockColumn - 1)...min(blockColumns - 1, blockColumn + 1) {
            paper = min(paper, Int32(lightest[r * blockColumns + c]))
          }
        }
        limits[blockRow * blockColumns + blockColumn] = min(ceiling, paper - drop)
      }
    }
    var out = [UInt8](repeating: 255, count: width * height)
    sums.withUnsafeBufferPointer { sums in
      limits.withUnsafeBufferPointer { limits in
        out.withUnsafeMutableBufferPointer { target in
          for row in 1..<(height - 1) {
            let here = row * width
            let blockRow = (row / block) * blockColumns
            var start = 1
            while start < width - 1 {
              // One block's columns at a time (the first block starts at column 1), its limit read once.
              let end = min(width - 1, (start / block + 1) * block)
              let limit = limits[blockRow + start / block]
              for column in start..<end where Int32(sums[here + column]) < limit { target[here + column] = 0 }
              start = end
            }
          }
        }
      }
    }
    return GreyBitmap(width: width, height: height, dpi: dpi, pixels: out) ?? self
  }

  /// A copy with the rectangles painted `value`.
  func painting(_ rects: [PixelRect], value: UInt8) -> GreyBitmap {
    var copy = self
    for rect in rects { copy.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, value: value) }
    return copy
  }

  /// The most common grey level of the lighter half of the image: the paper.
  func paperLevel() -> UInt8 {
    var histogram = [Int](repeating: 0, count: 256)
    let step = max(1, pixels.count / 200_000)
    var index = 0
    while index < pixels.count {
      histogram[Int(pixels[index])] += 1
      index += step
    }
    let light = (128..<256).max { histogram[$0] < histogram[$1] } ?? 255
    return UInt8(light)
  }
}
