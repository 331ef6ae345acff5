#!/usr/bin/env bash
# Throughput of corpus mode (`gongkai parse DIR --jobs N`) for 1 and 2 jobs, end to end:
# worker processes, PDF text layer + layout or text export, repair, parse, validate, JSON
# Lines. The corpus is the sample PDFs (Samples/pdf/gen-*.pdf) and text exports
# (Samples/text/*.txt) copied COPIES times into a temporary folder, each copy changed by a
# trailing comment (PDF) or blank lines (text) so every file has its own sha256.
# Prints reports/s per job count (best of ROUNDS), the ratio, and the peak resident
# memory of one worker (from the run's --summary) and of the largest process (/usr/bin/time),
# and a control: the speed-up two plain workers get on this machine at the moment.
#
# Usage: scripts/bench-corpus.sh   COPIES=N (default 10), ROUNDS=N (default 3),
#        GONGKAI=/path/to/gongkai (default: a release build; SCRATCH=dir for its build path)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
copies="${COPIES:-10}"
rounds="${ROUNDS:-3}"
if [ -z "${GONGKAI:-}" ]; then
  scratch="${SCRATCH:-$root/.build}"
  (cd "$root" && swift build -c release --scratch-path "$scratch" --product gongkai >/dev/null)
  GONGKAI="$scratch/release/gongkai"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
for copy in $(seq -w 1 "$copies"); do
  for file in "$root"/Samples/pdf/gen-*.pdf; do
    name="$(basename "$file" .pdf)"
    cp "$file" "$work/in/$name-$copy.pdf"
    printf '%% copy %s\n' "$copy" >> "$work/in/$name-$copy.pdf"
  done
  for file in "$root"/Samples/text/*.txt; do
    name="$(basename "$file" .txt)"
    cp "$file" "$work/in/$name-$copy.txt"
    printf '%*s' "$((10#$copy))" '' | tr ' ' '\n' >> "$work/in/$name-$copy.txt"
  done
done
total=$(ls "$work/in" | wc -l)
pdfs=$(ls "$work/in" | grep -c '\.pdf$')
echo "corpus: $total files ($pdfs PDFs, $((total - pdfs)) text exports), $(nproc) cores, $rounds rounds"
cat "$work/in"/* > /dev/null  # warm the page cache

# Rounds interleave the runs so machine noise (other users of the cores) hits them alike.
# The control runs two plain `gongkai worker` processes on halves of the corpus against one
# on all of it: the speed-up the machine itself allows at the moment, without supervision.
ls -d "$work"/in/* > "$work/all.txt"
split -n l/2 "$work/all.txt" "$work/half."
now() { date +%s.%N; }
declare -A best=([1]=0 [2]=0 [c1]=0 [c2]=0)
keep() { if (( $(echo "$2 > ${best[$1]}" | bc -l) )); then best[$1]=$2; fi; }
for _ in $(seq "$rounds"); do
  for jobs in 1 2; do
    start=$(now)
    /usr/bin/time -f "%M" -o "$work/time-$jobs" \
      "$GONGKAI" parse "$work/in" --jobs "$jobs" -o "$work/out-$jobs.jsonl" --summary 2> "$work/summary-$jobs"
    keep "$jobs" "$(echo "$total / ($(now) - $start)" | bc -l)"
  done
  start=$(now)
  "$GONGKAI" worker < "$work/all.txt" > /dev/null
  keep c1 "$(echo "$total / ($(now) - $start)" | bc -l)"
  start=$(now)
  "$GONGKAI" worker < "$work/half.aa" > /dev/null &
  "$GONGKAI" worker < "$work/half.ab" > /dev/null
  wait
  keep c2 "$(echo "$total / ($(now) - $start)" | bc -l)"
done
for jobs in 1 2; do
  records=$(wc -l < "$work/out-$jobs.jsonl")
  [ "$records" -eq "$total" ] || { echo "jobs $jobs: $records records for $total files" >&2; exit 1; }
  worker=$(grep -o 'peak memory per worker: [0-9]* MB' "$work/summary-$jobs" | grep -o '[0-9]* MB')
  printf -- '--jobs %d: %6.1f reports/s (best of %d)  peak RSS per worker %s, largest process %d MB\n' \
    "$jobs" "${best[$jobs]}" "$rounds" "$worker" $(( $(tail -1 "$work/time-$jobs") / 1024 ))
done
printf 'ratio 2 jobs / 1 job: %.2f× (goal: at least 1.8×)\n' "$(echo "${best[2]} / ${best[1]}" | bc -l)"
printf 'control, plain workers without supervision: 1 → %.1f, 2 → %.1f reports/s, %.2f× (what the machine allows now)\n' \
  "${best[c1]}" "${best[c2]}" "$(echo "${best[c2]} / ${best[c1]}" | bc -l)"
