"""Parse a corpus of 政府信息公开工作年度报告 on a Spark cluster with `gongkai`.

Reads a text file of input paths (one per line), splits it into partitions, and in
each task pipes that partition's paths through `gongkai parse --stdin --format jsonl`
(which parses in its own worker processes, so a file that crashes or hangs the PDF
library becomes an error record instead of failing the task). The records — one JSON
object per input, reports and error records alike — are written as Spark text files
(JSON Lines part files) under OUTPUT.

The input paths must be readable at the same path on every executor (a shared or
mounted filesystem). The binary is found on each executor as --gongkai: an absolute
path, a name on PATH, or the base name of a file shipped with `spark-submit --files`.

    spark-submit --master yarn --files /opt/gongkai/gongkai \\
        spark/gongkai_spark.py paths.txt hdfs:///corpus/out --gongkai gongkai --partitions 200
"""

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading

# Exit statuses of `gongkai parse` that still mean every record was written.
ACCEPTED_STATUSES = (0, 2)


def resolve_binary(name):
    """The gongkai executable on this executor: shipped with --files, a path, or on PATH."""
    try:
        from pyspark import SparkFiles

        shipped = SparkFiles.get(os.path.basename(name))
        if os.path.isfile(shipped):
            if not os.access(shipped, os.X_OK):
                # --files may drop the executable bit; run a private executable copy.
                copy = os.path.join(tempfile.mkdtemp(prefix="gongkai-"), os.path.basename(name))
                shutil.copy(shipped, copy)
                os.chmod(copy, os.stat(copy).st_mode | stat.S_IXUSR)
                return copy
            return shipped
    except Exception:  # no SparkContext files here: fall back to the name as given
        pass
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"gongkai binary {name!r} not found on this executor (ship it with --files)")
    return found


def parse_partition(binary, jobs, timeout):
    """A mapPartitions function: paths in, JSON Lines records out."""

    def run(paths):
        paths = [path.strip() for path in paths if path.strip()]
        if not paths:
            return
        command = [resolve_binary(binary), "parse", "--stdin", "--format", "jsonl",
                   "--jobs", str(jobs), "--timeout", str(timeout)]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, encoding="utf-8")
        errors = []

        def feed():
            try:
                for path in paths:
                    process.stdin.write(path + "\n")
            finally:
                process.stdin.close()

        def drain():
            errors.append(process.stderr.read())

        threads = [threading.Thread(target=feed), threading.Thread(target=drain)]
        for thread in threads:
            thread.start()
        for line in process.stdout:
            if line.strip():
                yield line.rstrip("\n")
        for thread in threads:
            thread.join()
        status = process.wait()
        if status not in ACCEPTED_STATUSES:
            tail = "".join(errors)[-2000:]
            raise RuntimeError(f"gongkai parse exited with status {status}: {tail}")

    return run


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", help="text file (any Hadoop path) listing the inputs, one per line")
    parser.add_argument("output", help="output folder for the JSON Lines part files (must not exist)")
    parser.add_argument("--gongkai", default="gongkai", help="gongkai binary on the executors")
    parser.add_argument("--partitions", type=int, help="tasks to split the inputs into")
    parser.add_argument("--jobs", type=int, default=1, help="gongkai worker processes per task")
    parser.add_argument("--timeout", type=float, default=120, help="seconds one input may take")
    parser.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[2]")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("gongkai")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        paths = spark.sparkContext.textFile(args.paths)
        if args.partitions:
            paths = paths.repartition(args.partitions)
        records = paths.mapPartitions(parse_partition(args.gongkai, args.jobs, args.timeout))
        records.saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
