#!/usr/bin/env bash
# Times the whole pipeline, `gongkai parse FILE.pdf` (text layer and drawn rules in one pass,
# layout, repair, parse, validate, JSON), against `pdftotext -layout` on the same PDFs in the
# same run, and pdfplumber's `extract_tables` (every page) as the peer table reader. One
# process per file for every tool, interleaved round by round, so machine noise hits all
# alike. Prints medians, best times, pages per second, peak memory (max RSS, /usr/bin/time)
# and the ratios: gongkai / pdftotext (goal ≤ 1.2×) and pdfplumber / gongkai (must stay > 1).
#
# gongkai is a release build with the Swift runtime linked statically (it starts faster);
# another binary: GONGKAI=/path/to/gongkai. BEFORE=/path/to/older/gongkai adds that binary
# as one more row, for before/after numbers from one run.
# pdfplumber is installed with pip into a venv under .build/bench-venv on first use;
# PEER=0 leaves it out.
#
# Usage: scripts/bench-pdf.sh [FILE.pdf...]   (default, one set each: Samples/pdf/gen-*.pdf,
#        Samples/real/*.pdf, the 300-page Samples/pdf/bad/pages-300.pdf)
#        ROUNDS=N (default 10; the 300-page set and pdfplumber get fewer, see below)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${ROUNDS:-10}"
command -v pdftotext >/dev/null || { echo "pdftotext missing: apt-get install poppler-utils" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 1; }

if [ -z "${GONGKAI:-}" ]; then
  (cd "$root" && swift build -c release --static-swift-stdlib --product gongkai >/dev/null)
  GONGKAI="$root/.build/release/gongkai"
fi

plumber=""
if [ "${PEER:-1}" != 0 ]; then
  venv="$root/.build/bench-venv"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pdfplumber" 2>/dev/null; then
    echo "bench: installing pdfplumber into $venv" >&2
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install -q pdfplumber >&2
  fi
  plumber="$venv/bin/python"
  # What a pdfplumber user writes: every page's tables with the default settings.
  plumber_script='import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_tables()'
fi

if [ $# -gt 0 ]; then
  sets=("$*")
else
  sets=("$(ls "$root"/Samples/pdf/gen-*.pdf | tr '\n' ' ')")
  real=$(ls "$root"/Samples/real/*.pdf 2>/dev/null | tr '\n' ' ' || true)
  [ -n "$real" ] && sets+=("$real")
  sets+=("$root/Samples/pdf/bad/pages-300.pdf")
fi

now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
minimum() { printf '%s\n' "$@" | sort -g | head -1; }

# The tools, as name and command prefix (the file is appended).
names=("gongkai parse" "pdftotext -layout")
commands=("$GONGKAI parse" "pdftotext -layout")
if [ -n "${BEFORE:-}" ]; then
  names+=("gongkai parse (before)")
  commands+=("$BEFORE parse")
fi
if [ -n "$plumber" ]; then
  names+=("pdfplumber extract_tables")
  commands+=("PLUMBER")
fi

run() {  # run TOOL-INDEX FILE
  local command="${commands[$1]}"
  if [ "$command" = PLUMBER ]; then
    "$plumber" -c "$plumber_script" "$2" > /dev/null
  elif [ "$command" = "pdftotext -layout" ]; then
    pdftotext -layout "$2" /dev/null
  else
    $command "$2" > /dev/null
  fi
}

for set in "${sets[@]}"; do
  read -r -a files <<< "$set"
  pages=0
  for file in "${files[@]}"; do
    pages=$((pages + $(pdfinfo "$file" | awk '/^Pages:/ {print $2}')))
  done
  # Big sets get fewer rounds; pdfplumber is slow, so it runs in every other round at most.
  set_rounds=$rounds
  [ "$pages" -gt 100 ] && set_rounds=$(( rounds < 3 ? rounds : 3 ))
  # Check every tool works on every file first (and warm the page cache).
  for index in "${!commands[@]}"; do
    for file in "${files[@]}"; do run "$index" "$file"; done
  done
  declare -A times=()
  for round in $(seq "$set_rounds"); do
    for index in "${!commands[@]}"; do
      if [ "${commands[$index]}" = PLUMBER ] && [ "$set_rounds" -gt 3 ] && [ $((round % 2)) -eq 0 ]; then
        continue
      fi
      start=$(now)
      for file in "${files[@]}"; do run "$index" "$file"; done
      end=$(now)
      times[$index]="${times[$index]:-} $(echo "$end - $start" | bc -l)"
    done
  done
  echo "== ${#files[@]} file(s), $pages pages, $set_rounds rounds: $(for f in "${files[@]}"; do basename "$f"; done | tr '\n' ' ')"
  declare -A medians=()
  for index in "${!commands[@]}"; do
    read -r -a list <<< "${times[$index]}"
    medians[$index]=$(median "${list[@]}")
    best=$(minimum "${list[@]}")
    rss=0
    for file in "${files[@]}"; do
      if [ "${commands[$index]}" = PLUMBER ]; then
        peak=$( { /usr/bin/time -f "%M" "$plumber" -c "$plumber_script" "$file" > /dev/null; } 2>&1 | tail -1)
      elif [ "${commands[$index]}" = "pdftotext -layout" ]; then
        peak=$( { /usr/bin/time -f "%M" pdftotext -layout "$file" /dev/null; } 2>&1 | tail -1)
      else
        peak=$( { /usr/bin/time -f "%M" ${commands[$index]} "$file" > /dev/null; } 2>&1 | tail -1)
      fi
      [ "$peak" -gt "$rss" ] && rss=$peak
    done
    printf '%-28s median %7.3f s  best %7.3f s  %5.0f pages/s  peak RSS %4d MB\n' "${names[$index]}" \
      "${medians[$index]}" "$best" "$(echo "$pages / ${medians[$index]}" | bc -l)" $((rss / 1024))
  done
  printf 'ratio gongkai / pdftotext: %.2f× (goal ≤ 1.2×)\n' "$(echo "${medians[0]} / ${medians[1]}" | bc -l)"
  for index in "${!commands[@]}"; do
    case "${names[$index]}" in
      *before*) printf 'ratio before / pdftotext: %.2f×\n' "$(echo "${medians[$index]} / ${medians[1]}" | bc -l)" ;;
      pdfplumber*) printf 'ratio pdfplumber / gongkai: %.1f× (must stay > 1)\n' "$(echo "${medians[$index]} / ${medians[0]}" | bc -l)" ;;
    esac
  done
  unset times medians
done
