#!/usr/bin/env python3
"""Measures a check's passages against the originals' texts, which the list never holds.

A list keeps a sample of each original's phrases and its vocabulary, not its text, so the engine
tells a page's passages apart by evidence: `exact` (the original's wording) or `reworded`. An
evaluation set keeps the texts, so the passages can be held against them here. For every derived
case of each set whose best candidate is its own original, it builds the set's list with the CLI,
checks the cases and counts:

* exact passages, and how many of them are not the original's wording: under 30 % of the
  passage's word three-grams (lower-cased runs of letters and digits) occur in the original;
* reworded passages, and how many share under 30 % of their distinct words with the original;
* the page's copied sentences (eight words or more, 80 % of their three-grams in the original;
  split at . ! ? and line ends), and how many no passage covers half of.

Usage: python3 tools/passages_vs_texts.py [--bin target/release/provenance] [--show] SET_DIR...
e.g.   python3 tools/passages_vs_texts.py ../shared/eval/{seeds,seed-story,clough-stevenson,counter-public,wmt19-public}
--show prints each wrong exact passage and each copied sentence missed. Plain Python: no
third-party packages.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

DERIVED = {'verbatim', 'partial', 'spun'}
SENTENCE = re.compile(r'[^.!?\n]+[.!?]?')


def words(text):
    return re.findall(r'\w+', text.lower())


def trigrams(ws):
    return {tuple(ws[i:i + 3]) for i in range(len(ws) - 2)}


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def reports(binary, set_dir, tmp):
    lst = os.path.join(tmp, 'list.provlist')
    subprocess.run([binary, 'build-list', f'{set_dir}/originals.jsonl', '-o', lst],
                   check=True, capture_output=True)
    out = subprocess.run([binary, 'check', '--list', lst, '--jsonl', f'{set_dir}/cases.jsonl'],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def measure(binary, set_dir, counts, show):
    name = os.path.basename(set_dir.rstrip('/'))
    originals = {o['id']: o['text'] for o in read_jsonl(f'{set_dir}/originals.jsonl')}
    cases = {c['id']: c for c in read_jsonl(f'{set_dir}/cases.jsonl')}
    with tempfile.TemporaryDirectory(prefix='provenance-passages-') as tmp:
        checked = reports(binary, set_dir, tmp)
    for r in checked:
        case = cases[r['id']]
        if case['relation'] not in DERIVED or not r['best'] or r['best']['id'] != case['expect']:
            continue
        original = words(originals[case['expect']])
        grams, vocabulary = trigrams(original), set(original)
        text = case['text']  # passage offsets count Unicode characters, as Python's str does
        covered = [False] * len(text)
        for p in r['passages']:
            if p['original_id'] != case['expect']:
                continue
            span = text[p['start']:p['end']]
            covered[p['start']:p['end']] = [True] * (p['end'] - p['start'])
            ws = words(span)
            if p['kind'] == 'exact':
                g = trigrams(ws)
                share = len(g & grams) / len(g) if g else 1.0
                counts['exact'] += 1
                if share < 0.3:
                    counts['exact, not the wording'] += 1
                    if show:
                        print(f'exact, {share:.2f} of it the wording: {name} {r["id"]} '
                              f'({r["verdict"]}): {span[:100]!r}')
            else:
                counts['reworded'] += 1
                distinct = set(ws)
                if len(distinct & vocabulary) < 0.3 * max(1, len(distinct)):
                    counts['reworded, words not the original\'s'] += 1
                    if show:
                        print(f'reworded, not its words: {name} {r["id"]} ({r["verdict"]}): {span[:100]!r}')
        for m in SENTENCE.finditer(text):
            ws = words(m.group())
            if len(ws) < 8:
                continue
            g = trigrams(ws)
            if len(g & grams) < 0.8 * len(g):
                continue
            counts['copied sentences'] += 1
            if sum(covered[m.start():m.end()]) < 0.5 * (m.end() - m.start()):
                counts['copied sentences missed'] += 1
                if show:
                    print(f'missed: {name} {r["id"]} ({r["verdict"]}): {m.group()[:100]!r}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('sets', nargs='+')
    ap.add_argument('--bin', default='target/release/provenance')
    ap.add_argument('--show', action='store_true')
    a = ap.parse_args()
    counts = dict.fromkeys(['exact', 'exact, not the wording', 'reworded',
                            'reworded, words not the original\'s', 'copied sentences',
                            'copied sentences missed'], 0)
    for set_dir in a.sets:
        measure(a.bin, set_dir, counts, a.show)
    for k, v in counts.items():
        print(f'{k}: {v}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
