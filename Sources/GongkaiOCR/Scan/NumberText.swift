/// Turns what tesseract read in a number cell into a number, mapping look-alike letters
/// (O→0, l/I/|→1 …) to digits, or rejects it.
enum NumberText {
  /// Characters tesseract confuses with digits, and the digit meant.
  static let lookAlikes: [Character: Character] = [
    "O": "0", "o": "0", "D": "0", "Q": "0", "〇": "0", "○": "0", "Ο": "0", "О": "0",
    "l": "1", "I": "1", "|": "1", "]": "1", "[": "1", "!": "1", "i": "1", "j": "1",
    "丨": "1", "工": "1", "了": "1", "亅": "1", "｜": "1", "】": "1", "【": "1",
    "Z": "2", "z": "2",
    "S": "5", "s": "5", "$": "5",
    "b": "6", "G": "6",
    "T": "7",
    "B": "8",
    "g": "9", "q": "9",
  ]

  /// The number in `raw` (digits with at most one decimal point), or `nil` when it is not one.
  ///
  /// Full-width digits count as digits; spaces, thousands commas and a trailing full stop
  /// are dropped.
  static func number(from raw: String) -> String? {
    // Points among two or more separators between groups of three digits: thousands commas
    // read as points (7,036,221 as 7.036.221 or 7.036,221), no decimal point.
    let groups = raw.split(whereSeparator: { $0 == "." || $0 == "," || $0 == "，" }).map(\.count)
    if groups.count >= 3, raw.contains("."), areThousandsGroups(groups) {
      return number(from: raw.filter { $0 != "." })
    }
    var result = ""
    for character in raw {
      if character.isWhitespace || character == "," || character == "，" || character == "'" {
        continue
      }
      if let digit = character.wholeNumberValue, digit >= 0, digit <= 9,
        character.isASCII || ("０"..."９").contains(character)
      {
        result.append(Character(String(digit)))
      } else if let digit = lookAlikes[character] {
        result.append(digit)
      } else if character == "." || character == "．" || character == "·" {
        result.append(".")
      } else {
        return nil
      }
    }
    while result.hasSuffix(".") { result.removeLast() }
    while result.hasPrefix(".") { result.removeFirst() }
    guard !result.isEmpty, result.filter({ $0 == "." }).count <= 1 else { return nil }
    return result
  }

  /// Whether `value` (as ``number(from:)`` gives it) may be a count whose thousands comma was
  /// read as a point: one to three digits, a point, three digits (1,221 read as 1.221). The
  /// core takes it for the count in a count's cell when it is doubted, and as printed in an
  /// amount's (1.221 万元), so such a read is always doubted.
  static func mayBeGroupedCount(_ value: String) -> Bool {
    let groups = value.split(separator: ".", omittingEmptySubsequences: false).map(\.count)
    return groups.count == 2 && areThousandsGroups(groups)
  }

  /// Whether digit groups of these lengths are a number's thousands: one to three digits,
  /// then groups of three.
  private static func areThousandsGroups(_ lengths: [Int]) -> Bool {
    guard let head = lengths.first else { return false }
    return (1...3).contains(head) && lengths.dropFirst().allSatisfy { $0 == 3 }
  }
}
