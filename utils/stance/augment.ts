/** Placeholder: training data augmentation (identity for now). */
export function augmentPairs<D, P>(data: D, pairs: readonly P[]): { data: D; pairs: P[]; weights?: Float32Array } {
  return { data, pairs: [...pairs] };
}
