#!/usr/bin/env python3
"""Fit the score model of src/score.rs on features dumped by `provenance eval --features FILE`.

Usage: provenance eval SET... --features /tmp/features.tsv
       python3 tools/calibrate.py /tmp/features.tsv

Each (case, candidate) row is one example: positive when the case derives from that candidate.
Two logistic models are fitted by projected gradient descent, with non-negative weights on the
evidence so the score stays monotone and explainable: one for pairs in the same language, one for
pairs across languages. Every set weighs the same in the fit, whatever its size, so no single
corpus decides the calibration. With --direct, a coordinate search then refines the weights on the
judged metrics themselves (mean over sets of AUC + top-1 + decision accuracy; --fa-cost=K counts a
false attribution as K misses in the decision accuracy, default 1). Prints the weights
to paste into src/score.rs and the metrics the model reaches (definitions of score_cli.py).

Same-language terms, anchors and order are gated by the page's vocabulary share: shared names,
facts and their order are what independent reports of one event also have, so they count as
evidence of copying only as far as the page's own words are found in the original.

Across languages, a translation carries nearly all names and numbers both ways, a report of the
same event in another language only some: the cross-language model reads their share both ways
(and their order as far as they are shared). foreign_attr measures what it must avoid: the share
of derived cases whose best candidate in another language, their own original left out, is called
derived (what a foreign report of the same event would be told); the search counts it FA_COST
times against the objective.

With --loso (leave one set out), each set is instead scored by a model fitted on the other sets
alone: how the calibration may fare on sets it has not seen, such as the held-out ones. With
--loso-lang, each page language of the cross-language pairs is held out in turn instead.

With --keep-same, the same-language weights are read from src/score.rs and kept: only the
cross-language model is fitted. --keep-cross does the same the other way round.

With --shrink=K, a page's vocabulary share is read as found / (looked up + K) (the features'
words_looked_up column); with --hold-sentences, the whole-sentence terms' weights are kept as
src/score.rs has them while the rest are fitted; with --also=FILE, the fitted model is also scored
on another features file (short pages, built sets) that it was not fitted on.

Usage: python3 tools/calibrate.py FEATURES.tsv [INDEPENDENT_WEIGHT] [--direct] [--fa-cost=K]
                                  [--keep-same | --keep-cross] [--loso | --loso-lang]
                                  [--shrink=K] [--hold-sentences] [--also=FILE]
Plain Python: no third-party packages.
"""
import csv, math, os, re, sys, collections


def order_term(r):
    n = int(r['order_pairs'])
    return (float(r['order']) - 0.5) * 2.0 * n / (n + 6.0)


def option(name, default):
    """The value of `--name=VALUE` on the command line, or `default`."""
    for a in sys.argv:
        if a.startswith(f'--{name}='):
            return a.split('=', 1)[1]
    return default


# --shrink=K: the vocabulary share of a page read as found / (looked up + K), so that a short
# page's share, counted on few words, leans towards none (the anchors' shares are shrunk by 2).
SHRINK = float(option('shrink', '0'))
# --hold-sentences: the weights of the whole-sentence terms (the last two of the same-language
# model) kept as src/score.rs has them, chosen as they were for copies inside longer stories.
HOLD = (7, 8) if '--hold-sentences' in sys.argv else ()


def vocabulary(r):
    v = float(r['vocabulary'])
    n = int(r.get('words_looked_up') or 0)
    return v * n / (n + SHRINK) if SHRINK and n else v


def same_x(r):
    s = math.sqrt
    v = vocabulary(r)
    return [s(float(r['page_coverage'])), s(float(r['original_coverage'])), s(float(r['terms'])) * v,
            s(float(r['anchors'])) * v, order_term(r) * v, v, sentences_term(float(r['sentences'])),
            surprise_term(float(r['surprise']))]


def sentences_term(x):
    """The whole-sentence evidence of src/score.rs: from 5 % of the original, fully from 15 %."""
    return min(1.0, max(0.0, (x - 0.05) / 0.1))


def surprise_term(bits):
    """The whole sentences' surprise term of src/score.rs: from 10 bits, fully from 30."""
    return min(1.0, max(0.0, (bits - 10.0) / 20.0))


def cross_x(r):
    mass = min(1.0, max(0.0, (int(r['anchor_matches']) - 1) / 3))
    both_ways = math.sqrt(float(r['page_anchors']) * float(r['original_anchors']))
    return [order_term(r) * mass * both_ways, both_ways]


def sig(z):
    return 1 / (1 + math.exp(-max(-40, min(40, z))))


def fit(rows, xf, l2=1e-3, iters=1500, lr=1.0, held=None):
    """Weighted logistic regression, weights >= 0 except the intercept; `held` maps indices of
    weights to the values they keep."""
    held = held or {}
    if not rows:
        return None
    xs = [xf(r) for r in rows]
    ys = [1.0 if r['positive'] else 0.0 for r in rows]
    ws = [r['weight'] for r in rows]
    total = sum(ws)
    k = len(xs[0])
    w = [held.get(j, 0.0) for j in range(k + 1)]
    for _ in range(iters):
        g = [0.0] * (k + 1)
        for x, y, sw in zip(xs, ys, ws):
            p = sig(w[0] + sum(a * b for a, b in zip(w[1:], x)))
            d = (p - y) * sw
            g[0] += d
            for j in range(k):
                g[j + 1] += d * x[j]
        for j in range(k + 1):
            if j in held:
                continue
            reg = l2 * w[j] if j else 0.0
            w[j] -= lr * (g[j] / total + reg)
            if j:
                w[j] = max(0.0, w[j])
    return w


def predict(w, x):
    return sig(w[0] + sum(a * b for a, b in zip(w[1:], x)))


def auc(pos, neg):
    if not pos or not neg:
        return None
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


FA_COST = float(option('fa-cost', '1'))


def metrics(rows, ws, wc):
    """Per set, the metrics of score_cli.py under the model (ws, wc): auc, top1_id, decision,
    false_attr, and cost_decision (decision accuracy with a false attribution weighing FA_COST
    misses), with the number of cases; and foreign_attr, the share of derived cases whose best
    candidate in another language, their own original left out, is called derived: what a report
    of the same event in another language would be told had its own source not been in the list."""
    derived = {'verbatim', 'partial', 'spun', 'translated'}
    cases = collections.defaultdict(list)
    for r in rows:
        if 'xs' not in r:
            r['xs'], r['xc'] = same_x(r), cross_x(r)
        cross = r['cross_language'] == '1'
        if cross and wc is None:
            r['score'] = 0.0  # no cross-language rows to fit on: such pairs get no score
        else:
            r['score'] = predict(wc if cross else ws, r['xc'] if cross else r['xs'])
        cases[(r['set'], r['case'])].append(r)
    out = {}
    by_set = collections.defaultdict(list)
    for (s, c), rs in cases.items():
        by_set[s].append((max(rs, key=lambda r: r['score']), rs))
    for s, items in by_set.items():
        pos = [b['score'] for b, _ in items if b['relation'] in derived]
        neg = [b['score'] for b, _ in items if b['relation'] not in derived]
        if not neg:
            neg = [max([r['score'] for r in rs if r['is_expected'] != '1'], default=0) for _, rs in items]
        d = [b for b, _ in items if b['relation'] in derived]
        nd = [b for b, _ in items if b['relation'] not in derived]
        right = lambda b: (b['score'] >= 0.5) == (b['relation'] in derived)
        cost = lambda b: 1.0 if b['relation'] in derived else FA_COST
        out[s] = dict(
            auc=auc(pos, neg),
            top1_id=sum(b['is_expected'] == '1' for b in d) / max(1, len(d)),
            decision=sum(right(b) for b, _ in items) / len(items),
            cost_decision=sum(cost(b) * right(b) for b, _ in items) / sum(cost(b) for b, _ in items),
            false_attr=sum(b['score'] >= 0.5 for b in nd) / len(nd) if nd else None,
            foreign_attr=sum(max([r['score'] for r in rs if r['is_expected'] != '1'
                                  and r['cross_language'] == '1'], default=0) >= 0.5
                             for b, rs in items if b['relation'] in derived) / max(1, len(d)),
            cases=len(items))
    return out


def objective(rows, ws, wc):
    m = metrics(rows, ws, wc).values()
    return sum(x['auc'] + x['top1_id'] + x['cost_decision'] - FA_COST * x['foreign_attr']
               for x in m) / len(m)


def direct(rows, ws, wc, rounds=4, keep_same=False, keep_cross=False):
    """Coordinate search on the judged metrics, weights kept >= 0 (the intercepts excepted)."""
    best = objective(rows, ws, wc)
    step = 1.0
    searched = [(v, held) for v, kept, held in ((ws, keep_same, HOLD), (wc, keep_cross, ())) if not kept]
    for _ in range(rounds):
        for vec, held in searched:
            for j in (j for j in range(len(vec)) if j not in held):
                for delta in (step, -step):
                    old = vec[j]
                    vec[j] = old + delta if j == 0 else max(0.0, old + delta)
                    val = objective(rows, ws, wc)
                    if val > best + 1e-9:
                        best = val
                    else:
                        vec[j] = old
        step /= 2
    print(f'direct search: objective {best:.4f}')
    return ws, wc


def deployed(name):
    """The weights of the model `name` (SAME_LANGUAGE or CROSS_LANGUAGE) in src/score.rs."""
    src = open(os.path.join(os.path.dirname(__file__), '..', 'src', 'score.rs')).read()
    found = re.search(r'const ' + name + r': \[f64; \d+\] = \[([^\]]*)\]', src)
    return [float(x) for x in found.group(1).split(',')]


def fit_all(rows, independent_weight, direct_search, keep_same=False, keep_cross=False):
    """The (same-language, cross-language) weights fitted on `rows`."""
    derived = {'verbatim', 'partial', 'spun', 'translated'}
    per_set = collections.Counter(r['set'] for r in rows)
    for r in rows:
        r['positive'] = r['relation'] in derived and r['is_expected'] == '1'
        r['weight'] = 1000.0 / per_set[r['set']] * (1.0 if r['relation'] in derived else independent_weight)
    same = [r for r in rows if r['cross_language'] == '0']
    cross = [r for r in rows if r['cross_language'] == '1']
    kept = deployed('SAME_LANGUAGE')
    ws = kept if keep_same else fit(same, same_x, held={j: kept[j] for j in HOLD})
    wc = deployed('CROSS_LANGUAGE') if keep_cross else fit(cross, cross_x)
    if direct_search:
        ws, wc = direct(rows, ws, wc, keep_same=keep_same, keep_cross=keep_cross)
    return ws, wc


def report(rows, ws, wc):
    """Prints, per set in `rows`, the metrics of score_cli.py under the model (ws, wc)."""
    for s, m in metrics(rows, ws, wc).items():
        fa = m['false_attr']
        print(f"{s:18} auc {m['auc']:.3f} top1_id {m['top1_id']:.3f} decision {m['decision']:.3f} "
              f"false_attr {fa if fa is None else round(fa, 3)} foreign_attr {m['foreign_attr']:.3f}"
              f"  (cases seen {m['cases']})")


def main():
    rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
    # Rows of cases that derive from nothing teach "derived or not" (the AUC); the others mostly
    # teach "which original" (top-1). They are fewer, so each weighs more.
    numbers = [a for a in sys.argv[2:] if not a.startswith('--')]
    independent_weight = float(numbers[0]) if numbers else 4.0
    direct_search = '--direct' in sys.argv
    keep_same = '--keep-same' in sys.argv
    keep_cross = '--keep-cross' in sys.argv
    def held_out(groups):
        """Each group of cases scored by weights fitted on all other cases."""
        for name, cases in groups:
            ws, wc = fit_all([r for r in rows if (r['set'], r['case']) not in cases], independent_weight,
                             direct_search, keep_same, keep_cross)
            print(f'fitted without {name}:', [round(v, 2) for v in ws], wc and [round(v, 2) for v in wc])
            report([r for r in rows if (r['set'], r['case']) in cases], ws, wc)

    def cases_where(keep):
        return {(r['set'], r['case']) for r in rows if keep(r)}

    if '--loso' in sys.argv:
        held_out((s, cases_where(lambda r: r['set'] == s)) for s in sorted({r['set'] for r in rows}))
        return
    if '--loso-lang' in sys.argv:
        langs = collections.Counter(r['page_lang'] for r in rows if r['cross_language'] == '1')
        held_out((f'pages in {l!r}', cases_where(lambda r: r['page_lang'] == l))
                 for l in sorted(l for l, n in langs.items() if n >= 20))
        return
    ws, wc = fit_all(rows, independent_weight, direct_search, keep_same, keep_cross)
    print('SAME_LANGUAGE  =', [round(v, 2) for v in ws])
    print('CROSS_LANGUAGE =', [round(v, 2) for v in wc] if wc else None)
    report(rows, ws, wc)
    # --also=FILE: the same model's metrics on another features file, not fitted on.
    also = option('also', None)
    if also:
        print(f'on {also} (not fitted on):')
        report(list(csv.DictReader(open(also), delimiter='\t')), ws, wc)


if __name__ == '__main__':
    main()
