/**
 * Which sites the browser must let Crosscheck read, as match patterns for the permissions API.
 *
 * The reader's site settings (`site-settings.ts`) say where Crosscheck should run; the browser's
 * host permissions say where it may. Crosscheck asks for no site at install: switching a site on
 * asks the browser for that site only, switching it off gives it back. These pure functions turn
 * settings into the match patterns to ask for and to give back, and test pages against granted
 * patterns.
 */
import { matchesSitePattern, normalizeSitePattern, setSiteEnabled, wwwFormOf, type SiteSettings } from './site-settings';

/** Every web page: what "on every site" needs. */
export const ALL_SITES: readonly string[] = ['*://*/*'];

/**
 * The match patterns that cover a site pattern (`example.com`, `*.example.com`, or a host or
 * address the reader typed): both schemes, the host and its `www.` form when it has one (an IP
 * address or a host without a dot, such as `localhost`, has none); a wildcard covers the domain
 * and its subdomains. Empty when the input is not a site.
 */
export function originsForSite(site: string): string[] {
  const pattern = normalizeSitePattern(site);
  if (!pattern) return [];
  if (pattern.startsWith('*.')) return [`*://${pattern}/*`];
  const www = wwwFormOf(pattern);
  return www ? [`*://${pattern}/*`, `*://${www}/*`] : [`*://${pattern}/*`];
}

/**
 * The match patterns of a host's site (see originsForSite) that the granted patterns do not cover
 * yet: what switching the site on must ask the browser for. Empty when the browser already lets
 * Crosscheck read the site, or when the host is not one a site pattern names.
 */
export function originsToAsk(host: string, granted: readonly string[]): string[] {
  return originsForSite(host).filter((origin) => {
    const site = origin.slice('*://'.length, -'/*'.length);
    return !(isGranted(`http://${site}/`, granted) && isGranted(`https://${site}/`, granted));
  });
}

/** The match patterns the settings need granted: all sites, or each site on the allow list. */
export function originsForSettings(settings: SiteSettings): string[] {
  if (settings.mode !== 'listed') return [...ALL_SITES];
  return unique((settings.allow ?? []).flatMap(originsForSite));
}

/**
 * What to give back when the settings change from `before` to `after`: patterns `before` needed
 * that `after` does not. Never gives back a pattern `after` still needs.
 */
export function originsNoLongerNeeded(before: SiteSettings, after: SiteSettings): string[] {
  const needed = new Set(originsForSettings(after));
  return originsForSettings(before).filter((o) => !needed.has(o));
}

/** Whether a granted match pattern (`scheme://host/path`, `<all_urls>`) covers the page at `url`. */
export function patternCovers(pattern: string, url: string): boolean {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return false;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return false;
  if (pattern === '<all_urls>') return true;
  const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  if (scheme !== '*' && `${scheme}:` !== page.protocol) return false;
  const pageHost = page.hostname.toLowerCase();
  const patternHost = host.toLowerCase().replace(/:\d+$/, '');
  // A wildcard host is a site pattern as the settings write it; a plain one names one host.
  if (patternHost.startsWith('*.') ? !matchesSitePattern(pageHost, patternHost) : patternHost !== '*' && pageHost !== patternHost) return false;
  return pathMatches(path, page.pathname + page.search);
}

/** Whether any granted pattern covers the page. */
export function isGranted(url: string, granted: readonly string[]): boolean {
  return granted.some((p) => patternCovers(p, url));
}

/** Only the web patterns of a granted list (the browser may list others, such as file://). */
export function webOrigins(granted: readonly string[]): string[] {
  return unique(granted.filter((p) => p === '<all_urls>' || /^(\*|https?):\/\//.test(p)));
}

/** Whether a granted pattern opens every web page (all hosts, on http or https or both). */
function isEverySite(pattern: string): boolean {
  return pattern === '<all_urls>' || /^(\*|https?):\/\/\*\/\*$/.test(pattern);
}

/** The site pattern a granted match pattern stands for (`*://www.a.com/*` → `a.com`), or null. */
export function siteOfOrigin(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m || m[1] === '*') return null;
  return normalizeSitePattern(m[1]);
}

/**
 * The reader's settings after the browser granted `origins` (from the popup's switch, the options
 * page, or the browser's own site-access menu): the sites they cover are switched on, and a grant
 * of every site switches to "everywhere" (the deny list stays).
 */
export function settingsAfterGrant(settings: SiteSettings, origins: readonly string[]): SiteSettings {
  if (origins.some(isEverySite)) return { mode: 'everywhere', allow: [...(settings.allow ?? [])], deny: [...(settings.deny ?? [])] };
  let next = settings;
  for (const site of unique(origins.map(siteOfOrigin).filter((s): s is string => !!s))) {
    next = site.startsWith('*.') ? allowPattern(next, site) : setSiteEnabled(next, site, true);
  }
  return next;
}

/**
 * The reader's settings after the browser took `origins` back: "everywhere" falls back to the
 * allow list when every-site access goes; a listed site whose access goes leaves the allow list.
 */
export function settingsAfterRevoke(settings: SiteSettings, origins: readonly string[]): SiteSettings {
  const next: SiteSettings = { mode: settings.mode === 'everywhere' ? 'everywhere' : 'listed', allow: [...(settings.allow ?? [])], deny: [...(settings.deny ?? [])] };
  if (origins.some(isEverySite)) next.mode = 'listed';
  if (next.mode === 'everywhere') return next;
  const gone = new Set(origins.map(siteOfOrigin).filter((s): s is string => !!s));
  next.allow = next.allow.filter((p) => !gone.has(normalizeSitePattern(p) ?? ''));
  return next;
}

function allowPattern(settings: SiteSettings, pattern: string): SiteSettings {
  const allow = settings.allow ?? [];
  const deny = (settings.deny ?? []).filter((p) => normalizeSitePattern(p) !== pattern);
  return { mode: settings.mode, allow: allow.includes(pattern) ? [...allow] : [...allow, pattern], deny };
}

function pathMatches(pattern: string, path: string): boolean {
  // Match-pattern paths only know `*` as a wildcard.
  const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(path);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
