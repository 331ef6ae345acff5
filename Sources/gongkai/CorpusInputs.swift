import Foundation

/// The inputs of a corpus run: files as given, folders searched recursively for PDFs, web
/// pages, Word files, Markdown and text exports (sorted by path, so every run sees the same order), and paths read from
/// standard input one per line.
enum CorpusInputs {
  /// File name endings a folder search takes (case-insensitive).
  static let extensions: Set<String> = ["pdf", "txt", "html", "htm", "docx", "md", "markdown", "doc", "wps"]

  /// The paths of `arguments`, then of the lines of standard input when `standardInput`.
  /// A folder becomes its reports; a file is taken whatever its name (a missing one
  /// becomes an error record later).
  static func expand(_ arguments: [String], standardInput: Bool) -> [String] {
    var paths: [String] = []
    for argument in arguments { append(argument, to: &paths) }
    if standardInput {
      while let line = readLine(strippingNewline: true) {
        let path = line.hasSuffix("\r") ? String(line.dropLast()) : line
        if !path.isEmpty { append(path, to: &paths) }
      }
    }
    return paths
  }

  /// Whether any argument is a folder (which turns corpus mode on).
  static func containsFolder(_ arguments: [String]) -> Bool {
    arguments.contains { isFolder($0) }
  }

  private static func append(_ path: String, to paths: inout [String]) {
    if isFolder(path) {
      paths.append(contentsOf: reports(in: path))
    } else {
      paths.append(path)
    }
  }

  private static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// The reports under `folder` (.pdf .txt .html .htm .docx .md .markdown, and .doc .wps,
  /// which become error records saying to convert them), at any depth, sorted by path; hidden files
  /// and folders are left out.
  static func reports(in folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      if name.hasPrefix(".") {
        enumerator.skipDescendants()
        continue
      }
      guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
      let path = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
      if !isFolder(path) { found.append(path) }
    }
    return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
