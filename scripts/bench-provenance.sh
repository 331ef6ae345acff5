#!/usr/bin/env bash
# What `--provenance` costs, measured against the same binary without it in the same run:
#   1. the text path (repair → parse → validate → JSON) in one process on one core, over
#      every text sample: `gongkai bench` with and without --provenance, rounds interleaved;
#      1b. Markdown, HTML and Word samples from their bytes (`gongkai bench --front-end`);
#   2. `gongkai parse` end to end on the sample PDFs (text layer), with and without
#      --provenance, one process per file, rounds interleaved;
#   3. `gongkai review` on a 6-page report (two sample reports' pages in one PDF when no
#      6-page sample exists): time to write the self-contained HTML page.
# Goal: --provenance adds at most 10% to parse time; a 6-page review page in under a second.
# Usage: scripts/bench-provenance.sh; ROUNDS=N (default 5); BASELINE=/path/to/other/gongkai also
# times another build's default text path (e.g. main's) against this one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${ROUNDS:-5}"
(cd "$root" && swift build -c release --static-swift-stdlib --product gongkai >/dev/null)
gongkai="$root/.build/release/gongkai"
now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "1. text path, one core, $(ls "$root"/Samples/text/*.txt | wc -l) text samples × ${ITERATIONS:-30}, CPU µs per report:"
plain=()
traced=()
for round in $(seq "$rounds"); do
  a=$(taskset -c 0 "$gongkai" bench "$root"/Samples/text/*.txt --iterations "${ITERATIONS:-30}" | sed -n 3p | sed 's/.*(\([0-9.]*\) µs each).*/\1/')
  b=$(taskset -c 0 "$gongkai" bench "$root"/Samples/text/*.txt --iterations "${ITERATIONS:-30}" --provenance | sed -n 3p | sed 's/.*(\([0-9.]*\) µs each).*/\1/')
  plain+=("$a")
  traced+=("$b")
  echo "  round $round: without $a µs, with --provenance $b µs"
done
a=$(median "${plain[@]}")
b=$(median "${traced[@]}")
awk -v a="$a" -v b="$b" 'BEGIN { printf "  median: %.1f vs %.1f µs per report (JSON included): --provenance adds %+.1f%%\n", a, b, (b / a - 1) * 100 }'

if [ -n "${BASELINE:-}" ]; then
  # Another build (e.g. main's) on the same text path, to show the default path is unchanged.
  base=()
  ours=()
  for round in $(seq "$rounds"); do
    base+=("$(taskset -c 0 "$BASELINE" bench "$root"/Samples/text/*.txt --iterations "${ITERATIONS:-30}" | sed -n 3p | sed 's/.*(\([0-9.]*\) µs each).*/\1/')")
    ours+=("$(taskset -c 0 "$gongkai" bench "$root"/Samples/text/*.txt --iterations "${ITERATIONS:-30}" | sed -n 3p | sed 's/.*(\([0-9.]*\) µs each).*/\1/')")
  done
  a=$(median "${base[@]}")
  b=$(median "${ours[@]}")
  awk -v a="$a" -v b="$b" 'BEGIN { printf "  without the flag vs BASELINE: %.1f vs %.1f µs per report: %+.1f%%\n", b, a, (b / a - 1) * 100 }'
fi

# The markup front ends trace cells through their own side data (HTML/DOCX grid cells,
# Markdown each cell's input line, kept by the front end): timed from the files' bytes, in
# one process. With BASELINE, the other build is timed the same way in the same rounds.
echo "1b. front end + pipeline from the bytes (no JSON), one core, CPU µs per report:"
front() { taskset -c 0 "$1" bench --front-end "${files[@]}" --iterations "${FRONT_ITERATIONS:-10}" "${@:2}" 2>/dev/null | sed -n 2p | sed 's/.*(\([0-9.]*\) µs each).*/\1/'; }
for kind in markdown:md markdown-lines:md html:html docx:docx; do
  folder="${kind%%:*}"
  files=("$root"/Samples/"$folder"/*."${kind##*:}")
  plain=()
  traced=()
  base_plain=()
  base_traced=()
  for round in $(seq "$rounds"); do
    plain+=("$(front "$gongkai")")
    traced+=("$(front "$gongkai" --provenance)")
    if [ -n "${BASELINE:-}" ]; then
      base_plain+=("$(front "$BASELINE")")
      base_traced+=("$(front "$BASELINE" --provenance)")
    fi
  done
  a=$(median "${plain[@]}")
  b=$(median "${traced[@]}")
  awk -v k="$folder" -v n="${#files[@]}" -v a="$a" -v b="$b" 'BEGIN { printf "  %s (%d files): %.1f vs %.1f µs: --provenance adds %+.1f%%\n", k, n, a, b, (b / a - 1) * 100 }'
  if [ -n "${BASELINE:-}" ]; then
    a=$(median "${base_plain[@]}")
    b=$(median "${base_traced[@]}")
    awk -v a="$a" -v b="$b" 'BEGIN { printf "    BASELINE: %.1f vs %.1f µs: --provenance adds %+.1f%%\n", a, b, (b / a - 1) * 100 }'
  fi
done

pdfs=("$root"/Samples/pdf/gen-*.pdf)
echo "2. gongkai parse end to end on ${#pdfs[@]} sample PDFs, seconds per round:"
for file in "${pdfs[@]}"; do "$gongkai" parse "$file" >/dev/null; "$gongkai" parse --provenance "$file" >/dev/null; done
plain=()
traced=()
for round in $(seq "$rounds"); do
  start=$(now)
  for file in "${pdfs[@]}"; do "$gongkai" parse "$file" >/dev/null; done
  middle=$(now)
  for file in "${pdfs[@]}"; do "$gongkai" parse --provenance "$file" >/dev/null; done
  end=$(now)
  plain+=("$(echo "$middle - $start" | bc -l)")
  traced+=("$(echo "$end - $middle" | bc -l)")
done
a=$(median "${plain[@]}")
b=$(median "${traced[@]}")
awk -v a="$a" -v b="$b" 'BEGIN { printf "  median: %.3f s without, %.3f s with --provenance: %+.1f%% (goal: at most +10%%)\n", a, b, (b / a - 1) * 100 }'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
six="${REVIEW_PDF:-}"
if [ -z "$six" ]; then
  six="$work/six-pages.pdf"
  # Two reports' pages in one file: the first report is read, all six pages are shown.
  pdfseparate -f 1 -l 3 "$root/Samples/pdf/gen-2021-a.pdf" "$work/a-%d.pdf"
  pdfseparate -f 1 -l 3 "$root/Samples/pdf/gen-2021-b.pdf" "$work/b-%d.pdf"
  pdfunite "$work"/a-1.pdf "$work"/a-2.pdf "$work"/a-3.pdf "$work"/b-1.pdf "$work"/b-2.pdf "$work"/b-3.pdf "$six" 2>/dev/null \
    || pdfunite "$root/Samples/pdf/gen-2021-a.pdf" "$root/Samples/pdf/gen-2019-b.pdf" "$six"
fi
pages=$(pdfinfo "$six" | awk '/^Pages:/ {print $2}')
"$gongkai" review "$six" -o "$work/review.html" >/dev/null
times=()
cpus=()
for round in $(seq "$rounds"); do
  start=$(now)
  cpu=$( { /usr/bin/time -f "%U %S" "$gongkai" review "$six" -o "$work/review.html" >/dev/null; } 2>&1 | tail -1 | awk '{ print $1 + $2 }')
  end=$(now)
  times+=("$(echo "$end - $start" | bc -l)")
  cpus+=("$cpu")
done
t=$(median "${times[@]}")
c=$(median "${cpus[@]}")
size=$(stat -c %s "$work/review.html")
load=$(cut -d' ' -f1 /proc/loadavg)
awk -v t="$t" -v c="$c" -v p="$pages" -v s="$size" -v l="$load" 'BEGIN { printf "3. gongkai review, %d-page PDF: %.3f s wall, %.2f s CPU (medians; goal under 1 s; load average %s), HTML %.0f KB\n", p, t, c, l, s / 1024 }'
