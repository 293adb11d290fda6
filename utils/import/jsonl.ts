/**
 * JSON Lines corpus files, one article per line, read as a stream: memory holds one line at a
 * time (at most `maxLineBytes` of it), however large the file. Problems are reported per line
 * and the line is skipped; nothing a file contains makes these functions throw.
 */
import type { CorpusArticle } from '../types';
import { validateArticle } from './article';
import { asBytes, binaryMessage, headFirst, NOT_UTF8, sniffHead } from './text';

/** A file's content as it arrives: byte chunks from a stream, or strings. */
export type Chunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * One line of text, or why that line could not be read. Lines are numbered from 1. A `fatal`
 * error ends the file: nothing after it was read (a binary file, say).
 */
export type LineResult = { line: number; text: string } | { line: number; error: string; fatal?: true };

/** One article from a file, or why the record starting on `line` was skipped (`fatal`: and the rest of the file). */
export type ArticleRecord = { line: number; article: CorpusArticle } | { line: number; error: string; fatal?: true };

/** Options for reading a file line by line. */
export interface ReadLinesOptions {
  /** Longer lines are reported and skipped without being held in memory (default 4 MiB). */
  maxLineBytes?: number;
  /** Lines up to this number are passed over unread (an import resuming after them); numbering is unchanged. */
  skipLines?: number;
}

/** Default longest line: an article's JSON with its HTML fits with room to spare. */
export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

const LF = 0x0a;

/** "4 MiB (4,194,304 bytes)" or "300 bytes". */
export function describeBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en')} bytes`;
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB (${exact})`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB (${exact})`;
  return exact;
}

/**
 * Splits a UTF-8 stream into numbered lines, decoding as it goes. A byte-order mark at the start
 * is skipped, CRLF is treated as LF, blank lines are skipped (but counted), a line with invalid
 * UTF-8 or longer than `maxLineBytes` is reported as an error for that line. A file that is not
 * text (UTF-16, an archive, a NUL byte anywhere) gives one fatal error and nothing more.
 */
export async function* readLines(chunks: Chunks, opts: ReadLinesOptions = {}): AsyncGenerator<LineResult> {
  const maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const skip = opts.skipLines ?? 0;
  // `fatal` turns invalid UTF-8 into an exception we can report; a leading BOM is dropped by the
  // decoder at the start of each line's stream, which covers the file's first line.
  const newDecoder = () => new TextDecoder('utf-8', { fatal: true });
  let decoder = newDecoder();
  let line = 1;
  let parts: string[] = [];
  let lineBytes = 0;
  let tooLong = false;
  let invalid = false;
  let binary = false;
  let head = true;

  const feed = (segment: Uint8Array) => {
    if (segment.length === 0) return;
    lineBytes += segment.length;
    if (line <= skip) return;
    // No text file holds a NUL byte (a UTF-16 file without a byte-order mark is full of them).
    if (segment.indexOf(0) >= 0) binary = true;
    if (tooLong || binary) return;
    // Length is checked before validity so the message does not depend on where chunks split.
    if (lineBytes > maxLineBytes) {
      tooLong = true;
      parts = [];
      decoder = newDecoder();
      return;
    }
    if (invalid) return;
    try {
      parts.push(decoder.decode(segment, { stream: true }));
    } catch {
      invalid = true;
      parts = [];
      decoder = newDecoder();
    }
  };

  const finish = (): LineResult | null => {
    let result: LineResult | null = null;
    if (line <= skip) {
      // Passed over unread.
    } else if (binary) {
      return { line, error: binaryMessage('JSON Lines', line), fatal: true };
    } else if (tooLong) {
      result = { line, error: `line is longer than ${describeBytes(maxLineBytes)}; skipped` };
    } else if (!invalid) {
      try {
        parts.push(decoder.decode());
      } catch {
        invalid = true;
        decoder = newDecoder();
      }
    }
    if (!result && invalid) result = { line, error: NOT_UTF8 };
    if (!result && line > skip) {
      let text = parts.length === 1 ? parts[0] : parts.join('');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() !== '') result = { line, text };
    }
    line++;
    parts = [];
    lineBytes = 0;
    tooLong = false;
    invalid = false;
    return result;
  };

  for await (const bytes of headFirst(asBytes(chunks))) {
    if (head) {
      head = false;
      const problem = sniffHead(bytes, 'JSON Lines');
      if (problem) {
        yield { line: 1, error: problem, fatal: true };
        return;
      }
    }
    let start = 0;
    for (;;) {
      const newline = bytes.indexOf(LF, start);
      if (newline < 0) {
        feed(bytes.subarray(start));
        break;
      }
      feed(bytes.subarray(start, newline));
      const result = finish();
      if (result) yield result;
      if (result && 'fatal' in result) return;
      start = newline + 1;
    }
  }
  if (lineBytes > 0) {
    const result = finish();
    if (result) yield result;
  }
}

/** Makes a JSON.parse message short and about the line rather than "the JSON data". */
function jsonProblem(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  message = message
    .replace(/^JSON\.parse: /, '')
    .replace(/ at line 1 column (\d+) of the JSON data$/, ' at column $1')
    .replace(/ \(line 1 column (\d+)\)$/, '');
  if (message.length > 160) message = `${message.slice(0, 157)}...`;
  return message;
}

/**
 * Reads a JSON Lines corpus file: one article per line in the interchange format, or a
 * line-numbered reason the line was skipped ("not valid JSON: …", "expected an object, got an
 * array", `missing "url"`, …). A file with no line of text says so once, as line 1.
 */
export async function* parseJsonLines(chunks: Chunks, opts: ReadLinesOptions = {}): AsyncGenerator<ArticleRecord> {
  let any = false;
  for await (const item of readLines(chunks, opts)) {
    const first = !any && !opts.skipLines;
    any = true;
    if ('error' in item) {
      yield item;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(item.text);
    } catch (error) {
      // A JSON document spread over lines ("[" or "{" alone on the first line) is not JSON Lines.
      if (first && /^\s*[[{]\s*$/.test(item.text)) {
        yield { line: item.line, error: NOT_JSON_LINES, fatal: true };
        return;
      }
      // A CSV header row ("url,title,text") on the first line: a CSV file under another name.
      if (first && /^\s*"?\s*[\w ]+\s*"?\s*([,;\t]\s*"?\s*[\w ]*\s*"?\s*)+$/.test(item.text) && /(^|[,;\t"\s])url([,;\t"\s]|$)/i.test(item.text)) {
        yield { line: item.line, error: CSV_NOT_JSON_LINES, fatal: true };
        return;
      }
      yield { line: item.line, error: `not valid JSON: ${jsonProblem(error)}` };
      continue;
    }
    if (first && Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
      yield { line: item.line, error: NOT_JSON_LINES, fatal: true };
      return;
    }
    const result = validateArticle(value);
    yield result.ok ? { line: item.line, article: result.article } : { line: item.line, error: result.error };
  }
  if (!any && !opts.skipLines) yield { line: 1, error: EMPTY_FILE, fatal: true };
}

/** Said of a JSON document (an array of articles, or pretty-printed JSON) given as JSON Lines. */
export const NOT_JSON_LINES =
  'this is one JSON document (an array, or JSON spread over several lines), not JSON Lines: write each article as one JSON object on its own line';

/** Said of a CSV file read as JSON Lines. */
export const CSV_NOT_JSON_LINES =
  'this looks like a CSV file (its first line is a header row naming columns), not JSON Lines: give it a name ending in .csv to import it as CSV';

/** Said of a file without one line of text. */
export const EMPTY_FILE = 'the file is empty (or holds only blank lines): no articles to import';

/**
 * Writes articles as JSON Lines for export: one JSON text per article with the fields in the
 * documented order (url, outlet, title, published, text), `published` left out when unknown.
 * Each string is one line without its line break.
 */
export function* serializeJsonLines(articles: Iterable<CorpusArticle>): Generator<string> {
  for (const a of articles) {
    const record: Record<string, string> = { url: a.url, outlet: a.outlet, title: a.title };
    if (a.published !== null && a.published !== undefined) record.published = a.published;
    record.text = a.text;
    yield JSON.stringify(record);
  }
}
