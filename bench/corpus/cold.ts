/**
 * Where a cold start's time goes, for Crosscheck's store alone: the corpus is ingested once into a
 * kept browser profile, then each run starts a new browser on it and answers a page's 40 claims,
 * as the corpus benchmark's cold start does. Prints each run's figures and, with --profile, the
 * functions that took the most time in the first run (a CPU profile from the DevTools protocol).
 * Each run also prints the CPU time the page's main thread used for it (from /proc, Linux only),
 * which other programs busy on the machine move less than the wall-clock times (still ±30 % on
 * two shared cores).
 *
 *   npx tsx bench/corpus/cold.ts [--size 100000] [--runs 3] [--profile] [--load] [--open] [--together] [--fresh] [--batch 500] [--against REF [--against-dir DIR]] [--upgrade] [--dir /tmp/crosscheck-cold-100000] [--port 47311]
 *
 * --fresh ingests again (needed after a change to what is stored; --batch N articles per import batch, 500 by default); --dir chooses where the
 * profile is kept between invocations; --against REF alternates runs of the working tree with runs
 * of the code of commit REF on the same profile (what it stores must be the same) and prints the
 * medians of both, a fair before/after on a busy machine; with --against-dir DIR, REF's runs use a
 * profile of their own there, ingested by REF's code (for a change to what is stored or how);
 * --upgrade times the working tree's first start on a corpus stored by other code (open, with any
 * schema upgrade; index load; a first and a second batch of 10 articles; the profile keeps what
 * it did: copy it first); --load first times the parts of the
 * index load on their own; --open times IndexedDB's own open against Dexie's, with the browser's trace of where it went; --together answers
 * the claims together (CorpusStore.searchMany) rather than one by one; --port is the page's port
 * (IndexedDB belongs to the origin, port included).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundle, call, launch, openBenchPage, serve } from './index';
import { generateClaims } from './generate';
import { median } from '../stats';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  dur?: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * CPU time used so far by the main threads of the browser's renderer processes on profile `dir`
 * (Linux /proc schedstat), in ms: less moved than the wall-clock figures by other programs sharing
 * the machine's cores. 0 where /proc cannot be read.
 */
function rendererCpuMs(profileDir: string): number {
  const dir = path.resolve(profileDir);
  let ns = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      // (Renderers rewrite their command line with spaces between the arguments.)
      if (!cmd.includes('--type=renderer') || !(cmd.includes(`--user-data-dir=${dir}\0`) || cmd.includes(`--user-data-dir=${dir} `))) continue;
      // The main thread's id is the process id.
      ns += Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return ns / 1e6;
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Self and total milliseconds per function (name and line), from a sampled profile. */
function summarise(profile: CpuProfile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + ms);
    // Each function on the stack once (recursion counted once).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
    }
  }
  const rows = [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, top);
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  return [
    `  profiled ${all.toFixed(0)} ms; top functions by own time (ms own / ms with callees):`,
    ...rows.map(([k, ms]) => `    ${ms.toFixed(1).padStart(7)} / ${(totalBy.get(k) ?? 0).toFixed(1).padStart(7)}  ${k}`),
    '  by time with callees:',
    ...[...totalBy].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `    ${ms.toFixed(1).padStart(7)}  ${k}`),
  ];
}

/** Ingests the corpus into the profile `dir` through the page at `url`, unless done already (and not --fresh). */
async function ingest(dir: string, url: string, args: string[], size: number, label = ''): Promise<void> {
  const marker = path.join(dir, '.ingested');
  if (!args.includes('--fresh') && existsSync(marker)) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const context = await launch(dir);
  const page = await openBenchPage(context, url);
  const r = await call(page, 'ingest', ['crosscheck', size, Number(arg(args, 'batch') ?? 500)], 30 * 60_000);
  console.log(`${label}ingested ${r.articles} articles in ${(r.ms / 1000).toFixed(1)} s`);
  await context.close();
  writeFileSync(marker, String(Date.now()));
}

async function main(args: string[]): Promise<void> {
  const size = Number(arg(args, 'size') ?? 100_000);
  const runs = Number(arg(args, 'runs') ?? 3);
  const dir = arg(args, 'dir') ?? path.join(tmpdir(), `crosscheck-cold-${size}`);
  const profileFirst = args.includes('--profile');
  // A fixed port: IndexedDB belongs to the origin, port included.
  const { server, url } = await serve(await bundle(), Number(arg(args, 'port') ?? 47_311));
  try {
    await ingest(dir, url, args, size);
    if (args.includes('--upgrade')) {
      const context = await launch(dir);
      const page = await openBenchPage(context, url);
      const probe = (await page.evaluate((n) => (globalThis as unknown as { corpusBench: { probeUpgrade(n: number): Promise<Record<string, number>> } }).corpusBench.probeUpgrade(n), size)) as Record<string, number>;
      console.log(`first start after an upgrade: ${Object.entries(probe).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
      await context.close();
      return;
    }
    if (args.includes('--load')) {
      // Where the index load goes, in a browser of its own.
      const context = await launch(dir);
      const page = await openBenchPage(context, url);
      const probe = (await page.evaluate(() => (globalThis as unknown as { corpusBench: { probeLoad(): Promise<Record<string, number>> } }).corpusBench.probeLoad())) as Record<string, number>;
      console.log(`index load: ${Object.entries(probe).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
      await context.close();
    }
    if (args.includes('--open')) {
      // Opening the database alone, IndexedDB's own open against Dexie's, each in a new browser.
      for (let i = 0; i < 2 * runs; i++) {
        const how = i % 2 ? 'dexie' : 'raw';
        const context = await launch(dir);
        const page = await openBenchPage(context, url);
        // The browser's own trace of the open: where IndexedDB spends it (LevelDB, LevelDBScopes...).
        const cdp = await context.newCDPSession(page);
        const events: TraceEvent[] = [];
        cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
        const collected = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.start', { categories: 'IndexedDB', transferMode: 'ReportEvents' });
        const probe = (await page.evaluate((h) => (globalThis as unknown as { corpusBench: { probeOpen(h: string): Promise<Record<string, number>> } }).corpusBench.probeOpen(h), how)) as Record<string, number>;
        await cdp.send('Tracing.end');
        await collected;
        const inside = events
          .filter((e) => e.ph === 'X' && e.cat === 'IndexedDB' && (e.dur ?? 0) >= 1000)
          .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
        console.log(`open (${how}): ${Object.entries(probe).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; in the browser: ${inside.join(', ') || 'nothing over 1 ms'}`);
        await context.close();
      }
    }
    const claims = generateClaims(size, 40, undefined, 1);
    const against = arg(args, 'against');
    if (against) {
      server.close();
      const scripts = { [against]: await bundle(against), 'working tree': await bundle() };
      const againstDir = arg(args, 'against-dir');
      if (againstDir) {
        const served = await serve(scripts[against], Number(arg(args, 'port') ?? 47_311));
        await ingest(againstDir, served.url, args, size, `${against}: `);
        await new Promise((resolve) => served.server.close(resolve));
      }
      const totals: Record<string, number[]> = { [against]: [], 'working tree': [] };
      const cpus: Record<string, number[]> = { [against]: [], 'working tree': [] };
      for (let run = 0; run < 2 * runs; run++) {
        // Each pair in turn starts with the other code, so neither always follows the other.
        const which = Object.keys(scripts)[(run + Math.floor(run / 2)) % 2];
        const served = await serve(scripts[which], Number(arg(args, 'port') ?? 47_311));
        const context = await launch(which === against && againstDir ? againstDir : dir);
        const page = await openBenchPage(context, served.url);
        const profileDir = which === against && againstDir ? againstDir : dir;
        const before = rendererCpuMs(profileDir);
        const r = await call(page, 'cold', ['crosscheck', claims, args.includes('--together')], 5 * 60_000);
        const cpu = rendererCpuMs(profileDir) - before;
        totals[which].push(r.totalMs);
        cpus[which].push(cpu);
        console.log(
          `${which}: ${r.totalMs.toFixed(0)} ms (index load ${r.loadMs.toFixed(0)}, answers ${r.answersMs.toFixed(0)}, of which article reads ${r.fetchMs.toFixed(0)}); page's main thread CPU ${cpu.toFixed(0)} ms`,
        );
        await context.close();
        await new Promise((resolve) => served.server.close(resolve));
      }
      for (const [which, xs] of Object.entries(totals)) {
        console.log(`${which}: median ${median(xs).toFixed(0)} ms over ${xs.length} runs (${xs.map((x) => x.toFixed(0)).join(', ')}); page's main thread CPU median ${median(cpus[which]).toFixed(0)} ms (${cpus[which].map((x) => x.toFixed(0)).join(', ')})`);
      }
      return;
    }
    for (let run = 0; run < runs; run++) {
      const context = await launch(dir);
      const page = await openBenchPage(context, url);
      const before = rendererCpuMs(dir);
      const cdp = profileFirst && run === 0 ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const together = args.includes('--together');
      const r = await call(page, 'cold', ['crosscheck', claims, together], 5 * 60_000);
      const cpu = rendererCpuMs(dir) - before;
      const line = `run ${run + 1}: 40 claims ${together ? 'together' : 'one by one'} ${r.totalMs.toFixed(0)} ms (index load ${r.loadMs.toFixed(0)}, answers ${r.answersMs.toFixed(0)}, of which article reads ${r.fetchMs.toFixed(0)}: ${r.fetches.join(', ')}); hits ${r.hits}; page's main thread CPU ${cpu.toFixed(0)} ms`;
      console.log(line);
      if (cdp) {
        const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
        for (const l of summarise(profile, 25)) console.log(l);
      }
      await context.close();
    }
  } finally {
    if (server.listening) server.close();
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
