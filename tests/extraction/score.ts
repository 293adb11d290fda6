/**
 * Word-level scoring of extracted article text against the expected text of a test page.
 * Bag of words with counts: both texts are lower-cased and split into words (letters and digits,
 * keeping inner apostrophes, points and commas as in "don't", "3.5", "1,200"); a word counts as
 * matched as many times as it occurs in both. Precision = matched / words extracted,
 * recall = matched / words expected. Word order and paragraph breaks are not scored.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  /** Words extracted that the expected text does not have (as many times as they are extra). */
  extra: number;
  /** Expected words the extraction missed. */
  missed: number;
}

/** The words of a text, lower-cased, with curly quotes folded to straight ones. */
export function words(text: string): string[] {
  const folded = text.toLowerCase().replace(/[‘’ʼ]/g, "'");
  return folded.match(/[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu) ?? [];
}

function counts(ws: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

export function score(extracted: string, expected: string): Score {
  const got = words(extracted);
  const want = words(expected);
  const wantCounts = counts(want);
  let matched = 0;
  for (const [w, n] of counts(got)) matched += Math.min(n, wantCounts.get(w) ?? 0);
  const precision = got.length ? matched / got.length : 0;
  const recall = want.length ? matched / want.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, extra: got.length - matched, missed: want.length - matched };
}

/** The folder of test pages: `<name>.html` beside `<name>.expected.txt`. */
export const PAGES_DIR = path.join(import.meta.dirname, 'pages');

export interface TestPage {
  name: string;
  html: string;
  expected: string;
}

export function loadPages(dir = PAGES_DIR): TestPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.html$/, '');
      return {
        name,
        html: readFileSync(path.join(dir, f), 'utf8'),
        expected: readFileSync(path.join(dir, `${name}.expected.txt`), 'utf8'),
      };
    });
}
