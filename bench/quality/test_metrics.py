#!/usr/bin/env python3
"""Unit test of metrics.py against hand-computed cases:
python3 bench/quality/test_metrics.py (exit 0 when all pass)."""

import math
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import metrics  # noqa: E402

# q1: binary, 3 relevant (d1 d3 d5); run d1 d2 d3 d4 (d5 never retrieved).
#   AP      = (1/1 + 2/3) / 3                      = 5/9
#   P@10    = 2/10
#   R@1000  = 2/3
#   DCG@10  = 1/log2(2) + 1/log2(4)                = 1.5
#   IDCG@10 = 1/log2(2) + 1/log2(3) + 1/log2(4)    = 2.130930
#   nDCG@10 = 1.5 / 2.130930                       = 0.703918
# q2: graded a=3 b=0 c=1 e=2 (3 relevant); run b a c x.
#   AP      = (1/2 + 2/3) / 3                      = 7/18
#   DCG@10  = 0 + 3/log2(3) + 1/log2(4)            = 2.392789
#   IDCG@10 = 3/log2(2) + 2/log2(3) + 1/log2(4)    = 4.761860
#   nDCG@10 = 2.392789 / 4.761860              = 0.502491
#   P@10 = 2/10, R@1000 = 2/3
# q3: judged but nothing relevant -> not evaluated.
# q4: relevant doc, query missing from the run -> 0 everywhere.
QRELS = {
    "q1": {"d1": 1, "d3": 1, "d5": 1, "d2": 0},
    "q2": {"a": 3, "b": 0, "c": 1, "e": 2},
    "q3": {"z": 0},
    "q4": {"y": 1},
}
RUN = {"q1": ["d1", "d2", "d3", "d4"], "q2": ["b", "a", "c", "x"], "q3": ["z"]}


class HandComputed(unittest.TestCase):
    def test_q1(self):
        r, j = RUN["q1"], QRELS["q1"]
        self.assertAlmostEqual(metrics.average_precision(r, j), 5 / 9)
        self.assertAlmostEqual(metrics.precision_at(r, j, 10), 0.2)
        self.assertAlmostEqual(metrics.recall_at(r, j, 1000), 2 / 3)
        self.assertAlmostEqual(metrics.ndcg_at(r, j, 10), 0.703918, places=6)

    def test_q2_graded(self):
        r, j = RUN["q2"], QRELS["q2"]
        self.assertAlmostEqual(metrics.average_precision(r, j), 7 / 18)
        self.assertAlmostEqual(metrics.ndcg_at(r, j, 10), 0.502491, places=6)
        self.assertAlmostEqual(metrics.precision_at(r, j, 10), 0.2)
        self.assertAlmostEqual(metrics.recall_at(r, j, 1000), 2 / 3)

    def test_means_skip_unjudged_and_zero_missing(self):
        e = metrics.evaluate(RUN, QRELS)
        self.assertEqual(e["queries"], 3)  # q1, q2, q4
        self.assertNotIn("q3", e["per_query"])
        self.assertEqual(e["per_query"]["q4"], {m: 0.0 for m in metrics.METRICS})
        self.assertAlmostEqual(e["map"], (5 / 9 + 7 / 18) / 3)  # 17/54
        self.assertAlmostEqual(e["p10"], (0.2 + 0.2) / 3)

    def test_cutoffs(self):
        # relevant doc at rank 11: outside P@10 and nDCG@10, inside R@1000
        r = ["n%d" % i for i in range(10)] + ["rel"]
        j = {"rel": 2}
        self.assertEqual(metrics.precision_at(r, j, 10), 0.0)
        self.assertEqual(metrics.ndcg_at(r, j, 10), 0.0)
        self.assertEqual(metrics.recall_at(r, j, 1000), 1.0)
        self.assertAlmostEqual(metrics.average_precision(r, j), 1 / 11)

    def test_perfect_and_duplicates(self):
        j = {"a": 2, "b": 1}
        self.assertAlmostEqual(metrics.ndcg_at(["a", "b"], j, 10), 1.0)
        self.assertAlmostEqual(metrics.average_precision(["a", "b"], j), 1.0)
        # a repeated docid counts once: b is at rank 2, not 3
        self.assertAlmostEqual(metrics.average_precision(["a", "a", "b"], j), 1.0)
        # swapped: DCG = 1 + 2/log2(3); IDCG = 2 + 1/log2(3)
        want = (1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3))
        self.assertAlmostEqual(metrics.ndcg_at(["b", "a"], j, 10), want)

    def test_read_files(self):
        with tempfile.TemporaryDirectory() as d:
            q, r = os.path.join(d, "qrels"), os.path.join(d, "run")
            with open(q, "w") as f:
                f.write("1\t0\tx\t2\n1\t0\ty\t0\n")
            with open(r, "w") as f:  # out of order on purpose: rank decides
                f.write("1 Q0 y 2 0.5 t\n1 Q0 x 1 0.9 t\n")
            self.assertEqual(metrics.read_qrels(q), {"1": {"x": 2, "y": 0}})
            self.assertEqual(metrics.read_run(r), {"1": ["x", "y"]})


if __name__ == "__main__":
    unittest.main()
