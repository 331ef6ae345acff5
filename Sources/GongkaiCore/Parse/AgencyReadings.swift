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

  /// The readings of `agency` in `texts` (the body's paragraphs and the signature line).
  init(agency: String, texts: [String]) {
    title = agency
    let name = Array(agency)
    others = texts.flatMap { Self.occurrences(of: name, in: Array($0)) }
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
      best != title, count >= 2, count * 2 > all.count, Self.isPlausible(best),
      Self.distance(Array(best), Array(title), limit: 1) <= 1
    {
      return .corrected(best)
    }
    let plausible = Self.isPlausible(title)
    let agreeing = counts[title, default: 0]
    if agreeing == all.count { return plausible ? .kept : .doubtful(withheld: false) }
    if agreeing * 2 > all.count, plausible { return .kept }
    return .doubtful(withheld: !plausible)
  }

  /// The readings the verdict weighed, for a finding's message.
  var summary: String {
    var seen: [String] = []
    for reading in others where reading != title && !seen.contains(reading) { seen.append(reading) }
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

  /// Whether a name is well formed: where it ends with an office of government (人民政府,
  /// 教育局 …), what comes before names an administrative unit (…县, …镇, …街道). A misread
  /// unit (清河有具人民政府, 白沙有市场监督管理局) is not.
  static func isPlausible(_ name: String) -> Bool {
    guard let office = Self.offices.filter({ name.hasSuffix($0) }).max(by: { $0.count < $1.count }) else {
      return true
    }
    let unit = name.dropLast(office.count)
    return unit.isEmpty || Self.unitSuffixes.contains { unit.hasSuffix($0) }
  }

  /// Offices of government that follow the name of an administrative unit.
  static let offices = [
    "人民政府", "人民政府办公室", "人民政府办公厅", "市场监督管理局", "教育局", "财政局", "民政局", "司法局",
    "审计局", "统计局", "商务局", "水利局", "卫生健康局", "卫生健康委员会", "发展和改革委员会", "自然资源局",
    "生态环境局", "交通运输局", "农业农村局", "应急管理局", "医疗保障局", "住房和城乡建设局",
    "人力资源和社会保障局", "文化和旅游局", "退役军人事务局", "行政审批局", "自然资源厅", "交通运输厅",
  ]

  /// How the name of an administrative unit ends.
  static let unitSuffixes = ["省", "市", "县", "区", "旗", "州", "盟", "镇", "乡", "街道", "自治区", "特区", "林区"]
}
