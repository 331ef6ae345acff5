#!/usr/bin/env bash
# Throughput of the text path (repair → parse → validate), one process, one core,
# release build, over every text sample. Runs three rounds (timings on a shared machine
# swing by ±25%) and prints reports per second for each, the median, and how it stands
# against the goal of 2,000 reports/s.
# Instruction counts, which do not swing, come from scripts/count-instructions.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product gongkai >/dev/null
rates=()
for round in 1 2 3; do
  output=$(taskset -c 0 .build/release/gongkai bench Samples/text/*.txt --iterations "${ITERATIONS:-50}")
  echo "round $round:"
  echo "$output" | sed -n '2,3p' | sed 's/^/  /'
  rates+=("$(echo "$output" | sed -n 2p | sed 's/.*: \([0-9]*\) reports\/s CPU.*/\1/')")
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)
awk -v m="$median" 'BEGIN { printf "median repair+parse+validate: %d reports/s, %.2f× the goal of 2,000 reports/s\n", m, m / 2000 }'
