/**
 * The stance model: gradient-boosted trees over the features of features.ts, giving a probability
 * for each class in the order of STANCES. Loaded from the packed model file (see
 * scripts/stance/pack.ts).
 *
 * Two layouts are read:
 * - version 1, one stage: four-class trees (softmax over confirm, dispute, discuss, unrelated);
 * - version 2, two stages: binary trees for related vs unrelated (probability of related), then
 *   three-class trees for confirm / dispute / discuss trained on related pairs only; the four
 *   probabilities are p(related) × p(stance | related) and 1 − p(related).
 */
import type { IdfTable } from './features';

/** One set of boosted trees as stored. */
export interface PackedTrees {
  /** Outputs per boosting round: 1 (binary, logit) or the number of classes (softmax). */
  classes: number;
  baseline: number[];
  /** base64 Uint32Array: index of each tree's first node (trees cycle through the classes). */
  treeStart: string;
  /** base64 Int16Array: feature per node, -1 for a leaf. */
  feature: string;
  /** base64 Float32Array: split threshold (go left when value <= threshold) or leaf value. */
  value: string;
  /** base64 Uint16Array: offset of the right child from the tree's first node. */
  right: string;
}

interface PackedIdf {
  docs: number;
  terms: string;
  df: string;
}

/** The model file as stored (utils/stance/model.json). */
export type PackedModel =
  | (PackedTrees & { version: 1; features: number; idf: PackedIdf })
  | { version: 2; features: number; related: PackedTrees; stance: PackedTrees; idf: PackedIdf };

/** One set of boosted trees, ready to run. */
export interface Trees {
  classes: number;
  baseline: Float64Array;
  treeStart: Uint32Array;
  /** Feature per node (-1 for a leaf). */
  feature: Int32Array;
  value: Float32Array;
  /** Absolute index of each split node's right child. */
  right: Int32Array;
}

export interface StanceModel {
  features: number;
  /** Either one four-class stage, or [related vs unrelated, confirm / dispute / discuss]. */
  stages: Trees[];
  idf: IdfTable;
}

function decode(b64: string): Uint8Array {
  if (typeof atob === 'function') {
    const s = atob(b64);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  throw new Error('no base64 decoder');
}

/** Copies into an aligned buffer and reads it little-endian. */
function typed<T>(b64: string, make: (buf: ArrayBuffer) => T): T {
  const bytes = decode(b64);
  const buf = new ArrayBuffer(bytes.length);
  new Uint8Array(buf).set(bytes);
  return make(buf);
}

function unpackTrees(m: PackedTrees): Trees {
  const treeStart = typed(m.treeStart, (b) => new Uint32Array(b));
  const feature = typed(m.feature, (b) => new Int16Array(b));
  const relRight = typed(m.right, (b) => new Uint16Array(b));
  const right = new Int32Array(feature.length);
  for (let t = 0; t < treeStart.length; t++) {
    const end = t + 1 < treeStart.length ? treeStart[t + 1] : feature.length;
    for (let i = treeStart[t]; i < end; i++) right[i] = treeStart[t] + relRight[i];
  }
  return {
    classes: m.classes,
    baseline: Float64Array.from(m.baseline),
    treeStart,
    feature: Int32Array.from(feature),
    value: typed(m.value, (b) => new Float32Array(b)),
    right,
  };
}

export function unpack(m: PackedModel): StanceModel {
  const terms = m.idf.terms ? m.idf.terms.split(' ') : [];
  const dfs = typed(m.idf.df, (b) => new Uint16Array(b));
  const df = new Map<string, number>();
  terms.forEach((t, i) => df.set(t, dfs[i]));
  const stages = m.version === 2 ? [unpackTrees(m.related), unpackTrees(m.stance)] : [unpackTrees(m)];
  return { features: m.features, stages, idf: { docs: m.idf.docs, df } };
}

/** Summed tree outputs per class (raw scores before the link function). */
function raw(trees: Trees, x: Float32Array): Float64Array {
  const k = trees.classes;
  const out = Float64Array.from(trees.baseline);
  const { treeStart, feature, value, right } = trees;
  let c = 0;
  for (let t = 0; t < treeStart.length; t++) {
    let i = treeStart[t];
    let f = feature[i];
    while (f >= 0) {
      i = x[f] <= value[i] ? i + 1 : right[i];
      f = feature[i];
    }
    out[c] += value[i];
    if (++c === k) c = 0;
  }
  return out;
}

function softmax(v: Float64Array): Float64Array {
  let max = -Infinity;
  for (const a of v) max = Math.max(max, a);
  let sum = 0;
  for (let c = 0; c < v.length; c++) sum += v[c] = Math.exp(v[c] - max);
  for (let c = 0; c < v.length; c++) v[c] /= sum;
  return v;
}

/** Class probabilities in the order of STANCES (confirm, dispute, discuss, unrelated). */
export function predict(model: StanceModel, x: Float32Array): Float64Array {
  if (model.stages.length === 1) return softmax(raw(model.stages[0], x));
  const related = 1 / (1 + Math.exp(-raw(model.stages[0], x)[0]));
  const p = softmax(raw(model.stages[1], x));
  return Float64Array.of(related * p[0], related * p[1], related * p[2], 1 - related);
}
