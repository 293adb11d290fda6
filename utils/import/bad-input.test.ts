/**
 * Every kind of bad import file, one by one: each gives a line-numbered message a person can act
 * on, the good lines around it are kept, and a file that is not text at all stops at once.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvArticles } from './csv';
import { CSV_NOT_JSON_LINES, EMPTY_FILE, NOT_JSON_LINES, parseJsonLines, type ArticleRecord, type Chunks } from './jsonl';
import { NOT_UTF8 } from './text';

async function collect(records: AsyncIterable<ArticleRecord>): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

/** Errors as `line: message`, articles as `line: ok <url>`. */
async function outcome(records: AsyncIterable<ArticleRecord>): Promise<string[]> {
  return (await collect(records)).map((r) => ('error' in r ? `${r.line}: ${r.error}${r.fatal ? ' [fatal]' : ''}` : `${r.line}: ok ${r.article.url}`));
}

const bytes = (...parts: (string | number[])[]) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : new Uint8Array(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
const jsonl = (data: Chunks | Uint8Array) => outcome(parseJsonLines(data instanceof Uint8Array ? [data] : data));
const csv = (data: Chunks | Uint8Array) => outcome(parseCsvArticles(data instanceof Uint8Array ? [data] : data));

const good = (n: number) => JSON.stringify({ url: `https://paper.example/${n}`, outlet: 'Paper', title: `T${n}`, text: `Body ${n}.` });

describe('bad JSON Lines input', () => {
  it.each([
    { name: 'malformed JSON', line: '{"url": "https://paper.example/x", "text": "unfinished', expected: /^2: not valid JSON: .+/ },
    { name: 'a trailing comma', line: '{"url": "https://paper.example/x", "text": "Body.",}', expected: /^2: not valid JSON: .+/ },
    { name: 'JSON that is an array', line: '[{"url": "https://paper.example/x"}]', expected: /^2: expected an object, got an array$/ },
    { name: 'JSON that is a number', line: '42', expected: /^2: expected an object, got a number$/ },
    { name: 'JSON that is a string', line: '"https://paper.example/x"', expected: /^2: expected an object, got a string$/ },
    { name: 'JSON null', line: 'null', expected: /^2: expected an object, got null$/ },
    { name: 'missing url', line: '{"outlet": "Paper", "text": "Body."}', expected: /^2: missing "url"$/ },
    { name: 'missing text', line: '{"url": "https://paper.example/x", "title": "T"}', expected: /^2: missing "text" \(or "html"\)$/ },
    { name: 'empty text', line: '{"url": "https://paper.example/x", "text": "  "}', expected: /^2: "text" is empty$/ },
    { name: 'html without text in it', line: '{"url": "https://paper.example/x", "html": "<img src=x>"}', expected: /^2: "html" has no text in it$/ },
    { name: 'a title that is a number', line: '{"url": "https://paper.example/x", "title": 5, "text": "B."}', expected: /^2: "title" must be a string, got a number$/ },
    { name: 'a url that is an object', line: '{"url": {"href": "https://paper.example/x"}, "text": "B."}', expected: /^2: "url" must be a string, got an object$/ },
    { name: 'text that is an array', line: '{"url": "https://paper.example/x", "text": ["B."]}', expected: /^2: "text" must be a string, got an array$/ },
    { name: 'an impossible date', line: '{"url": "https://paper.example/x", "text": "B.", "published": "2024-02-30"}', expected: /^2: "published" is not an ISO-8601 date: "2024-02-30" \(expected e\.g\. "2024-03-05"/ },
    { name: 'a date in words', line: '{"url": "https://paper.example/x", "text": "B.", "published": "last Tuesday"}', expected: /^2: "published" is not an ISO-8601 date: "last Tuesday"/ },
    { name: 'a javascript: url', line: '{"url": "javascript:alert(1)", "text": "B."}', expected: /^2: "url" must be an http or https address, got "javascript:alert\(1\)"$/ },
    { name: 'a data: url', line: '{"url": "data:text/html,<b>x</b>", "text": "B."}', expected: /^2: "url" must be an http or https address, got "data:text\/html,<b>x<\/b>"$/ },
    { name: 'a url without a host', line: '{"url": "https://", "text": "B."}', expected: /^2: "url" must be an http or https address, got "https:\/\/"$/ },
    { name: 'a relative url', line: '{"url": "/news/1", "text": "B."}', expected: /^2: "url" must be an http or https address, got "\/news\/1"$/ },
  ])('$name: reported on its line, the lines around it kept', async ({ line, expected }) => {
    const result = await jsonl([`${good(1)}\n${line}\n${good(3)}\n`]);
    expect(result).toHaveLength(3);
    expect(result[0]).toBe('1: ok https://paper.example/1');
    expect(result[1]).toMatch(expected);
    expect(result[2]).toBe('3: ok https://paper.example/3');
  });

  it('says which line is not UTF-8 (Latin-1 bytes) and keeps the others', async () => {
    // "Café" in Latin-1: é is the single byte 0xE9, which UTF-8 does not allow there.
    const data = bytes(`${good(1)}\n{"url":"https://paper.example/2","text":"Caf`, [0xe9], `"}\n${good(3)}\n`);
    expect(await jsonl(data)).toEqual(['1: ok https://paper.example/1', `2: ${NOT_UTF8}`, '3: ok https://paper.example/3']);
    expect(NOT_UTF8).toMatch(/not UTF-8/);
  });

  it.each([
    { name: 'UTF-16 little-endian with a byte-order mark', head: [0xff, 0xfe], expected: /^1: the file is UTF-16 text, not UTF-8: save it as UTF-8/ },
    { name: 'UTF-16 big-endian with a byte-order mark', head: [0xfe, 0xff], expected: /^1: the file is UTF-16 text, not UTF-8/ },
    { name: 'UTF-32 with a byte-order mark', head: [0xff, 0xfe, 0, 0], expected: /^1: the file is UTF-32 text, not UTF-8/ },
  ])('stops at once on a file in another encoding: $name', async ({ head, expected }) => {
    const text = `${good(1)}\n${good(2)}\n`;
    const utf16 = [...text].flatMap((c) => [c.charCodeAt(0), 0]);
    const result = await jsonl(bytes(head, utf16));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(expected);
    expect(result[0]).toMatch(/\[fatal\]$/);
  });

  it('calls UTF-16 without a byte-order mark a binary file, and says it may be UTF-16', async () => {
    const utf16 = [...`${good(1)}\n`].flatMap((c) => [c.charCodeAt(0), 0]);
    const [only, ...rest] = await jsonl(bytes(utf16));
    expect(rest).toEqual([]);
    expect(only).toMatch(/^1: this looks like a binary file, not JSON Lines text \(a NUL byte on line 1\).*If it is UTF-16 text, save it as UTF-8/);
  });

  it.each([
    { name: 'a PNG image', data: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52], expected: /binary file, not JSON Lines text/ },
    { name: 'a gzip file', data: [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3], expected: /gzip-compressed file, not JSON Lines text: decompress it first/ },
    { name: 'a ZIP archive', data: [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], expected: /ZIP archive, not JSON Lines text/ },
    { name: 'a PDF', data: [...new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\n1 0 obj')], expected: /PDF document, not JSON Lines text/ },
    { name: 'control characters', data: Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)), expected: /binary file, not JSON Lines text \(\d+ control characters in its first \d+ bytes\)/ },
  ])('stops at once on a file that is not text: $name', async ({ data, expected }) => {
    const result = await jsonl(bytes(data, `\n${good(2)}\n`));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(expected);
    expect(result[0]).toMatch(/^1: .*\[fatal\]$/);
  });

  it('stops at a NUL byte further down, keeping the lines before it', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => good(i + 1));
    const data = bytes(lines.slice(0, 30).join('\n'), '\n', [0x7b, 0, 0x7d], '\n', lines.slice(30).join('\n'));
    const result = await jsonl(data);
    expect(result).toHaveLength(31);
    expect(result[29]).toBe('30: ok https://paper.example/30');
    expect(result[30]).toMatch(/^31: this looks like a binary file, not JSON Lines text \(a NUL byte on line 31\); the rest of the file was not read/);
  });

  it('skips a gigantic line without holding it, and goes on', async () => {
    const block = new Uint8Array(1 << 20).fill(0x61);
    async function* file() {
      yield `${good(1)}\n{"url":"https://paper.example/2","text":"`;
      for (let i = 0; i < 12; i++) yield block;
      yield `"}\n${good(3)}\n`;
    }
    expect(await outcome(parseJsonLines(file(), { maxLineBytes: 10 * 1024 * 1024 }))).toEqual([
      '1: ok https://paper.example/1',
      '2: line is longer than 10 MiB (10,485,760 bytes); skipped',
      '3: ok https://paper.example/3',
    ]);
  });

  it.each([
    { name: 'an empty file', data: '' },
    { name: 'only blank lines', data: '\n\n   \r\n\t\n' },
    { name: 'only a byte-order mark', data: '\uFEFF' },
  ])('says so for $name', async ({ data }) => {
    expect(await jsonl([data])).toEqual([`1: ${EMPTY_FILE} [fatal]`]);
  });

  it.each([
    { name: 'a JSON array of articles on one line', data: `[${good(1)}, ${good(2)}]\n` },
    { name: 'a pretty-printed JSON array', data: `[\n  ${good(1)},\n  ${good(2)}\n]\n` },
    { name: 'a pretty-printed object', data: `{\n  "url": "https://paper.example/1",\n  "text": "Body."\n}\n` },
  ])('stops at once on a JSON document that is not JSON Lines: $name', async ({ data }) => {
    expect(await jsonl([data])).toEqual([`1: ${NOT_JSON_LINES} [fatal]`]);
  });

  it('stops at once on a CSV file given as JSON Lines', async () => {
    expect(await jsonl(['url,outlet,title,published,text\nhttps://paper.example/1,Paper,T,,Body.\n'])).toEqual([`1: ${CSV_NOT_JSON_LINES} [fatal]`]);
    expect(await jsonl(['"URL";"Text"\n'])).toEqual([`1: ${CSV_NOT_JSON_LINES} [fatal]`]);
    // Not a header row: only that line is bad.
    expect(await jsonl([`hello, world\n${good(2)}\n`])).toEqual([expect.stringMatching(/^1: not valid JSON/), '2: ok https://paper.example/2']);
  });

  it('still reads a line holding an array of numbers as a bad line, not a JSON document', async () => {
    expect(await jsonl([`[1, 2]\n${good(2)}\n`])).toEqual(['1: expected an object, got an array', '2: ok https://paper.example/2']);
  });

  it('gives duplicate URLs as articles: duplicates are counted when stored, not reported as errors', async () => {
    const dup = JSON.stringify({ url: 'https://www.paper.example/1?utm_source=x', text: 'Body 1.' });
    expect(await jsonl([`${good(1)}\n${dup}\n${good(1)}\n`])).toEqual([
      '1: ok https://paper.example/1',
      '2: ok https://www.paper.example/1?utm_source=x',
      '3: ok https://paper.example/1',
    ]);
  });
});

describe('bad CSV input', () => {
  const header = 'url,outlet,title,published,text';
  const row = (n: number) => `https://paper.example/${n},Paper,T${n},2024-03-0${(n % 9) + 1},Body ${n}.`;

  it.each([
    {
      name: 'an unbalanced quote',
      data: `${header}\n${row(1)}\nhttps://paper.example/2,Paper,"T2,2024-03-02,Body 2.\n${row(3)}\n`,
      expected: ['2: ok https://paper.example/1', '3: the quoted field that starts on line 3 is never closed (a stray double quote?); the rest of the file was skipped [fatal]'],
    },
    {
      name: 'too many fields (an unquoted comma)',
      data: `${header}\n${row(1)}\nhttps://paper.example/2,Paper,T2,2024-03-02,Body, with a comma.\n${row(3)}\n`,
      expected: [
        '2: ok https://paper.example/1',
        '3: expected 5 fields as in the header row, found 6 (a field with a comma in it needs double quotes)',
        '4: ok https://paper.example/3',
      ],
    },
    {
      name: 'too few fields (the text missing)',
      data: `${header}\n${row(1)}\nhttps://paper.example/2,Paper,T2\n`,
      expected: ['2: ok https://paper.example/1', '3: missing "text" (or "html")'],
    },
    {
      name: 'a header without a url column',
      data: `link,text\nhttps://paper.example/1,Body.\n`,
      expected: ['1: the header row has no "url" column (columns found: "link", "text") [fatal]'],
    },
    {
      name: 'a header without a text or html column',
      data: `url,title,published\nhttps://paper.example/1,T,2024-01-01\n`,
      expected: ['1: the header row has no "text" or "html" column (columns found: "url", "title", "published") [fatal]'],
    },
    {
      name: 'no header row (the first article taken for one)',
      data: `${row(1)}\n${row(2)}\n`,
      expected: [/^1: the header row has no "url" column \(columns found: "https:\/\/paper\.example\/1", .*\) \[fatal\]$/],
    },
    {
      name: 'a javascript: url, an impossible date',
      data: `${header}\njavascript:alert(1),P,T,2024-01-01,Body.\nhttps://paper.example/2,P,T,2023-13-01,Body.\n`,
      expected: ['2: "url" must be an http or https address, got "javascript:alert(1)"', /^3: "published" is not an ISO-8601 date: "2023-13-01"/],
    },
    {
      name: 'a JSON Lines file given as CSV',
      data: `${good(1)}\n${good(2)}\n`,
      expected: ['1: this looks like a JSON Lines file (its first line is a JSON object), not CSV: give it a name ending in .jsonl to import it as JSON Lines [fatal]'],
    },
    { name: 'an empty file', data: '', expected: ['1: the file is empty: expected a header row naming the columns (url, outlet, title, published, text, html) [fatal]'] },
    { name: 'only a header row', data: `${header}\r\n`, expected: ['1: the file has a header row but no articles after it [fatal]'] },
  ])('$name', async ({ data, expected }) => {
    const result = await csv([data]);
    expect(result).toHaveLength(expected.length);
    expected.forEach((e, i) => (typeof e === 'string' ? expect(result[i]).toBe(e) : expect(result[i]).toMatch(e)));
  });

  it('says which record is not UTF-8 (Latin-1 bytes), naming the line inside a multi-line record', async () => {
    const data = bytes(`${header}\n${row(1)}\nhttps://paper.example/2,Paper,Caf`, [0xe9], `,2024-03-02,Body.\n`, `https://paper.example/3,Paper,T3,2024-03-03,"First line.\nSecond line, na`, [0xef, 0x76], `e.\"\n${row(4)}\n`);
    expect(await csv(data)).toEqual([
      '2: ok https://paper.example/1',
      `3: ${NOT_UTF8}`,
      `4: line 5: ${NOT_UTF8}`,
      '6: ok https://paper.example/4',
    ]);
  });

  it('gives the same outcome for a Latin-1 byte at any chunk boundary', async () => {
    const data = bytes(`${header}\n${row(1)}\nhttps://paper.example/2,P,T,,Caf`, [0xe9], `\n${row(3)}`);
    const whole = await csv(data);
    expect(whole).toEqual(['2: ok https://paper.example/1', `3: ${NOT_UTF8}`, '4: ok https://paper.example/3']);
    for (let cut = 1; cut < data.length; cut++) expect(await csv([data.slice(0, cut), data.slice(cut)]), `cut at ${cut}`).toEqual(whole);
  });

  it.each([
    { name: 'UTF-16 with a byte-order mark', data: [0xff, 0xfe, 0x75, 0, 0x72, 0, 0x6c, 0], expected: /^1: the file is UTF-16 text, not UTF-8/ },
    { name: 'a spreadsheet (.xlsx is a ZIP archive)', data: [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], expected: /^1: this is a ZIP archive, not CSV text \(a spreadsheet saved as \.xlsx or \.ods is one\): save it as CSV first/ },
    { name: 'an image', data: [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0], expected: /^1: this looks like a binary file, not CSV text/ },
  ])('stops at once on a file that is not CSV text: $name', async ({ data, expected }) => {
    const result = await csv(bytes(data, `\n${row(1)}\n`));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(expected);
    expect(result[0]).toMatch(/\[fatal\]$/);
  });

  it('stops at a NUL byte further down, keeping the records before it', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i + 1)).join('\n');
    const data = bytes(`${header}\n${rows}\nhttps://paper.example/41,P,T,,Bo`, [0], `dy.\n${row(42)}\n`);
    const result = await csv(data);
    expect(result).toHaveLength(41);
    expect(result[39]).toBe('41: ok https://paper.example/40');
    expect(result[40]).toBe(
      '42: this looks like a binary file, not CSV text (a NUL byte on line 42); the rest of the file was not read. If it is UTF-16 text, save it as UTF-8 and import it again [fatal]',
    );
  });

  it('stops before reading anything when the first bytes hold a NUL byte', async () => {
    const data = bytes(`${header}\n${row(1)}\nhttps://paper.example/2,P,T,,Bo`, [0], `dy.\n${row(3)}\n`);
    expect(await csv(data)).toEqual([
      '1: this looks like a binary file, not CSV text (a NUL byte on line 3); the file was not read. If it is UTF-16 text, save it as UTF-8 and import it again [fatal]',
    ]);
  });

  it('skips a gigantic record and goes on', async () => {
    const big = 'x'.repeat(3000);
    expect(await outcome(parseCsvArticles([`${header}\n${row(1)}\nhttps://paper.example/2,P,T,,"${big}"\n${row(3)}\n`], { maxRecordChars: 2000 }))).toEqual([
      '2: ok https://paper.example/1',
      '3: record is longer than 2,000 characters; skipped',
      '4: ok https://paper.example/3',
    ]);
  });
});
