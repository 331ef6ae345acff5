import GongkaiLayout

/// Decides whether a page's text layer is usable or empty/garbage (and so needs OCR).
struct TextLayerCheck {
  /// Fewer readable characters than this means the page has no text.
  var minimumReadable = 1
  /// A larger share of unreadable characters (U+FFFD, private use, controls) means garbage.
  var maximumUnreadableShare = 0.3

  func isUsable(_ characters: [PositionedCharacter]) -> Bool {
    var readable = 0
    var unreadable = 0
    for character in characters where !character.character.isBlank {
      if Self.isUnreadable(character.character) {
        unreadable += 1
      } else {
        readable += 1
      }
    }
    guard readable >= minimumReadable else { return false }
    return Double(unreadable) <= maximumUnreadableShare * Double(readable + unreadable)
  }

  static func isUnreadable(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return true }
    switch scalar.value {
    case 0xFFFD, 0xE000...0xF8FF, 0xF0000...0x10FFFF: return true
    case 0...0x1F, 0x7F...0x9F: return true
    default: return false
    }
  }
}
