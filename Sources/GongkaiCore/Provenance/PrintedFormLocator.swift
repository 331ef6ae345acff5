/// A front end's locator whose cells' `raw` is spelled as the text handed to the pipeline
/// prints it: the repairs narrow full-width digits (`１３６２` is read as 1362), and
/// provenance's `raw` is the text before normalisation.
struct PrintedFormLocator: CellLocating {
  /// The front end's locator, asked first.
  let base: any CellLocating
  /// The lines of the text handed to the pipeline, 0-based (line 1 is `lines[0]`).
  let lines: [Substring]

  /// `base` itself when `text` holds no full-width digit (nothing to respell), else a
  /// locator that respells what `base` leaves narrowed.
  static func wrapping(_ base: any CellLocating, text: String) -> any CellLocating {
    guard hasFullWidthDigit(text) else { return base }
    return PrintedFormLocator(
      base: base, lines: text.split(separator: "\n", omittingEmptySubsequences: false))
  }

  /// Equal values on a line are told apart by occurrence, as the printed line is searched.
  var needsOccurrence: Bool { true }

  /// The front end's origin.
  func origin(of position: AssembledTable.CellOrigin, raw: String) -> CellProvenance.Origin? {
    base.origin(of: position, raw: raw)
  }

  /// The front end's origin, and the printed spelling of `raw` when the base gave none and
  /// the cell's line prints it with full-width forms.
  func located(_ position: AssembledTable.CellOrigin, raw: String) -> (
    origin: CellProvenance.Origin, raw: String?
  )? {
    guard let (origin, printed) = base.located(position, raw: raw) else { return nil }
    if printed != nil { return (origin, printed) }
    return (origin, printedForm(of: raw, at: position))
  }

  /// `raw` as the cell's line (its field when tab-separated) prints it, when that holds
  /// full-width digits; nil otherwise.
  func printedForm(of raw: String, at position: AssembledTable.CellOrigin) -> String? {
    guard position.line >= 1, position.line <= lines.count else { return nil }
    var line = lines[position.line - 1]
    if line.last == "\r" { line = line.dropLast() }
    if let field = position.field {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard field >= 0, field < fields.count else { return nil }
      line = fields[field]
    }
    let scalars = Array(line.unicodeScalars)
    let wide = scalars.filter { (0xFF10...0xFF19).contains($0.value) }.count
    guard wide > 0 else { return nil }
    if !scalars.contains(where: { ("0"..."9").contains($0) }) {
      // Every digit there is full-width, and the repairs narrow only digits: widen them back
      // (this holds for digits a repair split out of a run, which no search would find alone).
      var text = String.UnicodeScalarView()
      for scalar in raw.unicodeScalars {
        text.append(("0"..."9").contains(scalar) ? Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar : scalar)
      }
      return String(text)
    }
    // Digits of both widths: the occurrence-th whole value that narrows to `raw`.
    let wanted = raw.unicodeScalars.map(LabelText.narrow)
    guard let first = wanted.first else { return nil }
    var seen = 0
    var start = 0
    while start + wanted.count <= scalars.count {
      defer { start += 1 }
      guard LabelText.narrow(scalars[start]) == first else { continue }
      let end = start + wanted.count
      guard (1..<wanted.count).allSatisfy({ LabelText.narrow(scalars[start + $0]) == wanted[$0] }) else { continue }
      if start > 0, Self.continuesNumber(scalars[start - 1]) { continue }
      if end < scalars.count, Self.continuesNumber(scalars[end]) { continue }
      if seen < (position.occurrence ?? 0) {
        seen += 1
        continue
      }
      let match = scalars[start..<end]
      guard match.contains(where: { (0xFF10...0xFF19).contains($0.value) }) else { return nil }
      var text = String.UnicodeScalarView()
      text.append(contentsOf: match)
      return String(text)
    }
    return nil
  }

  /// A digit, point or comma (ASCII or full-width): part of the number beside it.
  private static func continuesNumber(_ scalar: Unicode.Scalar) -> Bool {
    let narrow = LabelText.narrow(scalar)
    return ("0"..."9").contains(narrow) || narrow == "." || narrow == ","
  }

  /// Whether `text` holds a full-width digit (UTF-8 EF BC 90–99), found without decoding.
  private static func hasFullWidthDigit(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var index = 0
      while index + 2 < bytes.count {
        if bytes[index] == 0xEF, bytes[index + 1] == 0xBC, (0x90...0x99).contains(bytes[index + 2]) { return true }
        index += 1
      }
      return false
    }
  }
}
