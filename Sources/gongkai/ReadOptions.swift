import ArgumentParser
import Foundation

/// When scanned pages are read by OCR.
enum OCRMode: String, ExpressibleByArgument, CaseIterable, Sendable {
  /// Pages without a usable text layer (scans, images, garbage text).
  case auto
  /// Every page, ignoring the text layer.
  case always
  /// No page: pages without text are skipped and their values come out missing.
  case never
}

/// How inputs are read: PDF password and OCR settings, shared by parse, clean and the
/// corpus workers.
struct ReadOptions: Sendable {
  /// Password of encrypted PDFs.
  var password: String?
  /// When to OCR.
  var ocr: OCRMode = .auto
  /// Resolution scanned pages are rendered at.
  var dpi: Double = 300
  /// Pages read by OCR at once (one tesseract engine each).
  var ocrJobs: Int = ProcessInfo.processInfo.activeProcessorCount
  /// Whether to keep the side data that traces each cell to its place in the input.
  var provenance = false

  /// The defaults: no password, OCR where needed at 300 dpi over all cores.
  init() {}
}

/// The options of `parse` and `clean` that say how inputs are read.
struct ReadArguments: ParsableArguments {
  @Option(help: "Password of encrypted PDFs.")
  var password: String?

  @Option(help: "OCR scanned pages: auto (pages without a usable text layer), always, never.")
  var ocr: OCRMode = .auto

  @Option(help: "Resolution (dpi) scanned pages are rendered at for OCR.")
  var dpi: Double = 300

  func validate() throws {
    guard (100...600).contains(dpi) else { throw ValidationError("--dpi must be between 100 and 600") }
  }

  /// The options these arguments give.
  var options: ReadOptions {
    var options = ReadOptions()
    options.password = password
    options.ocr = ocr
    options.dpi = dpi
    return options
  }
}
