#!/usr/bin/env python3
"""Writes the educator page's guided example (dist/www/example.json) from ../shared/eval/seeds:
the five published versions of one January 2021 story and the three originals they come from,
with the labels and notes of the evaluation set. The texts are other people's writing: they go
into the uncommitted dist/ only, at build time. Usage: python3 tools/example.py SHARED OUT"""
import json, sys

MONTHS = {'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
          'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
          'saturday', 'sunday'}


def headline(text):
    """The page's headline: its first line of five words or more that is not a date line (pages
    start with site furniture such as "skip to Main Content")."""
    for line in text.strip().split('\n'):
        words = line.split()
        if len(words) >= 5 and not any(w.strip(',').lower() in MONTHS for w in words[:2]):
            return line.strip()[:120]
    return text.strip()[:60]


shared, out = sys.argv[1], sys.argv[2]
cases = [json.loads(l) for l in open(f'{shared}/eval/seeds/cases.jsonl', encoding='utf-8') if l.strip()]
originals = [json.loads(l) for l in open(f'{shared}/eval/seeds/originals.jsonl', encoding='utf-8') if l.strip()]
example = {
    'story': 'The Kremlin’s response to the Navalny protests, 24–25 January 2021',
    'versions': [{'id': c['id'], 'relation': c['relation'], 'expect': c['expect'], 'note': c['note'],
                  'headline': headline(c['text']), 'text': c['text']} for c in cases],
    'originals': [{'id': o['id'], 'source': o['source'], 'title': o['title'], 'url': o['url'],
                   'published': o['published'], 'text': o['text']} for o in originals],
}
with open(out, 'w', encoding='utf-8') as f:
    json.dump(example, f, ensure_ascii=False)
