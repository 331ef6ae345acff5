import Foundation

/// The first repair pass, line by line: splits the text into lines, drops page markers
/// (—5—, - 5 -, 第5页), strips stray markup (`**`, list dashes) and turns full-width
/// digits into ASCII, recording each change.
enum LineCleaner {
  /// The cleaned lines of `text`, and what was changed.
  static func clean(_ text: String, repairs: inout [Repair]) -> [DocumentLine] {
    var lines: [DocumentLine] = []
    var number = 0
    for rawLine in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
      number += 1
      // A form feed separates pages inside one line of pdftotext output.
      let pieces = rawLine.contains(12) ? rawLine.split(separator: 12, omittingEmptySubsequences: false) : [rawLine]
      for piece in pieces {
        var line = String(Substring(piece))
        if piece.last == 13 { line = String(Substring(piece.dropLast())) }
        if line.mayHoldWideForms { line = narrowDigits(line, number, &repairs) }
        if isPageMarker(line) {
          repairs.append(Repair(kind: "page_marker", detail: "removed \(line.trimmingSpaces)", line: number))
          continue
        }
        line = stripMarkup(line, number, &repairs)
        lines.append(DocumentLine(text: line, number: number))
      }
    }
    return lines
  }

  /// Maps full-width digits and signs (０-９, ．, －) to ASCII and odd blanks to spaces.
  static func narrowDigits(_ line: String, _ number: Int, _ repairs: inout [Repair]) -> String {
    var changedDigits = false
    var scalars = String.UnicodeScalarView()
    for scalar in line.unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19:
        changedDigits = true
        scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
      case 0x3000, 0x00A0, 0x2002...0x200A: scalars.append(" ")
      case 0x200B, 0xFEFF: continue
      default: scalars.append(scalar)
      }
    }
    let result = String(scalars)
    if changedDigits {
      repairs.append(
        Repair(
          kind: "full_width", detail: "full-width digits made ASCII in \(result.trimmingSpaces.prefix(30))",
          line: number))
    }
    return result
  }

  /// Whether a line is only a page number: —5—, - 5 -, -3-, 第5页, 第 5 页 共 12 页, 5/12.
  static func isPageMarker(_ line: String) -> Bool {
    guard line.utf8.count <= 80 else { return false }
    // Markers start with a dash, 第 (E7 AC AC) or a digit: skip the rest quickly.
    guard let lead = line.utf8.first(where: { $0 != 32 && $0 != 9 }),
      lead == UInt8(ascii: "-") || lead == 0xE2 || lead == 0xEF || lead == 0xE7 || lead == UInt8(ascii: "~")
        || lead == UInt8(ascii: "_") || (48...57).contains(lead) || lead == 0xE3
    else { return false }
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(16)
    for scalar in line.unicodeScalars where !scalar.isSpaceLike {
      scalars.append(scalar)
      if scalars.count > 16 { return false }
    }
    guard !scalars.isEmpty else { return false }
    let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
    var start = 0
    var end = scalars.count
    while start < end, pageDashes.contains(scalars[start]) { start += 1 }
    while end > start, pageDashes.contains(scalars[end - 1]) { end -= 1 }
    let middle = scalars[start..<end]
    if start > 0, end < scalars.count, !middle.isEmpty, middle.count <= 4, middle.allSatisfy(isDigit) { return true }
    // 第5页, 第5页共12页, 第5页，共12页
    if scalars.first == "第", scalars.last == "页" {
      var index = 1
      var digitRuns = 0
      while index < scalars.count {
        let runStart = index
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        guard index > runStart, index < scalars.count, scalars[index] == "页" else { return false }
        digitRuns += 1
        index += 1
        if index == scalars.count { return digitRuns <= 2 }
        while index < scalars.count, ",，/".unicodeScalars.contains(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == "共" else { return false }
        index += 1
      }
      return false
    }
    // 5/12
    if let slash = scalars.firstIndex(of: "/") {
      let left = scalars[..<slash]
      let right = scalars[(slash + 1)...]
      return (1...3).contains(left.count) && (1...3).contains(right.count) && left.allSatisfy(isDigit)
        && right.allSatisfy(isDigit)
    }
    return false
  }

  private static let pageDashes: Set<Unicode.Scalar> = ["—", "–", "-", "－", "─", "~", "_", "‒", "―"]

  /// Removes markdown bold markers and a leading list dash or heading hashes.
  static func stripMarkup(_ line: String, _ number: Int, _ repairs: inout [Repair]) -> String {
    // Markup starts with *, -, # or a bullet (• E2 80 A2, · C2 B7): most lines have none.
    guard line.utf8.contains(where: { $0 == 42 || $0 == 45 || $0 == 35 || $0 == 0xE2 || $0 == 0xC2 }) else {
      return line
    }
    var result = line
    var removed: [String] = []
    if result.containsText("**") {
      result = result.replacingOccurrences(of: "**", with: "")
      removed.append("**")
    }
    let body = result.unicodeScalars.drop(while: { $0 == " " || $0 == "\u{3000}" })
    guard let lead = body.first.map({ UInt8(truncatingIfNeeded: min($0.value, 0xE2)) }),
      lead == UInt8(ascii: "-") || lead == UInt8(ascii: "*") || lead == UInt8(ascii: "#") || lead == 0xE2
        || lead == 0xC2
    else {
      if !removed.isEmpty {
        repairs.append(
          Repair(kind: "stray_markup", detail: "removed ** from \(result.trimmingSpaces.prefix(24))", line: number))
      }
      return result
    }
    for marker in ["- ", "* ", "• ", "· ", "## ", "# ", "### "] where body.starts(with: marker.unicodeScalars) {
      let rest = body.dropFirst(marker.unicodeScalars.count)
      if let next = rest.first, next != " ", !(marker == "- " && ("0"..."9").contains(next) && rest.count < 5) {
        result = String(String.UnicodeScalarView(rest))
        removed.append(marker.trimmingSpaces)
      }
      break
    }
    if !removed.isEmpty {
      repairs.append(
        Repair(
          kind: "stray_markup",
          detail: "removed \(removed.joined(separator: " ")) from \(result.trimmingSpaces.prefix(24))", line: number))
    }
    return result
  }
}

extension Character {
  /// Whether this is one of 0-9.
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
