import Foundation
import GongkaiCore
import GongkaiLayout
import GongkaiPDF
import Testing

/// PDF files under `folder` of Samples that have an expected file.
private func samples(in folder: String) -> [String] {
  let url = CommandRunner.root.appending(path: "Samples/\(folder)")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path())) ?? []
  return names.filter {
    $0.hasSuffix(".pdf") && names.contains(($0 as NSString).deletingPathExtension + ".expected.json")
  }
  .sorted().map { "Samples/\(folder)/\($0)" }
}

/// One provenance entry as the command wrote it.
private struct PlacedCell {
  var path: String
  var raw: String
  var page: Int
  var box: PageRect
}

/// Runs `gongkai parse --provenance` and returns the report JSON and its page origins.
private func placedCells(of path: String) throws -> (report: JSONValue, cells: [PlacedCell]) {
  let result = try CommandRunner.run(["parse", "--provenance", path])
  #expect(result.status == 0, "\(result.standardError)")
  let report = try JSONReader.parse(result.standardOutput)
  var cells: [PlacedCell] = []
  for (cellPath, entry) in report["provenance"]?.objectMembers ?? [] {
    let box = (entry["box"]?.arrayElements ?? []).compactMap { value -> Double? in
      if case .number(let text) = value { return Double(text) }
      return nil
    }
    guard let raw = entry["raw"]?.stringValue, let page = entry["page"]?.intValue, box.count == 4 else {
      Issue.record("\(path) \(cellPath): not a page origin: \(entry)")
      continue
    }
    cells.append(
      PlacedCell(
        path: cellPath, raw: raw, page: page, box: PageRect(minX: box[0], minY: box[1], maxX: box[2], maxY: box[3])))
  }
  return (report, cells)
}

/// Paths of the non-null cells of a report's JSON.
private func nonNullPaths(_ report: JSONValue) -> Set<String> {
  var paths: Set<String> = []
  for table in ["proactive", "requests", "appeals"] {
    for (row, cells) in report[table]?.objectMembers ?? [] {
      for (column, value) in cells.objectMembers ?? [] where !value.isNull { paths.insert("\(table).\(row).\(column)") }
    }
  }
  return paths
}

/// Text without blanks.
private func squeezed(_ text: String) -> String {
  String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
}

@Suite("Provenance boxes checked against the page")
struct ProvenanceCheckTests {
  @Test(
    "every cell's box on a text-layer PDF holds exactly the cell's raw text (read through GongkaiPDF)",
    arguments: samples(in: "pdf") + samples(in: "pdf-styles") + samples(in: "pdf-browser") + samples(in: "real"))
  func textLayerBoxes(path: String) throws {
    // Reading failures (a file the PDF reader cannot read as a report yet, a value it reads
    // wrong) are what the sample and precision tests report; a wrong value's text is not on
    // the page to be boxed. Here: every value read right must point at its own characters.
    guard try CommandRunner.run(["parse", path]).status == 0 else { return }
    let (report, cells) = try placedCells(of: path)
    #expect(Set(cells.map(\.path)) == nonNullPaths(report))
    #expect(cells.count >= 100)
    let expected = try JSONReader.parse(
      String(
        contentsOf: CommandRunner.root.appending(path: (path as NSString).deletingPathExtension + ".expected.json"),
        encoding: .utf8))
    func misread(_ cellPath: String) -> Bool {
      let keys = cellPath.split(separator: ".").map(String.init)
      guard keys.count == 3, let want = expected[keys[0]]?[keys[1]]?[keys[2]] else { return false }
      return report[keys[0]]?[keys[1]]?[keys[2]] != want
    }
    var checked = 0
    let document = try PDFDocument(path: CommandRunner.root.appending(path: path).path())
    var pages: [Int: [PositionedCharacter]] = [:]
    var wrong: [String] = []
    for cell in cells where !misread(cell.path) {
      checked += 1
      if pages[cell.page] == nil { pages[cell.page] = try document.page(cell.page).characters }
      // Characters whose centre lies in the box, in reading order.
      let inside = (pages[cell.page] ?? []).filter {
        $0.box.midX >= cell.box.minX && $0.box.midX <= cell.box.maxX && $0.box.midY >= cell.box.minY
          && $0.box.midY <= cell.box.maxY && !$0.character.isWhitespace
      }
      .sorted { abs($0.box.midY - $1.box.midY) > 2 ? $0.box.midY < $1.box.midY : $0.box.minX < $1.box.minX }
      let text = String(inside.map(\.character))
      if text != squeezed(cell.raw) { wrong.append("\(cell.path): box holds \"\(text)\", raw \"\(cell.raw)\"") }
    }
    #expect(checked >= 50, "\(path): only \(checked) of \(cells.count) values read right, too few to check")
    #expect(
      wrong.isEmpty,
      "\(path): \(wrong.count) of \(checked) boxes wrong:\n\(wrong.prefix(10).joined(separator: "\n"))")
  }

  @Test(
    "every cell's box on a scan holds ink and lies inside a ruled table: a table rule spanning it above and below",
    arguments: samples(in: "scan"))
  func scanBoxes(path: String) throws {
    let (report, cells) = try placedCells(of: path)
    #expect(Set(cells.map(\.path)) == nonNullPaths(report))
    #expect(cells.count >= 100)
    let document = try PDFDocument(path: CommandRunner.root.appending(path: path).path())
    var probes: [Int: RuleProbe] = [:]
    var wrong: [String] = []
    for cell in cells {
      if probes[cell.page] == nil {
        probes[cell.page] = RuleProbe(bitmap: try document.page(cell.page).render(dpi: 150))
      }
      guard let grid = probes[cell.page] else { continue }
      let bitmap = grid.bitmap
      let scale = bitmap.pixelsPerPoint
      let x0 = Int(cell.box.minX * scale)
      let x1 = Int((cell.box.maxX * scale).rounded(.up))
      let y0 = Int(cell.box.minY * scale)
      let y1 = Int((cell.box.maxY * scale).rounded(.up))
      var ink = 0
      for y in max(0, y0)..<min(bitmap.height, y1) {
        for x in max(0, x0)..<min(bitmap.width, x1) where bitmap[x, y] < 128 { ink += 1 }
      }
      // A digit at 150 dpi is tens of dark pixels.
      if ink < 8 { wrong.append("\(cell.path) \(cell.raw): \(ink) dark pixels in \(cell.box)") }
      let missing = grid.missingRules(around: x0..<x1, y0..<y1)
      if !missing.isEmpty {
        wrong.append("\(cell.path) \(cell.raw): no table rule \(missing.joined(separator: ", ")) of \(cell.box)")
      }
    }
    #expect(wrong.isEmpty, "\(path): \(wrong.count) problems:\n\(wrong.prefix(10).joined(separator: "\n"))")
  }
}

/// Looks for the ruling lines of a table around a box on a scanned page: long runs of dark
/// pixels, allowed to drift a pixel either way (a scan may be slightly turned) and to break
/// for a few pixels (scan noise).
private struct RuleProbe {
  let bitmap: GreyBitmap
  /// A rule is at least this long (points); digits and short strokes are shorter.
  var minimumLength = 12.0
  /// How far above or below the box's middle a rule may be (points): about a row's height.
  var reach = 45.0
  /// Below this grey level a pixel is ink: well under the paper (the commonest level),
  /// so the thin grey rules of a scan count.
  let inkLevel: Int

  init(bitmap: GreyBitmap) {
    self.bitmap = bitmap
    var histogram = [Int](repeating: 0, count: 256)
    for value in bitmap.pixels { histogram[Int(value)] += 1 }
    let paper = histogram.indices.max { histogram[$0] < histogram[$1] } ?? 255
    inkLevel = paper - 45
  }

  private func dark(_ x: Int, _ y: Int) -> Bool {
    x >= 0 && y >= 0 && x < bitmap.width && y < bitmap.height && Int(bitmap[x, y]) < inkLevel
  }

  /// The horizontal extent (pixels) of the dark run through (x, y).
  private func run(_ x: Int, _ y: Int) -> ClosedRange<Int> {
    var ends = [x, x]
    for (side, direction) in [-1, 1].enumerated() {
      var (cx, cy) = (x, y)
      var steps = 0
      while steps < 5000 {
        steps += 1
        var found: (Int, Int)?
        for step in 1...4 where found == nil {
          let nx = cx + direction * step
          found = [(nx, cy), (nx, cy - 1), (nx, cy + 1)].first { dark($0.0, $0.1) }
        }
        guard let next = found else { break }
        (cx, cy) = next
      }
      ends[side] = cx
    }
    return ends[0]...ends[1]
  }

  /// The sides of the box (pixel ranges) without a table rule that spans the box's width
  /// within reach: "above", "below".
  func missingRules(around xs: Range<Int>, _ ys: Range<Int>) -> [String] {
    let scale = bitmap.pixelsPerPoint
    let minimum = Int(minimumLength * scale)
    let limit = Int(reach * scale)
    let midX = (xs.lowerBound + xs.upperBound) / 2
    func search(_ start: Int, step: Int) -> Bool {
      for distance in 1..<limit {
        let y = start + step * distance
        guard dark(midX, y) else { continue }
        let extent = run(midX, y)
        if extent.count >= minimum, extent.lowerBound <= xs.lowerBound + 1, extent.upperBound >= xs.upperBound - 1 {
          return true
        }
      }
      return false
    }
    // From the box's middle: a box turned back from a straightened scan may reach into the
    // rule under its digits, and the digits' own strokes are too short to pass for a rule.
    let middle = (ys.lowerBound + ys.upperBound) / 2
    var missing: [String] = []
    if !search(middle, step: -1) { missing.append("above") }
    if !search(middle, step: 1) { missing.append("below") }
    return missing
  }
}
