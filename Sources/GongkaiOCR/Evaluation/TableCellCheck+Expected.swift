import Foundation

extension TableCellCheck {
  /// The table-三 row keys of the output contract with the start of each row's own label.
  public static let requestLabels: [(key: String, label: String)] = [
    ("new", "一、本年新收"), ("carried_over", "二、上年结转"), ("granted", "（一）予以公开"),
    ("partially_granted", "（二）部分公开"), ("denied_state_secret", "1.属于国家秘密"),
    ("denied_prohibited_by_law", "2.其他法律行政法规禁止公开"), ("denied_security_stability", "3.危及"),
    ("denied_third_party", "4.保护第三方"), ("denied_internal_affairs", "5.属于三类内部事务"),
    ("denied_process_info", "6.属于四类过程性"), ("denied_enforcement_files", "7.属于行政执法案卷"),
    ("denied_administrative_query", "8.属于行政查询"), ("unable_not_held", "1.本机关不掌握"),
    ("unable_needs_creation", "2.没有现成信息"), ("unable_unclear", "3.补正后申请内容"),
    ("rejected_petition", "1.信访举报投诉"), ("rejected_duplicate", "2.重复申请"),
    ("rejected_publication", "3.要求提供公开出版物"), ("rejected_excessive", "4.无正当理由大量反复"),
    ("rejected_confirmation", "5.要求行政机关确认"), ("other", "（六）其他处理"),
    ("other_no_correction", "1.申请人无正当理由逾期不补正"), ("other_unpaid_fee", "2.申请人逾期未按收费"),
    ("other_other", "3.其他"), ("results_total", "（七）总计"), ("carried_forward", "四、结转下年度"),
  ]

  /// The keys of the seven cells of a table-三 row, in column order.
  public static let applicantKeys = [
    "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
  ]

  /// The appeal groups and their cells, in the order table 四 prints them.
  public static let appealKeys: [(group: String, cells: [String])] = [
    "review", "litigation_direct", "litigation_after_review",
  ].map { ($0, ["upheld", "corrected", "other", "pending", "total"]) }

  /// A check for the `requests` and `appeals` of an expected file (`Samples/**/NAME.expected.json`).
  public init(expectedJSON data: Data) throws {
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    let requests = object["requests"] as? [String: Any] ?? [:]
    let rows = Self.requestLabels.compactMap { key, label -> Row? in
      guard let cells = requests[key] as? [String: Any] else { return nil }
      return Row(label: label, values: Self.applicantKeys.map { cells[$0] as? Int })
    }
    let appeals = object["appeals"] as? [String: Any] ?? [:]
    let values = Self.appealKeys.flatMap { group, cells in
      cells.map { (appeals[group] as? [String: Any])?[$0] as? Int }
    }
    self.init(requests: rows, appeals: appeals.isEmpty ? [] : values)
  }
}
