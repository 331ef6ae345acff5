import Foundation
import GongkaiCore
import GongkaiLayout
import GongkaiOCR
import GongkaiPDF

// The OCR benchmark's helper (scripts/bench-ocr.sh drives it):
//
//   gongkai-ocr-bench render FILE.pdf DPI DIR     pages → DIR/page-N@DPI.pgm (red ink dropped), and the
//                                                 red ink taken out → DIR/red-N@DPI.pgm where a page has any
//   gongkai-ocr-bench read JOBS OUT.txt PGM...    our reader on the images (with each page's red-N@DPI.pgm
//                                                 beside it, as `gongkai parse` has it); prints seconds;
//                                                 the unsure cells go to OUT.txt.unsure
//   gongkai-ocr-bench parse TEXT [UNSURE]         the report JSON of a read text with its unsure
//                                                 cells, as `gongkai parse` makes it of the PDF
//   gongkai-ocr-bench score EXPECTED.json TEXT    table 三/四 cells right: "right compared"
//   gongkai-ocr-bench rules FILE.pdf PAGE OUT.pgm [strict|light] the page as the reader straightens it; prints
//                                                 the table rules it finds (h|v at from-to, points)
//   gongkai-ocr-bench pdf FILE.pdf [DPI] [JOBS]   read a scanned PDF, print the text and
//                                                 the low-confidence cells (for looking)

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("gongkai-ocr-bench: \(message)\n".utf8))
  exit(2)
}

/// Writes a binary PGM (P5).
func writePGM(_ bitmap: GreyBitmap, to path: String) throws {
  var data = Data("P5\n\(bitmap.width) \(bitmap.height)\n255\n".utf8)
  data.append(contentsOf: bitmap.pixels)
  try data.write(to: URL(fileURLWithPath: path))
}

/// Reads a binary PGM (P5, 8-bit) written by `writePGM`.
func readPGM(_ path: String, dpi: Double) throws -> GreyBitmap {
  let data = try Data(contentsOf: URL(fileURLWithPath: path))
  var fields: [String] = []
  var index = data.startIndex
  while fields.count < 4, index < data.endIndex {
    while index < data.endIndex, data[index] == 0x20 || data[index] == 0x0A || data[index] == 0x0D { index += 1 }
    var token = ""
    while index < data.endIndex, data[index] != 0x20, data[index] != 0x0A, data[index] != 0x0D {
      token.append(Character(Unicode.Scalar(data[index])))
      index += 1
    }
    fields.append(token)
  }
  index += 1
  guard fields.count == 4, fields[0] == "P5", let width = Int(fields[1]), let height = Int(fields[2]),
    let bitmap = GreyBitmap(width: width, height: height, dpi: dpi, pixels: [UInt8](data[index...]))
  else { fail("\(path): not an 8-bit binary PGM") }
  return bitmap
}

/// The resolution a page image was rendered at, from its file name (`page-3@300.pgm`).
func dpi(of path: String) -> Double {
  let name = (path as NSString).lastPathComponent
  guard let at = name.firstIndex(of: "@"), let dot = name.lastIndex(of: ".") else { return 300 }
  return Double(name[name.index(after: at)..<dot]) ?? 300
}

/// The red-ink image `render` writes beside a page image (`page-3@300.pgm` → `red-3@300.pgm`).
func redInkPath(for path: String) -> String {
  let directory = (path as NSString).deletingLastPathComponent
  let name = (path as NSString).lastPathComponent
  return (directory as NSString).appendingPathComponent("red-" + name.dropFirst("page-".count))
}

func pageNumber(of path: String) -> Int {
  let name = (path as NSString).lastPathComponent
  let digits = name.drop { !$0.isNumber }.prefix { $0.isNumber }
  return Int(digits) ?? 0
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("usage: render | read | score | pdf (see main.swift)") }
do {
  switch command {
  case "render":
    guard arguments.count == 4, let dpi = Double(arguments[2]) else { fail("render FILE.pdf DPI DIR") }
    let document = try PDFDocument(path: arguments[1])
    for number in 1...document.pageCount {
      // As the scan reader renders: a red seal dropped by its colour (both readers get the page
      // without it); the red ink goes to its own file, which only our reader reads (seals in colour).
      let (bitmap, redInk) = try document.page(number).renderSeparatingRedInk(dpi: dpi)
      try writePGM(bitmap, to: "\(arguments[3])/page-\(number)@\(Int(dpi)).pgm")
      if let redInk { try writePGM(redInk, to: "\(arguments[3])/red-\(number)@\(Int(dpi)).pgm") }
    }
  case "read":
    guard arguments.count >= 4, let jobs = Int(arguments[1]) else { fail("read JOBS OUT.txt PGM...") }
    let images = try arguments[3...].map { path in
      let redPath = redInkPath(for: path)
      let redInk = FileManager.default.fileExists(atPath: redPath) ? try readPGM(redPath, dpi: dpi(of: path)) : nil
      return ScanImage(number: pageNumber(of: path), bitmap: try readPGM(path, dpi: dpi(of: path)), redInk: redInk)
    }
    var options = ScanReader.Options()
    options.jobs = jobs
    let start = Date()
    let result = try ScanReader(options: options).read(images: images)
    let seconds = Date().timeIntervalSince(start)
    try Data(result.text.utf8).write(to: URL(fileURLWithPath: arguments[2]))
    // The unsure cells, one a line: the report's pipeline re-reads them against the tables'
    // arithmetic (without them the text parses like a text layer: a doubtful read stays).
    let unsureLines = result.lowConfidence.map { cell in
      ([String(cell.line), String(cell.field), cell.value, String(cell.confidence)] + cell.alternatives)
        .joined(separator: "\t") + "\n"
    }
    try Data(unsureLines.joined().utf8).write(to: URL(fileURLWithPath: arguments[2] + ".unsure"))
    let unsure = result.lowConfidence.map { "\($0.line):\($0.field)=\($0.value)@\(Int($0.confidence))" }
    print(String(format: "%.3f", seconds), result.lowConfidence.count, unsure.joined(separator: " "))
  case "parse":
    guard (2...3).contains(arguments.count) else { fail("parse TEXT [UNSURE]") }
    let text = try String(contentsOfFile: arguments[1], encoding: .utf8)
    let unsure =
      arguments.count < 3
      ? []
      : try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n").compactMap {
        line -> UncertainCell? in
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 4, let number = Int(fields[0]), let field = Int(fields[1]),
          let confidence = Double(fields[3])
        else { return nil }
        return UncertainCell(
          line: number, field: field, value: fields[2], confidence: confidence, alternatives: Array(fields[4...]))
      }
    let source = SourceInfo(
      file: (arguments[1] as NSString).lastPathComponent, sha256: "", kind: .pdf, textLayer: .ocr)
    let report = try ReportPipeline().report(text: text, source: source, uncertain: unsure)
    var output: [UInt8] = []
    ReportJSON.write(report, writer: JSONWriter(pretty: true), into: &output)
    output.append(10)
    FileHandle.standardOutput.write(Data(output))
  case "score":
    guard arguments.count == 3 else { fail("score EXPECTED.json TEXT") }
    let check = try TableCellCheck(expectedJSON: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    let text = try String(contentsOfFile: arguments[2], encoding: .utf8)
    let outcome = check.check(text)
    print(outcome.right, outcome.compared)
    for miss in outcome.misses.prefix(12) {
      FileHandle.standardError.write(
        Data(
          "  miss \(miss.row) [\(miss.cell)]: expected \(miss.expected), found \(miss.found.map(String.init) ?? "nothing") (line \(miss.line.map(String.init) ?? "-"))\n"
            .utf8))
    }
  case "rules":
    guard arguments.count >= 4, let number = Int(arguments[2]) else {
      fail("rules FILE.pdf PAGE OUT.pgm [strict|light]")
    }
    let document = try PDFDocument(path: arguments[1])
    let bitmap = try document.page(number).render(dpi: 300, droppingRedInk: true)
    var finder = TableRuleFinder()
    finder.confirmLightRules = arguments.count < 5
    if arguments.count > 4, arguments[4] == "light" {
      // The light pass alone: every line its margin and smoothing find.
      finder.ruleMargin = finder.lightRuleMargin
      finder.contrastDivisor = 1000
      finder.ruleSmoothing = finder.lightRuleSmoothing
    }
    let found = finder.find(in: bitmap)
    for line in found.tableRulings {
      print(line.axis == .horizontal ? "h" : "v", String(format: "%.2f %.2f-%.2f", line.position, line.start, line.end))
    }
    try writePGM(found.page, to: arguments[3])
  case "pdf":
    guard arguments.count >= 2 else { fail("pdf FILE.pdf [DPI] [JOBS]") }
    let document = try PDFDocument(path: arguments[1])
    let dpi = arguments.count > 2 ? Double(arguments[2]) ?? 300 : 300
    let jobs = arguments.count > 3 ? Int(arguments[3]) ?? 2 : 2
    let start = Date()
    let result = try ScanReader.read(pdf: document, dpi: dpi, jobs: jobs)
    print(result.text, terminator: "")
    print(
      "--- \(result.pagesRead.count) pages in \(String(format: "%.2f", Date().timeIntervalSince(start))) s; skew \(result.skew.map { String(format: "%.2f", $0) })"
    )
    for cell in result.lowConfidence {
      print(
        "low confidence: line \(cell.line) field \(cell.field) value \(cell.value) confidence \(Int(cell.confidence))")
    }
  default:
    fail("unknown command \(command)")
  }
} catch {
  fail(error.localizedDescription)
}
