import { DENSE_NAMES, DENSE_SIZE, HASH_BITS, HASH_SIZE, WORD_FEATURES, featurize } from './features';

/** The check-worthiness model as stored in model.json (rebuilt by scripts/spot/train.ts). */
export interface ModelFile {
  version: number;
  hashBits: number;
  /** Which word features the weights were trained with (see WORD_FEATURES in features.ts). */
  wordFeatures: Record<string, boolean>;
  /** Names of the dense features, in order (checked against features.ts at load). */
  dense: string[];
  /** Hashed word weights, int8 in base64, each multiplied by `scale`. */
  hashed: string;
  scale: number;
  /** Dense feature weights (the first one, "bias", is the intercept). */
  denseWeights: number[];
  /** What it was trained on, and its measured figures (for people reading the file). */
  about: Record<string, unknown>;
}

/** Decodes a model file into one weight vector [hashed | dense]. */
export function loadWeights(m: ModelFile): Float32Array {
  if (m.hashBits !== HASH_BITS) throw new Error(`check-worthiness model has ${m.hashBits} hash bits, features use ${HASH_BITS}`);
  if (m.dense.join(',') !== DENSE_NAMES.join(',')) throw new Error('check-worthiness model does not match the feature list');
  if (JSON.stringify(m.wordFeatures) !== JSON.stringify(WORD_FEATURES)) throw new Error('check-worthiness model was trained with other word features');
  const w = new Float32Array(HASH_SIZE + DENSE_SIZE);
  const bin = atob(m.hashed);
  for (let i = 0; i < HASH_SIZE && i < bin.length; i++) {
    const b = bin.charCodeAt(i);
    w[i] = (b > 127 ? b - 256 : b) * m.scale;
  }
  for (let i = 0; i < DENSE_SIZE; i++) w[HASH_SIZE + i] = m.denseWeights[i];
  return w;
}

/** Encodes a weight vector [hashed | dense] compactly (int8 hashed weights). */
export function encodeWeights(w: Float32Array | number[], about: Record<string, unknown>): ModelFile {
  let max = 0;
  for (let i = 0; i < HASH_SIZE; i++) max = Math.max(max, Math.abs(w[i]));
  const scale = max / 127 || 1;
  let bin = '';
  for (let i = 0; i < HASH_SIZE; i++) {
    const q = Math.max(-127, Math.min(127, Math.round(w[i] / scale)));
    bin += String.fromCharCode(q < 0 ? q + 256 : q);
  }
  const denseWeights: number[] = [];
  for (let i = 0; i < DENSE_SIZE; i++) denseWeights.push(Math.round(w[HASH_SIZE + i] * 10000) / 10000);
  return { version: 1, hashBits: HASH_BITS, wordFeatures: { ...WORD_FEATURES }, dense: [...DENSE_NAMES], hashed: btoa(bin), scale, denseWeights, about };
}

/** Raw model output (log-odds) for a sentence under the given weights. */
export function margin(w: Float32Array, text: string): number {
  const { idx, val } = featurize(text);
  let z = 0;
  for (let i = 0; i < idx.length; i++) z += w[idx[i]] * val[i];
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
