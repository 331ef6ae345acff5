import Foundation
// Programs that read reports get the report types with the one import.
@_exported import GongkaiCore

/// The front door for Swift programs: a file or its bytes in, a validated `Report` out,
/// whatever the input's kind (PDF, scanned PDF, web page, Word file, Markdown, text
/// export), which is read from the content.
///
///     let reader = ReportReader()
///     let report = try reader.report(contentsOf: URL(fileURLWithPath: "report.pdf"))
///     print(report.meta.year, report.requests.cell("new_requests", "total"))
public struct ReportReader: Sendable {
  /// PDF password and OCR settings.
  public var options: ReadOptions
  /// The repair → parse → validate pipeline the text goes through.
  public let pipeline: ReportPipeline

  /// Creates a reader with `options` over the standard forms.
  public init(options: ReadOptions = ReadOptions(), pipeline: ReportPipeline = ReportPipeline()) {
    self.options = options
    self.pipeline = pipeline
  }

  /// The report in the file at `url`; an `InputError` says why there is none.
  public func report(contentsOf url: URL) throws(InputError) -> Report {
    try report(from: InputLoader.load(url.path, options: options))
  }

  /// The report in `data`, the bytes of a file called `name`.
  public func report(data: Data, name: String) throws(InputError) -> Report {
    try report(from: InputLoader.load(data: data, path: name, options: options))
  }

  /// The report of an input already loaded (see `InputLoader`).
  public func report(from input: LoadedInput) throws(InputError) -> Report {
    try pipeline.report(
      text: input.text, source: input.source, titleHint: input.titleHint, uncertain: input.uncertain,
      locator: input.locator)
  }
}
