/**
 * Seeded random inputs for the importers: whatever a file holds, parsing never throws, every
 * error names a line that exists in the input, and lines come in order.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvArticles } from './csv';
import { parseJsonLines, type ArticleRecord, type Chunks } from './jsonl';
import { seededRandom } from '../random';

const CASES = 500;

/** mulberry32: a small seeded generator, so a failure can be replayed from its case number. */
function random(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

/** Cuts bytes into random-sized chunks, so boundaries fall inside characters and lines. */
function chunk(rng: Random, data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < data.length; ) {
    const size = 1 + rng.int(rng.next() < 0.5 ? 8 : 200);
    out.push(data.slice(i, i + size));
    i += size;
  }
  return out;
}

function randomBytes(rng: Random): Uint8Array {
  const length = rng.int(600);
  const bytes = new Uint8Array(length);
  // Bias towards bytes that matter to the parsers: line breaks, quotes, commas, braces, UTF-8 lead bytes.
  const special = [0x0a, 0x0d, 0x22, 0x2c, 0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0xef, 0xbb, 0xbf, 0xc3, 0xe2, 0xf0, 0x80, 0xff];
  for (let i = 0; i < length; i++) bytes[i] = rng.next() < 0.3 ? rng.pick(special) : rng.int(256);
  return bytes;
}

const WORDS = ['https://a.example/x', 'http://b.example', 'ftp://c', '', ' ', 'Body.', '2024-03-05', 'not a date', 'é€😀', '"', ',', '\n', '\r\n', '<p>x</p>', '\uFEFF'];
const FIELDS = ['url', 'outlet', 'title', 'published', 'text', 'html', 'extra', 'URL', 'Text'];

function randomValue(rng: Random, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 5 : 7)) {
    case 0: return null;
    case 1: return rng.next() < 0.5;
    case 2: return rng.int(1e6) - 5e5;
    case 3:
    case 4: return rng.pick(WORDS) + (rng.next() < 0.3 ? rng.pick(WORDS) : '');
    case 5: return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(7); i > 0; i--) o[rng.pick(FIELDS)] = randomValue(rng, depth + 1);
      return o;
    }
  }
}

function randomJsonLines(rng: Random): string {
  const lines: string[] = [];
  for (let i = rng.int(12); i > 0; i--) {
    let line = JSON.stringify(randomValue(rng)) ?? '';
    // Corrupt some lines: cut them, or drop in a stray character.
    if (rng.next() < 0.2) line = line.slice(0, rng.int(line.length + 1));
    if (rng.next() < 0.1) {
      const at = rng.int(line.length + 1);
      line = line.slice(0, at) + rng.pick(['"', '{', '}', ',', '\\', '\n']) + line.slice(at);
    }
    lines.push(line);
  }
  return lines.join(rng.next() < 0.5 ? '\n' : '\r\n');
}

function randomCsv(rng: Random): string {
  const cells = ['https://a.example/x', 'Body, with comma', 'say ""hi""', '2024-03-05', '', 'é€', 'line\nbreak', 'x"y', '<b>b</b>'];
  const rows: string[] = [];
  const width = 1 + rng.int(5);
  const header = Array.from({ length: width }, () => rng.pick(FIELDS));
  rows.push(header.join(','));
  for (let r = rng.int(10); r > 0; r--) {
    const n = rng.next() < 0.8 ? width : rng.int(width + 3);
    const row = Array.from({ length: n }, () => {
      const cell = rng.pick(cells);
      const mode = rng.int(4);
      if (mode === 0) return `"${cell.replace(/"/g, '""')}"`;
      if (mode === 1) return `"${cell}`; // sometimes unclosed
      return cell;
    });
    rows.push(row.join(','));
  }
  return rows.join(rng.pick(['\n', '\r\n', '\r']));
}

/** Counts lines as the parsers do (CRLF, LF or CR each end one). */
function lineCount(bytes: Uint8Array): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) lines++;
  }
  return lines;
}

async function check(records: AsyncIterable<ArticleRecord>, maxLine: number): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  let last = 0;
  for await (const record of records) {
    expect(Number.isInteger(record.line)).toBe(true);
    expect(record.line).toBeGreaterThanOrEqual(Math.max(1, last));
    expect(record.line).toBeLessThanOrEqual(maxLine);
    if ('error' in record) {
      expect(typeof record.error).toBe('string');
      expect(record.error.length).toBeGreaterThan(0);
    } else {
      expect(record.article.url).toMatch(/^https?:\/\//);
      expect(record.article.text.trim()).not.toBe('');
    }
    last = record.line;
    out.push(record);
  }
  return out;
}

const encode = (s: string) => new TextEncoder().encode(s);

describe.each([
  { name: 'random bytes as JSON Lines', make: randomBytes, parse: (c: Chunks) => parseJsonLines(c, { maxLineBytes: 256 }) },
  { name: 'random JSON as JSON Lines', make: (rng: Random) => encode(randomJsonLines(rng)), parse: (c: Chunks) => parseJsonLines(c) },
  { name: 'random bytes as CSV', make: randomBytes, parse: (c: Chunks) => parseCsvArticles(c, { maxRecordChars: 256 }) },
  { name: 'random CSV with quotes', make: (rng: Random) => encode(randomCsv(rng)), parse: (c: Chunks) => parseCsvArticles(c) },
])('fuzz: $name', ({ make, parse }) => {
  it(`never throws and numbers every result with a line, over ${CASES} seeded cases`, async () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const rng = random(seed);
      const data = make(rng);
      const whole = await check(parse([data]), lineCount(data)).catch((error: unknown) => {
        throw new Error(`case ${seed}: ${String(error)}`);
      });
      // Chunk boundaries must not change the outcome.
      const pieces = await check(parse(chunk(rng, data)), lineCount(data));
      expect(pieces, `case ${seed}`).toEqual(whole);
    }
  });
});
