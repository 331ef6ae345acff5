import Foundation
import GongkaiCore
import GongkaiReader

/// The JSON Lines record of an input that gave no report:
/// `{"source": {"file", "path", "sha256", "kind"}, "error": {"kind", "message"}}`.
struct ErrorRecord {
  /// Kinds beyond `InputError.Kind`: the worker reading the file died or took too long.
  enum SupervisorKind: String {
    /// The worker process died (a signal, or an exit without an answer).
    case crash
    /// The worker did not answer within `--timeout` seconds and was killed.
    case timeout
  }

  /// The input as given.
  var path: String
  /// Hex SHA-256 of its bytes, nil when they could not be read.
  var sha256: String?
  /// The input's kind by content (as `source.kind`), nil when unreadable or not read.
  var kind: SourceInfo.Kind?
  /// `unreadable`, `empty`, `binary`, `not_a_report`, `pdf`, `crash`, `timeout`.
  var errorKind: String
  /// What went wrong, one line, without the file name.
  var message: String

  /// A record for `path`, reading the file to fill in its digest and kind.
  init(path: String, errorKind: String, message: String) {
    self.path = path
    self.errorKind = errorKind
    self.message = message
    if let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) {
      sha256 = SHA256.hexDigest(data)
      kind = InputKind.sniff(data, name: (path as NSString).lastPathComponent).sourceKind
    }
  }

  /// A record for an input the pipeline refused.
  init(path: String, error: InputError) {
    self.init(path: path, errorKind: error.kind.rawValue, message: error.reason)
  }

  /// The record as a JSON value, `source` first (so a resumed run finds `sha256` early).
  var json: JSONValue {
    .object([
      (
        "source",
        .object([
          ("file", .string((path as NSString).lastPathComponent)),
          ("path", .string(path)),
          ("sha256", sha256.map(JSONValue.string) ?? .null),
          ("kind", kind.map { .string($0.rawValue) } ?? .null),
        ])
      ),
      ("error", .object([("kind", .string(errorKind)), ("message", .string(message))])),
    ])
  }

  /// The record as one compact JSON line, without the newline.
  var line: String { JSONWriter(pretty: false).string(from: json) }
}
