#!/usr/bin/env bash
# Throughput of the text path (repair → parse → validate), one process, one core,
# release build, over every text sample. Prints reports per second.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product gongkai >/dev/null
taskset -c 0 .build/release/gongkai bench Samples/text/*.txt --iterations "${ITERATIONS:-50}"
