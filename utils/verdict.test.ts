import { describe, expect, it } from 'vitest';
import { countVerdicts, decideVerdict, nameFitsSite, outletFindings, type JudgedEvidence } from './verdict';
import type { EvidenceHit, OutletFinding, Stance, StanceResult } from './types';

let nextId = 1;
function hit(outlet: string, published: string | null, extra: Partial<EvidenceHit> = {}): EvidenceHit {
  const id = nextId++;
  return { articleId: id, url: `https://${outlet}.example/${id}`, outlet, title: `${outlet} story`, published, passage: `${outlet} wrote this.`, score: 1, ...extra };
}
function stance(s: Stance, p = 0.8): StanceResult {
  const rest = (1 - p) / 3;
  const scores = { confirm: rest, dispute: rest, discuss: rest, unrelated: rest };
  scores[s] = p;
  return { stance: s, scores };
}
const judged = (h: EvidenceHit, s: StanceResult): JudgedEvidence => ({ hit: h, stance: s });
const finding = (outlet: string, s: Stance, extra: Partial<OutletFinding> = {}): OutletFinding => ({
  outlet, stance: s, confidence: 0.8, url: '', title: '', published: null, evidence: '', sameOutlet: false, copies: [], ...extra,
});

describe('decideVerdict', () => {
  it.each([
    { name: 'nothing', findings: [], expected: 'unverified' },
    { name: 'only mentions', findings: [finding('a', 'discuss')], expected: 'unverified' },
    { name: 'one confirm', findings: [finding('a', 'confirm')], expected: 'confirmed' },
    { name: 'one dispute', findings: [finding('a', 'dispute'), finding('b', 'discuss')], expected: 'disputed' },
    { name: 'confirm and dispute', findings: [finding('a', 'confirm'), finding('b', 'dispute')], expected: 'conflicting' },
    { name: 'own outlet confirm is not counted', findings: [finding('a', 'confirm', { sameOutlet: true })], expected: 'unverified' },
    { name: 'own outlet does not make a conflict', findings: [finding('a', 'confirm', { sameOutlet: true }), finding('b', 'dispute')], expected: 'disputed' },
    { name: 'a copy does not count again', findings: [finding('b', 'dispute', { copyOf: 'a' })], expected: 'unverified' },
  ] as const)('$name → $expected', ({ findings, expected }) => {
    expect(decideVerdict(findings)).toBe(expected);
  });
});

describe('outletFindings', () => {
  it('drops unrelated evidence and orders outlets by date, undated last', () => {
    const actual = outletFindings([
      judged(hit('late', '2026-03-05'), stance('confirm')),
      judged(hit('nodate', null), stance('dispute')),
      judged(hit('early', '2026-03-01'), stance('discuss')),
      judged(hit('noise', '2026-03-02'), stance('unrelated')),
    ]);
    expect(actual.map((f) => f.outlet)).toEqual(['early', 'late', 'nodate']);
  });

  it('lets an outlet\'s latest related article speak for it', () => {
    const actual = outletFindings([
      judged(hit('ledger', '2026-03-01', { passage: 'early' }), stance('confirm')),
      judged(hit('ledger', '2026-03-04', { passage: 'correction' }), stance('dispute')),
    ]);
    expect(actual).toHaveLength(1);
    expect(actual[0].stance).toBe('dispute');
    expect(actual[0].evidence).toBe('correction');
  });

  it('does not let a later mention undo a side the outlet took, nor a wire story it ran undo its own report', () => {
    // an earlier dispute, then a piece that only mentions the claim
    const mention = outletFindings([
      judged(hit('ledger', '2026-03-01', { passage: 'denied' }), stance('dispute', 0.95)),
      judged(hit('ledger', '2026-03-04', { passage: 'mentioned' }), stance('discuss')),
    ]);
    expect(mention).toHaveLength(1);
    expect(mention[0]).toMatchObject({ stance: 'dispute', evidence: 'denied' });
    expect(decideVerdict(mention)).toBe('disputed');
    // a strong confirm, then a weak one (shown as a mention)
    const weak = outletFindings([
      judged(hit('ledger', '2026-03-01', { passage: 'strong' }), stance('confirm', 0.9)),
      judged(hit('ledger', '2026-03-04', { passage: 'weak' }), stance('confirm', 0.3)),
    ]);
    expect(weak[0]).toMatchObject({ stance: 'confirm', evidence: 'strong' });
    // the outlet's own dispute, then a wire story it ran that confirms: its own report speaks for it
    const wire = hit('wire', '2026-03-01', { passage: 'wire says' });
    const own = outletFindings([
      judged(wire, stance('confirm')),
      judged(hit('ledger', '2026-03-01', { passage: 'our reporter' }), stance('dispute')),
      judged(hit('ledger', '2026-03-03', { passage: 'wire copy', copyOf: wire.articleId, copyOfOutlet: 'wire' }), stance('confirm')),
    ]);
    expect(own.find((f) => f.outlet === 'ledger')).toMatchObject({ stance: 'dispute', evidence: 'our reporter' });
    expect(decideVerdict(own)).toBe('conflicting');
    // a later side still supersedes an earlier one
    const later = outletFindings([
      judged(hit('ledger', '2026-03-01'), stance('confirm')),
      judged(hit('ledger', '2026-03-04'), stance('dispute')),
    ]);
    expect(later[0].stance).toBe('dispute');
  });

  it('takes an article stored under its site\'s domain as the outlet that site goes by', () => {
    const named = hit('x', '2026-03-01', { outlet: 'The Daily Compass', url: 'https://www.daily-compass.example/a' });
    const unnamed = hit('x', '2026-03-02', { outlet: 'daily-compass.example', url: 'https://daily-compass.example/b' });
    const other = hit('x', '2026-03-05', { outlet: 'Harbour Post', url: 'https://harbour.example/c' });
    // one outlet, not two
    const both = outletFindings([judged(named, stance('confirm')), judged(unnamed, stance('confirm')), judged(other, stance('discuss'))]);
    expect(both.map((f) => f.outlet)).toEqual(['The Daily Compass', 'Harbour Post']);
    // the page's own outlet, by site, whichever of the two names the page or the article has
    const onPage = outletFindings([judged(unnamed, stance('confirm'))], { outlet: 'The Daily Compass', url: 'https://daily-compass.example/today' });
    expect(onPage[0]).toMatchObject({ outlet: 'The Daily Compass', sameOutlet: true });
    expect(decideVerdict(onPage)).toBe('unverified');
    const pageUnnamed = outletFindings([judged(named, stance('confirm'))], { outlet: 'daily-compass.example', url: 'https://daily-compass.example/today' });
    expect(pageUnnamed[0].sameOutlet).toBe(true);
    // another outlet with a name of its own on the same site (a host of many outlets) stays apart
    const guest = hit('x', '2026-03-02', { outlet: 'Harbour Post', url: 'https://daily-compass.example/partners/harbour' });
    expect(outletFindings([judged(guest, stance('confirm'))], { outlet: 'The Daily Compass', url: 'https://daily-compass.example/today' })[0].sameOutlet).toBe(false);
    // a copy of an article stored under the domain folds into the named outlet
    const copy = hit('x', '2026-03-03', { outlet: 'Riverside Gazette', url: 'https://riverside.example/d', copyOf: named.articleId, copyOfOutlet: 'daily-compass.example' });
    const folded = outletFindings([judged(named, stance('confirm')), judged(copy, stance('confirm'))]);
    expect(folded).toHaveLength(1);
    expect(folded[0].copies).toEqual(['Riverside Gazette']);
  });

  it('keeps other outlets a site hosts apart from the site\'s own articles, and a publisher apart from a partner page that names it as canonical', () => {
    // the host's own articles, stored under its domain, and a guest outlet on the same host
    const own = hit('x', '2026-03-01', { outlet: 'daily-compass.example', url: 'https://daily-compass.example/a' });
    const guest = hit('x', '2026-03-02', { outlet: 'Harbour Post', url: 'https://daily-compass.example/partners/harbour' });
    expect(outletFindings([judged(own, stance('confirm')), judged(guest, stance('confirm'))]).map((f) => f.outlet)).toEqual(['daily-compass.example', 'Harbour Post']);
    // a page without a site name: the guest is not the page's outlet
    const page = { outlet: 'daily-compass.example', url: 'https://daily-compass.example/today' };
    expect(outletFindings([judged(guest, stance('confirm'))], page)[0].sameOutlet).toBe(false);
    // a partner's copy of a wire story, its canonical address on the wire's site: the wire's other articles count
    const wire = hit('x', '2026-03-01', { outlet: 'reuters.com', url: 'https://www.reuters.com/world/other-report' });
    const partner = outletFindings([judged(wire, stance('confirm'))], { outlet: 'Partner News', url: 'https://www.reuters.com/world/original-story' });
    expect(partner[0]).toMatchObject({ outlet: 'reuters.com', sameOutlet: false });
    expect(decideVerdict(partner)).toBe('confirmed');
  });

  it('tells whether a name is a site\'s own', () => {
    expect(nameFitsSite('The Daily Compass', 'daily-compass.example')).toBe(true);
    expect(nameFitsSite('The Guardian', 'theguardian.com')).toBe(true);
    expect(nameFitsSite('BBC News', 'bbc.co.uk')).toBe(true);
    expect(nameFitsSite('Reuters', 'reuters.com')).toBe(true);
    expect(nameFitsSite('Harbour Post', 'daily-compass.example')).toBe(false);
    expect(nameFitsSite('Partner News', 'reuters.com')).toBe(false);
    expect(nameFitsSite('AP', 'apnews.com')).toBe(false);
  });

  it('marks the page\'s own outlet, whatever its case', () => {
    const actual = outletFindings([judged(hit('Valley Post', '2026-03-01'), stance('confirm'))], { outlet: 'valley post' });
    expect(actual[0].sameOutlet).toBe(true);
  });

  it('folds a syndicated copy into the outlet it copies', () => {
    const original = hit('wire', '2026-03-01');
    const copy = hit('herald', '2026-03-01', { copyOf: original.articleId, copyOfOutlet: 'wire' });
    const actual = outletFindings([judged(original, stance('confirm')), judged(copy, stance('confirm'))]);
    expect(actual.map((f) => [f.outlet, f.copies])).toEqual([['wire', ['herald']]]);
    expect(decideVerdict(actual)).toBe('confirmed');
  });

  it('keeps a copy whose original was not retrieved, marked so it is not counted', () => {
    const copy = hit('herald', '2026-03-01', { copyOf: 999, copyOfOutlet: 'wire' });
    const actual = outletFindings([judged(copy, stance('dispute'))]);
    expect(actual[0].copyOf).toBe('wire');
    expect(decideVerdict(actual)).toBe('unverified');
  });

  it('reports a weak side as a mention', () => {
    const weak: StanceResult = { stance: 'confirm', scores: { confirm: 0.36, dispute: 0.1, discuss: 0.34, unrelated: 0.2 } };
    expect(outletFindings([judged(hit('a', null), weak)])[0].stance).toBe('discuss');
  });

  it('five copies of one wire story against one dispute is a conflict between two sources, not six', () => {
    const original = hit('wire', '2026-03-01');
    const copies = ['a', 'b', 'c', 'd'].map((o) => hit(o, '2026-03-02', { copyOf: original.articleId, copyOfOutlet: 'wire' }));
    const actual = outletFindings([
      judged(original, stance('confirm')),
      ...copies.map((c) => judged(c, stance('confirm'))),
      judged(hit('resistance-radio', '2026-03-02'), stance('dispute')),
    ]);
    const counted = actual.filter((f) => !f.copyOf && !f.sameOutlet);
    expect(counted).toHaveLength(2);
    expect(actual.find((f) => f.outlet === 'wire')?.copies.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(decideVerdict(actual)).toBe('conflicting');
  });
});

describe('countVerdicts', () => {
  it('counts each verdict', () => {
    expect(countVerdicts([{ verdict: 'confirmed' }, { verdict: 'confirmed' }, { verdict: 'disputed' }])).toEqual({
      confirmed: 2, disputed: 1, conflicting: 0, unverified: 0,
    });
  });
});
