import GongkaiLayout

/// The connected blobs of ink inside one region of a page (8-connected, one threshold).
struct InkComponents {
  /// Each blob's bounding box (page pixels) and pixel count.
  var boxes: [(box: PixelRect, area: Int)]

  /// Finds the blobs in `region` of `bitmap`; pixels at most `level` are ink. Blobs of fewer
  /// than `minimumArea` pixels are specks, dropped; so are thin blobs touching the region's
  /// edge along a whole side (remnants of ruling lines).
  init(in bitmap: GreyBitmap, region: PixelRect, level: UInt8, minimumArea: Int) {
    let area = region.intersection(bitmap.bounds)
    boxes = []
    guard !area.isEmpty else { return }
    let width = area.width
    let height = area.height
    // 0: paper, 1: ink not yet visited, 2: visited; a frame of paper around the region, so
    // a pixel's neighbours need no bounds test.
    let stride = width + 2
    var marks = [UInt8](repeating: 0, count: stride * (height + 2))
    var found: [(minX: Int, minY: Int, maxX: Int, maxY: Int, count: Int)] = []
    bitmap.pixels.withUnsafeBufferPointer { pixels in
      marks.withUnsafeMutableBufferPointer { marks in
        guard let start = marks.baseAddress else { return }
        for row in 0..<height {
          let base = (area.y + row) * bitmap.width + area.x
          let mark = (row + 1) * stride + 1
          for column in 0..<width { marks[mark + column] = pixels[base + column] <= level ? 1 : 0 }
        }
        var stack: [(x: Int32, y: Int32)] = []
        for startY in 0..<height {
          let mark = (startY + 1) * stride + 1
          var startX = -1
          while true {
            startX += 1
            // Paper is most of a region: eight marks at a time where all are paper.
            while startX + 8 <= width, UnsafeRawPointer(start + mark + startX).loadUnaligned(as: UInt64.self) == 0 {
              startX += 8
            }
            guard startX < width else { break }
            guard marks[mark + startX] == 1 else { continue }
            marks[mark + startX] = 2
            stack.append((Int32(startX), Int32(startY)))
            var minX = width
            var minY = height
            var maxX = -1
            var maxY = -1
            var count = 0
            while let (px, py) = stack.popLast() {
              let x = Int(px)
              let y = Int(py)
              count += 1
              minX = min(minX, x)
              maxX = max(maxX, x)
              minY = min(minY, y)
              maxY = max(maxY, y)
              // The pixel's own mark is at (y + 1) · stride + x + 1; its neighbours around it.
              for dy in -1...1 {
                let line = (y + 1 + dy) * stride + x + 1
                for dx in -1...1 where marks[line + dx] == 1 {
                  marks[line + dx] = 2
                  stack.append((Int32(x + dx), Int32(y + dy)))
                }
              }
            }
            if count >= minimumArea { found.append((minX, minY, maxX, maxY, count)) }
          }
        }
      }
    }
    for (minX, minY, maxX, maxY, count) in found {
      let blobWidth = maxX - minX + 1
      let blobHeight = maxY - minY + 1
      let touchesSide = minX == 0 || minY == 0 || maxX == width - 1 || maxY == height - 1
      // A rule remnant: a thin streak along the region's edge, running nearly its length.
      if touchesSide {
        let horizontalStreak = blobWidth * 2 >= width && blobHeight * 6 <= blobWidth
        let verticalStreak = blobHeight * 2 >= height && blobWidth * 6 <= blobHeight
        if horizontalStreak || verticalStreak { continue }
      }
      boxes.append(
        (PixelRect(x: area.x + minX, y: area.y + minY, width: blobWidth, height: blobHeight), count))
    }
  }

  /// Whether there is no ink.
  var isEmpty: Bool { boxes.isEmpty }

  /// The blobs without slivers on `region`'s edges: a blob touching a side of the region and
  /// at most `depth` pixels deep from it is the end of a rule the region's edge cut (a skewed
  /// page's rule corner, 2×1 px), not print. Far from the digits it stretched a cell's ink
  /// over the whole cell (591 at its left, a corner at its right: no number read).
  func droppingEdgeSlivers(of region: PixelRect, depth: Int = 2) -> InkComponents {
    var kept = self
    kept.boxes = boxes.filter { blob in
      let box = blob.box
      let fromTop = box.y <= region.y && box.height <= depth
      let fromBottom = box.maxY >= region.maxY && box.height <= depth
      let fromLeft = box.x <= region.x && box.width <= depth
      let fromRight = box.maxX >= region.maxX && box.width <= depth
      return !(fromTop || fromBottom || fromLeft || fromRight)
    }
    return kept
  }

  /// The box around all blobs.
  var union: PixelRect? {
    guard let first = boxes.first?.box else { return nil }
    var minX = first.x
    var minY = first.y
    var maxX = first.maxX
    var maxY = first.maxY
    for (box, _) in boxes {
      minX = min(minX, box.x)
      minY = min(minY, box.y)
      maxX = max(maxX, box.maxX)
      maxY = max(maxY, box.maxY)
    }
    return PixelRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
  }

  /// `region` with the ruling lines along its edges cut off: from each side, up to `lead`
  /// pixels of paper, then the rows or columns that are mostly ink (the rule, at most
  /// `reach` pixels in) are skipped.
  static func insideRules(
    of region: PixelRect, in bitmap: GreyBitmap, level: UInt8, lead: Int, reach: Int
  ) -> PixelRect {
    let area = region.intersection(bitmap.bounds)
    guard area.width > 4, area.height > 4 else { return area }
    func share(_ pixels: [(Int, Int)]) -> Double {
      var count = 0
      for (x, y) in pixels where bitmap[x, y] <= level { count += 1 }
      return Double(count) / Double(max(1, pixels.count))
    }
    // Sample the middle of each side, away from the corners where rules cross.
    let rows = Array((area.y + area.height / 8)..<(area.maxY - area.height / 8))
    let columns = Array((area.x + area.width / 8)..<(area.maxX - area.width / 8))
    let limit = min(reach, min(area.width, area.height) / 3)
    func skip(_ line: (Int) -> [(Int, Int)]) -> Int {
      var step = 0
      while step < lead, share(line(step)) < 0.6 { step += 1 }
      guard step < lead else { return lead }
      while step < limit, share(line(step)) >= 0.6 { step += 1 }
      return min(limit, step + 1)
    }
    let left = skip { step in rows.map { (area.x + step, $0) } }
    let right = skip { step in rows.map { (area.maxX - 1 - step, $0) } }
    let top = skip { step in columns.map { ($0, area.y + step) } }
    let bottom = skip { step in columns.map { ($0, area.maxY - 1 - step) } }
    return PixelRect(
      x: area.x + left, y: area.y + top, width: area.width - left - right,
      height: area.height - top - bottom)
  }
}

extension InkComponents {
  /// The blobs in runs along one axis (`vertical`: top to bottom, else left to right): a
  /// blob joins the run before it when it starts at most `maximumGap` pixels after that
  /// run's end (−1: the two must overlap).
  func runs(vertical: Bool, maximumGap: Int) -> [InkComponents] {
    let start: (PixelRect) -> Int = vertical ? { $0.y } : { $0.x }
    let end: (PixelRect) -> Int = vertical ? { $0.maxY } : { $0.maxX }
    var runs: [(end: Int, ink: InkComponents)] = []
    for blob in boxes.sorted(by: { start($0.box) < start($1.box) }) {
      if let last = runs.last, start(blob.box) - last.end <= maximumGap {
        runs[runs.count - 1].end = max(last.end, end(blob.box))
        runs[runs.count - 1].ink.boxes.append(blob)
      } else {
        var run = self
        run.boxes = [blob]
        runs.append((end(blob.box), run))
      }
    }
    return runs.map(\.ink)
  }
}
