extension ReadingChooser {
  /// `report` (validated, from a scan) with each count the narrative states otherwise by one
  /// glyph left null: the same number of digits, one digit apart (行政许可 read 9767 with
  /// confidence where the overview says 作出行政许可决定5767件). Both were read by OCR; a
  /// digit misread in one of them is far likelier than a report off by one digit, and which of
  /// the two is misread cannot be told, so the cell is null with an `ocr_low_confidence`
  /// finding naming both figures. Counts the narrative contradicts by more keep their values
  /// and their `narrative_mismatch` warnings; cells in `skipping` (doubtful reads, settled by
  /// ``settlingByNarrative(_:stated:doubtful:)``) are left alone. `stated` is
  /// ``statedFigures(in:)`` of `report`.
  func doubtingNarrativeNearMisses(_ report: Report, stated: [String: Set<Int>], skipping: Set<String>) -> Report {
    var result = report
    var doubted: [(path: String, read: Int, figure: Int)] = []
    for (path, figures) in stated.sorted(by: { $0.key < $1.key }) where !skipping.contains(path) {
      let parts = path.split(separator: ".").map(String.init)
      guard parts.count == 3, figures.count == 1, let figure = figures.first,
        case .count(let read)?? = report.table(named: parts[0])?.cell(parts[1], parts[2]),
        Self.oneDigitApart(read, figure)
      else { continue }
      result.set(parts[0], parts[1], parts[2], nil)
      doubted.append((path, read, figure))
    }
    guard !doubted.isEmpty else { return report }
    result.findings += doubted.map { entry in
      Finding(
        rule: "ocr_low_confidence", severity: .warning, location: entry.path,
        message:
          "the scan reads \(entry.read) here and the narrative states \(entry.figure), one digit apart: one of them is misread; check the cell against the scan"
      )
    }
    let paths = Set(doubted.map(\.path))
    result.provenance?.removeAll { paths.contains($0.path) }
    return validator.validate(result)
  }

  /// Whether `a` and `b` differ and have as many digits, differing in one place only.
  static func oneDigitApart(_ a: Int, _ b: Int) -> Bool {
    guard a >= 0, b >= 0, a != b else { return false }
    let (first, second) = (Array(String(a)), Array(String(b)))
    guard first.count == second.count else { return false }
    return zip(first, second).filter { $0 != $1 }.count == 1
  }
}
