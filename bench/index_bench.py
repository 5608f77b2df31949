#!/usr/bin/env python3
"""Indexing and search speed of Gavel beside its peers, in one run.

    python3 bench/index_bench.py [--corpus guardian|reuters|generated:N]
                                 [--reps N] [--tools LIST] [--skip-search] ...
    python3 bench/index_bench.py --generate N [--seed S]   # only make the tree

Indexing (a fresh index each time, tools in turn within each repetition,
the order rotated between repetitions, so that machine noise hits all
alike): gavel-index; Xapian's omindex (Debian xapian-omega) on the same
files; bench/xapian_min_index.cc, a minimal indexer written directly
against libxapian (English stemmer, positions, add_document, a commit
every 200 documents as gavel-index does, DB_NO_SYNC as the shards of its
parallel build: the bound of one core writing with Xapian); SQLite FTS5
(porter unicode61, one transaction, the sqlite3 shell reading the files
with fsdir()). For each: wall seconds, documents/s, MB/s of text,
peak RSS (wait4's ru_maxrss of the process), index size on disk (du), and
each as a ratio to gavel-index. Then xapian-compact of omindex's and
Gavel's index (time and size), and a no-op re-run of gavel-index and
omindex over the unchanged tree. With --skip-index, --reps no-op re-runs
of each are timed, in turn, over the indexes already in the work folder:
bench/omindex_split.sh makes omindex's where its one-core build would
take hours (1,000,000 generated articles).

The nightly update (--update N, default 500; 0 leaves it out), after the
searches: N new generated articles (another seed), in a folder of their
own, added to gavel-index's and omindex's indexes (omindex -p, which
keeps the documents of files it did not visit): seconds, bytes written
to the disks (/proc/diskstats, with a sync before and after: whatever
else writes meanwhile counts too) and the index size before and after,
which tell an update from a rewrite.

Searching, over the indexes just built: gavel-search, quest (on omindex's
index), bench/xapian_min_search.cc (QueryParser, STEM_SOME, BM25, printing
each hit's stored path), FTS5
(bm25(), top 10) and, for the first --grep-queries queries, `grep -rliwF`
and `rg -liwF` (a pipeline through xargs keeps the files that hold every
word, as a cron script would). Every tool gives 10 hits, all words
required. (a) Batch: the index opened once for all queries
(gavel-search --queries, the minimal searcher reading stdin, FTS5 through
python's sqlite3 module); (b) one process per query (cron style), the
tools in turn for each query, in --per-rounds rounds (default 3), each
query's best round kept: a process's start varies by more than a search
costs. Median and p95 milliseconds a query.
Queries: 1-3 words of 4+ letters near each other in a randomly chosen
file of the tree (fixed seed), so each matches at least one document.

Trees: guardian (../shared/corpora/guardian_crime, one .txt per article,
the tree of bench/noop.sh), reuters (reuters21578, with Title/Date
headers) and generated:N, N articles made from real guardian_crime and
reuters21578 sentences, shuffled across articles, with names and figures
swapped and a Title/Date/Source header, 1000 files a folder, the same for
a given seed. All are made under $GV_BENCH_DIR (default /tmp/gavel-bench),
never in the repository, and kept for the next run.

Environment: GV_BUILD_DIR (the build, default ./build), GV_BENCH_DIR,
GV_INDEX_ARGS (extra gavel-index options, such as `--jobs 2`),
GV_SEARCH_ARGS (extra gavel-search options). Installs missing Debian
packages (xapian-omega, xapian-tools, sqlite3, ripgrep, g++,
libxapian-dev) with apt-get, as bench/noop.sh does. The Markdown tables
go to stdout and, unless --no-results, into bench/results.md (a section
per corpus, replaced on the next run). Standard library only.
"""
import argparse
import fcntl
import gzip
import json
import multiprocessing
import os
import platform
import random
import re
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
CORPORA = os.path.join(TOP, "..", "shared", "corpora")
INDEX_TOOLS = ["gavel-index", "omindex", "xapian-min", "fts5"]
SEARCH_TOOLS = ["gavel-search", "quest", "xapian-min", "fts5", "grep", "rg"]
LOAD = [0.0]  # the load average when the run started
STOP = set("""that this with from have were been their there which would about
could said they them than then when what will into also more some only over
such after other most very before while where these those being under upon
shall should does done just like many much must even each both made make
""".split())


def log(msg):
    print("index_bench: " + msg, file=sys.stderr, flush=True)


# ---- set-up ----------------------------------------------------------------

def ensure_packages():
    """apt-get install what is missing, as bench/noop.sh does."""
    need = []
    for probe, pkg in (("omindex", "xapian-omega"), ("quest", "xapian-tools"),
                       ("xapian-compact", "xapian-tools"), ("sqlite3", "sqlite3"),
                       ("rg", "ripgrep"), ("g++", "g++"), ("pkg-config", "pkg-config"),
            ("/usr/bin/time", "time")):
        if not shutil.which(probe) and pkg not in need:
            need.append(pkg)
    if not shutil.which("pkg-config") or subprocess.run(
            ["pkg-config", "--exists", "xapian-core"]).returncode != 0:
        need.append("libxapian-dev")
    if not need:
        return
    log("installing " + " ".join(need))
    sudo = [] if os.getuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get",
                           "install", "-y", "-qq"] + need,
                   check=True, stdout=subprocess.DEVNULL)


def build_min_tools(work):
    """Compile the minimal Xapian indexer and searcher into WORK/bin."""
    bindir = os.path.join(work, "bin")
    os.makedirs(bindir, exist_ok=True)
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "xapian-core"],
                           check=True, capture_output=True, text=True).stdout.split()
    out = {}
    for name in ("xapian_min_index", "xapian_min_search"):
        src = os.path.join(HERE, name + ".cc")
        exe = os.path.join(bindir, name)
        if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(src):
            subprocess.run(["g++", "-O2", "-std=c++17", "-o", exe, src] + flags, check=True)
        out[name] = exe
    return out


def read_docs(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def explode(name, tree):
    """One .txt file per article of a corpus, 1000 a folder. guardian gets
    the body only (the tree of bench/noop.sh); reuters gets Title and Date
    headers."""
    src = os.path.join(CORPORA, {"guardian": "guardian_crime",
                                 "reuters": "reuters21578"}[name], "docs.jsonl.gz")
    tmp = tree + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    log("exploding %s into %s" % (src, tree))
    for n, rec in enumerate(read_docs(src)):
        d = os.path.join(tmp, "%03d" % (n // 1000))
        os.makedirs(d, exist_ok=True)
        text = rec["text"] or ""
        if name == "reuters":
            head = ""
            if rec.get("title"):
                head += "Title: %s\n" % " ".join(rec["title"].split())
            if rec.get("date"):
                head += "Date: %s\n" % rec["date"][:10]
            text = head + "\n" + text if head else text
        with open(os.path.join(d, "%s.txt" % rec["id"]), "w", encoding="utf-8") as out:
            out.write(text)
    os.rename(tmp, tree)


# ---- the generated corpus ----------------------------------------------------

SENT_SPLIT = re.compile(r'(?<=[a-z0-9)][.!?])["\u201d\u2019]?\s*(?=[A-Z\u201c"])')
TITLES = ("Mr|Mrs|Ms|Dr|Judge|Justice|Inspector|Sergeant|Detective|Constable|Lord"
          "|Lady|Sir")
HONORIFIC = re.compile(r"\b(%s) (?!(?:%s)\b)([A-Z][a-z]{2,})" % (TITLES, TITLES))
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
SOURCES = ["Reuters", "The Guardian", "The Ledger Law Wire", "Associated Press",
           "Court News Service", "The Times", "Law Gazette", "Press Association"]
G = {}  # the pools, built once in the parent and shared with the workers by fork


def build_pools(seed):
    """Sentences of guardian_crime and reuters21578, each a list of
    fragments between which a surname goes (those after Mr, Judge, ...)."""
    sents, names = [], set()
    for corpus in ("guardian_crime", "reuters21578"):
        for rec in read_docs(os.path.join(CORPORA, corpus, "docs.jsonl.gz")):
            text = " ".join((rec["text"] or "").split())
            for s in SENT_SPLIT.split(text):
                if 40 <= len(s) <= 400:
                    parts = HONORIFIC.split(s)
                    # parts: text, title, name, text, title, name, text ...
                    frags = [parts[0]]
                    for i in range(1, len(parts), 3):
                        names.add(parts[i + 1])
                        frags[-1] += parts[i] + " "
                        frags.append(parts[i + 2])
                    sents.append(tuple(frags))
    rnd = random.Random(seed)
    tables = []
    for _ in range(16):  # digit swaps: each table a random permutation of 1-9
        digits = list("123456789")
        rnd.shuffle(digits)
        tables.append(str.maketrans("123456789", "".join(digits)))
    G["sents"] = sents
    G["names"] = sorted(names)
    G["tables"] = tables


def gen_sentence(rnd):
    frags = rnd.choice(G["sents"])
    s = frags[0]
    for f in frags[1:]:
        s += rnd.choice(G["names"]) + f
    if rnd.random() < 0.5:
        s = s.translate(rnd.choice(G["tables"]))
    return s


def gen_article(rnd):
    words = gen_sentence(rnd).rstrip(".!?").split()
    title = " ".join(words[:rnd.randint(5, 12)])
    date = "%s %d, %d" % (MONTHS[rnd.randrange(12)], rnd.randint(1, 28), rnd.randint(1987, 2024))
    paras = []
    for _ in range(rnd.choice((1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 12, 16))):
        paras.append(" ".join(gen_sentence(rnd) for _ in range(rnd.choice((1, 1, 2, 2, 3, 4)))))
    return "Title: %s\nDate: %s\nSource: %s\n\n%s\n" % (
        title, date, rnd.choice(SOURCES), "\n\n".join(paras))


def gen_folder(job):
    """Write articles [first, last) of the folder; the seed is per folder,
    so the tree is the same however many workers made it."""
    tree, seed, folder, first, last = job
    rnd = random.Random(seed * 1000003 + folder)
    d = os.path.join(tree, "%02d" % (folder // 100), "%02d" % (folder % 100))
    os.makedirs(d, exist_ok=True)
    nbytes = 0
    for n in range(first, last):
        data = gen_article(rnd).encode("utf-8")
        nbytes += len(data)
        with open(os.path.join(d, "%07d.txt" % n), "wb") as f:
            f.write(data)
    return nbytes


def generate(tree, count, seed, jobs=None):
    t0 = time.perf_counter()
    tmp = tree + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    build_pools(seed)
    log("generating %d articles into %s (%d sentences, %d names; pools %.1f s)" % (
        count, tree, len(G["sents"]), len(G["names"]), time.perf_counter() - t0))
    per = 1000
    work = [(tmp, seed, f, f * per, min(count, (f + 1) * per))
            for f in range((count + per - 1) // per)]
    with multiprocessing.get_context("fork").Pool(jobs or os.cpu_count()) as pool:
        nbytes = sum(pool.imap_unordered(gen_folder, work, chunksize=4))
    os.rename(tmp, tree)
    secs = time.perf_counter() - t0
    log("generated %d files, %.1f MB, in %.1f s (%.0f files/s)" % (
        count, nbytes / 1e6, secs, count / secs))
    return secs


def prepare_tree(corpus, work, seed):
    if corpus in ("guardian", "reuters"):
        tree = os.path.join(work, corpus)
        if not os.path.isdir(tree):
            explode(corpus, tree)
        return tree
    m = re.fullmatch(r"generated:(\d+)", corpus)
    if not m:
        sys.exit("index_bench: --corpus: guardian, reuters or generated:N")
    tree = os.path.join(work, "generated-%s-%d" % (m.group(1), seed))
    if not os.path.isdir(tree):
        # In a child process, so that this one stays small; it works
        # under this run's lock.
        env = dict(os.environ, GV_BENCH_LOCKED=os.path.abspath(work))
        subprocess.run([sys.executable, os.path.abspath(__file__), "--work", work,
                        "--seed", str(seed), "--generate", m.group(1)], check=True,
                       env=env)
    return tree


def tree_files(tree):
    out = []
    for root, dirs, files in os.walk(tree):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
    return out


def du(path):
    """Bytes on disk, as du counts them."""
    if os.path.isfile(path):
        return os.stat(path).st_blocks * 512
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.lstat(os.path.join(root, f)).st_blocks * 512
    return total


# ---- running and timing ------------------------------------------------------

def run(cmd, stdin=None, shell=False, rss=False):
    """(wall seconds, peak RSS KB or None, exit code) of CMD, output
    dropped; stderr is kept and shown when CMD fails. The RSS comes from
    /usr/bin/time: a child's ru_maxrss also counts the memory of the
    process it was forked from, and time(1) is small where python is not."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as mem:
        if rss:
            cmd = ["/usr/bin/time", "-f", "%M", "-o", mem.name] + cmd
        fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
        t = time.perf_counter()
        code = subprocess.run(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=err,
                              shell=shell).returncode
        secs = time.perf_counter() - t
        if stdin:
            fin.close()
        if code not in (0, 1):
            err.seek(0)
            log("%s: exit %d: %s" % (cmd if shell else " ".join(cmd), code,
                                    err.read().decode(errors="replace")[-500:]))
        kb = None
        if rss:
            m = re.search(r"(\d+)\s*$", mem.read())
            kb = int(m.group(1)) if m else None
    return secs, kb, code


def disk_writes():
    """Bytes written to the machine's disks so far (whole disks only)."""
    total = 0
    with open("/proc/diskstats") as f:
        for line in f:
            field = line.split()
            if len(field) > 9 and os.path.exists("/sys/block/" + field[2]):
                total += int(field[9]) * 512
    return total


def rm(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.unlink(path)


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


class Bench:
    def __init__(self, opt, tree, work, mins):
        self.opt, self.tree, self.work, self.mins = opt, tree, work, mins
        self.gindex = os.path.join(opt.bin, "indexer", "gavel-index")
        self.gsearch = os.path.join(opt.bin, "searcher", "gavel-search")
        self.index_args = shlex.split(os.environ.get("GV_INDEX_ARGS", ""))
        self.search_args = shlex.split(os.environ.get("GV_SEARCH_ARGS", ""))
        self.db = {"gavel-index": os.path.join(work, "ib-gavel.db"),
                   "omindex": os.path.join(work, "ib-omega.db"),
                   "xapian-min": os.path.join(work, "ib-xmin.db"),
                   "fts5": os.path.join(work, "ib-fts5.sqlite")}

    def index_cmd(self, tool):
        db = self.db[tool]
        if tool == "gavel-index":
            return [self.gindex, "-q", "--no-progress", "--db", db] + self.index_args + [self.tree]
        if tool == "omindex":
            return ["omindex", "--db", db, "--url", "/", self.tree]
        if tool == "xapian-min":
            # gavel-index's batch: smaller batches cost Xapian less CPU
            return [self.mins["xapian_min_index"], "-b", "200", "--no-sync", db, self.tree]
        sql = os.path.join(self.work, "ib-fts5.sql")
        with open(sql, "w") as f:
            f.write("CREATE VIRTUAL TABLE d USING fts5(path UNINDEXED, body,"
                    " tokenize='porter unicode61');\nBEGIN;\n"
                    "INSERT INTO d(path, body) SELECT name, CAST(data AS TEXT)"
                    " FROM fsdir(%s) WHERE (mode & 61440) = 32768"
                    " AND name NOT LIKE '%%/.%%';\nCOMMIT;\n" % sql_str(self.tree))
        return ["sh", "-c", 'exec sqlite3 -bail "$1" < "$2"', "sh", db, sql]

    def index(self, tool):
        # also what a cut-short parallel build left, or gavel-index would
        # finish it instead of starting afresh
        for suffix in ("", ".gavel-build", ".gavel-build.shards", ".gavel-merge"):
            rm(self.db[tool] + suffix)
        secs, rss, code = run(self.index_cmd(tool), rss=True)
        if code not in (0, 1):
            sys.exit("index_bench: %s failed" % tool)
        with open(self.db[tool] + ".tree", "w") as f:  # which tree it holds
            f.write(self.tree)
        return {"secs": secs, "rss": rss, "size": du(self.db[tool])}

    def holds_tree(self, tool):
        try:
            with open(self.db[tool] + ".tree") as f:
                return f.read() == self.tree
        except OSError:
            return False

    def compact(self, tool):
        out = self.db[tool] + ".compact"
        rm(out)
        secs, _, code = run(["xapian-compact", self.db[tool], out])
        size = du(out)
        rm(out)
        return {"secs": secs, "size": size}

    def noop(self, tool):
        return run(self.index_cmd(tool))[0]

    def update(self, tool, tree):
        """Add the files of TREE to TOOL's index, as a nightly run would."""
        db = self.db[tool]
        if tool == "gavel-index":
            cmd = [self.gindex, "-q", "--no-progress", "--db", db] + self.index_args + [tree]
        else:
            cmd = ["omindex", "-p", "--db", db, "--url", "/nightly/", tree]
        before = du(db)
        os.sync()
        written = disk_writes()
        secs, _, code = run(cmd)
        os.sync()
        written = disk_writes() - written
        if code not in (0, 1):
            sys.exit("index_bench: %s failed to update its index" % tool)
        rm(db + ".tree")  # it holds more than the tree now
        return {"secs": secs, "written": written, "before": before, "after": du(db)}

    # -- searching --

    def pick_queries(self, files, n, seed):
        rnd = random.Random(seed)
        out = []
        tries = 0
        while len(out) < n and tries < n * 50:
            tries += 1
            with open(rnd.choice(files), encoding="utf-8", errors="replace") as f:
                text = f.read(200000)
            if text.startswith("Title:"):  # header lines up to the blank line
                text = text.split("\n\n", 1)[-1]
            words = [w.lower() for w in re.findall(r"\b[A-Za-z]{4,}\b", text)]
            words = [w for w in words if w not in STOP]
            if len(words) < 3:
                continue
            k = rnd.choice((1, 1, 2, 2, 3))
            i = rnd.randrange(len(words))
            window = list(dict.fromkeys(words[i:i + 10]))
            if len(window) >= k:
                out.append(" ".join(window[:k]))
        return out

    def search_one(self, tool, q, qfile):
        """Argv (or shell line) of one query in its own process."""
        if tool == "gavel-search":
            return [self.gsearch, "--db", self.db["gavel-index"], "-n", "10", "--no-snippets",
                    "-f", "paths"] + self.search_args + ["--", q], None, False
        if tool == "quest":
            return ["quest", "-d", self.db["omindex"], "-m", "10", "-o", "and", q], None, False
        if tool == "xapian-min":
            return [self.mins["xapian_min_search"], self.db["xapian-min"]], qfile, False
        if tool == "fts5":
            return ["sqlite3", self.db["fts5"], self.fts_sql(q)], None, False
        words = [shlex.quote(w) for w in q.split()]
        if tool == "grep":
            stages = ["grep -rliwFZ -- %s %s" % (words[0], shlex.quote(self.tree))]
            stages += ["xargs -0r grep -liwFZ -- %s" % w for w in words[1:]]
        else:
            stages = ["rg -liwF -0 -- %s %s" % (words[0], shlex.quote(self.tree))]
            stages += ["xargs -0r rg -liwF -0 -- %s" % w for w in words[1:]]
        return " | ".join(stages), None, True

    @staticmethod
    def fts_match(q):
        return " ".join('"%s"' % w for w in q.split())  # implicit AND

    def fts_sql(self, q):
        return ("SELECT path FROM d WHERE d MATCH %s ORDER BY bm25(d) LIMIT 10;"
                % sql_str(self.fts_match(q)))

    def search(self, tools, queries):
        res = {t: {} for t in tools}
        qfile = os.path.join(self.work, "ib-queries.txt")
        with open(qfile, "w") as f:
            f.write("\n".join(queries) + "\n")
        empty = os.path.join(self.work, "ib-no-queries.txt")
        with open(empty, "w") as f:
            f.write("# none\n")
        # (a) batch: the index opened once.
        for _ in range(2):  # the first round warms the page cache
            if "gavel-search" in tools:
                cmd = [self.gsearch, "--db", self.db["gavel-index"], "-n", "10",
                       "--no-snippets", "-f", "paths"] + self.search_args + ["--queries"]
                # Less a run without queries: start and opening the index.
                secs = (min(run(cmd + [qfile])[0] for _ in range(3))
                        - min(run(cmd + [empty])[0] for _ in range(3)))
                res["gavel-search"]["batch_mean"] = secs * 1000 / len(queries)
            if "xapian-min" in tools:
                p = subprocess.run([self.mins["xapian_min_search"], "-t", self.db["xapian-min"]],
                                   stdin=open(qfile), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
                ms = [float(x) for x in p.stderr.split() if re.fullmatch(r"[\d.]+", x)]
                res["xapian-min"].update(batch=ms, batch_mean=statistics.mean(ms))
            if "fts5" in tools:
                con = sqlite3.connect(self.db["fts5"])
                ms = []
                for q in queries:
                    t = time.perf_counter()
                    con.execute("SELECT path FROM d WHERE d MATCH ? ORDER BY bm25(d) LIMIT 10",
                                (self.fts_match(q),)).fetchall()
                    ms.append((time.perf_counter() - t) * 1000)
                con.close()
                res["fts5"].update(batch=ms, batch_mean=statistics.mean(ms))
        # (b) one process per query, the tools in turn for each query, in
        # rounds: a query's time is its best round, as a process's start
        # varies by more than the search costs.
        one = os.path.join(self.work, "ib-one-query.txt")
        per = {t: [] for t in tools}
        for i, q in enumerate(queries):
            with open(one, "w") as f:
                f.write(q + "\n")
            best = {}
            for _ in range(self.opt.per_rounds):
                for t in tools:
                    if t in ("grep", "rg") and i >= self.opt.grep_queries:
                        continue
                    cmd, stdin, shell = self.search_one(t, q, one)
                    ms = run(cmd, stdin=stdin, shell=shell)[0] * 1000
                    best[t] = min(best.get(t, ms), ms)
            for t, ms in best.items():
                per[t].append(ms)
        for t in tools:
            res[t]["per"] = per[t]
        return res


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def med(xs):
    return statistics.median(xs) if xs else float("nan")


# ---- report ------------------------------------------------------------------

def versions(opt):
    def first(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0]
        except (OSError, IndexError):
            return "?"
    return {
        "gavel": first([os.path.join(opt.bin, "indexer", "gavel-index"), "--version"]),
        "xapian": first(["pkg-config", "--modversion", "xapian-core"]),
        "omindex": first(["omindex", "--version"]).split()[-1],
        "sqlite": sqlite3.sqlite_version,
        "rg": first(["rg", "--version"]).split()[-1],
        "grep": first(["grep", "--version"]).split()[-1],
    }


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def fmt(x, nd=2):
    return "" if x is None else ("%.*f" % (nd, x))


def report(opt, argv, nfiles, nbytes, idx, extra, sres, nq, gen_secs, upd):
    v = versions(opt)
    lines = []
    title = "### Indexing and search: %s (%s)" % (opt.corpus, time.strftime("%Y-%m-%d", time.gmtime()))
    lines.append(title)
    lines.append("")
    lines.append("Machine: %d cores, %s, %s, load average %.1f at the start. Versions: %s, Xapian %s, omindex %s, SQLite %s,"
                 " ripgrep %s, GNU grep %s. Tree: %d files, %.1f MB of text. Command:"
                 " `%s%spython3 bench/index_bench.py %s`." % (
                     os.cpu_count(), cpu_model(), platform.machine(), LOAD[0], v["gavel"], v["xapian"],
                     v["omindex"], v["sqlite"], v["rg"], v["grep"], nfiles, nbytes / 1e6,
                     ("GV_INDEX_ARGS='%s' " % os.environ["GV_INDEX_ARGS"])
                     if os.environ.get("GV_INDEX_ARGS") else "",
                     ("GV_SEARCH_ARGS='%s' " % os.environ["GV_SEARCH_ARGS"])
                     if os.environ.get("GV_SEARCH_ARGS") else "",
                     " ".join(argv)))
    if opt.note:
        lines += ["", opt.note]
    if gen_secs is not None:
        lines += ["", "Generating the tree took %.1f s." % gen_secs]
    g = idx.get("gavel-index")
    if idx:
        lines += ["", "Indexing, a fresh index each time; median of %d run(s) of each, the tools"
                  " in turn. Ratios are to gavel-index (below 1: smaller or faster than"
                  " gavel-index)." % opt.reps, "",
                  "| tool | wall s | docs/s | MB/s | peak RSS MB | index MB | wall vs gavel"
                  " | RSS vs gavel | size vs gavel |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        names = {"gavel-index": "gavel-index", "omindex": "omindex",
                 "xapian-min": "xapian_min_index (libxapian floor)",
                 "fts5": "SQLite FTS5 (sqlite3 shell)"}
        for t, runs in idx.items():
            s = med([r["secs"] for r in runs])
            rss = med([r["rss"] for r in runs]) / 1024
            size = runs[-1]["size"] / 1e6
            row = [names[t], fmt(s), "%.0f" % (nfiles / s), fmt(nbytes / 1e6 / s),
                   "%.0f" % rss, fmt(size, 1)]
            if g:
                gs = med([r["secs"] for r in g])
                grss = med([r["rss"] for r in g]) / 1024
                gsize = g[-1]["size"] / 1e6
                row += [fmt(s / gs), fmt(rss / grss), fmt(size / gsize)]
            else:
                row += ["", "", ""]
            lines.append("| " + " | ".join(row) + " |")
    if extra:
        lines += ["", "| after indexing | seconds | index MB | vs gavel-index's index |",
                  "| --- | ---: | ---: | ---: |"]
        gsize = g[-1]["size"] / 1e6 if g else None
        for label, key in (("xapian-compact of omindex's index", "compact:omindex"),
                           ("xapian-compact of gavel-index's index", "compact:gavel-index")):
            if key in extra:
                xs = extra[key]
                size = xs[-1]["size"] / 1e6
                lines.append("| %s | %s | %s | %s |" % (
                    label, fmt(med([x["secs"] for x in xs])), fmt(size, 1),
                    fmt(size / gsize) if gsize else ""))
        for label, key in (("no-op re-index, gavel-index", "noop:gavel-index"),
                           ("no-op re-index, omindex", "noop:omindex")):
            if key in extra:
                runs = extra[key]
                lines.append("| %s | %s%s | | |" % (
                    label, fmt(med(runs)), " (median of %s)" % ", ".join(fmt(x) for x in runs)
                    if len(runs) > 1 else ""))
    if sres:
        lines += ["", "Searching: %d queries of 1-3 words from the tree's own text, all words"
                  " required, 10 hits, each printed as its path (gavel-search `--no-snippets"
                  " -f paths`; the minimal searcher and quest print the stored data)."
                  " Batch: the index opened once (gavel-search `--queries`: the run's time less"
                  " that of a run without queries, the best of 3 each, divided by the queries; the"
                  " minimal searcher and FTS5 through python's sqlite3 module: each query timed"
                  " inside the process). One process per query: the tools in turn for each"
                  " query, %d rounds, the best round of each query kept; grep and rg (a"
                  " pipeline through `xargs` keeps the files holding every word; case-insensitive whole words, no stemming) ran the first %d"
                  " queries only. Milliseconds; ratios are to gavel-search." % (
                      nq, opt.per_rounds, min(nq, opt.grep_queries)), "",
                  "| tool | batch mean | batch median | batch p95 | process per query: median"
                  " | p95 | median vs gavel-search |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        names = {"gavel-search": "gavel-search", "quest": "quest (omindex's index)",
                 "xapian-min": "xapian_min_search (libxapian floor)",
                 "fts5": "SQLite FTS5", "grep": "`grep -rliwF` pipeline",
                 "rg": "`rg -liwF` pipeline"}
        gmed = med(sres["gavel-search"]["per"]) if "gavel-search" in sres else None
        for t, r in sres.items():
            b = r.get("batch")
            lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (
                names[t], fmt(r.get("batch_mean")), fmt(med(b)) if b else "",
                fmt(p95(b)) if b else "", fmt(med(r["per"])), fmt(p95(r["per"])),
                fmt(med(r["per"]) / gmed) if gmed else ""))
    if upd:
        lines += ["", "Nightly update: %d new articles, in a folder of their own, added to the"
                  " index (omindex with `-p`, keeping what it did not visit). MB written: to the"
                  " disks, synced before and after." % opt.update, "",
                  "| tool | seconds | MB written | index MB before | index MB after |",
                  "| --- | ---: | ---: | ---: | ---: |"]
        for t, r in upd.items():
            lines.append("| %s | %s | %s | %s | %s |" % (
                t, fmt(r["secs"]), fmt(r["written"] / 1e6, 1),
                fmt(r["before"] / 1e6, 1), fmt(r["after"] / 1e6, 1)))
    return "\n".join(lines) + "\n"


def save_results(section, corpus):
    """Replace this corpus's section of bench/results.md, or append it."""
    path = os.path.join(HERE, "results.md")
    begin = "<!-- index_bench %s -->" % corpus
    end = "<!-- /index_bench %s -->" % corpus
    block = "%s\n%s%s\n" % (begin, section, end)
    with open(path, encoding="utf-8") as f:
        old = f.read()
    if begin in old and end in old:
        a = old.index(begin)
        b = old.index(end) + len(end) + 1
        new = old[:a] + block + old[b:]
    else:
        new = old.rstrip("\n") + "\n\n" + block
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


# ---- main --------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="guardian",
                    help="guardian, reuters or generated:N (default guardian)")
    ap.add_argument("--reps", type=int, default=1, help="indexing runs of each tool")
    ap.add_argument("--tools", default=",".join(INDEX_TOOLS),
                    help="indexers, comma-separated (default: %(default)s)")
    ap.add_argument("--search-tools", default=",".join(SEARCH_TOOLS),
                    help="searchers, comma-separated (default: %(default)s)")
    ap.add_argument("--skip-search", action="store_true")
    ap.add_argument("--skip-index", action="store_true",
                    help="use the indexes a previous run (or bench/omindex_split.sh) left"
                    " in the work folder: time their no-op re-runs (--reps of each) and"
                    " search them (those of another tree are made again)")
    ap.add_argument("--no-compact", action="store_true")
    ap.add_argument("--no-noop", action="store_true")
    ap.add_argument("--update", type=int, default=500, metavar="N",
                    help="new articles a nightly update adds to the indexes (0: none;"
                    " default %(default)s)")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--per-rounds", type=int, default=3, metavar="N",
                    help="rounds of the one-process-per-query runs (best kept)")
    ap.add_argument("--grep-queries", type=int, default=20,
                    help="queries that grep and rg run (each reads the whole tree)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--generate", type=int, metavar="N",
                    help="only make the generated tree of N articles, and time it")
    ap.add_argument("--bin", default=os.environ.get("GV_BUILD_DIR", os.path.join(TOP, "build")))
    ap.add_argument("--work", default=os.environ.get("GV_BENCH_DIR", "/tmp/gavel-bench"))
    ap.add_argument("--note", help="a line to add under the section's heading")
    ap.add_argument("--no-results", action="store_true",
                    help="print the tables only; leave bench/results.md alone")
    opt = ap.parse_args()
    # The command shown, less what only changes where the tables go.
    argv, skip = [], False
    for a in sys.argv[1:]:
        if skip:
            skip = False
        elif a == "--note":
            skip = True
        elif not a.startswith("--note=") and a != "--no-results":
            argv.append(a)
    os.makedirs(opt.work, exist_ok=True)
    # Two runs in one work folder would index into each other's databases.
    # (A tree generated for a run is made under that run's lock.)
    lock = open(os.path.join(opt.work, ".index_bench.lock"), "w")
    try:
        if os.environ.get("GV_BENCH_LOCKED") != os.path.abspath(opt.work):
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        sys.exit("index_bench: another run is using %s; wait, or set GV_BENCH_DIR" % opt.work)
    LOAD[0] = os.getloadavg()[0]

    if opt.generate:
        tree = os.path.join(opt.work, "generated-%d-%d" % (opt.generate, opt.seed))
        shutil.rmtree(tree, ignore_errors=True)
        generate(tree, opt.generate, opt.seed)
        return

    tools = [t for t in opt.tools.split(",") if t]
    stools = [t for t in opt.search_tools.split(",") if t]
    for t in tools:
        if t not in INDEX_TOOLS:
            sys.exit("index_bench: --tools: unknown '%s' (%s)" % (t, ", ".join(INDEX_TOOLS)))
    for t in stools:
        if t not in SEARCH_TOOLS:
            sys.exit("index_bench: --search-tools: unknown '%s' (%s)" % (t, ", ".join(SEARCH_TOOLS)))
    if not os.access(os.path.join(opt.bin, "indexer", "gavel-index"), os.X_OK):
        sys.exit("index_bench: no gavel-index under %s: build first, or set GV_BUILD_DIR" % opt.bin)
    ensure_packages()
    mins = build_min_tools(opt.work)
    gen_secs = None
    m = re.fullmatch(r"generated:(\d+)", opt.corpus)
    if m and not os.path.isdir(os.path.join(opt.work, "generated-%s-%d" % (m.group(1), opt.seed))):
        t = time.perf_counter()
        tree = prepare_tree(opt.corpus, opt.work, opt.seed)
        gen_secs = time.perf_counter() - t
    else:
        tree = prepare_tree(opt.corpus, opt.work, opt.seed)
    files = tree_files(tree)
    nbytes = sum(os.path.getsize(f) for f in files)
    log("tree %s: %d files, %.1f MB" % (tree, len(files), nbytes / 1e6))
    bench = Bench(opt, tree, opt.work, mins)

    idx, extra = {}, {}
    if not opt.skip_index:
        for rep in range(opt.reps):
            order = tools[rep % len(tools):] + tools[:rep % len(tools)]
            for t in order:
                log("rep %d: indexing with %s" % (rep + 1, t))
                r = bench.index(t)
                log("  %.1f s, %d MB RSS, %.1f MB" % (r["secs"], r["rss"] / 1024, r["size"] / 1e6))
                idx.setdefault(t, []).append(r)
            if not opt.no_compact:
                for t in ("omindex", "gavel-index"):
                    if t in tools:
                        extra.setdefault("compact:" + t, []).append(bench.compact(t))
            if not opt.no_noop:
                for t in ("gavel-index", "omindex"):
                    if t in tools:
                        extra.setdefault("noop:" + t, []).append(bench.noop(t))
                        log("  no-op %s: %.2f s" % (t, extra["noop:" + t][-1]))
        idx = {t: idx[t] for t in tools}
    elif not opt.no_noop:
        # Over the indexes a previous run (or bench/omindex_split.sh) left.
        for rep in range(opt.reps):
            for t in ("gavel-index", "omindex"):
                if t in tools and bench.holds_tree(t):
                    extra.setdefault("noop:" + t, []).append(bench.noop(t))
                    log("  no-op %s: %.2f s" % (t, extra["noop:" + t][-1]))

    sres = None
    if not opt.skip_search:
        need = {"gavel-search": "gavel-index", "quest": "omindex", "xapian-min": "xapian-min",
                "fts5": "fts5"}
        for t in stools:
            if t in need and not bench.holds_tree(need[t]):
                log("building the %s index for %s" % (need[t], t))
                bench.index(need[t])
        queries = bench.pick_queries(files, opt.queries, opt.seed)
        log("searching: %d queries, e.g. %s" % (len(queries), "; ".join(queries[:5])))
        sres = bench.search(stools, queries)

    upd = {}
    if opt.update > 0 and not opt.skip_index:
        nightly = prepare_tree("generated:%d" % opt.update, opt.work, opt.seed + 1000)
        for t in ("gavel-index", "omindex"):
            if t in tools:
                upd[t] = bench.update(t, nightly)
                log("  update %s: %.2f s, %.1f MB written" % (
                    t, upd[t]["secs"], upd[t]["written"] / 1e6))

    section = report(opt, argv, len(files), nbytes, idx, extra, sres,
                     len(queries) if sres else 0, gen_secs, upd)
    print(section)
    if not opt.no_results:
        save_results(section, opt.corpus)


if __name__ == "__main__":
    main()
