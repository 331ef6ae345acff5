import Foundation
import GongkaiCore

/// The DOCX front end (Word 2007+): paragraphs with their automatic numbering, tables
/// with merged cells expanded.
public enum DOCXInput {
  /// The report text of the Word file `data`; errors name `file`.
  public static func read(_ data: Data, file: String) throws(InputError) -> MarkupText {
    throw InputError(file: file, kind: .docx, reason: "not yet")
  }
}
