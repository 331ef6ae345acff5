import Foundation

/// The one lock around every call into poppler and cairo.
///
/// poppler shares state between documents (one FreeType library for all of them, global
/// parameters), so two documents used from two threads at once can crash the process. Every
/// type of this module takes this lock around its C calls, which makes them safe to use
/// from any thread; the C work is serialized, the layout work (pure Swift) is not.
enum PopplerLock {
  private static let lock = NSRecursiveLock()

  /// Runs `body` while holding the lock (re-entrant).
  static func run<Result>(_ body: () throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
