/**
 * Node micro-benchmark of the search index against MiniSearch and FlexSearch on the same generated
 * corpus (10,000 and 100,000 articles of ~2,600 characters, with claims about their events as queries): build time, saved size, load time,
 * heap after load, the first 40 queries after load, and warm query p50/p95. Prints ratios.
 *
 * The corpus is the one the Chromium corpus benchmark generates (bench/corpus/generate.ts,
 * seeded), so no data files are needed and the two benchmarks measure the same articles.
 *
 *   npx tsx bench/search-node.ts [sizes, e.g. 10000,100000] [engines, e.g. crosscheck,flexsearch,minisearch]
 *   (or call benchSearchNode())
 *   Run node with --expose-gc for steadier memory figures.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Charset, Index as FlexIndex } from 'flexsearch';
import MiniSearch from 'minisearch';
import { SearchIndex } from '../utils/search/index';
import { createIndexRetriever, type StoredArticle } from '../utils/search/retriever';
import { generateArticle, generateClaims } from './corpus/generate';
import { percentile } from './stats';

interface Doc {
  id: number;
  outlet: string;
  title: string;
  text: string;
}

/**
 * The corpus benchmark's reproducible articles (bench/corpus/generate.ts: events reported by
 * several outlets, Zipf-like vocabulary, names and figures) and 200 claims about their events.
 */
export function generateCorpus(n: number): { docs: Doc[]; queries: string[] } {
  const docs = Array.from({ length: n }, (_, i): Doc => {
    const a = generateArticle(i);
    return { id: i + 1, outlet: a.outlet ?? '', title: a.title ?? '', text: a.text ?? '' };
  });
  return { docs, queries: generateClaims(n, 200) };
}

interface EngineRun {
  name: string;
  buildMs: number;
  bytes: number;
  loadMs: number;
  heapMb: number;
  first40Ms: number;
  p50: number;
  p95: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapMb(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}


interface Subject {
  name: string;
  build(docs: Doc[]): void;
  save(): Promise<{ bytes: number; data: unknown }>;
  drop(): void;
  load(data: unknown): void;
  query(q: string): void;
}

function crosscheck(): Subject {
  let ix: SearchIndex | null = null;
  return {
    name: 'Crosscheck SearchIndex',
    build(docs) {
      ix = SearchIndex.create();
      for (const d of docs) ix.add(d);
    },
    async save() {
      const bytes = ix!.toBytes();
      return { bytes: bytes.byteLength, data: bytes };
    },
    drop: () => (ix = null),
    load: (data) => (ix = SearchIndex.fromBytes(data as Uint8Array)),
    query: (q) => void ix!.search({ text: q }, 10),
  };
}

function minisearch(): Subject {
  const options = { fields: ['title', 'text'], storeFields: [] as string[] };
  let ms: MiniSearch<Doc> | null = null;
  return {
    name: 'MiniSearch 7.2',
    build(docs) {
      ms = new MiniSearch<Doc>(options);
      ms.addAll(docs);
    },
    async save() {
      const json = JSON.stringify(ms);
      return { bytes: Buffer.byteLength(json), data: json };
    },
    drop: () => (ms = null),
    load: (data) => (ms = MiniSearch.loadJSON<Doc>(data as string, options)),
    query: (q) => void ms!.search(q).slice(0, 10),
  };
}

function flexsearch(): Subject {
  const options = { tokenize: 'strict' as const, resolution: 9, encoder: Charset.LatinBalance };
  let ix: FlexIndex | null = null;
  return {
    name: 'FlexSearch 0.8',
    build(docs) {
      ix = new FlexIndex(options);
      for (const d of docs) ix.add(d.id, `${d.title}\n${d.text}`);
    },
    async save() {
      const parts: [string, string][] = [];
      await ix!.export(async (key: string, data: string) => {
        parts.push([key, data]);
      });
      return { bytes: parts.reduce((s, [k, d]) => s + Buffer.byteLength(k) + Buffer.byteLength(d ?? ''), 0), data: parts };
    },
    drop: () => (ix = null),
    load(data) {
      ix = new FlexIndex(options);
      for (const [key, d] of data as [string, string][]) ix.import(key, d);
    },
    query: (q) => void ix!.search(q, { limit: 10, suggest: true }),
  };
}

async function measure(subject: Subject, docs: Doc[], queries: string[]): Promise<EngineRun> {
  let t = performance.now();
  subject.build(docs);
  const buildMs = performance.now() - t;
  // Save to a file and drop everything, as a stopped service worker would have only storage.
  const file = join(tmpdir(), `crosscheck-bench-${process.pid}-${subject.name.replace(/\W+/g, '-')}`);
  let bytes: number;
  {
    const saved = await subject.save();
    bytes = saved.bytes;
    writeFileSync(file, saved.data instanceof Uint8Array || typeof saved.data === 'string' ? saved.data : JSON.stringify(saved.data));
  }
  subject.drop();
  const before = heapMb();
  const raw = readFileSync(file);
  rmSync(file, { force: true });
  const holder: { data: unknown } = { data: null };
  if (subject.name.startsWith('Crosscheck')) holder.data = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  else if (subject.name.startsWith('MiniSearch')) holder.data = raw.toString('utf8');
  else holder.data = JSON.parse(raw.toString('utf8'));
  t = performance.now();
  subject.load(holder.data);
  const loadMs = performance.now() - t;
  holder.data = null;
  // Memory the loaded index keeps (the file contents are released unless the index uses them in place).
  const heap = heapMb() - before;
  t = performance.now();
  for (const q of queries.slice(0, 40)) subject.query(q);
  const first40Ms = performance.now() - t;
  const times: number[] = [];
  for (const q of queries.slice(40)) {
    const s = performance.now();
    subject.query(q);
    times.push(performance.now() - s);
  }
  subject.drop();
  return { name: subject.name, buildMs, bytes, loadMs, heapMb: heap, first40Ms, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

export async function benchSearchNode(sizes: number[] = [10_000, 100_000], engines = ['crosscheck', 'flexsearch', 'minisearch']): Promise<void> {
  const fmt = (x: number, d = 1) => x.toFixed(d);
  for (const n of sizes) {
    const t = performance.now();
    const { docs, queries } = generateCorpus(n);
    const avgChars = docs.reduce((s, d) => s + d.text.length, 0) / docs.length;
    console.log(`\n## Search index in Node: ${n.toLocaleString('en')} generated articles (avg ${Math.round(avgChars)} chars; generated in ${fmt((performance.now() - t) / 1000)} s), ${queries.length} claims as queries`);
    const runs: EngineRun[] = [];
    const makers = { crosscheck, flexsearch, minisearch } as Record<string, () => Subject>;
    for (const name of engines) {
      const make = makers[name];
      if (!make) throw new Error(`unknown engine ${name}`);
      runs.push(await measure(make(), docs, queries));
      gc();
    }
    console.log('\n| engine | build s (docs/s) | saved MB | load ms (from bytes in memory) | memory kept after load MB | first 40 queries ms | warm p50 ms | warm p95 ms |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of runs) {
      console.log(`| ${r.name} | ${fmt(r.buildMs / 1000)} (${Math.round(n / (r.buildMs / 1000))}) | ${fmt(r.bytes / 1e6)} | ${fmt(r.loadMs)} | ${fmt(r.heapMb)} | ${fmt(r.first40Ms)} | ${fmt(r.p50, 2)} | ${fmt(r.p95, 2)} |`);
    }
    if (engines.includes('crosscheck')) {
      // The whole retrieval step as the product runs it: index, feedback pass, passage rerank.
      const ix = SearchIndex.create();
      for (const d of docs) ix.add(d);
      const loaded = SearchIndex.fromBytes(ix.toBytes());
      const byId = new Map<number, StoredArticle>(docs.map((d) => [d.id, { ...d, url: `https://${d.outlet}/${d.id}`, published: null }]));
      const r = createIndexRetriever(loaded, async (ids) => ids.map((id) => byId.get(id)));
      let t0 = performance.now();
      for (const q of queries.slice(0, 40)) await r.search({ text: q }, { k: 10 });
      const first40 = performance.now() - t0;
      const times: number[] = [];
      for (const q of queries.slice(40)) {
        t0 = performance.now();
        await r.search({ text: q }, { k: 10 });
        times.push(performance.now() - t0);
      }
      console.log(
        `Crosscheck retriever (index + feedback pass + passages for the 10 hits, articles in memory): first 40 claims ${fmt(first40)} ms, warm p50 ${fmt(percentile(times, 0.5), 2)} ms, p95 ${fmt(percentile(times, 0.95), 2)} ms`,
      );
    }
    const me = runs[0];
    if (engines[0] !== 'crosscheck') continue;
    for (const peer of runs.slice(1)) {
      const ratio = (a: number, b: number) => (a > 0 ? `${fmt(b / a, 1)}×` : 'n/a');
      console.log(
        `vs ${peer.name}: build ${ratio(me.buildMs, peer.buildMs)} faster, size ${ratio(me.bytes, peer.bytes)} smaller, load ${ratio(me.loadMs, peer.loadMs)} faster, ` +
          `first 40 queries ${ratio(me.first40Ms, peer.first40Ms)} faster, p95 ${ratio(me.p95, peer.p95)} faster (peer/ours)`,
      );
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv[2] ? process.argv[2].split(',').map(Number) : undefined;
  const engines = process.argv[3] ? process.argv[3].split(',') : undefined;
  benchSearchNode(sizes, engines).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
