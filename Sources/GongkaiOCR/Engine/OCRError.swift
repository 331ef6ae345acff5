import Foundation

/// Why OCR could not run; every message says what went wrong and what to do.
public enum OCRError: Error, LocalizedError, Equatable, Sendable {
  /// The trained model for a language is not in the tessdata directory.
  case languageDataMissing(language: String, directory: String, package: String)
  /// tesseract found the model but would not load it (damaged file, wrong version).
  case engineInitFailed(language: String, directory: String)
  /// A page could not be turned into an image to read.
  case pageUnavailable(page: Int, detail: String)
  /// libtesseract could not be loaded (not installed, or too old).
  case libraryMissing(detail: String)

  /// A one-line explanation with the fix.
  public var errorDescription: String? {
    switch self {
    case .languageDataMissing(let language, let directory, let package):
      return
        "OCR language data \(language).traineddata is not in \(directory); install the Debian package \(package) (apt-get install \(package)) or point TESSDATA_PREFIX to a tessdata folder that has it."
    case .engineInitFailed(let language, let directory):
      return
        "tesseract could not load \(language).traineddata from \(directory); the file may be damaged or made for another tesseract version — reinstall it."
    case .pageUnavailable(let page, let detail):
      return "page \(page) could not be prepared for OCR (\(detail))."
    case .libraryMissing(let detail):
      return
        "tesseract could not be loaded (\(detail)); install the Debian package libtesseract5 (apt-get install libtesseract5 tesseract-ocr-chi-sim tesseract-ocr-eng) to read scanned pages."
    }
  }
}
