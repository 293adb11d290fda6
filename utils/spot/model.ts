import { loadWeights, margin, sigmoid, type ModelFile } from './codec';
import modelFile from './model.json';

let weights: Float32Array | null = null;

/** Check-worthiness 0..1 with the shipped model (utils/spot/model.json). */
export function modelScore(text: string): number {
  weights ??= loadWeights(modelFile as ModelFile);
  return sigmoid(margin(weights, text));
}

/** What the shipped model was trained on and its measured figures. */
export const modelAbout: Record<string, unknown> = (modelFile as ModelFile).about;
