/**
 * Rebuilds the check-worthiness model, utils/spot/model.json.
 *
 *   npx tsx scripts/spot/train.ts            cross-validate, then train on everything and write the model
 *   npx tsx scripts/spot/train.ts --no-cv    train and write only
 *   npx tsx scripts/spot/train.ts --cv-only  cross-validate only (writes nothing)
 *   npx tsx scripts/spot/train.ts --news-only  without ../shared: also write the news-only model
 *
 * Data: ../shared/data/claimbuster/kfold_25ncs.csv (US presidential debate sentences, label 1 =
 * check-worthy factual claim) when it is there, and datasets/news-checkworthy.jsonl (our own
 * labelled news sentences). Without ../shared it cross-validates on our own set only, says so, and
 * leaves the shipped model alone unless --news-only is given.
 *
 * Model: logistic regression over hashed word unigrams/bigrams and hand-made cues
 * (utils/spot/features.ts), trained with AdaGrad and L2; hashed weights are stored as int8.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { featurize, HASH_SIZE, DENSE_SIZE, type Features } from '../../utils/spot/features';
import { encodeWeights, loadWeights, margin, sigmoid } from '../../utils/spot/codec';
import { parseCsv } from '../lib/csv';
import { seededRandom } from '../../utils/random';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLAIMBUSTER = resolve(ROOT, '../shared/data/claimbuster/kfold_25ncs.csv');
const NEWS = join(ROOT, 'datasets/news-checkworthy.jsonl');
const OUT = join(ROOT, 'utils/spot/model.json');

export interface Example {
  text: string;
  label: 0 | 1;
  source: 'claimbuster' | 'news';
  /** Article id for news sentences (held out together). */
  group: string;
  x?: Features;
}

export const HYPER = {
  epochs: 12,
  rate: 0.2,
  l2: 2e-6,
  /** Weight of one news sentence relative to one debate sentence. */
  newsWeight: 3,
  /** Weight of the positive class (debate data has ~29% positives). */
  positiveWeight: 1.3,
  /** Return the average of the weights after each epoch (steadier than the last ones). */
  average: false,
};

export function loadClaimBuster(): Example[] | null {
  if (!existsSync(CLAIMBUSTER)) return null;
  const rows = parseCsv(readFileSync(CLAIMBUSTER, 'utf8'));
  const head = rows[0];
  const ti = head.indexOf('text');
  const li = head.indexOf('label');
  const ii = head.indexOf('sentence_id');
  return rows
    .slice(1)
    .filter((r) => r.length > Math.max(ti, li))
    .map((r) => ({ text: r[ti], label: r[li] === '1' ? 1 : 0, source: 'claimbuster', group: 'cb' + r[ii] }) as Example);
}

export function loadNews(): Example[] {
  if (!existsSync(NEWS)) return [];
  return readFileSync(NEWS, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as { id: string; article: string; text: string; label: number };
      return { text: o.text, label: o.label === 1 ? 1 : 0, source: 'news', group: o.article } as Example;
    });
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Logistic regression with AdaGrad and L2 over sparse features. */
export function train(examples: Example[], hyper = HYPER, seed = 1): Float32Array {
  const dim = HASH_SIZE + DENSE_SIZE;
  const w = new Float32Array(dim);
  const g2 = new Float32Array(dim).fill(1e-8);
  const avg = new Float32Array(hyper.average ? dim : 0);
  const rand = seededRandom(seed);
  for (const e of examples) e.x ??= featurize(e.text);
  for (let epoch = 0; epoch < hyper.epochs; epoch++) {
    for (const e of shuffle(examples, rand)) {
      const { idx, val } = e.x!;
      let z = 0;
      for (let i = 0; i < idx.length; i++) z += w[idx[i]] * val[i];
      const p = sigmoid(z);
      const weight = (e.source === 'news' ? hyper.newsWeight : 1) * (e.label === 1 ? hyper.positiveWeight : 1);
      const err = (p - e.label) * weight;
      for (let i = 0; i < idx.length; i++) {
        const j = idx[i];
        const g = err * val[i] + hyper.l2 * w[j] * (j === HASH_SIZE ? 0 : 1);
        g2[j] += g * g;
        w[j] -= (hyper.rate * g) / Math.sqrt(g2[j]);
      }
    }
    if (hyper.average) for (let j = 0; j < dim; j++) avg[j] += w[j] / hyper.epochs;
  }
  return hyper.average ? avg : w;
}

export function predict(w: Float32Array, examples: Example[]): number[] {
  return examples.map((e) => {
    if (!e.x) return sigmoid(margin(w, e.text));
    let z = 0;
    for (let i = 0; i < e.x.idx.length; i++) z += w[e.x.idx[i]] * e.x.val[i];
    return sigmoid(z);
  });
}

/** Average precision of a ranking (mean of precision at each positive). */
export function averagePrecision(scores: number[], labels: number[]): number {
  const order = scores.map((s, i) => [s, labels[i]]).sort((a, b) => b[0] - a[0]);
  let hits = 0;
  let sum = 0;
  order.forEach(([, l], i) => {
    if (l === 1) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return hits ? sum / hits : 0;
}

export function prf(scores: number[], labels: number[], threshold: number): { p: number; r: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    if (s >= threshold) labels[i] === 1 ? tp++ : fp++;
    else if (labels[i] === 1) fn++;
  });
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const fmt = (x: number) => x.toFixed(3);

/** 5-fold cross-validation on ClaimBuster (news set always in training) and by article on news. */
export function crossValidate(cb: Example[], news: Example[], hyper = HYPER, log = console.log): Record<string, number> {
  const result: Record<string, number> = {};
  for (const blocks of [false, true]) {
    if (!cb.length) break;
    const folds = 5;
    const fold = new Array<number>(cb.length);
    if (blocks) {
      // Contiguous blocks of sentence ids: the ids run in debate order, so this holds out whole
      // debates (other years, other speakers) — closer to scoring speeches the model never saw.
      const byId = cb.map((e, i) => [Number(e.group.slice(2)), i]).sort((a, b) => a[0] - b[0]);
      byId.forEach(([, i], k) => (fold[i] = Math.floor((k * folds) / cb.length)));
    } else {
      const order = shuffle(
        cb.map((_, i) => i),
        seededRandom(42),
      );
      order.forEach((i, k) => (fold[i] = k % folds));
    }
    const tag = blocks ? 'Blocks' : '';
    const scores = new Array<number>(cb.length);
    const aps: number[] = [];
    for (let f = 0; f < folds; f++) {
      const trainSet = cb.filter((_, i) => fold[i] !== f).concat(news);
      const test = cb.filter((_, i) => fold[i] === f);
      const w = train(trainSet, hyper, f + 1);
      const s = predict(w, test);
      let k = 0;
      cb.forEach((_, i) => {
        if (fold[i] === f) scores[i] = s[k++];
      });
      aps.push(averagePrecision(s, test.map((e) => e.label)));
    }
    const labels = cb.map((e) => e.label);
    const at = prf(scores, labels, 0.5);
    result[`cb${tag}F1`] = at.f1;
    result[`cb${tag}Precision`] = at.p;
    result[`cb${tag}Recall`] = at.r;
    result[`cb${tag}AP`] = averagePrecision(scores, labels);
    result[`cb${tag}MeanFoldAP`] = aps.reduce((a, b) => a + b, 0) / aps.length;
    log(
      `ClaimBuster 5-fold CV ${blocks ? 'by contiguous id blocks (whole debates held out)' : 'random'} (${cb.length} sentences): F1(check-worthy) ${fmt(at.f1)} (P ${fmt(at.p)}, R ${fmt(at.r)}) at 0.5; average precision ${fmt(result[`cb${tag}AP`])} (mean per fold ${fmt(result[`cb${tag}MeanFoldAP`])})`,
    );
  }
  if (news.length) {
    const articles = [...new Set(news.map((e) => e.group))].sort();
    const folds = Math.min(5, articles.length);
    const order = shuffle(articles, seededRandom(7));
    const foldOf = new Map(order.map((a, k) => [a, k % folds]));
    const scores = new Array<number>(news.length);
    for (let f = 0; f < folds; f++) {
      const trainSet = cb.concat(news.filter((e) => foldOf.get(e.group) !== f));
      const test = news.filter((e) => foldOf.get(e.group) === f);
      const w = train(trainSet, hyper, f + 11);
      const s = predict(w, test);
      let k = 0;
      news.forEach((e, i) => {
        if (foldOf.get(e.group) === f) scores[i] = s[k++];
      });
    }
    const labels = news.map((e) => e.label);
    const at = prf(scores, labels, 0.5);
    result.newsPrecision = at.p;
    result.newsRecall = at.r;
    result.newsF1 = at.f1;
    result.newsAP = averagePrecision(scores, labels);
    log(`News set, ${folds}-fold by article (${news.length} sentences, ${articles.length} articles): at the default threshold 0.5 precision ${fmt(at.p)}, recall ${fmt(at.r)}, F1 ${fmt(at.f1)}; average precision ${fmt(result.newsAP)}`);
    if (cb.length) {
      // What the debate sentences alone teach: a model trained on them only, scored on all news.
      const w = train(cb.slice(), hyper, 21);
      const s = predict(w, news);
      const d = prf(s, labels, 0.5);
      result.newsFromDebatesAP = averagePrecision(s, labels);
      result.newsFromDebatesPrecision = d.p;
      result.newsFromDebatesRecall = d.r;
      log(`News set scored by a model trained on debate sentences only: precision ${fmt(d.p)}, recall ${fmt(d.r)} at 0.5; average precision ${fmt(result.newsFromDebatesAP)}`);
    }
  }
  return result;
}

async function main(argv: string[]): Promise<number> {
  const cvOnly = argv.includes('--cv-only');
  const noCv = argv.includes('--no-cv');
  const cb = loadClaimBuster();
  const news = loadNews();
  if (!cb) console.log(`${CLAIMBUSTER} not found: using our own news set only.`);
  if (!cb && news.length < 100) {
    console.log('Not enough data to train: neither ../shared/data/claimbuster nor datasets/news-checkworthy.jsonl is available. Model left unchanged.');
    return 0;
  }
  const debate = cb ?? [];
  console.log(`Data: ${debate.length} debate sentences (${debate.filter((e) => e.label).length} check-worthy), ${news.length} news sentences (${news.filter((e) => e.label).length} check-worthy) from ${new Set(news.map((e) => e.group)).size} articles.`);
  let figures: Record<string, number> = {};
  if (!noCv) figures = crossValidate(debate, news);
  if (cvOnly) return 0;
  if (!cb && !argv.includes('--news-only')) {
    console.log('Model left unchanged: without the debate sentences it would lose most of what it knows. Pass --news-only to write a news-only model anyway.');
    return 0;
  }
  const w = train(debate.concat(news), HYPER, 1);
  const model = encodeWeights(w, {
    trainedOn: [cb ? 'ClaimBuster kfold_25ncs.csv (US presidential debates)' : null, news.length ? 'datasets/news-checkworthy.jsonl' : null].filter(Boolean),
    sentences: debate.length + news.length,
    hyper: HYPER,
    crossValidation: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
    rebuild: 'npx tsx scripts/spot/train.ts',
  });
  // Check that quantisation keeps the ranking.
  const q = loadWeights(model);
  const all = debate.concat(news);
  const labels = all.map((e) => e.label);
  const apFull = averagePrecision(predict(w, all), labels);
  const apQ = averagePrecision(
    all.map((e) => sigmoid(margin(q, e.text))),
    labels,
  );
  const json = JSON.stringify(model);
  writeFileSync(OUT, json + '\n');
  console.log(`Wrote ${OUT} (${Math.round(json.length / 1024)} KB). Training-set AP ${fmt(apFull)} before, ${fmt(apQ)} after int8 storage.`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
