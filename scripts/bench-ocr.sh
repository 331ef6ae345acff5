#!/usr/bin/env bash
# OCR benchmark: Gongkai's scan reader against plain `tesseract` (chi_sim, whole page,
# --psm 6) on the same rendered page images, in the same run.
#
# For every Samples/scan/*.pdf with an .expected.json: the pages are rendered once to PGM
# at DPI (red ink dropped, as the scan reader renders; our reader also gets the red ink it took
# out, as `gongkai parse` does, to find seals in colour); then both readers read them (one process each, one thread, models loaded once per
# process), and the numbers of table 三 and table 四 in each output are compared with the
# expected file (same scorer for both: a table-三 row is found by its label, its last seven
# numbers compared; table 四 is the line with the most numbers).
#
#   scripts/bench-ocr.sh                 # all scan samples, 300 dpi
#   DPI=200 scripts/bench-ocr.sh Samples/scan/gen-2021-a-scan300.pdf
#
# Needs a release build (made here) and the tesseract command (apt-get install tesseract-ocr).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dpi="${DPI:-300}"
scratch="${SCRATCH:-$root/.build}"

command -v tesseract >/dev/null || { echo "bench-ocr: the tesseract command is missing (apt-get install tesseract-ocr)" >&2; exit 2; }
swift build -c release --scratch-path "$scratch" --product gongkai-ocr-bench >&2
bench="$scratch/release/gongkai-ocr-bench"

# One thread per reader: tesseract's OpenMP threads would otherwise fight each other.
export OMP_THREAD_LIMIT=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$#" -gt 0 ]; then samples=("$@"); else samples=(Samples/scan/*.pdf); fi

now() { date +%s.%N; }

total_pages=0
ours_time=0
ours2_time=0
tables=""
plain_time=0
ours_right=0
plain_right=0
compared=0
printf '%-28s %5s %12s %12s %14s %14s\n' sample pages "ours s/page" "tess s/page" "ours cells" "tess cells"
for pdf in "${samples[@]}"; do
  name="$(basename "$pdf" .pdf)"
  expected="${pdf%.pdf}.expected.json"
  [ -f "$expected" ] || continue
  pages="$work/$name"
  mkdir -p "$pages"
  "$bench" render "$pdf" "$dpi" "$pages"
  images=("$pages"/page-*.pgm)
  count="${#images[@]}"

  start="$(now)"
  "$bench" read 1 "$work/$name.ours.txt" "${images[@]}" >/dev/null
  ours="$(echo "$(now) - $start" | bc -l)"

  printf '%s\n' "${images[@]}" >"$work/$name.list"
  start="$(now)"
  tesseract "$work/$name.list" "$work/$name.plain" -l chi_sim --psm 6 >/dev/null 2>&1
  plain="$(echo "$(now) - $start" | bc -l)"

  start="$(now)"
  OMP_THREAD_LIMIT=1 "$bench" read 2 "$work/$name.ours2.txt" "${images[@]}" >/dev/null
  ours2_time="$(echo "$ours2_time + $(now) - $start" | bc -l)"

  # Parsed with its unsure cells, as `gongkai parse` parses the PDF (the tables' arithmetic
  # chooses among the readings of a doubtful cell; a plain text parse would keep the first).
  "$bench" parse "$work/$name.ours.txt" "$work/$name.ours.txt.unsure" >"$work/$name.json" 2>/dev/null || true
  tables="$tables$(printf '%-28s %s' "$name" "$(python3 "$root/scripts/score-report.py" "$expected" "$work/$name.json" 2>/dev/null || echo 'not parsed')")
"

  read -r ours_ok cells < <("$bench" score "$expected" "$work/$name.ours.txt" 2>/dev/null)
  read -r plain_ok _ < <("$bench" score "$expected" "$work/$name.plain.txt" 2>/dev/null)

  printf '%-28s %5d %12.2f %12.2f %8d / %3d %8d / %3d\n' "$name" "$count" \
    "$(echo "$ours / $count" | bc -l)" "$(echo "$plain / $count" | bc -l)" \
    "$ours_ok" "$cells" "$plain_ok" "$cells"
  total_pages=$((total_pages + count))
  ours_time="$(echo "$ours_time + $ours" | bc -l)"
  plain_time="$(echo "$plain_time + $plain" | bc -l)"
  ours_right=$((ours_right + ours_ok))
  plain_right=$((plain_right + plain_ok))
  compared=$((compared + cells))
done

[ "$total_pages" -gt 0 ] || { echo "bench-ocr: no samples with expected files" >&2; exit 2; }
printf '%-28s %5d %12.2f %12.2f %8d / %3d %8d / %3d\n' total "$total_pages" \
  "$(echo "$ours_time / $total_pages" | bc -l)" "$(echo "$plain_time / $total_pages" | bc -l)" \
  "$ours_right" "$compared" "$plain_right" "$compared"
printf 'numeric cells right: ours %.2f%%, plain tesseract %.2f%% (%d dpi, one thread each)\n' \
  "$(echo "100 * $ours_right / $compared" | bc -l)" "$(echo "100 * $plain_right / $compared" | bc -l)" "$dpi"
printf 'ours on 2 cores: %.2f pages/s (one thread: %.2f pages/s; plain tesseract, one thread: %.2f pages/s)\n' \
  "$(echo "$total_pages / $ours2_time" | bc -l)" "$(echo "$total_pages / $ours_time" | bc -l)" \
  "$(echo "$total_pages / $plain_time" | bc -l)"
echo "per table, our text parsed: right wrong null-with-finding null-silent (二 proactive | 三 requests | 四 appeals) | false/missed error findings"
printf '%s' "$tables"
