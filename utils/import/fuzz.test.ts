/**
 * Seeded random inputs for the importers: whatever a file holds, parsing never throws, every
 * error names a line that exists in the input, lines come in order, a fatal error is the last
 * word, "not UTF-8" is said exactly of input that is not; article checks are stable.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvArticles } from './csv';
import { parseJsonLines, type ArticleRecord, type Chunks } from './jsonl';
import { MAX_ARTICLE_CHARS, normalizePublished, validateArticle } from './article';
import { NOT_UTF8, Utf8Lines } from './text';
import { isHttpUrl } from '../url';
import { forCases, type Random } from '../../tests/fuzz';

const CASES = 500;

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
  // Half the files look like text (no control bytes), so they get past the binary-file check.
  const textLike = rng.next() < 0.5;
  for (let i = 0; i < length; i++) {
    bytes[i] = rng.next() < 0.3 ? rng.pick(special) : textLike ? 0x20 + rng.int(224) : rng.int(256);
  }
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

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

async function check(records: AsyncIterable<ArticleRecord>, maxLine: number, data: Uint8Array): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  let last = 0;
  let ended = false;
  const utf8 = isUtf8(data);
  for await (const record of records) {
    expect(ended, 'a record after a fatal error').toBe(false);
    if ('error' in record && record.fatal) ended = true;
    if ('error' in record && record.error.endsWith(NOT_UTF8)) expect(utf8, 'said "not UTF-8" of UTF-8 input').toBe(false);
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
    await forCases(CASES, async (rng, seed) => {
      const data = make(rng);
      const whole = await check(parse([data]), lineCount(data), data).catch((error: unknown) => {
        throw new Error(`case ${seed}: ${String(error)}`);
      });
      // Chunk boundaries must not change the outcome.
      const pieces = await check(parse(chunk(rng, data)), lineCount(data), data);
      expect(pieces, `case ${seed}`).toEqual(whole);
    });
  });
});

/** Bytes near UTF-8: valid characters, lead bytes followed by some continuation bytes, line breaks. */
function utf8ish(rng: Random): Uint8Array {
  const out: number[] = [];
  for (let i = rng.int(80); i > 0; i--) {
    const r = rng.next();
    if (r < 0.3) out.push(0x20 + rng.int(0x5f));
    else if (r < 0.45) out.push(...encode(rng.pick(['é', '€', '😀', '\u07ff', '\u0800', '\uffff', '\u{10ffff}', '\ud7ff', '\ue000'])));
    else if (r < 0.55) out.push(rng.pick([0x0a, 0x0d]));
    else {
      out.push(0x80 + rng.int(0x80));
      for (let k = rng.int(4); k > 0; k--) out.push(rng.next() < 0.85 ? 0x80 + rng.int(0x40) : rng.int(256) || 1);
    }
  }
  return new Uint8Array(out);
}

describe('fuzz: the UTF-8 line check', () => {
  it(`names exactly the lines a strict decoder refuses, for any chunking, over ${CASES} seeded cases`, async () => {
    await forCases(CASES, async (rng, seed) => {
      const data = utf8ish(rng);
      // Lines as the CSV reader counts them: CRLF, LF and CR each end one.
      const expected: number[] = [];
      let line = 1;
      let start = 0;
      for (let i = 0; i <= data.length; i++) {
        const end = i === data.length || data[i] === 0x0a || data[i] === 0x0d;
        if (!end) continue;
        if (!isUtf8(data.subarray(start, i))) expected.push(line);
        if (i < data.length) {
          if (data[i] === 0x0d && data[i + 1] === 0x0a) i++;
          line++;
        }
        start = i + 1;
      }
      const checker = new Utf8Lines();
      for (const piece of chunk(rng, data)) expect(checker.scan(piece)).toBe(-1);
      checker.end();
      expect(checker.badLines, `case ${seed}`).toEqual(expected);
      expect(checker.line, `case ${seed}`).toBe(line);
    });
  });
});

describe('fuzz: article checks', () => {
  it(`never throw, and an accepted article is accepted again unchanged, over ${CASES * 4} seeded records`, async () => {
    const dates = ['2024-03-05', '2024-03-05T10:30:00+01:00', 'Tue, 05 Mar 2024 10:30:00 GMT', '2024-02-30', 'yesterday', ''];
    let dated = 0;
    await forCases(CASES * 4, async (rng, seed) => {
      const published = rng.next() < 0.5 ? { published: rng.pick(dates) } : {};
      const value = rng.next() < 0.7 ? { url: rng.pick(WORDS), text: rng.pick(WORDS), ...published, ...(randomValue(rng) as object) } : randomValue(rng);
      const result = validateArticle(value);
      if (!result.ok) {
        expect(result.error, `case ${seed}`).toMatch(/^[^\n]{1,300}$/);
        return;
      }
      const a = result.article;
      expect(isHttpUrl(a.url), `case ${seed}`).toBe(true);
      expect(a.text).toBe(a.text.trim());
      expect(a.text).not.toMatch(/\r/);
      expect(a.text.length).toBeGreaterThan(0);
      expect(a.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
      expect(a.outlet.length).toBeGreaterThan(0);
      if (a.published !== null) {
        dated++;
        expect(normalizePublished(a.published)).toBe(a.published);
      }
      expect(validateArticle(a), `case ${seed}`).toEqual(result);
    });
    // The date check above ran.
    expect(dated).toBeGreaterThan(0);
  });

  it(`read dates as UTC ISO-8601 or refuse them, stably, over ${CASES * 4} seeded dates`, async () => {
    const parts = ['2024', '1999', '0000', '9999', '-', '-', '02', '13', '29', '30', '31', '00', 'T', ' ', 't', '24', '23', ':', '59', '60', '.', ',', '123456789', 'Z', 'z', '+', '-', '05:30', '0530', '14', 'Tue, ', '05 Mar ', 'GMT', 'UTC', '+0100', 'x', ''];
    await forCases(CASES * 4, async (rng, seed) => {
      const input = rng.next() < 0.5
        ? `${2000 + rng.int(40)}-${String(rng.int(14)).padStart(2, '0')}-${String(rng.int(33)).padStart(2, '0')}${rng.pick(['', `T${String(rng.int(26)).padStart(2, '0')}:${String(rng.int(61)).padStart(2, '0')}${rng.pick(['', ':30', ':60', '.5', ',123'])}${rng.pick(['', 'Z', '+02:00', '-0530', '+24:00', ' +01'])}`])}`
        : Array.from({ length: rng.int(12) }, () => rng.pick(parts)).join('');
      const date = normalizePublished(input);
      if (date === null) return;
      expect(date, `${input} (case ${seed})`).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/);
      expect(Number.isNaN(Date.parse(date))).toBe(false);
      expect(normalizePublished(date), `${input} (case ${seed})`).toBe(date);
    });
  });
});

describe('fuzz: resuming a JSON Lines file', () => {
  it(`passing over the first lines gives exactly the later lines' records, over ${CASES} seeded cases`, async () => {
    const collect = async (records: AsyncIterable<ArticleRecord>) => {
      const out: ArticleRecord[] = [];
      for await (const r of records) out.push(r);
      return out;
    };
    await forCases(CASES, async (rng, seed) => {
      const data = encode(randomJsonLines(rng));
      const all = await collect(parseJsonLines([data]));
      const skip = rng.int(lineCount(data) + 1);
      // A file that stopped at a line no later than the resume point is never resumed.
      if (all.some((r) => 'fatal' in r && r.fatal && r.line <= skip)) return;
      const rest = await collect(parseJsonLines(chunk(rng, data), { skipLines: skip }));
      // An empty file says so only when read from its start.
      const expected = all.filter((r) => r.line > skip && !(skip > 0 && 'error' in r && r.error.startsWith('the file is empty')));
      expect(rest, `case ${seed}, after line ${skip}`).toEqual(expected);
    });
  });
});
