import Foundation

/// Drops the lines of a printed web page that are not part of the report (the `lines`
/// rules of Models/web-furniture.json), recording each as a `page_furniture` repair.
///
/// Inside the report a line must match a rule fully (its minimum of different matches, no
/// sentence punctuation), so report text that uses the same words stays. Before the
/// report's title line and after its signing date nothing is report text, so one match or
/// one furniture marker is enough there.
struct FurnitureFilter: Sendable {
  private struct Rule: @unchecked Sendable {
    // NSRegularExpression is immutable once built and safe to share between threads.
    let id: String
    let regex: NSRegularExpression
    let minimum: Int
    let maxLength: Int
    let requires: [String]
    let excludes: [String]
    let tabs: Bool
  }

  private let rules: [Rule]
  /// Markers of furniture outside the report, without spaces (PDF text may space them out).
  private let outsideMarkers: [String]
  /// The longest line any rule looks at, in UTF-8 bytes (a quick screen).
  private let longest: Int
  /// How far from the end the signing date is looked for, in non-blank lines.
  private let tailReach = 16
  /// How far from the start the title line is looked for, in non-blank lines.
  private let headReach = 40

  /// Prepares the catalog's rules; a rule whose pattern does not compile is left out
  /// (the model tests catch it).
  init(rules: [FurnitureRule], outsideMarkers: [String] = []) {
    self.rules = rules.compactMap { rule in
      guard let regex = try? NSRegularExpression(pattern: rule.pattern) else { return nil }
      return Rule(
        id: rule.id, regex: regex, minimum: rule.minimum ?? 1, maxLength: rule.maxLength ?? 80,
        requires: rule.requires ?? [], excludes: rule.excludes ?? [], tabs: rule.tabs ?? false)
    }
    self.outsideMarkers = outsideMarkers.map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
    longest = (self.rules.map(\.maxLength).max() ?? 0) * 4
  }

  /// The id of the rule `line` falls under, or nil when it is part of the report.
  /// `outside`: the line lies before the report's title or after its signing date.
  func furniture(_ line: DocumentLine, outside: Bool = false) -> String? {
    guard !line.isBlank, line.text.utf8.count <= longest else { return nil }
    let text = String(line.text)
    let length = text.count
    for rule in rules where length <= rule.maxLength && (rule.tabs || !line.hasTab) {
      guard rule.requires.isEmpty || rule.requires.contains(where: { text.contains($0) }),
        !rule.excludes.contains(where: { text.contains($0) })
      else { continue }
      let range = NSRange(text.startIndex..., in: text)
      let minimum = outside ? 1 : rule.minimum
      if minimum <= 1 {
        if rule.regex.firstMatch(in: text, range: range) != nil { return rule.id }
      } else {
        var seen = Set<String>()
        for match in rule.regex.matches(in: text, range: range) {
          if let found = Range(match.range, in: text) {
            seen.insert(String(text[found]).filter { !$0.isWhitespace })
          }
        }
        if seen.count >= minimum { return rule.id }
      }
    }
    if outside, length <= 120, !text.contains("。") {
      let compact = text.filter { !$0.isWhitespace }
      if outsideMarkers.contains(where: { compact.contains($0) }) { return "outside_report" }
    }
    return nil
  }

  /// `lines` without page furniture; each line dropped is recorded in `repairs`.
  func removing(from lines: [DocumentLine], repairs: inout [Repair]) -> [DocumentLine] {
    guard !rules.isEmpty else { return lines }
    var found: [String?] = lines.map { furniture($0) }
    if let title = titleIndex(lines, found: found) {
      for index in 0..<title where found[index] == nil {
        found[index] = furniture(lines[index], outside: true)
      }
    }
    // After the signing date (the last line that is only a date), every line up to the
    // end must be furniture, else the date is not the report's end.
    var tail: [(Int, String)] = []
    var seen = 0
    for index in lines.indices.reversed() where found[index] == nil && !lines[index].isBlank {
      seen += 1
      if seen > tailReach { break }
      if DateReader.isoDate(line: String(lines[index].text)) != nil {
        for (at, id) in tail { found[at] = id }
        break
      }
      guard let id = furniture(lines[index], outside: true) else { break }
      tail.append((index, id))
    }
    var kept: [DocumentLine] = []
    kept.reserveCapacity(lines.count)
    for (line, id) in zip(lines, found) {
      if let id {
        repairs.append(
          Repair(kind: "page_furniture", detail: "\(id): removed \(line.trimmed.prefix(40))", line: line.number))
      } else {
        kept.append(line)
      }
    }
    return kept
  }

  /// The report's title line: the first line near the top naming a year and a 报告, with
  /// no field colon and no tab; nil when the report's prose starts first.
  private func titleIndex(_ lines: [DocumentLine], found: [String?]) -> Int? {
    var seen = 0
    for index in lines.indices where found[index] == nil && !lines[index].isBlank {
      seen += 1
      if seen > headReach { return nil }
      let text = String(lines[index].text)
      if text.contains("。") { return nil }
      guard !lines[index].hasTab, !text.contains("："), !text.contains(":"), text.count <= 60,
        text.contains("报告"), MetaReader.year(inTitle: text) != nil
      else { continue }
      let trimmed = text.drop { $0.isWhitespace }
      if trimmed.hasPrefix("本报告") || trimmed.hasPrefix("根据") { return nil }
      return index
    }
    return nil
  }
}
