#!/usr/bin/env python3
"""Build a benchmark corpus of article JSON Lines of at least SIZE megabytes.

usage: make-corpus.py OUT.jsonl [SIZE_MB]

Articles are built from the sentences of the project's own data (the dev
set, tests/data/dev-gold.jsonl, and the reference article,
examples/seed-article.jsonl), shuffled
into new articles of 3 to 20 sentences with fresh ids and dates, so that the
corpus has news-like text and is not one article repeated. Deterministic:
the same SIZE gives the same file.
"""
import json
import os
import random
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def load_sentences(root=ROOT):
    """The sentences of the project's own data (longer than 20 characters);
    bench/flatness.sh packs the same ones into articles of fixed sizes."""
    sentences = []
    for name in ("tests/data/dev-gold.jsonl", "examples/seed-article.jsonl"):
        for line in open(os.path.join(root, name), encoding="utf-8"):
            if line.strip():
                text = json.loads(line)["text"]
                sentences += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text) if len(s) > 20]
    return sentences


def main():
    out, size_mb = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 50.0
    sentences = load_sentences()
    rng = random.Random(42)
    target = int(size_mb * 1e6)
    written = n = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < target:
            k = rng.randint(3, 20)
            text = " ".join(rng.choice(sentences) for _ in range(k))
            year = rng.randint(2015, 2026)
            art = {"id": "bench-%d" % n, "published": "%d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28)),
                   "source": "bench", "text": text}
            line = json.dumps(art, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    print("%s: %d articles, %.1f MB" % (out, n, written / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
