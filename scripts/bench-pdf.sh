#!/usr/bin/env bash
# Times the whole pipeline, `gongkai parse FILE.pdf` (text layer, layout, repair, parse,
# validate, JSON), against `pdftotext -layout` on the same PDFs in the same run (one process
# per file for both, interleaved, so machine noise hits both alike). Prints the time ratio,
# pages per second and peak memory (max RSS, /usr/bin/time).
#
# gongkai is a release build with the Swift runtime linked statically (it starts faster);
# another binary: GONGKAI=/path/to/gongkai scripts/bench-pdf.sh
#
# Usage: scripts/bench-pdf.sh [FILE.pdf...]   (default: Samples/pdf/gen-*.pdf, then the
#        300-page Samples/pdf/bad/pages-300.pdf on its own); ROUNDS=N (default 10).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${ROUNDS:-10}"
command -v pdftotext >/dev/null || { echo "pdftotext missing: apt-get install poppler-utils" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 1; }

if [ -z "${GONGKAI:-}" ]; then
  (cd "$root" && swift build -c release --static-swift-stdlib --product gongkai >/dev/null)
  GONGKAI="$root/.build/release/gongkai"
fi
ours=("$GONGKAI" parse)
label="gongkai parse (end to end)"

if [ $# -gt 0 ]; then
  sets=("$*")
else
  sets=("$(ls "$root"/Samples/pdf/gen-*.pdf | tr '\n' ' ')" "$root/Samples/pdf/bad/pages-300.pdf")
fi

now() { date +%s.%N; }

for set in "${sets[@]}"; do
  read -r -a files <<< "$set"
  pages=0
  for file in "${files[@]}"; do
    pages=$((pages + $(pdfinfo "$file" | awk '/^Pages:/ {print $2}')))
  done
  # Check both work on every file first (and warm the page cache).
  for file in "${files[@]}"; do
    "${ours[@]}" "$file" > /dev/null
    pdftotext -layout "$file" /dev/null
  done
  ours_times=()
  theirs_times=()
  for _ in $(seq "$rounds"); do
    start=$(now)
    for file in "${files[@]}"; do "${ours[@]}" "$file" > /dev/null; done
    middle=$(now)
    for file in "${files[@]}"; do pdftotext -layout "$file" /dev/null; done
    end=$(now)
    ours_times+=("$(echo "$middle - $start" | bc -l)")
    theirs_times+=("$(echo "$end - $middle" | bc -l)")
  done
  ours_rss=0
  theirs_rss=0
  for file in "${files[@]}"; do
    rss=$( { /usr/bin/time -f "%M" "${ours[@]}" "$file" > /dev/null; } 2>&1 | tail -1)
    [ "$rss" -gt "$ours_rss" ] && ours_rss=$rss
    rss=$( { /usr/bin/time -f "%M" pdftotext -layout "$file" /dev/null; } 2>&1 | tail -1)
    [ "$rss" -gt "$theirs_rss" ] && theirs_rss=$rss
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
  minimum() { printf '%s\n' "$@" | sort -g | head -1; }
  ours_median=$(median "${ours_times[@]}")
  theirs_median=$(median "${theirs_times[@]}")
  ours_min=$(minimum "${ours_times[@]}")
  theirs_min=$(minimum "${theirs_times[@]}")
  echo "== ${#files[@]} file(s), $pages pages, $rounds rounds: $(for f in "${files[@]}"; do basename "$f"; done | tr '\n' ' ')"
  printf '%-36s median %.3f s  best %.3f s  %.0f pages/s  peak RSS %d MB\n' "$label" \
    "$ours_median" "$ours_min" "$(echo "$pages / $ours_median" | bc -l)" $((ours_rss / 1024))
  printf '%-36s median %.3f s  best %.3f s  %.0f pages/s  peak RSS %d MB\n' "pdftotext -layout" \
    "$theirs_median" "$theirs_min" "$(echo "$pages / $theirs_median" | bc -l)" $((theirs_rss / 1024))
  printf 'ratio (ours / pdftotext): median %.2f×, best %.2f× (goal: within 1.5×)\n' \
    "$(echo "$ours_median / $theirs_median" | bc -l)" "$(echo "$ours_min / $theirs_min" | bc -l)"
done
