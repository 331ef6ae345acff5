import Foundation

/// A regular expression of Models/ compiled on first use: compiling an ICU pattern (and
/// ICU's own set-up on the first one) is a large share of a short run's time, and most
/// runs never need most patterns. Safe to share between threads.
final class LazyExpression: @unchecked Sendable {
  /// The ICU pattern.
  let pattern: String
  private let lock = NSLock()
  // Guarded by `lock`; nil until first use, then the result (nil inside: did not compile).
  private var compiled: NSRegularExpression??

  /// An expression for `pattern`, not compiled yet.
  init(_ pattern: String) {
    self.pattern = pattern
  }

  /// The compiled expression, or nil when the pattern does not compile (the model tests
  /// catch that).
  var regex: NSRegularExpression? {
    lock.lock()
    defer { lock.unlock() }
    if let compiled { return compiled }
    let made = try? NSRegularExpression(pattern: pattern)
    compiled = .some(made)
    return made
  }
}
