/// Counts over a corpus run, for the exit status and `--summary`: reports by template and
/// year, findings by rule, failures by kind, peak memory of the workers.
struct CorpusTally {
  /// Inputs that gave a report.
  var reports = 0
  /// Inputs that gave an error record.
  var failures = 0
  /// Reports with at least one error finding.
  var reportsWithErrors = 0
  /// Inputs skipped because `--resume` found them in the output.
  var skipped = 0
  /// Reports per `template year` (`2021 2022`, year `?` when unknown).
  var byTemplateYear: [String: Int] = [:]
  /// Findings per rule: how many findings, in how many reports.
  var byRule: [String: (findings: Int, reports: Int)] = [:]
  /// Failures per error kind.
  var byFailure: [String: Int] = [:]
  /// Largest peak resident memory of any worker, in kilobytes.
  var peakWorkerKilobytes = 0
  /// Workers started (more than `--jobs` when some crashed or timed out).
  var workersStarted = 0

  /// Counts one reply.
  mutating func add(_ reply: WorkerReply) {
    if let failure = reply.failure {
      failures += 1
      byFailure[failure, default: 0] += 1
      return
    }
    reports += 1
    if reply.errorFindings > 0 { reportsWithErrors += 1 }
    byTemplateYear["\(reply.template) \(reply.year.map(String.init) ?? "?")", default: 0] += 1
    for rule in Set(reply.rules) { byRule[rule, default: (0, 0)].reports += 1 }
    for rule in reply.rules { byRule[rule, default: (0, 0)].findings += 1 }
  }

  /// The `--summary` text: aligned sections, one fact per line.
  func summary(seconds: Double, jobs: Int) -> String {
    var lines: [String] = []
    let done = reports + failures
    lines.append(
      "inputs: \(done + skipped) — \(reports) report(s), \(failures) failed"
        + (skipped > 0 ? ", \(skipped) skipped (already in the output)" : ""))
    if seconds > 0 && done > 0 {
      lines.append(
        "time: \(ProgressMeter.duration(seconds)), \(String(format: "%.1f", Double(done) / seconds)) inputs/s with \(jobs) job(s)"
      )
    }
    if peakWorkerKilobytes > 0 {
      lines.append("peak memory per worker: \(peakWorkerKilobytes / 1024) MB (\(workersStarted) worker(s) started)")
    }
    lines.append("")
    lines.append("reports by template and year:")
    lines += TextTable.render(
      header: ["template", "year", "reports"],
      rows: byTemplateYear.sorted { $0.key < $1.key }.map { key, count in
        let parts = key.split(separator: " ").map(String.init)
        return [parts.first ?? "", parts.last ?? "", String(count)]
      }, rightAligned: [2])
    lines.append("")
    lines.append("findings by rule:")
    lines += TextTable.render(
      header: ["rule", "findings", "reports"],
      rows: byRule.sorted { $0.key < $1.key }.map { [$0.key, String($0.value.findings), String($0.value.reports)] },
      rightAligned: [1, 2])
    lines.append("")
    lines.append("failures by kind:")
    lines += TextTable.render(
      header: ["kind", "inputs"], rows: byFailure.sorted { $0.key < $1.key }.map { [$0.key, String($0.value)] },
      rightAligned: [1])
    return lines.joined(separator: "\n") + "\n"
  }
}
