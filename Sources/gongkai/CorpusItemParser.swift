import Foundation
import GongkaiCore
import GongkaiReader

/// Turns one input into its worker reply: the report, or an error record when the
/// input cannot be read or holds no report.
struct CorpusItemParser {
  /// The pipeline in use.
  let pipeline = PreparedPipeline.pipeline
  /// Password and OCR settings.
  var reading: ReadOptions
  private let writer = JSONWriter(pretty: false)

  /// Creates a parser that reads inputs with `reading`.
  init(reading: ReadOptions) {
    self.reading = reading
  }

  /// The reply for `path`.
  func reply(for path: String) -> WorkerReply {
    do {
      let input = try InputLoader.load(path, options: reading)
      input.warnings.forEach(printError)
      let report = try pipeline.report(
        text: input.text, source: input.source, titleHint: input.titleHint, uncertain: input.uncertain,
        locator: input.locator, inputRepairs: input.repairs)
      return WorkerReply(
        template: report.meta.template, year: report.meta.year,
        errorFindings: report.findings.count { $0.severity == .error }, rules: report.findings.map(\.rule),
        record: ReportJSON.text(report, writer: writer))
    } catch {
      let record = ErrorRecord(path: path, error: error)
      return WorkerReply(failure: record.errorKind, message: record.message, record: record.line)
    }
  }
}
