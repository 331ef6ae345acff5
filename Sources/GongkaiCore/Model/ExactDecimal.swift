/// A decimal number held exactly as an integer and a count of decimal places, so that
/// `63.79 万元` becomes exactly 637900 yuan rather than 637899.9999.
public struct ExactDecimal: Sendable, Hashable, CustomStringConvertible {
  /// The digits as an integer: the value is `significand / 10^scale`.
  public var significand: Int
  /// How many of the digits are decimals.
  public var scale: Int

  /// Creates `significand / 10^scale`.
  public init(significand: Int, scale: Int = 0) {
    self.significand = significand
    self.scale = scale
    normalize()
  }

  /// Parses plain decimal text such as `-12`, `63.79`, `1,234.5`; nil for anything else.
  public init?(_ text: some StringProtocol) {
    var digits = 0
    var scale = 0
    var negative = false
    var seenPoint = false
    var seenDigit = false
    for (index, scalar) in text.unicodeScalars.enumerated() {
      switch scalar {
      case "0"..."9":
        let (product, overflow1) = digits.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = product.addingReportingOverflow(Int(scalar.value - 48))
        guard !overflow1, !overflow2 else { return nil }
        digits = sum
        seenDigit = true
        if seenPoint { scale += 1 }
      case "." where !seenPoint:
        seenPoint = true
      case "," where !seenPoint && seenDigit:
        continue
      case "-" where index == 0:
        negative = true
      case "+" where index == 0:
        continue
      default:
        return nil
      }
    }
    // "1." is numbering, not a number.
    guard seenDigit, !seenPoint || scale > 0 else { return nil }
    self.init(significand: negative ? -digits : digits, scale: scale)
  }

  /// Parses ASCII bytes such as `-12`, `63.79`, `1,234.5`, `1 362` (a space only between groups of three digits), negated when
  /// `negative`; nil for anything else.
  init?(asciiDigits bytes: some Collection<UInt8>, negative: Bool = false) {
    var digits = 0
    var scale = 0
    var isNegative = negative
    var seenPoint = false
    var seenDigit = false
    var first = true
    // A space inside the number only separates groups of three digits (1 362): "2 0" is
    // two cells run together, not twenty.
    var spaceSeen = false
    var groupLength = -1
    for byte in bytes {
      defer { first = false }
      switch byte {
      case 48...57:
        if spaceSeen {
          guard groupLength == -1 || groupLength == 3 else { return nil }
          spaceSeen = false
          groupLength = 0
        }
        if groupLength >= 0 { groupLength += 1 }
        let (product, overflow1) = digits.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = product.addingReportingOverflow(Int(byte - 48))
        guard !overflow1, !overflow2 else { return nil }
        digits = sum
        seenDigit = true
        if seenPoint { scale += 1 }
      case 46 where !seenPoint:
        guard groupLength == -1 || groupLength == 3 else { return nil }
        seenPoint = true
        groupLength = -1
      case 44 where !seenPoint && seenDigit: continue
      case 32:
        guard groupLength == -1 || groupLength == 3 else { return nil }
        if seenDigit { spaceSeen = true }
      case 45 where first: isNegative = true
      case 43 where first: continue
      default: return nil
      }
    }
    guard seenDigit, !seenPoint || scale > 0, groupLength == -1 || groupLength == 3 else { return nil }
    self.init(significand: isNegative ? -digits : digits, scale: scale)
  }

  /// The value multiplied by 10^power, exactly.
  public func shifted(by power: Int) -> ExactDecimal? {
    var result = self
    var remaining = power
    while remaining > 0 {
      if result.scale > 0 {
        result.scale -= 1
      } else {
        let (product, overflow) = result.significand.multipliedReportingOverflow(by: 10)
        guard !overflow else { return nil }
        result.significand = product
      }
      remaining -= 1
    }
    return result
  }

  /// The value as an integer when it has no fractional part.
  public var integerValue: Int? { scale == 0 ? significand : nil }

  /// JSON-compatible text without exponent, e.g. `637900` or `12.5`.
  public var description: String {
    guard scale > 0 else { return String(significand) }
    let magnitude = String(significand.magnitude)
    let padded = String(repeating: "0", count: max(0, scale + 1 - magnitude.count)) + magnitude
    let split = padded.index(padded.endIndex, offsetBy: -scale)
    return (significand < 0 ? "-" : "") + padded[..<split] + "." + padded[split...]
  }

  private mutating func normalize() {
    while scale > 0, significand % 10 == 0 {
      significand /= 10
      scale -= 1
    }
  }
}
