import Foundation

/// The first repair pass, line by line: splits the text into lines, drops page markers
/// (—5—, - 5 -, 第5页), strips stray markup (`**`, list dashes) and turns full-width
/// digits into ASCII, recording each change.
enum LineCleaner {
  /// The cleaned lines of `text`, and what was changed.
  static func clean(_ text: String, repairs: inout [Repair]) -> [DocumentLine] {
    var lines: [DocumentLine] = []
    var number = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      // A form feed separates pages inside one line of pdftotext output.
      for piece in rawLine.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
        var line = String(piece)
        if line.hasSuffix("\r") { line.removeLast() }
        if line.utf8.contains(where: { $0 >= 0x80 }) { line = narrowDigits(line, number, &repairs) }
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
      repairs.append(Repair(kind: "full_width", detail: "full-width digits made ASCII in \(result.trimmingSpaces.prefix(30))", line: number))
    }
    return result
  }

  /// Whether a line is only a page number: —5—, - 5 -, -3-, 第5页, 第 5 页 共 12 页, 5/12.
  static func isPageMarker(_ line: String) -> Bool {
    let scalars = Array(line.unicodeScalars.filter { !$0.isSpaceLike })
    guard !scalars.isEmpty, scalars.count <= 16 else { return false }
    let dashes: Set<Unicode.Scalar> = ["—", "–", "-", "－", "─", "~", "_", "‒", "―"]
    var start = 0
    var end = scalars.count
    while start < end, dashes.contains(scalars[start]) { start += 1 }
    while end > start, dashes.contains(scalars[end - 1]) { end -= 1 }
    let middle = scalars[start..<end]
    let isDigits = !middle.isEmpty && middle.count <= 4 && middle.allSatisfy { ("0"..."9").contains($0) }
    if start > 0, end < scalars.count, isDigits { return true }
    let text = String(String.UnicodeScalarView(scalars))
    if text.hasPrefix("第"), text.hasSuffix("页") {
      let inner = text.dropFirst().dropLast().replacingOccurrences(of: "页共", with: "").replacingOccurrences(of: "页，共", with: "").replacingOccurrences(of: "页,共", with: "").replacingOccurrences(of: "页/共", with: "")
      return !inner.isEmpty && inner.allSatisfy(\.isASCIIDigit)
    }
    if let slash = text.firstIndex(of: "/") {
      let left = text[..<slash]
      let right = text[text.index(after: slash)...]
      return !left.isEmpty && !right.isEmpty && left.count <= 3 && right.count <= 3
        && left.allSatisfy(\.isASCIIDigit) && right.allSatisfy(\.isASCIIDigit)
    }
    return false
  }

  /// Removes markdown bold markers and a leading list dash or heading hashes.
  static func stripMarkup(_ line: String, _ number: Int, _ repairs: inout [Repair]) -> String {
    var result = line
    var removed: [String] = []
    if result.contains("**") {
      result = result.replacingOccurrences(of: "**", with: "")
      removed.append("**")
    }
    let body = result.drop(while: { $0 == " " || $0 == "\u{3000}" })
    for marker in ["- ", "* ", "• ", "· ", "## ", "# ", "### "] where body.hasPrefix(marker) {
      let rest = body.dropFirst(marker.count)
      if let next = rest.first, next != " ", !(marker == "- " && next.isASCIIDigit && rest.count < 5) {
        result = String(rest)
        removed.append(marker.trimmingSpaces)
      }
      break
    }
    if !removed.isEmpty {
      repairs.append(Repair(kind: "stray_markup", detail: "removed \(removed.joined(separator: " ")) from \(result.trimmingSpaces.prefix(24))", line: number))
    }
    return result
  }
}

extension Character {
  /// Whether this is one of 0-9.
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
