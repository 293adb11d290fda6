/**
 * Corpus benchmark (issue 4, item 7): Crosscheck's corpus store against FlexSearch and MiniSearch,
 * in real Chromium (Debian's /usr/bin/chromium through playwright-core), on the same generated
 * articles (bench/corpus/generate.ts, seeded).
 *
 * For each size and engine, in a fresh browser profile:
 *  1. ingestion: the articles are stored in IndexedDB in batches of 500 and indexed; the index is
 *     saved to IndexedDB at the end (Crosscheck: its snapshot; peers: their export) — articles/s;
 *  2. database size: navigator.storage.estimate().usage;
 *  3. the browser is closed and started again on the same profile; a new page opens the database,
 *     loads the saved index and answers one page's 40 claims one after another (cold start); and
 *     once more after step 5 with the claims answered together (their articles read at once);
 *  4. warm latency per claim over 200 other claims (p50/p95), for the answer with the evidence
 *     articles read from IndexedDB and for the index alone;
 *  5. memory after a garbage collection (Chrome DevTools Protocol Runtime.getHeapUsage): the JS
 *     heap plus ArrayBuffer backing stores, which hold typed arrays and are not in the JS heap.
 *
 *   npm run bench -- corpus [--sizes 10000,50000,100000] [--engines crosscheck,flexsearch,minisearch] [--budget-min 60] [--ref HEAD]
 *   (--ref bundles the code of a commit rather than the working tree)
 *
 * The run stops by itself: each step has a time limit, and sizes or engines left when the budget
 * is spent are reported as skipped.
 */
import { execSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'esbuild';
import { generateClaims } from './generate';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ENGINES = ['crosscheck', 'flexsearch', 'minisearch'] as const;
type Engine = (typeof ENGINES)[number];
const NAMES: Record<Engine, string> = { crosscheck: 'Crosscheck', flexsearch: 'FlexSearch 0.8', minisearch: 'MiniSearch 7.2' };
const BATCH = 500;

export interface CorpusBenchOptions {
  sizes: number[];
  engines: Engine[];
  /** Whole-run budget in minutes; what does not fit is skipped. */
  budgetMin: number;
  /** Bundle the code of this git commit instead of the working tree (others may be editing it). */
  ref?: string;
}

interface Row {
  engine: Engine;
  size: number;
  ingestMs?: number;
  saveMs?: number;
  perSec?: number;
  dbMb?: number;
  coldMs?: number;
  /** The same cold start with the claims answered together (articles read at once). */
  coldManyMs?: number;
  coldManyFetchMs?: number;
  loadMs?: number;
  answersMs?: number;
  fetchMs?: number;
  p50?: number;
  p95?: number;
  idsP50?: number;
  idsP95?: number;
  heapMb?: number;
  buffersMb?: number;
  error?: string;
}

export function parseCorpusArgs(args: string[]): CorpusBenchOptions {
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (get('sizes') ?? '10000,50000,100000').split(',').map((s) => Number(s.replace(/[_k]/g, (c) => (c === 'k' ? '000' : ''))));
  const engines = (get('engines') ?? ENGINES.join(',')).split(',') as Engine[];
  for (const e of engines) if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e}; use ${ENGINES.join(', ')}`);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--sizes takes positive whole numbers, e.g. 10000,50000');
  return { sizes, engines, budgetMin: Number(get('budget-min') ?? 60), ref: get('ref') };
}

export async function bundle(ref?: string): Promise<string> {
  let root = path.resolve(HERE, '../..');
  let tree: string | null = null;
  if (ref) {
    // The committed code of `ref`, unpacked beside the project (packages still come from its node_modules).
    tree = mkdtempSync(path.join(tmpdir(), 'corpus-bench-src-'));
    execSync(`git archive ${JSON.stringify(ref)} utils bench | tar -x -C ${JSON.stringify(tree)}`, { cwd: root });
    root = tree;
  }
  const result = await build({
    entryPoints: [path.join(root, 'bench/corpus/page.ts')],
    nodePaths: [path.resolve(HERE, '../../node_modules')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    logLevel: 'error',
  });
  if (tree) rmSync(tree, { recursive: true, force: true });
  return result.outputFiles[0].text;
}

/** Serves the page; pass `port` to keep the same origin (and so the same IndexedDB) across runs. */
export function serve(script: string, port = 0): Promise<{ server: Server; url: string }> {
  const html = '<!doctype html><meta charset="utf-8"><title>corpus bench</title><script src="bench.js"></script>';
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
  }));
}

export async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
}

export async function openBenchPage(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`  page console: ${m.text()}`));
  await page.goto(url);
  await page.waitForFunction(() => 'corpusBench' in globalThis);
  return page;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms))),
  ]);
}

export type Api = {
  ingest(e: Engine, n: number, batch: number): Promise<{ ms: number; articles: number; saveMs: number }>;
  cold(e: Engine, claims: string[], together?: boolean): Promise<{ totalMs: number; loadMs: number; answersMs: number; fetchMs: number; hits: number; fetches: string[] }>;
  warm(claims: string[]): Promise<{ p50: number; p95: number; idsP50: number; idsP95: number }>;
  estimate(): Promise<number>;
};

export async function call<K extends keyof Api>(page: Page, name: K, args: Parameters<Api[K]>, ms: number): Promise<Awaited<ReturnType<Api[K]>>> {
  const run = page.evaluate(
    ([n, a]) => ((globalThis as unknown as { corpusBench: Record<string, (...x: unknown[]) => unknown> }).corpusBench[n as string](...(a as unknown[]))),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Api[K]>>>;
  return withTimeout(run, ms, name);
}

/** Memory of the page after a garbage collection: the JS heap and the ArrayBuffer backing stores beside it (typed arrays live there). */
async function memoryMb(page: Page): Promise<{ heapMb: number; buffersMb: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage' as never)) as unknown as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return { heapMb: usage.usedSize / 1e6, buffersMb: (usage.backingStorageSize ?? 0) / 1e6 };
}

async function runOne(engine: Engine, size: number, url: string, claims: string[], warmClaims: string[], deadline: number): Promise<Row> {
  const row: Row = { engine, size };
  const profile = mkdtempSync(path.join(tmpdir(), `corpus-bench-${engine}-`));
  const left = () => Math.max(10_000, deadline - Date.now());
  let context: BrowserContext | null = null;
  try {
    context = await launch(profile);
    let page = await openBenchPage(context, url);
    const ingest = await call(page, 'ingest', [engine, size, BATCH], left());
    row.ingestMs = ingest.ms;
    row.saveMs = ingest.saveMs;
    row.perSec = (ingest.articles / ingest.ms) * 1000;
    row.dbMb = (await call(page, 'estimate', [], 60_000)) / 1e6;
    await context.close();
    // A cold start: a new browser on the same profile, nothing in memory.
    context = await launch(profile);
    page = await openBenchPage(context, url);
    const cold = await call(page, 'cold', [engine, claims], left());
    Object.assign(row, { coldMs: cold.totalMs, loadMs: cold.loadMs, answersMs: cold.answersMs, fetchMs: cold.fetchMs });
    const warm = await call(page, 'warm', [warmClaims], left());
    Object.assign(row, warm);
    Object.assign(row, await memoryMb(page));
    await context.close();
    // Another cold start, the page's claims answered together.
    context = await launch(profile);
    page = await openBenchPage(context, url);
    const many = await call(page, 'cold', [engine, claims, true], left());
    Object.assign(row, { coldManyMs: many.totalMs, coldManyFetchMs: many.fetchMs });
  } catch (error) {
    row.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
  return row;
}

const total = (r: Row) => (r.heapMb === undefined ? undefined : r.heapMb + (r.buffersMb ?? 0));
const f = (x: number | undefined, d = 0) => (x === undefined ? '–' : x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d }));

function printTable(rows: Row[]): void {
  console.log('\n| articles | engine | ingest art/s (index save s) | DB MB | cold start: 40 claims one by one ms (index load / article reads ms) | cold start: 40 claims together ms (article reads ms) | warm p50 / p95 ms (with articles) | index only p50 / p95 ms | memory MB: JS heap + array buffers |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    if (r.error && r.perSec === undefined) {
      console.log(`| ${f(r.size)} | ${NAMES[r.engine]} | ${r.error} | | | | | | |`);
      continue;
    }
    console.log(
      `| ${f(r.size)} | ${NAMES[r.engine]} | ${f(r.perSec)} (${f((r.saveMs ?? 0) / 1000, 1)}) | ${f(r.dbMb)} | ${f(r.coldMs)} (${f(r.loadMs)} / ${f(r.fetchMs)}) | ${f(r.coldManyMs)} (${f(r.coldManyFetchMs)}) | ${f(r.p50, 1)} / ${f(r.p95, 1)} | ${f(r.idsP50, 2)} / ${f(r.idsP95, 2)} | ${f(r.heapMb)} + ${f(r.buffersMb)} = ${f(total(r))} |${r.error ? ` ${r.error}` : ''}`,
    );
  }
}

function printRatios(rows: Row[]): void {
  const ratio = (ours: number | undefined, theirs: number | undefined, higherIsBetter = false) =>
    ours === undefined || theirs === undefined || ours === 0 || theirs === 0 ? 'n/a' : `${(higherIsBetter ? ours / theirs : theirs / ours).toFixed(1)}×`;
  for (const size of [...new Set(rows.map((r) => r.size))]) {
    const me = rows.find((r) => r.size === size && r.engine === 'crosscheck');
    if (!me) continue;
    for (const peer of rows.filter((r) => r.size === size && r.engine !== 'crosscheck')) {
      console.log(
        `${f(size)} articles, Crosscheck vs ${NAMES[peer.engine]} (how many times better): ingestion ${ratio(me.perSec, peer.perSec, true)}, ` +
          `DB size ${ratio(me.dbMb, peer.dbMb)}, cold start ${ratio(me.coldMs, peer.coldMs)} (claims together ${ratio(me.coldManyMs, peer.coldManyMs)}), warm p95 ${ratio(me.p95, peer.p95)}, ` +
          `index-only p95 ${ratio(me.idsP95, peer.idsP95)}, memory ${ratio(total(me), total(peer))}`,
      );
    }
  }
}

function printTargets(rows: Row[]): void {
  const me = rows.filter((r) => r.engine === 'crosscheck' && r.size >= 100_000);
  for (const r of me) {
    const check = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');
    console.log(
      `Targets at ${f(r.size)}: cold start 40 claims ≤ 400 ms: one by one ${check(r.coldMs === undefined ? undefined : r.coldMs <= 400)} (${f(r.coldMs)} ms), ` +
        `together ${check(r.coldManyMs === undefined ? undefined : r.coldManyMs <= 400)} (${f(r.coldManyMs)} ms); ` +
        `warm p95 ≤ 15 ms: ${check(r.p95 === undefined ? undefined : r.p95 <= 15)} (${f(r.p95, 1)} ms); ` +
        `ingestion ≥ 500/s: ${check(r.perSec === undefined ? undefined : r.perSec >= 500)} (${f(r.perSec)}/s); ` +
        `memory ≤ 150 MB: ${check(total(r) === undefined ? undefined : total(r)! <= 150)} (${f(total(r))} MB: JS heap and array buffers)`,
    );
  }
}

export async function benchCorpus(opts: CorpusBenchOptions = parseCorpusArgs([])): Promise<void> {
  const started = Date.now();
  const deadline = started + opts.budgetMin * 60_000;
  console.log(`\n## Corpus in Chromium: sizes ${opts.sizes.map((n) => f(n)).join(', ')}; engines ${opts.engines.join(', ')}; budget ${opts.budgetMin} min`);
  const script = await bundle(opts.ref);
  if (opts.ref) console.log(`(code of ${opts.ref}: ${execSync(`git rev-parse --short ${JSON.stringify(opts.ref)}`, { cwd: HERE }).toString().trim()})`);
  const { server, url } = await serve(script);
  const rows: Row[] = [];
  try {
    for (const size of opts.sizes) {
      const claims = generateClaims(size, 40, undefined, 1);
      const warmClaims = generateClaims(size, 200, undefined, 2);
      for (const engine of opts.engines) {
        if (Date.now() > deadline - 30_000) {
          rows.push({ engine, size, error: 'skipped: time budget spent' });
          continue;
        }
        const t = Date.now();
        const row = await runOne(engine, size, url, claims, warmClaims, deadline);
        rows.push(row);
        console.log(`  ${NAMES[engine]} at ${f(size)}: done in ${f((Date.now() - t) / 1000)} s${row.error ? ` (${row.error})` : ''}`);
      }
    }
  } finally {
    server.close();
  }
  printTable(rows);
  console.log('');
  printRatios(rows);
  printTargets(rows);
  console.log(`(whole run ${f((Date.now() - started) / 1000)} s)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchCorpus(parseCorpusArgs(process.argv.slice(2))).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
