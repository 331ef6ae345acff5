import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

/// The text layer with its boxes, and rendering to grey bitmaps.
@Suite("Pages: characters and rendering")
struct RenderTests {
  func document() throws -> PDFDocument {
    let name = try #require(Samples.generated.first { $0.hasPrefix("gen-2021") })
    return try PDFDocument(path: Samples.pdf(name))
  }

  @Test("every character of the text gets its own box, in order")
  func charactersMatchText() throws {
    let page = try document().page(1)
    let characters = page.characters
    let visible = String(characters.map(\.character).filter { !$0.isWhitespace })
    #expect(visible == page.text.compact)
    let (width, height) = page.size
    for character in characters where !character.character.isWhitespace {
      #expect(character.box.minX >= 0 && character.box.maxX <= width + 1)
      #expect(character.box.minY >= 0 && character.box.maxY <= height + 1)
      #expect(character.box.width > 0 && character.box.height > 0)
    }
    // The title's characters run left to right on one baseline.
    let title = characters.filter { !$0.character.isWhitespace }.prefix(6)
    let lefts = title.map(\.box.minX)
    #expect(lefts == lefts.sorted())
    #expect(Set(title.map { ($0.box.maxY * 10).rounded() }).count == 1)
  }

  @Test("rendering gives a grey bitmap of the page size at the asked resolution", arguments: [72.0, 150.0])
  func render(dpi: Double) throws {
    let page = try document().page(1)
    let bitmap = try page.render(dpi: dpi)
    let (width, height) = page.size
    #expect(bitmap.width == Int((width * dpi / 72).rounded(.up)))
    #expect(bitmap.height == Int((height * dpi / 72).rounded(.up)))
    #expect(bitmap.dpi == dpi)
    #expect(bitmap.pixels.count == bitmap.width * bitmap.height)
    #expect(bitmap[0, 0] == 255)
    #expect(bitmap.pixels.contains { $0 < 64 })
  }

  @Test("rendering for OCR drops a red seal's ink by its colour and leaves a grey page alone")
  func redInkDropped() throws {
    // The signing page of a colour scan with a red seal over the signature and the date.
    let sealed = try PDFDocument(
      path: Samples.root.appendingPathComponent("Samples/scan/norules-2019-d-seal-scan300.pdf").path)
    let page = try sealed.page(sealed.pageCount)
    let plain = try page.render(dpi: 150)
    let dropped = try page.render(dpi: 150, droppingRedInk: true)
    // The seal's ring and characters (mid-grey in luma) turn to paper: thousands of pixels
    // much lighter, a quarter of the dark pixels gone.
    let lighter = zip(plain.pixels, dropped.pixels).filter { Int($1) - Int($0) >= 50 }.count
    #expect(lighter >= 3000)
    let dark = { (bitmap: GreyBitmap) in bitmap.pixels.filter { $0 < 128 }.count }
    #expect(dark(dropped) * 4 <= dark(plain) * 3)
    // Black print stays, print under the seal included.
    let black = { (bitmap: GreyBitmap) in bitmap.pixels.filter { $0 <= 40 }.count }
    #expect(black(dropped) * 10 >= black(plain) * 9)
    // A page without red is the same either way.
    let grey = try document().page(1)
    #expect(try grey.render(dpi: 72) == grey.render(dpi: 72, droppingRedInk: true))
  }

  @Test("the ruling lines of a table page agree at 72 and 150 dpi")
  func rulings() throws {
    let document = try document()
    // The page where table 三 starts.
    var tablePage: PDFPage? = nil
    for number in 1...document.pageCount where try document.page(number).text.compact.contains("一、本年新收") {
      tablePage = try document.page(number)
      break
    }
    let page = try #require(tablePage)
    let finder = RulingLineFinder()
    let low = finder.lines(in: try page.render(dpi: 72))
    let high = finder.lines(in: try page.render(dpi: 150))
    let lowHorizontal = low.filter { $0.axis == .horizontal && $0.end - $0.start > 300 }
    let highHorizontal = high.filter { $0.axis == .horizontal && $0.end - $0.start > 300 }
    #expect(lowHorizontal.count >= 5)
    #expect(lowHorizontal.count == highHorizontal.count)
    for (a, b) in zip(
      lowHorizontal.sorted { $0.position < $1.position }, highHorizontal.sorted { $0.position < $1.position })
    {
      #expect(abs(a.position - b.position) < 1.5)
      #expect(abs(a.start - b.start) < 2 && abs(a.end - b.end) < 2)
    }
    #expect(low.filter { $0.axis == .vertical && $0.end - $0.start > 100 }.count >= 8)
  }
}
