/// Reduces label text to the characters that identify it, so that numbering, spaces,
/// bracket widths and punctuation do not decide whether two labels are the same.
public enum LabelText {
  /// Whether `scalar` is a CJK ideograph.
  @inline(__always)
  static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
  }

  /// Whether `scalar` is an ASCII letter or digit.
  @inline(__always)
  static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    default: return false
    }
  }

  /// What OCR reads a lone numbering 1 as (工, l, I, |, 丨): before a full stop, numbering.
  static let numberingOneLookAlikes: Set<Unicode.Scalar> = ["工", "l", "I", "|", "丨"]

  /// Whether `scalar` is a Chinese numeral used in numbering (一 … 十).
  @inline(__always)
  static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇": return true
    default: return false
    }
  }

  /// Maps full-width ASCII forms (Ａ, ０, （) to ASCII and the ideographic space to a space.
  @inline(__always)
  static func narrow(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if (0xFF01...0xFF5E).contains(scalar.value) {
      return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
    }
    if scalar.value == 0x3000 || scalar.value == 0x00A0 { return " " }
    return scalar
  }

  /// The identifying characters of `text`: numbering prefixes dropped, then only
  /// ideographs, ASCII letters and digits kept.
  public static func normalized(_ text: some StringProtocol) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars { scalars.append(narrow(scalar)) }
    // Filter in place: labels are normalised for every row of every report.
    var kept = 0
    for index in numberingEnd(scalars)..<scalars.count {
      let scalar = scalars[index]
      if isIdeograph(scalar) || isASCIIAlphanumeric(scalar) {
        scalars[kept] = scalar
        kept += 1
      }
    }
    scalars.removeLast(scalars.count - kept)
    return scalars
  }

  /// The normalised text as a String, for dictionary keys and messages. Every label of
  /// every table passes through here, so the scalars live in a temporary buffer.
  public static func key(_ text: some StringProtocol) -> String {
    withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: max(text.utf8.count, 1)) { buffer in
      var count = 0
      for scalar in text.unicodeScalars {
        buffer.initializeElement(at: count, to: narrow(scalar))
        count += 1
      }
      let scalars = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
      let start = numberingEnd(scalars)
      // Kept characters are ASCII (one byte) or ideographs below U+A000 (three bytes).
      return String(unsafeUninitializedCapacity: max(count - start, 0) * 3) { output in
        var written = 0
        for index in start..<count {
          let scalar = scalars[index]
          guard isIdeograph(scalar) || isASCIIAlphanumeric(scalar) else { continue }
          let value = scalar.value
          if value < 0x80 {
            output[written] = UInt8(value)
            written += 1
          } else {
            output[written] = UInt8(0xE0 | value >> 12)
            output[written + 1] = UInt8(0x80 | (value >> 6) & 0x3F)
            output[written + 2] = UInt8(0x80 | value & 0x3F)
            written += 3
          }
        }
        return written
      }
    }
  }

  /// Where a leading numbering such as `三、`, `（一）`, `(2)`, `1.` or `1、` ends (repeated
  /// numberings like `三、（一）` are all skipped).
  static func numberingEnd<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ scalars: Scalars) -> Int
  where Scalars.Index == Int {
    var index = 0
    while true {
      // A label never starts with 、: one there is the rest of a group cell's 三、 set one
      // character a line beside the sub-labels (三 / 、（二）部分公开).
      while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "、" {
        index += 1
      }
      guard index < scalars.count else { return index }
      let start = index
      if scalars[index] == "(" {
        var cursor = index + 1
        while cursor < scalars.count, cursor - index <= 4,
          isChineseNumeral(scalars[cursor]) || ("0"..."9").contains(scalars[cursor])
        {
          cursor += 1
        }
        if cursor > index + 1, cursor < scalars.count, scalars[cursor] == ")" {
          index = cursor + 1
          continue
        }
      }
      // A scan's 1. read as 工. or l. (the OCR's look-alikes of a lone 1) is numbering too.
      if numberingOneLookAlikes.contains(scalars[index]), index + 2 < scalars.count,
        ".．".unicodeScalars.contains(scalars[index + 1]), !("0"..."9").contains(scalars[index + 2])
      {
        index += 2
        continue
      }
      var cursor = index
      let numerals = isChineseNumeral(scalars[cursor])
      while cursor < scalars.count,
        numerals ? isChineseNumeral(scalars[cursor]) : ("0"..."9").contains(scalars[cursor])
      {
        cursor += 1
      }
      if cursor > index, cursor - index <= 3, cursor < scalars.count,
        "、.．,，".unicodeScalars.contains(scalars[cursor])
      {
        let next = cursor + 1
        // "63.79" is a number, not numbering.
        if next < scalars.count, ("0"..."9").contains(scalars[next]), !numerals { return start }
        index = next
        continue
      }
      return start
    }
  }

  /// The numerals of the last numbering `text` starts with (4 of 4.无正当理, 二 of
  /// （二）部分公开, 一 of 三、（一）予以公开); empty when it starts with none.
  public static func numbering(_ text: String) -> String {
    let scalars = text.unicodeScalars.map(narrow)
    let end = numberingEnd(scalars)
    var groups: [String] = [""]
    for scalar in scalars[0..<end] {
      if isChineseNumeral(scalar) || ("0"..."9").contains(scalar) {
        groups[groups.count - 1].unicodeScalars.append(scalar)
      } else if !groups[groups.count - 1].isEmpty {
        groups.append("")
      }
    }
    return groups.last(where: { !$0.isEmpty }) ?? ""
  }

  /// The most digits a row's first value run into its label may have (a count of the form).
  static let longestTrailingValue = 7

  /// The digits `text` ends in right after an ideograph or a closing bracket, as ASCII
  /// (…不再处理其4: a row's first value run into its label cell, the cells two pixels
  /// apart), or nil. Whether they are a value is for the table's arithmetic to say.
  public static func trailingDigits(_ text: some StringProtocol) -> String? {
    var digits: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars.reversed() {
      let narrowed = narrow(scalar)
      if ("0"..."9").contains(narrowed) {
        digits.append(narrowed)
        if digits.count > longestTrailingValue { return nil }
        continue
      }
      guard !digits.isEmpty, isIdeograph(scalar) || scalar == "）" || scalar == ")" else { return nil }
      var result = String.UnicodeScalarView()
      result.append(contentsOf: digits.reversed())
      return String(result)
    }
    return nil
  }

  /// The pieces a label cell's text may hold: split at spaces, and before a row's numbering
  /// inside a piece — a bracketed numeral (（二）, (3)) or digits with 、 or . — where a group
  /// cell's piece stands glued before the row's own label (年度办（二）部分公开, 果1.属于国家秘密).
  public static func pieces(_ text: String) -> [String] {
    var result: [String] = []
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }) {
      let characters = Array(word)
      var start = 0
      for index in characters.indices.dropFirst() where startsNumbering(characters, at: index) {
        // A number before the numbering is no group cell's text (63.79, 第二十条第（一）项 stays).
        guard let before = characters[index - 1].unicodeScalars.first, isIdeograph(before),
          characters[index - 1] != "第"
        else { continue }
        result.append(String(characters[start..<index]))
        start = index
      }
      result.append(String(characters[start...]))
    }
    return result
  }

  /// Whether a row's numbering starts at `index`: （二） / (3) with one to three numerals,
  /// or one or two digits then 、 or . and then an ideograph.
  static func startsNumbering(_ characters: [Character], at index: Int) -> Bool {
    let numerals = "一二三四五六七八九十"
    if "（(".contains(characters[index]) {
      var cursor = index + 1
      while cursor < characters.count, cursor - index <= 3, numerals.contains(characters[cursor]) { cursor += 1 }
      return cursor > index + 1 && cursor < characters.count && "）)".contains(characters[cursor])
    }
    var cursor = index
    while cursor < characters.count, cursor - index < 2, characters[cursor].isASCII, characters[cursor].isNumber {
      cursor += 1
    }
    guard cursor > index, cursor + 1 < characters.count, "、.．".contains(characters[cursor]),
      let next = characters[cursor + 1].unicodeScalars.first
    else { return false }
    return isIdeograph(next)
  }

  /// The distinct adjacent pairs of `scalars`, each packed into one integer.
  static func bigrams(_ scalars: [Unicode.Scalar]) -> [UInt64] {
    guard scalars.count > 1 else { return scalars.map { UInt64($0.value) } }
    var seen = Set<UInt64>()
    var result: [UInt64] = []
    for index in 1..<scalars.count {
      let pair = UInt64(scalars[index - 1].value) << 32 | UInt64(scalars[index].value)
      if seen.insert(pair).inserted { result.append(pair) }
    }
    return result
  }
}
