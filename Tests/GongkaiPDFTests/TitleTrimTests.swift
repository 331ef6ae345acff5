import Foundation
import Testing

@testable import GongkaiPDF

/// The title's trimming, scalar by scalar, gives what Foundation's
/// `trimmingCharacters(in: .whitespacesAndNewlines)` gives.
@Suite("Title trimming")
struct TitleTrimTests {
  @Test("isWhitespaceOrNewline is CharacterSet.whitespacesAndNewlines on every Unicode scalar")
  func sameSet() {
    var members = 0
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(
        scalar.isWhitespaceOrNewline == CharacterSet.whitespacesAndNewlines.contains(scalar),
        "U+\(String(value, radix: 16))")
      if scalar.isWhitespaceOrNewline { members += 1 }
    }
    #expect(members == 26)
  }

  @Test("trimming gives Foundation's result, marks after a trimmed space included")
  func sameTrim() {
    let texts = [
      "", " ", "\u{3000}\r\n\t", "  2023年政府信息公开工作年度报告 \n", "\u{85}title\u{2029}",
      " \u{301}abc \u{301}", "\u{FEFF}bom\u{200B}", "a b", "\u{A0}\u{1680}x\u{205F}\u{202F}", "\r\n",
    ]
    for text in texts {
      #expect(
        text.trimmingWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(text.unicodeScalars.map(\.value))")
    }
  }
}
