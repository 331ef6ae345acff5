import Foundation
import GongkaiCore
import GongkaiLayout
import GongkaiOCR
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
    var pages: [Int: ScanPageRules] = [:]
    let name = (path as NSString).lastPathComponent
    let isRuled = !["hrules-", "threeline-", "norules-"].contains { name.hasPrefix($0) }
    var wrong: [String] = []
    var known: [String] = []
    for cell in cells {
      if pages[cell.page] == nil {
        // At the reader's resolution, with the reader's own rule finder: light grey 0.25 pt
        // borders are rules to it, and to this check.
        pages[cell.page] = ScanPageRules(
          bitmap: try document.page(cell.page).render(dpi: ScanReader.Options().dpi))
      }
      guard let rules = pages[cell.page] else { continue }
      let bitmap = rules.bitmap
      let scale = bitmap.pixelsPerPoint
      let x0 = Int(cell.box.minX * scale)
      let x1 = Int((cell.box.maxX * scale).rounded(.up))
      let y0 = Int(cell.box.minY * scale)
      let y1 = Int((cell.box.maxY * scale).rounded(.up))
      var ink = 0
      for y in max(0, y0)..<min(bitmap.height, y1) {
        for x in max(0, x0)..<min(bitmap.width, x1) where bitmap[x, y] < rules.darkLevel { ink += 1 }
      }
      // A digit at 300 dpi is well over a hundred dark pixels (tens at 150 dpi); a thin
      // light grey digit of a browser's print, photocopied, is a few dozen.
      if ink < 32 { wrong.append("\(cell.path) \(cell.raw): \(ink) dark pixels in \(cell.box)") }
      // The box is the characters': at least half a digit tall (not a strip through them)
      // and no wider than its characters side by side (not a seal's ring beside them).
      let (width, height) = (cell.box.maxX - cell.box.minX, cell.box.maxY - cell.box.minY)
      if height < 3 || width > Double(max(1, cell.raw.count)) * max(height, 3) * 1.2 + 2 {
        let line = "\(cell.path) \(cell.raw): box \(cell.box) is not the size of its characters"
        if let entry = KnownBoxProblem.all.first(where: { path.hasSuffix($0.fixture) && $0.path == cell.path }) {
          known.append("\(line) (\(entry.reason))")
        } else {
          wrong.append(line)
        }
      }
      // Tables drawn without vertical rules (the hrules-, threeline- and norules- photocopies)
      // have no ruled cell for a box to lie in: only their ink is checked.
      let problems = isRuled ? rules.problems(of: cell.box) : []
      if !problems.isEmpty {
        let line = "\(cell.path) \(cell.raw): \(problems.joined(separator: ", ")) of \(cell.box)"
        if let entry = KnownBoxProblem.all.first(where: { path.hasSuffix($0.fixture) && $0.path == cell.path }) {
          known.append("\(line) (\(entry.reason))")
        } else {
          wrong.append(line)
        }
      }
    }
    if !known.isEmpty {
      withKnownIssue("a box not the size of its digits", isIntermittent: true) {
        #expect(known.isEmpty, "\(path): known box problems:\n\(known.joined(separator: "\n"))")
      }
    }
    #expect(wrong.isEmpty, "\(path): \(wrong.count) problems:\n\(wrong.prefix(10).joined(separator: "\n"))")
  }
}

/// A cell whose box on a scan is known not to lie inside one cell of the rules found, and
/// why: an open issue, recorded as known; every other cell stays strict.
private struct KnownBoxProblem {
  /// The fixture's path, e.g. `scan/hard-2019-light-scan300.pdf`.
  var fixture: String
  /// The cell's path in the report.
  var path: String
  /// Why its box is off.
  var reason: String

  /// Under the hard scans' seal (the appeals table's last cells, page 3) a box is now the
  /// digits' own and the rules under the ring are found (a table's last corner under the
  /// ring by the crossing rule that ends there). Open: a number read from the darkest ink
  /// whose digits are joined to other ink at the page's level gets a strip through them.
  static let all = [
    KnownBoxProblem(
      fixture: "scan/gen-2021-b-scan200.pdf", path: "requests.results_total.natural_person",
      reason: "read from the darkest ink: its box is a 2 pt strip through the digits")
  ]
}

/// The rules of a scanned page's tables, found by the scan reader's own ``TableRuleFinder``,
/// and whether a box lies inside one cell of them.
private struct ScanPageRules {
  /// The page as scanned.
  let bitmap: GreyBitmap
  /// The page's tables as the reader finds them (on the page turned straight).
  let found: TableRuleFinder.Found
  /// How far a box may reach past a rule (points): the scan's blur, a turned box's corners.
  var slack = 1.5
  /// How far above or below the box's middle a rule may be (points): about a row's height.
  var reach = 45.0

  /// Below this grey level a pixel is ink: halfway between the paper (the page's median)
  /// and its darkest ink (the darkest 1 %), and never lighter than 128. Print in grey, or a
  /// light photocopy, is ink to a reader that sees the page's contrast.
  let darkLevel: UInt8

  init(bitmap: GreyBitmap) {
    self.bitmap = bitmap
    var counts = [Int](repeating: 0, count: 256)
    for y in stride(from: 0, to: bitmap.height, by: 2) {
      for x in stride(from: 0, to: bitmap.width, by: 2) { counts[Int(bitmap[x, y])] += 1 }
    }
    func level(atFraction fraction: Double) -> Int {
      let target = Double(counts.reduce(0, +)) * fraction
      var seen = 0
      for (grey, count) in counts.enumerated() {
        seen += count
        if Double(seen) >= target { return grey }
      }
      return 255
    }
    darkLevel = UInt8(max(128, (level(atFraction: 0.5) + level(atFraction: 0.01)) / 2))
    // The reader's finder, with rules lost under a seal's ring followed on to the crossing
    // rule: the table's cells as printed, which the boxes must lie in.
    var finder = TableRuleFinder()
    finder.bridgeReach = 40
    found = finder.find(in: bitmap)
  }

  /// `box`, given on the page as scanned, on the straightened page the rules are found on
  /// (the inverse of the turn the reader takes out of its boxes).
  func straightened(_ box: PageRect) -> PageRect {
    let scale = found.page.pixelsPerPoint
    let (cx, cy) = (Double(found.page.width) / scale / 2, Double(found.page.height) / scale / 2)
    let radians = found.skew * .pi / 180
    let (dx, dy) = ((box.minX + box.maxX) / 2 - cx, (box.minY + box.maxY) / 2 - cy)
    let x = cx + dx * cos(radians) - dy * sin(radians)
    let y = cy + dx * sin(radians) + dy * cos(radians)
    let (halfWidth, halfHeight) = ((box.maxX - box.minX) / 2, (box.maxY - box.minY) / 2)
    return PageRect(minX: x - halfWidth, minY: y - halfHeight, maxX: x + halfWidth, maxY: y + halfHeight)
  }

  /// What keeps `box` from lying inside one cell: a side ("above", "below", "left",
  /// "right") without a table rule spanning it, or a rule crossing it.
  func problems(of scanned: PageRect) -> [String] {
    let box = straightened(scanned)
    let rules = found.tableRulings
    let horizontal = rules.filter { $0.axis == .horizontal }
    let vertical = rules.filter { $0.axis == .vertical }
    // Sides are looked for from the box's middle, and only a rule through the middle half
    // of the box crosses it: a box turned back from a straightened scan, or a unit such as
    // 万元 read by OCR, may reach into the rule beside its digits.
    let (midX, midY) = ((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
    let (quarterX, quarterY) = ((box.maxX - box.minX) / 4, (box.maxY - box.minY) / 4)
    func spansX(_ line: RulingLine) -> Bool { line.start <= box.minX + slack && line.end >= box.maxX - slack }
    func spansY(_ line: RulingLine) -> Bool { line.start <= box.minY + slack && line.end >= box.maxY - slack }
    var problems: [String] = []
    if !horizontal.contains(where: { $0.position >= midY - reach && $0.position < midY - quarterY && spansX($0) }) {
      problems.append("no table rule above")
    }
    if !horizontal.contains(where: { $0.position <= midY + reach && $0.position > midY + quarterY && spansX($0) }) {
      problems.append("no table rule below")
    }
    if !vertical.contains(where: { $0.position < midX - quarterX && spansY($0) }) {
      problems.append("no table rule left")
    }
    if !vertical.contains(where: { $0.position > midX + quarterX && spansY($0) }) {
      problems.append("no table rule right")
    }
    let crossing =
      horizontal.filter {
        abs($0.position - midY) <= quarterY && $0.start < box.maxX - slack && $0.end > box.minX + slack
      }.map { "y \($0.position)" }
      + vertical.filter {
        abs($0.position - midX) <= quarterX && $0.start < box.maxY - slack && $0.end > box.minY + slack
      }.map { "x \($0.position)" }
    if !crossing.isEmpty { problems.append("crossed by table rule(s) at \(crossing.joined(separator: ", "))") }
    return problems
  }
}
