/// Reconciles a scan's readings of the reporting body's name. The name is printed several
/// times (the title, the opening paragraph, the closing paragraph, the signature) and OCR
/// misreads one occurrence and not another (白沙县 read 白沙有 in the title's large type
/// only). The title's reading is checked against the others; a reading that most
/// occurrences agree on replaces it, and where they disagree and the title's reading is not
/// a plausible name, the name is not printed (a finding says why).
struct AgencyReadings: Sendable {
  /// What the readings say about the title's agency.
  enum Verdict: Equatable, Sendable {
    /// The title's reading stands.
    case kept
    /// Most occurrences read the name as this, not as the title does.
    case corrected(String)
    /// The title's reading is in doubt: the readings disagree with no majority, or the
    /// name is not well formed. `withheld` when both: the name is not printed.
    case doubtful(withheld: Bool)
  }

  /// The title's reading of the name.
  var title: String
  /// The other occurrences' readings that are the same name (the same first and last
  /// character, one or two characters misread), in text order.
  var others: [String]
  /// Where no other occurrence shares the title's first character: the readings of the name
  /// with its first character alone different (虱江区人民政府 in the title, 临江区人民政府 in
  /// the text), in text order.
  var firstCharacterVariants: [String] = []

  /// How a well-formed name is built.
  var names: AgencyNameParts

  /// The readings of `agency` in `texts` (the body's paragraphs and the signature line),
  /// judged by how the catalog's names are built.
  init(agency: String, texts: [String], names: AgencyNameParts = TemplateCatalog.standard.agencyNames) {
    title = agency
    self.names = names
    let name = Array(agency)
    others = texts.flatMap { Self.occurrences(of: name, in: Array($0)) }
    if others.isEmpty, Self.misreadLimit(name.count) > 0 {
      firstCharacterVariants = texts.flatMap { Self.firstCharacterVariants(of: name, in: Array($0)) }
    }
  }

  /// The verdict: a reading other than the title's that more than half of all readings
  /// (two at least) share, is one misreading away from it and is plausible, corrects it;
  /// readings that disagree with no majority for the title's, or a name that is not well
  /// formed, are doubtful.
  var verdict: Verdict {
    let all = [title] + others
    var counts: [String: Int] = [:]
    for reading in all { counts[reading, default: 0] += 1 }
    if let (best, count) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
      best != title, count >= 2, count * 2 > all.count, names.isWellFormed(best),
      Self.distance(Array(best), Array(title), limit: 1) <= 1
    {
      return .corrected(best)
    }
    // The text names the body two or more times, always with another first character, and
    // never as the title does: the title's first character is in doubt. Not corrected: the
    // text may name a neighbour (东城区 in a report of 西城区's).
    if others.isEmpty, firstCharacterVariants.count >= 2, Set(firstCharacterVariants).count == 1 {
      return .doubtful(withheld: false)
    }
    let plausible = names.isWellFormed(title)
    let agreeing = counts[title, default: 0]
    if agreeing == all.count { return plausible ? .kept : .doubtful(withheld: false) }
    if agreeing * 2 > all.count, plausible { return .kept }
    return .doubtful(withheld: !plausible)
  }

  /// The readings the verdict weighed, for a finding's message.
  var summary: String {
    var seen: [String] = []
    for reading in others + firstCharacterVariants where reading != title && !seen.contains(reading) {
      seen.append(reading)
    }
    return seen.joined(separator: "、")
  }

  /// How many characters of a name of `length` may be misread in another occurrence: one,
  /// two from eight characters on; none below four (a short name like 东木镇 is too near its
  /// neighbours' names).
  static func misreadLimit(_ length: Int) -> Int {
    length >= 8 ? 2 : length >= 4 ? 1 : 0
  }

  /// The windows of `text` that read as `name` with at most the misread limit of changes,
  /// the same first and last character and a length within one: the best window at each
  /// place, none overlapping.
  static func occurrences(of name: [Character], in text: [Character]) -> [String] {
    let limit = misreadLimit(name.count)
    guard let first = name.first, let last = name.last, text.count >= name.count - 1 else { return [] }
    var candidates: [(start: Int, end: Int, distance: Int)] = []
    for start in text.indices where text[start] == first {
      for length in max(2, name.count - 1)...(name.count + 1) {
        let end = start + length
        guard end <= text.count, text[end - 1] == last else { continue }
        let distance = Self.distance(Array(text[start..<end]), name, limit: limit)
        if distance <= limit { candidates.append((start, end, distance)) }
      }
    }
    candidates.sort { ($0.distance, $0.start) < ($1.distance, $1.start) }
    var taken: [(start: Int, end: Int)] = []
    for candidate in candidates where !taken.contains(where: { candidate.start < $0.end && $0.start < candidate.end }) {
      taken.append((candidate.start, candidate.end))
    }
    return taken.sorted { $0.start < $1.start }.map { String(text[$0.start..<$0.end]) }
  }

  /// The windows of `text` that are `name` but for its first character, which differs.
  static func firstCharacterVariants(of name: [Character], in text: [Character]) -> [String] {
    guard let first = name.first, name.count >= 2, text.count >= name.count else { return [] }
    let rest = name.dropFirst()
    var found: [String] = []
    var start = 1
    while start + rest.count <= text.count {
      if text[start..<(start + rest.count)].elementsEqual(rest), text[start - 1] != first {
        found.append(String(text[(start - 1)..<(start + rest.count)]))
        start += rest.count
      } else {
        start += 1
      }
    }
    return found
  }

  /// The edit distance of two short strings, or `limit + 1` once it is beyond `limit`.
  static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    guard abs(a.count - b.count) <= limit else { return limit + 1 }
    var previous = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...max(1, b.count) where !b.isEmpty {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
      }
      guard current.min() ?? 0 <= limit else { return limit + 1 }
      previous = current
    }
    return min(previous[b.count], limit + 1)
  }
}
