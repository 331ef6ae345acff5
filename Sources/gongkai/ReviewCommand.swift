import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiReader

/// `gongkai review`: a report's review page, one self-contained HTML file.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Write a report's review page: one self-contained HTML file to open in a browser.",
    discussion: """
      For a PDF, every page as an image with each cell read outlined (its key and value on \
      hover); for a text export, the text with each cell read marked. Beside it the \
      findings — errors red, warnings amber, OCR doubts dotted; hovering one highlights \
      its cells — and tables 二/三/四 as read: a click on a value scrolls to where it was \
      read. The file needs no network. Prints its path.
        gongkai review report.pdf -o report.html
      """)

  @Argument(help: "One report (.pdf or a text export).")
  var file: String

  @Option(name: .shortAndLong, help: "The HTML file to write (default: the input's name with .review.html).")
  var output: String?

  @Option(help: "Resolution (dpi) the page images are rendered at.")
  var imageDPI: Double = 96

  @OptionGroup(title: "Reading PDFs")
  var reading: ReadArguments

  func validate() throws {
    guard (36...300).contains(imageDPI) else { throw ValidationError("--image-dpi must be between 36 and 300") }
  }

  func run() throws {
    var options = reading.options
    options.provenance = true
    let report: Report
    let input: LoadedInput
    do {
      input = try InputLoader.load(file, options: options)
      report = try ReportPipeline().report(
        text: input.text, source: input.source, titleHint: input.titleHint, uncertain: input.uncertain,
        locator: input.locator)
      input.warnings.forEach(printError)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let source: ReviewPage.Source
    do {
      source = try ReviewSource.source(of: input, path: file, options: options, dpi: imageDPI)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let html = ReviewPage().html(report: report, source: source)
    let path = output ?? ((file as NSString).deletingPathExtension + ".review.html")
    guard FileManager.default.createFile(atPath: path, contents: Data(html.utf8)) else {
      printError("\(path): cannot be written; check the folder exists and is writable")
      throw ExitCode(2)
    }
    print(path)
  }
}
