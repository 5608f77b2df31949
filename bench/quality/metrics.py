"""Ranked-retrieval metrics for bench/quality: MAP, nDCG@10, P@10, R@1000.

Used by quality.py and checked by test_metrics.py. Standard library only.

Conventions (the same as trec_eval's map, ndcg_cut_10, P_10, recall_1000):
- A qrels grade > 0 means relevant (binary metrics); nDCG uses the grade
  itself as the gain (linear gain), discount log2(rank + 1), and the ideal
  ranking is every judged grade sorted high to low.
- A run is evaluated in the order given (its rank), not re-sorted by score.
  Duplicate docids in one ranking count once (the first time).
- Queries evaluated: those with at least one relevant document in qrels.
  Such a query missing from the run scores 0 on every metric. Queries
  without a relevant document are left out, as trec_eval does for queries
  absent from qrels.
"""

import math


def read_qrels(path):
    """TREC qrels (`qid 0 docid grade`, tab or space separated) ->
    {qid: {docid: grade}}."""
    qrels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4:
                raise ValueError("%s: bad qrels line: %r" % (path, line))
            qid, _, docid, grade = parts
            qrels.setdefault(qid, {})[docid] = int(grade)
    return qrels


def read_run(path):
    """TREC run (`qid Q0 docid rank score tag`) -> {qid: [docid, ...]}
    in rank order."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            qid, _, docid, rank = parts[0], parts[1], parts[2], int(parts[3])
            rows.setdefault(qid, []).append((rank, docid))
    return {q: [d for _, d in sorted(r)] for q, r in rows.items()}


def _dedup(ranking):
    seen = set()
    out = []
    for d in ranking:
        if d not in seen:
            seen.add(d)
            out.append(d)
    return out


def average_precision(ranking, judged):
    """AP of one ranked list against {docid: grade}; 0 if nothing is
    relevant."""
    n_rel = sum(1 for g in judged.values() if g > 0)
    if n_rel == 0:
        return 0.0
    hits = 0
    total = 0.0
    for i, d in enumerate(_dedup(ranking), start=1):
        if judged.get(d, 0) > 0:
            hits += 1
            total += hits / i
    return total / n_rel


def precision_at(ranking, judged, k):
    rel = sum(1 for d in _dedup(ranking)[:k] if judged.get(d, 0) > 0)
    return rel / k


def recall_at(ranking, judged, k):
    n_rel = sum(1 for g in judged.values() if g > 0)
    if n_rel == 0:
        return 0.0
    rel = sum(1 for d in _dedup(ranking)[:k] if judged.get(d, 0) > 0)
    return rel / n_rel


def ndcg_at(ranking, judged, k):
    def dcg(gains):
        return sum(g / math.log2(i + 1) for i, g in enumerate(gains, 1))

    got = [max(judged.get(d, 0), 0) for d in _dedup(ranking)[:k]]
    ideal = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    best = dcg(ideal)
    return dcg(got) / best if best > 0 else 0.0


METRICS = ("map", "ndcg10", "p10", "r1000")


def evaluate(run, qrels):
    """Mean of each metric over the evaluated queries (see the module doc).
    Returns {"queries": n, "map": ..., "ndcg10": ..., "p10": ...,
    "r1000": ..., "per_query": {qid: {metric: value}}}."""
    per_query = {}
    for qid, judged in qrels.items():
        if not any(g > 0 for g in judged.values()):
            continue
        ranking = run.get(qid, [])
        per_query[qid] = {
            "map": average_precision(ranking, judged),
            "ndcg10": ndcg_at(ranking, judged, 10),
            "p10": precision_at(ranking, judged, 10),
            "r1000": recall_at(ranking, judged, 1000),
        }
    n = len(per_query)
    out = {"queries": n, "per_query": per_query}
    for m in METRICS:
        out[m] = sum(v[m] for v in per_query.values()) / n if n else 0.0
    return out
