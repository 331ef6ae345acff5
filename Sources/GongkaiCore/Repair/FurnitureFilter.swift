import Foundation

/// Drops the lines of a printed web page that are not part of the report (the rules of
/// Models/page-furniture.json), recording each as a `page_furniture` repair.
struct FurnitureFilter: Sendable {
  private struct Rule: @unchecked Sendable {
    // NSRegularExpression is immutable once built and safe to share between threads.
    let id: String
    let regex: NSRegularExpression
    let minimum: Int
    let maxLength: Int
    let requires: [String]
  }

  private let rules: [Rule]
  /// The longest line any rule looks at, in UTF-8 bytes (a quick screen).
  private let longest: Int

  /// Prepares the catalog's rules; a rule whose pattern does not compile is left out
  /// (the model tests catch it).
  init(rules: [FurnitureRule]) {
    self.rules = rules.compactMap { rule in
      guard let regex = try? NSRegularExpression(pattern: rule.pattern) else { return nil }
      return Rule(
        id: rule.id, regex: regex, minimum: rule.minimum ?? 1, maxLength: rule.maxLength ?? 80,
        requires: rule.requires ?? [])
    }
    longest = (self.rules.map(\.maxLength).max() ?? 0) * 4
  }

  /// The id of the rule `line` falls under, or nil when it is part of the report.
  func furniture(_ line: DocumentLine) -> String? {
    guard !line.hasTab, !line.isBlank, line.text.utf8.count <= longest else { return nil }
    let text = String(line.text)
    let length = text.count
    for rule in rules where length <= rule.maxLength {
      guard rule.requires.isEmpty || rule.requires.contains(where: { text.contains($0) }) else { continue }
      let range = NSRange(text.startIndex..., in: text)
      if rule.minimum <= 1 {
        if rule.regex.firstMatch(in: text, range: range) != nil { return rule.id }
      } else {
        var seen = Set<String>()
        for match in rule.regex.matches(in: text, range: range) {
          if let found = Range(match.range, in: text) {
            seen.insert(String(text[found]).filter { !$0.isWhitespace })
          }
        }
        if seen.count >= rule.minimum { return rule.id }
      }
    }
    return nil
  }

  /// `lines` without page furniture; each line dropped is recorded in `repairs`.
  func removing(from lines: [DocumentLine], repairs: inout [Repair]) -> [DocumentLine] {
    guard !rules.isEmpty else { return lines }
    return lines.filter { line in
      guard let id = furniture(line) else { return true }
      repairs.append(
        Repair(kind: "page_furniture", detail: "\(id): removed \(line.trimmed.prefix(40))", line: line.number))
      return false
    }
  }
}
