import Foundation

/// What an input's bytes are, decided from the content (the file name only breaks ties
/// the content leaves open).
public enum InputKind: String, Sendable, CaseIterable {
  /// A PDF (the `%PDF` marker near the start).
  case pdf
  /// Plain text: a text export.
  case text

  /// The kind of `data`, whose file is called `name`.
  public static func sniff(_ data: Data, name: String) -> InputKind {
    if data.prefix(1024).range(of: Data("%PDF".utf8)) != nil { return .pdf }
    return .text
  }
}
