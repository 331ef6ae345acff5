import Foundation

/// Drops the lines of a printed web page that are not part of the report (the rules of
/// Models/page-furniture.json), recording each as a `page_furniture` repair.
///
/// A portal's furniture sits above the report and below its signature, so only the first
/// lines and the lines after the last one that is not furniture are looked at; the
/// browser's header and footer between pages are repeated lines the PDF layout removes.
/// Lines are screened on their bytes for the rules' required words before any regular
/// expression runs: every report's first and last lines pass through here.
struct FurnitureFilter: Sendable {
  private struct Rule: @unchecked Sendable {
    // NSRegularExpression is immutable once built and safe to share between threads.
    let id: String
    let regex: NSRegularExpression
    let minimum: Int
    let maxLength: Int
    /// Indices into `words` of the rule's required words.
    let requires: [Int]
  }

  private let rules: [Rule]
  /// Every required word of every rule, as UTF-8.
  private let words: [[UInt8]]
  /// For each first byte, the indices of the words that start with it.
  private let wordsByFirstByte: [[Int]]
  /// Whether some word starts with the two bytes `first << 8 | second` (or is the single
  /// byte `first`, for every `second`): a flat table checked before the word lists.
  private let startsWord: [Bool]
  /// The longest line any rule looks at, in UTF-8 bytes (a quick screen).
  private let longest: Int
  /// How many non-blank lines at the start of a document are looked at.
  var headLines = 12

  /// Prepares the catalog's rules; a rule whose pattern does not compile is left out
  /// (the model tests catch it).
  init(rules: [FurnitureRule]) {
    var words: [[UInt8]] = []
    self.rules = rules.compactMap { rule in
      guard let regex = try? NSRegularExpression(pattern: rule.pattern) else { return nil }
      let requires = (rule.requires ?? []).map { word in
        words.append(Array(word.utf8))
        return words.count - 1
      }
      return Rule(
        id: rule.id, regex: regex, minimum: rule.minimum ?? 1, maxLength: rule.maxLength ?? 80, requires: requires)
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

  /// The id of the rule `line` falls under, or nil when it is part of the report.
  func furniture(_ line: DocumentLine) -> String? {
    guard !line.hasTab, !line.isBlank, line.text.utf8.count <= longest else { return nil }
    let present = presentWords(line.text)
    guard present != 0 else { return nil }
    let text = String(line.text)
    let length = text.count
    for rule in rules where length <= rule.maxLength {
      guard rule.requires.isEmpty || rule.requires.contains(where: { $0 < 64 && present & (1 << UInt64($0)) != 0 })
      else { continue }
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

  /// `lines` without the page furniture at their start and end; each line dropped is
  /// recorded in `repairs`.
  func removing(from lines: [DocumentLine], repairs: inout [Repair]) -> [DocumentLine] {
    guard !rules.isEmpty, !lines.isEmpty else { return lines }
    var drop: [Int: String] = [:]
    // The first lines: banner, navigation, breadcrumb, the title among them, publication line.
    var seen = 0
    for index in lines.indices where !lines[index].isBlank {
      // Furniture sits above the report: its first section ends the search.
      if lines[index].trimmed.hasPrefix("一、") { break }
      if let id = furniture(lines[index]) { drop[index] = id }
      seen += 1
      if seen >= headLines { break }
    }
    // The last lines, up to the first from the end that is not furniture.
    var index = lines.count - 1
    while index >= 0, drop[index] == nil {
      if !lines[index].isBlank {
        guard let id = furniture(lines[index]) else { break }
        drop[index] = id
      }
      index -= 1
    }
    guard !drop.isEmpty else { return lines }
    for (index, id) in drop.sorted(by: { $0.key < $1.key }) {
      repairs.append(
        Repair(
          kind: "page_furniture", detail: "\(id): removed \(lines[index].trimmed.prefix(40))", line: lines[index].number
        ))
    }
    return lines.enumerated().filter { drop[$0.offset] == nil }.map(\.element)
  }
}
