/// Something the validator found wrong or doubtful in a report.
public struct Finding: Sendable, Hashable {
  /// How serious a finding is.
  public enum Severity: String, Sendable, Hashable {
    /// The data contradicts itself or is incomplete.
    case error
    /// Worth a person's look; the data may still be right.
    case warning
  }

  /// The rule's name, e.g. `balance`.
  public var rule: String
  /// Error or warning.
  public var severity: Severity
  /// Dotted path into the report, e.g. `requests.results_total.total`.
  public var location: String
  /// What was found, with the numbers.
  public var message: String

  /// Creates a finding.
  public init(rule: String, severity: Severity, location: String, message: String) {
    self.rule = rule
    self.severity = severity
    self.location = location
    self.message = message
  }
}
