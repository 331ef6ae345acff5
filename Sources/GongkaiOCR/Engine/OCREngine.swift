import CTesseract
import Foundation
import GongkaiLayout

/// One loaded tesseract model. Not thread-safe and not `Sendable`: make one engine per
/// model and per worker thread, and never share it.
public final class OCREngine {
  /// The models Gongkai reads with.
  public enum Language: String, Sendable, CaseIterable {
    /// Simplified Chinese (`chi_sim`), for labels and running text; reads digits too.
    case chineseSimplified = "chi_sim"
    /// English (`eng`), the better reader of lone numbers.
    case english = "eng"

    /// The Debian package that installs the model.
    public var debianPackage: String {
      switch self {
      case .chineseSimplified: return "tesseract-ocr-chi-sim"
      case .english: return "tesseract-ocr-eng"
      }
    }
  }

  /// How the image is segmented before it is read.
  public enum Mode: Sendable, Hashable {
    /// The image is one line of text (tesseract's page segmentation mode 7).
    case singleLine
    /// The image is one block of lines (mode 6).
    case block
    /// The image is one character (mode 10): a header written one character per line.
    case singleCharacter
  }

  /// The owned `TessBaseAPI *`, deleted in `deinit`.
  private let handle: OpaquePointer
  /// tesseract's functions.
  private let tesseract: GongkaiTesseractAPI
  /// The model loaded.
  public let language: Language
  /// The tessdata directory it was loaded from.
  public let dataPath: String
  private var currentMode: Mode? = nil
  private var currentWhitelist: String? = nil

  /// Debian's tessdata directory, used when `TESSDATA_PREFIX` is not set.
  public static let debianDataPath = "/usr/share/tesseract-ocr/5/tessdata"

  /// The tessdata directory to use: `TESSDATA_PREFIX` when set, else Debian's.
  public static var defaultDataPath: String {
    dataPath(environment: ProcessInfo.processInfo.environment)
  }

  /// The tessdata directory `environment` asks for: its `TESSDATA_PREFIX`, else Debian's.
  static func dataPath(environment: [String: String]) -> String {
    if let prefix = environment["TESSDATA_PREFIX"], !prefix.isEmpty { return prefix }
    return debianDataPath
  }

  /// Loads `language` from `dataPath` (default: ``defaultDataPath``).
  ///
  /// Throws ``OCRError/languageDataMissing(language:directory:package:)`` when the model
  /// file is not there, naming the Debian package that installs it.
  public init(language: Language, dataPath: String? = nil) throws(OCRError) {
    let tesseract = try TesseractLibrary.shared.get().functions.pointee
    let directory = dataPath ?? Self.defaultDataPath
    let model = (directory as NSString).appendingPathComponent("\(language.rawValue).traineddata")
    guard FileManager.default.isReadableFile(atPath: model) else {
      throw .languageDataMissing(
        language: language.rawValue, directory: directory, package: language.debianPackage)
    }
    guard let api = tesseract.TessBaseAPICreate() else {
      throw .engineInitFailed(language: language.rawValue, directory: directory)
    }
    // Silence tesseract's own diagnostics ("Estimating resolution …") on stderr. Lines
    // read with a low mean confidence are not read a second time inverted (white on black):
    // our cells and text are dark print on light paper, and that second pass doubled the
    // cost of every doubtful line.
    let names = ["debug_file", "tessedit_do_invert"]
    let values = ["/dev/null", "0"]
    let status = Self.withCStrings(names) { namePointers in
      Self.withCStrings(values) { valuePointers in
        tesseract.TessBaseAPIInit4(
          api, directory, language.rawValue, OEM_LSTM_ONLY, nil, 0, namePointers, valuePointers,
          names.count, 0)
      }
    }
    guard status == 0 else {
      tesseract.TessBaseAPIDelete(api)
      throw .engineInitFailed(language: language.rawValue, directory: directory)
    }
    self.handle = api
    self.tesseract = tesseract
    self.language = language
    self.dataPath = directory
  }

  deinit {
    tesseract.TessBaseAPIEnd(handle)
    tesseract.TessBaseAPIDelete(handle)
  }

  /// Reads `region` of `bitmap` (the whole bitmap when `nil`).
  ///
  /// `whitelist` limits the characters tesseract may answer with (`nil`: any). Boxes in the
  /// result are in pixels of `bitmap`.
  public func recognize(
    _ bitmap: GreyBitmap, region: PixelRect? = nil, mode: Mode, whitelist: String? = nil
  ) -> OCRText {
    let full = PixelRect(x: 0, y: 0, width: bitmap.width, height: bitmap.height)
    let area = (region ?? full).intersection(full)
    guard !area.isEmpty else { return OCRText(text: "", words: [], symbols: []) }
    configure(mode: mode, whitelist: whitelist)
    return OCRTrace.measure(
      "ocr\t\(language.rawValue)\t\(mode)\t\(whitelist == nil ? "-" : "wl")\t\(area.width)x\(area.height)"
    ) { recognize(bitmap, area: area) }
  }

  /// Reads `area` of `bitmap` with the mode and whitelist set.
  private func recognize(_ bitmap: GreyBitmap, area: PixelRect) -> OCRText {
    bitmap.pixels.withUnsafeBufferPointer { pixels -> OCRText in
      guard let base = pixels.baseAddress else { return OCRText(text: "", words: [], symbols: []) }
      tesseract.TessBaseAPISetImage(handle, base, Int32(bitmap.width), Int32(bitmap.height), 1, Int32(bitmap.width))
      tesseract.TessBaseAPISetSourceResolution(handle, Int32(max(70, bitmap.dpi.rounded())))
      tesseract.TessBaseAPISetRectangle(handle, Int32(area.x), Int32(area.y), Int32(area.width), Int32(area.height))
      defer { tesseract.TessBaseAPIClear(handle) }
      guard tesseract.TessBaseAPIRecognize(handle, nil) == 0 else {
        return OCRText(text: "", words: [], symbols: [])
      }
      return collect()
    }
  }

  private func configure(mode: Mode, whitelist: String?) {
    if currentMode != mode {
      let segmentation =
        switch mode {
        case .singleLine: PSM_SINGLE_LINE
        case .block: PSM_SINGLE_BLOCK
        case .singleCharacter: PSM_SINGLE_CHAR
        }
      tesseract.TessBaseAPISetPageSegMode(handle, segmentation)
      currentMode = mode
    }
    if currentWhitelist != whitelist {
      _ = tesseract.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", whitelist ?? "")
      currentWhitelist = whitelist
    }
  }

  /// The text, words and symbols of the last recognition.
  private func collect() -> OCRText {
    var text = ""
    if let raw = tesseract.TessBaseAPIGetUTF8Text(handle) {
      text = String(cString: raw)
      tesseract.TessDeleteText(raw)
    }
    guard let iterator = tesseract.TessBaseAPIGetIterator(handle) else {
      return OCRText(text: Self.trimmed(text), words: [], symbols: [])
    }
    defer { tesseract.TessResultIteratorDelete(iterator) }
    let words = items(iterator, level: RIL_WORD)
    tesseract.TessPageIteratorBegin(tesseract.TessResultIteratorGetPageIterator(iterator))
    let symbols = items(iterator, level: RIL_SYMBOL)
    return OCRText(text: Self.trimmed(text), words: words, symbols: symbols)
  }

  private func items(_ iterator: OpaquePointer, level: TessPageIteratorLevel) -> [OCRItem] {
    var result: [OCRItem] = []
    let page = tesseract.TessResultIteratorGetPageIteratorConst(iterator)
    repeat {
      guard let raw = tesseract.TessResultIteratorGetUTF8Text(iterator, level) else { continue }
      let piece = String(cString: raw)
      tesseract.TessDeleteText(raw)
      var left: Int32 = 0
      var top: Int32 = 0
      var right: Int32 = 0
      var bottom: Int32 = 0
      guard tesseract.TessPageIteratorBoundingBox(page, level, &left, &top, &right, &bottom) != 0 else {
        continue
      }
      let confidence = Double(tesseract.TessResultIteratorConfidence(iterator, level))
      let box = PixelRect(
        x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top))
      result.append(OCRItem(text: piece, box: box, confidence: confidence))
    } while tesseract.TessResultIteratorNext(iterator, level) != 0
    return result
  }

  static func trimmed(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Calls `body` with a C array of C strings for `strings`, valid during the call.
  static func withCStrings<Result>(
    _ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Result
  ) -> Result {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress) }
  }
}
