#!/usr/bin/env python3
"""Measures the two-text view's sentence alignment against where a page's sentences really came from.

`provenance compare --json PAGE ORIGINAL` aligns each sentence of the page with one of the
original's (`alignment`: character ranges in both texts). Some sets say which sentence is which,
and this script holds the alignment against that, pairing every derived case with its original:

* `--truth lines`: the page's non-empty lines are the original's, one for one (wmt19-public's
  translations are so: every case has as many lines as its original);
* `--truth sentences`: the page's sentences are the original's, one for one and in order, split as
  `spun_set.py` splits them (its pages made without --reorder);
* `--truth copied`: a page sentence is copied where the original holds it word for word, and the
  page's other sentences are its own (`embedded_set.py`'s pages: a host story with a run of the
  original's sentences inside).

A link is *right* when its page range falls mostly in a unit (line or sentence) whose counterpart
is the unit its original range falls mostly in; for `copied`, a link from a sentence of the page's
own is a *host link*. Printed per set: links, the share right (reworded links apart), and recall:
the share of units of six words or more (copied sentences of four or more) aligned right. Units
whose counts differ between page and original are skipped for `lines` and `sentences`.

Usage: python3 tools/alignment_vs_truth.py --truth lines|sentences|copied SET_DIR...
                                           [--bin target/release/provenance] [--alone]
e.g.   python3 tools/alignment_vs_truth.py --truth lines ../shared/eval/wmt19-public
--alone compares without the bundled list as background (`compare --alone`). Plain Python: no
third-party packages.
"""
import argparse
import json
import os
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

# spun_set.py's sentence split, and embedded_set.py's.
SPUN_SENTENCE = re.compile(r'(?<=[.!?])\s+(?=[A-Z"\u201c])')
EMBEDDED_SENTENCE = re.compile(r'(?<=[.!?\u06d4\u061f])\s+|\n+')


def jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def units(text, truth):
    """(start, end) character ranges of the text's lines or sentences, as `truth` splits it."""
    if truth == 'lines':
        out, pos = [], 0
        for line in text.split('\n'):
            if line.strip():
                out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out
    pattern = SPUN_SENTENCE if truth == 'sentences' else EMBEDDED_SENTENCE
    out, pos = [], 0
    for m in pattern.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def unit_of(spans, start, end):
    """The index of the unit in `spans` that [start, end) overlaps most, or None."""
    best, most = None, 0
    for k, (a, b) in enumerate(spans):
        overlap = min(b, end) - max(a, start)
        if overlap > most:
            best, most = k, overlap
    return best


def counterparts(page, original, truth):
    """Each page unit's counterpart in the original (None: the page's own), or None to skip."""
    ps, os_ = units(page, truth), units(original, truth)
    if truth == 'copied':
        by_text = {original[a:b].strip(): k for k, (a, b) in enumerate(os_)}
        return ps, os_, {k: by_text.get(page[a:b].strip()) for k, (a, b) in enumerate(ps)}
    if len(ps) != len(os_):
        return None
    return ps, os_, {k: k for k in range(len(ps))}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('sets', nargs='+')
    ap.add_argument('--truth', required=True, choices=['lines', 'sentences', 'copied'])
    ap.add_argument('--bin', default='target/release/provenance')
    ap.add_argument('--alone', action='store_true')
    args = ap.parse_args()
    for set_dir in args.sets:
        originals = {o['id']: o for o in jsonl(os.path.join(set_dir, 'originals.jsonl'))}
        cases = [c for c in jsonl(os.path.join(set_dir, 'cases.jsonl')) if c['expect']]
        tmp = tempfile.mkdtemp()

        def run(i):
            case = cases[i]
            original = originals[case['expect']]['text']
            page_path, original_path = os.path.join(tmp, f'p{i}'), os.path.join(tmp, f'o{i}')
            for path, text in ((page_path, case['text']), (original_path, original)):
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(text)
            cmd = [args.bin, 'compare', '--json'] + (['--alone'] if args.alone else [])
            out = subprocess.run(cmd + [page_path, original_path], capture_output=True,
                                 text=True, check=True)
            for path in (page_path, original_path):
                os.remove(path)
            return case['text'], original, json.loads(out.stdout)['alignment']

        n = dict(links=0, right=0, reworded=0, reworded_right=0, host=0, units=0, found=0,
                 skipped=0)
        with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
            for page, original, alignment in pool.map(run, range(len(cases))):
                known = counterparts(page, original, args.truth)
                if known is None:
                    n['skipped'] += 1
                    continue
                ps, os_, counterpart = known
                found = set()
                for a in alignment:
                    p, o = unit_of(ps, *a['page']), unit_of(os_, *a['original'])
                    right = p is not None and counterpart.get(p) is not None and counterpart[p] == o
                    n['links'] += 1
                    n['right'] += right
                    n['host'] += p is not None and counterpart.get(p) is None
                    if a['kind'] == 'reworded':
                        n['reworded'] += 1
                        n['reworded_right'] += right
                    if right:
                        found.add(p)
                least = 4 if args.truth == 'copied' else 6
                for k, (a, b) in enumerate(ps):
                    if counterpart.get(k) is not None and len(page[a:b].split()) >= least:
                        n['units'] += 1
                        n['found'] += k in found
        share = lambda a, b: f'{a / b:.3f}' if b else '–'
        print(f"{os.path.basename(set_dir.rstrip('/'))}: {len(cases) - n['skipped']} pairs"
              f" ({n['skipped']} skipped), {n['links']} links, right {share(n['right'], n['links'])}"
              f" (reworded {share(n['reworded_right'], n['reworded'])} of {n['reworded']}),"
              f" recall {share(n['found'], n['units'])} of {n['units']}"
              + (f", host links {n['host']}" if args.truth == 'copied' else ''))


if __name__ == '__main__':
    main()
