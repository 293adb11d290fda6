// Checks the demo data: JSON Lines parse, article lengths, page hygiene (no external resources,
// required meta tags) and that every expected claim / not-claim is a verbatim sentence of the
// page's article text, both in the raw <article> and in what Mozilla Readability extracts.
// Usage: node demo/check.mjs   (exit code 1 on any problem)
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const here = dirname(fileURLToPath(import.meta.url));
let problems = 0;
const fail = (msg) => { problems++; console.log('FAIL ' + msg); };
const norm = (s) => s.replace(/\s+/g, ' ').trim();

function readJsonl(rel, { expectBroken = [] } = {}) {
  const lines = readFileSync(join(here, rel), 'utf8').split('\n').filter((l) => l.trim());
  const arts = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    let a;
    try { a = JSON.parse(line); } catch (e) {
      if (!expectBroken.includes(n)) fail(`${rel}:${n} does not parse: ${e.message}`);
      return;
    }
    const ok = typeof a.url === 'string' && (typeof a.text === 'string' || typeof a.html === 'string');
    if (!ok && !expectBroken.includes(n)) fail(`${rel}:${n} lacks url or text/html`);
    if (ok && expectBroken.includes(n)) fail(`${rel}:${n} was meant to be broken but is valid`);
    if (ok) arts.push(a);
  });
  return arts;
}

const corpus = readJsonl('corpus.jsonl');
const imported = readJsonl('import/library-fire.jsonl');
readJsonl('import/with-errors.jsonl', { expectBroken: [2, 5] });
for (const [name, arts] of [['corpus', corpus], ['library-fire', imported]]) {
  for (const a of arts) {
    for (const k of ['url', 'outlet', 'title', 'published', 'text']) if (!a[k]) fail(`${name}: ${a.url} lacks ${k}`);
    if (!/^https:\/\/www\.[a-z-]+\.example\//.test(a.url)) fail(`${name}: odd url ${a.url}`);
    if (Number.isNaN(Date.parse(a.published))) fail(`${name}: bad date ${a.published}`);
    const words = a.text.split(/\s+/).length;
    if (words < 250 || words > 700) fail(`${name}: ${a.url} has ${words} words`);
  }
  const urls = new Set(arts.map((a) => a.url));
  if (urls.size !== arts.length) fail(`${name}: duplicate urls`);
}
console.log(`corpus: ${corpus.length} articles from ${new Set(corpus.map((a) => a.outlet)).size} outlets; library-fire import: ${imported.length}`);

const pages = readdirSync(join(here, 'pages')).filter((f) => f.endsWith('.html') && f !== 'index.html');
for (const file of pages) {
  const slug = file.replace(/\.html$/, '');
  const html = readFileSync(join(here, 'pages', file), 'utf8');
  // No external resources: every http(s) URL must sit in <a href>, the canonical link or a meta content.
  const stripped = html
    .replace(/<a\b[^>]*\bhref="https?:[^"]*"/g, '<a')
    .replace(/<link rel="canonical" href="https?:[^"]*">/g, '')
    .replace(/<meta [^>]*content="https?:[^"]*">/g, '');
  if (/https?:/i.test(stripped)) fail(`${file}: http(s) reference outside links/canonical/meta: ${stripped.match(/.{40}https?:.{40}/i)?.[0]}`);
  if (/<script|<img|<iframe|<video|@import|url\((?!#)/i.test(html)) fail(`${file}: script, img, iframe, video, @import or url() found`);
  const { document } = parseHTML(html);
  const siteName = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const published = document.querySelector('meta[property="article:published_time"]')?.getAttribute('content');
  if (!siteName || !canonical || !published) fail(`${file}: missing og:site_name, canonical or article:published_time`);
  const articleText = norm(document.querySelector('article')?.textContent ?? '');
  const paragraphs = document.querySelectorAll('article p').length;
  const readable = new Readability(parseHTML(html).document).parse();
  const readableText = norm(readable?.textContent ?? '');
  let expected;
  try { expected = JSON.parse(readFileSync(join(here, 'expected', slug + '.json'), 'utf8')); } catch (e) { fail(`expected/${slug}.json: ${e.message}`); continue; }
  if (expected.outlet !== siteName) fail(`${slug}: expected outlet ${expected.outlet} but og:site_name is ${siteName}`);
  const pool = expected.requiresImport ? [...corpus, ...imported] : corpus;
  const outlets = new Set(pool.map((a) => a.outlet));
  if (!expected.requiresImport && !outlets.has(siteName)) fail(`${slug}: page outlet ${siteName} has no article in the corpus`);
  const verdicts = new Set();
  for (const c of expected.claims) {
    verdicts.add(c.verdict);
    if (!articleText.includes(c.text)) fail(`${slug}: claim not in <article>: ${c.text}`);
    if (!readableText.includes(c.text)) fail(`${slug}: claim not in Readability text: ${c.text}`);
    const st = Object.values(c.stances);
    const conf = st.includes('confirm'), disp = st.includes('dispute');
    const want = conf && disp ? 'conflicting' : conf ? 'confirmed' : disp ? 'disputed' : 'unverified';
    if (want !== c.verdict) fail(`${slug}: verdict ${c.verdict} does not follow from stances (${want}): ${c.text}`);
    for (const o of Object.keys(c.stances)) {
      if (!outlets.has(o)) fail(`${slug}: unknown outlet ${o}`);
      if (o === siteName) fail(`${slug}: page's own outlet listed in stances`);
      if (expected.syndicated?.[o]) fail(`${slug}: syndicated copy ${o} listed in stances`);
    }
  }
  for (const n of expected.notClaims) if (!articleText.includes(n)) fail(`${slug}: not-claim not in <article>: ${n}`);
  console.log(`${slug}: ${siteName}, ${paragraphs} <p> in <article>, ${expected.claims.length} claims (${[...verdicts].join(', ')}), ${expected.notClaims.length} not-claims, Readability title "${readable?.title}"`);
}
if (problems) { console.log(`${problems} problem(s)`); process.exit(1); }
console.log('all good');
