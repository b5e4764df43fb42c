#!/usr/bin/env python3
"""Measures how much of a translated page a check marks as passages, and how much of what is not.

A list holds no texts, so across languages a check finds a page's translated sentences by the
names, numbers and dates they share with the original (`matching::passages`). wmt19-public's
translations are translated line for line, and this script counts, over the pages a check of the
set against its own list calls `translated`, the share of their lines (six words or more) under a
passage of their own original, in all and by the page's language. It then builds, in a temporary folder (never kept: the texts are
other people's writing), two kinds of page from the set's English translations (or those of
`--lang`), whose originals
are split at random (fixed seed) into those a list holds and those it does not:

* `inside`: half of a translation of a listed original (its middle lines) inside a translation
  of an unlisted one, after its first half;
* `interleaved`: a translation of a listed original with a line of a translation of an unlisted
  one after every second line of its own;

and counts, over those called `translated`, the share of translated lines and the share of the
other lines under a passage of the listed original. The other lines are a page's own text to the
list: a passage over one is wrong.

Usage: python3 tools/translated_passages.py [WMT19_DIR] [--bin target/release/provenance] [--lang de]
Plain Python: no third-party packages.
"""
import argparse
import json
import os
import random
import subprocess
import tempfile


def jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, rows):
    with open(path, 'w', encoding='utf-8') as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + '\n')


def lines_of(text):
    return [line for line in text.split('\n') if line.strip()]


def check(binary, folder, cases):
    """The reports of a check of `cases` against a list of folder/originals.jsonl."""
    write_jsonl(os.path.join(folder, 'cases.jsonl'), cases)
    subprocess.run([binary, 'build-list', '-q', os.path.join(folder, 'originals.jsonl'), '-o',
                    os.path.join(folder, 'list.provlist')], check=True)
    out = subprocess.run([binary, 'check', '--list', os.path.join(folder, 'list.provlist'),
                          '--jsonl', os.path.join(folder, 'cases.jsonl')],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def covered(reports, cases, labels):
    """Per label, [lines of six words or more, those under a passage of the expected original],
    over the cases called translated; and how many cases were."""
    by_id = {c['id']: c for c in cases}
    counts, pages = {}, 0
    for r in reports:
        case = by_id[r['id']]
        if r['verdict'] != 'translated':
            continue
        pages += 1
        spans = [(p['start'], p['end']) for p in r['passages'] if p['original_id'] == case['expect']]
        pos = 0
        for line, label in zip(case['text'].split('\n'), labels[r['id']]):
            start, end = pos, pos + len(line)
            pos = end + 1
            if label is None or len(line.split()) < 6:
                continue
            n = counts.setdefault(label, [0, 0])
            n[0] += 1
            n[1] += any(min(end, e) - max(start, s) > 0 for s, e in spans)
    return counts, pages


def share(n):
    return f'{n[1] / n[0]:.3f} of {n[0]}' if n[0] else '–'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('set_dir', nargs='?', default='../shared/eval/wmt19-public')
    ap.add_argument('--bin', default='target/release/provenance')
    ap.add_argument('--lang', default='en', help="the language of the translations the built pages are made of")
    args = ap.parse_args()
    originals = jsonl(os.path.join(args.set_dir, 'originals.jsonl'))
    cases = jsonl(os.path.join(args.set_dir, 'cases.jsonl'))
    with tempfile.TemporaryDirectory() as tmp:
        write_jsonl(os.path.join(tmp, 'originals.jsonl'), originals)
        labels = {c['id']: [c['lang'] if line.strip() else None for line in c['text'].split('\n')]
                  for c in cases}
        counts, pages = covered(check(args.bin, tmp, cases), cases, labels)
        whole = [sum(n[0] for n in counts.values()), sum(n[1] for n in counts.values())]
        print(f"whole translations ({pages} called translated): lines under a passage "
              f"{share(whole)} (by the page's language: "
              + ', '.join(f'{lang} {share(n)}' for lang, n in sorted(counts.items())) + ')')

        rng = random.Random(5)
        english = [c for c in cases if c['lang'] == args.lang]
        listed = sorted({c['expect'] for c in english})
        rng.shuffle(listed)
        unlisted = set(listed[:len(listed) // 2])
        write_jsonl(os.path.join(tmp, 'originals.jsonl'),
                    [o for o in originals if o['id'] not in unlisted])
        hosts = [c for c in english if c['expect'] in unlisted]
        for kind in ('inside', 'interleaved'):
            built, labels = [], {}
            for i, case in enumerate(c for c in english if c['expect'] not in unlisted):
                own, host = lines_of(case['text']), lines_of(rng.choice(hosts)['text'])
                if kind == 'inside':
                    a = len(own) // 4
                    block = own[a:max(a + 2, 3 * len(own) // 4)]
                    cut = len(host) // 2
                    lines = host[:cut] + block + host[cut:]
                    label = ['other'] * cut + ['translated'] * len(block) + ['other'] * (len(host) - cut)
                else:
                    lines, label = [], []
                    for j, line in enumerate(own):
                        lines.append(line)
                        label.append('translated')
                        if j % 2 == 1 and j // 2 < len(host):
                            lines.append(host[j // 2])
                            label.append('other')
                cid = f'{kind}-{i}'
                labels[cid] = label
                built.append({'id': cid, 'text': '\n'.join(lines), 'lang': args.lang,
                              'expect': case['expect'], 'relation': 'translated', 'note': None})
            counts, pages = covered(check(args.bin, tmp, built), built, labels)
            print(f"{kind} ({pages} of {len(built)} called translated): translated lines under a "
                  f"passage {share(counts.get('translated', [0, 0]))}, other lines "
                  f"{share(counts.get('other', [0, 0]))}")


if __name__ == '__main__':
    main()
