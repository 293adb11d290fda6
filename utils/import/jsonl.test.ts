import { describe, expect, it } from 'vitest';
import type { CorpusArticle } from '../types';
import { describeBytes, parseJsonLines, readLines, serializeJsonLines, type Chunks } from './jsonl';
import { NOT_UTF8 } from './text';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Splits bytes into chunks of the given size, to test boundaries inside characters and lines. */
function chunked(data: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.slice(i, i + size));
  return out;
}

describe('readLines', () => {
  it.each([
    { name: 'one line without a final newline', chunks: ['a'], expected: [{ line: 1, text: 'a' }] },
    { name: 'lines with a final newline', chunks: ['a\nb\n'], expected: [{ line: 1, text: 'a' }, { line: 2, text: 'b' }] },
    { name: 'CRLF', chunks: ['a\r\nb\r\n'], expected: [{ line: 1, text: 'a' }, { line: 2, text: 'b' }] },
    { name: 'CR inside a line kept', chunks: ['a\rb\n'], expected: [{ line: 1, text: 'a\rb' }] },
    { name: 'blank lines skipped but counted', chunks: ['\n\na\n  \n\t\r\nb'], expected: [{ line: 3, text: 'a' }, { line: 6, text: 'b' }] },
    { name: 'empty input', chunks: [], expected: [] },
    { name: 'empty chunks', chunks: ['', '', 'a', ''], expected: [{ line: 1, text: 'a' }] },
    { name: 'line split across chunks', chunks: ['ab', 'c\nd', 'e'], expected: [{ line: 1, text: 'abc' }, { line: 2, text: 'de' }] },
    { name: 'newline as its own chunk', chunks: ['a', '\n', 'b'], expected: [{ line: 1, text: 'a' }, { line: 2, text: 'b' }] },
    { name: 'BOM at the start skipped', chunks: [bytes(0xef, 0xbb, 0xbf, 0x61, 0x0a, 0x62)], expected: [{ line: 1, text: 'a' }, { line: 2, text: 'b' }] },
    { name: 'BOM split across chunks', chunks: [bytes(0xef), bytes(0xbb), bytes(0xbf, 0x61)], expected: [{ line: 1, text: 'a' }] },
    { name: 'BOM in a string chunk', chunks: ['\uFEFFa'], expected: [{ line: 1, text: 'a' }] },
    { name: 'multi-byte characters split across chunks', chunks: [bytes(0xc3), bytes(0xa9, 0xe2, 0x82), bytes(0xac, 0x0a)], expected: [{ line: 1, text: 'é€' }] },
    { name: 'four-byte character split', chunks: [bytes(0xf0, 0x9f), bytes(0x98, 0x80)], expected: [{ line: 1, text: '😀' }] },
    {
      name: 'invalid UTF-8 is an error for that line only',
      chunks: [bytes(0x61, 0x0a, 0xff, 0xfe, 0x0a, 0x62)],
      expected: [{ line: 1, text: 'a' }, { line: 2, error: NOT_UTF8 }, { line: 3, text: 'b' }],
    },
    {
      name: 'truncated character at the end of a line',
      chunks: [bytes(0x61, 0xc3, 0x0a, 0x62)],
      expected: [{ line: 1, error: NOT_UTF8 }, { line: 2, text: 'b' }],
    },
    {
      name: 'truncated character at the end of the file',
      chunks: [bytes(0x61, 0x0a, 0xe2, 0x82)],
      expected: [{ line: 1, text: 'a' }, { line: 2, error: NOT_UTF8 }],
    },
    {
      name: 'overlong encoding',
      chunks: [bytes(0xc0, 0xaf, 0x0a, 0x62)],
      expected: [{ line: 1, error: NOT_UTF8 }, { line: 2, text: 'b' }],
    },
    {
      name: 'encoded surrogate',
      chunks: [bytes(0xed, 0xa0, 0x80)],
      expected: [{ line: 1, error: NOT_UTF8 }],
    },
  ])('$name', async ({ chunks, expected }) => {
    const actual = await collect(readLines(chunks as Chunks));
    expect(actual).toEqual(expected);
  });

  it.each([
    { name: 'in one chunk', chunks: ['aaaaaaaaaaa\nbb\nccccc'] },
    { name: 'spread over chunks', chunks: ['aaaa', 'aaaa', 'aaa\nb', 'b\nccccc'] },
  ])('reports a line longer than maxLineBytes and goes on: $name', async ({ chunks }) => {
    const actual = await collect(readLines(chunks, { maxLineBytes: 5 }));
    expect(actual).toEqual([
      { line: 1, error: 'line is longer than 5 bytes; skipped' },
      { line: 2, text: 'bb' },
      { line: 3, text: 'ccccc' },
    ]);
  });

  it('counts the limit in bytes, not characters', async () => {
    const actual = await collect(readLines(['éé\néa'], { maxLineBytes: 3 }));
    expect(actual).toEqual([{ line: 1, error: 'line is longer than 3 bytes; skipped' }, { line: 2, text: 'éa' }]);
  });

  it('gives the same lines for any chunking', async () => {
    const text = '\uFEFF{"a":"é€😀"}\r\n\n  \nline two ünïcødé\nlast';
    const data = utf8(text);
    const expected = await collect(readLines([data]));
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const actual = await collect(readLines(chunked(data, size)));
      expect(actual, `chunks of ${size}`).toEqual(expected);
    }
    expect(expected).toEqual([
      { line: 1, text: '{"a":"é€😀"}' },
      { line: 4, text: 'line two ünïcødé' },
      { line: 5, text: 'last' },
    ]);
  });

  it('does not hold a too-long line in memory', async () => {
    const block = new Uint8Array(1024 * 1024).fill(0x61);
    async function* hugeLine() {
      for (let i = 0; i < 256; i++) yield block;
      yield '\n{"ok":1}\n';
    }
    const before = process.memoryUsage().heapUsed;
    const actual = await collect(readLines(hugeLine(), { maxLineBytes: 1024 * 1024 }));
    const grown = process.memoryUsage().heapUsed - before;
    expect(actual).toEqual([
      { line: 1, error: 'line is longer than 1 MiB (1,048,576 bytes); skipped' },
      { line: 2, text: '{"ok":1}' },
    ]);
    // 256 MiB went through; holding it would need at least that much heap.
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });

  it('reads from a sync iterable of strings', async () => {
    const actual = await collect(readLines(new Set(['x\n', 'y'])));
    expect(actual).toEqual([{ line: 1, text: 'x' }, { line: 2, text: 'y' }]);
  });
});

describe('describeBytes', () => {
  it.each([
    { bytes: 4 * 1024 * 1024, expected: '4 MiB (4,194,304 bytes)' },
    { bytes: 2048, expected: '2 KiB (2,048 bytes)' },
    { bytes: 1000, expected: '1,000 bytes' },
    { bytes: 5, expected: '5 bytes' },
  ])('$bytes → $expected', ({ bytes: n, expected }) => {
    const actual = describeBytes(n);
    expect(actual).toBe(expected);
  });
});

const URL = 'https://www.northern-ledger.example/a';

describe('parseJsonLines', () => {
  it.each([
    {
      name: 'a good line',
      input: `{"url":"${URL}","text":"Body."}\n`,
      expected: [{ line: 1, article: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'Body.' } }],
    },
    {
      name: 'not JSON',
      input: 'hello\n',
      expected: [{ line: 1, error: expect.stringMatching(/^not valid JSON: /) }],
    },
    {
      name: 'truncated JSON',
      input: `{"url":"${URL}","text":"Bo`,
      expected: [{ line: 1, error: expect.stringMatching(/^not valid JSON: /) }],
    },
    { name: 'an array', input: '[1,2]', expected: [{ line: 1, error: 'expected an object, got an array' }] },
    { name: 'a string', input: '"x"', expected: [{ line: 1, error: 'expected an object, got a string' }] },
    { name: 'null', input: 'null', expected: [{ line: 1, error: 'expected an object, got null' }] },
    { name: 'missing url', input: '{"text":"Body."}', expected: [{ line: 1, error: 'missing "url"' }] },
    { name: 'missing text', input: `{"url":"${URL}"}`, expected: [{ line: 1, error: 'missing "text" (or "html")' }] },
    {
      name: 'html',
      input: `{"url":"${URL}","html":"<p>One.</p><p>Two &amp; three.</p>"}`,
      expected: [{ line: 1, article: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'One.\n\nTwo & three.' } }],
    },
    {
      name: 'good and bad lines numbered in order, blanks counted',
      input: `{"url":"${URL}","text":"One."}\n\nnope\n{"url":"ftp://x.example/","text":"x"}\r\n{"url":"${URL}","text":"Two.","published":"2024-03-05"}`,
      expected: [
        { line: 1, article: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'One.' } },
        { line: 3, error: expect.stringMatching(/^not valid JSON: /) },
        { line: 4, error: '"url" must be an http or https address, got "ftp://x.example/"' },
        { line: 5, article: { url: URL, outlet: 'northern-ledger.example', title: '', published: '2024-03-05', text: 'Two.' } },
      ],
    },
    {
      name: 'a newline escaped inside a JSON string stays in one line',
      input: `{"url":"${URL}","text":"Para one.\\n\\nPara two."}`,
      expected: [{ line: 1, article: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'Para one.\n\nPara two.' } }],
    },
    {
      name: 'U+2028 inside a string is not a line break',
      input: `{"url":"${URL}","text":"a\u2028b"}`,
      expected: [{ line: 1, article: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'a\u2028b' } }],
    },
  ])('$name', async ({ input, expected }) => {
    const actual = await collect(parseJsonLines([input]));
    expect(actual).toEqual(expected);
  });

  it('keeps JSON error messages short and about the line', async () => {
    const [actual] = await collect(parseJsonLines([`{"url": "${URL}", "text": ${'x'.repeat(5000)}}`]));
    expect('error' in actual && actual.error.length).toBeLessThanOrEqual(200);
    expect('error' in actual && actual.error).not.toMatch(/JSON data|line 1 column/);
  });

  it('reports a line that is too long', async () => {
    const actual = await collect(parseJsonLines([`{"url":"${URL}","text":"${'x'.repeat(100)}"}\n{"url":"${URL}","text":"ok"}`], { maxLineBytes: 64 }));
    expect(actual).toEqual([
      { line: 1, error: 'line is longer than 64 bytes; skipped' },
      { line: 2, article: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'ok' } },
    ]);
  });

  it('reads the demo-style corpus format with offsets in dates', async () => {
    const line = JSON.stringify({
      url: 'https://www.daily-compass.example/world/2026/10/09/offensive',
      outlet: 'The Daily Compass',
      title: 'Army launches offensive',
      published: '2026-10-09T07:30:00+02:00',
      text: 'DUNMERE - The army launched a ground offensive on Thursday.',
    });
    const actual = await collect(parseJsonLines([utf8(`\uFEFF${line}\n`)]));
    expect(actual).toEqual([
      {
        line: 1,
        article: {
          url: 'https://www.daily-compass.example/world/2026/10/09/offensive',
          outlet: 'The Daily Compass',
          title: 'Army launches offensive',
          published: '2026-10-09T05:30:00.000Z',
          text: 'DUNMERE - The army launched a ground offensive on Thursday.',
        },
      },
    ]);
  });
});

describe('serializeJsonLines', () => {
  const articles: CorpusArticle[] = [
    { url: URL, outlet: 'Ledger', title: 'Floods', published: '2024-03-05T08:30:00.000Z', text: 'Line one.\n\nLine "two".' },
    { url: 'https://b.example/x', outlet: 'b.example', title: '', published: null, text: 'Undated \u2028 text.' },
  ];

  it.each([
    {
      name: 'with a date',
      article: articles[0],
      expected: '{"url":"https://www.northern-ledger.example/a","outlet":"Ledger","title":"Floods","published":"2024-03-05T08:30:00.000Z","text":"Line one.\\n\\nLine \\"two\\"."}',
    },
    {
      name: 'without a date',
      article: articles[1],
      expected: '{"url":"https://b.example/x","outlet":"b.example","title":"","text":"Undated \u2028 text."}',
    },
  ])('$name', ({ article, expected }) => {
    const actual = [...serializeJsonLines([article])];
    expect(actual).toEqual([expected]);
  });

  it('gives one line per article with no line breaks inside', () => {
    const actual = [...serializeJsonLines(articles)];
    expect(actual).toHaveLength(2);
    for (const line of actual) expect(line).not.toMatch(/[\r\n]/);
  });

  it('round-trips through parseJsonLines', async () => {
    const file = [...serializeJsonLines(articles)].map((line) => `${line}\n`).join('');
    const actual = (await collect(parseJsonLines([file]))).map((r) => ('article' in r ? r.article : r));
    expect(actual).toEqual(articles);
  });
});
