/**
 * A cheap stand-in for the Chromium cold start's answering step (bench/corpus/cold.ts --together):
 * a page's 40 claims answered with `searchMany` over the 100,000-article index, timed in a fresh
 * Node process, where the engine meets the search code for the first time as a woken worker does.
 * The index load and the article reads are left out (the index is loaded from bytes before the
 * clock starts; articles come from memory).
 *
 *   npx tsx bench/search-cold.ts prepare [--size 100000] [--dir DIR]
 *       generates the corpus, saves the index's bytes and the articles the batch reads (with their
 *       terms as the index's ids, as stored; their sentence offsets are found when a run loads them)
 *       in DIR (/tmp/crosscheck-search-cold-SIZE by default); see bench/search-cold-prepare.ts
 *   npx tsx bench/search-cold.ts ab [--against REF] [--runs 10] [--dir DIR] [--browser]
 *       bundles the working tree's search code and REF's (HEAD by default), then runs each in fresh
 *       processes, alternating, and prints both medians; stops if the answers differ in any byte
 *   npx tsx bench/search-cold.ts once [--dir DIR]   one fresh-process run of the working tree
 *
 * With --browser, each run is a new headless Chromium (CHROMIUM_PATH, /usr/bin/chromium by
 * default) on a page of bench/search-cold-page.ts: the browser's own engine, closer to the cold
 * start than Node's; --profile N prints the N functions with the most own time in each run's
 * sampled profile (sampling slows the run), and saves the profile to the file named by the
 * environment variable SEARCH_COLD_PROFILE when set.
 *
 * Run under `nice -n 19` on a shared machine; extra engine flags (e.g. --trace-deopt) can be given
 * after `--node-flags`, as one argument (with --browser they go to Chromium's --js-flags, and its
 * output is seen with DEBUG=pw:browser).
 */
import { execSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const K = 12;

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** An article as prepare() saves it: its terms as the index's ids, when it was prepared with them. */
interface PreparedRow {
  id: number;
  url: string;
  outlet: string;
  title: string;
  published: string | null;
  text: string;
  terms?: number[];
}

/**
 * A prepared article as the database gives it: with its sentence offsets and terms (worked out at
 * ingestion, not timed). The search code's functions are passed in, so that each bundle uses its own.
 */
function stored<T extends PreparedRow>(a: T, pack: (text: string) => Uint32Array, passageOf: (a: T) => string) {
  return { ...a, sentences: pack(passageOf(a)), terms: a.terms && Uint8Array.from(a.terms) };
}

/** CPU time used so far by this process's main thread (Linux /proc), in ms; 0 where unreadable. */
function mainThreadCpuMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return 0;
  }
}

/** One cold batch in this process (meant to be a fresh one), printed as JSON. */
async function runOnce(dir: string): Promise<void> {
  const { SearchIndex } = await import('../utils/search/index');
  const { createIndexRetriever } = await import('../utils/search/retriever');
  const { packSentences, passageText } = await import('../utils/search/passages');
  const raw = readFileSync(path.join(dir, 'index.bin'));
  const { claims, rows } = JSON.parse(readFileSync(path.join(dir, 'articles.json'), 'utf8')) as {
    claims: string[];
    rows: PreparedRow[];
  };
  const byId = new Map(rows.map((a) => [a.id, stored(a, packSentences, passageText)]));
  const index = SearchIndex.fromBytes(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
  const r = createIndexRetriever(index, async (ids) => ids.map((id) => byId.get(id)));
  const cpu0 = mainThreadCpuMs();
  const all0 = process.cpuUsage();
  const t = performance.now();
  const answers = await r.searchMany!(claims.map((text) => ({ text })), { k: K });
  const ms = performance.now() - t;
  const cpu = mainThreadCpuMs() - cpu0;
  const all = process.cpuUsage(all0);
  const digest = createHash('sha256').update(JSON.stringify(answers)).digest('hex').slice(0, 16);
  const allCpu = (all.user + all.system) / 1000;
  process.stdout.write(`${JSON.stringify({ ms, cpu, allCpu, digest, hits: answers.reduce((n, h) => n + h.length, 0) })}\n`);
}

/** This file (or, for the browser, its page) and the search code of `ref` (or the working tree) bundled. */
async function bundleFor(ref: string | null, out: string, browser = false): Promise<void> {
  const { build } = await import('esbuild');
  let root = path.resolve(HERE, '..');
  let tree: string | null = null;
  if (ref) {
    tree = mkdtempSync(path.join(tmpdir(), 'search-cold-src-'));
    execSync(`git archive ${JSON.stringify(ref)} utils bench | tar -x -C ${JSON.stringify(tree)}`, { cwd: root });
    mkdirSync(path.join(tree, 'bench'), { recursive: true });
    writeFileSync(path.join(tree, 'bench/search-cold.ts'), readFileSync(fileURLToPath(import.meta.url)));
    writeFileSync(path.join(tree, 'bench/search-cold-page.ts'), readFileSync(path.join(HERE, 'search-cold-page.ts')));
    root = tree;
  }
  try {
    await build({
      entryPoints: [path.join(root, browser ? 'bench/search-cold-page.ts' : 'bench/search-cold.ts')],
      nodePaths: [path.resolve(HERE, '../node_modules')],
      bundle: true,
      format: browser ? 'iife' : 'esm',
      platform: browser ? 'browser' : 'node',
      target: browser ? 'chrome120' : 'node20',
      external: ['esbuild'],
      outfile: out,
      logLevel: 'error',
      banner: { js: '// bundled by bench/search-cold.ts' },
    });
  } finally {
    if (tree) rmSync(tree, { recursive: true, force: true });
  }
}

interface RunResult {
  ms: number;
  /** CPU time of the main thread (the page's, in the browser; less moved by other programs than `ms`). */
  cpu?: number;
  /** CPU time of the whole process, compiler threads included (the renderer's, in the browser: 10 ms steps). */
  allCpu?: number;
  digest: string;
  hits: number;
  log: string;
}

function spawnRun(bundle: string, dir: string, flags: string[]): RunResult {
  const r = spawnSync(process.execPath, [...flags, bundle, 'run', '--dir', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`run failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return { ...JSON.parse(lines[lines.length - 1]), log: lines.slice(0, -1).join('\n') };
}

/** One run in a new browser: the page reads the prepared files from a server of its own. */
async function browserRun(script: string, dir: string, flags: string[] = [], profileTop = 0): Promise<RunResult> {
  const { chromium } = await import('playwright-core');
  const files: Record<string, [string, Buffer | string]> = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><script src="page.js"></script>'],
    '/page.js': ['text/javascript', script],
    '/index.bin': ['application/octet-stream', readFileSync(path.join(dir, 'index.bin'))],
    '/articles.json': ['application/json', readFileSync(path.join(dir, 'articles.json'))],
  };
  const server = createServer((req, res) => {
    const f = files[req.url ?? '/'] ?? files['/'];
    res.writeHead(200, { 'content-type': f[0] });
    res.end(f[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const profile = mkdtempSync(path.join(tmpdir(), 'search-cold-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(flags.length ? [`--js-flags=${flags.join(' ')}`] : [])],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'searchCold' in globalThis);
    type Page = { searchCold: { prepare(): Promise<void>; run(k: number): Promise<{ ms: number; answers: string; hits: number }> } };
    await page.evaluate(() => (globalThis as unknown as Page).searchCold.prepare());
    // A moment for the page to settle (reading the files is not what is measured).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cdp = profileTop ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const before = rendererCpu(profile);
    const r = await page.evaluate((k) => (globalThis as unknown as Page).searchCold.run(k), K);
    const after = rendererCpu(profile);
    let log = '';
    if (cdp) {
      const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      log = ownTimes(p, profileTop);
      if (process.env.SEARCH_COLD_PROFILE) writeFileSync(process.env.SEARCH_COLD_PROFILE, JSON.stringify(p));
    }
    return { ms: r.ms, cpu: after.main - before.main, allCpu: after.all - before.all, hits: r.hits, digest: createHash('sha256').update(r.answers).digest('hex').slice(0, 16), log };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most own time in a sampled profile (each sample counted for the time until the next). */
function ownTimes(p: CpuProfile, top: number): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const own = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
    own.set(key, (own.get(key) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...own]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `  ${ms.toFixed(1).padStart(6)} ms  ${k}`)
    .join('\n');
}

/** CPU time used so far by the renderers of the browser on `profile`: their main threads, and all their threads (ms; Linux /proc). */
function rendererCpu(profile: string): { main: number; all: number } {
  let main = 0;
  let all = 0;
  const tick = 1000 / 100; // clock ticks of /proc/PID/stat, 100 per second on Linux
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes(profile)) continue;
      main += Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // Gone meanwhile.
    }
  }
  return { main, all };
}

async function main(args: string[]): Promise<void> {
  const size = Number(arg(args, 'size') ?? 100_000);
  const dir = arg(args, 'dir') ?? path.join(tmpdir(), `crosscheck-search-cold-${size}`);
  const mode = args[0];
  const flags = (arg(args, 'node-flags') ?? '').split(' ').filter(Boolean);
  const inBrowser = args.includes('--browser');
  const runIn = async (bundle: string) => (inBrowser ? browserRun(readFileSync(bundle, 'utf8'), dir, flags, Number(arg(args, 'profile') ?? 0)) : spawnRun(bundle, dir, flags));
  // Not bundled with the runner (a path the bundler does not follow): `ab` bundles this file with
  // an older commit's search code too, which may lack what preparing uses.
  if (mode === 'prepare') return (await import(pathToFileURL(path.join(HERE, 'search-cold-prepare.ts')).href)).prepare(dir, size, K);
  if (mode === 'run') return runOnce(dir);
  if (!existsSync(path.join(dir, 'index.bin'))) throw new Error(`no prepared corpus in ${dir}: run "prepare" first`);
  const work = mkdtempSync(path.join(tmpdir(), 'search-cold-'));
  try {
    if (mode === 'once') {
      await bundleFor(null, path.join(work, 'tree.mjs'), inBrowser);
      const r = await runIn(path.join(work, 'tree.mjs'));
      if (r.log) console.log(r.log);
      console.log(`working tree: ${r.ms.toFixed(1)} ms, ${r.hits} hits, answers ${r.digest}`);
      return;
    }
    if (mode !== 'ab') throw new Error('use prepare, ab or once');
    const prepared = (JSON.parse(readFileSync(path.join(dir, 'articles.json'), 'utf8')) as { rows: PreparedRow[] }).rows;
    // Articles prepared before their terms were stored are answered from their text by both codes.
    console.log(`${prepared.filter((r) => r.terms).length} of ${prepared.length} prepared articles carry stored term ids`);
    const against = arg(args, 'against') ?? 'HEAD';
    const runs = Number(arg(args, 'runs') ?? 10);
    const bundles: Record<string, string> = { [against]: path.join(work, 'ref.mjs'), 'working tree': path.join(work, 'tree.mjs') };
    await bundleFor(against, bundles[against], inBrowser);
    await bundleFor(null, bundles['working tree'], inBrowser);
    const times: Record<string, number[]> = { [against]: [], 'working tree': [] };
    const cpus: Record<string, number[]> = { [against]: [], 'working tree': [] };
    const allCpus: Record<string, number[]> = { [against]: [], 'working tree': [] };
    const digests = new Set<string>();
    for (let run = 0; run < 2 * runs; run++) {
      // Each pair in turn starts with the other code.
      const which = Object.keys(bundles)[(run + Math.floor(run / 2)) % 2];
      const r = await runIn(bundles[which]);
      times[which].push(r.ms);
      if (r.cpu !== undefined) cpus[which].push(r.cpu);
      if (r.allCpu !== undefined) allCpus[which].push(r.allCpu);
      digests.add(r.digest);
      const cpuNote = r.cpu !== undefined ? `, main thread CPU ${r.cpu.toFixed(1)} ms, process CPU ${r.allCpu!.toFixed(1)} ms` : '';
      console.log(`${which}: ${r.ms.toFixed(1)} ms${cpuNote} (${r.hits} hits, answers ${r.digest})`);
      if (digests.size > 1) throw new Error('the answers differ between the two codes');
    }
    for (const [which, xs] of Object.entries(times)) {
      console.log(`${which}: median ${median(xs).toFixed(1)} ms over ${xs.length} runs (${xs.map((x) => x.toFixed(0)).join(', ')})`);
      if (cpus[which].length) {
        console.log(`  main thread CPU median ${median(cpus[which]).toFixed(1)} ms (${cpus[which].map((x) => x.toFixed(0)).join(', ')}); process CPU median ${median(allCpus[which]).toFixed(1)} ms`);
      }
    }
    console.log('answers identical in every run');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
