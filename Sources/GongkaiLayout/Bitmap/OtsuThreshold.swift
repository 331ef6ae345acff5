/// One global binarization threshold chosen by Otsu's method.
public enum OtsuThreshold {
  /// The grey level that best splits the histogram of `bitmap` into ink and paper.
  ///
  /// A pixel is ink when its value is at most the returned level. A blank (single-valued)
  /// image gives the level just below its only value, so nothing counts as ink.
  public static func level(of bitmap: GreyBitmap) -> UInt8 {
    // Every other pixel of every other row is plenty for a histogram and four times faster;
    // four partial histograms keep neighbouring equal pixels from waiting on each other.
    var partial = [Int](repeating: 0, count: 4 * 256)
    let width = bitmap.width
    let height = bitmap.height
    let step = width >= 64 && height >= 64 ? 2 : 1
    bitmap.pixels.withUnsafeBufferPointer { buffer in
      partial.withUnsafeMutableBufferPointer { counts in
        for row in Swift.stride(from: 0, to: height, by: step) {
          let base = row * width
          var column = 0
          while column + 4 * step <= width {
            counts[Int(buffer[base + column])] += 1
            counts[256 + Int(buffer[base + column + step])] += 1
            counts[512 + Int(buffer[base + column + 2 * step])] += 1
            counts[768 + Int(buffer[base + column + 3 * step])] += 1
            column += 4 * step
          }
          while column < width {
            counts[Int(buffer[base + column])] += 1
            column += step
          }
        }
      }
    }
    var histogram = [Int](repeating: 0, count: 256)
    for value in 0..<256 {
      histogram[value] =
        partial[value] + partial[256 + value] + partial[512 + value] + partial[768 + value]
    }
    return level(histogram: histogram)
  }

  /// Otsu's level for a 256-bin histogram.
  public static func level(histogram: [Int]) -> UInt8 {
    guard histogram.count == 256 else { return 127 }
    let total = histogram.reduce(0, +)
    guard total > 0 else { return 127 }
    var weightedSum = 0.0
    for (value, count) in histogram.enumerated() { weightedSum += Double(value * count) }

    var backgroundCount = 0
    var backgroundSum = 0.0
    var bestLevel = 0
    var bestVariance = -1.0
    var distinct = 0
    for value in 0..<256 {
      let count = histogram[value]
      if count > 0 { distinct += 1 }
      backgroundCount += count
      guard backgroundCount > 0 else { continue }
      let foregroundCount = total - backgroundCount
      if foregroundCount == 0 { break }
      backgroundSum += Double(value * count)
      let meanBackground = backgroundSum / Double(backgroundCount)
      let meanForeground = (weightedSum - backgroundSum) / Double(foregroundCount)
      let difference = meanBackground - meanForeground
      let variance = Double(backgroundCount) * Double(foregroundCount) * difference * difference
      if variance > bestVariance {
        bestVariance = variance
        bestLevel = value
      }
    }
    if distinct <= 1 {
      let only = histogram.firstIndex(where: { $0 > 0 }) ?? 128
      return UInt8(max(0, only - 1))
    }
    return UInt8(bestLevel)
  }
}
