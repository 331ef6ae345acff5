import Foundation
import GongkaiCore

/// The DOCX front end (Word 2007 and later, WPS's .docx): paragraphs with their
/// automatic numbering, tables with merged cells expanded.
public enum DOCXInput {
  /// The report text of the Word file `data`; errors name `file`.
  public static func read(_ data: Data, file: String) throws(InputError) -> MarkupText {
    try LibXML.require(for: file)
    let archive = try DOCXArchive(data: data, file: file)
    guard let documentData = try archive.part("word/document.xml") else {
      throw InputError(
        file: file, kind: .docx,
        reason: "a ZIP archive without word/document.xml, so not a Word document; give the report as .docx, PDF or HTML"
      )
    }
    guard let document = MarkupTree.xml(documentData), let root = document.root else {
      throw InputError(file: file, kind: .docx, reason: "word/document.xml is not readable XML (a damaged .docx)")
    }
    let numberingTree = try archive.part("word/numbering.xml").flatMap(MarkupTree.xml)
    let stylesTree = try archive.part("word/styles.xml").flatMap(MarkupTree.xml)
    let numbering = WordNumbering(numbering: numberingTree?.root, styles: stylesTree?.root)
    var reader = DOCXBlockReader(numbering: numbering)
    reader.read(root)
    return MarkupText(blocks: reader.blocks)
  }
}
