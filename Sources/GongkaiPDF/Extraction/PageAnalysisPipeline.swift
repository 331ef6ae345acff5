import Foundation
import GongkaiLayout

/// Reads the layout of each page on a thread of its own while the next pages are still
/// being taken from the PDF: poppler reads one page at a time, and a page's layout needs
/// nothing from the others, so on a machine with a free core the layout costs no time of
/// its own beyond the last page's.
final class PageAnalysisPipeline: @unchecked Sendable {
  private let analyzer: PageAnalyzer
  private let condition = NSCondition()
  // Guarded by `condition`.
  private var waiting: [PositionedPage] = []
  private var analyzed: [PageLayout] = []
  /// No more pages will come.
  private var closed = false
  /// The thread has analysed every page and stopped.
  private var done = false

  /// Starts the thread, which waits for pages.
  init(analyzer: PageAnalyzer) {
    self.analyzer = analyzer
    Thread { [self] in work() }.start()
  }

  /// Queues `page` (pages are added in reading order).
  func add(_ page: PositionedPage) {
    condition.lock()
    waiting.append(page)
    condition.signal()
    condition.unlock()
  }

  /// Tells the thread no more pages will come, so it stops once it has read those it has
  /// (also when extraction failed half-way). Safe to call more than once.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// The layouts of every page added, in order, once all are read.
  func layouts() -> [PageLayout] {
    close()
    condition.lock()
    defer { condition.unlock() }
    while !done { condition.wait() }
    return analyzed
  }

  private func work() {
    while true {
      condition.lock()
      while waiting.isEmpty && !closed { condition.wait() }
      guard !waiting.isEmpty else {
        done = true
        condition.broadcast()
        condition.unlock()
        return
      }
      let page = waiting.removeFirst()
      condition.unlock()
      let layout = analyzer.layout(of: page)
      condition.lock()
      analyzed.append(layout)
      condition.unlock()
    }
  }
}
