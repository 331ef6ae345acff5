import Foundation

/// Finds figures the narrative states (Models/narrative-figures.json) and checks them
/// against the tables: "共办理…申请10件" under a table whose total is 0 is a
/// `narrative_mismatch`.
final class NarrativeChecker: @unchecked Sendable {
  /// A rule with its expression (compiled on first use) and its `requires` words as bits
  /// of `keywords`.
  private final class CompiledRule {
    let rule: NarrativeFigureRule
    let expression: LazyExpression
    /// Bits of the keywords a sentence needs one of (all bits when the rule names none).
    let requiredMask: UInt64
    /// `rule.compare` with each path split into table, row and column once.
    let alternatives: [(text: String, cells: [(table: String, row: String, column: String)]?)]

    init(rule: NarrativeFigureRule, requiredMask: UInt64) {
      self.rule = rule
      expression = LazyExpression(rule.pattern)
      self.requiredMask = requiredMask
      alternatives = rule.compare.map { paths in
        let cells = paths.map { path -> (table: String, row: String, column: String)? in
          let parts = path.split(separator: ".").map(String.init)
          return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
        }
        return (paths.joined(separator: " + "), cells.contains { $0 == nil } ? nil : cells.compactMap { $0 })
      }
    }
  }

  /// A sentence that mentions some keyword.
  private struct Sentence {
    var text: String
    /// Bits of the keywords it contains.
    var keywords: UInt64
    var hasDigit: Bool
  }

  // LazyExpression is safe to share between threads.
  private let rules: [CompiledRule]
  /// Every rule's `requires` words, as UTF-8 (at most 64).
  private let keywords: [[UInt8]]

  init(catalog: TemplateCatalog) {
    // A sentence is looked at only if some rule could apply to it (its `requires` words).
    let words = Array(Array(Set(catalog.narrativeFigures.flatMap { $0.requires ?? [] })).sorted().prefix(64))
    keywords = words.map { Array($0.utf8) }
    rules = catalog.narrativeFigures.map { rule in
      var mask = UInt64.max
      if let requires = rule.requires {
        mask = 0
        for (bit, word) in words.enumerated() where requires.contains(word) { mask |= 1 << UInt64(bit) }
      }
      return CompiledRule(rule: rule, requiredMask: mask)
    }
  }

  /// Compiles now, rather than on first use, the expressions that need ICU (none of the
  /// models' own: they are matched without it).
  func prepare() {
    for compiled in rules where !compiled.expression.needsNoICU { _ = compiled.expression.compiles }
  }

  /// A figure the narrative states and the cells (table, row, column) whose sums it may equal.
  struct Statement {
    var figure: Int
    var alternatives: [[(table: String, row: String, column: String)]]
  }

  /// The figures `texts` state: in each sentence, the first rule that reads one.
  func statements(in texts: [String]) -> [Statement] {
    var result: [Statement] = []
    for text in texts {
      for sentence in sentences(text) {
        // The first rule (not `alongside`) that reads a figure decides the sentence.
        var decided = false
        for compiled in rules where compiled.rule.value != nil || sentence.hasDigit {
          guard !decided || compiled.rule.alongside, compiled.requiredMask & sentence.keywords != 0,
            let match = compiled.expression.firstMatch(in: sentence.text)
          else { continue }
          var figure = compiled.rule.value
          if figure == nil, let group = match.group {
            figure = Int(sentence.text[group])
          }
          let alternatives = compiled.alternatives.compactMap(\.cells)
          guard let figure, !alternatives.isEmpty else { continue }
          result.append(Statement(figure: figure, alternatives: alternatives))
          if !compiled.rule.alongside { decided = true }
        }
      }
    }
    return result
  }

  /// The contradictions between the narrative sections of `report` and its tables.
  func findings(for report: Report) -> [Finding] {
    var findings: [Finding] = []
    var seen = Set<String>()
    for (key, text) in report.sections.all {
      guard let text else { continue }
      for sentence in sentences(text) {
        var decided = false
        for compiled in rules where compiled.rule.value != nil || sentence.hasDigit {
          let rule = compiled.rule
          guard !decided || rule.alongside, compiled.requiredMask & sentence.keywords != 0,
            let match = compiled.expression.firstMatch(in: sentence.text)
          else { continue }
          let figure: Int?
          if let value = rule.value {
            figure = value
          } else if let group = match.group {
            figure = Int(sentence.text[group])
          } else {
            figure = nil
          }
          guard let figure else { continue }
          let alternatives = compiled.alternatives.compactMap { alternative in
            alternative.cells.flatMap { Self.sum($0, in: report) }.map { (paths: alternative.text, value: $0) }
          }
          guard !alternatives.isEmpty else { continue }
          // One statement per sentence: the first rule that reads a figure in it decides
          // (and each `alongside` rule that reads one).
          guard !alternatives.contains(where: { $0.value == figure }) else {
            if !rule.alongside { decided = true }
            continue
          }
          let identity = "\(rule.id)|\(key)|\(figure)"
          guard seen.insert(identity).inserted else { continue }
          let matched = String(sentence.text[match.range])
          let tables = alternatives.map { "\($0.paths) = \($0.value)" }.joined(separator: "; ")
          findings.append(
            Finding(
              rule: "narrative_mismatch", severity: .warning, location: "sections.\(key)",
              message: "the text says \(rule.what) = \(figure) (“\(matched)”), but the tables give \(tables)"))
          if !rule.alongside { decided = true }
        }
      }
    }
    return findings
  }

  /// The sentences of a section (split at 。；！？ and line breaks) that mention one of
  /// the keywords, found on the UTF-8 bytes; the others are never copied out.
  private func sentences(_ text: String) -> [Sentence] {
    var text = text
    return text.withUTF8 { bytes in
      var result: [Sentence] = []
      var start = 0
      func take(_ end: Int) {
        guard end > start else { return }
        let sentence = UnsafeBufferPointer(rebasing: bytes[start..<end])
        var found: UInt64 = 0
        for (bit, keyword) in keywords.enumerated() where Self.contains(sentence, keyword) {
          found |= 1 << UInt64(bit)
        }
        guard found != 0 else { return }
        result.append(
          Sentence(
            text: String(decoding: sentence, as: UTF8.self), keywords: found,
            hasDigit: sentence.contains { $0 >= 48 && $0 <= 57 }))
      }
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        var stop = 0
        if byte == 10 || byte == 59 || byte == 33 || byte == 63 {
          stop = 1  // \n ; ! ?
        } else if byte >= 0xE3, index + 2 < bytes.count {
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

  /// The sum of the cells at `cells`, nil when a cell is not in this report's form or is null.
  private static func sum(_ cells: [(table: String, row: String, column: String)], in report: Report) -> Int? {
    var total = 0
    for place in cells {
      guard let table = report.table(named: place.table), let cell = table.cell(place.row, place.column),
        let value = cell?.count
      else { return nil }
      total += value
    }
    return total
  }
}
