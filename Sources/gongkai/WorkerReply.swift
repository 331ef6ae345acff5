/// What a worker sends back for one input: one line of tab-separated fields the
/// supervisor reads cheaply (outcome, template, year, error findings, rules), then the
/// record itself as compact JSON (which holds no raw tab or line break). The supervisor
/// passes the record's bytes to the output without decoding them.
struct WorkerReply: Equatable {
  /// The error kind when the input gave no report; nil for a report.
  var failure: String?
  /// One-line message of a failure, without the file name.
  var message: String = ""
  /// `meta.template` of a report.
  var template: String = ""
  /// `meta.year` of a report, nil when unknown.
  var year: Int?
  /// How many error findings the report has.
  var errorFindings = 0
  /// The rule of every finding, in order (repeated when a rule fires several times).
  var rules: [String] = []
  /// The JSON Lines record as UTF-8, without its newline.
  var record: [UInt8]

  /// A reply for a report.
  init(template: String, year: Int?, errorFindings: Int, rules: [String], record: String) {
    self.template = template
    self.year = year
    self.errorFindings = errorFindings
    self.rules = rules
    self.record = Array(record.utf8)
  }

  /// A reply for an input that gave no report.
  init(failure: String, message: String, record: String) {
    self.failure = failure
    self.message = message
    self.record = Array(record.utf8)
  }

  /// The reply as one line, with its newline.
  var line: [UInt8] {
    let fields: [String]
    if let failure {
      fields = ["E", failure, Self.clean(message), "", ""]
    } else {
      fields = ["R", template, year.map(String.init) ?? "", String(errorFindings), rules.joined(separator: ",")]
    }
    var bytes = Array((fields.joined(separator: "\t") + "\t").utf8)
    bytes.reserveCapacity(bytes.count + record.count + 1)
    bytes.append(contentsOf: record)
    bytes.append(10)
    return bytes
  }

  /// Reads a reply line (without its newline); nil when it is not one.
  init?(line: ArraySlice<UInt8>) {
    var fields: [String] = []
    var start = line.startIndex
    var index = line.startIndex
    while fields.count < 5, index < line.endIndex {
      if line[index] == 9 {
        fields.append(String(decoding: line[start..<index], as: UTF8.self))
        start = index + 1
      }
      index += 1
    }
    guard fields.count == 5, start < line.endIndex, line[start] == UInt8(ascii: "{") else { return nil }
    record = Array(line[start...])
    switch fields[0] {
    case "E":
      failure = fields[1]
      message = fields[2]
    case "R":
      template = fields[1]
      year = Int(fields[2])
      errorFindings = Int(fields[3]) ?? 0
      rules = fields[4].split(separator: ",").map(String.init)
    default: return nil
    }
  }

  private static func clean(_ text: String) -> String {
    String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
  }
}
