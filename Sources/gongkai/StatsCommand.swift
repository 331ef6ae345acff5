import ArgumentParser
import Foundation
import GongkaiCore

/// `gongkai stats`: totals across a corpus.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Totals across a corpus (JSON Lines from `gongkai parse`), as aligned tables or JSON.",
    discussion: """
      Table 三 summed by row (every applicant column in --json), table 四 by group and \
      result, how many reports fail each validation rule, reports by template and year, \
      and error records by kind. A null cell adds nothing.
      """)

  @Argument(help: "A JSON Lines corpus written by `gongkai parse`.")
  var corpus: String

  @Flag(help: "Print the totals as one JSON object.")
  var json = false

  func run() throws {
    var stats = CorpusStats()
    do {
      try CorpusFile(path: corpus).forEach { record, _ in stats.add(record) }
    } catch let error as CommandError {
      printError(error.description)
      throw ExitCode(2)
    }
    if json {
      print(JSONWriter(pretty: true).string(from: stats.json(corpus: corpus)))
    } else {
      print(stats.text(corpus: corpus), terminator: "")
    }
  }
}
