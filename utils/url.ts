/**
 * Article addresses: one key per article however it was linked (mobile, AMP, tracking tags),
 * a readable outlet name from a domain, and a check for links that are safe to open.
 */

/** Host prefixes that serve the same article as the bare domain. */
const MIRROR_HOST_PREFIXES = ['www.', 'm.', 'mobile.', 'amp.'];

/**
 * Query parameters that only say how a reader arrived (campaigns, click ids, share buttons),
 * compared in lower case. Parameters that pick the content (`id`, `p`, `page`, `story`…) stay.
 */
const TRACKING_PARAMS = new Set([
  // Ad click ids: Google, Facebook, Microsoft, Yandex, TikTok, Twitter, LinkedIn, Instagram.
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'ttclid', 'twclid',
  'li_fat_id', 'igshid', 'igsh', 'mibextid', 'epik', 'srsltid',
  // Google Analytics and Tag Manager linkers.
  '_ga', '_gl', '_gac',
  // Mailchimp, Marketo, HubSpot, Klaviyo, Vero, Omeda and other newsletter tools.
  'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking',
  '_ke', '_kx', 'vero_id', 'vero_conv', 'oly_anon_id', 'oly_enc_id', 'rb_clickid', 'ml_subscriber',
  'ml_subscriber_hash', 'sc_cid', 'sr_share', 'ss_source', 'ss_campaign_id', 'ss_email_id',
  // Newsroom campaign tags (Guardian CMP, MSN ocid, NYT smid, Adobe cid, Telegraph ito, etc.).
  'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'cmp', 'ocid', 'smid', 'smtyp', 's_cid',
  's_kwcid', 'icid', 'intcmp', 'int_cmp', 'ncid', 'ito', 'xtor', 'xtref', 'ftag', 'mbid',
  'soc_src', 'soc_trk', 'share', 'shared', 'dicbo', 'tpcc', 'taid', 'wt_mc', 'wt.mc_id',
  'wt.mc_ev', 'rss', 'rssfeed', 'feature', 'trk', 'trkcampaign',
  // BBC / comScore and Yahoo consent redirects.
  'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname', 'ns_fee', 'guccounter', 'guce_referrer',
  'guce_referrer_sig',
  // Facebook share actions and Twitter embeds.
  'fb_action_ids', 'fb_action_types', 'fb_ref', 'fb_source', 'action_object_map', 'action_type_map',
  'action_ref_map', '__twitter_impression', '__tn__', 'refsrc', 'hootpostid', 'spm', 'scm',
  // AMP viewers and caches.
  'amp', '_amp', 'amp_js_v', 'amp_gsa', 'amp_r', 'usqp',
]);

/** Prefixes that mark a whole family of tracking parameters (`utm_source`, `at_medium`, …). */
const TRACKING_PREFIXES = ['utm_', 'at_', 'pk_', 'mtm_', 'matomo_', 'hmb_', 'ga_', 'oly_', 'stm_', 'sfmc_'];

/** Query values that only ask for the AMP rendering of the same article. */
const AMP_OUTPUT_PARAMS = new Set(['outputtype', 'output', 'format', 'view']);

/** Whether a query parameter only tracks how a reader arrived or asks for AMP. */
function isNoiseParam(name: string, value: string): boolean {
  const key = name.toLowerCase();
  if (TRACKING_PARAMS.has(key)) return true;
  if (TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix))) return true;
  if (AMP_OUTPUT_PARAMS.has(key) && value.toLowerCase() === 'amp') return true;
  return false;
}

/** Parses an absolute http(s) address, or throws an Error that says what is wrong. */
function parseHttpUrl(url: string): URL {
  if (typeof url !== 'string' || !url.trim()) throw new Error('not a web address: the address is empty');
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error(`not a web address: "${clip(url)}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`not a web address: "${clip(url)}" uses ${parsed.protocol} but only http and https are supported`);
  }
  // "http://./" parses with the host "." : no host either.
  if (!parsed.hostname.replace(/\.+$/, '')) throw new Error(`not a web address: "${clip(url)}" has no host`);
  return parsed;
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Drops `www.`, `m.`, `mobile.` and `amp.` in front of a host that has a domain left after it. */
function stripMirrorPrefixes(host: string): string {
  let h = host.replace(/\.+$/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of MIRROR_HOST_PREFIXES) {
      if (h.startsWith(prefix) && h.indexOf('.', prefix.length) > 0) {
        h = h.slice(prefix.length);
        changed = true;
      }
    }
  }
  return h;
}

/** Removes AMP markers from a path: `/amp` segments, `.amp` and `.amp.html` endings. */
function stripAmpPath(path: string): string {
  const segments = path.split('/').filter((segment, i) => i === 0 || (segment !== '' && segment.toLowerCase() !== 'amp'));
  const last = segments.length - 1;
  if (last > 0) {
    segments[last] = segments[last].replace(/\.amp(\.html?)?$/i, (_, ext: string | undefined) => ext ?? '');
    if (segments[last] === '') segments.pop();
  }
  return segments.join('/');
}

/** `%7e` and `%7E` and `~` are the same character: decode unreserved ones, upper-case the rest. */
function normalizeEscapes(path: string): string {
  return path.replace(/%[0-9a-f]{2}/gi, (escape) => {
    const char = String.fromCharCode(parseInt(escape.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
}

/**
 * The key under which an article is stored and looked up: the same article at two addresses
 * (mobile or AMP host, AMP path, tracking parameters, fragment, trailing slash, http or https)
 * gives the same key. It is a key, not a link: open the original address instead.
 * Throws an Error saying why for anything that is not an http(s) address.
 */
export function canonicalUrl(url: string): string {
  const parsed = parseHttpUrl(url);
  const host = stripMirrorPrefixes(parsed.hostname);
  // The key is always https: either scheme's default port is no port (else the key would not be its own key).
  const port = parsed.port && parsed.port !== '80' && parsed.port !== '443' ? `:${parsed.port}` : '';

  let path = normalizeEscapes(parsed.pathname);
  // Until nothing changes, so that a key is its own key (`/a/index.html/amp` → `/a/index.html` → `/a`).
  for (let before = ''; before !== path; ) {
    before = path;
    path = stripAmpPath(path).replace(/\/index\.(html?|php)$/i, '');
    if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '');
  }
  if (path === '') path = '/';

  const kept: Array<[string, string]> = [];
  for (const [name, value] of new URLSearchParams(parsed.search)) {
    if (name === '' || isNoiseParam(name, value)) continue;
    kept.push([name, value]);
  }
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';

  // Single-page sites put the article's route in the fragment (`#!/story/12`, `#/story/12`);
  // any other fragment only scrolls within the page.
  const hash = /^#!|^#\//.test(parsed.hash) ? parsed.hash : '';

  return `https://${host}${port}${path}${query}${hash}`;
}

/**
 * Whether two addresses are on one site: the same host once `www.`, `m.`, `mobile.` and `amp.`
 * are dropped (as canonicalUrl drops them), or one host a subdomain of the other
 * (`edition.ledger.example` and `www.ledger.example`). Ports and schemes do not matter. False when
 * either is not an http(s) address. (Sibling subdomains, `a.ledger.example` and
 * `b.ledger.example`, count as two sites: telling where a registrable domain starts would take
 * the list of public suffixes.)
 */
export function sameSite(a: string, b: string): boolean {
  let hostA: string;
  let hostB: string;
  try {
    hostA = stripMirrorPrefixes(parseHttpUrl(a).hostname.toLowerCase());
    hostB = stripMirrorPrefixes(parseHttpUrl(b).hostname.toLowerCase());
  } catch {
    return false;
  }
  return hostA === hostB || hostA.endsWith(`.${hostB}`) || hostB.endsWith(`.${hostA}`);
}

/**
 * A readable outlet name from an address's domain, for articles that come without one:
 * `https://www.northern-ledger.example/x` → `northern-ledger.example`.
 * Gives "" when the input has no host.
 */
export function outletFromUrl(url: string): string {
  if (typeof url !== 'string') return '';
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    try {
      parsed = new URL(`https://${url.trim()}`);
    } catch {
      return '';
    }
  }
  return stripMirrorPrefixes(parsed.hostname.toLowerCase());
}

/** Whether `s` is an absolute http(s) address, the only kind of link the UI may open. */
export function isHttpUrl(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  // Control characters and spaces inside a link are silently dropped by the URL parser;
  // a link that needs that is not one we want to open.
  if (/[\u0000-\u0020\u007f]/.test(s)) return false;
  try {
    const parsed = new URL(s);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.replace(/\.+$/, '') !== '';
  } catch {
    return false;
  }
}

/** Longest address accepted anywhere (links, messages, imports), in characters. */
export const MAX_URL_CHARS = 8192;

/**
 * Characters that change the direction of the text around them (embeddings, overrides,
 * isolates, marks) and invisible zero-width ones: an address holding one shows as something
 * other than where it goes.
 */
const DECEPTIVE_CHARS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/**
 * The one gate for links the UI shows: the address to put in `href`, or null when it must not be
 * a link (render it as text). Only absolute http(s) addresses with a host pass; `javascript:`,
 * `data:`, `vbscript:`, `file:`, extension pages, relative addresses, addresses with a user name
 * or password, with spaces, control or direction-changing characters, or longer than
 * MAX_URL_CHARS do not. Entities are not decoded: `javascript&#58;…` is not an address at all.
 * What is returned is the parsed address, so the link opens exactly what was checked.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > MAX_URL_CHARS) return null;
  if (!isHttpUrl(url) || DECEPTIVE_CHARS.test(url)) return null;
  const parsed = new URL(url);
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}

/**
 * An address a page gives for itself (its canonical link, which may be relative), made absolute
 * against the page's own address; null unless the result is a usable http(s) address.
 */
export function absoluteHttpUrl(raw: string | null | undefined, base: string): string | null {
  if (!raw) return null;
  let resolved: string;
  try {
    resolved = new URL(raw.trim(), base).href;
  } catch {
    return null;
  }
  return resolved.length <= MAX_URL_CHARS && isHttpUrl(resolved) ? resolved : null;
}
