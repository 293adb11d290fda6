/**
 * The stance model: gradient-boosted trees over the features of features.ts, four classes in the
 * order of STANCES. Loaded from the packed model file (see scripts/stance/pack.ts).
 */
import type { IdfTable } from './features';

/** The model file as stored (utils/stance/model.json). */
export interface PackedModel {
  version: 1;
  features: number;
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
  idf: { docs: number; terms: string; df: string };
}

export interface StanceModel {
  features: number;
  classes: number;
  baseline: Float64Array;
  treeStart: Uint32Array;
  feature: Int16Array;
  value: Float32Array;
  /** Absolute index of each split node's right child. */
  right: Int32Array;
  /** Feature per node as int32 (-1 for a leaf). */
  feature32: Int32Array;
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

export function unpack(m: PackedModel): StanceModel {
  const terms = m.idf.terms ? m.idf.terms.split(' ') : [];
  const dfs = typed(m.idf.df, (b) => new Uint16Array(b));
  const df = new Map<string, number>();
  terms.forEach((t, i) => df.set(t, dfs[i]));
  const treeStart = typed(m.treeStart, (b) => new Uint32Array(b));
  const feature = typed(m.feature, (b) => new Int16Array(b));
  const relRight = typed(m.right, (b) => new Uint16Array(b));
  const right = new Int32Array(feature.length);
  for (let t = 0; t < treeStart.length; t++) {
    const end = t + 1 < treeStart.length ? treeStart[t + 1] : feature.length;
    for (let i = treeStart[t]; i < end; i++) right[i] = treeStart[t] + relRight[i];
  }
  return {
    features: m.features,
    classes: m.classes,
    baseline: Float64Array.from(m.baseline),
    treeStart,
    feature,
    feature32: Int32Array.from(feature),
    value: typed(m.value, (b) => new Float32Array(b)),
    right,
    idf: { docs: m.idf.docs, df },
  };
}

/** Class probabilities (softmax of the summed tree outputs). */
export function predict(model: StanceModel, x: Float32Array): Float64Array {
  const k = model.classes;
  const raw = Float64Array.from(model.baseline);
  const { treeStart, feature32: feature, value, right } = model;
  let c = 0;
  for (let t = 0; t < treeStart.length; t++) {
    let i = treeStart[t];
    let f = feature[i];
    while (f >= 0) {
      i = x[f] <= value[i] ? i + 1 : right[i];
      f = feature[i];
    }
    raw[c] += value[i];
    if (++c === k) c = 0;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, raw[c]);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += raw[c] = Math.exp(raw[c] - max);
  for (let c = 0; c < k; c++) raw[c] /= sum;
  return raw;
}
