/// Where a report came from and how it was read.
public struct SourceInfo: Sendable, Equatable {
  /// What kind of input it was.
  public enum Kind: String, Sendable {
    /// A PDF file.
    case pdf
    /// A text export.
    case text
    /// A web page (.html, .htm).
    case html
    /// A Word file (.docx).
    case docx
    /// Markdown, e.g. a converter's output.
    case markdown
  }

  /// How a PDF's text was obtained.
  public enum TextLayer: String, Sendable {
    /// Every page had a text layer.
    case native
    /// Every page was read by OCR.
    case ocr
    /// Some pages of each.
    case mixed
  }

  /// The input's file name without directories.
  public var file: String
  /// Hex SHA-256 of the input bytes.
  public var sha256: String
  /// PDF, web page, Word file, Markdown or text.
  public var kind: Kind
  /// Page count of a PDF; nil for text.
  public var pages: Int?
  /// How a PDF's text was read; nil for text.
  public var textLayer: TextLayer?

  /// Creates source information.
  public init(file: String, sha256: String, kind: Kind, pages: Int? = nil, textLayer: TextLayer? = nil) {
    self.file = file
    self.sha256 = sha256
    self.kind = kind
    self.pages = pages
    self.textLayer = textLayer
  }
}

/// Title, agency, year and form of a report.
public struct ReportMeta: Sendable, Equatable {
  /// The title line, cleaned.
  public var title: String?
  /// The reporting body, when the report names it.
  public var agency: String?
  /// The year reported on.
  public var year: Int?
  /// `2019` or `2021`: the form the tables follow.
  public var template: String
  /// The signing date, `YYYY-MM-DD`.
  public var published: String?

  /// Creates report metadata.
  public init(title: String?, agency: String?, year: Int?, template: String, published: String?) {
    self.title = title
    self.agency = agency
    self.year = year
    self.template = template
    self.published = published
  }
}

/// The narrative parts of a report, cleaned; nil when a part is absent.
public struct ReportSections: Sendable, Equatable {
  /// 一、总体情况
  public var overview: String?
  /// 五、存在的主要问题及改进情况
  public var problems: String?
  /// 六、其他需要报告的事项
  public var other: String?

  /// Creates the sections.
  public init(overview: String? = nil, problems: String? = nil, other: String? = nil) {
    self.overview = overview
    self.problems = problems
    self.other = other
  }

  /// The sections as (key, text) pairs in contract order.
  public var all: [(key: String, text: String?)] {
    [("overview", overview), ("problems", problems), ("other", other)]
  }
}

/// One annual report as structured, validated data: the output contract.
public struct Report: Sendable, Equatable {
  /// The contract version written into every report.
  public static let schema = "gongkai.report/1"

  /// Where it came from.
  public var source: SourceInfo
  /// Title, agency, year, form.
  public var meta: ReportMeta
  /// Narrative parts.
  public var sections: ReportSections
  /// Table 二, 主动公开政府信息情况.
  public var proactive: DataTable
  /// Table 三, 收到和处理政府信息公开申请情况.
  public var requests: DataTable
  /// Table 四, 行政复议、行政诉讼情况.
  public var appeals: DataTable
  /// What the validator found.
  public var findings: [Finding]
  /// What the repair layer changed.
  public var repairs: [Repair]
  /// Where each non-null cell was read, in table order; nil unless asked for.
  public var provenance: [CellProvenance]? = nil

  /// Creates a report.
  public init(
    source: SourceInfo, meta: ReportMeta, sections: ReportSections, proactive: DataTable,
    requests: DataTable, appeals: DataTable, findings: [Finding], repairs: [Repair]
  ) {
    self.source = source
    self.meta = meta
    self.sections = sections
    self.proactive = proactive
    self.requests = requests
    self.appeals = appeals
    self.findings = findings
    self.repairs = repairs
  }

  /// The table named `proactive`, `requests` or `appeals`.
  public func table(named name: String) -> DataTable? {
    switch name {
    case "proactive": return proactive
    case "requests": return requests
    case "appeals": return appeals
    default: return nil
    }
  }
}
