import Foundation
import GongkaiCore

/// One input read from disk: its text (from the file, or from a PDF's layout) and where
/// it came from.
struct LoadedInput {
  var text: String
  var source: SourceInfo
  var titleHint: String?
  /// Values the reader doubts (low-confidence OCR), located in `text`.
  var uncertain: [UncertainCell] = []
  /// Changes made while reading (bytes that did not decode).
  var repairs: [Repair] = []
}

/// Reads input files: PDFs through the PDF module, everything else as a text export.
enum InputLoader {
  /// Reads `path`; errors name the file as the user gave it.
  static func load(_ path: String, options: ReadOptions = ReadOptions()) throws(InputError) -> LoadedInput {
    let name = (path as NSString).lastPathComponent
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(file: path, kind: .unreadable, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw InputError(file: path, kind: .unreadable, reason: "is a directory; give the files inside it")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
    } catch {
      throw InputError(file: path, kind: .unreadable, reason: "cannot be read (\(error.localizedDescription))")
    }
    let sha256 = SHA256.hexDigest(data)
    if data.prefix(1024).range(of: Data("%PDF".utf8)) != nil {
      return try PDFInput.load(path: path, data: data, name: name, sha256: sha256, options: options)
    }
    let decoded = try TextDecoder.decodeReporting(data, file: path)
    return LoadedInput(
      text: decoded.text, source: SourceInfo(file: name, sha256: sha256, kind: .text), repairs: decoded.repairs)
  }
}
