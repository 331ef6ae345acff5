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
}
