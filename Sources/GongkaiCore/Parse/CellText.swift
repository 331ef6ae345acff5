/// What one table cell's text says: a number (with its unit, if any) or a placeholder.
public enum CellText: Sendable, Equatable {
  /// A number as printed, with the unit written after it (`万元`, `元`, `件` …) or nil.
  case number(ExactDecimal, unit: String?, raw: String)
  /// A placeholder such as `/`, `—`, `无`, `不适用`: the report gives no value.
  case placeholder(String)

  /// The cell's text as printed.
  public var raw: String {
    switch self {
    case .number(_, _, let raw): return raw
    case .placeholder(let raw): return raw
    }
  }

  private static let placeholders: Set<String> = [
    "/", "／", "\\", "—", "——", "–", "-", "--", "－", "─", "——", "无", "不适用", "暂无", "空", "×", "*",
  ]
  private static let moneyUnits = ["万元", "元"]
  private static let countUnits = ["件", "个", "项", "条", "次", "宗", "份", "人"]
  private static let allUnits = moneyUnits + countUnits

  /// Reads a cell's whole text; nil when it is neither a number nor a placeholder.
  public static func parse(_ text: some StringProtocol) -> CellText? {
    guard let first = text.unicodeScalars.first else { return nil }
    if first.isSpaceLike || (text.unicodeScalars.last?.isSpaceLike ?? false) {
      return parse(trimmed: text.trimmingSpaces)
    }
    return parse(trimmed: String(text))
  }

  /// Reads a cell's text that has no blanks around it.
  static func parse(trimmed: String) -> CellText? {
    // Most cells are a few ASCII digits: read those without any allocation.
    if trimmed.utf8.count <= 18, !trimmed.utf8.isEmpty, trimmed.utf8.allSatisfy({ (48...57).contains($0) }) {
      let value = trimmed.utf8.reduce(0) { $0 * 10 + Int($1 - 48) }
      return .number(ExactDecimal(significand: value), unit: nil, raw: trimmed)
    }
    guard let first = trimmed.unicodeScalars.first else { return nil }
    let startsNumeric = ("0"..."9").contains(first) || first == "-" || first == "+" || first == "－"
    // Placeholders are at most three characters (不适用), nine bytes.
    guard startsNumeric || trimmed.utf8.count <= 9 else { return nil }
    if placeholders.contains(trimmed) { return .placeholder(trimmed) }
    guard startsNumeric else { return nil }
    var body = Substring(trimmed)
    var unit: String?
    for candidate in allUnits
    where body.utf8.last != nil && !("0"..."9").contains(body.unicodeScalars.last ?? "0") && body.hasSuffix(candidate) {
      unit = candidate
      body = body.dropLast(candidate.count)
      break
    }
    var compact = String(body.filter { $0 != " " })
    if compact.hasPrefix("－") { compact = "-" + compact.dropFirst() }
    guard let value = ExactDecimal(compact) else { return nil }
    return .number(value, unit: unit, raw: trimmed)
  }

  /// Whether `unit` is a unit of money.
  public static func isMoney(_ unit: String?) -> Bool { unit.map(moneyUnits.contains) ?? false }

  /// Whether a lone word is a unit that belongs to the number before it.
  public static func isUnitWord(_ word: some StringProtocol) -> Bool {
    let text = String(word)
    return moneyUnits.contains(text) || countUnits.contains(text)
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and ideographic spaces.
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }),
      let last = scalars.lastIndex(where: { !$0.isSpaceLike })
    else { return "" }
    return String(self[first...last])
  }
}

extension Unicode.Scalar {
  /// Space, tab, no-break or ideographic space, or another blank.
  var isSpaceLike: Bool {
    switch value {
    case 0x20, 0x09, 0x0B, 0x0C, 0x0D, 0x0A, 0xA0, 0x3000, 0x2000...0x200B, 0xFEFF: return true
    default: return false
    }
  }
}
