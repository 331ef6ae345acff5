#!/usr/bin/env bash
# Throughput of the web-page, Word and Markdown front ends, each followed by the text
# pipeline (repair → parse → validate), beside the text path's own figure measured in the
# same run: one process, one core (taskset -c 0), release build, three rounds each, median.
#
# The HTML pages are saved portal pages of 100–300 KB (furniture, inline styles, scripts
# around the report), made by scripts/fixtures/make-markup-fixtures.sh --bench into a
# temporary folder (that script installs python-docx when missing); the DOCX and Markdown
# inputs are the committed fixtures. Goal: ≥ 500 HTML reports/s.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product gongkai >/dev/null
pages="$(mktemp -d /tmp/gongkai-bench-formats.XXXXXX)"
trap 'rm -rf "$pages"' EXIT
scripts/fixtures/make-markup-fixtures.sh --bench "$pages" >/dev/null

# median CPU reports/s of three rounds of `gongkai bench ARGS`
rate() {
  local rates=()
  for round in 1 2 3; do
    rates+=("$(taskset -c 0 .build/release/gongkai bench "$@" | sed -n 2p | sed 's/.*: \([0-9]*\) reports\/s CPU.*/\1/')")
  done
  printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p
}
size() { du -k "$@" | awk '{ s += $1; n += 1 } END { printf "%d", s / n }'; }

text=$(rate Samples/text/*.txt --iterations "${ITERATIONS:-50}" --no-json)
text_front=$(rate Samples/text/*.txt --iterations "${ITERATIONS:-50}" --front-end)
html=$(rate "$pages"/*.html --iterations "${ITERATIONS:-20}" --front-end)
docx=$(rate Samples/docx/*.docx --iterations "${ITERATIONS:-20}" --front-end)
markdown=$(rate Samples/markdown/*.md --iterations "${ITERATIONS:-50}" --front-end)

printf '%-44s %8s %10s\n' "input (one core, median of 3)" "reports/s" "vs text"
line() { awk -v l="$1" -v r="$2" -v t="$text" 'BEGIN { printf "%-44s %8d %9.2f×\n", l, r, r / t }'; }
line "text path (text already decoded)" "$text"
line "text exports from bytes" "$text_front"
line "HTML portal pages, $(size "$pages"/*.html) KB average" "$html"
line "DOCX, $(size Samples/docx/*.docx) KB average" "$docx"
line "Markdown (MinerU, Docling, marker)" "$markdown"
awk -v h="$html" 'BEGIN { printf "HTML: %d reports/s, %.2f× the goal of 500 reports/s\n", h, h / 500 }'
