#!/usr/bin/env python3
"""Fit the score model of src/score.rs on features dumped by `provenance eval --features FILE`.

Usage: provenance eval SET... --features /tmp/features.tsv
       python3 tools/calibrate.py /tmp/features.tsv

Each (case, candidate) row is one example: positive when the case derives from that candidate.
Two logistic models are fitted by projected gradient descent, with non-negative weights on the
evidence so the score stays monotone and explainable: one for pairs in the same language, one for
pairs across languages. Every set weighs the same in the fit, whatever its size, so no single
corpus decides the calibration. Prints the weights to paste into src/score.rs and the metrics
the fitted model would reach (same definitions as shared/tools/score_cli.py).
Plain Python: no third-party packages.
"""
import csv, math, sys, collections


def order_term(r):
    n = int(r['order_pairs'])
    return (float(r['order']) - 0.5) * 2.0 * n / (n + 6.0)


def same_x(r):
    s = math.sqrt
    return [s(float(r['page_coverage'])), s(float(r['original_coverage'])), s(float(r['terms'])),
            s(float(r['anchors'])), order_term(r)]


def cross_x(r):
    return [math.sqrt(float(r['anchors'])), order_term(r)]


def sig(z):
    return 1 / (1 + math.exp(-max(-40, min(40, z))))


def fit(rows, xf, l2=1e-3, iters=3000, lr=0.5):
    """Weighted logistic regression, weights >= 0 except the intercept."""
    if not rows:
        return None
    xs = [xf(r) for r in rows]
    ys = [1.0 if r['positive'] else 0.0 for r in rows]
    ws = [r['weight'] for r in rows]
    total = sum(ws)
    k = len(xs[0])
    w = [0.0] * (k + 1)
    for _ in range(iters):
        g = [0.0] * (k + 1)
        for x, y, sw in zip(xs, ys, ws):
            p = sig(w[0] + sum(a * b for a, b in zip(w[1:], x)))
            d = (p - y) * sw
            g[0] += d
            for j in range(k):
                g[j + 1] += d * x[j]
        for j in range(k + 1):
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


def main():
    rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
    derived = {'verbatim', 'partial', 'spun', 'translated'}
    per_set = collections.Counter(r['set'] for r in rows)
    for r in rows:
        r['positive'] = r['relation'] in derived and r['is_expected'] == '1'
        r['weight'] = 1000.0 / per_set[r['set']]
    same = [r for r in rows if r['cross_language'] == '0']
    cross = [r for r in rows if r['cross_language'] == '1']
    ws, wc = fit(same, same_x), fit(cross, cross_x)
    print('SAME_LANGUAGE  =', [round(v, 2) for v in ws])
    print('CROSS_LANGUAGE =', [round(v, 2) for v in wc] if wc else None)
    cases = collections.defaultdict(list)
    for r in rows:
        x = cross_x(r) if r['cross_language'] == '1' else same_x(r)
        r['score'] = predict(wc if r['cross_language'] == '1' else ws, x)
        cases[(r['set'], r['case'])].append(r)
    by_set = collections.defaultdict(list)
    for (s, _), rs in cases.items():
        by_set[s].append(max(rs, key=lambda r: r['score']))
    for s, bests in by_set.items():
        pos = [b['score'] for b in bests if b['relation'] in derived]
        neg = [b['score'] for b in bests if b['relation'] not in derived]
        if not neg:
            neg = [max([r['score'] for r in cases[(s, b['case'])] if r['is_expected'] != '1'], default=0) for b in bests]
        d = [b for b in bests if b['relation'] in derived]
        nd = [b for b in bests if b['relation'] not in derived]
        top1 = sum(b['is_expected'] == '1' for b in d) / max(1, len(d))
        dec = sum((b['score'] >= 0.5) == (b['relation'] in derived) for b in bests) / len(bests)
        fa = sum(b['score'] >= 0.5 for b in nd) / len(nd) if nd else None
        a = auc(pos, neg)
        print(f"{s:18} auc {a:.3f} top1_id {top1:.3f} decision {dec:.3f} false_attr {fa if fa is None else round(fa, 3)}"
              f"  (cases seen {len(bests)})")


if __name__ == '__main__':
    main()
