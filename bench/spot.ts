import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { splitSentences } from '../utils/text/sentences';
import { spotClaims } from '../utils/spot';
import { openingClaims, restClaims, selectClaims } from '../utils/pipeline';
import { median } from './stats';

/**
 * Spot section of the benchmark: sentences per second for sentence splitting and for claim
 * spotting in Node, on generated news text (no data files needed). Intl.Segmenter, the splitter
 * built into the JavaScript engine, runs on the same text for a ratio that does not depend on
 * the machine's speed.
 */

const SUBJECTS = ['The army', 'Police', 'The health ministry', 'Officials in Kyiv', 'The central bank', 'Gen. Mark Holt', 'The U.N. refugee agency', 'Mr. Patel', 'Rescuers', 'The company'];
const VERBS = ['said', 'confirmed', 'reported', 'denied', 'announced'];
const FACTS = [
  'it had taken control of four of seven districts in the eastern city',
  'at least 1,200 homes were damaged by the floods on Jan. 5',
  'about 3.5 million people had fled since March',
  'the deal was worth $4.2bn and would close in the U.S. next year',
  'unemployment fell to 4.1% in the second quarter',
  '12 people were killed and 40 injured in the strike on the market',
  'the bridge reopened on Thursday after repairs costing 2.3 million euros',
  'No. 5 reactor had been shut down for checks',
];
const OTHER = [
  'What happens next is anyone’s guess.',
  'I think this is a disgrace, and we deserve better.',
  '“We will rebuild. We always do,” said one resident.',
  'Subscribe to our newsletter for the latest updates.',
  'Photo: Reuters',
  'It was a long night … and nobody slept.',
];

/** A deterministic article of about `words` words, in paragraphs. */
export function generateArticle(words: number, seed = 1): string {
  let s = seed;
  const rand = (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let k = 0; k < 3 + rand(3); k++) {
      const sentence = rand(4) === 0 ? OTHER[rand(OTHER.length)] : `${SUBJECTS[rand(SUBJECTS.length)]} ${VERBS[rand(VERBS.length)]} ${FACTS[rand(FACTS.length)]}.`;
      sentences.push(sentence);
      count += sentence.split(' ').length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

/**
 * Runs `f` for at least `minMs` and reports items per second and time per run, by the wall clock
 * and by the process's CPU time (the latter moves less when other work shares the machine).
 */
function timeIt(f: () => number, minMs = 400): { perSecond: number; msPerRun: number; cpuMsPerRun: number } {
  f(); // warm up
  let runs = 0;
  let items = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    items += f();
    runs++;
    elapsed = performance.now() - t0;
  }
  const cpu = process.cpuUsage(c0);
  return { perSecond: (items / elapsed) * 1000, msPerRun: elapsed / runs, cpuMsPerRun: (cpu.user + cpu.system) / 1000 / runs };
}

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * A real news text of about `words` words: the demo corpus articles (demo/corpus.jsonl), whole
 * paragraphs, in file order, until the count is reached; generated text when the file is absent.
 */
export function demoArticle(words = 10_000): string {
  const file = resolve(HERE, '../demo/corpus.jsonl');
  if (!existsSync(file)) return generateArticle(words, 3);
  const paragraphs: string[] = [];
  let count = 0;
  const texts = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  for (let round = 0; count < words; round++) {
    for (const text of texts) {
      for (const p of text.split(/\n\s*\n/)) {
        if (count >= words) break;
        paragraphs.push(p);
        count += p.split(/\s+/).filter(Boolean).length;
      }
    }
    if (round > 10) break;
  }
  return paragraphs.join('\n\n');
}

/**
 * In a fresh process, as the background answers a page: the opening's claims first (model loading
 * included; what the page waits for before its first paint), then the rest's, then the whole
 * selectClaims again and its warm cost.
 */
function coldChild(): void {
  const text = demoArticle();
  const steps = { spot: spotClaims };
  const t0 = performance.now();
  const opening = openingClaims(text, steps);
  const openingMs = performance.now() - t0;
  const t1 = performance.now();
  const rest = restClaims(text, steps, {}, opening);
  const restMs = performance.now() - t1;
  const t2 = performance.now();
  selectClaims(text, steps);
  const secondMs = performance.now() - t2;
  for (let i = 0; i < 20; i++) selectClaims(text, steps);
  const runs = 20;
  const t3 = performance.now();
  for (let i = 0; i < runs; i++) selectClaims(text, steps);
  const warmMs = (performance.now() - t3) / runs;
  console.log(JSON.stringify({ openingMs, restMs, secondMs, warmMs, opening: opening.length, claims: opening.length + rest.length, words: text.split(/\s+/).length }));
}


/** Claims of a 10,000-word demo article: the first calls in fresh Node processes (opening, then rest), then warm. */
export function benchColdSelect(samples = Number(process.env.SPOT_COLD_SAMPLES) || 7): void {
  const rows: Array<{ openingMs: number; restMs: number; secondMs: number; warmMs: number; opening: number; claims: number; words: number }> = [];
  for (let i = 0; i < samples; i++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--cold-child'], { encoding: 'utf8', cwd: resolve(HERE, '..') });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) throw new Error(`cold selectClaims sample failed: ${child.stderr}`);
    rows.push(JSON.parse(line));
  }
  const f = (xs: number[]) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
  console.log(`  claims of a ${rows[0].words}-word demo article (${rows[0].opening} in its opening, ${rows[0].claims} in all), ${samples} fresh processes:`);
  console.log(`    opening, first call        ${f(rows.map((r) => r.openingMs))}`);
  console.log(`    rest, next                 ${f(rows.map((r) => r.restMs))}`);
  console.log(`    selectClaims, second call  ${f(rows.map((r) => r.secondMs))}`);
  console.log(`    selectClaims, warm         ${f(rows.map((r) => r.warmMs))}`);
}

export async function benchSpot(): Promise<void> {
  benchColdSelect();
  const article = generateArticle(1000);
  const long = generateArticle(10_000, 2);
  const sentences = splitSentences(long).length;
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const split = timeIt(() => splitSentences(long).length);
  const intl = timeIt(() => Array.from(segmenter.segment(long)).length);
  const spot = timeIt(() => {
    spotClaims(long);
    return sentences;
  });
  const spot1k = timeIt(() => {
    spotClaims(article);
    return 1;
  });
  const f = (x: number) => Math.round(x).toLocaleString('en');
  console.log('spot (Node):');
  console.log(`  splitSentences  ${f(split.perSecond)} sentences/s (10,000-word article: ${split.msPerRun.toFixed(2)} ms, ${sentences} sentences)`);
  console.log(`  Intl.Segmenter  ${f(intl.perSecond)} sentences/s on the same text; splitSentences is ${(split.perSecond / intl.perSecond).toFixed(1)}x its speed`);
  console.log(`  spotClaims      ${f(spot.perSecond)} sentences/s (10,000-word article: ${spot.msPerRun.toFixed(1)} ms; 1,000-word article: ${spot1k.msPerRun.toFixed(2)} ms wall, ${spot1k.cpuMsPerRun.toFixed(2)} ms CPU)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--cold-child')) coldChild();
  else void benchSpot();
}
