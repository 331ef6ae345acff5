/// Finds the numbers of table 三 and table 四 in a text and compares them with expected
/// values: for tests and benchmarks of OCR, so both score the same way.
///
/// A table-三 row is found by its label (the best fuzzy match among lines that end in
/// seven numbers); its last seven numbers are compared. Table 四 is the line that ends in
/// the most numbers (fifteen expected). Lines may separate cells by tabs (Gongkai's text)
/// or by spaces and `|` (plain tesseract output); nothing else is forgiven.
public struct TableCellCheck: Sendable {
  /// An expected table-三 row: its label and its seven values (`nil`: not compared).
  public struct Row: Sendable, Hashable {
    /// The start of the row's own label, as the form prints it.
    public var label: String
    /// The seven values, left to right.
    public var values: [Int?]

    /// Creates a row.
    public init(label: String, values: [Int?]) {
      self.label = label
      self.values = values
    }
  }

  /// A cell that did not match.
  public struct Miss: Sendable, Hashable {
    /// The label of the row (or `四` for table 四).
    public var row: String
    /// The 0-based cell among the row's numbers.
    public var cell: Int
    /// The value expected.
    public var expected: Int
    /// The value found (`nil`: no number there, or the row was not found).
    public var found: Int?
    /// The 1-based line of the text, when the row was found.
    public var line: Int?
    /// The 0-based tab-separated field of that line, when the text has tabs.
    public var field: Int?
  }

  /// The outcome: cells compared, and the ones that differ.
  public struct Outcome: Sendable {
    /// How many cells were compared.
    public var compared: Int
    /// The cells that differ.
    public var misses: [Miss]
    /// How many were right.
    public var right: Int { compared - misses.count }
  }

  /// The table-三 rows expected.
  public var requests: [Row]
  /// The fifteen table-四 values expected (empty: not compared).
  public var appeals: [Int?]

  /// Creates a check.
  public init(requests: [Row], appeals: [Int?]) {
    self.requests = requests
    self.appeals = appeals
  }

  /// Compares the numbers in `text` with the expected ones.
  public func check(_ text: String) -> Outcome {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let parsed = lines.enumerated().map { Self.parse($0.element, line: $0.offset + 1) }
    var compared = 0
    var misses: [Miss] = []
    // Best matches first, so a long label is not taken by a shorter one's line.
    var pairs: [(score: Double, row: Int, line: Int)] = []
    for (rowIndex, row) in requests.enumerated() where row.values.contains(where: { $0 != nil }) {
      for (lineIndex, line) in parsed.enumerated() where line.numbers.count >= 7 {
        let score = Self.similarity(row.label, line.label)
        if score >= 0.6 { pairs.append((score, rowIndex, lineIndex)) }
      }
    }
    pairs.sort { ($0.score, -$0.row) > ($1.score, -$1.row) }
    var lineOfRow: [Int: Int] = [:]
    var usedLines = Set<Int>()
    for pair in pairs where lineOfRow[pair.row] == nil && !usedLines.contains(pair.line) {
      lineOfRow[pair.row] = pair.line
      usedLines.insert(pair.line)
    }
    for (rowIndex, row) in requests.enumerated() {
      let pick = lineOfRow[rowIndex]
      let line = pick.map { parsed[$0] }
      let numbers = line.map { Array($0.numbers.suffix(7)) } ?? []
      for (cell, value) in row.values.enumerated() {
        guard let value else { continue }
        compared += 1
        let found = cell < numbers.count ? numbers[cell] : nil
        if found?.value != value {
          misses.append(
            Miss(
              row: row.label, cell: cell, expected: value, found: found?.value, line: line?.line,
              field: found?.field))
        }
      }
    }
    if !appeals.isEmpty {
      let candidate = parsed.filter { !$0.numbers.isEmpty }.max { $0.numbers.count < $1.numbers.count }
      let numbers = candidate.map { Array($0.numbers.suffix(appeals.count)) } ?? []
      for (cell, value) in appeals.enumerated() {
        guard let value else { continue }
        compared += 1
        let found = cell < numbers.count ? numbers[cell] : nil
        if found?.value != value {
          misses.append(
            Miss(
              row: "四", cell: cell, expected: value, found: found?.value, line: candidate?.line,
              field: found?.field))
        }
      }
    }
    return Outcome(compared: compared, misses: misses)
  }

  /// A line split into its label text and its trailing numbers.
  struct Line {
    var line: Int
    var label: String
    var numbers: [(value: Int?, field: Int?)]
  }

  static func parse(_ text: String, line: Int) -> Line {
    let tabbed = text.contains("\t")
    var tokens: [(text: String, field: Int?)] = []
    if tabbed {
      for (index, field) in text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
        tokens.append((String(field).filter { !$0.isWhitespace }, index))
      }
    } else {
      // Plain tesseract output: cells separated by spaces, rules read as `|`.
      tokens = text.split { $0.isWhitespace || $0 == "|" }.map { (String($0), nil) }
    }
    var numbers: [(value: Int?, field: Int?)] = []
    var end = tokens.count
    while end > 0 {
      let token = tokens[end - 1]
      if token.text.isEmpty && tabbed {
        end -= 1
        numbers.append((nil, token.field))
        continue
      }
      guard let value = Int(token.text) else { break }
      numbers.append((value, token.field))
      end -= 1
    }
    // Empty fields are only kept between numbers, not before the first.
    while let last = numbers.last, last.value == nil { numbers.removeLast() }
    let label = tokens[..<end].map(\.text).joined()
    return Line(line: line, label: label, numbers: numbers.reversed())
  }

  /// The share of `label`'s characters found in order in `text` (longest common subsequence).
  static func similarity(_ label: String, _ text: String) -> Double {
    let a = Array(label.filter { !$0.isWhitespace })
    let b = Array(text.filter { !$0.isWhitespace }.suffix(80))
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    var previous = [Int](repeating: 0, count: b.count + 1)
    var current = previous
    for i in 1...a.count {
      for j in 1...b.count {
        current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
      }
      swap(&previous, &current)
    }
    return Double(previous[b.count]) / Double(a.count)
  }
}
