/**
 * CSV corpus files (RFC 4180: fields in double quotes may hold commas, doubled quotes and line
 * breaks), read as a stream. The header row names the columns — url, outlet, title, published,
 * text, html, in any case and order; other columns are ignored. Each record gives an article or
 * an error numbered with the line on which the record starts.
 */
import type { CorpusArticle } from '../types';
import { validateArticle } from './article';
import type { ArticleRecord, Chunks } from './jsonl';
import { asBytes, binaryMessage, concatBytes, headFirst, NOT_UTF8, sniffHead, Utf8Lines } from './text';

/** Options for reading a CSV file. */
export interface CsvOptions {
  /**
   * Field separator, one character. By default it is found from the header row: a comma, or a
   * semicolon or a tab when the header names a "url" column only with that separator
   * (spreadsheets in German, French, Italian or Spanish write semicolons).
   */
  delimiter?: string;
  /** Longer records are reported and skipped without being held in memory (default 4 Mi characters). */
  maxRecordChars?: number;
}

/** One CSV record with the line it starts on, or why it was skipped. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string; fatal?: true; notText?: true };

/** Default longest record, in characters. */
export const DEFAULT_MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** The columns of the article format, as named in the header row. */
const COLUMNS = ['url', 'outlet', 'title', 'published', 'text', 'html'] as const;
type Column = (typeof COLUMNS)[number];

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just read a quote inside a quoted field: a doubled quote or the closing one. */
const AFTER_QUOTE = 3;

/**
 * Splits a CSV stream into records of fields (RFC 4180, leniently: a stray quote inside an
 * unquoted field is kept as text). Line breaks may be CRLF, LF or CR; blank lines are skipped.
 * A record with invalid UTF-8 is reported ("not UTF-8 text") and skipped; a leading byte-order
 * mark is skipped. A file that is not text (UTF-16, an archive, a NUL byte anywhere) gives one
 * fatal error and nothing more.
 */
export async function* readCsvRecords(chunks: Chunks, opts: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const separator = opts.delimiter ?? ',';
  const delimiter = separator.charCodeAt(0);
  if (separator.length !== 1 || delimiter === QUOTE || delimiter === CR || delimiter === LF) {
    throw new Error('the CSV delimiter must be one character other than a quote or a line break');
  }
  const maxChars = opts.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const decoder = new TextDecoder('utf-8');
  const utf8 = new Utf8Lines();
  let nextBad = 0;

  let state = FIELD_START;
  let line = 1;
  let afterCR = false;
  let recordLine = 1;
  let recordStarted = false;
  let quoteLine = 1;
  let fields: string[] = [];
  let field = '';
  let recordChars = 0;
  let tooLong = false;
  const ready: CsvRecord[] = [];

  const append = (text: string) => {
    if (tooLong || text === '') return;
    recordChars += text.length;
    if (recordChars > maxChars) {
      tooLong = true;
      fields = [];
      field = '';
      return;
    }
    field += text;
  };
  const endField = () => {
    if (!tooLong) fields.push(field);
    field = '';
  };
  /** The first line from `recordLine` to `end` with invalid UTF-8, or 0. */
  const badLine = (end: number) => {
    const bad = utf8.badLines;
    while (nextBad < bad.length && bad[nextBad] < recordLine) nextBad++;
    return nextBad < bad.length && bad[nextBad] <= end ? bad[nextBad] : 0;
  };
  /** Ends the record whose last line is `end`. */
  const endRecord = (end: number) => {
    const bad = badLine(end);
    if (bad) ready.push({ line: recordLine, error: bad === recordLine ? NOT_UTF8 : `line ${bad}: ${NOT_UTF8}` });
    else if (tooLong) ready.push({ line: recordLine, error: `record is longer than ${maxChars.toLocaleString('en')} characters; skipped` });
    else ready.push({ line: recordLine, fields });
    fields = [];
    field = '';
    recordChars = 0;
    tooLong = false;
    recordStarted = false;
    state = FIELD_START;
  };
  const startRecord = () => {
    if (!recordStarted) {
      recordStarted = true;
      recordLine = line;
    }
  };

  const consume = (s: string) => {
    let segStart = 0;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      const isBreak = c === LF || c === CR;
      // Count lines the same way inside and outside quotes: CRLF, LF and CR each end one.
      if (c === LF) {
        if (!afterCR) line++;
      } else if (c === CR) {
        line++;
      }
      afterCR = c === CR;

      switch (state) {
        case FIELD_START:
          if (isBreak) {
            if (recordStarted) {
              endField();
              endRecord(line - 1);
            }
            // else: a blank line, or the LF of a CRLF that already ended the record.
          } else if (c === QUOTE) {
            startRecord();
            state = QUOTED;
            quoteLine = line;
            segStart = i + 1;
          } else if (c === delimiter) {
            startRecord();
            endField();
          } else {
            startRecord();
            state = UNQUOTED;
            segStart = i;
          }
          break;
        case UNQUOTED:
          if (c === delimiter || isBreak) {
            append(s.slice(segStart, i));
            endField();
            state = FIELD_START;
            if (isBreak) endRecord(line - 1);
          }
          break;
        case QUOTED:
          if (c === QUOTE) {
            append(s.slice(segStart, i));
            state = AFTER_QUOTE;
          }
          break;
        case AFTER_QUOTE:
          if (c === QUOTE) {
            // A doubled quote stands for one quote; the field goes on.
            state = QUOTED;
            segStart = i;
          } else if (c === delimiter) {
            endField();
            state = FIELD_START;
          } else if (isBreak) {
            endField();
            endRecord(line - 1);
          } else {
            // Text after the closing quote ("ab"c): kept, as spreadsheets do.
            state = UNQUOTED;
            segStart = i;
          }
          break;
      }
    }
    if (state === UNQUOTED || state === QUOTED) append(s.slice(segStart));
  };

  let head = true;
  for await (const bytes of headFirst(asBytes(chunks))) {
    if (head) {
      head = false;
      const problem = sniffHead(bytes, 'CSV');
      if (problem) {
        yield { line: 1, error: problem, fatal: true, notText: true };
        return;
      }
    }
    // The check runs ahead of the parser over each chunk, so a record's bad lines are known when it ends.
    const nul = utf8.scan(bytes);
    if (nul >= 0) {
      // Records that ended before the NUL byte are kept; the rest of the file is not read.
      consume(decoder.decode(bytes.subarray(0, nul), { stream: true }));
      while (ready.length) yield ready.shift() as CsvRecord;
      yield { line: utf8.nulLine, error: binaryMessage('CSV', utf8.nulLine), fatal: true, notText: true };
      return;
    }
    consume(decoder.decode(bytes, { stream: true }));
    while (ready.length) yield ready.shift() as CsvRecord;
  }
  utf8.end();
  consume(decoder.decode());
  while (ready.length) yield ready.shift() as CsvRecord;

  if (state === QUOTED) {
    yield {
      line: recordLine,
      error: `the quoted field that starts on line ${quoteLine} is never closed (a stray double quote?); the rest of the file was skipped`,
      fatal: true,
    };
  } else if (recordStarted) {
    endField();
    endRecord(line);
    yield ready.shift() as CsvRecord;
  }
}

/**
 * Reads a CSV corpus file with a header row; gives one article per record, or a line-numbered
 * reason the record was skipped. A header without a "url" column, or without a "text" or "html"
 * column, is reported once (line 1) and nothing else is read.
 */
export async function* parseCsvArticles(chunks: Chunks, opts: CsvOptions = {}): AsyncGenerator<ArticleRecord> {
  let columns: Array<Column | null> | null = null;
  let headerLine = 0;
  let records = 0;
  let input: Chunks = chunks;
  let delimiter = opts.delimiter;
  if (delimiter === undefined) {
    const peeked = await peekHeader(asBytes(chunks));
    delimiter = declaredSeparator(peeked.header) ?? detectDelimiter(peeked.header);
    input = peeked.chunks;
  }
  /** Whether a first line "sep=;" (as some spreadsheets write it) may still come. */
  let sepLineMayCome = true;
  for await (const record of readCsvRecords(input, { ...opts, delimiter })) {
    if (columns === null) {
      if (sepLineMayCome && !('error' in record) && declaredSeparator(record.fields.join(delimiter)) === delimiter) {
        sepLineMayCome = false;
        continue;
      }
      sepLineMayCome = false;
      if ('error' in record) {
        // A file that is not text says so as it is; other problems are the header row's.
        yield { line: record.line, error: record.notText ? record.error : `header row: ${record.error}`, fatal: true };
        return;
      }
      const names = record.fields.map((f) => f.trim().toLowerCase());
      const problem = headerProblem(names, delimiter);
      if (problem) {
        yield { line: record.line, error: problem, fatal: true };
        return;
      }
      headerLine = record.line;
      const seen = new Set<string>();
      columns = names.map((name) => {
        if (!(COLUMNS as readonly string[]).includes(name) || seen.has(name)) return null;
        seen.add(name);
        return name as Column;
      });
      continue;
    }
    records++;
    if ('error' in record) {
      yield record.fatal ? { line: record.line, error: record.error, fatal: true } : { line: record.line, error: record.error };
      continue;
    }
    const { fields } = record;
    if (fields.length > columns.length && fields.slice(columns.length).some((f) => f.trim() !== '')) {
      yield {
        line: record.line,
        error: `expected ${columns.length} fields as in the header row, found ${fields.length} (a field with a ${SEPARATOR_NAMES[delimiter]?.one ?? JSON.stringify(delimiter)} in it needs double quotes)`,
      };
      continue;
    }
    const value: Partial<Record<Column, string>> = {};
    columns.forEach((column, i) => {
      const field = fields[i];
      if (column && field !== undefined && field.trim() !== '') value[column] = field;
    });
    const result = validateArticle(value);
    yield result.ok ? { line: record.line, article: result.article as CorpusArticle } : { line: record.line, error: result.error };
  }
  if (columns === null) {
    yield { line: 1, error: 'the file is empty: expected a header row naming the columns (url, outlet, title, published, text, html)', fatal: true };
  } else if (records === 0) {
    yield { line: headerLine, error: 'the file has a header row but no articles after it', fatal: true };
  }
}

/** Says what is wrong with a header row, or null when it has what an article needs. */
function headerProblem(names: string[], delimiter: string): string | null {
  if (names[0]?.startsWith('{')) {
    return 'this looks like a JSON Lines file (its first line is a JSON object), not CSV: give it a name ending in .jsonl to import it as JSON Lines';
  }
  const found = names.filter((n) => n !== '');
  const list = found.length ? found.map((n) => JSON.stringify(n)).join(', ') : 'none';
  const columnsFound = delimiter === ',' ? `columns found: ${list}` : `columns found, separated by ${SEPARATOR_NAMES[delimiter]?.many ?? JSON.stringify(delimiter)}: ${list}`;
  if (!names.includes('url')) return `the header row has no "url" column (${columnsFound})`;
  if (!names.includes('text') && !names.includes('html')) {
    return `the header row has no "text" or "html" column (${columnsFound})`;
  }
  return null;
}

/** The separators a header row is read with, and how messages name them. */
const SEPARATOR_NAMES: Readonly<Record<string, { one: string; many: string }>> = {
  ',': { one: 'comma', many: 'commas' },
  ';': { one: 'semicolon', many: 'semicolons' },
  '\t': { one: 'tab', many: 'tabs' },
};

/** Bytes looked at, at most, for the header row when the separator is found from it. */
const HEADER_PEEK_BYTES = 64 * 1024;

/**
 * The field separator of a CSV file, found from its header row: a comma when the row split at
 * commas names a "url" column; otherwise a semicolon or a tab when the row split at it does.
 * When none does (the file will be refused), the one giving the most columns, so that the
 * message lists the columns as the reader sees them; a comma when none splits the row.
 */
export function detectDelimiter(header: string): string {
  const candidates = Object.keys(SEPARATOR_NAMES);
  const split = candidates.map((sep) => ({ sep, names: splitHeader(header, sep) }));
  const named = split.find((c) => c.names.includes('url'));
  if (named) return named.sep;
  let best = split[0];
  for (const c of split) if (c.names.length > best.names.length) best = c;
  return best.sep;
}

/**
 * The separator a first line such as "sep=;" names (spreadsheets write it so that the file opens
 * with the right separator), or null when the line is not one.
 */
export function declaredSeparator(line: string): string | null {
  const m = /^sep=([^"\r\n])[\r\n]*$/i.exec(line);
  return m ? m[1] : null;
}

/** A header row's column names (trimmed, lower case), split at `sep` outside double quotes. */
function splitHeader(header: string, sep: string): string[] {
  const names: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (c === '"') {
      if (quoted && header[i + 1] === '"') {
        field += c;
        i++;
      } else quoted = !quoted;
    } else if (c === sep && !quoted) {
      names.push(field.trim().toLowerCase());
      field = '';
    } else field += c;
  }
  names.push(field.trim().toLowerCase());
  return names;
}

/**
 * Reads a stream as far as its first line of text (the header row; at most HEADER_PEEK_BYTES),
 * and gives that line with the whole stream, read bytes included, to parse from the start.
 */
async function peekHeader(bytes: AsyncIterable<Uint8Array>): Promise<{ header: string; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let header = '';
  let ended = false;
  /** The first line with text in what was read, and whether it is known to be complete. */
  const firstLine = () => {
    const text = new TextDecoder('utf-8').decode(concatBytes(head, size)).replace(/^\uFEFF/, '');
    const line = /^[\r\n]*([^\r\n]+)[\r\n]/.exec(text);
    return line ? { text: line[1], complete: true } : { text: text.replace(/^[\r\n]+/, ''), complete: false };
  };
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      header = firstLine().text;
      break;
    }
    head.push(next.value);
    size += next.value.length;
    // Looked at only once a line may have ended (or enough was read), not at every chunk.
    if (!next.value.some((b) => b === LF || b === CR) && size < HEADER_PEEK_BYTES) continue;
    const line = firstLine();
    header = line.text;
    if (line.complete || size >= HEADER_PEEK_BYTES) break;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      yield* head;
      if (ended) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      if (!ended) await iterator.return?.();
    }
  }
  return { header, chunks: replay() };
}

