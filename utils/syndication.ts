/**
 * Spotting syndicated copies: a wire story republished by several outlets, perhaps with another
 * headline, a credit line or a trimmed last paragraph. Articles are compared by MinHash
 * signatures over 5-word shingles; two articles whose signatures agree on most positions share
 * most of their text and are one source, not several.
 */

/** Number of hash functions in a signature. */
export const SIGNATURE_SIZE = 24;
/** Share of agreeing signature positions above which two articles are copies of one story. */
export const COPY_SIMILARITY = 0.6;
const SHINGLE_WORDS = 5;

/** FNV-1a over a string, 32 bits. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Mixes a 32-bit hash with one of the signature's seeds (an xorshift-multiply round). */
function remix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => fnv1a(`seed-${i}`));

/** Lower-cased words of the text, letters and digits only. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The MinHash signature of an article's text; empty for texts too short to judge (under 40
 * words), which are never taken for copies.
 */
export function copySignature(text: string): number[] {
  const w = words(text);
  if (w.length < 40) return [];
  const mins = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) {
    const h = fnv1a(w.slice(i, i + SHINGLE_WORDS).join(' '));
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = remix(h, SEEDS[k]);
      if (v < mins[k]) mins[k] = v;
    }
  }
  return mins;
}

/** Share of positions on which two signatures agree (an estimate of their shingle overlap). */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Whether two signatures belong to copies of one story. */
export function isCopy(a: readonly number[], b: readonly number[]): boolean {
  return signatureSimilarity(a, b) >= COPY_SIMILARITY;
}

/** Whether a text credits an outlet as its source, as wire copies do ("(Meridian Wire)", "Reporting by Meridian Wire"). */
export function credits(text: string | undefined, outlet: string): boolean {
  if (!text || outlet.length < 3) return false;
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\(${escaped}\\)|(?:reporting|written|additional reporting) by ${escaped}|\\b${escaped} (?:reported|contributed)`, 'i').test(text);
}

type Dated = { outlet: string; published: string | null; text?: string };
const dateKey = (a: Dated) => a.published ?? '9999';

/**
 * Among other articles, the one this article copies: from another outlet (an outlet re-running its
 * own story is not syndication), sharing most of its text, published no later — or credited in this
 * article's text ("(Meridian Wire)"), which settles it whatever the timestamps say. An article that
 * credits this one's outlet is its copy, never its original.
 */
export function findOriginal<T extends { id: number; outlet: string; published: string | null; signature: readonly number[]; text?: string }>(
  article: { outlet: string; signature: readonly number[]; published?: string | null; text?: string },
  candidates: readonly T[],
): T | undefined {
  let best: T | undefined;
  const rank = (c: T) => [credits(article.text, c.outlet) ? 0 : 1, dateKey(c)] as const;
  for (const c of candidates) {
    if (c.outlet.toLowerCase() === article.outlet.toLowerCase()) continue;
    if (!isCopy(article.signature, c.signature)) continue;
    const credited = credits(article.text, c.outlet);
    // A later article is not the original, unless this one credits it (clocks and time zones differ).
    if (!credited && article.published !== undefined && dateKey(c) > dateKey({ ...article, published: article.published })) continue;
    if (credits(c.text, article.outlet) && !credits(article.text, c.outlet)) continue;
    if (!best) {
      best = c;
      continue;
    }
    const [cr, cd] = rank(c);
    const [br, bd] = rank(best);
    if (cr < br || (cr === br && cd < bd)) best = c;
  }
  return best;
}

/**
 * Links syndicated copies within an in-memory set of articles (the command line's corpus):
 * returns, for each article id that copies another, the id of the article it copies.
 */
export function linkCopies<T extends { id: number; outlet: string; published: string | null; text: string; signature?: readonly number[] }>(articles: readonly T[]): Map<number, number> {
  // (An article may come with its signature worked out already.)
  const signed = articles.map((a) => ({ id: a.id, outlet: a.outlet, published: a.published, text: a.text, signature: a.signature ?? copySignature(a.text) }));
  const byKey = new Map<number, typeof signed>();
  for (const s of signed) {
    for (const key of s.signature.slice(0, 6)) {
      const list = byKey.get(key);
      if (list) list.push(s);
      else byKey.set(key, [s]);
    }
  }
  const links = new Map<number, number>();
  // Earliest first, so an original is seen before its copies.
  const ordered = [...signed].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.id - b.id);
  const position = new Map(ordered.map((a, i) => [a.id, i]));
  for (const s of ordered) {
    const candidates = new Set(s.signature.slice(0, 6).flatMap((k) => byKey.get(k) ?? []));
    // An original comes earlier in date order, or on the same footing is credited by the copy.
    const earlier = (c: (typeof signed)[number]) => position.get(c.id)! < position.get(s.id)! || credits(s.text, c.outlet);
    const original = findOriginal(
      s,
      [...candidates].filter((c) => c.id !== s.id && !links.has(c.id) && earlier(c)),
    );
    if (original) links.set(s.id, original.id);
  }
  return links;
}
