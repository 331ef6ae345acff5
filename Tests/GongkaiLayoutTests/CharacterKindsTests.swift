import Testing

@testable import GongkaiLayout

/// The character classifications answered from scalar values give what the Unicode-ordered
/// comparisons they replace give.
@Suite("Character kinds")
struct CharacterKindsTests {
  @Test("isWholeNumberDigit and isNumberPunctuation: the comparisons' answers for every Unicode scalar, and with marks")
  func wholeNumberDigit() {
    func byComparison(_ character: Character) -> Bool {
      ("0"..."9").contains(character) || ("０"..."９").contains(character)
    }
    var digits = 0
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let character = Character(scalar)
      #expect(character.isWholeNumberDigit == byComparison(character), "U+\(String(value, radix: 16))")
      if character.isWholeNumberDigit { digits += 1 }
    }
    #expect(digits == 20)
    func punctuationByComparison(_ character: Character) -> Bool { ".,-".contains(character) }
    var punctuation = 0
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let character = Character(scalar)
      #expect(character.isNumberPunctuation == punctuationByComparison(character), "U+\(String(value, radix: 16))")
      if character.isNumberPunctuation { punctuation += 1 }
    }
    #expect(punctuation == 3)
    // Several scalars in one character take the comparison itself.
    for text in ["0\u{301}", "9\u{301}", "５\u{20DD}", "a\u{301}", "\r\n", ".\u{301}", "-\u{20DD}"] {
      let character = Character(text)
      #expect(character.isWholeNumberDigit == byComparison(character), "\(text.unicodeScalars.map(\.value))")
      #expect(
        character.isNumberPunctuation == punctuationByComparison(character), "\(text.unicodeScalars.map(\.value))")
    }
  }
}
