import Foundation
import GongkaiCore

/// Reads input files and bytes: the kind is sniffed from the content, then the PDF front
/// end (text layer and OCR) or the text decoder turns them into text for the pipeline.
public enum InputLoader {
  /// Reads the file at `path`; errors name the file as the user gave it.
  public static func load(_ path: String, options: ReadOptions = ReadOptions()) throws(InputError) -> LoadedInput {
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
    return try load(data: data, path: path, options: options)
  }

  /// Reads `data`, the bytes of a file called `path` (used in messages; its last
  /// component becomes `source.file`).
  public static func load(data: Data, path: String, options: ReadOptions = ReadOptions()) throws(InputError)
    -> LoadedInput
  {
    let name = (path as NSString).lastPathComponent
    let sha256 = SHA256.hexDigest(data)
    switch InputKind.sniff(data, name: name) {
    case .pdf:
      return try PDFInput.load(path: path, data: data, name: name, sha256: sha256, options: options)
    case .text:
      let decoded = try TextDecoder.decodeReporting(data, file: path)
      return LoadedInput(
        text: decoded.text, source: SourceInfo(file: name, sha256: sha256, kind: .text), repairs: decoded.repairs)
    }
  }
}
