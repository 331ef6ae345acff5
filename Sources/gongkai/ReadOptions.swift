import ArgumentParser
import Foundation
import GongkaiReader

/// `--ocr auto|always|never`.
extension OCRMode: ExpressibleByArgument {}

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
