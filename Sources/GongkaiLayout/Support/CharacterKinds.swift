// Small classifications of characters and strings used across the layout code.

extension Character {
  /// An ASCII letter or digit.
  var isASCIIWordCharacter: Bool {
    isASCII && (isLetter || isNumber)
  }
}

extension Character {
  /// A Chinese (CJK unified) ideograph.
  var isHanIdeograph: Bool {
    guard let scalar = unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
    default: return false
    }
  }
}

extension Character {
  /// `isWhitespace` (the first scalar's Unicode White_Space property), answered without the
  /// property table for ASCII and CJK ideographs, most of a page's characters: the table
  /// lookup was ≈2% of a small PDF's parse.
  public var isBlank: Bool {
    guard let scalar = unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x09...0x0D, 0x20: return true
    case 0...0x7F, 0x3400...0x9FFF: return false
    default: return scalar.properties.isWhitespace
    }
  }
}

extension Character {
  /// An ASCII or full-width decimal digit.
  var isWholeNumberDigit: Bool {
    // One scalar (every character a PDF's text layer gives): its value says it without the
    // Unicode-ordered comparison of `"0"..."9"`, which was ≈10% of a page's layout.
    let scalars = unicodeScalars
    if let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
      return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }
    return ("0"..."9").contains(self) || ("０"..."９").contains(self)
  }

  /// A full-width decimal digit (０–９): one em wide, like a Chinese character.
  var isFullWidthDigit: Bool {
    guard let scalar = unicodeScalars.first else { return false }
    return (0xFF10...0xFF19).contains(scalar.value)
  }

  /// `.`, `,` or `-`: besides digits, all a number cell may hold.
  var isNumberPunctuation: Bool {
    // One scalar: its value, without comparing Characters (as `isWholeNumberDigit`).
    let scalars = unicodeScalars
    if let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
      return scalar == "." || scalar == "," || scalar == "-"
    }
    return ".,-".contains(self)
  }
}

extension String {
  /// The string with every occurrence of `target` replaced (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
