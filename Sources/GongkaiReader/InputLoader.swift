import Foundation
import GongkaiCore
import GongkaiMarkup

/// Reads input files and bytes: the kind is sniffed from the content, then the PDF front
/// end (text layer and OCR), the HTML, DOCX or Markdown front end, or the text decoder
/// turns them into text for the pipeline.
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
    lazy var sha256 = InputDigest.hexDigest(data)
    switch InputKind.sniff(data, name: name) {
    case .pdf:
      // The digest is worked out beside the PDF's extraction, which does not need it.
      let digest = BackgroundValue { InputDigest.hexDigest(data) }
      return try PDFInput.load(path: path, data: data, name: name, sha256: { digest.value }, options: options)
    case .html:
      let page = try HTMLInput.read(data, file: path)
      return LoadedInput(
        text: page.text, source: SourceInfo(file: name, sha256: sha256, kind: .html), gridLines: page.origins,
        locator: options.provenance ? MarkupLocators.grid(page.origins) : nil)
    case .zip:
      let document = try DOCXInput.read(data, file: path)
      return LoadedInput(
        text: document.text, source: SourceInfo(file: name, sha256: sha256, kind: .docx),
        gridLines: document.origins, locator: options.provenance ? MarkupLocators.grid(document.origins) : nil)
    case .legacyOffice:
      throw InputError(
        file: path, kind: .unsupported,
        reason: "a legacy Word or WPS file (.doc/.wps, OLE2), which is not read; save it as .docx or PDF and parse that"
      )
    case .markdown:
      let text = try TextDecoder.decode(data, file: path)
      let markdown = MarkdownInput.read(text)
      return LoadedInput(
        text: markdown.text, source: SourceInfo(file: name, sha256: sha256, kind: .markdown),
        warnings: markdown.warnings.map { "\(path): \($0)" }, inputLines: markdown.inputLines,
        locator: options.provenance ? MarkupLocators.markdown(markdown.inputLines) : nil)
    case .text:
      let decoded = try TextDecoder.decodeReporting(data, file: path)
      return LoadedInput(
        text: decoded.text, source: SourceInfo(file: name, sha256: sha256, kind: .text), repairs: decoded.repairs,
        locator: options.provenance ? LineLocator() : nil)
    }
  }
}
