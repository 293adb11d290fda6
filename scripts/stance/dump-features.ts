/**
 * Computes the stance features of FNC-1 pairs with the product's own feature code and writes
 * them where scripts/stance/fit.py reads them.
 *
 *   npx tsx scripts/stance/dump-features.ts --split body|story|all [--seed N] [--out DIR]
 *
 * body: train on 80% of bodies, dev = the other 20% (the development split);
 * story: dev holds out whole stories (unseen headlines and bodies);
 * all: every pair is training data (for the shipped model).
 *
 * Besides each (headline, whole article) pair, the training rows include (headline, passage)
 * pairs, the passage being the one to three sentences of the article that match the headline
 * best, with the article's label at half weight: the product also classifies short passages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, FEATURE_COUNT, FEATURE_NAMES, featurize, rankSentences, type IdfTable, type TextInfo } from '../../utils/stance/features';
import { stem, STOP_WORDS, NEGATIONS, tokenize } from '../../utils/stance/text';
import { STANCES, type Stance } from '../../utils/types';
import { loadFncOrExit, seedArg, splitByBody, splitByStory, type FncData, type Pair } from './data';
import { seededRandom } from '../../utils/random';

export function buildIdf(data: FncData, pairs: readonly Pair[]): IdfTable {
  const df = new Map<string, number>();
  const add = (text: string) => {
    const stems = new Set(tokenize(text).filter((t) => !STOP_WORDS.has(t) && !NEGATIONS.has(t)).map(stem));
    for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
  };
  const bodyIds = new Set(pairs.map((p) => p.bodyId));
  const headlines = new Set(pairs.map((p) => p.headline));
  for (const id of bodyIds) add(data.bodies.get(id) ?? '');
  for (const h of headlines) add(h);
  return { docs: bodyIds.size + headlines.size, df };
}

interface Row {
  headline: string;
  text: string;
  stance: Stance;
  weight: number;
}

export function rowsOf(data: FncData, pairs: readonly Pair[], idf: IdfTable, passages: boolean, seed = 7): Row[] {
  const rows: Row[] = pairs.map((p) => ({ headline: p.headline, text: data.bodies.get(p.bodyId) ?? '', stance: p.stance, weight: 1 }));
  if (!passages) return rows;
  const r = seededRandom(seed);
  for (const p of pairs) {
    if (p.stance === 'unrelated' && r() > 0.3) continue;
    const body = analyze(data.bodies.get(p.bodyId) ?? '', idf);
    const order = rankSentences(analyze(p.headline, idf), body, idf);
    const k = 1 + Math.floor(r() * 3);
    const picked = order.slice(0, k).sort((a, b) => a - b);
    if (!picked.length) continue;
    rows.push({ headline: p.headline, text: picked.map((i) => body.sents[i].text).join(' '), stance: p.stance, weight: 0.5 });
  }
  return rows;
}

export function featureRows(rows: readonly Row[], idf: IdfTable): { x: Float32Array; y: Uint8Array; w: Float32Array } {
  const cache = new Map<string, TextInfo>();
  const info = (t: string) => {
    let i = cache.get(t);
    if (!i) cache.set(t, (i = analyze(t, idf)));
    return i;
  };
  const x = new Float32Array(rows.length * FEATURE_COUNT);
  const y = new Uint8Array(rows.length);
  const w = new Float32Array(rows.length);
  rows.forEach((p, i) => {
    x.set(featurize(info(p.headline), info(p.text), idf), i * FEATURE_COUNT);
    y[i] = STANCES.indexOf(p.stance);
    w[i] = p.weight;
  });
  return { x, y, w };
}

function write(dir: string, name: string, rows: { x: Float32Array; y: Uint8Array; w: Float32Array }): void {
  writeFileSync(join(dir, name + '.x.f32'), Buffer.from(rows.x.buffer));
  writeFileSync(join(dir, name + '.y.u8'), Buffer.from(rows.y.buffer));
  writeFileSync(join(dir, name + '.w.f32'), Buffer.from(rows.w.buffer));
}

async function main() {
  const args = process.argv.slice(2);
  const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'body';
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : '/tmp/crosscheck-stance';
  const passages = !args.includes('--no-passages');
  const seed = seedArg(args);
  const data = loadFncOrExit();
  const parts = split === 'all' ? { train: data.pairs, dev: [] } : split === 'story' ? splitByStory(data, seed) : splitByBody(data, seed);
  mkdirSync(out, { recursive: true });
  const t0 = Date.now();
  const idf = buildIdf(data, parts.train);
  const trainRows = rowsOf(data, parts.train, idf, passages);
  write(out, 'train', featureRows(trainRows, idf));
  if (parts.dev.length) write(out, 'dev', featureRows(rowsOf(data, parts.dev, idf, false), idf));
  const terms = [...idf.df].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  writeFileSync(join(out, 'meta.json'), JSON.stringify({ split, features: FEATURE_NAMES, train: trainRows.length, dev: parts.dev.length, idf: { docs: idf.docs, terms: terms.map((t) => t[0]), df: terms.map((t) => t[1]) } }));
  console.error(`features for ${trainRows.length} training rows and ${parts.dev.length} dev pairs (${split} split) in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${out}`);
}

if (process.argv[1]?.endsWith('dump-features.ts')) void main();
