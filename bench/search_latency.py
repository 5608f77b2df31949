#!/usr/bin/env python3
"""Query latency of gavel-search beside quest (Xapian) and SQLite FTS5 on
the same documents, one process per query (as a cron script runs them)
and in batch (gavel-search --queries, one sqlite3 process for FTS5).

    python3 bench/search_latency.py [--bin BUILD] [--corpus NAME] [--queries N]

The corpus is a JSON-lines collection of ../shared/corpora (default
reuters21578), indexed into a temp folder with each tool (the indexers of
bench/quality/quality.py). Queries are one or two words taken from the
collection's own titles, the same for every tool, all with OR semantics
and 10 hits. Runs alternate between the tools, so machine noise hits all
alike. Prints a Markdown table: median and p95 milliseconds a query.
Stdlib only.
"""
import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "quality"))
import quality  # noqa: E402  (the indexers and the corpus reader)


def pick_queries(docs, n, seed=1):
    """One or two lowercase words of 4+ letters from random titles."""
    rnd = random.Random(seed)
    titled = [d for d in docs if d.get("title")]
    out = []
    while len(out) < n and titled:
        words = [w.lower() for w in re.findall(r"[A-Za-z]{4,}", rnd.choice(titled)["title"])]
        if words:
            k = 1 if len(words) == 1 or rnd.random() < 0.5 else 2
            out.append(" ".join(words[:k]))
    return out


def timed(cmd, stdin=None):
    t = time.perf_counter()
    subprocess.run(cmd, input=stdin, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, text=True)
    return (time.perf_counter() - t) * 1000.0


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.environ.get("GV_BUILD_DIR", os.path.join(HERE, "..", "build")))
    ap.add_argument("--corpora", default=os.path.join(HERE, "..", "..", "shared", "corpora"))
    ap.add_argument("--corpus", default="reuters21578")
    ap.add_argument("--queries", type=int, default=200)
    opt = ap.parse_args()

    src = os.path.join(opt.corpora, opt.corpus, "docs.jsonl.gz")
    docs = list(quality.read_docs(src))
    queries = pick_queries(docs, opt.queries)
    work = tempfile.mkdtemp(prefix="gavel-latency.")
    try:
        gdb = os.path.join(work, "gavel.db")
        subprocess.run([os.path.join(opt.bin, "indexer", "gavel-index"), "-q", "--db", gdb, src],
                       check=False, stderr=subprocess.DEVNULL)
        qdb = quality.index_quest(docs, work)
        fdb = quality.index_fts5(docs, work)
        search = os.path.join(opt.bin, "searcher", "gavel-search")
        fts_sql = ("SELECT id FROM d WHERE d MATCH %s ORDER BY bm25(d) LIMIT 10;")

        def fts_match(q):
            return quality.sql_str(" OR ".join('"%s"' % w for w in q.split()))

        per = {"gavel-search": [], "quest": [], "fts5 (sqlite3)": []}
        for q in queries:  # alternate, so noise hits all alike
            per["gavel-search"].append(timed([search, "--db", gdb, "--any", "-n", "10", "--", q]))
            per["quest"].append(timed(["quest", "-d", qdb, "-m", "10", q]))
            per["fts5 (sqlite3)"].append(timed(["sqlite3", fdb, fts_sql % fts_match(q)]))
        qfile = os.path.join(work, "queries.txt")
        with open(qfile, "w") as f:
            f.write("\n".join(queries) + "\n")
        batch_gavel = timed([search, "--db", gdb, "--any", "-n", "10", "--queries", qfile])
        batch_fts = timed(["sqlite3", fdb], "\n".join(fts_sql % fts_match(q) for q in queries))

        base = statistics.median(per["quest"])
        print("### Query latency (%s, %s, %d cores)\n" % (
            time.strftime("%Y-%m-%d", time.gmtime()), platform.machine(), os.cpu_count()))
        print("Corpus: %s (%d documents); %d queries of one or two title words, OR, "
              "10 hits; command: `python3 bench/search_latency.py`.\n" % (opt.corpus, len(docs), len(queries)))
        print("| tool | one process per query: median ms | p95 ms | median vs quest | batch: ms a query |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, xs in per.items():
            batch = {"gavel-search": "%.2f (--queries)" % (batch_gavel / len(queries)),
                     "fts5 (sqlite3)": "%.2f (one process)" % (batch_fts / len(queries))}.get(name, "")
            print("| %s | %.2f | %.2f | %.2f | %s |" % (name, statistics.median(xs), p95(xs),
                                                        statistics.median(xs) / base, batch))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
