#!/usr/bin/env python3
"""Summarise the scan reader's trace (GONGKAI_OCR_TRACE=1 on stderr, see GongkaiOCR's OCRTrace):
tesseract calls per model / page segmentation mode / whitelist (count, CPU ms, mean ms), model
loading, pages and the layout step, and how much of the pages' CPU time was tesseract's.

  GONGKAI_OCR_TRACE=1 OMP_THREAD_LIMIT=1 .build/release/gongkai-ocr-bench read 1 out.txt page-*.pgm 2>trace.log
  scripts/trace-ocr.py trace.log [more.log ...]

Standard library only. Times are CPU time of the reading thread, so they hold on a busy machine.
"""

import sys
from collections import defaultdict


def main(paths):
    calls = defaultdict(lambda: [0, 0])
    totals = defaultdict(int)
    pages = 0
    for path in paths:
        with open(path, encoding="utf-8") as log:
            for line in log:
                fields = line.rstrip("\n").split("\t")
                if fields[0] == "ocr" and len(fields) == 6:
                    key = " ".join(fields[1:4])
                    calls[key][0] += 1
                    calls[key][1] += int(fields[5])
                elif fields[0] == "page" and len(fields) == 3:
                    pages += 1
                    totals["pages"] += int(fields[2])
                elif fields[0] in ("load", "assemble") and len(fields) == 2:
                    totals[fields[0]] += int(fields[1])
    ocr = sum(time for _, time in calls.values())
    print(f"{'model mode whitelist':32} {'calls':>7} {'ms':>9} {'ms/call':>8}")
    for key, (count, time) in sorted(calls.items(), key=lambda item: -item[1][1]):
        print(f"{key:32} {count:7d} {time / 1000:9.0f} {time / count / 1000:8.1f}")
    print(f"{'tesseract calls':32} {sum(c for c, _ in calls.values()):7d} {ocr / 1000:9.0f}")
    if pages:
        print(f"pages {pages}: {totals['pages'] / 1000:.0f} ms ({totals['pages'] / pages / 1000:.0f} ms/page), "
              f"tesseract {100 * ocr / max(1, totals['pages']):.0f}% of it, our own work "
              f"{(totals['pages'] - ocr) / pages / 1000:.0f} ms/page")
    print(f"model loading {totals['load'] / 1000:.0f} ms, layout step {totals['assemble'] / 1000:.0f} ms")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: trace-ocr.py TRACE.log [...]")
    main(sys.argv[1:])
