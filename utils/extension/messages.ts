import { browser } from 'wxt/browser';
import type { CheckedClaim, CorpusArticle, Span } from '../types';
import { DISK_FULL, isQuotaError } from './storage-errors';
import { checkEnvelope, checkMessage, MESSAGE_CHECKS, senderAllowed, type MessageCheck, type ProtocolChecks, type SenderInfo, type SenderKind } from './message-checks';

/**
 * The one message protocol between the extension's contexts. Every message is declared once,
 * per direction, with what it carries and what it answers. Errors cross as a `Result`, never as
 * a thrown Error.
 */

/** The answer to every message: a value, or a message a person can read. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Where a selection or typed check came from. */
export type SelectionSource = 'selection' | 'typed';

/** A check the reader asked for (a selection or a typed sentence). */
/** A selection or typed text is checked on its first this many characters. */
export const MAX_SELECTION_CHARS = 5_000;

export interface SelectionCheck {
  id: string;
  source: SelectionSource;
  /** The text checked: the reader's, cut at MAX_SELECTION_CHARS. */
  text: string;
  /** Set when the reader's text was longer than what was checked. */
  cut?: boolean;
  checkedAt: string;
  claims: CheckedClaim[];
}

/** What the extension knows about one tab, kept in session storage for popup and side panel. */
export interface TabState {
  tabId: number;
  url: string;
  title: string;
  /** The page's outlet (its site name or domain). */
  outlet: string | null;
  /**
   * 'checking' while the background works, 'done' after, 'off' when the site is switched off;
   * 'unchecked' when only the reader's own checks are kept (a selection or a typed sentence on a
   * page that was not checked itself).
   */
  status: 'checking' | 'done' | 'off' | 'no-article' | 'error' | 'unchecked';
  error?: string;
  claims: CheckedClaim[];
  checkedAt?: string;
  selections: SelectionCheck[];
  /** The id of the page script that checked the page (see `hello`): an address changed by that page itself keeps the state. */
  pageId?: string;
  /** The copy signature of the page's article (utils/syndication): stored copies of it are not evidence for the reader's selections either. */
  signature?: number[];
}

/** Size of the corpus. */
export interface CorpusSize {
  articles: number;
  outlets: number;
}

/** Counts for one outlet in the options page's statistics. */
export interface OutletStats {
  outlet: string;
  articles: number;
  oldest: string | null;
  newest: string | null;
  copies: number;
}

/** Outcome of one import batch. */
export interface ImportBatchResult {
  added: number;
  /** Articles already stored (same canonical URL). */
  duplicates: number;
  /** Of the duplicates, those repeating a URL met earlier in the same import file (or batch). */
  repeated: number;
  /** Articles found to be syndicated copies of another outlet's story. */
  copies: number;
}

/** Which file an import reads (its identity: name, size and last modification) and how far it got. */
interface ImportPosition {
  fileKey: string;
  name: string;
  /** Last line number covered: its articles stored, and bad lines before them reported. */
  line: number;
  /** Bytes read when that point was reached (a progress figure; resuming goes by line). */
  bytesRead: number;
}

/**
 * How far an import file got, sent with each batch and saved in the batch's transaction, so that
 * after a browser restart the same file resumes after the last stored line.
 */
export interface ImportCheckpoint extends ImportPosition {
  size: number;
  lastModified: number;
  /** Bad lines found since the previous batch. */
  errors: { line: number; error: string }[];
}

/** An unfinished import of a file, as saved with its last stored batch. */
export interface ImportState extends ImportPosition {
  added: number;
  duplicates: number;
  /** Of the duplicates, those repeated within the file (absent from older saved imports). */
  repeated?: number;
  copies: number;
  /** Bad lines seen so far (the first 200). */
  errors: { line: number; error: string }[];
  errorCount: number;
  updatedAt: number;
}

/** Messages to the background, from the content script and the extension pages. */
export interface BackgroundProtocol {
  /**
   * Content script: the page is about to be read (its claims may be asked for next); the
   * background gets ready meanwhile — wakes and readies its claim spotter.
   */
  pageReading(req: Record<string, never>): null;
  /**
   * Content script: the claims of this article, before they are checked (painted at once as
   * "checking"): those of its opening first, then those of the rest (see OPENING_CHARS in utils/claim-parts).
   */
  spotPage(req: { url: string; canonicalUrl: string | null; text: string; part: 'opening' | 'rest' }): Span[];
  /** Content script: here is the article on this page; check its claims. */
  checkPage(req: { url: string; title: string; siteName: string | null; canonicalUrl: string | null; text: string; published?: string | null; pageId?: string }): CheckedClaim[];
  /**
   * Content script: the reader switched capture on for this site after the page was checked: add
   * the article checked (the same fields as checkPage's) to the corpus, where capture is on.
   */
  capturePage(req: { url: string; title: string; siteName: string | null; canonicalUrl: string | null; text: string; published?: string | null; pageId?: string }): null;
  /** Content script: this page is not being checked: switched off, no article found, or its check failed (`error` says why). */
  pageIdle(req: { url: string; status: 'off' | 'no-article' | 'error'; error?: string; pageId?: string }): null;
  /** Side panel: check a sentence typed or pasted by the reader, for the given tab. */
  checkTyped(req: { tabId: number | null; text: string }): SelectionCheck;
  /** Content script (keyboard shortcut in the page): check the reader's selection. */
  checkSelection(req: { text: string; url: string }): SelectionCheck;
  /**
   * Content script (popover): the reader says this sentence is not a claim; forget it on this
   * page. `key` is the sentence's dismissalKey (utils/dismissal): its words, or for a very long
   * sentence a short key standing for them.
   */
  dismissClaim(req: { pageUrl: string; key: string }): null;
  /** Popup: check the page in this tab once, without switching its site on (activeTab). */
  checkTabOnce(req: { tabId: number }): null;
  /** Popup: open the side panel for a tab (needs the click's user gesture, so the popup asks). */
  openSidePanel(req: { tabId: number }): null;
  /** Options page: store one batch of imported articles, all or nothing. */
  importBatch(req: { articles: CorpusArticle[]; checkpoint?: ImportCheckpoint }): ImportBatchResult;
  /** Options page: how far an earlier import of this file got (null: never started, or finished). */
  importState(req: { fileKey: string }): ImportState | null;
  /** Options page: the import of this file finished, or the reader starts it over: forget its progress. */
  forgetImport(req: { fileKey: string }): null;
  /**
   * Options page: remove the articles published between two days (YYYY-MM-DD, both included), the
   * days as the reader sees them in their time zone (an IANA name; UTC when left out): see utils/local-day.
   */
  deletePublishedBetween(req: { from: string; to: string; timeZone?: string }): { removed: number };
  /** Options page: remove one article, by its address or id. */
  deleteArticle(req: { url?: string; id?: number }): { removed: number };
  /** Options page: remove the demo corpus. */
  removeDemoCorpus(req: Record<string, never>): { removed: number };
  /** Options page: load the demo corpus again. */
  loadDemoCorpus(req: Record<string, never>): { added: number };
  /** Options page: remove every article of one outlet. */
  deleteOutlet(req: { outlet: string }): { removed: number };
  /** Options page: every article, for export, in pages. */
  exportPage(req: { afterId: number; limit: number }): { articles: CorpusArticle[]; lastId: number | null };
  /** Any page: how big the corpus is. */
  corpusSize(req: Record<string, never>): CorpusSize;
  /** Options page: articles per outlet, their first and last days as seen in the reader's time zone (UTC when left out). */
  outletStats(req: { timeZone?: string }): OutletStats[];
}

/** Messages to a tab's content script, from the background and the side panel. */
export interface ContentProtocol {
  /** Background: is the content script running in this tab? */
  /** Whether the page script runs in the tab; it answers with its id (new for every page it runs in). */
  hello(req: Record<string, never>): string;
  /** Background: the reader asked for a one-off check of this page (its site stays off). */
  checkOnce(req: Record<string, never>): null;
  /** Side panel: scroll the page to claim number `index` and flash it. */
  /** Scrolls to a claim and flashes it: the tab state's claim `index`, found by its `text` when the page's list has changed since. */
  showClaim(req: { index: number; text?: string }): boolean;
  /** Background: the reader asked to check the selection (keyboard shortcut); send it back. */
  getSelection(req: Record<string, never>): string;
  /** Background: the claims of this page changed (after a selection check, say); paint them again. */
  recheck(req: Record<string, never>): null;
}

/** What message `K` of protocol `P` carries. */
export type Req<P, K extends keyof P> = P[K] extends (req: infer R) => unknown ? R : never;
/** What message `K` of protocol `P` answers. */
export type Res<P, K extends keyof P> = P[K] extends (req: never) => infer R ? R : never;

/** A message on the wire. */
export interface Envelope<P, K extends keyof P = keyof P> {
  crosscheck: K;
  data: Req<P, K>;
}

/** Handlers for one side of the protocol; each may be async. */
export type Handlers<P> = {
  [K in keyof P]?: (data: Req<P, K>, sender: Sender) => Res<P, K> | Promise<Res<P, K>>;
};

/** Who sent a message, as a handler sees it. */
export type Sender = { tabId?: number; url?: string; frameId?: number; id?: string };

/** Turns a thrown value into the text a reader sees. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function unwrap<T>(answer: unknown, name: string): Result<T> {
  if (answer && typeof answer === 'object' && 'ok' in answer) return answer as Result<T>;
  return { ok: false, error: `no answer to "${name}" (the extension may have been reloaded; reload the page)` };
}

/** Sends a message to the background and waits for its Result. */
export async function toBackground<K extends keyof BackgroundProtocol>(
  name: K,
  data: Req<BackgroundProtocol, K>,
): Promise<Result<Res<BackgroundProtocol, K>>> {
  try {
    const answer = await browser.runtime.sendMessage({ crosscheck: name, data } satisfies Envelope<BackgroundProtocol, K>);
    return unwrap(answer, name);
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** Sends a message to the content script of a tab and waits for its Result. */
export async function toTab<K extends keyof ContentProtocol>(
  tabId: number,
  name: K,
  data: Req<ContentProtocol, K>,
): Promise<Result<Res<ContentProtocol, K>>> {
  try {
    const answer = await browser.tabs.sendMessage(tabId, { crosscheck: name, data } satisfies Envelope<ContentProtocol, K>);
    return unwrap(answer, name);
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** Options of `handleMessages`. */
export interface HandleOptions<P> {
  /**
   * Whether a sender may send a message meant for `from` ('tab': a content script, 'extension':
   * one of our pages). By default: this extension only, from the right kind of context.
   */
  accept?: (sender: SenderInfo, from: SenderKind) => boolean;
  /** Run before each handler (the background lets its database open again after a failed open). */
  before?: () => void;
}

/**
 * A handler's failure in words for the reader: a full disk says so (the browser's own words,
 * "QuotaExceededError Encountered full disk while opening backing store…", were shown as they were).
 */
export function failureMessage(error: unknown): string {
  const message = errorMessage(error);
  if (!isQuotaError(error) || message.startsWith(DISK_FULL)) return message;
  return `${DISK_FULL}: the browser has no room left to open Crosscheck's data. Nothing stored was lost; free some disk space and try again`;
}

/**
 * Answers the messages of one side of the protocol. Each message is checked before its handler
 * runs: messages from other extensions or web pages, or from the wrong kind of context, are
 * ignored; a message of an unknown shape, or too big, is answered with a failure saying why and
 * never reaches its handler. Returns a function that stops listening.
 */
export function handleMessages<P>(handlers: Handlers<P>, opts: HandleOptions<P> = {}): () => void {
  const accept = opts.accept ?? ((sender, from) => senderAllowed(from, sender, browser.runtime.id, browser.runtime.getURL('/')));
  const checks = MESSAGE_CHECKS as Readonly<Record<string, MessageCheck<unknown> | undefined>>;
  // Answers through sendResponse and `return true`, which every browser (and the test fake) honours.
  const listener = (message: unknown, sender: SenderInfo & { frameId?: number }, sendResponse: (answer: Result<unknown>) => void) => {
    if (!message || typeof message !== 'object' || !('crosscheck' in message)) return false;
    const envelope = checkEnvelope(message);
    if ('error' in envelope) {
      if (!accept(sender, 'any')) return false;
      sendResponse({ ok: false, error: envelope.error });
      return true;
    }
    const { name, data } = envelope;
    // Another context of ours may answer the messages this one has no handler for.
    if (!Object.hasOwn(handlers, name)) return false;
    const handler = handlers[name as keyof P] as ((d: unknown, s: object) => unknown) | undefined;
    const check = Object.hasOwn(checks, name) ? checks[name] : undefined;
    if (!handler || !accept(sender, check?.from ?? 'any')) return false;
    const wrong = checkMessage(name, data);
    if (wrong) {
      sendResponse({ ok: false, error: wrong });
      return true;
    }
    (async () => {
      try {
        opts.before?.();
        const value = await handler(data, { tabId: sender.tab?.id, url: sender.url, frameId: sender.frameId, id: sender.id });
        sendResponse({ ok: true, value: value ?? null });
      } catch (error) {
        sendResponse({ ok: false, error: failureMessage(error) });
      }
    })();
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
