/**
 * Page section of the benchmark: what the content script costs a reader's page, in real Chromium
 * with the built extension and its demo corpus, on a 10,000-word article (a demo page whose story
 * is repeated to that length, layout and all):
 *   - main-thread long tasks (over 50 ms) from page load until the highlights are painted;
 *   - time from the article being ready (DOMContentLoaded) to the first highlights painted;
 *   - the content script's size, raw and gzipped.
 * Needs `wxt build` first (npm run bench builds nothing). Run: npm run bench -- page
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateArticle } from './spot';
import { DEFAULT_EXTENSION_PATH, PROJECT_ROOT, launchExtension, startPageServer } from '../e2e/harness';
import { turnOnSiteAt } from '../e2e/extension';

const WORDS = 10_000;
const RUNS = 3;

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchPage(): Promise<void> {
  const script = path.join(DEFAULT_EXTENSION_PATH, 'content-scripts/claims.js');
  if (!existsSync(script)) throw new Error('No built extension: run `npx wxt build` first.');
  const raw = readFileSync(script);
  console.log(`content script: ${(raw.length / 1024).toFixed(1)} KiB, ${(gzipSync(raw).length / 1024).toFixed(1)} KiB gzipped`);

  const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-page-bench-'));
  writeFileSync(path.join(dir, 'long.html'), longPage(WORDS));
  writeFileSync(path.join(dir, 'blank.html'), '<!DOCTYPE html><title>Switch on</title><p>Nothing to read here.</p>');
  const server = await startPageServer(dir);
  // Crosscheck reads no site until the reader switches it on. Switched on in one browser session,
  // then measured after a restart on the same profile, so the first load is a cold one.
  const profile = path.join(dir, 'profile');
  const first = await launchExtension({ userDataDir: profile });
  await turnOnSiteAt(first, server.url('blank.html'));
  await first.close();
  const ext = await launchExtension({ userDataDir: profile });
  const rows: { paintMs: number; verdictMs: number; longTasks: number; longestMs: number; claims: number }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await ext.context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __bench: { ready: number; tasks: number[]; error?: string } };
        w.__bench = { ready: -1, tasks: [] };
        try {
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__bench.tasks.push(e.duration);
          }).observe({ type: 'longtask', buffered: true });
        } catch (error) {
          w.__bench.error = String(error);
        }
        document.addEventListener('DOMContentLoaded', () => {
          w.__bench.ready = performance.now();
        });
      });
      await page.goto(server.url('long.html'));
      // Polled inside the page, so the times are the page's own clock: when the first highlights
      // appear (claims painted as "checking") and when the verdicts are painted.
      const painted = await page.waitForFunction(
        () => {
          const w = window as unknown as { __first?: number };
          let any = 0;
          let verdicts = 0;
          (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h, name) => {
            if (!String(name).startsWith('crosscheck-')) return;
            any += h.size;
            if (name !== 'crosscheck-pending' && name !== 'crosscheck-flash') verdicts += h.size;
          });
          if (any > 0 && w.__first === undefined) w.__first = performance.now();
          return verdicts > 0 ? [w.__first ?? performance.now(), performance.now()] : null;
        },
        undefined,
        { polling: 5, timeout: 60_000 },
      );
      const [firstAt, verdictsAt] = (await painted.jsonValue()) as [number, number];
      const result = await page.evaluate(
        ([first, done]) => {
          const b = (window as unknown as { __bench: { ready: number; tasks: number[] } }).__bench;
          let claims = 0;
          (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h) => (claims += h.size));
          return { paintMs: first - b.ready, verdictMs: done - b.ready, tasks: b.tasks, claims };
        },
        [firstAt, verdictsAt] as const,
      );
      rows.push({
        paintMs: result.paintMs,
        verdictMs: result.verdictMs,
        longTasks: result.tasks.filter((d) => d > 50).length,
        longestMs: Math.max(0, ...result.tasks),
        claims: result.claims,
      });
      await page.close();
    }
  } finally {
    await ext.close();
  }
  // The same first load with Crosscheck off on the site: the long tasks the page has on its own in
  // a cold browser (parsing and laying out 10,000 words), so the first run's can be told apart.
  let alone: number[] = [];
  try {
    const offProfile = path.join(dir, 'profile-off');
    await (await launchExtension({ userDataDir: offProfile })).close();
    const off = await launchExtension({ userDataDir: offProfile });
    try {
      const page = await off.context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __tasks: number[] };
        w.__tasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__tasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(server.url('long.html'));
      await page.waitForTimeout(2000);
      alone = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
    } finally {
      await off.close();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${WORDS.toLocaleString()}-word article, ${RUNS} loads (times from DOMContentLoaded)`);
  console.log('run | claims painted ms | verdicts painted ms | long tasks >50 ms | longest task ms | claims');
  rows.forEach((r, i) =>
    console.log(
      `${i + 1}   | ${r.paintMs.toFixed(0).padStart(17)} | ${r.verdictMs.toFixed(0).padStart(19)} | ${String(r.longTasks).padStart(17)} | ${r.longestMs.toFixed(0).padStart(15)} | ${r.claims}`,
    ),
  );
  console.log(
    `median: claims painted ${median(rows.map((r) => r.paintMs)).toFixed(0)} ms (target ≤ 300), verdicts painted ${median(rows.map((r) => r.verdictMs)).toFixed(0)} ms, ` +
      `longest main-thread task ${median(rows.map((r) => r.longestMs)).toFixed(0)} ms (target ≤ 50)`,
  );
  console.log(
    `the same first load with Crosscheck off on the site: long tasks ${alone.length ? alone.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'} ` +
      '(the page\'s own parsing and layout in a cold browser; they count in run 1 above too)',
  );
}
