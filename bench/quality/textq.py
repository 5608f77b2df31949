"""Query texts for bench/quality: natural-language queries made safe for
each engine's query syntax, long queries cut, SMART boolean queries
translated. Used by quality.py, checked by test_queries.py. Stdlib only.

Natural-language queries (neutralise):
  The text is split into words, a word being a maximal run of Unicode
  letters, digits and '_' (Python's \\w). Everything else becomes a space:
  quotes, brackets, '+' '-' (love/hate), ':' (so "title:" is no field
  prefix), '*' (wildcards), '..' (ranges), apostrophes and hyphens (so
  "computer-ready" is two words, not a phrase). The words AND, OR, NOT,
  XOR, NEAR, ADJ written in capitals are lower-cased, so they are words
  rather than Xapian operators. Other words keep their case: a capitalised
  word is not stemmed by Xapian (STEM_SOME), and the table should show
  what a user typing the query would get. GV_QUERY_CASE=lower lower-cases
  every word instead (an experiment, named in the output).
  Gavel and quest get the words joined by spaces (with OR semantics);
  FTS5 gets each word as a "string" joined by OR.

Long queries (cut): Gavel caps a query at 16 KiB. A query whose words
  joined by spaces exceed MAX_QUERY_BYTES is cut, the same way for every
  engine, by one of:
  - "tfidf" (default): its distinct words ranked by tf * idf, tf = count
    in the query (case-folded), idf = log(N / df) from the collection's
    documents (case-folded, same word split); ties by first occurrence;
    kept best-first while they fit.
  - "head": the words from the start while they fit (repeats kept).
"""

import math
import re

MAX_QUERY_BYTES = 16000  # under Gavel's 16384-byte cap (GV_MAX_QUERY_BYTES)

_WORD = re.compile(r"\w+")
OPERATORS = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}


def words(text):
    """The words of text, as defined in the module doc."""
    return _WORD.findall(text)


def neutralise(text, lower=False):
    """List of safe words of a natural-language query."""
    out = []
    for w in words(text):
        if lower or w in OPERATORS:
            w = w.lower()
        out.append(w)
    return out


def doc_freqs(texts):
    """{case-folded word: number of texts containing it}."""
    df = {}
    for t in texts:
        for w in set(w.lower() for w in words(t)):
            df[w] = df.get(w, 0) + 1
    return df


def cut(ws, mode="tfidf", df=None, n_docs=0, max_bytes=MAX_QUERY_BYTES):
    """ws (a word list) if ' '.join(ws) fits in max_bytes, else the words
    kept by mode (see the module doc). Returns (words, was_cut)."""
    if len(" ".join(ws).encode("utf-8")) <= max_bytes:
        return ws, False
    if mode == "head":
        kept, size = [], 0
        for w in ws:
            n = len(w.encode("utf-8")) + (1 if kept else 0)
            if size + n > max_bytes:
                break
            kept.append(w)
            size += n
        return kept, True
    if mode != "tfidf":
        raise ValueError("unknown cut mode %r" % mode)
    df = df or {}
    tf, first = {}, {}
    for i, w in enumerate(ws):
        tf[w.lower()] = tf.get(w.lower(), 0) + 1
        first.setdefault(w, i)
    n = max(n_docs, 1)

    def score(w):
        d = df.get(w.lower(), 0)
        idf = math.log((n + 1) / (d + 0.5))  # a word in no document ranks high
        return tf[w.lower()] * idf

    ranked = sorted(first, key=lambda w: (-score(w), first[w]))
    kept, size = [], 0
    for w in ranked:
        b = len(w.encode("utf-8")) + (1 if kept else 0)
        if size + b > max_bytes:
            continue
        kept.append(w)
        size += b
    kept.sort(key=lambda w: first[w])  # original order, for readability
    return kept, True


def xapian_text(ws):
    """Query string for Gavel and quest (OR semantics come from --any /
    quest's default operator)."""
    return " ".join(ws)


def fts5_text(ws):
    """FTS5 MATCH expression: every word a quoted string, OR'ed."""
    return " OR ".join('"%s"' % w.replace('"', '""') for w in ws)


# --- SMART boolean queries -------------------------------------------------
#
# Grammar of boolean_queries.tsv (CISI.BLN / ADI.BLN):
#   expr := '#and' '(' list ')' | '#or' '(' list ')' | '#not' '(' list ')'
#         | "'" term "'"
#   list := expr (',' expr)*
# Translation to Xapian QueryParser syntax (Gavel's and quest's):
#   #and(a, b, ...) -> (a AND b AND ...)
#   #or(a, b, ...)  -> (a OR b OR ...)
#   #not(x)         -> (NOT x)   unary, as in SMART: needs FLAG_PURE_NOT
#                      (Gavel enables it; quest needs -f default,pure_not).
#                      #not with several arguments negates their OR.
#   'term'          -> its words (neutralise(), lower-cased); one word as
#                      is, several ('computer-ready') as a "phrase", which
#                      is how Xapian matches a hyphenated word.


class SmartSyntaxError(ValueError):
    pass


_TOKEN = re.compile(r"\s*(#and|#or|#not|\(|\)|,|'[^']*')", re.I)


def _tokens(s):
    pos, out = 0, []
    s = s.rstrip().rstrip(";")
    while pos < len(s):
        if s[pos:].strip() == "":
            break
        m = _TOKEN.match(s, pos)
        if not m:
            raise SmartSyntaxError("unexpected text at %d: %r" % (pos, s[pos:pos + 20]))
        out.append(m.group(1))
        pos = m.end()
    return out


def smart_to_xapian(s):
    """Translate one SMART boolean expression (see above) to a Xapian
    query string. Raises SmartSyntaxError on malformed input."""
    toks = _tokens(s)
    i = 0

    def expr():
        nonlocal i
        if i >= len(toks):
            raise SmartSyntaxError("unexpected end of query")
        t = toks[i]
        i += 1
        if t.startswith("'"):
            ws = neutralise(t[1:-1], lower=True)
            if not ws:
                raise SmartSyntaxError("empty term %r" % t)
            return ws[0] if len(ws) == 1 else '"%s"' % " ".join(ws)
        op = t.lower()
        if op not in ("#and", "#or", "#not"):
            raise SmartSyntaxError("unexpected %r" % t)
        if i >= len(toks) or toks[i] != "(":
            raise SmartSyntaxError("%s without '('" % op)
        i += 1
        args = [expr()]
        while i < len(toks) and toks[i] == ",":
            i += 1
            args.append(expr())
        if i >= len(toks) or toks[i] != ")":
            raise SmartSyntaxError("%s: missing ')'" % op)
        i += 1
        if op == "#not":
            inner = args[0] if len(args) == 1 else "(%s)" % " OR ".join(args)
            return "(NOT %s)" % inner
        if len(args) == 1:
            return args[0]
        return "(%s)" % (" AND " if op == "#and" else " OR ").join(args)

    out = expr()
    if i != len(toks):
        raise SmartSyntaxError("trailing text after expression")
    return out
