/// The whole text path in one place: repair → parse → validate. PDF and OCR front ends
/// hand it the text their layout step produced.
public struct ReportPipeline: Sendable {
  /// The forms and label knowledge in use.
  public let catalog: TemplateCatalog
  private let repairer: DocumentRepairer
  private let parser: ReportParser
  private let validator: Validator
  /// The validator reports go out with: a check whose cells read on one side already sum
  /// past its other, complete side is an error though the first side has null cells (counts
  /// are never negative, so no value of the nulls makes it add up).
  private let reportValidator: Validator
  private let narrative: NarrativeChecker

  /// Creates a pipeline over the catalog's forms.
  public init(catalog: TemplateCatalog = .standard) {
    self.catalog = catalog
    let narrative = NarrativeChecker(catalog: catalog)
    self.narrative = narrative
    repairer = DocumentRepairer(catalog: catalog, narrative: narrative)
    parser = ReportParser(catalog: catalog)
    validator = Validator(catalog: catalog, narrative: narrative)
    var bounding = validator
    bounding.bounds = true
    reportValidator = bounding
  }

  /// Builds ahead what reports otherwise build on first use (every form's table
  /// assemblers, the regular expressions that need ICU), so a caller can have it done on
  /// another thread while it reads the input.
  public func prepare() {
    repairer.prepare()
    narrative.prepare()
  }

  /// The repaired document of `text` (what `gongkai clean` prints).
  public func repair(_ text: String) -> RepairedDocument { repairer.repair(text) }

  /// The validated report of `text`, or an error when the text holds no annual report.
  /// `uncertain` lists values the text source doubts (OCR), located in `text`; with a
  /// `locator` (the front end's side data), the report carries each cell's provenance;
  /// `inputRepairs` are changes made before the text (decoding), kept with the others.
  public func report(
    text: String, source: SourceInfo, titleHint: String? = nil, uncertain: [UncertainCell] = [],
    locator: (any CellLocating)? = nil, inputRepairs: [Repair] = []
  ) throws(InputError) -> Report {
    var document = repairer.repair(text)
    if !inputRepairs.isEmpty { document.repairs = inputRepairs + document.repairs }
    try Self.requireReport(document, file: source.file)
    let locator = locator.map { PrintedFormLocator.wrapping($0, text: text) }
    return reportValidator.validate(
      chosenReadings(document: document, source: source, titleHint: titleHint, uncertain: uncertain, locator: locator))
  }

  /// The report of a repaired `document`, with the doubtful OCR reads of `uncertain` chosen
  /// among or left null (the caller validates it). A text with nothing doubtful and no scan is
  /// the parse alone: validated once, on the way out.
  private func chosenReadings(
    document: RepairedDocument, source: SourceInfo, titleHint: String?, uncertain: [UncertainCell],
    locator: (any CellLocating)?
  ) -> Report {
    let parsed = parser.parse(document, source: source, titleHint: titleHint, uncertain: uncertain, locator: locator)
    // Doubtful OCR reads: the tables' arithmetic may choose among readings of the same glyphs,
    // and a doubtful read it still contradicts is left null.
    let doubtful = parser.placed(uncertain, in: document)
    let isScan = UnreadCell(source: source).isScan
    guard isScan || !doubtful.isEmpty else { return parsed }
    var report = validator.validate(parsed)
    var chooser = ReadingChooser(validator: validator)
    chooser.narrative = narrative
    // The narrative's figures, read once: nulling a cell leaves them as they are.
    let figures = chooser.statedFigures(in: report)
    if isScan {
      // A scanned count one digit off the narrative's figure for it: one of the two is misread.
      report = chooser.doubtingNarrativeNearMisses(report, stated: figures, skipping: Set(doubtful.map(\.path)))
    }
    guard !doubtful.isEmpty else { return report }
    // The narrative first: it speaks to one cell; what it settles the sums leave alone.
    let (stated, settled) = chooser.settlingByNarrative(report, stated: figures, doubtful: doubtful)
    let open = doubtful.filter { !settled.contains($0.path) }
    return chooser.droppingContradicted(chooser.choose(stated, doubtful: open), doubtful: open)
  }

  /// The report of a repaired document, validated.
  public func report(document: RepairedDocument, source: SourceInfo, titleHint: String? = nil) -> Report {
    reportValidator.validate(parser.parse(document, source: source, titleHint: titleHint))
  }

  /// Findings of `report` recomputed from its data (what `gongkai validate` does).
  public func revalidate(_ report: Report) -> Report { reportValidator.validate(report) }

  /// Fails unless the document has the tables of an annual report: at least one table
  /// heading and a few rows recognised.
  public static func requireReport(_ document: RepairedDocument, file: String) throws(InputError) {
    let rows =
      [document.proactive, document.requests].compactMap { $0?.rows.count }.reduce(0, +)
      + (document.appeals?.rows.isEmpty == false ? 1 : 0)
    guard rows >= 3 else {
      let tables = ["proactive", "requests", "appeals"].filter { document.headings[$0] != nil }.count
      throw InputError(
        file: file, kind: .notAReport,
        reason: tables == 0
          ? "no 政府信息公开工作年度报告 found: none of the headings 二、主动公开政府信息情况, 三、收到和处理政府信息公开申请情况, 四、…行政复议、行政诉讼情况"
          : "the report's tables could not be read: \(rows) row(s) recognised under \(tables) table heading(s)")
    }
  }
}
