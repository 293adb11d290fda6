import { storage } from 'wxt/utils/storage';
import { matchesSitePattern, normalizeSitePattern } from '../site-settings';
import type { CorpusArticle } from '../types';
import { isHttpUrl, sameSite } from '../url';

/**
 * Capture as you read: on the sites the reader lists (none by default), the article they open is
 * added to their corpus, so the corpus grows with their reading. Patterns as in the site settings
 * (`example.com`, `*.example.com`).
 */
export const captureSitesItem = storage.defineItem<string[]>('local:captureSites', {
  fallback: [],
  version: 1,
});

/** Articles shorter than this (characters) are not captured: a teaser or a cookie wall, not an article. */
export const MIN_CAPTURE_CHARS = 300;

/** Whether the page at `url` is on a site where capture is on. */
export function isCaptureOn(url: string, sites: readonly string[]): boolean {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    host = parsed.hostname;
  } catch {
    return false;
  }
  return (sites ?? []).some((pattern) => matchesSitePattern(host, pattern));
}

/** The capture list with `host` switched on or off (the list passed in is not changed). */
export function setCaptureOn(sites: readonly string[], host: string, on: boolean): string[] {
  const pattern = normalizeSitePattern(host);
  if (!pattern) return [...sites];
  if (on) return isCaptureOn(`https://${pattern.replace(/^\*\./, '')}/`, sites) ? [...sites] : [...sites, pattern];
  // Off: every entry covering the host goes, wildcards included (otherwise it would stay on).
  return sites.filter((p) => !matchesSitePattern(pattern.replace(/^\*\./, ''), p));
}

/** What the content script sends about the page being read. */
export interface PageArticle {
  url: string;
  canonicalUrl: string | null;
  title: string;
  siteName: string | null;
  published?: string | null;
  text: string;
}

/**
 * The corpus article for a page, or null when there is too little text to keep. It is stored under
 * the page's canonical address when that is on the page's own site (`www.`, `m.`, `amp.` hosts
 * and subdomains included), else under the page's own address: a partner republishing a wire
 * story often names the wire's page as canonical, and storing the partner's text there would take
 * the wire's address (its own article could not be imported after it) and credit the wire's words
 * to the partner. Stored under its own address, the page is linked as a copy of the wire's article
 * when that is in the corpus, as an import of the partner's page would be.
 */
export function pageToArticle(page: PageArticle, outlet: string | null): CorpusArticle | null {
  const text = page.text.trim();
  if (text.length < MIN_CAPTURE_CHARS || !outlet) return null;
  const url = page.canonicalUrl && isHttpUrl(page.canonicalUrl) && sameSite(page.canonicalUrl, page.url) ? page.canonicalUrl : page.url;
  return { url, outlet, title: page.title.trim(), published: normalizeDate(page.published ?? null), text };
}

/** An ISO date-time for a page's published date as pages give it, or null. */
export function normalizeDate(value: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
