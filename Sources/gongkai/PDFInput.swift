import Foundation
import GongkaiCore

/// The PDF front end: the text layer laid out by geometry, ready for the text pipeline.
enum PDFInput {
  static func load(path: String, data: Data, name: String, sha256: String) throws(InputError) -> LoadedInput {
    throw InputError(file: path, kind: .pdf, reason: "PDF input is not built into this binary yet")
  }
}
