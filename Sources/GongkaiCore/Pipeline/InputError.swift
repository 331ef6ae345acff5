/// Why an input could not be turned into a report; the command line prints it as one
/// line naming the file and exits with status 2.
public struct InputError: Error, CustomStringConvertible, Equatable {
  /// What kind of problem.
  public enum Kind: String, Sendable {
    /// The file could not be opened or read.
    case unreadable
    /// The file has no bytes, or no text.
    case empty
    /// The bytes are not text in a known encoding.
    case binary
    /// The text or PDF holds no annual report tables.
    case notAReport = "not_a_report"
    /// The PDF could not be used (damaged, encrypted, no pages).
    case pdf
    /// A Word file (or other archive) could not be used: damaged, not a Word document.
    case docx
    /// A format that is recognised but not read (legacy .doc/.wps).
    case unsupported
  }

  /// The input's name as given.
  public var file: String
  /// What kind of problem.
  public var kind: Kind
  /// What went wrong and, where it helps, what to do.
  public var reason: String

  /// Creates an input error.
  public init(file: String, kind: Kind, reason: String) {
    self.file = file
    self.kind = kind
    self.reason = reason
  }

  /// The message, one line.
  public var description: String { "\(file): \(reason)" }
}
