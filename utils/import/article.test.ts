import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_CHARS, MAX_OUTLET_CHARS, MAX_TITLE_CHARS, normalizePublished, validateArticle } from './article';
import { MAX_URL_CHARS } from '../url';

const URL = 'https://www.northern-ledger.example/world/floods';

describe('validateArticle: accepted records', () => {
  it.each([
    {
      name: 'all fields',
      value: { url: URL, outlet: 'Northern Ledger', title: 'Floods', published: '2024-03-05', text: 'Flooding closed 12 roads.' },
      expected: { url: URL, outlet: 'Northern Ledger', title: 'Floods', published: '2024-03-05', text: 'Flooding closed 12 roads.' },
    },
    {
      name: 'only url and text',
      value: { url: URL, text: 'Flooding closed 12 roads.' },
      expected: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'Flooding closed 12 roads.' },
    },
    {
      name: 'html instead of text',
      value: { url: URL, html: '<nav>Home</nav><p>Flooding closed <b>12</b> roads.</p><p>More.</p>' },
      expected: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'Flooding closed 12 roads.\n\nMore.' },
    },
    {
      name: 'text wins over html',
      value: { url: URL, text: 'From text.', html: '<p>From html.</p>' },
      expected: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'From text.' },
    },
    {
      name: 'blank text falls back to html',
      value: { url: URL, text: '   ', html: '<p>From html.</p>' },
      expected: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'From html.' },
    },
    {
      name: 'null optional fields count as absent',
      value: { url: URL, outlet: null, title: null, published: null, text: 'Body.', html: null },
      expected: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'Body.' },
    },
    {
      name: 'trimmed values',
      value: { url: `  ${URL}  `, outlet: '  Ledger ', title: ' Floods\n', published: ' 2024-03-05 ', text: '\n  Body.  \n' },
      expected: { url: URL, outlet: 'Ledger', title: 'Floods', published: '2024-03-05', text: 'Body.' },
    },
    {
      name: 'blank outlet defaults from the url',
      value: { url: 'https://m.capital-courier.example/a', outlet: '  ', text: 'Body.' },
      expected: { url: 'https://m.capital-courier.example/a', outlet: 'capital-courier.example', title: '', published: null, text: 'Body.' },
    },
    {
      name: 'blank published is unknown',
      value: { url: URL, published: '', text: 'Body.' },
      expected: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'Body.' },
    },
    {
      name: 'date-time with offset becomes UTC',
      value: { url: URL, published: '2026-10-09T07:30:00+02:00', text: 'Body.' },
      expected: { url: URL, outlet: 'northern-ledger.example', title: '', published: '2026-10-09T05:30:00.000Z', text: 'Body.' },
    },
    {
      name: 'unknown fields ignored',
      value: { url: URL, text: 'Body.', id: 7, tags: ['a'] },
      expected: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'Body.' },
    },
    {
      name: 'CRLF line breaks in text become LF',
      value: { url: URL, text: 'One.\r\n\r\nTwo.\rThree.' },
      expected: { url: URL, outlet: 'northern-ledger.example', title: '', published: null, text: 'One.\n\nTwo.\nThree.' },
    },
    {
      name: 'http url',
      value: { url: 'http://ledger.example/a', text: 'Body.' },
      expected: { url: 'http://ledger.example/a', outlet: 'ledger.example', title: '', published: null, text: 'Body.' },
    },
  ])('$name', ({ value, expected }) => {
    const actual = validateArticle(value);
    expect(actual).toEqual({ ok: true, article: expected });
  });

  it('accepts a text of exactly the maximum length', () => {
    const actual = validateArticle({ url: URL, text: 'a'.repeat(MAX_ARTICLE_CHARS) });
    expect(actual.ok).toBe(true);
  });
});

describe('validateArticle: rejected records', () => {
  it.each([
    { name: 'null', value: null, expected: 'expected an object, got null' },
    { name: 'array', value: [URL], expected: 'expected an object, got an array' },
    { name: 'string', value: URL, expected: 'expected an object, got a string' },
    { name: 'number', value: 3, expected: 'expected an object, got a number' },
    { name: 'boolean', value: true, expected: 'expected an object, got true' },
    { name: 'undefined', value: undefined, expected: 'expected an object, got nothing' },
    { name: 'no url', value: { text: 'Body.' }, expected: 'missing "url"' },
    { name: 'null url', value: { url: null, text: 'Body.' }, expected: 'missing "url"' },
    { name: 'blank url', value: { url: '  ', text: 'Body.' }, expected: 'missing "url"' },
    { name: 'url a number', value: { url: 7, text: 'Body.' }, expected: '"url" must be a string, got a number' },
    { name: 'url not http', value: { url: 'ftp://ledger.example/a', text: 'Body.' }, expected: '"url" must be an http or https address, got "ftp://ledger.example/a"' },
    { name: 'url relative', value: { url: '/world/floods', text: 'Body.' }, expected: '"url" must be an http or https address, got "/world/floods"' },
    { name: 'url javascript', value: { url: 'javascript:alert(1)', text: 'Body.' }, expected: '"url" must be an http or https address, got "javascript:alert(1)"' },
    { name: 'outlet an object', value: { url: URL, outlet: { name: 'x' }, text: 'Body.' }, expected: '"outlet" must be a string, got an object' },
    { name: 'title an array', value: { url: URL, title: ['x'], text: 'Body.' }, expected: '"title" must be a string, got an array' },
    { name: 'published a number', value: { url: URL, published: 20240305, text: 'Body.' }, expected: '"published" must be a string, got a number' },
    { name: 'text a boolean', value: { url: URL, text: false }, expected: '"text" must be a string, got false' },
    { name: 'html a number', value: { url: URL, html: 1 }, expected: '"html" must be a string, got a number' },
    { name: 'no text or html', value: { url: URL, title: 'Floods' }, expected: 'missing "text" (or "html")' },
    { name: 'empty text', value: { url: URL, text: '' }, expected: '"text" is empty' },
    { name: 'blank text', value: { url: URL, text: ' \n\t ' }, expected: '"text" is empty' },
    { name: 'html with no text', value: { url: URL, html: '<script>x()</script><nav>Home</nav>' }, expected: '"html" has no text in it' },
    {
      name: 'text too long',
      value: { url: URL, text: 'a'.repeat(MAX_ARTICLE_CHARS + 1) },
      expected: '"text" is too long: 2,000,001 characters of text, at most 2,000,000',
    },
    {
      name: 'title too long',
      value: { url: URL, title: 't'.repeat(MAX_TITLE_CHARS + 1), text: 'Body.' },
      expected: '"title" is too long: 2,001 characters, at most 2,000',
    },
    {
      name: 'outlet too long',
      value: { url: URL, outlet: 'o'.repeat(MAX_OUTLET_CHARS + 1), text: 'Body.' },
      expected: '"outlet" is too long: 501 characters, at most 500',
    },
    {
      name: 'url too long',
      value: { url: `${URL}?q=${'x'.repeat(MAX_URL_CHARS)}`, text: 'Body.' },
      expected: `"url" is too long: ${(URL.length + 3 + MAX_URL_CHARS).toLocaleString('en')} characters, at most 8,192`,
    },
    {
      name: 'unparsable date',
      value: { url: URL, published: 'last Tuesday', text: 'Body.' },
      expected: '"published" is not an ISO-8601 date: "last Tuesday" (expected e.g. "2024-03-05" or "2024-03-05T08:30:00Z")',
    },
    {
      name: 'impossible date',
      value: { url: URL, published: '2024-02-30', text: 'Body.' },
      expected: '"published" is not an ISO-8601 date: "2024-02-30" (expected e.g. "2024-03-05" or "2024-03-05T08:30:00Z")',
    },
  ])('$name', ({ value, expected }) => {
    const actual = validateArticle(value);
    expect(actual).toEqual({ ok: false, error: expected });
  });
});

describe('normalizePublished', () => {
  it.each([
    { input: '2024-03-05', expected: '2024-03-05' },
    { input: '2024-02-29', expected: '2024-02-29' },
    { input: '2024-03-05T08:30:00Z', expected: '2024-03-05T08:30:00.000Z' },
    { input: '2024-03-05t08:30:00z', expected: '2024-03-05T08:30:00.000Z' },
    { input: '2024-03-05T08:30Z', expected: '2024-03-05T08:30:00.000Z' },
    { input: '2024-03-05T08:30:00', expected: '2024-03-05T08:30:00.000Z' },
    { input: '2024-03-05 08:30:00', expected: '2024-03-05T08:30:00.000Z' },
    { input: '2024-03-05T08:30:00.123Z', expected: '2024-03-05T08:30:00.123Z' },
    { input: '2024-03-05T08:30:00.123456789Z', expected: '2024-03-05T08:30:00.123Z' },
    { input: '2024-03-05T08:30:00,5Z', expected: '2024-03-05T08:30:00.500Z' },
    { input: '2024-03-05T08:30:00+02:00', expected: '2024-03-05T06:30:00.000Z' },
    { input: '2024-03-05T08:30:00+0200', expected: '2024-03-05T06:30:00.000Z' },
    { input: '2024-03-05T08:30:00+02', expected: '2024-03-05T06:30:00.000Z' },
    { input: '2024-03-05T01:30:00+05:30', expected: '2024-03-04T20:00:00.000Z' },
    { input: '2024-12-31T23:30:00-01:00', expected: '2025-01-01T00:30:00.000Z' },
    { input: '2024-03-05T24:00:00Z', expected: '2024-03-06T00:00:00.000Z' },
    { input: '  2024-03-05  ', expected: '2024-03-05' },
    { input: 'Tue, 05 Mar 2024 10:00:00 GMT', expected: '2024-03-05T10:00:00.000Z' },
    { input: '5 Mar 2024 10:00 +0100', expected: '2024-03-05T09:00:00.000Z' },
    { input: '', expected: null },
    { input: 'yesterday', expected: null },
    { input: '2024', expected: null },
    { input: '2024-03', expected: null },
    { input: '05/03/2024', expected: null },
    { input: '2024-13-01', expected: null },
    { input: '2024-00-10', expected: null },
    { input: '2023-02-29', expected: null },
    { input: '2024-03-32', expected: null },
    { input: '2024-03-05T25:00:00Z', expected: null },
    { input: '2024-03-05T24:30:00Z', expected: null },
    { input: '2024-03-05T08:60:00Z', expected: null },
    { input: '2024-03-05T08:30:00+25:00', expected: null },
    { input: '2024-03-05T08:30:00 Europe/Paris', expected: null },
    { input: '1712300000', expected: null },
  ])('$input → $expected', ({ input, expected }) => {
    const actual = normalizePublished(input);
    expect(actual).toBe(expected);
  });
});
