/// Finds which row of a table a label belongs to: first by the known spellings in
/// Models/, then by how many of a row label's character pairs the text contains, so that
/// an unlisted typo, a wrapped label or a merged group cell in front still finds its row.
public struct LabelMatcher: Sendable {
  /// How a label was matched.
  public enum Kind: Sendable, Equatable {
    /// The official label.
    case exact
    /// A known variant spelling (a typo or wording seen in real reports).
    case variant
    /// A known label that departs from the official form (e.g. 规范性文件 in a 2021 table).
    case deviant
    /// Similar enough to the official label; `coverage` is the share of its pairs found.
    case similar(coverage: Double)
  }

  /// A successful match.
  public struct Match: Sendable, Equatable {
    /// Index of the row in template order.
    public var index: Int
    /// The row key.
    public var key: String
    /// How it matched.
    public var kind: Kind
  }

  private struct Entry: Sendable {
    var key: String
    var canonical: String
    var bigrams: [UInt64]
  }

  private let entries: [Entry]
  private let exactForms: [String: (index: Int, kind: Kind)]
  /// The least share of a label's pairs that must be present for a similarity match.
  public static let threshold = 0.6

  /// Builds a matcher for rows given as (key, official label, deviant labels), with the
  /// catalog's known variants of each official label.
  public init(rows: [(key: String, label: String, deviants: [String])], variants: [String: [String]]) {
    var forms: [String: (index: Int, kind: Kind)] = [:]
    var built: [Entry] = []
    for (index, row) in rows.enumerated() {
      let canonical = LabelText.key(row.label)
      built.append(
        Entry(key: row.key, canonical: canonical, bigrams: LabelText.bigrams(Array(canonical.unicodeScalars))))
      if forms[canonical] == nil { forms[canonical] = (index, .exact) }
      for variant in variants[row.label] ?? [] where forms[LabelText.key(variant)] == nil {
        forms[LabelText.key(variant)] = (index, .variant)
      }
      for deviant in row.deviants where forms[LabelText.key(deviant)] == nil {
        forms[LabelText.key(deviant)] = (index, .deviant)
      }
    }
    entries = built
    exactForms = forms
  }

  /// The official label's normalised text for row `index`.
  public func canonicalKey(at index: Int) -> String { entries[index].canonical }

  /// The row the label text `segments` (the text cells since the previous row, oldest
  /// first) names, preferring rows after `previous` and never one in `taken`.
  public func match(segments: [String], after previous: Int, taken: Set<Int>) -> Match? {
    let keys = segments.map { LabelText.key($0) }.filter { !$0.isEmpty }
    guard !keys.isEmpty else { return nil }
    // The row's own label is usually the last cell, or the last few cells of a split label.
    var suffix = ""
    for key in keys.reversed().prefix(3) {
      suffix = key + suffix
      if let form = exactForms[suffix], !taken.contains(form.index), form.index > previous {
        return Match(index: form.index, key: entries[form.index].key, kind: form.kind)
      }
    }
    let text = Array(keys.joined().unicodeScalars)
    let present = Set(LabelText.bigrams(text))
    var best: (index: Int, matched: Int, coverage: Double)?
    var bestBefore: (index: Int, matched: Int, coverage: Double)?
    for (index, entry) in entries.enumerated() where !taken.contains(index) && !entry.bigrams.isEmpty {
      let matched = entry.bigrams.reduce(0) { $0 + (present.contains($1) ? 1 : 0) }
      let coverage = Double(matched) / Double(entry.bigrams.count)
      guard coverage >= Self.threshold else { continue }
      let candidate = (index: index, matched: matched, coverage: coverage)
      func better(_ current: (index: Int, matched: Int, coverage: Double)?) -> Bool {
        guard let current else { return true }
        if matched != current.matched { return matched > current.matched }
        if coverage != current.coverage { return coverage > current.coverage }
        return index < current.index
      }
      if index > previous {
        if better(best) { best = candidate }
      } else if coverage >= 0.9, better(bestBefore) {
        bestBefore = candidate
      }
    }
    guard let chosen = best ?? bestBefore else { return nil }
    let kind: Kind =
      chosen.coverage >= 1 && keys.joined().contains(entries[chosen.index].canonical)
      ? .exact : .similar(coverage: chosen.coverage)
    return Match(index: chosen.index, key: entries[chosen.index].key, kind: kind)
  }
}
