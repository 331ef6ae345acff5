import Foundation
import GongkaiCore
import GongkaiPDF

/// What a review page shows of an input: a PDF's pages rendered as PNG images (poppler and
/// cairo, in memory), or the text a text front end handed the pipeline.
public enum ReviewSource {
  /// The review source of `input`, read from the file at `path`; page images at `dpi`.
  public static func source(of input: LoadedInput, path: String, options: ReadOptions, dpi: Double = 110)
    throws(InputError) -> ReviewPage.Source
  {
    guard input.source.kind == .pdf else { return .text(input.text) }
    do {
      let document = try PDFDocument(path: path, password: options.password)
      var pages: [ReviewPage.PageImage] = []
      for number in stride(from: 1, through: document.pageCount, by: 1) {
        let page = try document.page(number)
        let size = page.size
        pages.append(
          ReviewPage.PageImage(number: number, width: size.width, height: size.height, png: try page.pngImage(dpi: dpi))
        )
      }
      return .pages(pages)
    } catch {
      throw InputError(file: path, kind: .pdf, reason: "the pages could not be rendered (\(error))")
    }
  }
}
