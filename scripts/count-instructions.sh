#!/usr/bin/env bash
# Instructions per report through repair → parse → validate, counted by callgrind:
# unlike seconds, the count repeats exactly on a busy machine, so it shows whether a
# change made the text path cheaper. Prints the count per report over the given files
# (default: every text sample).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "count-instructions: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
swift build -c release --product gongkai >/dev/null
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(Samples/text/*.txt)
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null .build/release/gongkai bench --no-json \
    --iterations "$1" "${files[@]}" 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ,
}
low=$(count 1)
high=$(count 5)
echo "instructions per report: $(( (high - low) / (4 * ${#files[@]}) )) (${#files[@]} files)"
