import Foundation

/// A regular expression of Models/ with ICU's meaning. Patterns in the subset
/// `ScalarPattern` reads (all the narrative figures, most furniture lines) are matched
/// without ICU, whose regex set-up alone was about a tenth of parsing a small PDF; the
/// others, and texts too long for a recursive matcher, go to NSRegularExpression, compiled
/// on first use. Safe to share between threads.
final class LazyExpression: @unchecked Sendable {
  /// A match: the whole match and capture group 1 (nil when it took no part).
  struct Match {
    var range: Range<String.Index>
    var group: Range<String.Index>?
  }

  /// The ICU pattern.
  let pattern: String
  private let lock = NSLock()
  // Guarded by `lock`; nil until first use, then the result (nil inside: did not compile).
  private var compiled: NSRegularExpression??
  // Guarded by `lock`; nil until first use, then the result (nil inside: needs ICU).
  private var parsed: ScalarPattern??

  /// Texts longer than this (in scalars) go to ICU: the matcher without ICU recurses.
  private static let longestText = 1024

  /// An expression for `pattern`, not parsed or compiled yet.
  init(_ pattern: String) {
    self.pattern = pattern
  }

  /// Whether the pattern is matched without ICU (for texts up to `longestText` scalars).
  var needsNoICU: Bool { scalarPattern != nil }

  /// Whether the pattern is valid ICU syntax (the model tests check every rule's).
  var compiles: Bool { regex != nil }

  /// The leftmost match in `text`.
  func firstMatch(in text: String) -> Match? {
    if let scalarPattern, let scalars = Self.scalars(text) {
      return scalarPattern.firstMatch(in: scalars).map { Self.match($0, in: text) }
    }
    guard let regex else { return nil }
    return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).flatMap { Self.match($0, in: text) }
  }

  /// Every match in `text`, left to right, not overlapping.
  func matches(in text: String) -> [Match] {
    if let scalarPattern, let scalars = Self.scalars(text) {
      return scalarPattern.matches(in: scalars).map { Self.match($0, in: text) }
    }
    guard let regex else { return [] }
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Self.match($0, in: text) }
  }

  /// The pattern for the matcher without ICU, parsed on first use; nil when it needs ICU.
  private var scalarPattern: ScalarPattern? {
    lock.lock()
    defer { lock.unlock() }
    if let parsed { return parsed }
    let made = ScalarPattern(pattern)
    parsed = .some(made)
    return made
  }

  /// The ICU expression, or nil when the pattern does not compile.
  private var regex: NSRegularExpression? {
    lock.lock()
    defer { lock.unlock() }
    if let compiled { return compiled }
    let made = try? NSRegularExpression(pattern: pattern)
    compiled = .some(made)
    return made
  }

  /// The scalars of `text`, nil when it is too long for the matcher without ICU.
  private static func scalars(_ text: String) -> [Unicode.Scalar]? {
    guard text.utf8.count <= longestText * 4 else { return nil }
    let scalars = Array(text.unicodeScalars)
    return scalars.count <= longestText ? scalars : nil
  }

  private static func match(_ match: ScalarPattern.Match, in text: String) -> Match {
    let scalars = text.unicodeScalars
    func range(_ offsets: Range<Int>) -> Range<String.Index> {
      let lower = scalars.index(scalars.startIndex, offsetBy: offsets.lowerBound)
      return lower..<scalars.index(lower, offsetBy: offsets.count)
    }
    return Match(range: range(match.range), group: match.groups.first.flatMap { $0 }.map(range))
  }

  private static func match(_ match: NSTextCheckingResult, in text: String) -> Match? {
    guard let whole = Range(match.range, in: text) else { return nil }
    let group = match.numberOfRanges > 1 ? Range(match.range(at: 1), in: text) : nil
    return Match(range: whole, group: group)
  }
}
