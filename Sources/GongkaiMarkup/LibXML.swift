import CLibXML2
import GongkaiCore

/// libxml2's functions, loaded when a web page or Word file is first read (see
/// Sources/CLibXML2/include/CLibXML2.h): PDFs and text exports never load it.
enum LibXML {
  /// The functions, or why libxml2 could not be loaded.
  private static let loaded: Result<GongkaiXMLAPI, Failure> = {
    var problem: UnsafePointer<CChar>? = nil
    guard let api = gongkai_xml_load(&problem) else {
      return .failure(Failure(reason: problem.map { String(cString: $0) } ?? "libxml2 could not be loaded"))
    }
    return .success(api.pointee)
  }()

  private struct Failure: Error {
    var reason: String
  }

  /// The functions; nil when libxml2 could not be loaded (`require` says why).
  static var api: GongkaiXMLAPI? { try? loaded.get() }

  /// Fails with a one-line error naming `file` when libxml2 cannot be loaded.
  static func require(for file: String) throws(InputError) {
    guard case .failure(let failure) = loaded else { return }
    throw InputError(
      file: file, kind: .unsupported,
      reason:
        "web pages and Word files are read with libxml2, which could not be loaded (\(failure.reason)); install it (Debian/Ubuntu: apt-get install libxml2)"
    )
  }
}
