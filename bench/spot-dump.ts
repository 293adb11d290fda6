/**
 * Dumps everything claim spotting produces, so two versions of the code can be compared byte for
 * byte after a change meant to keep the output the same (e.g. a speed-up):
 *
 *   npx tsx bench/spot-dump.ts <checkout> <out.json>     (once per checkout, then `cmp` the files)
 *
 * Texts: the demo pages (tags stripped two ways), the demo corpus articles (alone, with titles,
 * and all joined), the news check-worthiness set (each sentence, and all joined), the sentence
 * splitter's cases, and 3,000 seeded fuzz texts. For each: the sentence spans, spotClaims at
 * sensitivity 0, 0.5 and 1, selectClaims with the default cap; for each single sentence: its
 * score, structure and fragment test. Scores are written as JSON numbers, which keep every bit.
 */

import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const [root, out] = process.argv.slice(2);
const spot = await import(pathToFileURL(path.join(root, 'utils/spot/index.ts')).href);
const sent = await import(pathToFileURL(path.join(root, 'utils/text/sentences.ts')).href);
const pipe = await import(pathToFileURL(path.join(root, 'utils/pipeline.ts')).href);
const texts: string[] = [];
for (const f of readdirSync(path.join(root, 'demo/pages')).sort()) {
  const html = readFileSync(path.join(root, 'demo/pages', f), 'utf8');
  const body = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '');
  texts.push(body.replace(/<\/(p|h\d|li|div|figcaption)>/g, '\n\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'));
  texts.push(body.replace(/<[^>]+>/g, ' '));
}
const corpus = readFileSync(path.join(root, 'demo/corpus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const a of corpus) { texts.push(a.text); texts.push(`${a.title}\n\n${a.text}`); }
texts.push(corpus.map((a: any) => a.text).join('\n\n'));
const ds = readFileSync(path.join(root, 'datasets/news-checkworthy.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const dsTexts = ds.map((d: any) => d.text as string);
texts.push(dsTexts.join(' '));
texts.push(dsTexts.join('\n'));
const cases = JSON.parse(readFileSync(path.join(root, 'utils/text/sentence-cases.json'), 'utf8'));
const caseTexts: string[] = [];
const walk = (x: any) => { if (typeof x === 'string') caseTexts.push(x); else if (Array.isArray(x)) x.forEach(walk); else if (x && typeof x === 'object') Object.values(x).forEach(walk); };
walk(cases);
const fz = await import(pathToFileURL(path.join(root, 'tests/fuzz.ts')).href);
for (let seed = 1; seed <= 3000; seed++) { const rng = fz.random(seed); caseTexts.push(rng.chance(0.5) ? fz.prose(rng, 20) : fz.anyText(rng, 400)); }
const result: any = { articles: [], sentences: [], splits: [] };
const steps = { spot: spot.spotClaims };
for (const t of [...texts, ...caseTexts]) {
  result.splits.push(sent.splitSentences(t));
  for (const s of [0, 0.5, 1]) result.articles.push(spot.spotClaims(t, { sensitivity: s }));
  result.articles.push(pipe.selectClaims(t, steps, {}));
}
for (const t of [...dsTexts, ...caseTexts]) {
  result.sentences.push([spot.scoreSentence(t), spot.claimStructure(t), spot.isFragment(t), spot.spotClaims(t, { sensitivity: 1 })]);
}
writeFileSync(out, JSON.stringify(result));
console.log('texts', texts.length, 'cases', caseTexts.length, 'sentences', dsTexts.length, 'claims', result.articles.reduce((n: number, a: any[]) => n + a.length, 0));
