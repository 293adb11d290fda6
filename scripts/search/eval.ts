/**
 * Retrieval quality of the product's search against MiniSearch, FlexSearch and plain BM25, measured
 * the same way on two sets:
 *
 *  - FNC-1 (training split, ../shared/data/fnc1-train): each distinct headline is a query; the
 *    bodies paired with it with a stance other than "unrelated" are the relevant articles; all
 *    1,683 bodies are the corpus. Headlines are split by their lowest related Body ID: Body ID % 5
 *    == 0 is the tuning split (never reported unless --tune), the rest is reported.
 *  - The multi-outlet set (scripts/search/multi-outlet.jsonl): fictional events each reported by
 *    4–6 outlets in their own words, plus distractor articles on similar subjects. Each article's
 *    title, and separately its first sentence, is a query; the other outlets' articles on the same
 *    event are relevant; the article itself is left out.
 *
 * Prints recall@1/5/10 (share of the relevant articles in the top k, averaged over queries) and MRR
 * (reciprocal rank of the first relevant article within the top 100). For the product's engines,
 * the difference to the best peer on the same queries is given with its standard error (over
 * queries): a difference within about two standard errors is a tie, not a gain.
 *
 *   npx tsx scripts/search/eval.ts [--tune] [--engines name,name]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../../utils/text/sentences';
import { ALL_ENGINES, type EngineFactory, type EvalDoc } from './engines';
import { parseCsv } from '../lib/csv';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const FNC_DIR = join(root, '..', 'shared', 'data', 'fnc1-train');

export interface EvalQuery {
  text: string;
  relevant: Set<number>;
  /** Left out of the ranking (the query's own article). */
  exclude?: number;
}

export interface Scores {
  r1: number;
  r5: number;
  r10: number;
  mrr: number;
  n: number;
  /** The same measures per query, in query order (for paired comparisons). */
  perQuery: { r1: number; r5: number; r10: number; rr: number }[];
}

/** Mean of a − b over the same queries, and its standard error. */
export function pairedDifference(a: number[], b: number[]): { mean: number; se: number } {
  const n = Math.min(a.length, b.length);
  if (n === 0) return { mean: 0, se: 0 };
  const d = Array.from({ length: n }, (_, i) => a[i] - b[i]);
  const mean = d.reduce((x, y) => x + y, 0) / n;
  const variance = n > 1 ? d.reduce((x, y) => x + (y - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, se: Math.sqrt(variance / n) };
}


export function loadFnc(split: 'report' | 'tune'): { docs: EvalDoc[]; queries: EvalQuery[] } | null {
  if (!existsSync(join(FNC_DIR, 'train_bodies.csv'))) return null;
  const bodies = parseCsv(readFileSync(join(FNC_DIR, 'train_bodies.csv'), 'utf8')).slice(1);
  const docs: EvalDoc[] = bodies
    .filter((r) => r.length >= 2 && r[0] !== '')
    .map((r) => ({ id: Number(r[0]), outlet: 'fnc', title: '', text: r[1], url: `fnc:${r[0]}` }));
  const stances = parseCsv(readFileSync(join(FNC_DIR, 'train_stances.csv'), 'utf8')).slice(1);
  const rel = new Map<string, Set<number>>();
  for (const [headline, body, stance] of stances) {
    if (!headline || stance === undefined) continue;
    if (!rel.has(headline)) rel.set(headline, new Set());
    if (stance !== 'unrelated') rel.get(headline)!.add(Number(body));
  }
  const queries: EvalQuery[] = [];
  for (const [text, relevant] of rel) {
    if (relevant.size === 0) continue;
    const inTune = Math.min(...relevant) % 5 === 0;
    if (inTune === (split === 'tune')) queries.push({ text, relevant });
  }
  return { docs, queries };
}

export function loadMultiOutlet(): { docs: EvalDoc[]; titleQueries: EvalQuery[]; sentenceQueries: EvalQuery[] } {
  const lines = readFileSync(join(here, 'multi-outlet.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const rows = lines.map((l) => JSON.parse(l) as { url: string; outlet: string; title: string; text: string; event: string });
  const docs: EvalDoc[] = rows.map((r, id) => ({ id, outlet: r.outlet, title: r.title, text: r.text, url: r.url }));
  const titleQueries: EvalQuery[] = [];
  const sentenceQueries: EvalQuery[] = [];
  rows.forEach((r, id) => {
    if (r.event.startsWith('other')) return;
    const relevant = new Set<number>();
    rows.forEach((o, j) => {
      if (j !== id && o.event === r.event && o.outlet !== r.outlet) relevant.add(j);
    });
    titleQueries.push({ text: r.title, relevant, exclude: id });
    sentenceQueries.push({ text: splitSentences(r.text)[0]?.text ?? r.text, relevant, exclude: id });
  });
  return { docs, titleQueries, sentenceQueries };
}

export async function evaluate(factory: EngineFactory, docs: EvalDoc[], queries: EvalQuery[]): Promise<Scores> {
  const engine = factory.build(docs);
  const s: Scores = { r1: 0, r5: 0, r10: 0, mrr: 0, n: queries.length, perQuery: [] };
  for (const q of queries) {
    const ranked = await engine.search(q.text, 100, q.exclude);
    const hit = (k: number) => ranked.slice(0, k).filter((id) => q.relevant.has(id)).length / q.relevant.size;
    const first = ranked.findIndex((id) => q.relevant.has(id));
    const one = { r1: hit(1), r5: hit(5), r10: hit(10), rr: first >= 0 ? 1 / (first + 1) : 0 };
    s.perQuery.push(one);
    s.r1 += one.r1;
    s.r5 += one.r5;
    s.r10 += one.r10;
    s.mrr += one.rr;
  }
  for (const key of ['r1', 'r5', 'r10', 'mrr'] as const) s[key] /= Math.max(queries.length, 1);
  return s;
}

function table(title: string, rows: { name: string; s: Scores }[]): string {
  const f = (x: number) => x.toFixed(3);
  const out = [`\n${title}`, '', '| engine | recall@1 | recall@5 | recall@10 | MRR |', '|---|---|---|---|---|'];
  const peers = rows.filter((r) => !r.name.startsWith('Crosscheck'));
  // The best peer per measure; the product's engines are compared with it query by query.
  const bestPeer = (key: 'r1' | 'r5' | 'r10' | 'mrr') => peers.reduce<{ name: string; s: Scores } | null>((b, r) => (!b || r.s[key] > b.s[key] ? r : b), null);
  const cell = (name: string, s: Scores, key: 'r1' | 'r5' | 'r10' | 'mrr') => {
    const best = bestPeer(key);
    if (!name.startsWith('Crosscheck') || !best) return f(s[key]);
    const per = key === 'mrr' ? 'rr' : key;
    const d = pairedDifference(s.perQuery.map((q) => q[per]), best.s.perQuery.map((q) => q[per]));
    return `${f(s[key])} (${d.mean >= 0 ? '+' : ''}${f(d.mean)} ± ${f(d.se)})`;
  };
  for (const { name, s } of rows) out.push(`| ${name} | ${cell(name, s, 'r1')} | ${cell(name, s, 'r5')} | ${cell(name, s, 'r10')} | ${cell(name, s, 'mrr')} |`);
  if (peers.length && rows.some((r) => r.name.startsWith('Crosscheck'))) {
    out.push('', 'In brackets: difference to the best peer on that measure, query by query, ± its standard error.');
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const tune = args.includes('--tune');
  const ei = args.indexOf('--engines');
  const wanted = ei >= 0 ? args[ei + 1].split(',') : null;
  const engines = wanted ? ALL_ENGINES.filter((e) => wanted.some((w) => e.name.toLowerCase().includes(w.toLowerCase()))) : ALL_ENGINES;

  const fnc = loadFnc(tune ? 'tune' : 'report');
  if (!fnc) {
    console.log(`FNC-1 part skipped: ${FNC_DIR} not found (the shared data folder sits beside the project).`);
  } else {
    const rows = [];
    for (const e of engines) rows.push({ name: e.name, s: await evaluate(e, fnc.docs, fnc.queries) });
    console.log(table(`FNC-1 headlines → related bodies (${tune ? 'TUNING split' : 'reported split'}: ${fnc.queries.length} headlines, ${fnc.docs.length} bodies)`, rows));
  }

  const mo = loadMultiOutlet();
  for (const [label, queries] of [
    ['titles', mo.titleQueries],
    ['first sentences', mo.sentenceQueries],
  ] as const) {
    const rows = [];
    for (const e of engines) rows.push({ name: e.name, s: await evaluate(e, mo.docs, queries) });
    console.log(table(`Multi-outlet set, queries = ${label} (${queries.length} queries, ${mo.docs.length} articles)`, rows));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
