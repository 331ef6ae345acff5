import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// The tesseract wrapper, with the real models.
@Suite("OCR engine")
struct EngineTests {
  /// The pixel box of the total cell of the row labelled `label` on a clean rendering.
  func totalCell(of page: PDFPage, label: String, scale: Double) throws -> PixelRect {
    let characters = page.characters.filter { !$0.character.isWhitespace }
    let text = String(characters.map(\.character))
    let range = try #require(text.range(of: label), "no \(label) on the page")
    let labelBox = characters[text.distance(from: text.startIndex, to: range.lowerBound)].box
    // The digits on the label's line, rightmost run: the total.
    let digits = characters.filter {
      $0.character.isNumber && abs($0.box.midY - labelBox.midY) < labelBox.height / 2
    }.sorted { $0.box.minX < $1.box.minX }
    let last = try #require(digits.last)
    var run = [last]
    for digit in digits.dropLast().reversed() where run[0].box.minX - digit.box.maxX < 2 {
      run.insert(digit, at: 0)
    }
    let minX = run.map(\.box.minX).min() ?? 0
    let maxX = run.map(\.box.maxX).max() ?? 0
    return PixelRect(
      x: Int((minX - 6) * scale), y: Int((labelBox.minY - 4) * scale),
      width: Int((maxX - minX + 12) * scale), height: Int((labelBox.height + 8) * scale))
  }

  @Test("the English model reads a number cell of a rendered page, with a box and confidence")
  func readsRenderedCell() throws {
    let document = try PDFDocument(path: Samples.pdf("gen-2021-a"))
    let pageNumber = try #require(try Samples.tablePages(source: "gen-2021-a").first)
    let page = try document.page(pageNumber)
    let bitmap = try page.render(dpi: 300)
    let cell = try totalCell(of: page, label: "一、本年新收", scale: bitmap.pixelsPerPoint)
    let engine = try OCREngine(language: .english)
    let result = engine.recognize(bitmap, region: cell, mode: .singleLine)
    #expect(result.text == "17")
    let word = try #require(result.words.first)
    #expect(word.confidence > 80)
    // Boxes are in pixels of the whole bitmap, inside the region read.
    #expect(word.box.x >= cell.x && word.box.maxX <= cell.maxX)
    #expect(word.box.y >= cell.y && word.box.maxY <= cell.maxY)
    #expect(result.symbols.map(\.text) == ["1", "7"])
  }

  @Test("the Chinese model reads a label in block mode")
  func readsLabel() throws {
    let document = try PDFDocument(path: Samples.pdf("gen-2021-a"))
    let pageNumber = try #require(try Samples.tablePages(source: "gen-2021-a").first)
    let page = try document.page(pageNumber)
    let bitmap = try page.render(dpi: 200)
    let characters = page.characters.filter { !$0.character.isWhitespace }
    let text = String(characters.map(\.character))
    let range = try #require(text.range(of: "二、上年结转"))
    let start = text.distance(from: text.startIndex, to: range.lowerBound)
    let boxes = characters[start..<(start + 6)].map(\.box)
    let scale = bitmap.pixelsPerPoint
    let region = PixelRect(
      x: Int(((boxes.first?.minX ?? 0) - 4) * scale), y: Int(((boxes.first?.minY ?? 0) - 4) * scale),
      width: Int(((boxes.last?.maxX ?? 0) - (boxes.first?.minX ?? 0) + 8) * scale),
      height: Int(((boxes.first?.height ?? 0) + 8) * scale))
    let engine = try OCREngine(language: .chineseSimplified)
    let result = engine.recognize(bitmap, region: region, mode: .block)
    #expect(result.text.filter { !$0.isWhitespace } == "二、上年结转")
  }

  @Test("a whitelist limits the answer, and is reset for the next call")
  func whitelist() throws {
    let document = try PDFDocument(path: Samples.pdf("gen-2021-a"))
    let pageNumber = try #require(try Samples.tablePages(source: "gen-2021-a").first)
    let page = try document.page(pageNumber)
    let bitmap = try page.render(dpi: 300)
    let cell = try totalCell(of: page, label: "一、本年新收", scale: bitmap.pixelsPerPoint)
    let engine = try OCREngine(language: .chineseSimplified)
    let limited = engine.recognize(bitmap, region: cell, mode: .singleLine, whitelist: "0123456789")
    #expect(limited.text.allSatisfy { $0.isNumber })
    let free = engine.recognize(bitmap, region: cell, mode: .singleLine)
    #expect(free.text == "17")
  }

  @Test("missing language data: a typed error naming the Debian package")
  func missingLanguageData() throws {
    let empty = try TemporaryFolder()
    // TESSDATA_PREFIX pointing to an empty folder is where the engine looks …
    let path = OCREngine.dataPath(environment: ["TESSDATA_PREFIX": empty.url.path])
    #expect(path == empty.url.path)
    #expect(OCREngine.dataPath(environment: [:]) == OCREngine.debianDataPath)
    // … and finds no model there.
    #expect(
      throws: OCRError.languageDataMissing(
        language: "chi_sim", directory: empty.url.path, package: "tesseract-ocr-chi-sim")
    ) { try OCREngine(language: .chineseSimplified, dataPath: path) }
    #expect(
      throws: OCRError.languageDataMissing(
        language: "eng", directory: empty.url.path, package: "tesseract-ocr-eng")
    ) { try OCREngine(language: .english, dataPath: path) }
    let message = OCRError.languageDataMissing(
      language: "chi_sim", directory: empty.url.path, package: "tesseract-ocr-chi-sim"
    ).localizedDescription
    #expect(message.contains("tesseract-ocr-chi-sim") && message.contains("TESSDATA_PREFIX"))

    // The scan reader passes the error on instead of reading anything.
    var options = ScanReader.Options()
    options.dataPath = path
    let image = ScanImage(number: 1, bitmap: GreyBitmap(blankWidth: 100, height: 100, dpi: 300))
    #expect(throws: OCRError.self) { try ScanReader(options: options).read(images: [image]) }
  }

  @Test("a damaged model file: a typed error, not a crash")
  func damagedModel() throws {
    let folder = try TemporaryFolder()
    try Data("not a model".utf8).write(to: folder.url.appendingPathComponent("eng.traineddata"))
    #expect(throws: OCRError.engineInitFailed(language: "eng", directory: folder.url.path)) {
      try OCREngine(language: .english, dataPath: folder.url.path)
    }
  }
}
