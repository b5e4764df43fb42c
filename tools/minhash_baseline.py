#!/usr/bin/env python3
"""The speed yardstick of issue 2: datasketch's MinHash on the same texts as `benches/engine.rs`.

The target for list building is "40 times faster than datasketch's MinHash on the same text". This
script measures that baseline on this machine, on the bench's pool (every text of the public sets,
in the same order) and on its Latin-script texts (the bench's filter: under 5 % of bytes non-ASCII):
each text lower-cased, split on whitespace, its word 3-grams (the engine's shingle length) fed to a
128-permutation MinHash with `update_batch`, datasketch's fastest path. Best of three runs, printed
in MB/s of UTF-8 text, like the bench.

Run by `./build.sh bench` (which installs datasketch into target/bench-venv) or directly:
    python3 tools/minhash_baseline.py [EVAL_DIR]
"""
import json
import os
import sys
import time

from datasketch import MinHash

SETS = ["seeds", "seed-story", "clough-stevenson", "counter-public", "wmt19-public"]


def pool(eval_dir):
    """The texts of the public sets, in the bench's order."""
    texts = []
    for s in SETS:
        for name in ["originals.jsonl", "cases.jsonl"]:
            path = os.path.join(eval_dir, s, name)
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


def fingerprint(text):
    words = text.lower().split()
    grams = [" ".join(words[i:i + 3]).encode() for i in range(max(1, len(words) - 2))]
    m = MinHash(num_perm=128)
    m.update_batch(grams)
    return m


def speed(texts):
    """Best of three runs, MB/s."""
    size = sum(len(t.encode()) for t in texts)
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for t in texts:
            fingerprint(t)
        best = max(best, size / 1e6 / (time.perf_counter() - start))
    return size, best


def main():
    eval_dir = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval"
    texts = pool(eval_dir)
    if not texts:
        sys.exit(f"minhash_baseline: no texts under {eval_dir}")
    latin = [t for t in texts if sum(b >= 0x80 for b in t.encode()) * 20 < len(t.encode())]
    for name, subset in [("whole public pool", texts), ("Latin-script texts", latin)]:
        size, mbs = speed(subset)
        print(f"datasketch MinHash (128 permutations, word 3-grams), {name} ({size / 1e6:.1f} MB): "
              f"{mbs:.2f} MB/s on one core")


if __name__ == "__main__":
    main()
