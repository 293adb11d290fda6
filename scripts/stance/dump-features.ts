/**
 * Computes the stance features of FNC-1 pairs with the product's own feature code and writes
 * them where scripts/stance/fit.py reads them.
 *
 *   npx tsx scripts/stance/dump-features.ts --split body|story|all [--out DIR]
 *
 * body: train on 80% of bodies, dev = the other 20% (the development split);
 * story: dev holds out whole stories (unseen headlines and bodies);
 * all: every pair is training data (for the shipped model).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, FEATURE_COUNT, FEATURE_NAMES, featurize, type IdfTable, type TextInfo } from '../../utils/stance/features';
import { augmentPairs } from '../../utils/stance/augment';
import { contentStems, tokenize } from '../../utils/stance/text';
import { STANCES } from '../../utils/types';
import { loadFncOrExit, splitByBody, splitByStory, type FncData, type Pair } from './data';

export function buildIdf(data: FncData, pairs: readonly Pair[]): IdfTable {
  const df = new Map<string, number>();
  const add = (text: string) => {
    for (const s of new Set(contentStems(tokenize(text)))) df.set(s, (df.get(s) ?? 0) + 1);
  };
  const bodyIds = new Set(pairs.map((p) => p.bodyId));
  const headlines = new Set(pairs.map((p) => p.headline));
  for (const id of bodyIds) add(data.bodies.get(id) ?? '');
  for (const h of headlines) add(h);
  return { docs: bodyIds.size + headlines.size, df };
}

export function featureRows(data: FncData, pairs: readonly Pair[], idf: IdfTable): { x: Float32Array; y: Uint8Array } {
  const bodyInfo = new Map<number, TextInfo>();
  const headInfo = new Map<string, TextInfo>();
  const x = new Float32Array(pairs.length * FEATURE_COUNT);
  const y = new Uint8Array(pairs.length);
  pairs.forEach((p, i) => {
    let b = bodyInfo.get(p.bodyId);
    if (!b) bodyInfo.set(p.bodyId, (b = analyze(data.bodies.get(p.bodyId) ?? '', idf)));
    let h = headInfo.get(p.headline);
    if (!h) headInfo.set(p.headline, (h = analyze(p.headline, idf)));
    x.set(featurize(p.headline, b, idf, h), i * FEATURE_COUNT);
    y[i] = STANCES.indexOf(p.stance);
  });
  return { x, y };
}

function write(dir: string, name: string, rows: { x: Float32Array; y: Uint8Array }, weights?: Float32Array): void {
  writeFileSync(join(dir, name + '.x.f32'), Buffer.from(rows.x.buffer));
  writeFileSync(join(dir, name + '.y.u8'), Buffer.from(rows.y.buffer));
  if (weights) writeFileSync(join(dir, name + '.w.f32'), Buffer.from(weights.buffer));
}

async function main() {
  const args = process.argv.slice(2);
  const split = args[args.indexOf('--split') + 1] ?? 'body';
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : '/tmp/crosscheck-stance';
  const data = loadFncOrExit();
  const parts = split === 'all' ? { train: data.pairs, dev: [] } : split === 'story' ? splitByStory(data) : splitByBody(data);
  mkdirSync(out, { recursive: true });
  const t0 = Date.now();
  const idf = buildIdf(data, parts.train);
  const aug = augmentPairs(data, parts.train);
  const train = featureRows(aug.data, aug.pairs, idf);
  write(out, 'train', train, aug.weights);
  if (parts.dev.length) write(out, 'dev', featureRows(data, parts.dev, idf));
  const terms = [...idf.df].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  writeFileSync(join(out, 'meta.json'), JSON.stringify({ split, features: FEATURE_NAMES, train: aug.pairs.length, dev: parts.dev.length, idf: { docs: idf.docs, terms: terms.map((t) => t[0]), df: terms.map((t) => t[1]) } }));
  console.error(`features for ${aug.pairs.length} training and ${parts.dev.length} dev pairs (${split} split) in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${out}`);
}

if (process.argv[1]?.endsWith('dump-features.ts')) void main();
