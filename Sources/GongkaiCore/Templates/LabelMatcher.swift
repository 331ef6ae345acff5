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
    /// The numerals of the label's own numbering (4 of 4.无正当理由…, 二 of （二）部分公开).
    var numbering: String
  }

  private let entries: [Entry]
  private let exactForms: [LabelKey: (index: Int, kind: Kind)]
  /// The least share of a label's pairs that must be present for a similarity match.
  public static let threshold = 0.6

  /// Builds a matcher for rows given as (key, official label, deviant labels), with the
  /// catalog's known variants of each official label.
  public init(rows: [(key: String, label: String, deviants: [String])], variants: [String: [String]]) {
    var forms: [LabelKey: (index: Int, kind: Kind)] = [:]
    var built: [Entry] = []
    for (index, row) in rows.enumerated() {
      let canonical = LabelText.key(row.label)
      built.append(
        Entry(
          key: row.key, canonical: canonical, bigrams: LabelText.bigrams(Array(canonical.unicodeScalars)),
          numbering: LabelText.numbering(row.label)))
      if forms[LabelKey(normalized: canonical)] == nil { forms[LabelKey(normalized: canonical)] = (index, .exact) }
      for variant in variants[row.label] ?? [] where forms[LabelKey(label: variant)] == nil {
        forms[LabelKey(label: variant)] = (index, .variant)
      }
      for deviant in row.deviants where forms[LabelKey(label: deviant)] == nil {
        forms[LabelKey(label: deviant)] = (index, .deviant)
      }
    }
    entries = built
    exactForms = forms
  }

  /// The official label's normalised text for row `index`.
  public func canonicalKey(at index: Int) -> String { entries[index].canonical }

  /// The rows other than `index` whose whole official label (four characters or more)
  /// stands in `key`, a label cell's normalised text, apart from row `index`'s own label
  /// there: a cell that names two rows (a scan whose rule between them was lost). A shorter
  /// label counts where it is the row's just before and the cell starts with it, more
  /// text after it (（七）总计 over 四、结转下年度继续办理, read 总计转下年度继续办理).
  public func otherRowsNamed(in key: String, besides index: Int) -> [Int] {
    let own = entries[index].canonical
    let ownRange = own.isEmpty ? nil : key.range(of: own)
    return entries.indices.filter { other in
      let canonical = entries[other].canonical
      guard other != index, !canonical.isEmpty, !own.contains(canonical), !canonical.contains(own),
        let range = key.range(of: canonical)
      else { return false }
      let longEnough = canonical.unicodeScalars.count >= 4
      let leadsCell =
        other == index - 1 && range.lowerBound == key.startIndex
        && key.unicodeScalars.count >= canonical.unicodeScalars.count + 4
      guard longEnough || leadsCell else { return false }
      guard let ownRange else { return true }
      return !range.overlaps(ownRange)
    }
  }

  /// Whether `key`, a cell's normalised text of four characters or more, is the middle or
  /// end of a row's official label and the start of none: a wrapped label's later line.
  public func continuesLabel(_ key: String) -> Bool {
    guard key.unicodeScalars.count >= 4 else { return false }
    var inside = false
    for entry in entries {
      if entry.canonical.utf8.starts(with: key.utf8) { return false }
      if !inside, entry.canonical.contains(key) { inside = true }
    }
    return inside
  }

  /// The row the label text `segments` (the text cells since the previous row, oldest
  /// first) names, preferring rows after `previous` and never one in `taken`.
  public func match(segments: [String], after previous: Int, taken: Set<Int>) -> Match? {
    match(
      count: segments.count, key: { LabelText.key(segments[$0]) }, after: previous, isTaken: { taken.contains($0) })
  }

  /// `match(segments:after:taken:)` over `count` segments whose normalised keys
  /// (`LabelText.key`) `key` gives, asked for only as needed.
  func match(count: Int, key: (Int) -> String, after previous: Int, isTaken: (Int) -> Bool) -> Match? {
    let (known, tried) = knownMatch(count: count, key: key, after: previous, isTaken: isTaken)
    if let known { return known }
    guard tried > 0 else { return nil }
    // The row's own label cut short (its rest wrapped below the values) is the start of
    // exactly one official label: that beats any likeness of all the text since the last
    // row joined, where a header repeated after a page break can pull a short label
    // (（六）其他处理) its way.
    if let prefix = wrappedLabelPrefix(key(count - 1), after: previous, isTaken: isTaken) {
      return prefix
    }
    // The row's own label shortened (本年新收申请数量, 5.要求确认或重新出具已获取信息):
    // its characters in order in exactly one official label that starts the same way.
    // This beats likeness of all the text since the last row, where a header cell such as
    // 总计 would pull a short label (（七）总计) its way.
    if let abbreviation = abbreviatedLabel(key(count - 1), after: previous, isTaken: isTaken) {
      return abbreviation
    }
    // The row's own label wrapped over several lines before its values (5.要求行政 / 机关确认或),
    // after the rest of the previous row's label (理由大量反复 / 申请), which likeness of all
    // the text would take for that row.
    if count > 1, let start = wrappedLabelStart(keys: (0..<count).map(key), after: previous, isTaken: isTaken) {
      return start
    }
    let joined = (0..<count).map(key).joined()
    let present = Set(LabelText.bigrams(Array(joined.unicodeScalars)))
    let own = (0..<count).reversed().lazy.map(key).first { !$0.isEmpty } ?? ""
    func score(_ index: Int) -> (index: Int, matched: Int, coverage: Double)? {
      let entry = entries[index]
      guard !isTaken(index), !entry.bigrams.isEmpty else { return nil }
      // A label of two or three characters (总计, 其他) is in much text that names another
      // row (a header's 总计 before 本年新收申请数量, 其他 before 1.申请人无正当理由…):
      // it is liked only where the row's own label cell ends with it.
      if entry.bigrams.count < 3, !own.hasSuffix(entry.canonical) { return nil }
      let matched = entry.bigrams.reduce(0) { $0 + (present.contains($1) ? 1 : 0) }
      let coverage = Double(matched) / Double(entry.bigrams.count)
      return coverage >= Self.threshold ? (index, matched, coverage) : nil
    }
    func better(
      _ candidate: (index: Int, matched: Int, coverage: Double),
      than current: (index: Int, matched: Int, coverage: Double)?
    ) -> Bool {
      guard let current else { return true }
      if candidate.matched != current.matched { return candidate.matched > current.matched }
      if candidate.coverage != current.coverage { return candidate.coverage > current.coverage }
      return candidate.index < current.index
    }
    var best: (index: Int, matched: Int, coverage: Double)?
    for index in entries.indices where index > previous {
      if let candidate = score(index), better(candidate, than: best) { best = candidate }
    }
    // A row out of order only when it is all but certain.
    if best == nil {
      for index in entries.indices where index <= previous {
        if let candidate = score(index), candidate.coverage >= 0.9, better(candidate, than: best) { best = candidate }
      }
    }
    guard let chosen = best else { return nil }
    let kind: Kind =
      chosen.coverage >= 1 && joined.contains(entries[chosen.index].canonical)
      ? .exact : .similar(coverage: chosen.coverage)
    return Match(index: chosen.index, key: entries[chosen.index].key, kind: kind)
  }

  /// The row the last one to three segments name in a known spelling (official, variant
  /// or deviant), and how many segments were tried; no similarity is worked out.
  func knownMatch(count: Int, key: (Int) -> String, after previous: Int, isTaken: (Int) -> Bool) -> (
    Match?, tried: Int
  ) {
    // The row's own label is usually the last cell, or the last few cells of a split
    // label: try those against the known spellings before anything costlier.
    var suffix = ""
    var tried = 0
    for index in (0..<count).reversed() where tried < 3 {
      let key = key(index)
      guard !key.isEmpty else { continue }
      tried += 1
      suffix = key + suffix
      if let form = exactForms[LabelKey(normalized: suffix)], !isTaken(form.index), form.index > previous {
        return (Match(index: form.index, key: entries[form.index].key, kind: form.kind), tried)
      }
    }
    return (nil, tried)
  }

  /// The row one of `pieces` (label text split at spaces, last first) is the start or the
  /// abbreviation of, as the only such row after `previous`: a row's own label beside a
  /// group cell whose lines interleave with it ((六)其他 1.申请人无正当理由逾期不补 处理 正),
  /// which likeness of all the text would take for the group's single-row form.
  public func ownLabel(pieces: [String], after previous: Int, taken: Set<Int>) -> Match? {
    for piece in pieces.reversed() {
      let key = LabelText.key(piece)
      if let match = wrappedLabelPrefix(key, after: previous, isTaken: { taken.contains($0) })
        ?? abbreviatedLabel(key, after: previous, isTaken: { taken.contains($0) })
      {
        return match
      }
    }
    return nil
  }

  /// The row whose label begins with the text of consecutive `pieces` (the label text since
  /// the previous row, split at line ends and spaces, oldest first): a label wrapped over
  /// many lines of a narrow cell, its values beside a middle line, so that only its first
  /// lines come before them — maybe after the rest of the previous row's label and with a
  /// group cell's pieces between or after them (息 / 1. 申请人无正 / 当理由逾期不 / 补正、行政机,
  /// or 1.申请人无正当 / （六). From the last piece back, the first run of pieces that joins
  /// into the start of at least six characters of some row after `previous` decides: it
  /// names that row when it is the only one. A row's label never holds another's start of
  /// six characters, so the previous row's rest does not decide.
  /// A piece that begins with the row's numbering (4.无正当理 beside 处, the rest of a group
  /// cell) needs only four characters of the start of the one row after `previous` so numbered.
  public func wrappedLabelStart(pieces: [String], after previous: Int, isTaken: (Int) -> Bool) -> Match? {
    wrappedLabelStart(
      keys: pieces.map { LabelText.key($0) }, numberings: pieces.map { LabelText.numbering($0) }, after: previous,
      isTaken: isTaken)
  }

  /// `wrappedLabelStart(pieces:after:isTaken:)` over the pieces' normalised keys and the
  /// numerals of their numberings (empty: none known).
  func wrappedLabelStart(keys: [String], numberings: [String]? = nil, after previous: Int, isTaken: (Int) -> Bool)
    -> Match?
  {
    let kept = keys.indices.filter { !keys[$0].isEmpty }
    let numberings = kept.map { numberings?[$0] ?? "" }
    let keys = kept.map { keys[$0] }
    let open = entries.indices.filter { $0 > previous && !isTaken($0) && !entries[$0].canonical.isEmpty }
    guard !keys.isEmpty, !open.isEmpty else { return nil }
    for start in keys.indices.reversed() {
      var joined = ""
      var starting: [Int] = []
      for key in keys[start...] {
        let longer = joined + key
        let still = open.filter { entries[$0].canonical.utf8.starts(with: longer.utf8) }
        if still.isEmpty { break }
        joined = longer
        starting = still
      }
      let length = joined.unicodeScalars.count
      if length < 6, length >= 4, !numberings[start].isEmpty {
        starting = starting.filter { entries[$0].numbering == numberings[start] }
      } else if length < 6 {
        continue
      }
      guard starting.count == 1, let index = starting.first else { return nil }
      let coverage = Double(length) / Double(entries[index].canonical.unicodeScalars.count)
      return Match(index: index, key: entries[index].key, kind: .similar(coverage: coverage))
    }
    return nil
  }

  /// The row whose label begins with `key` when only one row after `previous` does: the
  /// first line of a label wrapped over lines, its values printed beside the middle of the
  /// cell, so that the rest of the label comes after them. At least six characters, so a
  /// fragment never decides between rows.
  /// The one row after `previous` whose official label holds every character of `key` in
  /// order and starts with the same two characters, when `key` (at least six characters)
  /// leaves characters out: an abbreviated label.
  private func abbreviatedLabel(_ key: String, after previous: Int, isTaken: (Int) -> Bool) -> Match? {
    let scalars = Array(key.unicodeScalars)
    guard scalars.count >= 6 else { return nil }
    var found: (index: Int, coverage: Double)?
    for index in entries.indices where index > previous && !isTaken(index) {
      let canonical = Array(entries[index].canonical.unicodeScalars)
      guard canonical.count > scalars.count,
        canonical[0] == scalars[0], canonical[1] == scalars[1]
      else { continue }
      var position = 0
      for scalar in canonical where position < scalars.count && scalar == scalars[position] { position += 1 }
      guard position == scalars.count else { continue }
      guard found == nil else { return nil }
      found = (index, Double(scalars.count) / Double(canonical.count))
    }
    guard let found else { return nil }
    return Match(index: found.index, key: entries[found.index].key, kind: .similar(coverage: found.coverage))
  }

  private func wrappedLabelPrefix(_ key: String, after previous: Int, isTaken: (Int) -> Bool) -> Match? {
    let length = key.unicodeScalars.count
    guard length >= 6 else { return nil }
    var found: Int?
    for index in entries.indices where index > previous && !isTaken(index) {
      let canonical = entries[index].canonical
      guard canonical.utf8.count > key.utf8.count, canonical.utf8.starts(with: key.utf8) else { continue }
      guard found == nil else { return nil }
      found = index
    }
    guard let index = found else { return nil }
    let coverage = Double(length) / Double(entries[index].canonical.unicodeScalars.count)
    return Match(index: index, key: entries[index].key, kind: .similar(coverage: coverage))
  }

}
