#!/usr/bin/env python3
"""Scores `gongkai parse` output against an expected file, table by table.

For tables 二 (proactive), 三 (requests) and 四 (appeals), every cell the expected file
gives is counted as right (same value), wrong (another non-null value: the worst outcome),
null-flagged (null with a finding on that cell) or null-silent (null with no finding).
Error findings the expected file does not list are false findings; listed ones that are
missing are missed findings.

    score-report.py EXPECTED.json ACTUAL.json          # one line of counts
    score-report.py --verbose EXPECTED.json ACTUAL.json  # and every cell not right
"""

import json
import sys

TABLES = ["proactive", "requests", "appeals"]


def cells(table):
    for row, columns in (table or {}).items():
        for column, value in (columns or {}).items():
            yield f"{row}.{column}", value


def same(expected, actual):
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.get("yuan") == actual.get("yuan")
    return expected == actual


def score(expected, actual, verbose=False):
    flagged = {f.get("where") for f in actual.get("findings", [])}
    result = {}
    for name in TABLES:
        counts = {"right": 0, "wrong": 0, "null_flagged": 0, "null_silent": 0}
        got = actual.get(name) or {}
        for path, want in cells(expected.get(name)):
            row, column = path.split(".")
            have = (got.get(row) or {}).get(column)
            if same(want, have):
                counts["right"] += 1
                continue
            if have is None:
                kind = "null_flagged" if f"{name}.{path}" in flagged else "null_silent"
            else:
                kind = "wrong"
            counts[kind] += 1
            if verbose:
                print(f"  {kind:12} {name}.{path}: expected {json.dumps(want, ensure_ascii=False)}, "
                      f"got {json.dumps(have, ensure_ascii=False)}", file=sys.stderr)
        result[name] = counts
    key = lambda f: (f.get("rule"), f.get("where"))
    want = {key(f) for f in expected.get("findings", []) if f.get("severity") == "error"}
    have = {key(f) for f in actual.get("findings", []) if f.get("severity") == "error"}
    result["false_findings"] = sorted(have - want)
    result["missed_findings"] = sorted(want - have)
    if verbose:
        for f in result["false_findings"]:
            print(f"  false finding {f}", file=sys.stderr)
        for f in result["missed_findings"]:
            print(f"  missed finding {f}", file=sys.stderr)
    return result


def main(argv):
    verbose = "--verbose" in argv
    paths = [a for a in argv if a != "--verbose"]
    expected = json.load(open(paths[0], encoding="utf-8"))
    actual = json.load(open(paths[1], encoding="utf-8"))
    r = score(expected, actual, verbose)
    parts = []
    for name in TABLES:
        c = r[name]
        parts.append(f"{name} {c['right']} {c['wrong']} {c['null_flagged']} {c['null_silent']}")
    print(" | ".join(parts) + f" | false {len(r['false_findings'])} missed {len(r['missed_findings'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
