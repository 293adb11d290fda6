/**
 * Tries extra class weights on the final probabilities (argmax of p·w, on top of DISPUTE_WEIGHT
 * already applied by classifyWith) on a development split
 * and prints FNC score and macro-F1 for each, to choose the dispute/confirm weights.
 *
 *   npx tsx scripts/stance/calibrate.ts --split body|story [--seed N] --model FILE.json
 */
import { readFileSync } from 'node:fs';
import { classifyWith, unpackForFeatures } from '../../utils/stance/index';
import type { PackedModel } from '../../utils/stance/model';
import { STANCES, type Stance } from '../../utils/types';
import { loadFncOrExit, seedArg, splitByBody, splitByStory } from './data';
import { score } from './evaluate';

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'body';
const model = unpackForFeatures(JSON.parse(readFileSync(args[args.indexOf('--model') + 1], 'utf8')) as PackedModel);
const data = loadFncOrExit();
const seed = seedArg(args);
const { dev } = split === 'story' ? splitByStory(data, seed) : splitByBody(data, seed);
const probs = dev.map((p) => classifyWith(model, p.headline, data.bodies.get(p.bodyId) ?? '').scores);
const gold = dev.map((p) => p.stance);
for (const wc of [1, 1.2, 1.4]) {
  for (const wd of [0.4, 0.6, 0.8, 1, 1.5, 2, 3]) {
    const w: Record<Stance, number> = { confirm: wc, dispute: wd, discuss: 1, unrelated: 1 };
    const pred = probs.map((s) => STANCES.reduce((b, k) => (s[k] * w[k] > s[b] * w[b] ? k : b), 'unrelated' as Stance));
    const r = score(gold, pred);
    console.log(`confirm×${wc} dispute×${wd}: FNC ${r.fnc.toFixed(2)}%  macro-F1 ${r.macroF1.toFixed(4)}  ${STANCES.map((s) => `${s} ${r.f1[s].toFixed(3)}`).join(' ')}`);
  }
}
