import Foundation
import PackagePlugin

/// Compiles the files of the package's Models/ folder into the target as Swift source.
@main
struct EmbedModels: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let models = context.package.directoryURL.appending(path: "Models")
    let files = modelFiles(in: models)
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedModels.swift")
    let arguments =
      [output.path()]
      + files.map { file in
        let name = String(file.path().dropFirst(models.path().count))
          .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return "\(name)=\(file.path())"
      }
    return [
      .buildCommand(
        displayName: "Embedding Models/ into \(target.name)",
        executable: try context.tool(named: "ModelEmbedder").url,
        arguments: arguments,
        inputFiles: files,
        outputFiles: [output])
    ]
  }

  /// Every .json file below `folder`, sorted so the generated source is stable.
  private func modelFiles(in folder: URL) -> [URL] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: nil)
    else { return [] }
    return enumerator.compactMap { $0 as? URL }
      .filter { $0.pathExtension == "json" }
      .sorted { $0.path() < $1.path() }
  }
}
