/**
 * Checks the few scoring parameters on the FNC-1 tuning split only (headlines whose lowest related
 * Body ID % 5 == 0), one change at a time from the defaults. Never used on the reported split.
 * Each variant's retriever recall@1 and MRR are also given as a difference to the defaults, query
 * by query, ± its standard error: with 334 headlines, differences under about ±0.012 MRR are
 * noise (a feedback change that gained +0.007 MRR here lost 0.006 on the reported split).
 *
 *   npx tsx scripts/search/tune.ts
 */
import { QUERY_WEIGHTS } from '../../utils/search/analyze';
import { SCORING } from '../../utils/search/index';
import { RERANK } from '../../utils/search/retriever';
import { crosscheckIndex, crosscheckRetriever } from './engines';
import { evaluate, loadFnc, loadMultiOutlet, pairedDifference, type Scores } from './eval';

async function main(): Promise<void> {
  const fnc = loadFnc('tune');
  if (!fnc) {
    console.log('FNC-1 data not found; nothing to tune on.');
    return;
  }
  const useMulti = process.argv.includes('--multi');
  const mo = useMulti ? loadMultiOutlet() : null;
  const base = { q: { ...QUERY_WEIGHTS }, s: { ...SCORING }, r: { ...RERANK } };
  const variants: [string, () => void][] = [
    ['defaults', () => {}],
    ['no capital boost', () => (QUERY_WEIGHTS.capital = 1)],
    ['no number boost', () => (QUERY_WEIGHTS.number = 1)],
    ['no related terms', () => (QUERY_WEIGHTS.related = 0)],
    ['related 0.2', () => (QUERY_WEIGHTS.related = 0.2)],
    ['related 0.5', () => (QUERY_WEIGHTS.related = 0.5)],
    ['no common-term skip', () => (SCORING.commonShare = 1)],
    ['b 0.5', () => (SCORING.b = 0.5)],
    ['b 0.9', () => (SCORING.b = 0.9)],
    ['k1 0.9', () => (SCORING.k1 = 0.9)],
    ['k1 1.6', () => (SCORING.k1 = 1.6)],
    ['passage weight 0.25', () => (RERANK.passageWeight = 0.25)],
    ['passage weight 1', () => (RERANK.passageWeight = 1)],
    ['no feedback', () => (RERANK.feedbackDocs = 0)],
    ['feedback 5 docs', () => (RERANK.feedbackDocs = 5)],
    ['feedback weight 0.25', () => (RERANK.feedbackWeight = 0.25)],
    ['feedback weight 0.6', () => (RERANK.feedbackWeight = 0.6)],
    ['feedback 20 terms', () => (RERANK.feedbackTerms = 20)],
    ['feedback 30 terms', () => (RERANK.feedbackTerms = 30)],
    ['feedback 10 docs', () => (RERANK.feedbackDocs = 10)],
    ['feedback only from articles within 0.7 of the best', () => (RERANK.feedbackMinScore = 0.7)],
    ['title weight 1', () => (SCORING.titleWeight = 1)],
    ['title weight 3', () => (SCORING.titleWeight = 3)],
  ];
  const oi = process.argv.indexOf('--only');
  const only = oi >= 0 ? process.argv[oi + 1].split(',') : null;
  const skipIndex = process.argv.includes('--retriever');
  const f = (x: number) => x.toFixed(3);
  console.log('| variant | index R@5 | index MRR | retriever R@1 | retriever R@5 | retriever MRR | vs defaults: R@1, MRR |' + (mo ? ' multi idx MRR | multi ret MRR |' : ''));
  console.log('|---|---|---|---|---|---|---|' + (mo ? '---|---|' : ''));
  let defaults: Scores | null = null;
  for (const [name, apply] of variants) {
    if (only && name !== 'defaults' && !only.some((o) => name.includes(o))) continue;
    Object.assign(QUERY_WEIGHTS, base.q);
    Object.assign(SCORING, base.s);
    Object.assign(RERANK, base.r);
    apply();
    const i = skipIndex ? { r5: NaN, mrr: NaN } : await evaluate(crosscheckIndex, fnc.docs, fnc.queries);
    const r = await evaluate(crosscheckRetriever, fnc.docs, fnc.queries);
    defaults ??= r;
    const diff = (key: 'r1' | 'rr') => {
      const d = pairedDifference(r.perQuery.map((q) => q[key]), defaults!.perQuery.map((q) => q[key]));
      return `${d.mean >= 0 ? '+' : ''}${f(d.mean)} ± ${f(d.se)}`;
    };
    let extra = '';
    if (mo) {
      const mi = skipIndex ? { mrr: NaN } : await evaluate(crosscheckIndex, mo.docs, mo.titleQueries);
      const mr = await evaluate(crosscheckRetriever, mo.docs, mo.titleQueries);
      extra = ` ${f(mi.mrr)} | ${f(mr.mrr)} |`;
    }
    console.log(`| ${name} | ${f(i.r5)} | ${f(i.mrr)} | ${f(r.r1)} | ${f(r.r5)} | ${f(r.mrr)} | ${diff('r1')}, ${diff('rr')} |${extra}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
