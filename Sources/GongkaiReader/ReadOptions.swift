import Foundation

/// When scanned pages are read by OCR.
public enum OCRMode: String, CaseIterable, Sendable {
  /// Pages without a usable text layer (scans, images, garbage text).
  case auto
  /// Every page, ignoring the text layer.
  case always
  /// No page: pages without text are skipped and their values come out missing.
  case never
}

/// How inputs are read: PDF password and OCR settings, shared by parse, clean and the
/// corpus workers.
public struct ReadOptions: Sendable, Equatable {
  /// Password of encrypted PDFs.
  public var password: String?
  /// When to OCR.
  public var ocr: OCRMode = .auto
  /// Resolution scanned pages are rendered at.
  public var dpi: Double = 300
  /// Pages read by OCR at once (one tesseract engine each); all cores unless set.
  public var ocrJobs: Int {
    get { ocrJobsGiven ?? ProcessInfo.processInfo.activeProcessorCount }
    set { ocrJobsGiven = newValue }
  }
  /// `ocrJobs` when set: the core count is asked for only when OCR runs (Foundation's
  /// ProcessInfo reads /sys and the cgroup limits, at every start otherwise).
  private var ocrJobsGiven: Int?
  /// Whether a PDF's pages are read on two threads when the process may use a second core
  /// (corpus workers turn it off: the workers share the cores already).
  public var parallelPages = true
  /// Whether to keep the side data that traces each cell to its place in the input
  /// (`LoadedInput.locator`, the report's `provenance`).
  public var provenance = false

  /// The defaults: no password, OCR where needed at 300 dpi over all cores.
  public init() {}
}
