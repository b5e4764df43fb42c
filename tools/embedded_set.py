#!/usr/bin/env python3
"""Writes an evaluation set of partial copies embedded in other stories, from ../shared's originals.

The public sets hold few pages of the kind the brief names first among partial copies: a few
paragraphs of a wire story, verbatim, inside another outlet's article on something else. This
script builds such pages from the originals of one public set and one language, by a fixed
procedure, into a set directory of the ../shared/eval format (never committed: the texts are
other people's writing):

* the originals of that language with at least 150 words, shuffled with a fixed seed, are split in
  two halves: the list (originals.jsonl) and the hosts;
* for every list original and each share in SHARES, a page: the first half of a host's sentences,
  then a run of the original's sentences of about that share (at least two) from a random place,
  then the rest of the host ("partial", expect = the original);
* every host alone is a page too ("unrelated": it derives from nothing in the list).

Usage: python3 tools/embedded_set.py SET_DIR LANG OUT_DIR [SEED]
e.g.   python3 tools/embedded_set.py ../shared/eval/counter-public ur target/embedded-ur
Plain Python: no third-party packages.
"""
import json
import os
import random
import re
import sys

SHARES = [0.15, 0.3, 0.5]
SENTENCE_END = re.compile(r'(?<=[.!?\u06d4\u061f])\s+|\n+')


def sentences(text):
    return [s for s in SENTENCE_END.split(text) if s.strip()]


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    set_dir, lang, out_dir = sys.argv[1:4]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    with open(os.path.join(set_dir, 'originals.jsonl'), encoding='utf-8') as f:
        originals = [json.loads(line) for line in f if line.strip()]
    pool = [o for o in originals if o.get('lang') == lang and len(o['text'].split()) >= 150]
    if len(pool) < 4:
        sys.exit(f'embedded_set: fewer than 4 originals in {lang!r} of 150 words or more')
    rng.shuffle(pool)
    listed, hosts = pool[:len(pool) // 2], pool[len(pool) // 2:]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, 'originals.jsonl'), 'w', encoding='utf-8') as f:
        for o in listed:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    cases = []
    for share in SHARES:
        for i, o in enumerate(listed):
            own, host = sentences(o['text']), sentences(hosts[i % len(hosts)]['text'])
            k = max(2, int(len(own) * share))
            start = rng.randint(0, max(0, len(own) - k))
            half = len(host) // 2
            page = host[:half] + own[start:start + k] + host[half:]
            cases.append(dict(id=f'embedded-{share}-{i}', text='\n'.join(page), lang=lang,
                              expect=o['id'], relation='partial',
                              note=f'{k} of {len(own)} sentences inside another story'))
    for i, h in enumerate(hosts):
        cases.append(dict(id=f'host-{i}', text=h['text'], lang=lang, expect=None,
                          relation='unrelated', note='another story alone'))
    with open(os.path.join(out_dir, 'cases.jsonl'), 'w', encoding='utf-8') as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
    print(f'{out_dir}: {len(listed)} originals, {len(cases)} cases')


if __name__ == '__main__':
    main()
