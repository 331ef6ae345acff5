import Foundation

/// What a saved portal page puts around a report (Models/web-furniture.json): elements
/// that never hold page text, class/id words of site furniture, furniture lines, and the
/// markers that find the report on the page.
struct WebFurniture: Sendable, Decodable {
  private enum CodingKeys: String, CodingKey {
    case skipElements, furnitureWords, lineMarkers, headingMarkers, titleMarker
  }

  /// Elements skipped with their content.
  var skipElements: Set<String>
  /// Class or id words marking furniture.
  var furnitureWords: Set<String>
  /// Text marking a short line as furniture.
  var lineMarkers: [String]
  /// Text of the report's section headings.
  var headingMarkers: [String]
  /// What the title line contains.
  var titleMarker: String
  /// The markers as bytes, for fast search.
  private let lineNeedles: [ByteNeedle]
  private let headingNeedles: [ByteNeedle]
  let titleNeedle: ByteNeedle
  /// The furniture words as lower-case bytes, by length.
  private let wordsByLength: [[[UInt8]]]

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    skipElements = try container.decode(Set<String>.self, forKey: .skipElements)
    furnitureWords = try container.decode(Set<String>.self, forKey: .furnitureWords)
    lineMarkers = try container.decode([String].self, forKey: .lineMarkers)
    headingMarkers = try container.decode([String].self, forKey: .headingMarkers)
    titleMarker = try container.decode(String.self, forKey: .titleMarker)
    lineNeedles = lineMarkers.map(ByteNeedle.init)
    headingNeedles = headingMarkers.map(ByteNeedle.init)
    titleNeedle = ByteNeedle(titleMarker)
    var byLength: [[[UInt8]]] = Array(repeating: [], count: (furnitureWords.map(\.utf8.count).max() ?? 0) + 1)
    for word in furnitureWords { byLength[word.utf8.count].append(Array(word.utf8)) }
    wordsByLength = byLength
  }

  /// The furniture compiled from Models/web-furniture.json; a broken file is a build
  /// defect caught by the tests, so it stops the program naming the file.
  static let standard: WebFurniture = {
    guard let text = EmbeddedModels.files["web-furniture.json"] else {
      fatalError("Models/web-furniture.json: missing")
    }
    do {
      return try JSONDecoder().decode(WebFurniture.self, from: Data(text.utf8))
    } catch {
      fatalError("Models/web-furniture.json: \(error)")
    }
  }()

  /// Whether a class or id value (NUL-terminated UTF-8) names furniture: one of its
  /// words (runs of ASCII letters and digits, in any case) is a furniture word. Compared
  /// byte by byte, no String made.
  func isFurniture(classOrID value: UnsafePointer<UInt8>) -> Bool {
    var index = 0
    var wordStart = 0
    while true {
      let byte = value[index]
      let isWordByte =
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      if !isWordByte {
        if index > wordStart, isFurnitureWord(value + wordStart, count: index - wordStart) { return true }
        if byte == 0 { return false }
        wordStart = index + 1
      }
      index += 1
    }
  }

  /// Whether the `count` bytes at `word` (ASCII letters and digits) are a furniture word in any case.
  private func isFurnitureWord(_ word: UnsafePointer<UInt8>, count: Int) -> Bool {
    guard count < wordsByLength.count else { return false }
    candidates: for candidate in wordsByLength[count] {
      for index in 0..<count {
        let byte = word[index]
        let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
        if lowered != candidate[index] { continue candidates }
      }
      return true
    }
    return false
  }

  /// Whether a paragraph is a furniture line (publication info, print links, copyright).
  func isFurnitureLine(_ text: String) -> Bool {
    guard text.utf8.count <= 400 else { return false }
    var text = text
    return text.withUTF8 { bytes in lineNeedles.contains { $0.occurs(in: bytes) } }
  }

  /// Whether a paragraph is one of the report's section headings.
  func isHeading(_ text: String) -> Bool {
    guard text.utf8.count <= 120 else { return false }
    var text = text
    return text.withUTF8 { bytes in headingNeedles.contains { $0.occurs(in: bytes) } }
  }
}
