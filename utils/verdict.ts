import type { EvidenceHit, OutletFinding, Stance, StanceResult, Verdict } from './types';

/** One retrieved passage with the stance decided for it. */
export interface JudgedEvidence {
  hit: EvidenceHit;
  stance: StanceResult;
}

/** What the aggregation needs to know about the page being read. */
export interface PageContext {
  /** The page's own outlet: shown apart, never counted as independent. */
  outlet?: string | null;
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

/**
 * Turns judged evidence into one finding per outlet, in date order.
 *
 * - Unrelated evidence is dropped.
 * - One outlet with several articles is one finding: its latest related article speaks for it
 *   (a later report supersedes an earlier one), the most confident one on a tie.
 * - A syndicated copy is folded into the finding of the outlet it copies when that outlet is
 *   present, so a wire story republished five times counts once.
 */
export function outletFindings(judged: readonly JudgedEvidence[], page: PageContext = {}): OutletFinding[] {
  const related = judged.filter(
    (j) => j.stance.stance !== 'unrelated' && 1 - j.stance.scores.unrelated >= MIN_RELATED_CONFIDENCE,
  );
  const byOutlet = new Map<string, JudgedEvidence>();
  for (const j of related) {
    const key = j.hit.outlet.trim().toLowerCase();
    const current = byOutlet.get(key);
    if (!current || isBetter(j, current)) byOutlet.set(key, j);
  }

  const chosen = [...byOutlet.values()];
  const idToOutlet = new Map<number, string>();
  for (const j of related) idToOutlet.set(j.hit.articleId, j.hit.outlet);

  const findings = new Map<string, OutletFinding>();
  const copies: { finding: OutletFinding; originalOutlet: string }[] = [];
  for (const j of chosen) {
    const finding = toFinding(j, page);
    const original = j.hit.copyOfOutlet ?? (j.hit.copyOf !== undefined ? idToOutlet.get(j.hit.copyOf) : undefined);
    if (original && !sameName(original, j.hit.outlet)) {
      finding.copyOf = original;
      copies.push({ finding, originalOutlet: original });
    }
    findings.set(j.hit.outlet.trim().toLowerCase(), finding);
  }
  // Fold copies into the outlet they copy when that outlet has a finding of its own.
  for (const { finding, originalOutlet } of copies) {
    const original = findings.get(originalOutlet.trim().toLowerCase());
    if (original && original !== finding) {
      original.copies.push(finding.outlet);
      findings.delete(finding.outlet.trim().toLowerCase());
    }
  }
  return [...findings.values()].sort((a, b) => timeOf(a.published) - timeOf(b.published) || a.outlet.localeCompare(b.outlet));
}

function isBetter(candidate: JudgedEvidence, current: JudgedEvidence): boolean {
  const dt = timeOf(candidate.hit.published) - timeOf(current.hit.published);
  // Undated evidence never supersedes dated evidence.
  if (dt !== 0 && Number.isFinite(dt)) return dt > 0;
  if (Number.isFinite(timeOf(candidate.hit.published)) !== Number.isFinite(timeOf(current.hit.published))) {
    return Number.isFinite(timeOf(candidate.hit.published));
  }
  return confidenceOf(candidate.stance) > confidenceOf(current.stance);
}

const confidenceOf = (s: StanceResult) => s.scores[s.stance];

function toFinding(j: JudgedEvidence, page: PageContext): OutletFinding {
  let stance: Stance = j.stance.stance;
  const confidence = confidenceOf(j.stance);
  // A weak confirm/dispute is reported as a mention rather than a side taken.
  if ((stance === 'confirm' || stance === 'dispute') && confidence < MIN_SIDE_CONFIDENCE) stance = 'discuss';
  return {
    outlet: j.hit.outlet,
    stance,
    confidence,
    url: j.hit.url,
    title: j.hit.title,
    published: j.hit.published,
    evidence: j.hit.passage,
    sameOutlet: sameName(j.hit.outlet, page.outlet),
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
