/**
 * What each message of the protocol may carry, checked before its handler runs: the sender's
 * context (a tab's content script, or one of the extension's own pages), the fields and their
 * types, no field more, and sizes bounded. Every message of `BackgroundProtocol` and
 * `ContentProtocol` must have an entry here: a message added without one does not compile.
 * Pure: no browser API, so it is tested on its own.
 */
import type { BackgroundProtocol, ContentProtocol, Req } from './messages';
import { isHttpUrl, MAX_URL_CHARS } from '../url';
import { MAX_ARTICLE_CHARS, MAX_OUTLET_CHARS, MAX_TITLE_CHARS } from '../import/limits';
import { describeType } from '../json-type';
import { isCalendarDay, isTimeZone } from '../local-day';

/** Size limits of what a message may carry, in characters or items. */
export const LIMITS = {
  /** A page's article text ("a few MB"; the background checks its first part only). */
  pageText: 5_000_000,
  /** A selection, a typed sentence, or one claim. */
  shortText: 20_000,
  url: MAX_URL_CHARS,
  title: MAX_TITLE_CHARS,
  outlet: MAX_OUTLET_CHARS,
  /** A publication date as a page writes it. */
  date: 100,
  /** A page script's id (see the content protocol's hello). */
  pageId: 64,
  articleText: MAX_ARTICLE_CHARS,
  /** Articles in one import batch (the options page sends 500). */
  batchArticles: 1_000,
  /** Text of all articles of one import batch together (the options page cuts at 4 M, plus one article). */
  batchText: 8_000_000,
  /** Bad lines reported with one import batch (the options page sends them on before this). */
  checkpointErrors: 1_000,
  /** One bad line's message. */
  errorText: 2_000,
  fileKey: 2_000,
  fileName: 1_000,
  /** Articles asked for per export page. */
  exportPage: 1_000,
  /** Claims on one page. */
  claimIndex: 100_000,
} as const;

/** Field names never accepted in a message, whatever the message: they reach prototypes. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The expected form of a value: `check` says what is wrong (or null when it fits), naming the
 * field by its path. The type parameter only ties the shape to the protocol's types.
 */
export interface Shape<T> {
  check(value: unknown, path: string): string | null;
  /** Never set; makes `Shape<A>` and `Shape<B>` interchangeable only when A and B are the same type. */
  readonly _type?: (value: T) => T;
}

/** A field that may be left out (or be undefined). */
interface OptionalShape<T> extends Shape<T> {
  readonly optional: true;
}

type ShapeType<S> = S extends Shape<infer T> ? T : never;
type Flatten<T> = { [K in keyof T]: T[K] } & {};
type FieldsType<F extends Record<string, Shape<any>>> = Flatten<
  { [K in keyof F as F[K] extends OptionalShape<any> ? never : K]: ShapeType<F[K]> } & {
    [K in keyof F as F[K] extends OptionalShape<any> ? K : never]?: ShapeType<F[K]>;
  }
>;

function shape<T>(check: (value: unknown, path: string) => string | null): Shape<T> {
  return { check };
}

function count(n: number): string {
  return n.toLocaleString('en');
}

/** A string of at most `max` characters (and, with `nonEmpty`, not blank). */
export function text(max: number, opts: { nonEmpty?: boolean } = {}): Shape<string> {
  return shape((value, path) => {
    if (typeof value !== 'string') return `"${path}" must be text, got ${describeType(value)}`;
    if (value.length > max) return `"${path}" is too long: ${count(value.length)} characters, at most ${count(max)}`;
    if (opts.nonEmpty && !value.trim()) return `"${path}" is empty`;
    return null;
  });
}

/** An absolute address the URL parser reads, at most LIMITS.url long; with `web`, http(s) only. */
export function address(opts: { web?: boolean } = {}): Shape<string> {
  const asText = text(LIMITS.url, { nonEmpty: true });
  return shape((value, path) => {
    const wrong = asText.check(value, path);
    if (wrong) return wrong;
    if (opts.web) return isHttpUrl(value) ? null : `"${path}" must be an http or https address`;
    try {
      new URL(value as string);
      return null;
    } catch {
      return `"${path}" is not an address`;
    }
  });
}

/** A whole number between `min` and `max`. */
export function int(min: number, max: number = Number.MAX_SAFE_INTEGER): Shape<number> {
  return shape((value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return `"${path}" must be a whole number, got ${describeType(value)}`;
    if (value < min || value > max) return `"${path}" must be between ${count(min)} and ${count(max)}`;
    return null;
  });
}

/** A finite number (sizes, dates in milliseconds). */
export function finite(min: number = -Number.MAX_VALUE): Shape<number> {
  return shape((value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return `"${path}" must be a number, got ${describeType(value)}`;
    return value < min ? `"${path}" must be at least ${min}` : null;
  });
}

/** One of the given strings. */
export function oneOf<const T extends string>(...values: T[]): Shape<T> {
  return shape((value, path) => ((values as unknown[]).includes(value) ? null : `"${path}" must be one of ${values.map((v) => `"${v}"`).join(', ')}`));
}

/** The value, or null. */
export function nullable<T>(inner: Shape<T>): Shape<T | null> {
  return shape((value, path) => (value === null ? null : inner.check(value, path)));
}

/** A field that may be left out. */
export function optional<T>(inner: Shape<T>): OptionalShape<T> {
  return { optional: true, check: (value, path) => (value === undefined ? null : inner.check(value, path)) };
}

/** A list of at most `max` items of one shape, plus a check of the whole list. */
export function list<T>(item: Shape<T>, max: number, whole?: (items: T[], path: string) => string | null): Shape<T[]> {
  return shape((value, path) => {
    if (!Array.isArray(value)) return `"${path}" must be a list, got ${describeType(value)}`;
    if (value.length > max) return `"${path}" has too many items: ${count(value.length)}, at most ${count(max)}`;
    for (let i = 0; i < value.length; i++) {
      const wrong = item.check(value[i], `${path}[${i}]`);
      if (wrong) return wrong;
    }
    return whole ? whole(value as T[], path) : null;
  });
}

/** Whether a value is a plain object (made by a literal or JSON, not a class or a list). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A plain object with exactly these fields (optional ones may be missing), no other field, and
 * no field that reaches a prototype; `whole` checks the fields together.
 */
export function record<F extends Record<string, Shape<any>>>(fields: F, whole?: (value: FieldsType<F>, path: string) => string | null): Shape<FieldsType<F>> {
  return shape((value, path) => {
    if (!isPlainObject(value)) return `"${path}" must be an object, got ${describeType(value)}`;
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string') return `"${path}" has a field that is not a name`;
      if (FORBIDDEN_KEYS.has(key)) return `"${path}" has a forbidden field "${key}"`;
      if (!Object.hasOwn(fields, key)) return `"${path}" has an unexpected field "${key.slice(0, 40)}"`;
    }
    for (const [key, field] of Object.entries(fields)) {
      const present = Object.hasOwn(value, key);
      if (!present && !(field as Partial<OptionalShape<unknown>>).optional) return `"${path}.${key}" is missing`;
      const wrong = field.check(present ? value[key] : undefined, `${path}.${key}`);
      if (wrong) return wrong;
    }
    return whole ? whole(value as FieldsType<F>, path) : null;
  });
}

/** A message that carries nothing: `{}`. */
const nothing: Shape<Record<string, never>> = record({}) as Shape<Record<string, never>>;

/** Who may send a message: a tab's content script, one of the extension's pages, or either. */
export type SenderKind = 'tab' | 'extension' | 'any';

/** The check of one message: its sender and its data. */
export interface MessageCheck<T> {
  from: SenderKind;
  data: Shape<T>;
}

/** A check for every message of a protocol. */
export type ProtocolChecks<P> = { [K in keyof P]-?: MessageCheck<Req<P, K>> };

const pageUrl = address();
const webUrl = address({ web: true });
/** A time zone name the runtime knows ("America/Los_Angeles"). */
const timeZone = shape<string>((value, path) => text(100).check(value, path) ?? (isTimeZone(value as string) ? null : `"${path}" is not a time zone`));
const day = shape<string>((value, path) => text(40).check(value, path) ?? (isCalendarDay(value as string) ? null : `"${path}" must be a date like 2026-03-05`));

const article = record({
  url: webUrl,
  outlet: text(LIMITS.outlet),
  title: text(LIMITS.title),
  published: nullable(text(LIMITS.date)),
  text: text(LIMITS.articleText),
});

const checkpoint = record({
  fileKey: text(LIMITS.fileKey, { nonEmpty: true }),
  name: text(LIMITS.fileName),
  size: finite(0),
  lastModified: finite(),
  line: int(0),
  bytesRead: finite(0),
  errors: list(record({ line: int(0), error: text(LIMITS.errorText) }), LIMITS.checkpointErrors),
});

const batchText = (articles: { text: string }[], path: string) => {
  const total = articles.reduce((n, a) => n + a.text.length, 0);
  return total > LIMITS.batchText ? `"${path}" holds too much text: ${count(total)} characters, at most ${count(LIMITS.batchText)}` : null;
};

/** A page's article as the page script sends it, to be checked (and captured where capture is on). */
const pageArticle = record({
  url: pageUrl,
  title: text(LIMITS.title),
  siteName: nullable(text(LIMITS.outlet)),
  canonicalUrl: nullable(webUrl),
  text: text(LIMITS.pageText),
  published: optional(nullable(text(LIMITS.date))),
  pageId: optional(text(LIMITS.pageId)),
});

/** Messages to the background. */
export const BACKGROUND_CHECKS: ProtocolChecks<BackgroundProtocol> = {
  pageReading: { from: 'tab', data: nothing },
  spotPage: { from: 'tab', data: record({ url: pageUrl, canonicalUrl: nullable(webUrl), text: text(LIMITS.pageText), part: oneOf('opening', 'rest') }) },
  checkPage: { from: 'tab', data: pageArticle },
  capturePage: { from: 'tab', data: pageArticle },
  pageIdle: { from: 'tab', data: record({ url: pageUrl, status: oneOf('off', 'no-article', 'error'), error: optional(text(LIMITS.shortText)), pageId: optional(text(LIMITS.pageId)) }) },
  checkTyped: { from: 'extension', data: record({ tabId: nullable(int(0)), text: text(LIMITS.shortText, { nonEmpty: true }) }) },
  checkSelection: { from: 'tab', data: record({ text: text(LIMITS.shortText, { nonEmpty: true }), url: pageUrl }) },
  dismissClaim: { from: 'tab', data: record({ pageUrl, key: text(LIMITS.shortText, { nonEmpty: true }) }) },
  openSidePanel: { from: 'extension', data: record({ tabId: int(0) }) },
  checkTabOnce: { from: 'extension', data: record({ tabId: int(0) }) },
  importBatch: {
    from: 'extension',
    data: record({ articles: list(article, LIMITS.batchArticles, batchText), checkpoint: optional(checkpoint) }),
  },
  importState: { from: 'extension', data: record({ fileKey: text(LIMITS.fileKey, { nonEmpty: true }) }) },
  forgetImport: { from: 'extension', data: record({ fileKey: text(LIMITS.fileKey, { nonEmpty: true }) }) },
  deletePublishedBetween: {
    from: 'extension',
    data: record({ from: day, to: day, timeZone: optional(timeZone) }, (v, path) => (v.from > v.to ? `"${path}.from" is after "${path}.to"` : null)),
  },
  deleteArticle: {
    from: 'extension',
    data: record({ url: optional(webUrl), id: optional(int(1)) }, (v, path) =>
      v.url === undefined && v.id === undefined ? `"${path}" must name the article by "url" or "id"` : null,
    ),
  },
  removeDemoCorpus: { from: 'extension', data: nothing },
  loadDemoCorpus: { from: 'extension', data: nothing },
  deleteOutlet: { from: 'extension', data: record({ outlet: text(LIMITS.outlet, { nonEmpty: true }) }) },
  exportPage: { from: 'extension', data: record({ afterId: int(0), limit: int(1, LIMITS.exportPage) }) },
  corpusSize: { from: 'any', data: nothing },
  outletStats: { from: 'extension', data: record({ timeZone: optional(timeZone) }) },
};

/** Messages to a tab's content script (from the background and the side panel only). */
export const CONTENT_CHECKS: ProtocolChecks<ContentProtocol> = {
  hello: { from: 'extension', data: nothing },
  checkOnce: { from: 'extension', data: nothing },
  showClaim: { from: 'extension', data: record({ index: int(0, LIMITS.claimIndex), text: optional(text(LIMITS.shortText)) }) },
  getSelection: { from: 'extension', data: nothing },
  recheck: { from: 'extension', data: nothing },
};

// One name, one message: the two protocols must not share a name, since a check is found by name.
type Shared = keyof BackgroundProtocol & keyof ContentProtocol;
const noSharedNames: [Shared] extends [never] ? true : never = true;
void noSharedNames;

/** Every message's check, by name. */
export const MESSAGE_CHECKS: Readonly<Record<string, MessageCheck<unknown> | undefined>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, MessageCheck<unknown>>, BACKGROUND_CHECKS, CONTENT_CHECKS),
);

/** What a receiver knows of a message's sender. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Whether a sender may send a message of this kind: it must be this extension (`extensionId`),
 * and a tab's content script (for 'tab') or a page of this extension (`extensionOrigin`, for
 * 'extension').
 */
export function senderAllowed(from: SenderKind, sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  if (!extensionId || sender.id !== extensionId) return false;
  // A page of ours, or our background: a sender with our id, no tab and no address can only be
  // the background (content scripts always come with their tab and page address).
  const ours = typeof sender.url === 'string' ? sender.url.startsWith(extensionOrigin) : sender.tab === undefined;
  if (from === 'extension') return ours;
  if (from === 'tab') return typeof sender.tab?.id === 'number' && sender.tab.id >= 0;
  return ours || (typeof sender.tab?.id === 'number' && sender.tab.id >= 0);
}

/** The message name of an envelope, or what is wrong with the envelope. */
export function checkEnvelope(message: unknown): { name: string; data: unknown } | { error: string } {
  if (!isPlainObject(message)) return { error: 'the message is not an object' };
  for (const key of Reflect.ownKeys(message)) {
    if (key !== 'crosscheck' && key !== 'data') return { error: `the message has an unexpected field "${String(key).slice(0, 40)}"` };
  }
  const name = message.crosscheck;
  if (typeof name !== 'string' || name.length > 64) return { error: 'the message has no name' };
  return { name, data: message.data };
}

/**
 * What is wrong with a message's data, in words a person can read, or null when it may go to its
 * handler. Unknown names are refused.
 */
export function checkMessage(name: string, data: unknown): string | null {
  const checks = MESSAGE_CHECKS as Readonly<Record<string, MessageCheck<unknown> | undefined>>;
  const check = Object.hasOwn(checks, name) ? checks[name] : undefined;
  if (!check) return `unknown message "${name.slice(0, 64)}"`;
  const wrong = check.data.check(data, 'data');
  return wrong && `message "${name}" refused: ${wrong}`;
}
