import CPoppler

/// poppler-glib's functions (with GLib's and cairo's), loaded once per process on first use:
/// runs that render no page never load them (see `Sources/CPoppler/shim.h`).
struct PopplerGlib: @unchecked Sendable {
  // The table is written once, before `shared` is published, and only read after.
  /// The loaded functions.
  let functions: UnsafePointer<GongkaiPopplerAPI>

  /// The library, or why it could not be loaded.
  static let shared: Result<PopplerGlib, LoadError> = {
    var problem: UnsafePointer<CChar>?
    guard let functions = gongkai_poppler_load(&problem) else {
      return .failure(LoadError(detail: problem.map { String(cString: $0) } ?? "unknown reason"))
    }
    return .success(PopplerGlib(functions: functions))
  }()

  /// The functions, or the error saying poppler-glib is missing.
  static func api() throws(LoadError) -> GongkaiPopplerAPI {
    try shared.get().functions.pointee
  }

  /// Why poppler-glib could not be loaded.
  struct LoadError: Error {
    /// dlopen's or dlsym's reason.
    var detail: String
    /// A sentence for users.
    var message: String {
      "poppler-glib could not be loaded (\(detail)); install libpoppler-glib8 (scripts/setup.sh)"
    }
  }
}
