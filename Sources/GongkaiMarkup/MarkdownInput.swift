/// The Markdown front end.
public enum MarkdownInput {
  /// The report text of Markdown `text`.
  public static func read(_ text: String) -> MarkupText {
    MarkupText(blocks: text.split(separator: "\n").map { .paragraph(String($0)) })
  }
}
