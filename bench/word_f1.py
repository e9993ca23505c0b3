#!/usr/bin/env python3
"""Word-level precision / recall / F1 of extracted main text against gold, per page, then the means.

Usage: python3 bench/word_f1.py GOLD_DIR PRED_DIR

A token is a run of non-space characters with the punctuation at its ends removed ("see," -> "see"),
so that words glued together by lost spaces ("35%in", "2024.For") count as wrong words, which a
bag of letters and digits cannot see. Meant for text with spaces between words (the English set);
CJK text has none. Pages and edge cases are handled as the character scorer does: every gold id is
scored, a missing prediction is empty, both empty scores 1. Standard library only.
"""
import os
import re
import sys
import unicodedata
from collections import Counter

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def words(text):
    out = []
    for raw in unicodedata.normalize("NFC", text).split():
        word = _EDGE.sub("", raw)
        if word:
            out.append(word)
    return out


def prf(gold, pred):
    g, p = Counter(gold), Counter(pred)
    ng, np_ = sum(g.values()), sum(p.values())
    if ng == 0 and np_ == 0:
        return 1.0, 1.0, 1.0
    overlap = sum((g & p).values())
    prec = overlap / np_ if np_ else 0.0
    rec = overlap / ng if ng else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def read(path):
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        return f.read()


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    gold_dir, pred_dir = sys.argv[1], sys.argv[2]
    ids = sorted(n[:-4] for n in os.listdir(gold_dir) if n.endswith(".txt"))
    scores = [prf(words(read(os.path.join(gold_dir, i + ".txt"))), words(read(os.path.join(pred_dir, i + ".txt"))))
              for i in ids]
    n = len(scores)
    print("words: pages=%d mean_P=%.4f mean_R=%.4f mean_F1=%.4f" % (
        n, sum(s[0] for s in scores) / n, sum(s[1] for s in scores) / n, sum(s[2] for s in scores) / n))


if __name__ == "__main__":
    main()
