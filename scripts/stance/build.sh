#!/usr/bin/env bash
# Rebuilds the stance model from ../shared/data/fnc1-train/ (relative to the project root).
#
#   bash scripts/stance/build.sh                  train on every pair, write utils/stance/model.json
#   bash scripts/stance/build.sh --evaluate [body|story]
#                                                 train on the development split's training part
#                                                 and print the dev figures; model.json unchanged
#                                                 (SEED=N chooses the split's seed)
#
# Feature extraction is the product's TypeScript (utils/stance/features.ts); the trees are fitted
# with scikit-learn from Debian's python3-sklearn. Fitting parameters can be set with the
# environment variables read by fit.py (STAGES, ITER, LR, LEAVES, MINLEAF, L2, CW, CW2); with
# --evaluate, MODEL_OUT=FILE keeps the evaluated model there.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${FNC1_DIR:-../shared/data/fnc1-train}
if [[ ! -f $DATA/train_bodies.csv || ! -f $DATA/train_stances.csv ]]; then
  echo "The FNC-1 training data is not at $DATA (train_bodies.csv, train_stances.csv); nothing rebuilt." >&2
  exit 0
fi
PY=${PYTHON:-/usr/bin/python3}
if ! "$PY" -c 'import sklearn, numpy' 2>/dev/null; then
  echo "Fitting needs scikit-learn and numpy for $PY: apt-get install -y python3-sklearn python3-numpy" >&2
  exit 1
fi
export ITER=${ITER:-200} LR=${LR:-0.1} OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
WORK=$(mktemp -d /tmp/crosscheck-stance.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
if [[ ${1:-} == --evaluate ]]; then
  SPLIT=${2:-body}
  npx tsx scripts/stance/dump-features.ts --split "$SPLIT" --seed "${SEED:-20170601}" --out "$WORK"
  "$PY" scripts/stance/fit.py "$WORK" "$WORK/trees.json"
  npx tsx scripts/stance/pack.ts "$WORK/meta.json" "$WORK/trees.json" "$WORK/model.json"
  if [[ -n ${MODEL_OUT:-} ]]; then cp "$WORK/model.json" "$MODEL_OUT"; fi
  npx tsx scripts/stance/evaluate.ts --split "$SPLIT" --seed "${SEED:-20170601}" --model "$WORK/model.json"
  npx tsx scripts/stance/evaluate.ts --split "$SPLIT" --seed "${SEED:-20170601}" --model "$WORK/model.json" --no-rules
else
  npx tsx scripts/stance/dump-features.ts --split all --out "$WORK"
  "$PY" scripts/stance/fit.py "$WORK" "$WORK/trees.json"
  npx tsx scripts/stance/pack.ts "$WORK/meta.json" "$WORK/trees.json"
fi
