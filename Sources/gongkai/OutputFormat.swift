import ArgumentParser

/// How `parse` writes reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  /// Indented JSON: one object for one input, an array for several.
  case json
  /// JSON Lines: one compact object per line.
  case jsonl
  /// CSV: a header, then one row per report.
  case csv
  /// JSON Lines, one line per table cell (tidy data).
  case cells
  /// CSV, one row per table cell (tidy data).
  case cellsCSV = "cells-csv"
}
