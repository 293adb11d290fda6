/**
 * Checks that an import file is UTF-8 text before and while it is parsed: the first bytes say
 * whether it is text at all (a UTF-16 file, a ZIP archive, a spreadsheet, an image…), a NUL byte
 * anywhere means a binary file, and invalid UTF-8 is found line by line. Pure and streaming.
 */
import type { Chunks } from './jsonl';

/** Bytes looked at before the file is parsed. */
const HEAD_BYTES = 1024;

/** The kinds of file the import reads, as named in messages. */
export type TextFormat = 'JSON Lines' | 'CSV';

const utf8Encoder = new TextEncoder();

/** Every chunk as bytes (strings are encoded as UTF-8). */
export async function* asBytes(chunks: Chunks): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? utf8Encoder.encode(chunk) : chunk;
    if (bytes.length) yield bytes;
  }
}

/**
 * The same bytes, the first chunk holding the first `n` bytes of the file (or all of it when it
 * is shorter), so that a check on the head does not depend on how the file was cut into chunks.
 */
export async function* headFirst(chunks: AsyncIterable<Uint8Array>, n = HEAD_BYTES): AsyncGenerator<Uint8Array> {
  let head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  for await (const chunk of chunks) {
    if (done) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    size += chunk.length;
    if (size < n) continue;
    const all = concatBytes(head, size);
    head = [];
    done = true;
    yield all.subarray(0, n);
    if (size > n) yield all.subarray(n);
  }
  if (!done && size > 0) yield concatBytes(head, size);
}

/** The parts joined into one array of `size` bytes (the one part itself when there is one). */
export function concatBytes(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Why a NUL byte means the file is not text, for a message. */
export function binaryMessage(format: TextFormat, line: number, unread = 'the rest of the file was not read'): string {
  return (
    `this looks like a binary file, not ${format} text (a NUL byte on line ${line.toLocaleString('en')}); ` +
    `${unread}. If it is UTF-16 text, save it as UTF-8 and import it again`
  );
}

/** The message for a line that is not UTF-8. */
export const NOT_UTF8 = 'not UTF-8 text (perhaps Latin-1 or Windows-1252: save the file as UTF-8); skipped';

/**
 * What is wrong with a file whose first bytes are `head`, or null when it may be UTF-8 text.
 * Recognises UTF-16 and UTF-32 byte-order marks, compressed files and archives (a spreadsheet
 * saved as .xlsx is a ZIP archive), PDF, and bytes that no text file holds.
 */
export function sniffHead(head: Uint8Array, format: TextFormat): string | null {
  const rest = 'the file was not read';
  if (startsWith(head, 0xff, 0xfe, 0, 0) || startsWith(head, 0, 0, 0xfe, 0xff)) {
    return `the file is UTF-32 text, not UTF-8: save it as UTF-8 and import it again; ${rest}`;
  }
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
    return `the file is UTF-16 text, not UTF-8: save it as UTF-8 and import it again; ${rest}`;
  }
  if (startsWith(head, 0x1f, 0x8b)) return `this is a gzip-compressed file, not ${format} text: decompress it first; ${rest}`;
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) {
    const hint = format === 'CSV' ? ' (a spreadsheet saved as .xlsx or .ods is one): save it as CSV first' : ': extract the file first';
    return `this is a ZIP archive, not ${format} text${hint}; ${rest}`;
  }
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46, 0x2d)) return `this is a PDF document, not ${format} text; ${rest}`;
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return binaryMessage(format, lineAt(head, i), rest);
    // Control characters other than tab, line feed, form feed and carriage return.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  if (head.length >= 16 && controls * 10 > head.length) {
    return `this looks like a binary file, not ${format} text (${controls} control characters in its first ${head.length} bytes); ${rest}`;
  }
  return null;
}

/** Line number (from 1; CRLF, LF and CR each end a line) of byte `at`. */
function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      if (i === 0 || bytes[i - 1] !== 0x0d) line++;
    } else if (bytes[i] === 0x0d) line++;
  }
  return line;
}

/**
 * Follows a byte stream through a UTF-8 check, counting lines as the CSV reader does (CRLF, LF
 * and CR each end one). Lines holding invalid UTF-8 are listed; the first NUL byte is noted.
 */
export class Utf8Lines {
  /** Current line, from 1. */
  line = 1;
  /** Lines with invalid UTF-8, in order (each once). */
  readonly badLines: number[] = [];
  /** Line of the first NUL byte, or 0. */
  nulLine = 0;
  private afterCR = false;
  /** Continuation bytes still expected, and the range the next one must be in (WHATWG decoder). */
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;

  private bad(): void {
    if (this.badLines[this.badLines.length - 1] !== this.line) this.badLines.push(this.line);
  }

  /**
   * Checks `bytes`; returns the offset of the first NUL byte in them (the check stops there),
   * or -1.
   */
  scan(bytes: Uint8Array): number {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (this.need > 0) {
        if (b >= this.lower && b <= this.upper) {
          this.need--;
          this.lower = 0x80;
          this.upper = 0xbf;
          continue;
        }
        // A sequence cut short: that line is bad, and this byte starts afresh.
        this.need = 0;
        this.lower = 0x80;
        this.upper = 0xbf;
        this.bad();
      }
      if (b < 0x80) {
        if (b === 0x0a) {
          if (!this.afterCR) this.line++;
        } else if (b === 0x0d) {
          this.line++;
        } else if (b === 0) {
          this.nulLine = this.line;
          return i;
        }
        this.afterCR = b === 0x0d;
        continue;
      }
      this.afterCR = false;
      if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) this.lower = 0xa0;
        if (b === 0xed) this.upper = 0x9f;
        this.need = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) this.lower = 0x90;
        if (b === 0xf4) this.upper = 0x8f;
        this.need = 3;
      } else this.bad();
    }
    return -1;
  }

  /** The end of the file: a character cut short there makes the last line bad. */
  end(): void {
    if (this.need > 0) this.bad();
    this.need = 0;
  }
}
