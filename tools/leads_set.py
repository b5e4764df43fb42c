#!/usr/bin/env python3
"""Writes an evaluation set of short pages: the first sentences of every case of a public set.

News briefs, standfirsts and teasers are short, and a short page is where every share the score
reads rests on fewest words: the first two sentences of an honest report hold the event's names
and words as densely as a copy's do. The public sets' cases are whole texts; this script cuts each
to its first N sentences, for each N in COUNTS that leaves at least one sentence out, keeping its
relation and expected original, into a set directory of the ../shared/eval format (never
committed: the texts are other people's writing). `provenance eval OUT_DIR` then says how often a
short honest page is called a copy (false_attr) and a short copy found (decision).

Sentences are split as `embedded_set.py` splits them: at `.`, `!`, `?` or the Urdu full stop
followed by space, or at a line break. Case ids become `<id>#<N>`.

Usage: python3 tools/leads_set.py SET_DIR OUT_DIR [COUNTS]
e.g.   python3 tools/leads_set.py ../shared/eval/clough-stevenson target/leads-clough 2,3,4
Plain Python: no third-party packages.
"""
import json
import os
import shutil
import sys

from embedded_set import sentences


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    set_dir, out_dir = sys.argv[1:3]
    counts = [int(n) for n in (sys.argv[3] if len(sys.argv) > 3 else '2,3,4').split(',')]
    os.makedirs(out_dir, exist_ok=True)
    shutil.copy(os.path.join(set_dir, 'originals.jsonl'), out_dir)
    written = 0
    with open(os.path.join(set_dir, 'cases.jsonl'), encoding='utf-8') as f, \
            open(os.path.join(out_dir, 'cases.jsonl'), 'w', encoding='utf-8') as out:
        for line in f:
            if not line.strip():
                continue
            case = json.loads(line)
            cut = [s.strip() for s in sentences(case['text'])]
            for n in counts:
                if len(cut) > n:
                    lead = dict(case, id=f"{case['id']}#{n}", text=' '.join(cut[:n]))
                    out.write(json.dumps(lead, ensure_ascii=False) + '\n')
                    written += 1
    print(f'{out_dir}: {written} short pages')


if __name__ == '__main__':
    main()
