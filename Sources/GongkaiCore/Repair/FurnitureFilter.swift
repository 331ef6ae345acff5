import Foundation

/// Drops the lines of a printed web page that are not part of the report (the `lines`
/// rules of Models/web-furniture.json), recording each as a `page_furniture` repair.
///
/// A portal's furniture sits around the report: above it (banner, navigation, breadcrumb,
/// catalogue box, publication line — up to the report's first sentence or first section)
/// and below its signing date (tools, share links, site footer). Only those lines are
/// looked at, so the report's own text is never touched; the browser's header and footer
/// between pages are repeated lines the PDF layout removes. Before the title line, between
/// it and the first sentence, and after the signing date one match of a rule or one
/// furniture marker is enough; where no title or signing date marks the edge, a line must
/// match a rule in full (its minimum of different matches, no sentence punctuation).
/// Lines are screened on their bytes for the rules' required words before any regular
/// expression runs: every report's first and last lines pass through here.
struct FurnitureFilter: Sendable {
  /// Where a line lies.
  enum Zone {
    /// Between the report's title and its end: full matches of the rules that apply inside.
    case inside
    /// Before the report's text or after it, where no title or signing date marks the edge:
    /// full matches of every rule.
    case edge
    /// Before the title line, up to the first sentence, or after the signing date: one
    /// match or one marker.
    case outside
  }

  private struct Rule: Sendable {
    let id: String
    /// Compiled on first use: most lines never pass the required-word screen.
    let expression: LazyExpression
    let minimum: Int
    let maxLength: Int
    /// Indices into `words` of the rule's required words.
    let requires: [Int]
    let excludes: [String]
    let tabs: Bool
    let inside: Bool
  }

  private let rules: [Rule]
  /// Every required word of every rule, as UTF-8.
  private let words: [[UInt8]]
  /// For each first byte, the indices of the words that start with it.
  private let wordsByFirstByte: [[Int]]
  /// Whether some word starts with the two bytes `first << 8 | second` (or is the single
  /// byte `first`, for every `second`): a flat table checked before the word lists.
  private let startsWord: [Bool]
  /// Markers of furniture outside the report, as UTF-8 without spaces (PDF text may space
  /// them out).
  private let outsideMarkers: [[UInt8]]
  /// The longest line any rule looks at, in UTF-8 bytes (a quick screen).
  private let longest: Int
  /// How far from the end the signing date is looked for, in non-blank lines.
  var tailLines = 16
  /// How far from the start the report's first sentence is looked for, in non-blank lines.
  var headLines = 30
  /// A line of at most this many characters among furniture after the signing date is a
  /// piece of it.
  var maximumPiece = 2

  /// Prepares the catalog's rules; a rule whose pattern does not compile never matches
  /// (the model tests catch it).
  init(rules: [FurnitureRule], outsideMarkers: [String] = []) {
    var words: [[UInt8]] = []
    self.rules = rules.map { rule in
      let requires = (rule.requires ?? []).map { word in
        words.append(Array(word.utf8))
        return words.count - 1
      }
      return Rule(
        id: rule.id, expression: LazyExpression(rule.pattern), minimum: rule.minimum ?? 1,
        maxLength: rule.maxLength ?? 80, requires: requires,
        excludes: rule.excludes ?? [], tabs: rule.tabs ?? false, inside: rule.inside ?? true)
    }
    var byFirst = [[Int]](repeating: [], count: 256)
    for (index, word) in words.enumerated() where !word.isEmpty { byFirst[Int(word[0])].append(index) }
    self.words = words
    wordsByFirstByte = byFirst
    var starts = [Bool](repeating: false, count: 65536)
    for word in words where !word.isEmpty {
      if word.count == 1 {
        for second in 0..<256 { starts[Int(word[0]) << 8 | second] = true }
      } else {
        starts[Int(word[0]) << 8 | Int(word[1])] = true
      }
    }
    startsWord = starts
    self.outsideMarkers = outsideMarkers.map { Array($0.filter { !$0.isWhitespace }.utf8) }.filter { !$0.isEmpty }
    longest = (self.rules.map(\.maxLength).max() ?? 0) * 4
  }

  /// The required words present in `line`, one bit per word index (0 when none; words
  /// past the 64th are never looked for — the model test keeps them fewer).
  private func presentWords(_ line: Substring) -> UInt64 {
    var text = line
    return text.withUTF8 { bytes -> UInt64 in
      var found: UInt64 = 0
      for start in 0..<bytes.count {
        let next = start + 1 < bytes.count ? Int(bytes[start + 1]) : 0
        guard startsWord[Int(bytes[start]) << 8 | next] else { continue }
        for index in wordsByFirstByte[Int(bytes[start])] {
          let word = words[index]
          guard start + word.count <= bytes.count else { continue }
          var equal = true
          for offset in 1..<max(word.count, 1) where bytes[start + offset] != word[offset] {
            equal = false
            break
          }
          if equal, index < 64 { found |= 1 << UInt64(index) }
        }
      }
      return found
    }
  }

  /// The id of the rule `line` falls under in `zone`, or nil when it is part of the report.
  func furniture(_ line: DocumentLine, zone: Zone = .inside) -> String? {
    guard !line.isBlank, line.text.utf8.count <= longest else { return nil }
    let outside = zone == .outside
    let present = presentWords(line.text)
    guard present != 0 || outside else { return nil }
    let text = String(line.text)
    let length = text.count
    for rule in rules
    where length <= rule.maxLength && (rule.tabs || !line.hasTab) && (rule.inside || zone != .inside) {
      guard rule.requires.isEmpty || rule.requires.contains(where: { $0 < 64 && present & (1 << UInt64($0)) != 0 }),
        !rule.excludes.contains(where: { text.contains($0) })
      else { continue }
      let minimum = outside ? 1 : rule.minimum
      if minimum <= 1 {
        if rule.expression.firstMatch(in: text) != nil { return rule.id }
      } else {
        var seen = Set<String>()
        for match in rule.expression.matches(in: text) {
          seen.insert(String(text[match.range]).filter { !$0.isWhitespace })
        }
        if seen.count >= minimum { return rule.id }
      }
    }
    // Outside the report a footer's fields may stand in columns (a scan reads 主办单位… and
    // 网站标识码… as two cells): tabs there are no table's.
    if outside, length <= 120 {
      // A scan or a PDF may give a field's colon as ASCII (主办单位: for 主办单位：).
      let compact = Array(text.filter { !$0.isWhitespace }.replacingOccurrences(of: ":", with: "：").utf8)
      // One marker in a sentence may be the report's; a line holding two is a site's footer
      // even with a 。 in it (a scan reads the footer's separator dots · as 。).
      let markers = outsideMarkers.filter { Self.occurs($0, in: compact) }.count
      if markers >= (text.contains("。") ? 2 : 1) { return "outside_report" }
    }
    return nil
  }

  /// Whether `needle` occurs in `bytes`.
  private static func occurs(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
    guard let first = needle.first, needle.count <= bytes.count else { return false }
    var start = 0
    while start + needle.count <= bytes.count {
      if bytes[start] == first {
        var offset = 1
        while offset < needle.count, bytes[start + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      start += 1
    }
    return false
  }

  /// `lines` without the page furniture around the report; each line dropped is recorded
  /// in `repairs`.
  func removing(from lines: [DocumentLine], repairs: inout [Repair]) -> [DocumentLine] {
    guard !rules.isEmpty, !lines.isEmpty else { return lines }
    var found: [Int: String] = [:]
    let (end, title) = head(lines)
    for index in 0..<end where index != title {
      if let id = furniture(lines[index], zone: title == nil ? .edge : .outside) { found[index] = id }
    }
    // After the signing date (the last line that is only a date), every line up to the
    // end must be furniture, else the date is not the report's end. Without a date, the
    // last lines are dropped from the first that fully matches a rule (【打印】【关闭】, a
    // site footer) on, when all below it are furniture.
    // A line of a character or two between such lines is a piece of one (热线 wrapped, 线
    // alone on the next line): furniture when furniture stands above it, or the date with
    // furniture below.
    var tail: [(index: Int, id: String, strong: Bool)] = []
    var pieces: [Int] = []
    var seen = 0
    var signed = false
    for index in lines.indices.reversed() where index >= end && !lines[index].isBlank {
      seen += 1
      if seen > tailLines { break }
      if DateReader.isoDate(line: String(lines[index].text)) != nil {
        signed = true
        break
      }
      guard let id = furniture(lines[index], zone: .outside) else {
        guard lines[index].text.filter({ !$0.isWhitespace }).count <= maximumPiece else { break }
        pieces.append(index)
        continue
      }
      tail += pieces.map { ($0, "outside_report", false) }
      pieces = []
      tail.append((index, id, false))
    }
    if signed, !tail.isEmpty { tail += pieces.map { ($0, "outside_report", false) } }
    if !signed {
      for position in tail.indices where !tail[position].strong {
        tail[position].strong = furniture(lines[tail[position].index], zone: .edge) != nil
      }
      if let strong = tail.lastIndex(where: \.strong) {
        tail.removeSubrange((strong + 1)...)
      } else {
        tail = []
      }
    }
    for entry in tail { found[entry.index] = entry.id }
    guard !found.isEmpty else { return lines }
    for (index, id) in found.sorted(by: { $0.key < $1.key }) {
      repairs.append(
        Repair(
          kind: "page_furniture", detail: "\(id): removed \(lines[index].trimmed.prefix(40))", line: lines[index].number
        ))
    }
    return lines.enumerated().filter { found[$0.offset] == nil }.map(\.element)
  }

  /// Where the lines above the report end (its first sentence or first section, at most
  /// `headLines` non-blank lines down) and its title line among them: the first line naming
  /// a year and a 报告, with no field colon and no tab.
  private func head(_ lines: [DocumentLine]) -> (end: Int, title: Int?) {
    var seen = 0
    var title: Int?
    for index in lines.indices where !lines[index].isBlank {
      seen += 1
      if seen > headLines { return (index, title) }
      let bytes = Array(lines[index].text.utf8)
      let trimmed = lines[index].text.drop { $0.isWhitespace }
      if Self.occurs(Self.fullStop, in: bytes) || trimmed.hasPrefix("一、") || trimmed.hasPrefix("本报告")
        || trimmed.hasPrefix("根据")
      {
        return (index, title)
      }
      if title == nil, !lines[index].hasTab, !bytes.contains(UInt8(ascii: ":")), !Self.occurs(Self.colon, in: bytes),
        bytes.count <= 180, Self.occurs(Self.report, in: bytes),
        MetaReader.year(inTitle: String(lines[index].text)) != nil,
        !MetaReader.namesSeveralReports(String(lines[index].text))
      {
        title = index
      }
    }
    return (lines.count, title)
  }

  private static let fullStop = Array("。".utf8)
  private static let colon = Array("：".utf8)
  private static let report = Array("报告".utf8)
}
