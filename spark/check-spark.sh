#!/usr/bin/env bash
# Runs spark/gongkai_spark.py in local[2] mode over ~20 samples (PDFs, text exports and
# one PDF that gives an error record) and checks it writes the same records as one
# `gongkai parse --stdin` run on this machine: the same set of sha256, and the same JSON
# object for each. Installs pyspark with pip when it is missing (Java 17 must be there).
#
# Usage: spark/check-spark.sh   GONGKAI=/path/to/gongkai (default: .build/debug/gongkai)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
gongkai="${GONGKAI:-$root/.build/debug/gongkai}"
[ -x "$gongkai" ] || { echo "check-spark: no gongkai binary at $gongkai (build first, or set GONGKAI)" >&2; exit 1; }
command -v java >/dev/null || { echo "check-spark: java missing: apt-get install openjdk-17-jre-headless" >&2; exit 1; }

python="${PYTHON:-python3}"
if ! "$python" -c 'import pyspark' 2>/dev/null; then
  echo "check-spark: installing pyspark" >&2
  if ! "$python" -m pip install --quiet pyspark >&2; then
    # An externally managed Python (Debian's own): use a private virtual environment.
    venv="${XDG_CACHE_HOME:-$HOME/.cache}/gongkai-spark-venv"
    [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet pyspark >&2
    python="$venv/bin/python"
  fi
fi
export PYSPARK_PYTHON="$python" PYSPARK_DRIVER_PYTHON="$python"
# Local mode needs no network; do not depend on the host name resolving.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{
  ls "$root"/Samples/pdf/gen-*.pdf
  ls "$root"/Samples/text/*.txt | head -14
  echo "$root/Samples/pdf/bad/zero-pages.pdf"
} > "$work/paths.txt"

"$gongkai" parse --stdin --format jsonl < "$work/paths.txt" > "$work/single.jsonl" 2> "$work/single.log" \
  || [ $? -eq 2 ] || { cat "$work/single.log" >&2; exit 1; }
"$python" "$root/spark/gongkai_spark.py" --master 'local[2]' --partitions 2 --gongkai "$gongkai" \
  "file://$work/paths.txt" "file://$work/spark" 2> "$work/spark.log" \
  || { tail -40 "$work/spark.log" >&2; exit 1; }

"$python" - "$work/single.jsonl" "$work/spark" <<'PY'
import glob, json, sys

def load(paths):
    records = {}
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    records.setdefault(record["source"]["sha256"], []).append(record)
    return records

single = load([sys.argv[1]])
spark = load(sorted(glob.glob(sys.argv[2] + "/part-*")))
problems = []
if set(single) != set(spark):
    problems.append(f"sha256 sets differ: only single {set(single) - set(spark)}, only spark {set(spark) - set(single)}")
for digest in set(single) & set(spark):
    if single[digest] != spark[digest]:
        problems.append(f"{digest}: records differ ({single[digest][0]['source']['file']})")
count = sum(len(records) for records in single.values())
errors = sum(1 for records in single.values() for record in records if "error" in record)
if count != 20 or errors != 1:
    problems.append(f"expected 20 records with 1 error record, got {count} with {errors}")
for problem in problems:
    print("check-spark:", problem, file=sys.stderr)
print(f"check-spark: {count} records ({errors} error record) from Spark local[2] match the single-machine run"
      if not problems else "check-spark: FAILED")
sys.exit(1 if problems else 0)
PY
