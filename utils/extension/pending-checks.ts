import { storage } from 'wxt/utils/storage';
import { MAX_SELECTION_CHARS, type SelectionCheck, type SelectionSource } from './messages';

/**
 * The reader's own checks (a selection, a typed text) under way, kept in session storage until
 * each is answered: the browser may stop the background in the middle of one (it stops a worker
 * as it pleases), and a check asked for from the context menu has no one else to ask again. The
 * background's next start runs those still waiting. This module is for the background only
 * (defining the item reads session storage, which the page script may not touch).
 */
export interface PendingCheck {
  tabId: number | null;
  text: string;
  source: SelectionSource;
  pageUrl?: string;
  /** When the reader asked for it (ms since the epoch); kept when it is run again. */
  at: number;
  /** Times it was run again at a background's start. */
  tries?: number;
}

/** A check asked for longer ago than this is not run again: the reader has moved on. */
export const PENDING_MAX_AGE_MS = 2 * 60_000;
/** At most this many are kept (the newest). */
export const MAX_PENDING = 20;
/** A check is run again at most this many times (one that stops the background each time is dropped). */
export const MAX_TRIES = 2;

export const pendingChecksItem = storage.defineItem<PendingCheck[]>('session:pendingChecks', { fallback: [] });

/** What makes two checks the same check: the tab, the kind and the text. */
export function pendingKey(check: Pick<PendingCheck, 'tabId' | 'source' | 'text'>): string {
  return `${check.tabId}|${check.source}|${check.text.trim()}`;
}

/** The list with `check` noted (in place of the same check asked for before), newest last. */
export function withPending(list: readonly PendingCheck[], check: PendingCheck): PendingCheck[] {
  const key = pendingKey(check);
  return [...list.filter((p) => pendingKey(p) !== key), check].slice(-MAX_PENDING);
}

/** The list without the check `key` asked for at `at` (a later asking of it stays). */
export function withoutPending(list: readonly PendingCheck[], key: string, at: number): PendingCheck[] {
  return list.filter((p) => pendingKey(p) !== key || p.at > at);
}

/** The note of a check: its text cut just past what is checked (so that it still says it was longer). */
export function pendingNote(check: PendingCheck): PendingCheck {
  const text = check.text.trim();
  return text.length > MAX_SELECTION_CHARS + 1 ? { ...check, text: text.slice(0, MAX_SELECTION_CHARS + 1) } : { ...check, text };
}

/**
 * The checks to run again at `now`: those asked for in the last PENDING_MAX_AGE_MS, run again
 * fewer than MAX_TRIES times, whose answer is not among `answered` (the tab's checks: one of the same kind and text made since it was
 * asked for means it was answered, and only the note of it was lost).
 */
export function checksToResume(list: readonly PendingCheck[], now: number, answered: (p: PendingCheck) => readonly SelectionCheck[]): PendingCheck[] {
  return list.filter(
    (p) =>
      now - p.at <= PENDING_MAX_AGE_MS &&
      p.at <= now &&
      (p.tries ?? 0) < MAX_TRIES &&
      !answered(p).some((c) => c.source === p.source && c.text === p.text.trim().slice(0, MAX_SELECTION_CHARS) && Date.parse(c.checkedAt) >= p.at),
  );
}
