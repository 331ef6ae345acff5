import CPopplerDrawing
import Foundation

/// Reads a document's pages for the extraction and hands out what each gives in page order,
/// with a helper thread reading pages too, through a second poppler document on the same
/// bytes.
///
/// poppler's pass over a page (mostly loading the page's fonts) is most of a PDF's time, and
/// pages need nothing from each other, so on a machine with a second core two documents read
/// two pages at once, each thread also doing the page's own work (`work`: its rules, its
/// layout) while the page is fresh in its cache. Both threads take the first page nobody has
/// taken yet; the caller, when the page it wants is still with the helper, reads the next
/// one meanwhile. Each page is read once; a page that fails throws when its turn comes, as
/// it would on one thread.
final class PageReader<Value: Sendable>: @unchecked Sendable {
  /// Pages read but not yet handed out, at most (bounds memory on long documents).
  private static var maximumAhead: Int { 8 }

  private let document: PDFDocument
  /// A page's value from the page and its drawing.
  private let work: @Sendable (PDFPage, PageDrawing) throws -> Value
  private let condition = NSCondition()
  // Guarded by `condition`.
  /// The first page nobody has taken.
  private var nextUntaken = 1
  /// Pages read (or that failed) ahead of their turn.
  private var ready: [Int: Result<Value, any Error>] = [:]
  /// No more pages are wanted: the helper stops after the page it is reading.
  private var closed = false
  /// The helper thread has not finished (its document is open).
  private var helping = false

  /// Reads `document`'s pages, giving each page and its drawing to `work`; with
  /// `helper`, a second thread reads pages too, when the document has more than one page and
  /// the process may run on more than one core.
  init(document: PDFDocument, helper: Bool, work: @escaping @Sendable (PDFPage, PageDrawing) throws -> Value) {
    self.document = document
    self.work = work
    guard helper, document.pageCount > 1, gk_drawing_usable_cores() > 1 else { return }
    helping = true
    Thread { [self] in
      help()
      condition.lock()
      helping = false
      condition.broadcast()
      condition.unlock()
    }.start()
  }

  /// Page `number`'s value; pages are asked for in order, each once.
  func value(ofPage number: Int) throws -> Value {
    condition.lock()
    while true {
      if let result = ready.removeValue(forKey: number) {
        condition.broadcast()
        condition.unlock()
        return try result.get()
      }
      if number >= nextUntaken {
        nextUntaken = number + 1
        condition.unlock()
        return try read(number)
      }
      // The helper is reading it: read a later page meanwhile, or wait.
      if let ahead = take() {
        condition.unlock()
        let result = Result { try read(ahead) }
        condition.lock()
        ready[ahead] = result
        continue
      }
      condition.wait()
    }
  }

  /// Page `number`'s value, read through the caller's document.
  private func read(_ number: Int) throws -> Value {
    let page = try document.page(number)
    return try work(page, page.drawing())
  }

  /// Stops the helper after the page it is reading and waits until it has closed its
  /// document, so that no poppler call outlives the extraction (the process may exit right
  /// after a page fails to read). Safe to call more than once.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    while helping { condition.wait() }
    condition.unlock()
  }

  private func help() {
    // Opened on this thread, beside the caller's first page. Without the process-wide
    // ``PopplerLock``: this document is used by this thread only (see CPopplerDrawing.h).
    guard
      let second = try? DrawingDocument(
        bytes: document.core.bytes, password: document.password, source: document.source)
    else { return }
    second.shareFontPrograms(with: document.core)
    while let number = nextForHelper() {
      let result = Result { try work(document.page(number), second.page(number)) }
      condition.lock()
      ready[number] = result
      condition.broadcast()
      condition.unlock()
    }
  }

  /// The next page for the helper, or `nil` when all are taken or the reader is closed.
  private func nextForHelper() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while !closed, nextUntaken <= document.pageCount, ready.count >= Self.maximumAhead {
      condition.wait()
    }
    return closed ? nil : take()
  }

  /// Takes the first page nobody has taken, if there is one and room to keep it. Call
  /// holding `condition`.
  private func take() -> Int? {
    guard nextUntaken <= document.pageCount, ready.count < Self.maximumAhead else { return nil }
    defer { nextUntaken += 1 }
    return nextUntaken
  }
}
