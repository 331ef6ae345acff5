/// The automatic numbering of a Word document (word/numbering.xml, and numbering given
/// by paragraph styles in word/styles.xml): turns a paragraph's `w:numPr` into the text
/// Word shows before it, such as 一、 or （二）.
struct WordNumbering {
  /// One level of a numbering definition.
  struct Level {
    var start = 1
    var format = "decimal"
    var text = "%1."
  }

  /// Levels of each abstract numbering definition.
  private var abstractLevels: [String: [Int: Level]] = [:]
  /// numId → abstractNumId, and start overrides per level.
  private var instances: [String: (abstract: String, starts: [Int: Int])] = [:]
  /// Paragraph style id → its numbering (numId, level).
  private var styleNumbering: [String: (numID: String, level: Int)] = [:]
  /// Counters per abstract definition and level.
  private var counters: [String: [Int: Int]] = [:]

  /// Numbering read from the trees of numbering.xml and styles.xml (either may be absent).
  init(numbering: MarkupNode?, styles: MarkupNode?) {
    if let numbering {
      for node in numbering.children where node.isElement {
        if node.named("abstractNum"), let id = node.attribute("abstractNumId") {
          var levels: [Int: Level] = [:]
          for level in node.children where level.isElement && level.named("lvl") {
            guard let index = level.attribute("ilvl").flatMap({ Int($0) }) else { continue }
            var parsed = Level()
            if let start = level.child("start")?.attribute("val").flatMap({ Int($0) }) { parsed.start = start }
            if let format = level.child("numFmt")?.attribute("val") { parsed.format = format }
            if let text = level.child("lvlText")?.attribute("val") { parsed.text = text }
            levels[index] = parsed
          }
          abstractLevels[id] = levels
        } else if node.named("num"), let id = node.attribute("numId"),
          let abstract = node.child("abstractNumId")?.attribute("val")
        {
          var starts: [Int: Int] = [:]
          for override in node.children where override.isElement && override.named("lvlOverride") {
            if let level = override.attribute("ilvl").flatMap({ Int($0) }),
              let start = override.child("startOverride")?.attribute("val").flatMap({ Int($0) })
            {
              starts[level] = start
            }
          }
          instances[id] = (abstract, starts)
        }
      }
    }
    if let styles {
      for style in styles.children where style.isElement && style.named("style") {
        guard let id = style.attribute("styleId"), let numPr = style.child("pPr")?.child("numPr"),
          let numID = numPr.child("numId")?.attribute("val")
        else { continue }
        styleNumbering[id] = (numID, numPr.child("ilvl")?.attribute("val").flatMap { Int($0) } ?? 0)
      }
    }
  }

  /// The label Word shows before paragraph `paragraph` (its w:pPr), counting it; nil when
  /// the paragraph is not numbered.
  mutating func label(for properties: MarkupNode?) -> String? {
    var numID: String?
    var level = 0
    if let numPr = properties?.child("numPr") {
      numID = numPr.child("numId")?.attribute("val")
      level = numPr.child("ilvl")?.attribute("val").flatMap { Int($0) } ?? 0
    }
    if numID == nil, let style = properties?.child("pStyle")?.attribute("val"), let numbering = styleNumbering[style] {
      (numID, level) = numbering
    }
    guard let numID, numID != "0", let instance = instances[numID], let levels = abstractLevels[instance.abstract]
    else { return nil }
    var counts = counters[instance.abstract] ?? [:]
    let start = instance.starts[level] ?? levels[level]?.start ?? 1
    counts[level] = (counts[level] ?? (start - 1)) + 1
    for deeper in counts.keys where deeper > level { counts[deeper] = nil }
    counters[instance.abstract] = counts
    guard let definition = levels[level] else { return nil }
    if definition.format == "bullet" || definition.format == "none" { return nil }
    var label = definition.text
    for index in 0...min(level, 8) {
      let placeholder = "%\(index + 1)"
      guard label.contains(placeholder) else { continue }
      let format = levels[index]?.format ?? "decimal"
      let value = counts[index] ?? (instance.starts[index] ?? levels[index]?.start ?? 1)
      label = label.replacingOccurrences(of: placeholder, with: Self.format(value, as: format))
    }
    return label
  }

  /// `value` written in Word's number format `format`.
  static func format(_ value: Int, as format: String) -> String {
    switch format {
    case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital", "taiwaneseCounting":
      return chinese(value, digits: Array("〇一二三四五六七八九"), units: ["", "十", "百", "千"])
    case "chineseLegalSimplified":
      return chinese(value, digits: Array("零壹贰叁肆伍陆柒捌玖"), units: ["", "拾", "佰", "仟"])
    case "ideographTraditional":
      return value >= 1 && value <= 10 ? String(Array("甲乙丙丁戊己庚辛壬癸")[value - 1]) : String(value)
    case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
      return value >= 1 && value <= 20
        ? String(UnicodeScalar(0x2460 + value - 1).map(Character.init) ?? "?") : String(value)
    case "decimalFullWidth", "decimalFullWidth2":
      return String(String(value).unicodeScalars.map { Character(UnicodeScalar($0.value + 0xFEE0) ?? $0) })
    case "lowerLetter", "upperLetter":
      let letter = Character(UnicodeScalar(UInt8(97 + (max(value, 1) - 1) % 26)))
      return format == "upperLetter" ? String(letter).uppercased() : String(letter)
    case "lowerRoman", "upperRoman":
      let roman = Self.roman(value)
      return format == "upperRoman" ? roman.uppercased() : roman
    default:
      return String(value)
    }
  }

  /// Chinese counting: 十一, 二十, 一百零五.
  private static func chinese(_ value: Int, digits: [Character], units: [String]) -> String {
    guard value > 0, value < 10000 else { return String(value) }
    if value < 10 { return String(digits[value]) }
    if value < 20, units[1] == "十" { return "十" + (value % 10 == 0 ? "" : String(digits[value % 10])) }
    var result = ""
    var zero = false
    let places = String(value).compactMap { $0.wholeNumberValue }
    for (offset, digit) in places.enumerated() {
      let unit = units[places.count - 1 - offset]
      if digit == 0 {
        zero = true
      } else {
        if zero, !result.isEmpty { result.append(units[1] == "十" ? "零" : digits[0]) }
        zero = false
        result += String(digits[digit]) + unit
      }
    }
    return result
  }

  private static func roman(_ value: Int) -> String {
    let table: [(Int, String)] = [
      (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
      (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]
    var rest = max(value, 0)
    var result = ""
    for (amount, letters) in table {
      while rest >= amount {
        result += letters
        rest -= amount
      }
    }
    return result
  }
}
