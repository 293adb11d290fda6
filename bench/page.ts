/**
 * Page section of the benchmark: what the content script costs a reader's page, in real Chromium
 * with the built extension and its demo corpus, on a 10,000-word article (a demo page whose story
 * is repeated to that length, layout and all).
 *
 * Each load is traced (Chromium's own timeline plus a sampling profile of the page's main
 * thread), so every main-thread task is told apart by who did the work:
 *   - ours: JavaScript of the extension's content script (any sample whose stack runs through it,
 *     and the whole of its first evaluation, compiling included), and style or layout work the
 *     content script invalidated (the timeline records the script stack that scheduled it);
 *   - the page's: everything else (parsing, the page's own style and layout, its scripts).
 * A task is counted as ours when more than half of it is ours. Each task's thread time is shown
 * beside its length: on a busy machine the page's main thread waits for a core in the middle of
 * a task, and a task of 12 ms of work can last 50 or more.
 *
 * "Article ready" is the page's DOMContentLoaded: the whole article is in the DOM (the content
 * script itself runs at document_idle, which the browser picks at or after that point; the
 * table shows when it started). "In registry" is the end of the task of ours that put the first
 * claims in the highlight registry (a timer in the page sees them arrive; the trace shows which
 * task of ours before that ran our paintRanges); "painted" is the end of the first frame painted
 * after it. "Waits for the background" is the longest gap between two tasks of ours before then:
 * the article sent, its claims not back yet.
 *
 * Loads: COLD browser restarts, each measuring a first (cold) load and then a second load in a
 * new tab (warm), then COLD cold loads of the same page with Crosscheck off on the site (the
 * page's own long tasks, for comparison).
 *
 * Needs `wxt build` first (npm run bench builds nothing). Run: npm run bench -- page
 * BENCH_EXTENSION=<folder> measures another built extension (to compare two builds in the same minutes);
 * BENCH_PAGE_RUNS=<n> sets the number of browser restarts (default 3); BENCH_PAGE_TRACES=<folder> keeps the traces.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { generateArticle } from './spot';
import { DEFAULT_EXTENSION_PATH, PROJECT_ROOT, launchExtension, startPageServer } from '../e2e/harness';
import { turnOnSiteAt } from '../e2e/extension';
import { median } from './stats';

const WORDS = 10_000;
const COLD = Number(process.env.BENCH_PAGE_RUNS) || 3;
const LONG_TASK_MS = 50;

/**
 * The Sarrow Valley demo page (navigation, ads, comments and all) with generated news paragraphs
 * added to its story until the story has about `words` words.
 */
export function longPage(words: number): string {
  const html = readFileSync(path.join(PROJECT_ROOT, 'demo/pages/sarrow-valley.html'), 'utf8');
  const paragraphs = [...html.matchAll(/<p>(?:(?!<\/p>)[\s\S])*<\/p>/g)].map((m) => m[0]).filter((p) => p.split(/\s+/).length > 12);
  const story = paragraphs.reduce((n, p) => n + p.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length, 0);
  const extra = generateArticle(Math.max(0, words - story), 7)
    .split('\n\n')
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  // Added at the end of the story, before its closing note and related links.
  const end = '<p class="live-note">';
  if (!html.includes(end)) throw new Error('the demo page has changed: no end-of-story note to insert before');
  return html.replace(end, `${extra.join('\n')}\n${end}`);
}

// ---------------------------------------------------------------------------------------------
// Tracing one load

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time: how long the thread actually ran during the event (it may wait for a core). */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'blink.user_timing',
  'loading',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

/** Loads `url` in `page` with Chromium's tracing on; returns the trace and the page's own times. */
async function tracedLoad(context: BrowserContext, page: Page, url: string, waitForVerdicts: boolean) {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected' as never, (e: { value: TraceEvent[] }) => void events.push(...e.value));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: CATEGORIES } });
  if (waitForVerdicts) {
    // Looked at from the page's start, every 4 ms, on the page's clock: when claims first appear
    // in the highlight registry (painted as "checking") and when the verdicts do. (A timer of the
    // page's own: Playwright's polling starts late on a cold load.)
    await page.addInitScript(() => {
      const w = window as unknown as { __seen: { first: number | null; done: number | null } };
      w.__seen = { first: null, done: null };
      const timer = setInterval(() => {
        let any = 0;
        let done = 0;
        (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h, name) => {
          if (!String(name).startsWith('crosscheck-')) return;
          any += h.size;
          if (name !== 'crosscheck-pending' && name !== 'crosscheck-flash') done += h.size;
        });
        if (any > 0 && w.__seen.first === null) w.__seen.first = performance.now();
        if (done > 0) {
          w.__seen.done = performance.now();
          clearInterval(timer);
        }
      }, 4);
    });
  }
  await page.goto(url);
  let registered: number | null = null;
  let verdicts: number | null = null;
  if (waitForVerdicts) {
    const found = await page.waitForFunction(
      () => {
        const seen = (window as unknown as { __seen: { first: number | null; done: number | null } }).__seen;
        return seen.done !== null ? [seen.first ?? seen.done, seen.done] : null;
      },
      undefined,
      { polling: 50, timeout: 60_000 },
    );
    [registered, verdicts] = (await found.jsonValue()) as [number, number];
  }
  // Time for what follows (the frame that paints them, work after the verdicts) to be traced.
  await page.waitForTimeout(waitForVerdicts ? 600 : 2000);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete' as never, resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { events, registered, verdicts };
}

interface Task {
  start: number;
  ms: number;
  /** The main thread's own running time in the task (less than `ms` when it waited for a core). */
  cpuMs: number;
  oursMs: number;
  /** Sampled inside our paintRanges. */
  paints: boolean;
}

interface LoadResult {
  /** ms after DOMContentLoaded. */
  scriptAt: number | null;
  registeredAt: number | null;
  paintedAt: number | null;
  verdictsAt: number | null;
  longTasks: Task[];
  /** The longest task that is mostly ours, and the most of our work in any one task. */
  oursLongest: number;
  /** The most thread time of any task mostly ours: what our longest task would take with a core to itself. */
  oursLongestCpu: number;
  oursMostInOne: number;
  /** All our main-thread work, ms. */
  oursTotal: number;
  /**
   * The longest wait between two tasks of ours before the claims were in the registry: the
   * article sent to the background, its claims not back yet (the background's spotting and the
   * messages both ways).
   */
  waitMs: number | null;
}

/** Reads a traced load: the page's main thread, its tasks, and whose work each was. */
function analyse(events: TraceEvent[], pageUrl: string, registered: number | null, verdicts: number | null): LoadResult {
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').includes(pageUrl));
  if (!parse) throw new Error('no trace of the page being parsed');
  const { pid, tid } = parse;
  const main = events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts);
  const origin = main.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes(pageUrl))?.ts;
  const dcl = main.find((e) => e.name === 'MarkDOMContent')?.ts;
  if (origin === undefined || dcl === undefined) throw new Error('no navigation start or DOMContentLoaded in the trace');
  const isOurs = (url: unknown) => typeof url === 'string' && url.startsWith('chrome-extension://');
  const fromDcl = (ts: number) => (ts - dcl) / 1000;

  // The sampling profile of the main thread: when each sample was taken, and whether its stack
  // runs through our script.
  const nodes = new Map<number, { url: string; fn: string; parent?: number }>();
  const samples: { ts: number; ours: boolean | number; painting?: boolean }[] = [];
  let clock = 0;
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile') clock = e.args?.data?.startTime ?? clock;
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data ?? {};
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, { url: n.callFrame?.url ?? '', fn: n.callFrame?.functionName ?? '', parent: n.parent });
    const ids: number[] = data.cpuProfile?.samples ?? [];
    const deltas: number[] = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      clock += deltas[i] ?? 0;
      samples.push({ ts: clock, ours: ids[i] });
    }
  }
  const oursNode = new Map<number, boolean>();
  const nodeIsOurs = (id: number): boolean => {
    const known = oursNode.get(id);
    if (known !== undefined) return known;
    const n = nodes.get(id);
    const ours = !!n && (isOurs(n.url) || (n.parent !== undefined && nodeIsOurs(n.parent)));
    oursNode.set(id, ours);
    return ours;
  };
  // Compiling and first running our script counts as ours whatever the samples show (compiling
  // is native work the profile does not put under the script).
  const evaluations = main.filter((e) => e.name === 'EvaluateScript' && isOurs(e.args?.data?.url) && e.dur !== undefined);
  const evaluating = (ts: number) => evaluations.some((e) => ts >= e.ts && ts <= e.ts + e.dur!);
  // Samples inside our script's paintRanges (a method name the build keeps): claims being put
  // in the highlight registry.
  const painting = (id: number): boolean => {
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) if (n.fn === 'paintRanges' && isOurs(n.url)) return true;
    return false;
  };
  for (const s of samples) {
    const id = s.ours as number;
    s.ours = nodeIsOurs(id) || evaluating(s.ts);
    s.painting = s.ours && painting(id);
  }
  samples.sort((a, b) => a.ts - b.ts);

  // Style and layout work our script invalidated: the timeline records the script stack that
  // scheduled a style recalculation or invalidated layout.
  let pendingStyleOurs = false;
  let pendingLayoutOurs = false;
  const renderingOurs = new Map<TraceEvent, boolean>();
  for (const e of main) {
    const stack: { url?: string }[] = e.args?.data?.stackTrace ?? e.args?.beginData?.stackTrace ?? [];
    const byUs = stack.some((f) => isOurs(f.url));
    if (e.name === 'ScheduleStyleRecalculation') pendingStyleOurs ||= byUs;
    else if (e.name === 'InvalidateLayout') pendingLayoutOurs ||= byUs;
    else if (e.name === 'UpdateLayoutTree') {
      renderingOurs.set(e, pendingStyleOurs);
      pendingStyleOurs = false;
    } else if (e.name === 'Layout') {
      renderingOurs.set(e, pendingLayoutOurs);
      pendingLayoutOurs = false;
    }
  }

  const end = verdicts === null ? Infinity : origin + verdicts * 1000 + 500_000;
  const tasks: Task[] = [];
  const top = main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined && e.ts >= origin && e.ts <= end);
  let si = 0;
  for (const t of top) {
    const stop = t.ts + t.dur!;
    let oursUs = 0;
    let paints = false;
    while (si < samples.length && samples[si].ts < t.ts) si++;
    for (let k = si; k < samples.length && samples[k].ts <= stop; k++) {
      if (!samples[k].ours) continue;
      paints ||= !!samples[k].painting;
      const next = samples[k + 1]?.ts ?? samples[k].ts;
      oursUs += Math.min(next, stop) - samples[k].ts;
    }
    for (const [e, ours] of renderingOurs) if (ours && e.ts >= t.ts && e.ts < stop) oursUs += e.dur ?? 0;
    tasks.push({ start: fromDcl(t.ts), ms: t.dur! / 1000, cpuMs: (t.tdur ?? t.dur!) / 1000, oursMs: Math.min(oursUs, t.dur!) / 1000, paints });
  }
  const script = main.find((e) => e.name === 'EvaluateScript' && isOurs(e.args?.data?.url));
  // The claims were put in the registry by the last task of ours sampled in paintRanges that
  // ended before the page saw them there (its timer can run late on a loading page), else by the
  // last task of ours before that; the frame painted after that task shows them.
  const seenTs = registered === null ? null : origin + registered * 1000;
  const before = seenTs === null ? [] : top.filter((t, i) => t.ts + t.dur! <= seenTs && tasks[i].oursMs > 0);
  const byUs = before.filter((t) => tasks[top.indexOf(t)].paints).pop() ?? before.pop();
  const registeredTs = byUs ? byUs.ts + byUs.dur! : seenTs;
  const paint = registeredTs === null ? undefined : main.find((e) => e.name === 'Paint' && e.ts >= registeredTs);
  const mostlyOurs = tasks.filter((t) => t.oursMs > t.ms / 2);
  let waitMs: number | null = null;
  if (byUs) {
    const before = tasks.filter((t, i) => t.oursMs > 0 && top[i].ts <= byUs.ts);
    for (let i = 1; i < before.length; i++) waitMs = Math.max(waitMs ?? 0, before[i].start - (before[i - 1].start + before[i - 1].ms));
  }
  return {
    scriptAt: script ? fromDcl(script.ts) : null,
    registeredAt: registeredTs === null ? null : fromDcl(registeredTs),
    paintedAt: paint ? fromDcl(paint.ts + (paint.dur ?? 0)) : null,
    verdictsAt: verdicts === null ? null : fromDcl(origin + verdicts * 1000),
    longTasks: tasks.filter((t) => t.ms > LONG_TASK_MS),
    oursLongest: Math.max(0, ...mostlyOurs.map((t) => t.ms)),
    oursLongestCpu: Math.max(0, ...mostlyOurs.map((t) => t.cpuMs)),
    oursMostInOne: Math.max(0, ...tasks.map((t) => t.oursMs)),
    oursTotal: tasks.reduce((n, t) => n + t.oursMs, 0),
    waitMs,
  };
}

// ---------------------------------------------------------------------------------------------

/** With BENCH_PAGE_TRACES=<folder>, each load's trace is kept there (open it in DevTools' Performance panel). */
function keepTrace(name: string, events: TraceEvent[]) {
  const dir = process.env.BENCH_PAGE_TRACES;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ traceEvents: events }));
}

/** The median of the values measured (null: not seen in the trace); null when there are none. */
const knownMedian = (xs: (number | null)[]) => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? median(known) : null;
};
const ms = (x: number | null) => (x === null ? '-' : x.toFixed(0));

export async function benchPage(): Promise<void> {
  const extensionPath = process.env.BENCH_EXTENSION ? path.resolve(process.env.BENCH_EXTENSION) : DEFAULT_EXTENSION_PATH;
  const script = path.join(extensionPath, 'content-scripts/claims.js');
  if (!existsSync(script)) throw new Error('No built extension: run `npx wxt build` first.');
  const raw = readFileSync(script);
  console.log(`extension: ${path.relative(process.cwd(), extensionPath) || '.'}`);
  console.log(`content script: ${(raw.length / 1024).toFixed(1)} KiB, ${(gzipSync(raw).length / 1024).toFixed(1)} KiB gzipped`);

  const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-page-bench-'));
  writeFileSync(path.join(dir, 'long.html'), longPage(WORDS));
  writeFileSync(path.join(dir, 'blank.html'), '<!DOCTYPE html><title>Switch on</title><p>Nothing to read here.</p>');
  const server = await startPageServer(dir);
  const url = server.url('long.html');
  const rows: { kind: string; r: LoadResult }[] = [];
  try {
    // Crosscheck reads no site until the reader switches it on. Switched on in one browser
    // session, then measured after restarts on the same profile, so each first load is cold.
    const profile = path.join(dir, 'profile');
    const first = await launchExtension({ userDataDir: profile, extensionPath });
    await turnOnSiteAt(first, server.url('blank.html'));
    await first.close();
    for (let run = 0; run < COLD; run++) {
      const ext = await launchExtension({ userDataDir: profile, extensionPath });
      try {
        for (const kind of ['cold', 'warm']) {
          const page = await ext.context.newPage();
          const t = await tracedLoad(ext.context, page, url, true);
          keepTrace(`${kind}-${run + 1}`, t.events);
          rows.push({ kind, r: analyse(t.events, '/long.html', t.registered, t.verdicts) });
          await page.close();
        }
      } finally {
        await ext.close();
      }
    }
    // The same cold first load with Crosscheck off on the site: the page's own long tasks.
    const offProfile = path.join(dir, 'profile-off');
    await (await launchExtension({ userDataDir: offProfile, extensionPath })).close();
    for (let run = 0; run < COLD; run++) {
      const off = await launchExtension({ userDataDir: offProfile, extensionPath });
      try {
        const page = await off.context.newPage();
        const t = await tracedLoad(off.context, page, url, false);
        keepTrace(`off-${run + 1}`, t.events);
        rows.push({ kind: 'off', r: analyse(t.events, '/long.html', null, null) });
      } finally {
        await off.close();
      }
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\n${WORDS.toLocaleString()}-word article; times in ms after DOMContentLoaded (the article ready)`);
  console.log('load | script starts | waits for the background | in registry | painted | verdicts | our longest task | its thread time | most of ours in one task | ours in all | long tasks >50 ms (ms, ours ms, at)');
  for (const { kind, r } of rows) {
    console.log(
      `${kind.padEnd(4)} | ${ms(r.scriptAt).padStart(13)} | ${ms(r.waitMs).padStart(24)} | ${ms(r.registeredAt).padStart(11)} | ${ms(r.paintedAt).padStart(7)} | ${ms(r.verdictsAt).padStart(8)} | ` +
        `${ms(r.oursLongest).padStart(16)} | ${ms(r.oursLongestCpu).padStart(15)} | ${ms(r.oursMostInOne).padStart(24)} | ${ms(r.oursTotal).padStart(11)} | ` +
        (r.longTasks.map((t) => `${t.ms.toFixed(0)} (${t.oursMs.toFixed(0)}) at ${t.start.toFixed(0)}`).join(', ') || 'none'),
    );
  }
  for (const kind of ['cold', 'warm']) {
    const some = rows.filter((x) => x.kind === kind).map((x) => x.r);
    console.log(
      `${kind} median: highlights painted ${ms(knownMedian(some.map((r) => r.paintedAt)))} ms (target ≤ 300; registry ${ms(knownMedian(some.map((r) => r.registeredAt)))}), ` +
        `verdicts ${ms(knownMedian(some.map((r) => r.verdictsAt)))} ms, our longest task ${ms(knownMedian(some.map((r) => r.oursLongest)))} ms ` +
        `(worst ${ms(Math.max(...some.map((r) => r.oursLongest)))}; target ≤ ${LONG_TASK_MS}), long tasks mostly ours in ${some.filter((r) => r.oursLongest > LONG_TASK_MS).length} of ${some.length} loads; ` +
        `the most thread time in a task of ours ${ms(Math.max(...some.map((r) => r.oursLongestCpu)))} ms`,
    );
  }
  console.log('(a task is ours when more than half of it is our script\'s JavaScript or style/layout work it invalidated; "off" = the site switched off, the page\'s own tasks;');
  console.log(' "thread time" = how long the page\'s main thread ran in the task: far below its length when the machine is busy and the thread waits for a core)');
}
