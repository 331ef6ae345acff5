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
          // Each output row: the input rows it covers summed column by column (32 bits: up
          // to 16 million rows), then each output column's span of those sums.
          var columnSums = [UInt32](repeating: 0, count: width)
          spans.withUnsafeBufferPointer { spans in
            columnSums.withUnsafeMutableBufferPointer { columnSums in
              for row in 0..<outHeight {
                let y0 = Int(Double(row) * inverse)
                let y1 = max(y0 + 1, min(height, Int(Double(row + 1) * inverse)))
                guard let sums = columnSums.baseAddress, let start = source.baseAddress else { return }
                for column in 0..<width { sums[column] = 0 }
                for y in y0..<y1 {
                  // Through pointers (no overflow test on the index): the loop then vectorizes.
                  let from = start + y * width
                  for column in 0..<width { sums[column] &+= UInt32(from[column]) }
                }
                for column in 0..<outWidth {
                  let (x0, x1) = spans[column]
                  var sum = 0
                  for x in x0..<x1 { sum &+= Int(columnSums[x]) }
                  // The mean through 32-bit division where it fits (a 64-bit one costs more).
                  let count = (y1 - y0) * (x1 - x0)
                  target[row * outWidth + column] =
                    sum <= Int(UInt32.max)
                    ? UInt8(truncatingIfNeeded: UInt32(truncatingIfNeeded: sum) / UInt32(truncatingIfNeeded: count))
                    : UInt8(truncatingIfNeeded: sum / count)
                }
              }
            }
          }
          return
        }
        var columns = [(left: Int, right: Int, weight: Double, rest: Double)](
          repeating: (0, 0, 0, 1), count: outWidth)
        for column in 0..<outWidth {
          let sx = max(0, min(Double(width - 1), (Double(column) + 0.5) * inverse - 0.5))
          let x0 = Int(sx)
          let fx = sx - Double(x0)
          columns[column] = (x0, min(width - 1, x0 + 1), fx, 1 - fx)
        }
        columns.withUnsafeBufferPointer { columns in
          for row in 0..<outHeight {
            let sy = max(0, min(Double(height - 1), (Double(row) + 0.5) * inverse - 0.5))
            let y0 = Int(sy)
            let y1 = min(height - 1, y0 + 1)
            let fy = sy - Double(y0)
            let upper = y0 * width
            let lower = y1 * width
            let out = row * outWidth
            for column in 0..<outWidth {
              let (x0, x1, fx, gx) = columns[column]
              let top = Double(source[upper + x0]) * gx + Double(source[upper + x1]) * fx
              let bottom = Double(source[lower + x0]) * gx + Double(source[lower + x1]) * fx
              // Rounded half up by hand (the value is never negative): `rounded()` is a call.
              let value = top * (1 - fy) + bottom * fy
              let whole = Int(value)
              let rounded = value - Double(whole) >= 0.5 ? whole + 1 : whole
              target[out + column] = UInt8(truncatingIfNeeded: max(0, min(255, rounded)))
            }
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
  ///
  /// Source positions are fixed-point (32 fraction bits) and the weights 24 bits, so a
  /// pixel is within 1/1000 of a grey level of the exact bilinear value before rounding;
  /// each row's covered columns are worked out once instead of tested pixel by pixel.
  func rotated(clockwiseDegrees degrees: Double, background: UInt8) -> GreyBitmap {
    let width = self.width
    let height = self.height
    guard degrees.isFinite, width >= 2, height >= 2 else {
      let blank = [UInt8](repeating: background, count: pixels.count)
      return GreyBitmap(width: width, height: height, dpi: dpi, pixels: blank) ?? self
    }
    let radians = degrees * .pi / 180
    let cosine = cos(radians)
    let sine = sin(radians)
    let cx = Double(width - 1) / 2
    let cy = Double(height - 1) / 2
    let one = 4_294_967_296.0
    func fixed(_ value: Double) -> Int64 { Int64((value * one).rounded()) }
    // Source position of (column, row): the output point turned counter-clockwise; one
    // column right moves it by (cosine, −sine).
    let stepX = fixed(cosine)
    let stepY = fixed(-sine)
    let limitX = Int64(width - 1) << 32
    let limitY = Int64(height - 1) << 32
    var out = [UInt8](repeating: background, count: width * height)
    pixels.withUnsafeBufferPointer { source in
      out.withUnsafeMutableBufferPointer { target in
        for row in 0..<height {
          let dy = Double(row) - cy
          let startX = fixed(cx - cx * cosine + dy * sine)
          let startY = fixed(cy + cx * sine + dy * cosine)
          func inside(_ column: Int) -> Bool {
            let x = startX + Int64(column) * stepX
            let y = startY + Int64(column) * stepY
            return x >= 0 && y >= 0 && x < limitX && y < limitY
          }
          // The columns whose source lies inside: 0 ≤ start + column·step < limit on both
          // axes, estimated in Double and settled with the exact test.
          var low = 0.0
          var high = Double(width)
          for (start, step, limit) in [(startX, stepX, limitX), (startY, stepY, limitY)] {
            if step == 0 {
              if start < 0 || start >= limit { high = 0 }
              continue
            }
            let first = Double(-start) / Double(step)
            let second = Double(limit - start) / Double(step)
            low = max(low, (min(first, second)).rounded(.up))
            high = min(high, (max(first, second)).rounded(.up))
          }
          var from = Int(max(0, min(Double(width), low)))
          var to = Int(max(0, min(Double(width), high)))
          guard from < to else { continue }
          while from > 0, inside(from - 1) { from -= 1 }
          while from < to, !inside(from) { from += 1 }
          while to < width, inside(to) { to += 1 }
          while to > from, !inside(to - 1) { to -= 1 }
          var x = startX + Int64(from) * stepX
          var y = startY + Int64(from) * stepY
          var at = row * width + from
          for _ in from..<to {
            let index = Int(y >> 32) * width + Int(x >> 32)
            let fx = (x & 0xFFFF_FFFF) >> 8
            let fy = (y & 0xFFFF_FFFF) >> 8
            let top = Int64(source[index]) * (0x100_0000 - fx) + Int64(source[index + 1]) * fx
            let bottom = Int64(source[index + width]) * (0x100_0000 - fx) + Int64(source[index + width + 1]) * fx
            target[at] = UInt8(truncatingIfNeeded: (top * (0x100_0000 - fy) + bottom * fy + (1 << 47)) >> 48)
            x += stepX
            y += stepY
            at += 1
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
  /// it and `reach` pixels past its edges), then the darkest of the block and its eight
  /// neighbours, so shading next to white paper still counts as paper up to its edge. With
  /// the reach, a rule thicker than a block (two cells' separate borders run together) still
  /// meets white paper in every block it covers, so it is no shading of its own.
  func smoothedBinary(level: UInt8, margin: Int, block: Int, length: Int = 3, reach: Int = 0) -> GreyBitmap {
    let width = self.width
    let height = self.height
    guard height >= 3, width >= 3, block >= 1 else { return smoothedBinary(level: level) }
    let reach = min(block, max(0, reach))
    // At most 257 pixels: the sums then fit 16 bits (half the memory traffic of 32).
    let length = min(257, max(1, length))
    let half = length / 2
    let blockColumns = (width + block - 1) / block
    let blockRows = (height + block - 1) / block
    // The limit per block: below `level`, and `margin` below the darkest neighbouring paper.
    let ceiling = Int32(level) * Int32(length)
    let drop = Int32(max(0, margin)) * Int32(length)
    // The darker of the two directional sums (`length` times the mean), row by row; near the
    // border a sum repeats the edge pixel. A block row's limits need the block row below it,
    // whose lightest values reach into the next one, so the sums of three block rows are kept
    // (not the whole page's).
    let keptRows = 3 * block
    var kept = [UInt16](repeating: 0, count: keptRows * width)
    var columnSums = [UInt16](repeating: 0, count: width)
    var columnLight = [UInt16](repeating: 0, count: width)
    var limits = [UInt16](repeating: 0, count: width)
    var lightest = [UInt16](repeating: 0, count: blockColumns * blockRows)
    var out = [UInt8](repeating: 255, count: width * height)
    pixels.withUnsafeBufferPointer { source in
      kept.withUnsafeMutableBufferPointer { kept in
        columnSums.withUnsafeMutableBufferPointer { columnSums in
          columnLight.withUnsafeMutableBufferPointer { columnLight in
            limits.withUnsafeMutableBufferPointer { limits in
              lightest.withUnsafeMutableBufferPointer { lightest in
                out.withUnsafeMutableBufferPointer { target in
                  guard let sourceStart = source.baseAddress, let targetStart = target.baseAddress,
                    let keptStart = kept.baseAddress, let sumsStart = columnSums.baseAddress,
                    let lightStart = columnLight.baseAddress, let limitsStart = limits.baseAddress
                  else { return }
                  /// The lightest sum of each block of block row `blockRow`, `reach` pixels past
                  /// its edges, from the kept rows read so far (through `lastRow`).
                  func measure(_ blockRow: Int, through lastRow: Int) {
                    let top = max(0, blockRow * block - reach)
                    let bottom = min(lastRow, (blockRow + 1) * block - 1 + reach)
                    columnLight.update(repeating: 0)
                    for row in top...bottom {
                      let sums = (row % keptRows) * width
                      var column = 0
                      while column + 16 <= width {
                        let light = UnsafeMutableRawPointer(lightStart + column)
                        let value = UnsafeRawPointer(keptStart + sums + column).loadUnaligned(as: SIMD16<UInt16>.self)
                        light.storeBytes(
                          of: pointwiseMax(light.loadUnaligned(as: SIMD16<UInt16>.self), value), as: SIMD16<UInt16>.self
                        )
                        column += 16
                      }
                      while column < width {
                        columnLight[column] = max(columnLight[column], kept[sums + column])
                        column += 1
                      }
                    }
                    for blockColumn in 0..<blockColumns {
                      var light: UInt16 = 0
                      for column in max(0, blockColumn * block - reach)..<min(width, (blockColumn + 1) * block + reach)
                      {
                        light = max(light, columnLight[column])
                      }
                      lightest[blockRow * blockColumns + blockColumn] = light
                    }
                  }
                  /// Black where a row of `blockRow` is darker than its block's limit.
                  func threshold(_ blockRow: Int) {
                    for blockColumn in 0..<blockColumns {
                      var paper = Int32.max
                      for r in max(0, blockRow - 1)...min(blockRows - 1, blockRow + 1) {
                        for c in max(0, blockColumn - 1)...min(blockColumns - 1, blockColumn + 1) {
                          paper = min(paper, Int32(lightest[r * blockColumns + c]))
                        }
                      }
                      let limit = UInt16(truncatingIfNeeded: max(0, min(ceiling, paper - drop)))
                      for column in (blockColumn * block)..<min(width, (blockColumn + 1) * block) {
                        limits[column] = limit
                      }
                    }
                    for row in max(1, blockRow * block)..<min(height - 1, (blockRow + 1) * block) {
                      let sums = (row % keptRows) * width
                      let here = row * width
                      var column = 1
                      // Sixteen pixels at a time, then one by one.
                      while column + 16 <= width - 1 {
                        let dark =
                          UnsafeRawPointer(keptStart + sums + column).loadUnaligned(as: SIMD16<UInt16>.self)
                          .< UnsafeRawPointer(limitsStart + column).loadUnaligned(as: SIMD16<UInt16>.self)
                        let values = SIMD16<UInt8>(
                          truncatingIfNeeded: SIMD16<UInt16>(repeating: 255).replacing(with: 0, where: dark))
                        UnsafeMutableRawPointer(targetStart + here + column).storeBytes(
                          of: values, as: SIMD16<UInt8>.self)
                        column += 16
                      }
                      while column < width - 1 {
                        target[here + column] = kept[sums + column] < limits[column] ? 0 : 255
                        column += 1
                      }
                    }
                  }
                  for offset in -half...(length - 1 - half) {
                    let here = min(height - 1, max(0, offset)) * width
                    for column in 0..<width { columnSums[column] &+= UInt16(source[here + column]) }
                  }
                  for row in 0..<height {
                    let here = row * width
                    let sums = (row % keptRows) * width
                    // Along the row: where the window lies inside the row, summed offset by offset
                    // (whole rows at a time); near the ends, with the edge pixel repeated.
                    let inner = half..<max(half, width - (length - 1 - half))
                    // Through pointers (no overflow test on the index): the loops then vectorize.
                    let along = keptStart + sums
                    for column in inner { along[column] = 0 }
                    for offset in -half...(length - 1 - half) {
                      let from = sourceStart + (here + offset)
                      for column in inner { along[column] &+= UInt16(from[column]) }
                    }
                    for column in Self.outside(inner, width: width) {
                      var sum: UInt16 = 0
                      for offset in -half...(length - 1 - half) {
                        sum &+= UInt16(source[here + min(width - 1, max(0, column + offset))])
                      }
                      kept[sums + column] = sum
                    }
                    // Down the column, kept where darker.
                    let leaving = max(0, row - half) * width
                    let entering = min(height - 1, row + length - half) * width
                    var column = 0
                    while column + 16 <= width {
                      let along = UnsafeMutableRawPointer(keptStart + sums + column)
                      let down = UnsafeMutableRawPointer(sumsStart + column)
                      let sum = down.loadUnaligned(as: SIMD16<UInt16>.self)
                      along.storeBytes(
                        of: pointwiseMin(along.loadUnaligned(as: SIMD16<UInt16>.self), sum), as: SIMD16<UInt16>.self)
                      let leave = UnsafeRawPointer(sourceStart + leaving + column).loadUnaligned(
                        as: SIMD16<UInt8>.self)
                      let enter = UnsafeRawPointer(sourceStart + entering + column).loadUnaligned(
                        as: SIMD16<UInt8>.self)
                      let next = sum &- SIMD16<UInt16>(truncatingIfNeeded: leave)
                      down.storeBytes(of: next &+ SIMD16<UInt16>(truncatingIfNeeded: enter), as: SIMD16<UInt16>.self)
                      column += 16
                    }
                    while column < width {
                      kept[sums + column] = min(kept[sums + column], columnSums[column])
                      let next = columnSums[column] &- UInt16(source[leaving + column])
                      columnSums[column] = next &+ UInt16(source[entering + column])
                      column += 1
                    }
                    guard (row + 1) % block == 0 || row == height - 1 else { continue }
                    // A block row done: the lightest values of the block row above it (whose
                    // reach ends in this one), then the block row above that one (whose
                    // neighbours are now all known) is thresholded.
                    let blockRow = row / block
                    if blockRow > 0 { measure(blockRow - 1, through: row) }
                    if blockRow > 1 { threshold(blockRow - 2) }
                    if row == height - 1 {
                      measure(blockRow, through: row)
                      if blockRow > 0 { threshold(blockRow - 1) }
                      threshold(blockRow)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return GreyBitmap(width: width, height: height, dpi: dpi, pixels: out) ?? self
  }

  /// The columns of `0..<width` before and after `inner` (which starts inside it).
  private static func outside(_ inner: Range<Int>, width: Int) -> [Int] {
    Array(0..<min(inner.lowerBound, width)) + Array(min(width, max(inner.lowerBound, inner.upperBound))..<width)
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
