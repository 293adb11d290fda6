/**
 * Storage failures worth telling the reader about in words: a full disk (the browser's storage
 * quota used up). Pure: no database code, so extension pages can use it too.
 */

/** The start of the error a change fails with when the disk is full; nothing of that change was stored. */
export const DISK_FULL = 'The disk is full';

/** The whole message, as it crosses from the background to a page. */
export const DISK_FULL_MESSAGE = `${DISK_FULL}: the browser has no room left for Crosscheck's data, so this change was not stored`;

/** Names browsers and Dexie give a quota failure. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);

/**
 * Whether `error` comes from a full disk: a QuotaExceededError from IndexedDB, as is or wrapped
 * by Dexie (an AbortError whose `inner` is the quota error, a bulk error listing failures).
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (typeof e.message === 'string' && e.message.startsWith(DISK_FULL)) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  if (Array.isArray(e.failures)) return e.failures.some((f) => isQuotaError(f, depth + 1));
  return false;
}

/** Whether an error message that crossed from the background says the disk is full. */
export function isDiskFullMessage(message: string): boolean {
  return message.startsWith(DISK_FULL);
}

/** The error a change that hit a full disk fails with. */
export function diskFullError(cause: unknown): Error {
  return new Error(DISK_FULL_MESSAGE, { cause });
}
