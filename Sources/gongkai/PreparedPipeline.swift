import GongkaiCore

/// The report pipeline of this process, built on a thread of its own from the start of
/// `main` for the commands that use it: its tables and ICU expressions (about a tenth of
/// parsing one PDF) are then ready by the time the command line is parsed and the input
/// read, instead of adding to them.
enum PreparedPipeline {
  /// The commands that read reports in this process (an array: a Set's first use costs
  /// a runtime type lookup at start).
  private static let commands = ["parse", "clean", "worker"]

  private static let building = BackgroundValue<ReportPipeline> {
    let pipeline = ReportPipeline()
    pipeline.prepare()
    return pipeline
  }

  /// Starts building the pipeline when `arguments` (the process's, program name first)
  /// name a command that will need it.
  static func start(for arguments: [String]) {
    guard arguments.count > 1, commands.contains(arguments[1]) else { return }
    _ = building
  }

  /// The pipeline, waiting for it to be ready (and starting it if `start` did not).
  static var pipeline: ReportPipeline { building.value }
}
