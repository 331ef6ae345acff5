/// What one table cell's text says: a number (with its unit, if any) or a placeholder.
public enum CellText: Sendable, Equatable {
  /// A number as printed, with the unit written after it (`万元`, `元`, `件` …) or nil.
  case number(ExactDecimal, unit: String?, raw: String)
  /// A placeholder such as `/`, `—`, `无`, `不适用`: the report gives no value.
  case placeholder(String)

  /// An empty cell inside a table's grid: the report gives no value there.
  static let blankCell = CellText.placeholder("")

  /// The cell's text as printed.
  public var raw: String {
    switch self {
    case .number(_, _, let raw): return raw
    case .placeholder(let raw): return raw
    }
  }

  private static let placeholders = [
    "/", "／", "\\", "—", "——", "–", "-", "--", "－", "─", "无", "不适用", "暂无", "空", "×", "*", unread,
  ]
  /// What a scan reader writes in a value cell whose ink it could not read (a seal or smudge
  /// over it): U+FFFD. The cell is null with an `ocr_low_confidence` finding; in an input
  /// that was not OCRed U+FFFD stands for damaged bytes and the cell is `missing`.
  public static let unread = "\u{FFFD}"
  private static let placeholderBytes = placeholders.map { Array($0.utf8) }
  /// Units of money as cells write them, with or without brackets; those with 万 are in
  /// units of ten thousand yuan.
  private static let moneyUnits = ["（万元）", "(万元)", "（元）", "(元)", "万元", "元", "万"]
  private static let countUnits = ["件", "个", "项", "条", "次", "宗", "份", "人"]
  /// Every unit as UTF-8, longest first so 万元 wins over 元.
  private static let unitBytes: [(text: String, bytes: [UInt8])] = (moneyUnits + countUnits)
    .map { ($0, Array($0.utf8)) }.sorted { $0.bytes.count > $1.bytes.count }

  /// The count `raw` stands for when its points group digits by three (`1.221`, a scan's
  /// misread of 1,221), or `nil`: one to three digits, then groups of exactly three.
  static func dottedThousands(_ raw: String) -> Int? {
    let groups = raw.split(separator: ".", omittingEmptySubsequences: false)
    guard groups.count >= 2, let head = groups.first, (1...3).contains(head.count),
      groups.dropFirst().allSatisfy({ $0.count == 3 }),
      groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return nil }
    return Int(groups.joined())
  }

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
    var text = trimmed
    return text.withUTF8 { parse(bytes: $0) }
  }

  /// Reads a cell from its UTF-8 bytes, which have no blanks around them. This runs for
  /// every cell and word of every table, so it makes a String only for what it returns.
  static func parse(bytes: UnsafeBufferPointer<UInt8>) -> CellText? {
    guard let first = bytes.first else { return nil }
    let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
    // Most cells are a few ASCII digits.
    if bytes.count <= 18, bytes.allSatisfy(isDigit) {
      let value = bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
      return .number(ExactDecimal(significand: value), unit: nil, raw: String(decoding: bytes, as: UTF8.self))
    }
    // A leading sign: -, +, or the full-width minus － (EF BC 8D).
    let fullWidthMinus = bytes.count >= 3 && first == 0xEF && bytes[1] == 0xBC && bytes[2] == 0x8D
    let startsNumeric = isDigit(first) || first == 45 || first == 43 || fullWidthMinus
    if !startsNumeric || bytes.count == 1 || (first == 45 && bytes.allSatisfy { $0 == 45 }) {
      // Placeholders are at most three characters (不适用), nine bytes.
      guard bytes.count <= 9, placeholderBytes.contains(where: { $0.elementsEqual(bytes) }) else { return nil }
      return .placeholder(String(decoding: bytes, as: UTF8.self))
    }
    var end = bytes.count
    var unit: String?
    if let last = bytes.last, !isDigit(last) {
      for candidate in unitBytes where end >= candidate.bytes.count {
        if bytes[(end - candidate.bytes.count)..<end].elementsEqual(candidate.bytes) {
          unit = candidate.text
          end -= candidate.bytes.count
          break
        }
      }
    }
    let start = fullWidthMinus ? 3 : 0
    guard let value = ExactDecimal(asciiDigits: bytes[start..<end], negative: fullWidthMinus) else { return nil }
    return .number(value, unit: unit, raw: String(decoding: bytes, as: UTF8.self))
  }

  /// Whether `unit` is a unit of money.
  public static func isMoney(_ unit: String?) -> Bool { unit.map(moneyUnits.contains) ?? false }

  /// Whether a unit of money counts in ten thousand yuan (万元).
  public static func isTenThousand(_ unit: String?) -> Bool { unit?.contains("万") ?? false }

  /// Whether the bytes of a lone word are a unit that belongs to the number before it.
  static func isUnitWord(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 3, bytes.count <= 12 else { return false }
    return unitBytes.contains { $0.bytes.count == bytes.count && bytes.elementsEqual($0.bytes) }
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
