#!/usr/bin/env bash
# Runs `gongkai parse` on every sample PDF (and the bad ones) under valgrind and fails if
# any block is definitely lost through our code (a stack frame in GongkaiPDF,
# GongkaiLayout, GongkaiCore or the gongkai command). Leaks reported wholly inside system
# libraries (fontconfig, glib type registration) are listed but do not fail the check.
#
# Blocks valgrind cannot see referenced (Swift tagged pointers) are listed in
# scripts/leak-check.supp, each with the reason.
#
# Uses the debug build of `gongkai` for symbols.
# Usage: scripts/leak-check.sh [FILE.pdf...]   (default: Samples/pdf/gen-*.pdf and
#        Samples/pdf/bad/*.pdf except the 300-page one, which only takes long)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v valgrind >/dev/null || { echo "valgrind missing: apt-get install valgrind" >&2; exit 1; }
# DWARF 4 for the C++ target: Debian 12's valgrind (3.19) cannot read clang's default DWARF 5.
(cd "$root" && swift build --product gongkai -Xcxx -gdwarf-4 >/dev/null)
tool="$root/.build/debug/gongkai"
if [ $# -gt 0 ]; then
  files=("$@")
else
  files=("$root"/Samples/pdf/gen-*.pdf)
  for file in "$root"/Samples/pdf/bad/*.pdf; do
    [ "$(basename "$file")" = pages-300.pdf ] || files+=("$file")
  done
fi
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
failed=0
for file in "${files[@]}"; do
  log="$logs/$(basename "$file").log"
  valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
    --suppressions="$root/scripts/leak-check.supp" \
    --num-callers=40 --log-file="$log" "$tool" parse "$file" > /dev/null 2>&1 || true
  lost=$(grep -E "definitely lost:" "$log" | sed -E 's/.*definitely lost: ([0-9,]+) bytes in ([0-9,]+) blocks.*/\1 bytes in \2 blocks/')
  errors=$(grep -E "ERROR SUMMARY" "$log" | sed -E 's/.*ERROR SUMMARY: ([0-9,]+) errors.*/\1/')
  # Split the report into loss records and keep those with a frame of ours.
  ours=$(awk '/definitely lost in loss record/ {record = $0; keep = 0; next}
              record != "" && /(Gongkai|gongkai)/ {keep = 1}
              record != "" && /^==[0-9]+== $/ {if (keep) print record; record = ""}' "$log" | wc -l)
  invalid=$(grep -cE "Invalid (read|write)|Conditional jump|uninitialised" "$log" || true)
  printf '%-28s definitely lost: %-26s through our code: %s  memory errors: %s\n' \
    "$(basename "$file")" "${lost:-0 bytes in 0 blocks}" "$ours" "$invalid"
  if [ "$ours" -gt 0 ]; then
    failed=1
    echo "---- $(basename "$file"): leaks through our code" >&2
    awk '/definitely lost in loss record/,/^==[0-9]+== $/' "$log" >&2
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "FAIL: definitely-lost memory through GongkaiPDF/GongkaiLayout" >&2
  exit 1
fi
echo "OK: no definitely-lost leak from our code"
