#!/usr/bin/env bash
# Throughput of the text path (repair → parse → validate), one process, one core,
# release build: the ordinary text samples (Samples/text, goal 2,000 reports/s) and the
# crawler-style one-line pages (Samples/crawler, goal 1,000 reports/s, where runs of
# digits are split by the tables' arithmetic), measured in the same run. Runs three
# rounds of each (timings on a shared machine swing by ±25%) and prints reports per
# second for each, the median, and how it stands against its goal.
# Instruction counts, which do not swing, come from scripts/count-instructions.sh.
# BASELINE=path/to/gongkai also measures another build over the same files, round for
# round, for a before/after comparison on the same machine at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product gongkai >/dev/null

# median_rate BINARY FILES…: three rounds, prints each and the median (last line).
median_rate() {
  local binary=$1
  shift
  local rates=()
  for round in 1 2 3; do
    local output
    output=$(taskset -c 0 "$binary" bench "$@" --iterations "${ITERATIONS:-50}" --no-json)
    echo "  round $round: $(echo "$output" | sed -n 2p | sed 's/^ *//')" >&2
    rates+=("$(echo "$output" | sed -n 2p | sed 's/.*: \([0-9]*\) reports\/s CPU.*/\1/')")
  done
  printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p
}

report() {
  local name=$1 goal=$2 median=$3
  awk -v n="$name" -v m="$median" -v g="$goal" \
    'BEGIN { printf "median %s: %d reports/s, %.2f× the goal of %d reports/s\n", n, m, m / g, g }'
}

echo "ordinary text exports (Samples/text):"
ordinary=$(median_rate .build/release/gongkai Samples/text/*.txt)
report "ordinary text" 2000 "$ordinary"
echo "crawler one-line pages (Samples/crawler):"
crawler=$(median_rate .build/release/gongkai Samples/crawler/*.txt)
report "crawler pages" 1000 "$crawler"
if [ -n "${BASELINE:-}" ]; then
  # The files both builds read (the baseline may reject newer fixtures).
  common=()
  for file in Samples/text/*.txt; do "$BASELINE" parse "$file" >/dev/null 2>&1 && common+=("$file"); done
  echo "same ${#common[@]} ordinary exports, this build then the baseline $BASELINE:"
  after=$(median_rate .build/release/gongkai "${common[@]}")
  before=$(median_rate "$BASELINE" "${common[@]}")
  report "ordinary text, this build" 2000 "$after"
  report "ordinary text, baseline" 2000 "$before"
  awk -v a="$after" -v b="$before" 'BEGIN { printf "this build / baseline on ordinary text: %.2f\n", a / b }'
fi
