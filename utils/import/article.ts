/**
 * One corpus article from the interchange format:
 * `{"url": string, "outlet"?: string, "title"?: string, "published"?: ISO-8601 string,
 *   "text"?: string, "html"?: string}` — checked and turned into a CorpusArticle, or a message
 * that says what is wrong in words a reader can act on (the caller adds the line number).
 */
import { htmlToText } from '../html-text';
import type { CorpusArticle } from '../types';
import { isHttpUrl, MAX_URL_CHARS, outletFromUrl } from '../url';
import { describeType } from '../json-type';

import { MAX_ARTICLE_CHARS, MAX_OUTLET_CHARS, MAX_TITLE_CHARS } from './limits';

export { MAX_ARTICLE_CHARS, MAX_OUTLET_CHARS, MAX_TITLE_CHARS };

/** The outcome of checking one article record. */
export type ArticleResult = { ok: true; article: CorpusArticle } | { ok: false; error: string };

/** Fields that, when present and not null, must be strings. */
const STRING_FIELDS = ['url', 'outlet', 'title', 'published', 'text', 'html'] as const;

function quoted(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

// YYYY-MM-DD, optionally followed by a time (T or space), seconds, fraction and offset.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
// RSS feeds write RFC 2822 dates ("Tue, 05 Mar 2024 10:00:00 GMT"); accepted as a courtesy.
const RFC_2822_DATE =
  /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:GMT|UTC|UT|Z|[+-]\d{4})$/;

/**
 * Normalises a publication date to an ISO-8601 string: a date stays `YYYY-MM-DD`, a date-time
 * becomes UTC (`2024-03-05T08:30:00.000Z`; no offset given means UTC). Null when it is not a date.
 */
export function normalizePublished(input: string): string | null {
  const s = input.trim();
  const m = ISO_DATE.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2024-02-30 over to March; a real date survives the round trip.
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    if (h === undefined) return `${y}-${mo}-${d}`;
    const hours = Number(h);
    const minutes = Number(mi);
    const seconds = sec === undefined ? 0 : Number(sec);
    if (hours > 24 || minutes > 59 || seconds > 60 || (hours === 24 && (minutes > 0 || seconds > 0))) return null;
    const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
    let offsetMinutes = 0;
    if (zone && zone !== 'Z' && zone !== 'z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (oh > 23 || om > 59) return null;
      offsetMinutes = sign * (oh * 60 + om);
    }
    const time = Date.UTC(year, month - 1, day, hours, minutes, Math.min(seconds, 59), millis) - offsetMinutes * 60_000;
    const result = new Date(time);
    return Number.isNaN(result.getTime()) ? null : result.toISOString();
  }
  if (RFC_2822_DATE.test(s)) {
    const time = Date.parse(s);
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  }
  return null;
}

/**
 * Checks one parsed record of the JSON Lines article format and turns it into a CorpusArticle:
 * `html` becomes text when there is no `text`, `outlet` defaults from the url, `title` to "",
 * `published` to null. Errors name the field (`missing "url"`, `"title" must be a string, got a number`).
 */
export function validateArticle(value: unknown): ArticleResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: `expected an object, got ${describeType(value)}` };
  }
  const record = value as Record<string, unknown>;
  for (const field of STRING_FIELDS) {
    const v = record[field];
    // null counts as absent: many exporters write "title": null rather than leaving it out.
    if (v !== undefined && v !== null && typeof v !== 'string') {
      return { ok: false, error: `"${field}" must be a string, got ${describeType(v)}` };
    }
  }
  const str = (field: (typeof STRING_FIELDS)[number]) => (typeof record[field] === 'string' ? (record[field] as string) : undefined);

  const rawUrl = str('url');
  if (rawUrl === undefined || rawUrl.trim() === '') return { ok: false, error: 'missing "url"' };
  const url = rawUrl.trim();
  if (url.length > MAX_URL_CHARS) return { ok: false, error: `"url" is too long: ${url.length.toLocaleString('en')} characters, at most ${MAX_URL_CHARS.toLocaleString('en')}` };
  if (!isHttpUrl(url)) return { ok: false, error: `"url" must be an http or https address, got ${quoted(url)}` };

  let text = str('text');
  let source: 'text' | 'html' = 'text';
  const html = str('html');
  if ((text === undefined || text.trim() === '') && html !== undefined && html.trim() !== '') {
    text = htmlToText(html);
    source = 'html';
  }
  if (text === undefined) return { ok: false, error: 'missing "text" (or "html")' };
  // Spreadsheets write CRLF inside quoted fields; the corpus keeps one kind of line break.
  text = text.replace(/\r\n?/g, '\n').trim();
  if (text === '') {
    return { ok: false, error: source === 'html' ? '"html" has no text in it' : '"text" is empty' };
  }
  if (text.length > MAX_ARTICLE_CHARS) {
    return {
      ok: false,
      error: `"${source}" is too long: ${text.length.toLocaleString('en')} characters of text, at most ${MAX_ARTICLE_CHARS.toLocaleString('en')}`,
    };
  }

  let published: string | null = null;
  const rawPublished = str('published');
  if (rawPublished !== undefined && rawPublished.trim() !== '') {
    published = normalizePublished(rawPublished);
    if (published === null) {
      return {
        ok: false,
        error: `"published" is not an ISO-8601 date: ${quoted(rawPublished)} (expected e.g. "2024-03-05" or "2024-03-05T08:30:00Z")`,
      };
    }
  }

  const outlet = str('outlet')?.trim() || outletFromUrl(url);
  const title = (str('title') ?? '').trim();
  for (const [field, value, max] of [['outlet', outlet, MAX_OUTLET_CHARS], ['title', title, MAX_TITLE_CHARS]] as const) {
    if (value.length > max) return { ok: false, error: `"${field}" is too long: ${value.length.toLocaleString('en')} characters, at most ${max.toLocaleString('en')}` };
  }
  return { ok: true, article: { url, outlet, title, published, text } };
}
