import GongkaiCore

/// Chinese column labels for the CSV columns, taken from the forms in Models/:
/// `requests.new.total` → `三、一、本年新收政府信息公开申请数量·总计`. Where both forms have
/// a key, the newer form's wording wins.
struct ChineseHeaders {
  private var labels: [String: String] = [
    "source.file": "文件名", "source.sha256": "文件SHA-256", "source.kind": "文件类型", "source.pages": "页数",
    "source.text_layer": "文本来源", "meta.title": "标题", "meta.agency": "机关", "meta.year": "报告年度",
    "meta.template": "表式", "meta.published": "成文日期", "findings.errors": "校验错误数",
    "findings.warnings": "校验警告数", "findings.rules": "校验发现", "repairs.count": "修复数",
  ]

  /// Labels for the catalog's forms.
  init(catalog: TemplateCatalog = .standard) {
    var derived: [String: String] = [:]
    func put(_ key: String, _ label: String) {
      if derived[key] == nil { derived[key] = label }
    }
    for template in catalog.templates.reversed() {
      func number(_ table: String) -> String {
        template.sections.first { $0.table == table }.map { $0.number + "、" } ?? ""
      }
      for section in template.sections where section.table == nil {
        put("sections.\(section.key)", "\(section.number)、\(section.title)")
      }
      let proactive = number("proactive")
      for row in template.proactive.rows {
        for key in template.proactive.columnKeys(of: row) {
          guard let column = template.proactive.column(key) else { continue }
          let base = "\(proactive)\(row.label)·\(column.label)"
          if column.kind == .amount {
            put("proactive.\(row.key).\(key).yuan", base + "（元）")
            put("proactive.\(row.key).\(key).raw", base + "（原文）")
          } else {
            put("proactive.\(row.key).\(key)", base)
          }
        }
      }
      let requests = number("requests")
      for row in template.requests.rows {
        let label = (row.group.map { $0 + "·" } ?? "") + row.label
        // `三、本年度办理结果·…` already starts with the table's number.
        let prefix = label.hasPrefix(requests) ? "" : requests
        for column in template.requests.columns {
          put("requests.\(row.key).\(column.key)", "\(prefix)\(label)·\(column.label)")
        }
      }
      let appeals = number("appeals")
      for group in template.appeals.groups {
        for column in template.appeals.columns {
          put("appeals.\(group.key).\(column.key)", "\(appeals)\(group.label)·\(column.label)")
        }
      }
    }
    labels.merge(derived) { fixed, _ in fixed }
  }

  /// The label of a column key; the key itself when there is none.
  func label(_ key: String) -> String { labels[key] ?? key }

  /// Labels of `keys`, made unique by appending the key to any label used twice.
  func labels(_ keys: [String]) -> [String] {
    let plain = keys.map(label)
    var counts: [String: Int] = [:]
    for label in plain { counts[label, default: 0] += 1 }
    return zip(keys, plain).map { key, label in counts[label, default: 0] > 1 ? "\(label)（\(key)）" : label }
  }
}
