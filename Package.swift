// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Gongkai",
  products: [
    .executable(name: "gongkai", targets: ["gongkai"]),
    .library(name: "GongkaiCore", targets: ["GongkaiCore"]),
    .library(name: "GongkaiReader", targets: ["GongkaiReader"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // Turns Models/*.json into Swift source at build time, so the templates live inside
    // the binary and a copied `gongkai` needs no resource folder beside it.
    .executableTarget(name: "ModelEmbedder", path: "Sources/ModelEmbedder"),
    .plugin(name: "EmbedModels", capability: .buildTool(), dependencies: ["ModelEmbedder"]),

    // The whole pipeline after text extraction: no C dependency, builds anywhere.
    .target(name: "GongkaiCore", plugins: ["EmbedModels"]),

    // Positioned text (PDF text layer or OCR) → lines, table rows and cells. Pure Swift.
    .target(name: "GongkaiLayout"),

    // poppler-glib, GLib and cairo, loaded with dlopen on first use (see
    // Sources/CPoppler/shim.h): only rendering pages (OCR) needs them.
    .systemLibrary(name: "CPoppler"),
    // One content-stream pass per page for characters and painted paths, through poppler's
    // C++ core (libpoppler-private-dev); a plain C surface, no C++ type leaves the target.
    // CPopplerCore only carries the flags of `pkg-config poppler`.
    .systemLibrary(
      name: "CPopplerCore", pkgConfig: "poppler",
      providers: [.apt(["libpoppler-private-dev"])]),
    .target(name: "CPopplerDrawing", dependencies: ["CPopplerCore"]),
    .target(name: "GongkaiPDF", dependencies: ["GongkaiLayout", "CPoppler", "CPopplerDrawing"]),

    // Scanned pages through tesseract's C API: tables read cell by cell. The library is
    // loaded with dlopen on first use (see Sources/CTesseract/shim.h), so it is not linked;
    // the header comes from libtesseract-dev (scripts/setup.sh installs it).
    .systemLibrary(name: "CTesseract"),
    .target(name: "GongkaiOCR", dependencies: ["CTesseract", "GongkaiLayout", "GongkaiPDF"]),
    // Times the scan reader against plain `tesseract` (scripts/bench-ocr.sh).
    .executableTarget(name: "gongkai-ocr-bench", dependencies: ["GongkaiCore", "GongkaiOCR", "GongkaiPDF"]),

    // Web pages, Word files and Markdown through libxml2's C API (HTML parser, XML parser).
    // The library is loaded with dlopen on first use (see Sources/CLibXML2/include/CLibXML2.h),
    // so it is not linked; the headers come from libxml2-dev (scripts/setup.sh installs it).
    .target(name: "CLibXML2"),
    .target(
      name: "GongkaiMarkup",
      dependencies: ["GongkaiCore", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      plugins: ["EmbedModels"]),

    // OpenSSL's SHA-256 for source.sha256 of large inputs, loaded with dlopen on first use.
    .systemLibrary(name: "CCrypto"),
    // SHA-256 through the CPU's SHA instructions (x86-64), for source.sha256 of any input.
    .target(name: "CSHA256"),

    // The front door: any input (PDF, scan, web page, Word file, Markdown, text export) → loaded text → Report.
    .target(
      name: "GongkaiReader",
      dependencies: ["GongkaiCore", "GongkaiPDF", "GongkaiOCR", "GongkaiMarkup", "CCrypto", "CSHA256"]),

    .executableTarget(
      name: "gongkai",
      dependencies: [
        "GongkaiCore", "GongkaiReader",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .testTarget(name: "GongkaiCoreTests", dependencies: ["GongkaiCore"]),
    .testTarget(name: "GongkaiLayoutTests", dependencies: ["GongkaiLayout"]),
    .testTarget(
      name: "GongkaiPDFTests", dependencies: ["GongkaiPDF", "GongkaiLayout"], exclude: ["Fixtures"]),
    .testTarget(name: "GongkaiOCRTests", dependencies: ["GongkaiOCR", "GongkaiPDF", "GongkaiLayout"]),
    .testTarget(name: "GongkaiReaderTests", dependencies: ["GongkaiReader", "GongkaiCore", "CSHA256"]),
    .testTarget(name: "GongkaiMarkupTests", dependencies: ["GongkaiMarkup", "GongkaiCore"]),
    .testTarget(
      name: "CommandLineTests",
      dependencies: [
        "gongkai", "GongkaiCore", "GongkaiReader", "GongkaiPDF", "GongkaiLayout", "GongkaiOCR",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
  ],
  swiftLanguageModes: [.v6],
  cxxLanguageStandard: .cxx17
)
