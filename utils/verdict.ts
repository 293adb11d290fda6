import type { EvidenceHit, OutletFinding, Stance, StanceResult, Verdict } from './types';
import { outletFromUrl } from './url';
import { outletKey } from './outlet-key';

/** One retrieved passage with the stance decided for it. */
export interface JudgedEvidence {
  hit: EvidenceHit;
  stance: StanceResult;
}

/** What the aggregation needs to know about the page being read. */
export interface PageContext {
  /** The page's own outlet: shown apart, never counted as independent. */
  outlet?: string | null;
  /** The page's address: an article from its site stored under the site's domain (without an outlet name) is the page's outlet too. */
  url?: string | null;
}

/** A stance below this confidence is treated as not taking a side. */
export const MIN_SIDE_CONFIDENCE = 0.4;
/** Evidence judged unrelated is dropped; related evidence below this is dropped too. */
export const MIN_RELATED_CONFIDENCE = 0.35;

const sameName = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Sort key for dates: undated findings go last. */
const timeOf = (published: string | null) => {
  const t = published ? Date.parse(published) : NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};

/** Letters and digits of a name, lower-cased, without a leading "the". */
const letters = (s: string) => s.toLowerCase().replace(/^\s*the\s+/, '').replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Whether an outlet's name is the name of a site ("The Daily Compass" of daily-compass.example,
 * "Reuters" of reuters.com): a label of its domain and the name contain one another. A name that
 * is not ("Harbour Post" on daily-compass.example/partners/…) is another outlet the site hosts.
 */
export function nameFitsSite(name: string, site: string): boolean {
  const n = letters(name);
  if (n.length < 3) return false;
  return site.split('.').some((label) => {
    const l = letters(label);
    return l.length >= 3 && (n.includes(l) || l.includes(n));
  });
}

/**
 * Outlet names as one outlet goes by them: an article stored without an outlet name is named
 * after its site's domain (utils/import), so "daily-compass.example" is "The Daily Compass" when
 * that is the one name of that site (see nameFitsSite) among the evidence or the page.
 */
function outletNames(related: readonly JudgedEvidence[], page: PageContext): { name(outlet: string): string; isSite(outlet: string, url: string | null | undefined): boolean } {
  const isSite = (outlet: string, url: string | null | undefined) => !!url && outletKey(outlet) === outletFromUrl(url);
  const proper = new Map<string, Map<string, string>>();
  const add = (outlet: string | null | undefined, url: string | null | undefined) => {
    if (!outlet?.trim() || !url || isSite(outlet, url)) return;
    const site = outletFromUrl(url);
    if (!site || !nameFitsSite(outlet, site)) return;
    const names = proper.get(site) ?? new Map<string, string>();
    if (!names.has(outletKey(outlet))) names.set(outletKey(outlet), outlet.trim());
    proper.set(site, names);
  };
  for (const j of related) add(j.hit.outlet, j.hit.url);
  add(page.outlet, page.url);
  return {
    name(outlet) {
      const names = proper.get(outletKey(outlet));
      return names?.size === 1 ? [...names.values()][0] : outlet;
    },
    isSite,
  };
}


/**
 * Turns judged evidence into one finding per outlet, in date order.
 *
 * - Unrelated evidence is dropped.
 * - One outlet with several articles is one finding: an article taking a side (confirm or
 *   dispute) speaks for it rather than one that only mentions the claim, the outlet's own rather
 *   than its copy of another's story, then its latest (a later report supersedes an earlier one),
 *   the most confident one on a tie.
 * - A syndicated copy is folded into the finding of the outlet it copies when that outlet is
 *   present, so a wire story republished five times counts once.
 * - An article from the page's own site is the page's outlet, under whichever name it was stored.
 */
export function outletFindings(judged: readonly JudgedEvidence[], page: PageContext = {}): OutletFinding[] {
  const related = judged.filter(
    (j) => j.stance.stance !== 'unrelated' && 1 - j.stance.scores.unrelated >= MIN_RELATED_CONFIDENCE,
  );
  const names = outletNames(related, page);
  const byOutlet = new Map<string, JudgedEvidence>();
  for (const j of related) {
    const key = outletKey(names.name(j.hit.outlet));
    const current = byOutlet.get(key);
    if (!current || isBetter(j, current)) byOutlet.set(key, j);
  }

  const chosen = [...byOutlet.values()];
  const idToOutlet = new Map<number, string>();
  for (const j of related) idToOutlet.set(j.hit.articleId, j.hit.outlet);

  const pageSite = page.url ? outletFromUrl(page.url) : '';
  const pageOutlet = page.outlet ? names.name(page.outlet) : null;
  // A name of the page's site: none, its domain, or a name that fits it (not another outlet it hosts).
  const ofPageSite = (name: string | null, url: string | null | undefined) => !name || names.isSite(name, url) || nameFitsSite(name, pageSite);
  const findings = new Map<string, OutletFinding>();
  const copies: { finding: OutletFinding; originalOutlet: string }[] = [];
  for (const j of chosen) {
    const outlet = names.name(j.hit.outlet);
    // The page's outlet by name, or by site when both names are that site's.
    const sameOutlet =
      sameName(outlet, pageOutlet) ||
      (!!pageSite && outletFromUrl(j.hit.url) === pageSite && ofPageSite(outlet, j.hit.url) && ofPageSite(pageOutlet, page.url));
    const finding = toFinding(j, outlet, sameOutlet);
    const copied = j.hit.copyOfOutlet ?? (j.hit.copyOf !== undefined ? idToOutlet.get(j.hit.copyOf) : undefined);
    const original = copied === undefined ? undefined : names.name(copied);
    if (original && !sameName(original, outlet)) {
      finding.copyOf = original;
      copies.push({ finding, originalOutlet: original });
    }
    findings.set(outletKey(outlet), finding);
  }
  // Fold copies into the outlet they copy when that outlet has a finding of its own.
  for (const { finding, originalOutlet } of copies) {
    const original = findings.get(outletKey(originalOutlet));
    if (original && original !== finding) {
      original.copies.push(finding.outlet);
      findings.delete(outletKey(finding.outlet));
    }
  }
  return [...findings.values()].sort((a, b) => timeOf(a.published) - timeOf(b.published) || a.outlet.localeCompare(b.outlet));
}

function isBetter(candidate: JudgedEvidence, current: JudgedEvidence): boolean {
  // A side taken is not undone by a later mention; an outlet's own report is not undone by a wire story it ran.
  if (takesSide(candidate.stance) !== takesSide(current.stance)) return takesSide(candidate.stance);
  if (isOwn(candidate.hit) !== isOwn(current.hit)) return isOwn(candidate.hit);
  const dt = timeOf(candidate.hit.published) - timeOf(current.hit.published);
  // Undated evidence never supersedes dated evidence.
  if (dt !== 0 && Number.isFinite(dt)) return dt > 0;
  if (Number.isFinite(timeOf(candidate.hit.published)) !== Number.isFinite(timeOf(current.hit.published))) {
    return Number.isFinite(timeOf(candidate.hit.published));
  }
  return confidenceOf(candidate.stance) > confidenceOf(current.stance);
}

const confidenceOf = (s: StanceResult) => s.scores[s.stance];

/** The stance shown for a finding: a weak confirm/dispute is reported as a mention rather than a side taken. */
function shownStance(s: StanceResult): Stance {
  return (s.stance === 'confirm' || s.stance === 'dispute') && confidenceOf(s) < MIN_SIDE_CONFIDENCE ? 'discuss' : s.stance;
}

const takesSide = (s: StanceResult) => shownStance(s) === 'confirm' || shownStance(s) === 'dispute';
const isOwn = (hit: EvidenceHit) => hit.copyOf === undefined && hit.copyOfOutlet === undefined;

function toFinding(j: JudgedEvidence, outlet: string, sameOutlet: boolean): OutletFinding {
  const stance = shownStance(j.stance);
  const confidence = confidenceOf(j.stance);
  return {
    outlet,
    stance,
    confidence,
    url: j.hit.url,
    title: j.hit.title,
    published: j.hit.published,
    evidence: j.hit.passage,
    sameOutlet,
    copies: [],
  };
}

/**
 * The verdict from outlet findings: only independent outlets count (not the page's own outlet,
 * not syndicated copies). Some confirm and some dispute → conflicting; only confirm → confirmed;
 * only dispute → disputed; no side taken → unverified.
 */
export function decideVerdict(findings: readonly OutletFinding[]): Verdict {
  let confirms = 0;
  let disputes = 0;
  for (const f of findings) {
    if (f.sameOutlet || f.copyOf) continue;
    if (f.stance === 'confirm') confirms++;
    else if (f.stance === 'dispute') disputes++;
  }
  if (confirms > 0 && disputes > 0) return 'conflicting';
  if (confirms > 0) return 'confirmed';
  if (disputes > 0) return 'disputed';
  return 'unverified';
}

/** Counts claims by verdict (for the popup and the side panel's summary). */
export function countVerdicts(claims: readonly { verdict: Verdict }[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { confirmed: 0, disputed: 0, conflicting: 0, unverified: 0 };
  for (const c of claims) counts[c.verdict]++;
  return counts;
}
