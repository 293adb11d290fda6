/**
 * Node micro-benchmark of the search index against MiniSearch and FlexSearch on the same generated
 * corpus (10,000 and 100,000 articles of ~2,600 characters): build time, saved size, load time,
 * heap after load, the first 40 queries after load, and warm query p50/p95. Prints ratios.
 *
 * The corpus is generated reproducibly (seeded) from a vocabulary with a Zipf-like word
 * distribution, topic words per article and capitalised names, so no data files are needed.
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
import { seededRandom } from '../utils/random';

interface Doc {
  id: number;
  outlet: string;
  title: string;
  text: string;
}

const HEAD_WORDS = (
  'the of and to a in that is was for on with as by at he said it from his be have has are an not this but ' +
  'were had which they their been who will would its more after also we one about than other into over ' +
  'government people year years new two police president minister officials state first last told could ' +
  'country city week when there some against military army forces security report reported percent million ' +
  'billion court election party leader public company market prices health hospital children women men ' +
  'attack killed dead died injured fire water rain flood storm earthquake rebels troops border region ' +
  'province capital town village road bridge airport port ship plane train workers union strike protest ' +
  'vote voters campaign law bill parliament opposition spokesman statement interview bank rate inflation ' +
  'economy growth trade deal talks agreement ceasefire peace war fighting control seized captured took denied ' +
  'rejected confirmed announced arrested charged trial prison judge investigation evidence claims'
).split(' ');

/** Builds a vocabulary: common words first, then pronounceable made-up words for the long tail. */
function vocabulary(size: number, random: () => number): string[] {
  const syll = ['ka', 'lo', 'mi', 're', 'ta', 'vin', 'dor', 'sel', 'an', 'ber', 'cu', 'fe', 'gar', 'hol', 'in', 'jo', 'mar', 'nel', 'os', 'pri', 'qua', 'ros', 'stu', 'tel', 'ur', 'vor', 'wen', 'zi', 'ment', 'tion', 'ing', 'ed', 'er', 'al'];
  const words = new Set(HEAD_WORDS);
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syll[Math.floor(random() * syll.length)];
    words.add(w);
  }
  return [...words];
}

/** Samples ranks with probability ∝ 1 / (rank + 2)^s. */
function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 2, s);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A reproducible corpus of `n` articles (~2,600 characters each) and 200 claim-like queries. */
export function generateCorpus(n: number, seed = 42): { docs: Doc[]; queries: string[] } {
  const random = seededRandom(seed);
  const vocab = vocabulary(80_000, random);
  const word = zipfSampler(vocab.length, 1.07, random);
  const names = Array.from({ length: 5000 }, () => {
    const w = vocab[2000 + Math.floor(random() * 60_000)];
    return w[0].toUpperCase() + w.slice(1);
  });
  const topics = Array.from({ length: 2000 }, () => ({
    words: Array.from({ length: 30 }, () => vocab[300 + Math.floor(random() * 20_000)]),
    names: Array.from({ length: 4 }, () => names[Math.floor(random() * names.length)]),
  }));
  const outlets = Array.from({ length: 60 }, (_, i) => `outlet-${i}.example`);
  const sentence = (topic: (typeof topics)[number]): string => {
    const len = 10 + Math.floor(random() * 22);
    const out: string[] = [];
    for (let i = 0; i < len; i++) {
      const r = random();
      if (r < 0.2) out.push(topic.words[Math.floor(random() * topic.words.length)]);
      else if (r < 0.26) out.push(topic.names[Math.floor(random() * topic.names.length)]);
      else if (r < 0.28) out.push(String(Math.floor(random() * (random() < 0.5 ? 100 : 100_000))));
      else out.push(vocab[word()]);
    }
    const s = out.join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const docs: Doc[] = [];
  for (let id = 0; id < n; id++) {
    const topic = topics[Math.floor(random() * topics.length)];
    const parts: string[] = [];
    let chars = 0;
    const target = 2000 + Math.floor(random() * 1200);
    while (chars < target) {
      const s = sentence(topic);
      parts.push(s);
      chars += s.length + 1;
    }
    docs.push({ id, outlet: outlets[Math.floor(random() * outlets.length)], title: sentence(topic).slice(0, 90), text: parts.join(' ') });
  }
  const queries: string[] = [];
  for (let i = 0; i < 200; i++) {
    const d = docs[Math.floor(random() * docs.length)];
    const sentences = d.text.split('. ');
    queries.push(sentences[Math.floor(random() * sentences.length)]);
  }
  return { docs, queries };
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

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
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
    console.log(`\n## Search index in Node: ${n.toLocaleString('en')} generated articles (avg ${Math.round(avgChars)} chars; generated in ${fmt((performance.now() - t) / 1000)} s), ${queries.length} sentence queries`);
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
