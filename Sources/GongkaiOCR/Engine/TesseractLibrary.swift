import CTesseract
import Foundation

/// tesseract's functions, loaded once per process when the first engine is made; runs
/// that read no scans never load it.
struct TesseractLibrary: @unchecked Sendable {
  // The table is written once, before `shared` is published, and only read after.
  /// The loaded functions.
  let functions: UnsafePointer<GongkaiTesseractAPI>

  /// The library, or why it could not be loaded.
  static let shared: Result<TesseractLibrary, OCRError> = {
    // OpenMP reads this when tesseract loads it; processes started later inherit it.
    setenv("OMP_THREAD_LIMIT", "1", 0)
    var problem: UnsafePointer<CChar>?
    guard let functions = gongkai_tesseract_load(&problem) else {
      return .failure(.libraryMissing(detail: problem.map { String(cString: $0) } ?? "unknown reason"))
    }
    return .success(TesseractLibrary(functions: functions))
  }()
}
