/**
 * Measures a stance model on a development split of FNC-1 through the product's own code path
 * (classifyWith: features, trees and rules), and prints the FNC score as % of the maximum,
 * per-class F1, macro-F1 and the confusion matrix.
 *
 *   npx tsx scripts/stance/evaluate.ts --split body|story [--seed N] --model FILE.json [--no-rules]
 */
import { readFileSync } from 'node:fs';
import { classifyWith, unpackForFeatures } from '../../utils/stance/index';
import type { PackedModel } from '../../utils/stance/model';
import { STANCES, type Stance } from '../../utils/types';
import { loadFncOrExit, seedArg, splitByBody, splitByStory } from './data';

export interface Report {
  fnc: number;
  f1: Record<Stance, number>;
  macroF1: number;
  confusion: number[][];
}

export function score(gold: Stance[], pred: Stance[]): Report {
  let got = 0;
  let max = 0;
  const confusion = STANCES.map(() => STANCES.map(() => 0));
  gold.forEach((g, i) => {
    const p = pred[i];
    confusion[STANCES.indexOf(g)][STANCES.indexOf(p)]++;
    max += g === 'unrelated' ? 0.25 : 1;
    if ((g === 'unrelated') === (p === 'unrelated')) got += 0.25;
    if (g !== 'unrelated' && g === p) got += 0.75;
  });
  const f1 = {} as Record<Stance, number>;
  STANCES.forEach((s, k) => {
    const tp = confusion[k][k];
    const fp = confusion.reduce((a, row, r) => a + (r === k ? 0 : row[k]), 0);
    const fn = confusion[k].reduce((a, v, c) => a + (c === k ? 0 : v), 0);
    f1[s] = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  const macroF1 = STANCES.reduce((a, s) => a + f1[s], 0) / STANCES.length;
  return { fnc: (100 * got) / max, f1, macroF1, confusion };
}

export function printReport(title: string, r: Report): void {
  console.log(`${title}`);
  console.log(`  FNC score: ${r.fnc.toFixed(2)}% of max   macro-F1: ${r.macroF1.toFixed(4)}`);
  console.log(`  F1: ${STANCES.map((s) => `${s} ${r.f1[s].toFixed(3)}`).join('  ')}`);
  console.log(`  confusion (rows = gold, columns = predicted; ${STANCES.join(', ')}):`);
  r.confusion.forEach((row, k) => console.log(`    ${STANCES[k].padEnd(9)} ${row.map((v) => String(v).padStart(6)).join('')}`));
}

async function main() {
  const args = process.argv.slice(2);
  const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'body';
  const file = args[args.indexOf('--model') + 1];
  const noRules = args.includes('--no-rules');
  const seed = seedArg(args);
  const data = loadFncOrExit();
  const { dev } = split === 'story' ? splitByStory(data, seed) : splitByBody(data, seed);
  const model = unpackForFeatures(JSON.parse(readFileSync(file, 'utf8')) as PackedModel);
  const t0 = performance.now();
  const pred = dev.map((p) => {
    const body = data.bodies.get(p.bodyId) ?? '';
    return classifyWith(model, p.headline, body, { rules: !noRules }).stance;
  });
  const ms = performance.now() - t0;
  printReport(`${split} split dev (${dev.length} pairs, ${(ms / dev.length).toFixed(3)} ms per pair)`, score(dev.map((p) => p.stance), pred));
}

if (process.argv[1]?.endsWith('evaluate.ts')) void main();
