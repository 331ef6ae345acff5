import Foundation

/// What a saved portal page puts around a report (Models/web-furniture.json): elements
/// that never hold page text, class/id words of site furniture, furniture lines, and the
/// markers that find the report on the page.
struct WebFurniture: Sendable, Decodable {
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
    var word = ""
    for scalar in value.unicodeScalars {
      if CharacterSet.alphanumerics.contains(scalar) {
        word.unicodeScalars.append(scalar)
      } else {
        if !word.isEmpty, furnitureWords.contains(word.lowercased()) { return true }
        word = ""
      }
    }
    return !word.isEmpty && furnitureWords.contains(word.lowercased())
  }

  /// Whether a paragraph is a furniture line (publication info, print links, copyright).
  func isFurnitureLine(_ text: String) -> Bool {
    text.utf8.count <= 400 && lineMarkers.contains { text.contains($0) }
  }

  /// Whether a paragraph is one of the report's section headings.
  func isHeading(_ text: String) -> Bool {
    text.utf8.count <= 120 && headingMarkers.contains { text.contains($0) }
  }
}
