#!/usr/bin/env python3
"""Unit test of textq.py (query neutralising, cutting, SMART translation):
python3 bench/quality/test_queries.py"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import textq  # noqa: E402


class Neutralise(unittest.TestCase):
    def test_syntax_goes(self):
        q = 'title: "plea bargain" -kenya +judge (a OR b) NOT x AND y judic* 2020..2021 don\'t computer-ready'
        self.assertEqual(
            textq.xapian_text(textq.neutralise(q)),
            "title plea bargain kenya judge a or b not x and y judic 2020 2021 don t computer ready")

    def test_case_kept_unless_lower(self):
        self.assertEqual(textq.neutralise("IBM Computers OR"), ["IBM", "Computers", "or"])
        self.assertEqual(textq.neutralise("IBM Computers", lower=True), ["ibm", "computers"])

    def test_unicode_words(self):
        self.assertEqual(textq.neutralise("Société générale—café"), ["Société", "générale", "café"])

    def test_fts5(self):
        self.assertEqual(textq.fts5_text(["a", "NEAR", "x_y"]), '"a" OR "NEAR" OR "x_y"')


class Cut(unittest.TestCase):
    def test_short_kept_whole(self):
        self.assertEqual(textq.cut(["a", "a", "b"], max_bytes=5), (["a", "a", "b"], False))

    def test_head(self):
        self.assertEqual(textq.cut(["aa", "bb", "cc"], "head", max_bytes=5), (["aa", "bb"], True))

    def test_tfidf_prefers_frequent_rare_words(self):
        ws = ["the", "court", "the", "estoppel", "Estoppel", "the", "court"]
        df = {"the": 100, "court": 50, "estoppel": 2}
        kept, was_cut = textq.cut(ws, "tfidf", df, 100, max_bytes=23)
        self.assertTrue(was_cut)
        # estoppel (tf 2 case-folded, rare) in both spellings, then court;
        # "the" no longer fits; kept words come back in query order
        self.assertEqual(kept, ["court", "estoppel", "Estoppel"])
        self.assertLessEqual(len(" ".join(kept)), 23)


class Smart(unittest.TestCase):
    def test_nested(self):
        s = "#and (#or('data', 'information'), #or('response', #not (#or ('articles', 'references')) ) )"
        self.assertEqual(
            textq.smart_to_xapian(s),
            "((data OR information) AND (response OR (NOT (articles OR references))))")

    def test_hyphen_phrase_and_single(self):
        self.assertEqual(textq.smart_to_xapian("#or ('computer-ready', 'x')"),
                         '("computer ready" OR x)')
        self.assertEqual(textq.smart_to_xapian("#and('only')"), "only")
        self.assertEqual(textq.smart_to_xapian("#and('NOT', 'x');"), "(not AND x)")

    def test_errors(self):
        for bad in ["#and ('a'", "#xor('a')", "#and 'a'", "'a' 'b'", ""]:
            with self.assertRaises(textq.SmartSyntaxError, msg=bad):
                textq.smart_to_xapian(bad)

    def test_all_shipped_queries_parse(self):
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                            "..", "shared", "corpora", "adi", "boolean_queries.tsv")
        corpora = os.environ.get("GV_CORPORA", os.path.dirname(os.path.dirname(path)))
        path = os.path.join(corpora, "adi", "boolean_queries.tsv")
        if not os.path.exists(path):
            self.skipTest("no corpora at %s" % corpora)
        with open(path, encoding="utf-8") as f:
            for line in f:
                qid, s = line.rstrip("\n").split("\t")
                self.assertTrue(textq.smart_to_xapian(s), qid)


if __name__ == "__main__":
    unittest.main()
