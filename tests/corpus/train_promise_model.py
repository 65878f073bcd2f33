#!/usr/bin/env python3
"""Trains the promise model (builder/check/promise_model.h) on the corpus.

    build/corpus_score --no-floors --dump-candidates /tmp/cand.tsv
    python3 tests/corpus/train_promise_model.py /tmp/cand.tsv builder/check/promise_model_weights.h

Each line of the dump is one phrase the clause rules found: split, row id,
1 if it is a labelled promise, its features. A logistic regression with an L2
penalty is fitted on the training splits only; the held-out splits (heldout,
fresh3, realmix-heldout, realmix2-heldout, realmix3-heldout, realmix4-heldout, realmix5-heldout) are never read. The threshold is chosen by 5-fold
cross-validation on the training rows, grouped by row, as the highest one
that keeps cross-validated recall at TARGET_RECALL or more, so precision is
bought without giving up the promises. No third-party library is needed.
"""
import math
import random
import sys

HELD_OUT = {"heldout", "fresh3", "realmix-heldout", "realmix2-heldout", "realmix3-heldout", "realmix4-heldout", "realmix5-heldout"}
L2 = 0.05
EPOCHS = 60
RATE = 0.3
TARGET_RECALL = 0.97
MIN_WEIGHT = 1e-3  # smaller weights are not shipped


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            split, rid, label, feats = line.rstrip("\n").split("\t")
            if split in HELD_OUT:
                continue
            rows.append((rid, int(label), feats.split()))
    return rows


def fit(rows):
    # Promises outnumber false alarms in the old splits; weight the classes equally.
    pos = sum(1 for _, y, _ in rows if y) or 1
    neg = sum(1 for _, y, _ in rows if not y) or 1
    cw = {1: len(rows) / (2 * pos), 0: len(rows) / (2 * neg)}
    w = {}
    order = list(range(len(rows)))
    rng = random.Random(7)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch * 0.1)
        for i in order:
            _, y, feats = rows[i]
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1 / (1 + math.exp(-max(min(z, 30), -30)))
            g = (p - y) * cw[y]
            for f in feats:
                w[f] = w.get(f, 0.0) - rate * (g + L2 * w.get(f, 0.0) / len(rows) * len(feats))
    return w


def score(w, feats):
    z = sum(w.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-max(min(z, 30), -30)))


def cross_validated_scores(rows, folds=5):
    ids = sorted({rid for rid, _, _ in rows})
    rng = random.Random(11)
    rng.shuffle(ids)
    fold_of = {rid: k % folds for k, rid in enumerate(ids)}
    out = []
    for k in range(folds):
        train = [r for r in rows if fold_of[r[0]] != k]
        w = fit(train)
        out += [(score(w, r[2]), r[1]) for r in rows if fold_of[r[0]] == k]
    return out


def main():
    src, dst = sys.argv[1], sys.argv[2]
    rows = read(src)
    cv = cross_validated_scores(rows)
    positives = sum(y for _, y in cv)
    threshold = 0.0
    for t in sorted({s for s, _ in cv}):
        kept = sum(1 for s, y in cv if y and s >= t)
        if kept / positives >= TARGET_RECALL:
            threshold = t
    fa_before = sum(1 for _, y in cv if not y)
    fa_after = sum(1 for s, y in cv if not y and s >= threshold)
    kept = sum(1 for s, y in cv if y and s >= threshold)
    print(f"{len(rows)} training phrases; cross-validated at threshold {threshold:.4f}: "
          f"recall {kept / positives:.3f}, false alarms {fa_after} of {fa_before}", file=sys.stderr)
    w = fit(rows)
    lines = [f"threshold\t{threshold:.6f}"]
    lines += [f"{f}\t{v:.5f}" for f, v in sorted(w.items()) if abs(v) >= MIN_WEIGHT]
    body = "\n".join(lines) + "\n"
    with open(dst, "w", encoding="utf-8") as out:
        out.write("#pragma once\n// Written by tests/corpus/train_promise_model.py; do not edit by hand.\n")
        out.write(f"// {len(rows)} training phrases; threshold chosen by cross-validation.\n")
        out.write("namespace rs {\ninline constexpr const char* kPromiseModelWeights = R\"model(")
        out.write(body)
        out.write(")model\";\n}  // namespace rs\n")


if __name__ == "__main__":
    main()
