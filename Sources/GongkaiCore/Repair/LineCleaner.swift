/// The first repair pass, line by line: splits the text into lines, drops page markers
/// (—5—, - 5 -, 第5页), strips stray markup (`**`, list dashes) and turns full-width
/// digits into ASCII, recording each change.
enum LineCleaner {
  /// The cleaned lines of `text`, and what was changed.
  static func clean(_ text: String, repairs: inout [Repair]) -> [DocumentLine] {
    var text = text
    return text.withUTF8 { buffer in
      var lines: [DocumentLine] = []
      lines.reserveCapacity(buffer.count / 16)
      var number = 1
      var start = 0
      func take(_ end: Int) {
        var last = end
        if last > start, buffer[last - 1] == 13 { last -= 1 }
        if let line = cleanLine(UnsafeBufferPointer(rebasing: buffer[start..<last]), number, &repairs) {
          lines.append(line)
        }
      }
      for index in 0..<buffer.count {
        switch buffer[index] {
        case 10:
          take(index)
          number += 1
          start = index + 1
        case 12:
          // A form feed separates pages inside one line of pdftotext output.
          take(index)
          start = index + 1
        default: break
        }
      }
      take(buffer.count)
      return lines
    }
  }

  /// One cleaned line, or nil when the line is a page marker.
  private static func cleanLine(
    _ bytes: UnsafeBufferPointer<UInt8>, _ number: Int, _ repairs: inout [Repair]
  ) -> DocumentLine? {
    var wide = false
    var markup = false
    var leading = true
    var hasTab = false
    var blank = true
    var previous: UInt8 = 0
    for byte in bytes {
      switch (previous, byte) {
      case (0xEF, 0xBC), (0xEF, 0xBB), (0xE3, 0x80), (0xC2, 0xA0), (0xE2, 0x80): wide = true
      case (42, 42): markup = true
      default: break
      }
      if byte == 9 { hasTab = true }
      if byte != 32 && byte != 9 && byte != 13 { blank = false }
      if leading, byte != 32, byte != 9 {
        // A list dash, star, hash or bullet (E2 80 A2, C2 B7) may start the line.
        if byte == 45 || byte == 42 || byte == 35 || byte == 0xE2 || byte == 0xC2 { markup = true }
        leading = false
      }
      previous = byte
    }
    var line = String(decoding: bytes, as: UTF8.self)
    if wide {
      line = narrowDigits(line, number, &repairs)
      blank = line.unicodeScalars.allSatisfy(\.isSpaceLike)
    }
    if isPageMarker(line) {
      repairs.append(Repair(kind: "page_marker", detail: "removed \(line.trimmingSpaces)", line: number))
      return nil
    }
    if markup { line = stripMarkup(line, number, &repairs) }
    return DocumentLine(text: line, number: number, hasTab: hasTab, isBlank: blank)
  }

  /// Maps full-width digits (０-９) to ASCII and odd blanks (ideographic, no-break, thin
  /// spaces) to spaces, dropping zero-width spaces and byte order marks; works on the
  /// UTF-8 bytes so an untouched line costs one pass.
  static func narrowDigits(_ line: String, _ number: Int, _ repairs: inout [Repair]) -> String {
    var changedDigits = false
    var bytes: [UInt8] = []
    bytes.reserveCapacity(line.utf8.count)
    var source = Array(line.utf8)
    var index = 0
    let count = source.count
    while index < count {
      let byte = source[index]
      if index + 2 < count {
        let second = source[index + 1]
        let third = source[index + 2]
        if byte == 0xEF, second == 0xBC, (0x90...0x99).contains(third) {
          bytes.append(third - 0x90 + 0x30)
          changedDigits = true
          index += 3
          continue
        }
        if (byte == 0xE3 && second == 0x80 && third == 0x80)
          || (byte == 0xE2 && second == 0x80 && (0x82...0x8A).contains(third))
        {
          bytes.append(0x20)
          index += 3
          continue
        }
        if (byte == 0xE2 && second == 0x80 && third == 0x8B) || (byte == 0xEF && second == 0xBB && third == 0xBF) {
          index += 3
          continue
        }
      }
      if byte == 0xC2, index + 1 < count, source[index + 1] == 0xA0 {
        bytes.append(0x20)
        index += 2
        continue
      }
      bytes.append(byte)
      index += 1
    }
    source.removeAll()
    let result = String(decoding: bytes, as: UTF8.self)
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
    // A line that starts with a digit is a value unless it is "5/12".
    if (48...57).contains(lead), !line.utf8.contains(UInt8(ascii: "/")) { return false }
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

  /// The text without any "**".
  static func removingDoubleStars(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingStar = false
    for byte in text.utf8 {
      if byte == 42 {
        if pendingStar {
          pendingStar = false
        } else {
          pendingStar = true
        }
        continue
      }
      if pendingStar {
        bytes.append(42)
        pendingStar = false
      }
      bytes.append(byte)
    }
    if pendingStar { bytes.append(42) }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static let pageDashes: Set<Unicode.Scalar> = ["—", "–", "-", "－", "─", "~", "_", "‒", "―"]

  /// Removes markdown bold markers and a leading list dash or heading hashes.
  static func stripMarkup(_ line: String, _ number: Int, _ repairs: inout [Repair]) -> String {
    var result = line
    var removed: [String] = []
    if result.containsText("**") {
      result = removingDoubleStars(result)
      removed.append("**")
    }
    let body = result.unicodeScalars.drop(while: { $0 == " " || $0 == "\u{3000}" })
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
