/// The first repair pass, line by line: splits the text into lines, drops page markers
/// (—5—, - 5 -, 第5页), strips stray markup (`**`, list dashes) and turns full-width
/// digits into ASCII, recording each change.
enum LineCleaner {
  /// The cleaned lines of `text`, and what was changed. Lines the cleaner leaves alone
  /// are slices of `text`, so most lines cost no copy.
  static func clean(_ text: String, repairs: inout [Repair]) -> [DocumentLine] {
    var source = text
    source.makeContiguousUTF8()
    let utf8 = source.utf8
    return utf8.withContiguousStorageIfAvailable { buffer in
      var lines: [DocumentLine] = []
      lines.reserveCapacity(buffer.count / 16)
      var number = 1
      var start = 0
      func take(_ end: Int) {
        var last = end
        if last > start, buffer[last - 1] == 13 { last -= 1 }
        let slice = {
          Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: last)])
        }
        if let line = cleanLine(UnsafeBufferPointer(rebasing: buffer[start..<last]), slice, number, &repairs) {
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
    } ?? []
  }

  /// One cleaned line, or nil when the line is a page marker.
  private static func cleanLine(
    _ bytes: UnsafeBufferPointer<UInt8>, _ slice: () -> Substring, _ number: Int, _ repairs: inout [Repair]
  ) -> DocumentLine? {
    // One pass over the bytes decides which of the costlier steps the line needs.
    var odd = false
    var doubleStar = false
    var hasTab = false
    var blank = true
    var lead: Int?
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 9 {
          hasTab = true
        } else if byte != 32 && byte != 13 {
          blank = false
          if lead == nil { lead = index }
          if byte == 42, index + 1 < count, bytes[index + 1] == 42 { doubleStar = true }
        }
        index += 1
        continue
      }
      // Only sequences starting C2, E2, E3 or EF are rewritten; other characters are
      // skipped whole.
      if byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF, let length = narrowedLength(bytes, at: index) {
        odd = true
        // A full-width digit is visible; the rest become blanks or vanish.
        if byte == 0xEF, bytes[index + 1] == 0xBC {
          blank = false
          if lead == nil { lead = index }
        }
        index += length
        continue
      }
      blank = false
      if lead == nil { lead = index }
      index += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    }
    var line = slice()
    if odd {
      line = Substring(narrowDigits(bytes, number, &repairs))
      blank = line.unicodeScalars.allSatisfy(\.isSpaceLike)
    }
    if let lead, mayStartPageMarker(bytes, at: lead), !(48...57).contains(bytes[lead]) || bytes.contains(47),
      isPageMarker(String(line))
    {
      repairs.append(Repair(kind: "page_marker", detail: "removed \(line.trimmingSpaces)", line: number))
      return nil
    }
    if doubleStar || (lead.map { startsListMarker(bytes, at: $0) } ?? false) {
      line = Substring(stripMarkup(String(line), number, &repairs))
    }
    return DocumentLine(text: line, number: number, hasTab: hasTab, isBlank: blank)
  }

  /// For a sequence the cleaner rewrites at `index` (a full-width digit, an odd blank, a
  /// zero-width space or byte order mark): how many bytes it spans.
  @inline(__always)
  private static func narrowedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let byte = bytes[index]
    if byte == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : nil }
    guard byte >= 0xE2, byte <= 0xEF, index + 2 < bytes.count else { return nil }
    let second = bytes[index + 1]
    let third = bytes[index + 2]
    switch (byte, second) {
    case (0xEF, 0xBC): return (0x90...0x99).contains(third) ? 3 : nil
    case (0xE3, 0x80): return third == 0x80 ? 3 : nil
    case (0xE2, 0x80): return (0x82...0x8B).contains(third) ? 3 : nil
    case (0xEF, 0xBB): return third == 0xBF ? 3 : nil
    default: return nil
    }
  }

  /// Whether the first visible character could begin a page marker: a dash, 第, ~, _ or a digit.
  private static func mayStartPageMarker(_ bytes: UnsafeBufferPointer<UInt8>, at lead: Int) -> Bool {
    guard bytes.count <= 80 else { return false }
    switch bytes[lead] {
    case UInt8(ascii: "-"), UInt8(ascii: "~"), UInt8(ascii: "_"), 48...57: return true
    case 0xE2, 0xE7, 0xEF: break
    default: return false
    }
    guard lead + 2 < bytes.count else { return false }
    let sequence = (bytes[lead], bytes[lead + 1], bytes[lead + 2])
    switch sequence {
    case (0xE2, 0x80, 0x92...0x95), (0xE2, 0x94, 0x80), (0xE7, 0xAC, 0xAC), (0xEF, 0xBC, 0x8D),
      (0xEF, 0xBC, 0x90...0x99):
      return true
    default: return false
    }
  }

  /// Whether a list dash, star, hash or bullet (• E2 80 A2, · C2 B7) starts the line.
  private static func startsListMarker(_ bytes: UnsafeBufferPointer<UInt8>, at lead: Int) -> Bool {
    switch bytes[lead] {
    case 45, 42, 35: return true
    case 0xE2: return lead + 2 < bytes.count && bytes[lead + 1] == 0x80 && bytes[lead + 2] == 0xA2
    case 0xC2: return lead + 1 < bytes.count && bytes[lead + 1] == 0xB7
    default: return false
    }
  }

  /// Maps full-width digits (０-９) to ASCII and odd blanks (ideographic, no-break, thin
  /// spaces) to spaces, dropping zero-width spaces and byte order marks.
  private static func narrowDigits(
    _ source: UnsafeBufferPointer<UInt8>, _ number: Int, _ repairs: inout [Repair]
  ) -> String {
    var changedDigits = false
    let result = String(unsafeUninitializedCapacity: source.count) { output in
      var written = 0
      var index = 0
      while index < source.count {
        let byte = source[index]
        if byte >= 0xC2, let length = narrowedLength(source, at: index) {
          let third = length == 3 ? source[index + 2] : 0
          if byte == 0xEF, source[index + 1] == 0xBC {
            output[written] = third - 0x90 + 0x30
            written += 1
            changedDigits = true
          } else if !(third == 0x8B || third == 0xBF) {
            output[written] = 0x20
            written += 1
          }
          index += length
          continue
        }
        output[written] = byte
        written += 1
        index += 1
      }
      return written
    }
    if changedDigits {
      repairs.append(
        Repair(
          kind: "full_width", detail: "full-width digits made ASCII in \(result.trimmingSpaces.prefix(30))",
          line: number))
    }
    return result
  }

  /// Whether a line is only a page number: —5—, - 5 -, -3-, 第5页, 第 5 页 共 12 页, 5/12.
  /// `cleanLine` first screens lines on their bytes (length, first character, a slash
  /// after a leading digit), so only likely markers get here.
  private static func isPageMarker(_ line: String) -> Bool {
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

  /// Removes markdown bold markers and a leading list dash or heading hashes, on the
  /// line's bytes (markdown lines are often whole paragraphs).
  static func stripMarkup(_ line: String, _ number: Int, _ repairs: inout [Repair]) -> String {
    var text = line
    var removed: [String] = []
    var bytes: [UInt8] = text.withUTF8 { source in
      var output: [UInt8] = []
      output.reserveCapacity(source.count)
      // "**" pairs go; a lone star stays.
      var index = 0
      while index < source.count {
        if source[index] == 42, index + 1 < source.count, source[index + 1] == 42 {
          index += 2
          if removed.isEmpty { removed.append("**") }
          continue
        }
        output.append(source[index])
        index += 1
      }
      return output
    }
    var bodyStart = 0
    while bodyStart < bytes.count {
      if bytes[bodyStart] == 32 {
        bodyStart += 1
      } else if bodyStart + 2 < bytes.count, bytes[bodyStart] == 0xE3, bytes[bodyStart + 1] == 0x80,
        bytes[bodyStart + 2] == 0x80
      {
        bodyStart += 3
      } else {
        break
      }
    }
    for marker in listMarkers where bytes[bodyStart...].starts(with: marker.bytes) {
      let restStart = bodyStart + marker.bytes.count
      let rest = bytes[restStart...]
      let restLength = rest.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
      // A list's item never starts with an enumeration comma: "- 、主动公开…" is a heading
      // whose numeral a scan read as a dash, and the dash stays to number it.
      let startsWithComma = rest.starts(with: [0xE3, 0x80, 0x81])
      if let next = rest.first, next != 32, !startsWithComma,
        !(marker.text == "- " && (48...57).contains(next) && restLength < 5)
      {
        bytes.removeSubrange(..<restStart)
        removed.append(marker.text.trimmingSpaces)
      }
      break
    }
    let result = String(decoding: bytes, as: UTF8.self)
    if !removed.isEmpty {
      // The first few dozen characters are enough for the message.
      var scalars = 0
      var end = 0
      while end < bytes.count, scalars < 64 {
        end += decodeScalarLength(bytes[end])
        scalars += 1
      }
      let head = String(decoding: bytes[..<min(end, bytes.count)], as: UTF8.self).trimmingSpaces.prefix(24)
      repairs.append(
        Repair(kind: "stray_markup", detail: "removed \(removed.joined(separator: " ")) from \(head)", line: number))
    }
    return result
  }

  /// List markers a line may start with, in the order they are tried.
  private static let listMarkers: [(text: String, bytes: [UInt8])] = ["- ", "* ", "• ", "· ", "## ", "# ", "### "]
    .map { ($0, Array($0.utf8)) }

  /// The byte length of the UTF-8 sequence that `lead` starts.
  private static func decodeScalarLength(_ lead: UInt8) -> Int {
    lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
  }
}

extension Character {
  /// Whether this is one of 0-9.
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
