/// Reads dates as reports write them: 2021年1月25日, 2021 年 1 月 25 日, 2021-01-25,
/// 2021.1.25, 二〇二一年一月二十五日.
enum DateReader {
  private static let chineseDigits: [Character: Int] = [
    "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
  ]

  /// Marks a scan reads for a digit of a date: a 1 as a bracket, a bar or a letter l or I.
  /// Only in a line that is a date as a whole, where no other reading is possible.
  private static let misreadDigits: [Character: Character] = [
    "]": "1", "[": "1", "|": "1", "l": "1", "I": "1",
  ]

  /// The ISO date (`YYYY-MM-DD`) when the whole line is a date, else nil.
  static func isoDate(line: String) -> String? {
    // A date has at most sixteen characters besides blanks; most lines have more.
    var visible = 0
    for scalar in line.unicodeScalars where !scalar.isSpaceLike {
      visible += 1
      if visible > 16 { return nil }
    }
    let compact = String(line.unicodeScalars.filter { !$0.isSpaceLike }.map(Character.init))
    guard !compact.isEmpty, compact.count <= 16 else { return nil }
    var numbers: [Int] = []
    var current = ""
    var separators = 0
    func take() -> Bool {
      guard !current.isEmpty else { return true }
      guard let value = Int(current) ?? chineseNumber(current, isYear: numbers.isEmpty) else { return false }
      numbers.append(value)
      current = ""
      return true
    }
    for character in compact {
      if "年月-./".contains(character) {
        guard take() else { return nil }
        separators += 1
      } else if character == "日" || character == "号" {
        guard take() else { return nil }
      } else if character.isASCIIDigit || "〇零一二三四五六七八九十两○".contains(character) {
        current.append(character)
      } else if let digit = misreadDigits[character] {
        current.append(digit)
      } else {
        return nil
      }
    }
    guard take(), numbers.count == 3, separators >= 2 else { return nil }
    let (year, month, day) = (numbers[0], numbers[1], numbers[2])
    guard (1990...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
    return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }

  /// A number in Chinese numerals: digit by digit for a year (二〇二一), with 十 otherwise.
  static func chineseNumber(_ text: String, isYear: Bool) -> Int? {
    let digits = chineseDigits
    if isYear {
      var value = 0
      for character in text {
        guard let digit = digits[character] else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    if let ten = text.firstIndex(of: "十") {
      let tens = text[..<ten].isEmpty ? 1 : digits[text[text.startIndex]]
      let units = text[text.index(after: ten)...].first.flatMap { digits[$0] } ?? 0
      return tens.map { $0 * 10 + units }
    }
    guard text.count == 1, let character = text.first else { return nil }
    return digits[character]
  }
}
