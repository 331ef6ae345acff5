import Foundation
import GongkaiCore

/// What an input's bytes are, decided from the content; the file name only breaks the
/// tie between Markdown and plain text, which the content may leave open.
public enum InputKind: String, Sendable, CaseIterable {
  /// A PDF (the `%PDF` marker near the start).
  case pdf
  /// A web page: the text starts with markup such as `<!DOCTYPE html>`, `<html>`, `<table>`.
  case html
  /// A ZIP archive (a .docx is one; the DOCX front end checks it holds a Word document).
  case zip
  /// A legacy binary Office file (OLE2: .doc, .wps, .xls), which is not read.
  case legacyOffice
  /// Markdown: `#` headings or pipe tables.
  case markdown
  /// Plain text: a text export.
  case text

  /// The `source.kind` of a report read from an input of this kind; nil for a legacy
  /// Office file, which is not read.
  public var sourceKind: SourceInfo.Kind? {
    switch self {
    case .pdf: .pdf
    case .html: .html
    case .zip: .docx
    case .legacyOffice: nil
    case .markdown: .markdown
    case .text: .text
    }
  }

  /// The kind of `data`, whose file is called `name`.
  public static func sniff(_ data: Data, name: String) -> InputKind {
    let head = data.prefix(1024)
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
    if contains(head, "%PDF") { return .pdf }
    let text = String(decoding: head, as: UTF8.self)
    if looksLikeHTML(text) { return .html }
    let fileExtension = (name as NSString).pathExtension.lowercased()
    if fileExtension == "md" || fileExtension == "markdown" || looksLikeMarkdown(data.prefix(65536)) {
      return .markdown
    }
    return .text
  }

  /// Whether `marker` (ASCII) occurs in `data`, compared byte by byte in place.
  private static func contains(_ data: Data, _ marker: StaticString) -> Bool {
    let needle = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
    guard let first = needle.first else { return true }
    return data.withUnsafeBytes { raw in
      guard raw.count >= needle.count else { return false }
      for start in 0...(raw.count - needle.count) where raw[start] == first {
        var offset = 1
        while offset < needle.count, raw[start + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      return false
    }
  }

  /// Whether a text starts as markup: after a byte order mark, blanks and comments, a tag
  /// that only pages have.
  static func looksLikeHTML(_ head: String) -> Bool {
    var rest = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
    while rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
      rest = rest[end.upperBound...].drop { $0.isWhitespace }
    }
    while rest.hasPrefix("<?xml"), let end = rest.range(of: "?>") {
      rest = rest[end.upperBound...].drop { $0.isWhitespace }
    }
    let start = rest.prefix(16).lowercased()
    return ["<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<div", "<p>", "<p ", "<title"].contains {
      start.hasPrefix($0)
    }
  }

  /// Whether text reads as Markdown: a line starting with `# ` … `###### `, or a pipe
  /// table's separator row (`|---|---|`). Reads the bytes in place.
  static func looksLikeMarkdown(_ data: Data) -> Bool {
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var index = 0
      while index < bytes.count {
        var end = index
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        var start = index
        while start < end, bytes[start] == 0x20 { start += 1 }
        if start < end, bytes[start] == UInt8(ascii: "#") {
          var hashes = start
          while hashes < end, bytes[hashes] == UInt8(ascii: "#") { hashes += 1 }
          if hashes - start <= 6, hashes < end, bytes[hashes] == 0x20 { return true }
        } else if start < end, bytes[start] == UInt8(ascii: "|") {
          var dash = false
          var separator = true
          for position in start..<end {
            switch bytes[position] {
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), 0x20, 0x09, 0x0D: break
            default: separator = false
            }
            if !separator { break }
          }
          if separator, dash { return true }
        }
        index = end + 1
      }
      return false
    }
  }
}
