/// A regular expression of Models/ matched by backtracking over Unicode scalars, with ICU's
/// meaning (what NSRegularExpression gives) for the part of ICU's syntax the models use:
/// literals and escaped metacharacters, `[...]` and `[^...]` with ranges, `\d \D \s \S`,
/// `(...)`, `(?:...)`, `|`, `? * + {n} {n,} {n,m}` greedy or lazy (`?` after), `^` and `$`.
/// Matching without ICU spares a short run ICU's regex set-up (its static Unicode sets,
/// about a tenth of parsing a small PDF). `init` returns nil for anything else (`\p{…}`,
/// `.`, flags, look-around…): such a pattern goes to ICU (`LazyExpression`).
struct ScalarPattern: Sendable {
  /// A set of scalars: a bracket expression or a class escape.
  struct ScalarSet: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var digits = false
    var nonDigits = false
    var spaces = false
    var nonSpaces = false
    var negated = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
      let value = scalar.value
      var found = ranges.contains { $0.contains(value) }
      if !found && (digits || nonDigits) {
        let digit = ScalarPattern.isDigit(scalar)
        found = (digits && digit) || (nonDigits && !digit)
      }
      if !found && (spaces || nonSpaces) {
        let space = scalar.properties.isWhitespace
        found = (spaces && space) || (nonSpaces && !space)
      }
      return found != negated
    }
  }

  /// A piece of the pattern.
  indirect enum Node: Sendable {
    case scalar(Unicode.Scalar)
    case set(ScalarSet)
    case start
    case end
    case sequence([Node])
    case alternation([Node])
    /// A group; `index` is the capture group's number, nil for `(?:...)`.
    case group(index: Int?, Node)
    case loop(Node, minimum: Int, maximum: Int?, lazy: Bool)
  }

  /// The parsed pattern.
  let root: Node
  /// The number of capture groups.
  let groupCount: Int
  /// The scalars every match starts with, when the pattern says (most start with a word):
  /// other start offsets are skipped without trying the pattern.
  let leading: [Unicode.Scalar]?
  /// Whether the pattern starts with `^`, so it can only match at offset 0.
  let anchored: Bool

  /// The pattern parsed, or nil when it uses syntax outside this subset (or is malformed).
  init?(_ pattern: String) {
    var parser = Parser(scalars: Array(pattern.unicodeScalars))
    guard let root = parser.alternation(), parser.index == parser.scalars.count else { return nil }
    self.root = root
    groupCount = parser.groups
    leading = Self.leading(root)
    switch root {
    case .start: anchored = true
    case .sequence(let nodes):
      if case .start = nodes.first { anchored = true } else { anchored = false }
    default: anchored = false
    }
  }

  /// The scalars a match of `node` must start with; nil when any could, or it can be empty.
  private static func leading(_ node: Node) -> [Unicode.Scalar]? {
    switch node {
    case .scalar(let scalar): return [scalar]
    case .sequence(let nodes): return nodes.first.flatMap(leading)
    case .group(_, let body): return leading(body)
    case .loop(let body, let minimum, _, _): return minimum > 0 ? leading(body) : nil
    case .alternation(let choices):
      var union: [Unicode.Scalar] = []
      for choice in choices {
        guard let scalars = leading(choice) else { return nil }
        union += scalars.filter { !union.contains($0) }
      }
      return union
    case .set, .start, .end: return nil
    }
  }

  /// ICU's `\d`: a Unicode decimal digit (general category Nd) as the ICU inside Foundation
  /// knows them; the ten Nd digits at U+11DE0…U+11DE9 are newer than its Unicode data.
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .decimalNumber && !(0x11DE0...0x11DE9).contains(scalar.value)
  }

  /// A match: the scalar offsets of the whole match and of each capture group (nil when
  /// the group took no part).
  struct Match {
    var range: Range<Int>
    var groups: [Range<Int>?]
  }

  /// The leftmost match in `scalars` starting at or after `from`, as ICU finds it.
  func firstMatch(in scalars: [Unicode.Scalar], from: Int = 0) -> Match? {
    let last = anchored ? 0 : scalars.count
    guard from <= last else { return nil }
    let matcher = Matcher(input: scalars, groupCount: groupCount)
    for start in from...last {
      if let leading, start == scalars.count || !leading.contains(scalars[start]) { continue }
      var end = -1
      if matcher.match(
        root, start,
        {
          end = $0; return true
        })
      {
        return Match(range: start..<end, groups: matcher.groups)
      }
      matcher.reset()
    }
    return nil
  }

  /// Every match in `scalars`, left to right, not overlapping (after an empty match the
  /// search goes on one scalar further, as ICU's does).
  func matches(in scalars: [Unicode.Scalar]) -> [Match] {
    var result: [Match] = []
    var from = 0
    while let match = firstMatch(in: scalars, from: from) {
      result.append(match)
      from = match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound
    }
    return result
  }

  /// The backtracking search: each node is matched at an offset and hands where it ended
  /// to the rest of the pattern (`next`); a false from `next` makes it try its next way.
  private final class Matcher {
    let input: [Unicode.Scalar]
    var groups: [Range<Int>?]

    init(input: [Unicode.Scalar], groupCount: Int) {
      self.input = input
      groups = Array(repeating: nil, count: groupCount)
    }

    func reset() {
      for index in groups.indices { groups[index] = nil }
    }

    func match(_ node: Node, _ at: Int, _ next: (Int) -> Bool) -> Bool {
      switch node {
      case .scalar(let scalar):
        return at < input.count && input[at] == scalar && next(at + 1)
      case .set(let set):
        return at < input.count && set.contains(input[at]) && next(at + 1)
      case .start:
        return at == 0 && next(at)
      case .end:
        return isEnd(at) && next(at)
      case .sequence(let nodes):
        return sequence(nodes, 0, at, next)
      case .alternation(let choices):
        for choice in choices where match(choice, at, next) { return true }
        return false
      case .group(let index, let body):
        guard let index else { return match(body, at, next) }
        let before = groups[index]
        let matched = match(body, at) { end in
          let inner = self.groups[index]
          self.groups[index] = at..<end
          if next(end) { return true }
          self.groups[index] = inner
          return false
        }
        if !matched { groups[index] = before }
        return matched
      case .loop(let body, let minimum, let maximum, let lazy):
        if let width = run(body, at, maximum) {
          // One scalar per repetition: try the counts in order, no recursion per scalar.
          guard width >= minimum else { return false }
          if lazy {
            for count in minimum...width where next(at + count) { return true }
          } else {
            for count in stride(from: width, through: minimum, by: -1) where next(at + count) { return true }
          }
          return false
        }
        return loop(body, minimum, maximum, lazy, 0, at, next)
      }
    }

    /// How many scalars from `at` on `body` matches one by one (at most `maximum`), or nil
    /// when `body` is not a single scalar or set.
    private func run(_ body: Node, _ at: Int, _ maximum: Int?) -> Int? {
      let limit = min(input.count - at, maximum ?? Int.max)
      var count = 0
      switch body {
      case .scalar(let scalar):
        while count < limit, input[at + count] == scalar { count += 1 }
      case .set(let set):
        while count < limit, set.contains(input[at + count]) { count += 1 }
      default:
        return nil
      }
      return count
    }

    private func sequence(_ nodes: [Node], _ position: Int, _ at: Int, _ next: (Int) -> Bool) -> Bool {
      guard position < nodes.count else { return next(at) }
      return match(nodes[position], at) { self.sequence(nodes, position + 1, $0, next) }
    }

    /// `count` repetitions done; an iteration past the minimum must consume something.
    private func loop(
      _ body: Node, _ minimum: Int, _ maximum: Int?, _ lazy: Bool, _ count: Int, _ at: Int,
      _ next: (Int) -> Bool
    ) -> Bool {
      if count < minimum {
        return match(body, at) { self.loop(body, minimum, maximum, lazy, count + 1, $0, next) }
      }
      let more = maximum.map { count < $0 } ?? true
      if lazy {
        if next(at) { return true }
        return more && match(body, at) { $0 > at && self.loop(body, minimum, maximum, lazy, count + 1, $0, next) }
      }
      if more && match(body, at, { $0 > at && self.loop(body, minimum, maximum, lazy, count + 1, $0, next) }) {
        return true
      }
      return next(at)
    }

    /// ICU's `$` without multi-line mode: the end, or before a line terminator that ends
    /// the input (CR LF counts as one).
    private func isEnd(_ at: Int) -> Bool {
      let rest = input.count - at
      if rest == 0 { return true }
      if rest == 2 { return input[at] == "\r" && input[at + 1] == "\n" }
      guard rest == 1 else { return false }
      switch input[at].value {
      case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
      default: return false
      }
    }
  }

  /// Reads the pattern's syntax into nodes; nil on anything outside the subset.
  private struct Parser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var groups = 0

    init(scalars: [Unicode.Scalar]) {
      self.scalars = scalars
    }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func alternation() -> Node? {
      var choices: [Node] = []
      while true {
        guard let sequence = sequence() else { return nil }
        choices.append(sequence)
        guard current == "|" else { break }
        index += 1
      }
      return choices.count == 1 ? choices[0] : .alternation(choices)
    }

    mutating func sequence() -> Node? {
      var nodes: [Node] = []
      while let scalar = current, scalar != "|", scalar != ")" {
        guard let atom = atom(), let node = quantified(atom) else { return nil }
        nodes.append(node)
      }
      return nodes.count == 1 ? nodes[0] : .sequence(nodes)
    }

    mutating func atom() -> Node? {
      guard let scalar = current else { return nil }
      index += 1
      switch scalar {
      case "(":
        var capture: Int? = nil
        if current == "?" {
          guard index + 1 < scalars.count, scalars[index + 1] == ":" else { return nil }
          index += 2
        } else {
          capture = groups
          groups += 1
        }
        guard let body = alternation(), current == ")" else { return nil }
        index += 1
        return .group(index: capture, body)
      case "[":
        return bracket().map(Node.set)
      case "\\":
        return escape(inBracket: false)
      case "^":
        return .start
      case "$":
        return .end
      case ".", "*", "+", "?", "{", "}", "]", "#":
        return nil
      default:
        // Pattern white space is literal in ICU without the comments flag; keep it simple
        // and leave ICU every scalar that could carry a flag's meaning.
        return .scalar(scalar)
      }
    }

    /// `\d \D \s \S` as a set, an escaped punctuation character as itself.
    mutating func escape(inBracket: Bool) -> Node? {
      guard let scalar = current else { return nil }
      index += 1
      var set = ScalarSet()
      switch scalar {
      case "d": set.digits = true
      case "D": set.nonDigits = true
      case "s": set.spaces = true
      case "S": set.nonSpaces = true
      default:
        guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
        return .scalar(scalar)
      }
      return .set(set)
    }

    /// A bracket expression after its `[`: literals, ranges and class escapes, no nested
    /// sets or set operations.
    mutating func bracket() -> ScalarSet? {
      var set = ScalarSet()
      if current == "^" {
        set.negated = true
        index += 1
      }
      var first = true
      while let scalar = current {
        if scalar == "]" && !first {
          index += 1
          return set
        }
        first = false
        guard scalar != "[", scalar != "&" else { return nil }
        var low: Unicode.Scalar
        if scalar == "\\" {
          index += 1
          guard let escaped = escape(inBracket: true) else { return nil }
          switch escaped {
          case .scalar(let literal): low = literal
          case .set(let inner):
            set.digits = set.digits || inner.digits
            set.nonDigits = set.nonDigits || inner.nonDigits
            set.spaces = set.spaces || inner.spaces
            set.nonSpaces = set.nonSpaces || inner.nonSpaces
            continue
          default: return nil
          }
        } else {
          // White space in a set is left to ICU, whose set syntax may skip it.
          if scalar == "]" || scalar.properties.isWhitespace { return nil }
          low = scalar
          index += 1
        }
        // A range `a-z`; a `-` before `]` is a literal.
        if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
          index += 1
          guard let high = current, high != "\\", high != "[", high.value >= low.value else { return nil }
          index += 1
          set.ranges.append(low.value...high.value)
        } else {
          set.ranges.append(low.value...low.value)
        }
      }
      return nil
    }

    /// `atom` with the quantifier after it, if any.
    mutating func quantified(_ atom: Node) -> Node? {
      guard let scalar = current else { return atom }
      var minimum = 0
      var maximum: Int? = nil
      switch scalar {
      case "?": maximum = 1
      case "*": break
      case "+": minimum = 1
      case "{":
        index += 1
        guard let low = number() else { return nil }
        minimum = low
        maximum = low
        if current == "," {
          index += 1
          maximum = current == "}" ? nil : number()
          if maximum == nil && current != "}" { return nil }
        }
        guard current == "}", maximum.map({ $0 >= minimum }) ?? true else { return nil }
      default:
        return atom
      }
      index += 1
      switch atom {
      case .start, .end: return nil
      default: break
      }
      var lazy = false
      if current == "?" {
        lazy = true
        index += 1
      } else if current == "+" || current == "*" || current == "{" {
        return nil  // possessive or stacked quantifiers: ICU's
      }
      return .loop(atom, minimum: minimum, maximum: maximum, lazy: lazy)
    }

    mutating func number() -> Int? {
      var value = 0
      var digits = 0
      while let scalar = current, ("0"..."9").contains(scalar), digits < 6 {
        value = value * 10 + Int(scalar.value - 48)
        digits += 1
        index += 1
      }
      return digits > 0 ? value : nil
    }
  }
}
