#!/usr/bin/env python3
"""Measures the two-text view (`provenance compare`, the educator page's side by side) on the public sets.

A check weighs a page against a whole list; `compare` weighs it against one original alone. This
script asks how often that view calls a derived case derived and an honest one a copy, pairing
every case of ../shared/eval's sets with one original (or, for seed-story's independent reports,
with each original of the set):

* a derived case (verbatim, partial, spun, translated) with the original it derives from;
* an honest case with the original it was written beside: clough-stevenson's answers with their
  task's source (`orig_task<x>`), counter-public's newspaper reports with the agency story of their
  pair (`<pair id>-src`, where the set kept it), seed-story's independent reports with every
  original of the story.

It runs `BIN compare --json PAGE ORIGINAL` for each pair (texts written to a temporary folder,
never kept) and prints, per set, how many pairs of each kind were called derived, then the
passages the view shows on the pages (how many exact and reworded, and the share of the pages'
characters they cover), then every honest pair called derived with its score. `compare` weighs the original's words by idf among a
background list's originals; `--background` chooses it:

* `others` (the default): a list built from the originals of the other sets in EVAL_DIR, so that
  no set is weighed among its own originals, as a reader's texts are not in the bundled list;
* `bundled`: the bundled list (built from all these sets' originals, so the figures flatter);
* `none`: no background (`compare --alone`): idf among the one original.

Usage: python3 tools/compare_sets.py [EVAL_DIR] [--bin target/release/provenance]
                                     [--background others|bundled|none]
Plain Python: no third-party packages.
"""
import argparse
import json
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

SETS = ['seeds', 'seed-story', 'clough-stevenson', 'counter-public', 'wmt19-public']
DERIVED_TRUTH = {'verbatim', 'partial', 'spun', 'translated'}
DERIVED_VERDICT = {'verbatim', 'partial', 'rewritten', 'translated'}


def jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def pairs(eval_dir, name):
    """(case, original) pairs of one set, as the module doc describes."""
    originals = {o['id']: o for o in jsonl(os.path.join(eval_dir, name, 'originals.jsonl'))}
    for case in jsonl(os.path.join(eval_dir, name, 'cases.jsonl')):
        if case['expect']:
            ids = [case['expect']]
        elif name == 'clough-stevenson':
            ids = ['orig_' + case['id'].split('_')[1]]
        elif name == 'counter-public':
            ids = [case['id'] + '-src']
        elif name == 'seed-story':
            ids = list(originals)
        else:
            ids = []
        for oid in ids:
            if oid in originals:
                yield case, originals[oid]


def background_list(binary, tmp, eval_dir, name):
    """A list of the originals of every set in `eval_dir` but `name`."""
    sources = [os.path.join(eval_dir, s, 'originals.jsonl') for s in SETS
               if s != name and os.path.isfile(os.path.join(eval_dir, s, 'originals.jsonl'))]
    path = os.path.join(tmp, f'without-{name}.provlist')
    subprocess.run([binary, 'build-list', *sources, '-o', path], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def compare(binary, tmp, name, n, case, original, background):
    page_path = os.path.join(tmp, f'{name}-{n}-page.txt')
    original_path = os.path.join(tmp, f'{name}-{n}-original.txt')
    for path, text in ((page_path, case['text']), (original_path, original['text'])):
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
    out = subprocess.run([binary, 'compare', '--json', *background, page_path, original_path],
                         check=True, capture_output=True, text=True).stdout
    comparison = json.loads(out)
    report = comparison['report']
    score = (report['best'] or {}).get('score', 0.0)
    return case, original, report['verdict'] in DERIVED_VERDICT, score, passages(comparison, len(case['text']))


def passages(comparison, chars):
    """[exact passages, reworded passages, characters under exact ones, under reworded ones, all]."""
    out = [0, 0, 0, 0, chars]
    for column, kind in enumerate(['exact', 'reworded']):
        covered = set()
        for p in comparison['page_passages']:
            if p['kind'] == kind:
                out[column] += 1
                covered.update(range(p['start'], min(p['end'], chars)))
        out[2 + column] = len(covered)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('eval_dir', nargs='?', default='../shared/eval')
    ap.add_argument('--bin', default='target/release/provenance')
    ap.add_argument('--background', choices=['others', 'bundled', 'none'], default='others')
    args = ap.parse_args()
    honest_called = []
    shown = {}
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        print(f"{'set':18} {'pairs':>5} {'derived called derived':>24} {'honest called derived':>23}")
        for name in SETS:
            if not os.path.isdir(os.path.join(args.eval_dir, name)):
                continue
            background = {
                'others': lambda: ['--list', background_list(args.bin, tmp, args.eval_dir, name)],
                'bundled': lambda: [],
                'none': lambda: ['--alone'],
            }[args.background]()
            jobs = [pool.submit(compare, args.bin, tmp, name, n, c, o, background)
                    for n, (c, o) in enumerate(pairs(args.eval_dir, name))]
            counts = {True: [0, 0], False: [0, 0]}
            for job in jobs:
                case, original, said, score, marked = job.result()
                derived = case['relation'] in DERIVED_TRUTH
                total = shown.setdefault((name, derived), [0] * 6)
                total[0] += 1
                for i, x in enumerate(marked):
                    total[1 + i] += x
                counts[derived][0] += 1
                counts[derived][1] += said
                if said and not derived:
                    honest_called.append((name, case['id'], original['id'], score))

            def cell(c):
                return f'{c[1]} of {c[0]} ({c[1] / c[0]:.3f})' if c[0] else '–'
            print(f'{name:18} {len(jobs):5} {cell(counts[True]):>24} {cell(counts[False]):>23}')
    print(f"\n{'passages shown':18} {'pairs':>5} {'exact':>6} {'reworded':>9} {'page under exact':>17} {'under reworded':>15}")
    for (name, derived), (n, exact, reworded, under_exact, under_reworded, chars) in shown.items():
        print(f"{name + (' derived' if derived else ' honest'):26} {n:5} {exact:6} {reworded:9} "
              f"{under_exact / chars:17.3f} {under_reworded / chars:15.3f}")
    for name, cid, oid, score in honest_called:
        print(f'honest called derived: {name} {cid} against {oid}, score {score:.3f}')


if __name__ == '__main__':
    main()
