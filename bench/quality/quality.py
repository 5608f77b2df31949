#!/usr/bin/env python3
"""Ranking-quality harness: index each test collection with Gavel, Xapian's
scriptindex (searched with quest) and SQLite FTS5, run every query, write
TREC runs and score them (metrics.py). Writes bench/quality.md and
bench/quality.json. Run through bench/quality/run.sh (README there).
Stdlib only."""

import argparse
import concurrent.futures
import gzip
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import metrics  # noqa: E402
import textq  # noqa: E402

COLLECTIONS = ["cranfield", "cisi", "cacm", "med", "npl", "lisa", "adi", "irled2017"]
BOOLEAN = {"adi", "cisi"}
SYSTEMS = ["gavel", "quest", "fts5"]
# FTS5 is left out on irled2017 unless GV_FTS5_LONG=1: its queries are
# ~1500 OR'ed words over long judgments, and sqlite3 had not finished 50 of
# them after 17 minutes (quest: 8 s for the same 50).
SLOW_FTS5 = {"irled2017"}
DEPTH = 1000


def log(msg):
    print("quality: " + msg, file=sys.stderr, flush=True)


def read_docs(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def read_queries(cdir):
    for name in ("queries.tsv", "queries.tsv.gz"):
        p = os.path.join(cdir, name)
        if os.path.exists(p):
            opener = gzip.open if name.endswith(".gz") else open
            out = []
            with opener(p, "rt", encoding="utf-8") as f:
                for line in f:
                    line = line.rstrip("\n")
                    if line:
                        qid, text = line.split("\t", 1)
                        out.append((qid, text))
            return out
    raise FileNotFoundError("no queries.tsv in " + cdir)


def doc_text(d):
    """What every engine indexes: title and body (Gavel indexes title and
    text as unprefixed words; its other fields only under prefixes)."""
    return (d.get("title") or ""), (d.get("text") or "")


# ---- indexing -------------------------------------------------------------

def index_gavel(bindir, corpus, work):
    db = os.path.join(work, "gavel.db")
    # exit 1: indexed, but some records skipped (irled2017 has six empty
    # documents, which gavel-index warns about and leaves out)
    p = subprocess.run([os.path.join(bindir, "indexer", "gavel-index"), "-q",
                        "--db", db, corpus])
    if p.returncode not in (0, 1):
        raise RuntimeError("gavel-index failed on %s (exit %d)" % (corpus, p.returncode))
    return db


def index_quest(docs, work):
    """scriptindex input: field=value lines, records split by a blank line,
    each further line of a value prefixed with '='."""
    inp = os.path.join(work, "omega.in")
    with open(inp, "w", encoding="utf-8") as f:
        for d in docs:
            title, text = doc_text(d)
            for name, val in (("id", str(d["id"])), ("title", title), ("text", text)):
                lines = val.replace("\r", "\n").split("\n")
                f.write("%s=%s\n" % (name, lines[0]))
                for ln in lines[1:]:
                    f.write("=%s\n" % ln)
            f.write("\n")
    db = os.path.join(work, "omega.db")
    subprocess.run(["scriptindex", "--overwrite", "--stemmer=english", db,
                    os.path.join(HERE, "omega.script"), inp],
                   check=True, stdout=subprocess.DEVNULL)
    os.unlink(inp)
    return db


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def index_fts5(docs, work):
    db = os.path.join(work, "fts5.db")
    sql = os.path.join(work, "fts5.sql")
    with open(sql, "w", encoding="utf-8") as f:
        f.write("CREATE VIRTUAL TABLE d USING fts5(id UNINDEXED, title, text,"
                " tokenize='porter unicode61');\nBEGIN;\n")
        for d in docs:
            title, text = doc_text(d)
            f.write("INSERT INTO d VALUES(%s,%s,%s);\n"
                    % (sql_str(str(d["id"])), sql_str(title), sql_str(text)))
        f.write("COMMIT;\n")
    with open(sql, "rb") as f:
        subprocess.run(["sqlite3", "-bail", db], stdin=f, check=True)
    os.unlink(sql)
    return db


# ---- searching ------------------------------------------------------------

def search_gavel(bindir, db, qtext, extra, boolean=False, like_file=None):
    """like_file: search for documents like that file's text (--like)
    instead of qtext."""
    cmd = [os.path.join(bindir, "searcher", "gavel-search"), "--db", db,
           "-n", str(DEPTH), "-f", "json", "--no-snippets"]
    if like_file:
        cmd += extra + ["--like", like_file]
    else:
        if not boolean:
            cmd.append("--any")
        cmd += extra + ["--", qtext]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        return None, p.stderr.strip()
    hits = json.loads(p.stdout)["hits"]
    return [(h["record"], h["score"]) for h in hits], None


_QUEST_HIT = re.compile(r"^\d+: \[([-0-9.e+]+)\]$")


def search_quest(db, qtext, boolean=False):
    cmd = ["quest", "-d", db, "-m", str(DEPTH)]
    if boolean:
        cmd += ["-f", "default,pure_not"]
    cmd += ["--", qtext]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        return None, (p.stderr or p.stdout).strip()
    hits, score = [], None
    for line in p.stdout.split("\n"):
        m = _QUEST_HIT.match(line)
        if m:
            score = float(m.group(1))
        elif score is not None and line.startswith("id="):
            hits.append((line[3:], score))
            score = None
    return hits, None


def search_fts5(db, queries, work):
    """All queries in one sqlite3 run; returns {qid: [(id, score)]}, and
    {qid: error} for queries the CLI rejected."""
    sql = os.path.join(work, "fts5.queries.sql")
    with open(sql, "w", encoding="utf-8") as f:
        f.write(".mode tabs\n")
        for qid, ws in queries:
            if not ws:
                continue
            f.write("SELECT %s, id, -bm25(d) FROM d WHERE d MATCH %s "
                    "ORDER BY bm25(d) LIMIT %d;\n"
                    % (sql_str(qid), sql_str(textq.fts5_text(ws)), DEPTH))
    with open(sql, "rb") as f:
        p = subprocess.run(["sqlite3", db], stdin=f, capture_output=True)
    out = {}
    for line in p.stdout.decode("utf-8").split("\n"):
        if line:
            qid, did, score = line.split("\t")
            out.setdefault(qid, []).append((did, float(score)))
    errs = p.stderr.decode("utf-8", "replace").strip()
    return out, errs


def write_run(path, results, tag):
    with open(path, "w", encoding="utf-8") as f:
        for qid, hits in results.items():
            for rank, (did, score) in enumerate(hits or [], 1):
                f.write("%s Q0 %s %d %.6f %s\n" % (qid, did, rank, score, tag))


def run_parallel(fn, items, jobs):
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        return list(ex.map(fn, items))


# ---- one collection -------------------------------------------------------

def do_collection(name, opt, tmp):
    cdir = os.path.join(opt.corpora, name)
    corpus = os.path.join(cdir, "docs.jsonl.gz")
    work = os.path.join(tmp, name)
    os.makedirs(work, exist_ok=True)
    docs = list(read_docs(corpus))
    qrels = metrics.read_qrels(os.path.join(cdir, "qrels.tsv"))
    queries = read_queries(cdir)
    note = []
    first, last = opt.max_queries.get(name, (1, len(queries)))
    if (first, last) != (1, len(queries)):
        queries = queries[first - 1:last]
        qrels = {q: qrels[q] for q, _ in queries if q in qrels}
        note.append("first %d queries" % last if first == 1
                    else "queries %d-%d" % (first, last))

    lower = opt.case == "lower"
    df = None
    prepared, n_cut, like = [], 0, {}
    for qid, text in queries:
        if opt.like_words and len(text.split()) > opt.like_words:
            # A document as the query: Gavel reads all of it (--like)
            like[qid] = os.path.join(work, "like.%s.txt" % qid)
            with open(like[qid], "w", encoding="utf-8") as f:
                f.write(text)
        ws = textq.neutralise(text, lower=lower)
        if len(" ".join(ws).encode()) > textq.MAX_QUERY_BYTES and df is None:
            df = textq.doc_freqs(" ".join(doc_text(d)) for d in docs)
        ws, was_cut = textq.cut(ws, opt.cut, df, len(docs))
        n_cut += was_cut
        prepared.append((qid, ws))
    if n_cut:
        note.append("%d queries cut to 16000 bytes (%s)" % (n_cut, opt.cut))
    with open(os.path.join(work, "queries.used.tsv"), "w", encoding="utf-8") as f:
        for qid, ws in prepared:
            f.write("%s\t%s\n" % (qid, " ".join(ws)))

    rows = []

    def finish(system, results, errors, t_index, t_search, qset=qrels, extra_note=()):
        run_path = os.path.join(work, system + ".run")
        write_run(run_path, results, system)
        ev = metrics.evaluate(metrics.read_run(run_path), qset)
        n_err = len(errors)
        if n_err:
            first = next(iter(errors.items()))
            log("%s/%s: %d queries failed, first %s: %s" % (name, system, n_err, *first))
        rows.append({
            "collection": name, "system": system, "queries": ev["queries"],
            "map": ev["map"], "ndcg10": ev["ndcg10"], "p10": ev["p10"],
            "r1000": ev["r1000"], "index_s": t_index, "search_s": t_search,
            "failed": n_err, "note": "; ".join(list(note) + list(extra_note)),
        })
        log("%-10s %-14s q=%d MAP %.4f nDCG@10 %.4f P@10 %.4f R@1000 %.4f "
            "(index %.1fs, search %.1fs)" % (name, system, ev["queries"], ev["map"],
                                            ev["ndcg10"], ev["p10"], ev["r1000"],
                                            t_index, t_search))

    # Gavel
    if "gavel" in opt.systems:
        t0 = time.time()
        gdb = index_gavel(opt.bin, corpus, work)
        t_index = time.time() - t0
        t0 = time.time()
        res = run_parallel(
            lambda q: search_gavel(opt.bin, gdb, textq.xapian_text(q[1]), opt.search_args,
                                   like_file=like.get(q[0])),
            prepared, opt.jobs)
        t_search = time.time() - t0
        results = {qid: h for (qid, _), (h, e) in zip(prepared, res) if h is not None}
        errors = {qid: e for (qid, _), (h, e) in zip(prepared, res) if e}
        finish("gavel", results, errors, t_index, t_search,
               extra_note=["%d queries by --like" % len(like)] if like else [])
        if name in BOOLEAN and not opt.no_boolean:
            bq = read_bool(cdir)
            t0 = time.time()
            res = run_parallel(lambda q: search_gavel(opt.bin, gdb, q[1], opt.search_args, True),
                               bq, opt.jobs)
            t_b = time.time() - t0
            results = {qid: h for (qid, _), (h, e) in zip(bq, res) if h is not None}
            errors = {qid: e for (qid, _), (h, e) in zip(bq, res) if e}
            finish("gavel boolean", results, errors, 0.0, t_b,
                   qset={q: qrels[q] for q, _ in bq if q in qrels},
                   extra_note=["SMART boolean queries 1-%d" % len(bq)])

    if "quest" in opt.systems:
        t0 = time.time()
        qdb = index_quest(docs, work)
        t_index = time.time() - t0
        t0 = time.time()
        res = run_parallel(lambda q: search_quest(qdb, textq.xapian_text(q[1])),
                           prepared, opt.jobs)
        t_search = time.time() - t0
        results = {qid: h for (qid, _), (h, e) in zip(prepared, res) if h is not None}
        errors = {qid: e for (qid, _), (h, e) in zip(prepared, res) if e}
        finish("quest", results, errors, t_index, t_search)
        if name in BOOLEAN and not opt.no_boolean:
            bq = read_bool(cdir)
            t0 = time.time()
            res = run_parallel(lambda q: search_quest(qdb, q[1], True), bq, opt.jobs)
            t_b = time.time() - t0
            results = {qid: h for (qid, _), (h, e) in zip(bq, res) if h is not None}
            errors = {qid: e for (qid, _), (h, e) in zip(bq, res) if e}
            finish("quest boolean", results, errors, 0.0, t_b,
                   qset={q: qrels[q] for q, _ in bq if q in qrels},
                   extra_note=["SMART boolean queries 1-%d" % len(bq)])

    if "fts5" in opt.systems and name in SLOW_FTS5 and not opt.fts5_long:
        log("%s: fts5 skipped (too slow on these queries; GV_FTS5_LONG=1 runs it)" % name)
    elif "fts5" in opt.systems:
        t0 = time.time()
        fdb = index_fts5(docs, work)
        t_index = time.time() - t0
        t0 = time.time()
        results, errs = search_fts5(fdb, prepared, work)
        t_search = time.time() - t0
        finish("fts5", results, {"(sqlite3)": errs} if errs else {}, t_index, t_search)

    if not opt.keep:
        for p in ("gavel.db", "omega.db", "fts5.db"):
            shutil.rmtree(os.path.join(work, p), ignore_errors=True)
            if os.path.isfile(os.path.join(work, p)):
                os.unlink(os.path.join(work, p))
    return rows


def read_bool(cdir):
    out = []
    with open(os.path.join(cdir, "boolean_queries.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                qid, s = line.split("\t", 1)
                out.append((qid, textq.smart_to_xapian(s)))
    return out


# ---- report ---------------------------------------------------------------

def cmd_version(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
        return (p.stdout or p.stderr).strip().split("\n")[0]
    except OSError as e:
        return "unavailable (%s)" % e


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "%.0f GiB" % (kb / 2**20)
    except (OSError, ValueError, IndexError):
        pass
    return "%s, %d cores, %s RAM, %s %s" % (cpu, os.cpu_count() or 0, mem,
                                           platform.system(), platform.release())


def fmt(v):
    return "%.4f" % v


def render(rows, opt, started, elapsed):
    ranked = [r for r in rows if "boolean" not in r["system"]]
    colls = []
    for r in rows:
        if r["collection"] not in colls:
            colls.append(r["collection"])
    lines = []
    w = lines.append
    w("# Ranking quality: Gavel beside quest (Xapian) and SQLite FTS5")
    w("")
    w("Made by `bench/quality/run.sh` (see bench/quality/README.md for what each")
    w("system runs and how queries are made safe and cut). Do not edit by hand.")
    w("")
    w("- date: %s" % started)
    w("- command: `%s`" % opt.command)
    w("- tree: %s" % opt.tree)
    w("- gavel: `%s`" % cmd_version([os.path.join(opt.bin, "searcher", "gavel-search"), "--version"]))
    w("- quest: `%s`; scriptindex: `%s`" % (cmd_version(["quest", "--version"]),
                                           cmd_version(["scriptindex", "--version"])))
    w("- sqlite3: `%s`" % " ".join(cmd_version(["sqlite3", "--version"]).split()[:2]))
    w("- python: %s" % platform.python_version())
    w("- machine: %s" % machine())
    w("- settings: GV_SEARCH_ARGS=`%s`, GV_QUERY_CASE=%s, GV_LONG_QUERY=%s, "
      "GV_LIKE_WORDS=%d, jobs %d"
      % (" ".join(opt.search_args), opt.case, opt.cut, opt.like_words, opt.jobs))
    w("- whole run: %.0f s" % elapsed)
    w("")
    w("MAP, nDCG@10 (graded gain where qrels are graded: cranfield), P@10 and")
    w("R@1000 over the queries with at least one relevant document (`q`);")
    w("1000 hits per query. `index s` / `search s`: wall-clock seconds to")
    w("build the index and to run all queries (one process per query for")
    w("gavel and quest, one sqlite3 process for all of fts5).")
    w("")
    w("| collection | system | q | MAP | nDCG@10 | P@10 | R@1000 | index s | search s | note |")
    w("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for c in colls:
        for r in rows:
            if r["collection"] != c:
                continue
            note = r["note"]
            if r["failed"]:
                note = (note + "; " if note else "") + "%d queries failed" % r["failed"]
            sysname = r["system"]
            if "boolean" in sysname:
                sysname = "*%s*" % sysname
            w("| %s | %s | %d | %s | %s | %s | %s | %.1f | %.1f | %s |" % (
                c, sysname, r["queries"], fmt(r["map"]), fmt(r["ndcg10"]),
                fmt(r["p10"]), fmt(r["r1000"]), r["index_s"], r["search_s"], note))
    systems = []
    for r in ranked:
        if r["system"] not in systems:
            systems.append(r["system"])
    for s in systems:
        rs = [r for r in ranked if r["system"] == s]
        n = len(rs)
        w("| **mean of %d** | **%s** | | **%s** | **%s** | **%s** | **%s** | %.1f | %.1f | unweighted mean over collections |" % (
            n, s, fmt(sum(r["map"] for r in rs) / n), fmt(sum(r["ndcg10"] for r in rs) / n),
            fmt(sum(r["p10"] for r in rs) / n), fmt(sum(r["r1000"] for r in rs) / n),
            sum(r["index_s"] for r in rs), sum(r["search_s"] for r in rs)))
    w("")
    if not opt.fts5_long:
        w("fts5 has no irled2017 row (so its mean is over 7 collections): with")
        w("irled's queries (~1500 OR'ed words each) sqlite3 had not finished 50")
        w("queries after 17 minutes; `GV_FTS5_LONG=1` runs it anyway.")
        w("")
    w("Rows in *italics* are the SMART boolean queries (boolean_queries.tsv,")
    w("queries 1-35, translated to AND/OR/NOT with brackets), not part of the means.")
    w("")
    return "\n".join(lines)


def parse_max_queries(spec):
    """"irled2017=50,cisi=11-20" -> {name: (first, last)}, 1-based, both
    included: N alone is the first N."""
    out = {}
    for part in filter(None, spec.split(",")):
        c, n = part.split("=")
        first, _, last = n.rpartition("-")
        out[c] = (int(first) if first else 1, int(last))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("collections", nargs="*", default=COLLECTIONS)
    ap.add_argument("--corpora", default=os.environ.get(
        "GV_CORPORA", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                   "..", "..", "..", "shared", "corpora")))
    ap.add_argument("--bin", required=True, help="Gavel build folder")
    ap.add_argument("--tmp", help="work folder (default: a new temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep indexes and runs")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("GV_JOBS", "2")))
    ap.add_argument("--max-queries", default=os.environ.get("GV_MAX_QUERIES", ""),
                    help="e.g. irled2017=50 (the first 50) or irled2017=101-200")
    ap.add_argument("--no-boolean", action="store_true")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "quality.md"))
    ap.add_argument("--command", default=" ".join(shlex.quote(a) for a in sys.argv))
    ap.add_argument("--tree", default="?")
    opt = ap.parse_args()
    opt.systems = opt.systems.split(",")
    opt.max_queries = parse_max_queries(opt.max_queries)
    opt.search_args = shlex.split(os.environ.get("GV_SEARCH_ARGS", ""))
    opt.case = os.environ.get("GV_QUERY_CASE", "keep")
    opt.cut = os.environ.get("GV_LONG_QUERY", "tfidf")
    opt.fts5_long = os.environ.get("GV_FTS5_LONG", "") == "1"
    opt.like_words = int(os.environ.get("GV_LIKE_WORDS", "500"))
    if opt.case not in ("keep", "lower") or opt.cut not in ("tfidf", "head"):
        ap.error("GV_QUERY_CASE must be keep|lower, GV_LONG_QUERY tfidf|head")
    for c in opt.collections:
        if not os.path.isdir(os.path.join(opt.corpora, c)):
            ap.error("no collection '%s' in %s" % (c, opt.corpora))

    tmp = opt.tmp or tempfile.mkdtemp(prefix="gavel-quality.")
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    t0 = time.time()
    log("work folder %s" % tmp)
    rows = []
    for c in opt.collections:
        rows += do_collection(c, opt, tmp)
    elapsed = time.time() - t0
    md = render(rows, opt, started, elapsed)
    with open(opt.out, "w", encoding="utf-8") as f:
        f.write(md)
    with open(os.path.splitext(opt.out)[0] + ".json", "w", encoding="utf-8") as f:
        json.dump({"date": started, "command": opt.command, "rows": rows}, f, indent=1)
        f.write("\n")
    log("wrote %s (%.0f s); runs in %s" % (opt.out, elapsed, tmp))
    if not opt.keep and not opt.tmp:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
