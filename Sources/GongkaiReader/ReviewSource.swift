import Foundation
import GongkaiCore
import GongkaiPDF

/// What a review page shows of an input: a PDF's pages rendered as PNG images (poppler and
/// cairo, in memory), or the text a text front end handed the pipeline.
public enum ReviewSource {
  /// The review source of `input`, read from the file at `path`; page images at `dpi`.
  public static func source(of input: LoadedInput, path: String, options: ReadOptions, dpi: Double = 96)
    throws(InputError) -> ReviewPage.Source
  {
    guard input.source.kind == .pdf else { return .text(input.text) }
    let document: PDFDocument
    do {
      document = try PDFDocument(path: path, password: options.password)
    } catch {
      throw InputError(file: path, kind: .pdf, reason: "the pages could not be rendered (\(error))")
    }
    // Pages are drawn one at a time (poppler's lock) and encoded as PNG in parallel.
    let results = PageImages(count: document.pageCount)
    let shared = SharedPDF(document: document)
    DispatchQueue.concurrentPerform(iterations: document.pageCount) { index in
      do {
        let page = try shared.document.page(index + 1)
        let size = page.size
        results.set(
          index,
          .success(
            ReviewPage.PageImage(
              number: index + 1, width: size.width, height: size.height, png: try page.pngImage(dpi: dpi))))
      } catch {
        results.set(index, .failure(error))
      }
    }
    var pages: [ReviewPage.PageImage] = []
    for result in results.all {
      switch result {
      case .success(let page)?: pages.append(page)
      case .failure(let error)?:
        throw InputError(file: path, kind: .pdf, reason: "the pages could not be rendered (\(error))")
      case nil: throw InputError(file: path, kind: .pdf, reason: "a page could not be rendered")
      }
    }
    return .pages(pages)
  }
}

/// A document shared by the rendering threads (GongkaiPDF serialises poppler calls).
private struct SharedPDF: @unchecked Sendable {
  let document: PDFDocument
}

/// Rendered pages by index, filled from several threads.
private final class PageImages: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<ReviewPage.PageImage, any Error>?]

  init(count: Int) { results = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ result: Result<ReviewPage.PageImage, any Error>) {
    lock.lock()
    results[index] = result
    lock.unlock()
  }

  var all: [Result<ReviewPage.PageImage, any Error>?] {
    lock.lock()
    defer { lock.unlock() }
    return results
  }
}
