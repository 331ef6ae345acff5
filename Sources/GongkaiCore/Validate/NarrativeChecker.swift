import Foundation

/// Finds figures the narrative states (Models/narrative-figures.json) and checks them
/// against the tables: "共办理…申请10件" under a table whose total is 0 is a
/// `narrative_mismatch`.
final class NarrativeChecker: @unchecked Sendable {
  // NSRegularExpression is immutable once built and safe to share between threads.
  private let rules: [(rule: NarrativeFigureRule, regex: NSRegularExpression)]
  private let keywords: [String]

  init(catalog: TemplateCatalog) {
    rules = catalog.narrativeFigures.compactMap { rule in
      (try? NSRegularExpression(pattern: rule.pattern)).map { (rule, $0) }
    }
    // A sentence is looked at only if some rule could apply to it (its `requires` words).
    keywords = Array(Set(catalog.narrativeFigures.flatMap { $0.requires ?? [] })).sorted()
  }

  /// The contradictions between the narrative sections of `report` and its tables.
  func findings(for report: Report) -> [Finding] {
    var findings: [Finding] = []
    var seen = Set<String>()
    for (key, text) in report.sections.all {
      guard let text, keywords.contains(where: { text.containsText($0) }) else { continue }
      for sentence in Self.sentences(text, containingAnyOf: keywords) {
        let range = NSRange(sentence.startIndex..., in: sentence)
        let hasDigit = sentence.utf8.contains(where: { (48...57).contains($0) })
        for (rule, regex) in rules where rule.value != nil || hasDigit {
          if let words = rule.requires, !words.contains(where: { sentence.containsText($0) }) { continue }
          guard let match = regex.firstMatch(in: sentence, range: range) else { continue }
          let figure: Int?
          if let value = rule.value {
            figure = value
          } else if match.numberOfRanges > 1, let group = Range(match.range(at: 1), in: sentence) {
            figure = Int(sentence[group])
          } else {
            figure = nil
          }
          guard let figure else { continue }
          let alternatives = rule.compare.compactMap { paths in Self.sum(paths, in: report) }
          guard !alternatives.isEmpty else { continue }
          // One statement per sentence: the first rule that reads a figure in it decides.
          guard !alternatives.contains(where: { $0.value == figure }) else { break }
          let identity = "\(rule.id)|\(key)|\(figure)"
          guard seen.insert(identity).inserted else { continue }
          let matched = Range(match.range, in: sentence).map { String(sentence[$0]) } ?? sentence
          let tables = alternatives.map { "\($0.paths) = \($0.value)" }.joined(separator: "; ")
          findings.append(
            Finding(
              rule: "narrative_mismatch", severity: .warning, location: "sections.\(key)",
              message: "the text says \(rule.what) = \(figure) (“\(matched)”), but the tables give \(tables)"))
          break
        }
      }
    }
    return findings
  }

  /// The sentences of a section (split at 。；！？ and line breaks) that mention one of
  /// `keywords`, found on the UTF-8 bytes; the others are never copied out.
  static func sentences(_ text: String, containingAnyOf keywords: [String]) -> [String] {
    var text = text
    let patterns = keywords.map { Array($0.utf8) }
    return text.withUTF8 { bytes in
      var result: [String] = []
      var start = 0
      func take(_ end: Int) {
        guard end > start else { return }
        let sentence = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if patterns.contains(where: { contains(sentence, $0) }) {
          result.append(String(decoding: sentence, as: UTF8.self))
        }
      }
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        var stop = 0
        if byte == 10 || byte == 59 || byte == 33 || byte == 63 {
          stop = 1  // \n ; ! ?
        } else if index + 2 < bytes.count {
          let (second, third) = (bytes[index + 1], bytes[index + 2])
          // 。 E3 80 82, ； EF BC 9B, ！ EF BC 81, ？ EF BC 9F
          if (byte == 0xE3 && second == 0x80 && third == 0x82)
            || (byte == 0xEF && second == 0xBC && (third == 0x9B || third == 0x81 || third == 0x9F))
          {
            stop = 3
          }
        }
        if stop > 0 {
          take(index)
          index += stop
          start = index
        } else {
          index += 1
        }
      }
      take(bytes.count)
      return result
    }
  }

  /// Whether `pattern` occurs in `bytes`.
  private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8]) -> Bool {
    guard let first = pattern.first, bytes.count >= pattern.count else { return false }
    var index = 0
    while index <= bytes.count - pattern.count {
      if bytes[index] == first {
        var matched = 1
        while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
        if matched == pattern.count { return true }
      }
      index += 1
    }
    return false
  }

  /// The sum of the cells at `paths` (e.g. `requests.new.total`), nil when a path is not
  /// in this report's form or a cell is null.
  static func sum(_ paths: [String], in report: Report) -> (paths: String, value: Int)? {
    var total = 0
    for path in paths {
      let parts = path.split(separator: ".").map(String.init)
      guard parts.count == 3, let table = report.table(named: parts[0]),
        let cell = table.cell(parts[1], parts[2]), let value = cell?.count
      else { return nil }
      total += value
    }
    return (paths.joined(separator: " + "), total)
  }
}
