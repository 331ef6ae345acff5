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

  /// Whether a class or id value names furniture: one of its words is a furniture word.
  func isFurniture(classOrID value: String) -> Bool {
    var word: [UInt8] = []
    func isFurnitureWord() -> Bool {
      defer { word.removeAll(keepingCapacity: true) }
      return !word.isEmpty && furnitureWords.contains(String(decoding: word, as: UTF8.self))
    }
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
      default: if isFurnitureWord() { return true }
      }
    }
    return isFurnitureWord()
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
