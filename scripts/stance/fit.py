"""Fits the stance model on features written by dump-features.ts and exports its trees as JSON.

Usage: /usr/bin/python3 scripts/stance/fit.py DIR OUT.json [--eval]
Needs Debian's python3-sklearn and python3-numpy (apt-get install -y python3-sklearn).
Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier). With STAGES=1, one
four-class model (confirm, dispute, discuss, unrelated) whose classes are weighted by CW. With
STAGES=2, two models: related vs unrelated on every row, then confirm / dispute / discuss on the
related rows only, weighted by CW2; the product multiplies their probabilities.
"""
import json
import os
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

PARAMS = dict(max_iter=int(os.environ.get('ITER', 300)), learning_rate=float(os.environ.get('LR', 0.08)),
              max_leaf_nodes=int(os.environ.get('LEAVES', 31)), min_samples_leaf=int(os.environ.get('MINLEAF', 20)),
              l2_regularization=float(os.environ.get('L2', 1.0)), max_bins=255, early_stopping=False, random_state=0)
CLASS_WEIGHT = [float(v) for v in os.environ.get('CW', '1.5,5,1,1').split(',')]
STAGES = int(os.environ.get('STAGES', 1))
# Two stages: class weights of the stance stage (confirm, dispute, discuss) and boosting rounds per stage.
CLASS_WEIGHT2 = [float(v) for v in os.environ.get('CW2', '1.5,5,1').split(',')]
ITER1 = int(os.environ.get('ITER1', PARAMS['max_iter']))
ITER2 = int(os.environ.get('ITER2', PARAMS['max_iter']))
# Feature names or name prefixes (comma-separated) the trees may not use, to try leaving some out.
DROP = [p for p in os.environ.get('DROP', '').split(',') if p]


def load(d, name, nf):
    x = np.fromfile(os.path.join(d, name + '.x.f32'), dtype=np.float32).reshape(-1, nf)
    y = np.fromfile(os.path.join(d, name + '.y.u8'), dtype=np.uint8)
    wf = os.path.join(d, name + '.w.f32')
    w = np.fromfile(wf, dtype=np.float32) if os.path.exists(wf) else np.ones(len(y), dtype=np.float32)
    return x, y, w


def export(clf):
    base = np.asarray(clf._baseline_prediction).reshape(-1).tolist()
    feat, thr, left, right, value, miss = [], [], [], [], [], []
    offsets = []
    for it in clf._predictors:
        for tree in it:
            nodes = tree.nodes
            offsets.append(len(feat))
            for n in nodes:
                if n['is_leaf']:
                    feat.append(-1); thr.append(0.0); left.append(0); right.append(0)
                    value.append(float(n['value'])); miss.append(0)
                else:
                    feat.append(int(n['feature_idx'])); thr.append(float(n['num_threshold']))
                    left.append(int(n['left'])); right.append(int(n['right'])); value.append(0.0)
                    miss.append(int(n['missing_go_to_left']))
    return dict(classes=len(base), baseline=base, treeStart=offsets, feature=feat, threshold=thr, left=left, right=right, value=value)


def main():
    d, out = sys.argv[1], sys.argv[2]
    meta = json.load(open(os.path.join(d, 'meta.json')))
    nf = len(meta['features'])
    x, y, w = load(d, 'train', nf)
    dropped = [i for i, name in enumerate(meta['features']) if any(name == p or (p.endswith(':') and name.startswith(p)) for p in DROP)]
    if dropped:
        x[:, dropped] = 0  # a constant column is never split on
    if STAGES == 2:
        related = (y < 3).astype(np.uint8)
        first = HistGradientBoostingClassifier(**{**PARAMS, 'max_iter': ITER1})
        first.fit(x, related, sample_weight=w)
        keep = y < 3
        second = HistGradientBoostingClassifier(**{**PARAMS, 'max_iter': ITER2})
        second.fit(x[keep], y[keep], sample_weight=w[keep] * np.array(CLASS_WEIGHT2, dtype=np.float32)[y[keep]])
        model = dict(stages=[export(first), export(second)], params={**PARAMS, 'iter1': ITER1, 'iter2': ITER2}, classWeight2=CLASS_WEIGHT2, dropped=DROP)
        json.dump(model, open(out, 'w'))
        print(f'fitted two stages: {len(model["stages"][0]["treeStart"])} + {len(model["stages"][1]["treeStart"])} trees on {len(y)} and {int(keep.sum())} rows -> {out}', file=sys.stderr)
        return
    cw = np.array(CLASS_WEIGHT, dtype=np.float32)[y]
    clf = HistGradientBoostingClassifier(**PARAMS)
    clf.fit(x, y, sample_weight=w * cw)
    model = export(clf)
    model['params'] = PARAMS
    model['classWeight'] = CLASS_WEIGHT
    model['dropped'] = DROP
    json.dump(model, open(out, 'w'))
    print(f'fitted {len(model["treeStart"])} trees, {len(model["feature"])} nodes on {len(y)} pairs -> {out}', file=sys.stderr)
    if '--eval' in sys.argv and os.path.exists(os.path.join(d, 'dev.y.u8')):
        xd, yd, _ = load(d, 'dev', nf)
        p = clf.predict(xd)
        score = sum((0.25 if (a == 3) == (b == 3) else 0) + (0.75 if a == b and a != 3 else 0) for a, b in zip(p, yd))
        best = sum(0.25 + (0.75 if b != 3 else 0) for b in yd)
        from sklearn.metrics import f1_score, confusion_matrix
        f1 = f1_score(yd, p, average=None)
        print('python check: FNC %.2f%%  F1 %s  macro %.4f' % (100 * score / best, np.round(f1, 3).tolist(), f1.mean()), file=sys.stderr)
        print(confusion_matrix(yd, p), file=sys.stderr)
        if '--importance' in sys.argv:
            pass


if __name__ == '__main__':
    main()
