import { describe, expect, it } from 'vitest';
import { parseCsvArticles, readCsvRecords } from './csv';
import type { Chunks } from './jsonl';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readCsvRecords', () => {
  it.each([
    { name: 'simple', input: 'a,b,c\n1,2,3\n', expected: [{ line: 1, fields: ['a', 'b', 'c'] }, { line: 2, fields: ['1', '2', '3'] }] },
    { name: 'no final newline', input: 'a,b\n1,2', expected: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }] },
    { name: 'CRLF', input: 'a,b\r\n1,2\r\n', expected: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }] },
    { name: 'CR only', input: 'a,b\r1,2\r', expected: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }] },
    { name: 'empty fields', input: ',a,,\n', expected: [{ line: 1, fields: ['', 'a', '', ''] }] },
    { name: 'trailing comma at end of input', input: 'a,', expected: [{ line: 1, fields: ['a', ''] }] },
    { name: 'quoted comma', input: '"a,b",c', expected: [{ line: 1, fields: ['a,b', 'c'] }] },
    { name: 'doubled quotes', input: '"say ""hi""",x', expected: [{ line: 1, fields: ['say "hi"', 'x'] }] },
    { name: 'only a doubled quote', input: '"""",x', expected: [{ line: 1, fields: ['"', 'x'] }] },
    { name: 'empty quoted field', input: '"",x', expected: [{ line: 1, fields: ['', 'x'] }] },
    {
      name: 'newlines inside quotes; line numbers count them',
      input: 'h1,h2\n"one\ntwo\r\nthree",x\nnext,y\n',
      expected: [{ line: 1, fields: ['h1', 'h2'] }, { line: 2, fields: ['one\ntwo\r\nthree', 'x'] }, { line: 5, fields: ['next', 'y'] }],
    },
    { name: 'blank lines skipped but counted', input: 'a\n\n\r\n\nb\n', expected: [{ line: 1, fields: ['a'] }, { line: 5, fields: ['b'] }] },
    { name: 'stray quote inside an unquoted field kept', input: 'ab"c,d', expected: [{ line: 1, fields: ['ab"c', 'd'] }] },
    { name: 'text after a closing quote kept', input: '"ab"c,d', expected: [{ line: 1, fields: ['abc', 'd'] }] },
    { name: 'spaces kept', input: ' a , b ', expected: [{ line: 1, fields: [' a ', ' b '] }] },
    { name: 'BOM in a string', input: '\uFEFFurl,text', expected: [{ line: 1, fields: ['url', 'text'] }] },
    {
      name: 'unclosed quote',
      input: 'a,b\n"never closed,x\ny,z\n',
      expected: [{ line: 1, fields: ['a', 'b'] }, { line: 2, error: 'the quoted field that starts on line 2 is never closed (a stray double quote?); the rest of the file was skipped', fatal: true }],
    },
    { name: 'empty input', input: '', expected: [] },
  ])('$name', async ({ input, expected }) => {
    const actual = await collect(readCsvRecords([input]));
    expect(actual).toEqual(expected);
  });

  it('gives the same records for any chunking of bytes', async () => {
    const text = '\uFEFFurl,text\r\n"https://a.example/1","Quoted, with ""quotes""\r\nand é€😀"\r\n\r\nhttps://b.example/2,plain\r\n';
    const data = utf8(text);
    const expected = await collect(readCsvRecords([data]));
    expect(expected).toEqual([
      { line: 1, fields: ['url', 'text'] },
      { line: 2, fields: ['https://a.example/1', 'Quoted, with "quotes"\r\nand é€😀'] },
      { line: 5, fields: ['https://b.example/2', 'plain'] },
    ]);
    for (const size of [1, 2, 3, 4, 7, 16]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < data.length; i += size) chunks.push(data.slice(i, i + size));
      const actual = await collect(readCsvRecords(chunks));
      expect(actual, `chunks of ${size}`).toEqual(expected);
    }
  });

  it('uses another delimiter when asked', async () => {
    const actual = await collect(readCsvRecords(['a;"b;c"\n'], { delimiter: ';' }));
    expect(actual).toEqual([{ line: 1, fields: ['a', 'b;c'] }]);
  });

  it('rejects a delimiter that cannot work', async () => {
    await expect(collect(readCsvRecords(['a'], { delimiter: '"' }))).rejects.toThrow(/delimiter/);
    await expect(collect(readCsvRecords(['a'], { delimiter: ',,' }))).rejects.toThrow(/delimiter/);
  });

  it('reports a record longer than the limit and goes on', async () => {
    const actual = await collect(readCsvRecords(['a,b\n"', 'x'.repeat(50), '\nmore",y\nc,d\n'], { maxRecordChars: 20 }));
    expect(actual).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: 'record is longer than 20 characters; skipped' },
      { line: 4, fields: ['c', 'd'] },
    ]);
  });

  it('does not hold a too-long record in memory', async () => {
    const block = 'x'.repeat(1024 * 1024);
    async function* huge(): AsyncGenerator<string> {
      yield 'url,text\nhttps://a.example/,"';
      for (let i = 0; i < 100; i++) yield block;
      yield '"\nhttps://b.example/,ok\n';
    }
    const before = process.memoryUsage().heapUsed;
    const actual = await collect(readCsvRecords(huge(), { maxRecordChars: 1024 * 1024 }));
    const grown = process.memoryUsage().heapUsed - before;
    expect(actual).toEqual([
      { line: 1, fields: ['url', 'text'] },
      { line: 2, error: 'record is longer than 1,048,576 characters; skipped' },
      { line: 3, fields: ['https://b.example/', 'ok'] },
    ]);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  }, 30_000); // reads 100 MB of text: seconds on a busy machine
});

const A = 'https://www.northern-ledger.example/a';
const article = (over: Record<string, unknown>) => ({ url: A, outlet: 'northern-ledger.example', title: '', published: null, text: 'Body.', ...over });

describe('parseCsvArticles', () => {
  it.each([
    {
      name: 'all columns',
      input: `url,outlet,title,published,text\n${A},Ledger,Floods,2024-03-05,"Flooding closed 12 roads, officials said."\n`,
      expected: [{ line: 2, article: article({ outlet: 'Ledger', title: 'Floods', published: '2024-03-05', text: 'Flooding closed 12 roads, officials said.' }) }],
    },
    {
      name: 'columns in another order and case, unknown ones ignored',
      input: `Text,ID,URL,Section\nBody.,7,${A},World\n`,
      expected: [{ line: 2, article: article({}) }],
    },
    {
      name: 'header names with spaces',
      input: ` url , text \n${A},Body.\n`,
      expected: [{ line: 2, article: article({}) }],
    },
    {
      name: 'empty optional fields are absent',
      input: `url,outlet,title,published,text\n${A},,,,Body.\n`,
      expected: [{ line: 2, article: article({}) }],
    },
    {
      name: 'html column',
      input: `url,html\n${A},"<p>One.</p><p>Two, ""three"".</p>"\n`,
      expected: [{ line: 2, article: article({ text: 'One.\n\nTwo, "three".' }) }],
    },
    {
      name: 'multi-line text and the line each record starts on',
      input: `url,text\n${A},"Para one.\n\nPara two."\n${A},Second.\n`,
      expected: [
        { line: 2, article: article({ text: 'Para one.\n\nPara two.' }) },
        { line: 5, article: article({ text: 'Second.' }) },
      ],
    },
    {
      name: 'fewer fields than columns',
      input: `url,text,title\n${A},Body.\n`,
      expected: [{ line: 2, article: article({}) }],
    },
    {
      name: 'extra empty fields are fine',
      input: `url,text\n${A},Body.,,\n`,
      expected: [{ line: 2, article: article({}) }],
    },
    {
      name: 'extra fields with text are an error',
      input: `url,text\n${A},Body, with an unquoted comma\n`,
      expected: [{ line: 2, error: 'expected 2 fields as in the header row, found 3 (a field with a comma in it needs double quotes)' }],
    },
    {
      name: 'record errors from the article checks',
      input: `url,text,published\n,Body.\n${A},,\n${A},Body.,someday\nnot-a-url,Body.\n`,
      expected: [
        { line: 2, error: 'missing "url"' },
        { line: 3, error: 'missing "text" (or "html")' },
        { line: 4, error: '"published" is not an ISO-8601 date: "someday" (expected e.g. "2024-03-05" or "2024-03-05T08:30:00Z")' },
        { line: 5, error: '"url" must be an http or https address, got "not-a-url"' },
      ],
    },
    {
      name: 'missing url column',
      input: `link,text\n${A},Body.\n`,
      expected: [{ line: 1, error: 'the header row has no "url" column (columns found: "link", "text")', fatal: true }],
    },
    {
      name: 'missing text and html columns',
      input: `url,title\n${A},Floods\n`,
      expected: [{ line: 1, error: 'the header row has no "text" or "html" column (columns found: "url", "title")', fatal: true }],
    },
    {
      name: 'header after blank lines',
      input: `\n\nlink\n`,
      expected: [{ line: 3, error: 'the header row has no "url" column (columns found: "link")', fatal: true }],
    },
    {
      name: 'empty file',
      input: '',
      expected: [{ line: 1, error: 'the file is empty: expected a header row naming the columns (url, outlet, title, published, text, html)', fatal: true }],
    },
    {
      name: 'header only',
      input: 'url,text\n',
      expected: [{ line: 1, error: 'the file has a header row but no articles after it', fatal: true }],
    },
    {
      name: 'unclosed quote in a record',
      input: `url,text\n${A},"Body.\n`,
      expected: [{ line: 2, error: 'the quoted field that starts on line 2 is never closed (a stray double quote?); the rest of the file was skipped', fatal: true }],
    },
    {
      name: 'unclosed quote in the header',
      input: `url,"text\n${A},Body.\n`,
      expected: [{ line: 1, error: 'header row: the quoted field that starts on line 1 is never closed (a stray double quote?); the rest of the file was skipped', fatal: true }],
    },
    {
      name: 'duplicate column: the first one counts',
      input: `url,text,text\n${A},First.,Second.\n`,
      expected: [{ line: 2, article: article({ text: 'First.' }) }],
    },
  ])('$name', async ({ input, expected }) => {
    const actual = await collect(parseCsvArticles([input] as Chunks));
    expect(actual).toEqual(expected);
  });

  it('reads semicolon-separated files', async () => {
    const actual = await collect(parseCsvArticles([`url;text\n${A};"Body; with a semicolon."\n`], { delimiter: ';' }));
    expect(actual).toEqual([{ line: 2, article: article({ text: 'Body; with a semicolon.' }) }]);
  });

  it('reads a byte stream with a BOM and CRLF', async () => {
    const actual = await collect(parseCsvArticles([utf8(`\uFEFFurl,text\r\n${A},Body.\r\n`)]));
    expect(actual).toEqual([{ line: 2, article: article({}) }]);
  });
});

describe('parseCsvArticles: the separator found from the header row', () => {
  it.each([
    {
      name: 'semicolons, as spreadsheets in German, French, Italian or Spanish write them',
      input: `url;outlet;title;text\n${A};Ledger;Budget;"Ministers met on Monday; they agreed a budget."\n`,
      expected: [{ line: 2, article: article({ outlet: 'Ledger', title: 'Budget', text: 'Ministers met on Monday; they agreed a budget.' }) }],
    },
    {
      name: 'semicolons with quoted column names, a byte-order mark, CRLF and a comma in the text',
      input: `\uFEFF"URL";"Text"\r\n${A};"Roads, bridges; schools."\r\n`,
      expected: [{ line: 2, article: article({ text: 'Roads, bridges; schools.' }) }],
    },
    {
      name: 'a first line "sep=;" naming the separator, as some spreadsheets write it',
      input: `sep=;\r\nurl;title;text\r\n${A};Budget;"Roads, bridges; schools."\r\n`,
      expected: [{ line: 3, article: article({ title: 'Budget', text: 'Roads, bridges; schools.' }) }],
    },
    {
      name: 'a first line "sep=," with a byte-order mark, the text holding semicolons',
      input: `\uFEFFSEP=,\nurl,text\n${A},Body; more; still more.\n`,
      expected: [{ line: 3, article: article({ text: 'Body; more; still more.' }) }],
    },
    {
      name: 'a first line "sep=\\t"',
      input: `sep=\t\nurl\ttext\n${A}\tRain, then floods.\n`,
      expected: [{ line: 3, article: article({ text: 'Rain, then floods.' }) }],
    },
    {
      name: 'tabs',
      input: `url\ttitle\ttext\n${A}\tFloods\tRain, then floods.\n`,
      expected: [{ line: 2, article: article({ title: 'Floods', text: 'Rain, then floods.' }) }],
    },
    {
      name: 'semicolons after blank lines',
      input: `\n\nurl;text\n${A};Body.\n`,
      expected: [{ line: 4, article: article({}) }],
    },
    {
      name: 'commas stay commas when the text holds semicolons',
      input: `url,text\n${A},Body; more; still more.\n`,
      expected: [{ line: 2, article: article({ text: 'Body; more; still more.' }) }],
    },
    {
      name: 'a semicolon header without a url column lists its columns',
      input: `link;title;text\n${A};T;Body.\n`,
      expected: [{ line: 1, error: 'the header row has no "url" column (columns found, separated by semicolons: "link", "title", "text")', fatal: true }],
    },
    {
      name: 'a semicolon header without a text column',
      input: `url;title\n${A};T\n`,
      expected: [{ line: 1, error: 'the header row has no "text" or "html" column (columns found, separated by semicolons: "url", "title")', fatal: true }],
    },
    {
      name: 'an unquoted semicolon in a semicolon file',
      input: `url;text\n${A};Body; with a semicolon.\n`,
      expected: [{ line: 2, error: 'expected 2 fields as in the header row, found 3 (a field with a semicolon in it needs double quotes)' }],
    },
  ])('$name', async ({ input, expected }) => {
    expect(await collect(parseCsvArticles([input]))).toEqual(expected);
    // The same however the bytes arrive, one at a time included.
    const bytes = utf8(input);
    expect(await collect(parseCsvArticles(Array.from(bytes, (b) => Uint8Array.of(b))))).toEqual(expected);
  });

  it('keeps a separator given by the caller', async () => {
    const actual = await collect(parseCsvArticles([`url;text\n${A};Body.\n`], { delimiter: ',' }));
    expect(actual).toEqual([{ line: 1, error: 'the header row has no "url" column (columns found: "url;text")', fatal: true }]);
  });

  it('finds the separator in a header row longer than the chunks it arrives in', async () => {
    const extra = Array.from({ length: 2_000 }, (_, i) => `note ${i}`).join(';');
    const input = `url;${extra};text\n${A};${';'.repeat(2_000)}Body.\n`;
    const chunks = [];
    for (let i = 0; i < input.length; i += 1_000) chunks.push(utf8(input.slice(i, i + 1_000)));
    expect(await collect(parseCsvArticles(chunks))).toEqual([{ line: 2, article: article({}) }]);
  });
});
