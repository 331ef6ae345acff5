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
    arguments: samples(in: "pdf") + samples(in: "pdf-styles"))
  func textLayerBoxes(path: String) throws {
    let (report, cells) = try placedCells(of: path)
    #expect(Set(cells.map(\.path)) == nonNullPaths(report))
    #expect(cells.count >= 100)
    let document = try PDFDocument(path: CommandRunner.root.appending(path: path).path())
    var pages: [Int: [PositionedCharacter]] = [:]
    var wrong: [String] = []
    for cell in cells {
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
    #expect(
      wrong.isEmpty,
      "\(path): \(wrong.count) of \(cells.count) boxes wrong:\n\(wrong.prefix(10).joined(separator: "\n"))")
  }

  @Test(
    "every cell's box on a scan holds ink and lies inside a table grid drawn on that page",
    arguments: samples(in: "scan"))
  func scanBoxes(path: String) throws {
    let (report, cells) = try placedCells(of: path)
    #expect(Set(cells.map(\.path)) == nonNullPaths(report))
    #expect(cells.count >= 100)
    let document = try PDFDocument(path: CommandRunner.root.appending(path: path).path())
    var bitmaps: [Int: GreyBitmap] = [:]
    var grids: [Int: [PageRect]] = [:]
    var wrong: [String] = []
    for cell in cells {
      if bitmaps[cell.page] == nil {
        let bitmap = try document.page(cell.page).render(dpi: 150)
        bitmaps[cell.page] = bitmap
        grids[cell.page] = RuledTableFinder().grids(from: RulingLineFinder().lines(in: bitmap)).map(\.box)
      }
      guard let bitmap = bitmaps[cell.page] else { continue }
      let scale = bitmap.pixelsPerPoint
      var ink = 0
      for y in max(0, Int(cell.box.minY * scale))..<min(bitmap.height, Int((cell.box.maxY * scale).rounded(.up))) {
        for x in max(0, Int(cell.box.minX * scale))..<min(bitmap.width, Int((cell.box.maxX * scale).rounded(.up)))
        where bitmap[x, y] < 128 {
          ink += 1
        }
      }
      // A digit at 150 dpi is tens of dark pixels.
      if ink < 8 { wrong.append("\(cell.path) \(cell.raw): \(ink) dark pixels in \(cell.box)") }
      let slack = 3.0
      let inGrid = (grids[cell.page] ?? []).contains {
        cell.box.minX >= $0.minX - slack && cell.box.maxX <= $0.maxX + slack && cell.box.minY >= $0.minY - slack
          && cell.box.maxY <= $0.maxY + slack
      }
      if !inGrid { wrong.append("\(cell.path) \(cell.raw): \(cell.box) outside every table grid of page \(cell.page)") }
    }
    #expect(wrong.isEmpty, "\(path): \(wrong.count) problems:\n\(wrong.prefix(10).joined(separator: "\n"))")
  }
}
