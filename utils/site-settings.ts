/**
 * Where Crosscheck runs: per-site settings as plain data, resolved by pure functions so the
 * content-script registration, the popup switch and the options page all agree.
 *
 * A site pattern is one of
 * - `example.com`: that host and `www.example.com` (a host without a dot, such as `localhost`, and
 *   an IP address have no `www.` form: `www.localhost` is a site of its own, as `www.com` is);
 * - `*.example.com`: `example.com` and any subdomain of it;
 * - a full address pasted by a reader (`https://www.example.com/news/1`): its host is used.
 * Patterns are compared without case, ports, trailing dots or surrounding spaces.
 */

/** Per-site settings as stored. */
export interface SiteSettings {
  /** 'everywhere': on for every site except `deny`; 'listed': only on `allow`, minus `deny`. */
  mode: 'everywhere' | 'listed';
  /** Site patterns to turn on in 'listed' mode. */
  allow: string[];
  /** Site patterns to turn off in either mode; wins over `allow`. */
  deny: string[];
}

/**
 * Settings for a fresh install: on nowhere until the reader switches a site on (the browser then
 * asks for that site's permission; see `site-access.ts`).
 */
export const DEFAULT_SITE_SETTINGS: SiteSettings = { mode: 'listed', allow: [], deny: [] };

/** Letters, digits, hyphens and underscores in a host label (after IDN conversion). */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Turns a host as a reader might type it into the form the URL parser gives (lower case,
 * punycode for non-ASCII), or null when it is not a host name.
 */
function cleanHost(raw: string): string | null {
  let host = raw.trim().toLowerCase();
  if (!host) return null;
  // Ports mean nothing for "this site"; IPv6 literals keep their brackets.
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) return null;
    host = host.slice(0, close + 1);
  } else {
    const colon = host.indexOf(':');
    if (colon >= 0) {
      if (!/^\d*$/.test(host.slice(colon + 1))) return null;
      host = host.slice(0, colon);
    }
  }
  host = host.replace(/\.+$/, '');
  if (!host) return null;
  let parsed: string;
  try {
    parsed = new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
  if (parsed.startsWith('[')) return parsed;
  if (IPV4.test(parsed)) return parsed;
  const labels = parsed.split('.');
  if (labels.some((label) => label.length === 0 || label.length > 63 || !LABEL.test(label))) return null;
  return parsed;
}

/** Takes the host part out of whatever a reader pasted: a URL, `host/path`, or a bare host. */
function hostPart(input: string): string {
  let s = input.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(s);
  if (scheme) s = s.slice(scheme[0].length);
  const end = s.search(/[/?#]/);
  if (end >= 0) s = s.slice(0, end);
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  return s;
}

/**
 * Normalises a site pattern as typed or pasted by a reader to `host` or `*.host` (lower case,
 * no port, no `www.`), or null when it cannot be a site pattern. A host with more than one `www.`
 * in front (`www.www.example.com`) is none: a site pattern covers its host and that host's `www.`
 * form only, the two that `site-access.ts` asks the browser for.
 */
export function normalizeSitePattern(input: string): string | null {
  if (typeof input !== 'string') return null;
  let s = hostPart(input);
  let wildcard = false;
  if (s.startsWith('*.')) {
    wildcard = true;
    s = s.slice(2);
  } else if (s.startsWith('.')) {
    // ".example.com" is the old cookie-domain way of writing "example.com and below".
    wildcard = true;
    s = s.slice(1);
  }
  if (s.includes('*')) return null;
  const host = cleanHost(s);
  if (!host) return null;
  if (wildcard) {
    if (host.startsWith('[') || IPV4.test(host)) return null;
    return `*.${host}`;
  }
  const site = stripWww(host);
  return stripWww(site) === site ? site : null;
}

/**
 * The `www.` form of a host (`example.com` → `www.example.com`), or null for a host that has none:
 * one without a dot (`localhost`, an intranet name, `com`) or an IP address.
 */
export function wwwFormOf(host: string): string | null {
  return host.includes('.') && !host.startsWith('[') && !IPV4.test(host) ? `www.${host}` : null;
}

/** `www.example.com` → `example.com`, but leaves `www.com` alone. One `www.` only. */
function stripWww(host: string): string {
  return host.startsWith('www.') && wwwFormOf(host.slice(4)) === host ? host.slice(4) : host;
}

/** Whether `hostname` (a host, or an address to take it from) falls under a site pattern. */
export function matchesSitePattern(hostname: string, pattern: string): boolean {
  if (typeof hostname !== 'string') return false;
  const host = cleanHost(hostPart(hostname));
  const normalized = normalizeSitePattern(pattern);
  if (!host || !normalized) return false;
  if (normalized.startsWith('*.')) {
    const base = normalized.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return stripWww(host) === normalized;
}

/** Whether Crosscheck should run on the page at `url`; only http(s) pages can be on. */
export function isSiteEnabled(url: string, settings: SiteSettings): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.hostname;
  if (!host) return false;
  // Settings come from storage, possibly written by an older version: tolerate missing lists.
  if ((settings.deny ?? []).some((pattern) => matchesSitePattern(host, pattern))) return false;
  if (settings.mode !== 'listed') return true;
  return (settings.allow ?? []).some((pattern) => matchesSitePattern(host, pattern));
}

/**
 * The allow list's patterns that the deny list leaves some site of: `example.com` is left out
 * when `example.com` or `*.example.com` is denied, `*.example.com` when a wildcard over it is.
 */
export function allowedSites(settings: SiteSettings): string[] {
  const deny = settings.deny ?? [];
  return (settings.allow ?? []).filter((pattern) => {
    const wildcard = pattern.startsWith('*.');
    const host = wildcard ? pattern.slice(2) : pattern;
    // A plain deny pattern names one host (and its www. form), never a wildcard's subdomains.
    return !deny.some((d) => (wildcard ? d.startsWith('*.') : true) && matchesSitePattern(host, d));
  });
}

/** Whether a host is on under these settings (the host-only part of isSiteEnabled). */
function hostEnabled(host: string, settings: SiteSettings): boolean {
  return isSiteEnabled(`https://${host}/`, settings);
}

/**
 * What the popup's switch does: new settings that turn `hostname` on or off with the smallest
 * change (drop it from `deny`, add it to `allow` in 'listed' mode, or add it to `deny`).
 * Never changes `settings`; an invalid host gives back an unchanged copy.
 */
export function setSiteEnabled(settings: SiteSettings, hostname: string, on: boolean): SiteSettings {
  const next: SiteSettings = {
    mode: settings.mode === 'listed' ? 'listed' : 'everywhere',
    allow: [...(settings.allow ?? [])],
    deny: [...(settings.deny ?? [])],
  };
  const host = cleanHost(hostPart(hostname));
  // A host no site pattern names (`www.www.example.com`) cannot be switched on its own.
  if (!host || normalizeSitePattern(host) === null) return next;
  if (hostEnabled(host, next) === on) return next;
  const pattern = stripWww(host);
  if (on) {
    // Deny wins over allow, so every deny pattern covering the host has to go, even a wildcard.
    next.deny = next.deny.filter((p) => !matchesSitePattern(host, p));
    if (next.mode === 'listed' && !next.allow.some((p) => matchesSitePattern(host, p))) {
      next.allow.push(pattern);
    }
  } else {
    if (next.mode === 'listed') {
      // Drop an allow entry naming exactly this host; a wildcard also covering other sites stays.
      next.allow = next.allow.filter((p) => normalizeSitePattern(p) !== pattern);
    }
    if (hostEnabled(host, next)) next.deny.push(pattern);
  }
  return next;
}
