/**
 * Builds datasets/news-checkworthy.jsonl from datasets/news-checkworthy.src.txt, our own labelled
 * news sentences: `npx tsx scripts/spot/build-news-set.ts`. Each output line is
 * {"id","article","text","label"}.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'datasets/news-checkworthy.src.txt');
const OUT = join(ROOT, 'datasets/news-checkworthy.jsonl');

export interface NewsSentence {
  id: string;
  article: string;
  text: string;
  label: 0 | 1;
}

export function parseSource(src: string): NewsSentence[] {
  const out: NewsSentence[] = [];
  let article = '';
  let n = 0;
  src.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('# ')) return;
    if (line.startsWith('## ')) {
      article = line.slice(3).trim();
      n = 0;
      return;
    }
    const m = line.match(/^([01]) (.+)$/);
    if (!m || !article) throw new Error(`${SRC}:${i + 1}: expected "0 sentence" or "1 sentence" inside an article`);
    n++;
    out.push({ id: `${article}-${String(n).padStart(2, '0')}`, article, text: m[2].trim(), label: m[1] === '1' ? 1 : 0 });
  });
  return out;
}

const items = parseSource(readFileSync(SRC, 'utf8'));
writeFileSync(OUT, items.map((x) => JSON.stringify(x)).join('\n') + '\n');
const articles = new Set(items.map((x) => x.article)).size;
console.log(`Wrote ${OUT}: ${items.length} sentences (${items.filter((x) => x.label === 1).length} check-worthy) from ${articles} articles.`);
