/**
 * Checks the few scoring parameters on the FNC-1 tuning split only (headlines whose lowest related
 * Body ID % 5 == 0), one change at a time from the defaults. Never used on the reported split.
 *
 *   npx tsx scripts/search/tune.ts
 */
import { QUERY_WEIGHTS } from '../../utils/search/analyze';
import { SCORING } from '../../utils/search/index';
import { RERANK } from '../../utils/search/retriever';
import { crosscheckIndex, crosscheckRetriever } from './engines';
import { evaluate, loadFnc, loadMultiOutlet } from './eval';

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
  ];
  const oi = process.argv.indexOf('--only');
  const only = oi >= 0 ? process.argv[oi + 1].split(',') : null;
  const skipIndex = process.argv.includes('--retriever');
  const f = (x: number) => x.toFixed(3);
  console.log('| variant | index R@5 | index MRR | retriever R@5 | retriever MRR |' + (mo ? ' multi idx MRR | multi ret MRR |' : ''));
  for (const [name, apply] of variants) {
    if (only && !only.some((o) => name.includes(o))) continue;
    Object.assign(QUERY_WEIGHTS, base.q);
    Object.assign(SCORING, base.s);
    Object.assign(RERANK, base.r);
    apply();
    const i = skipIndex ? { r5: NaN, mrr: NaN } : await evaluate(crosscheckIndex, fnc.docs, fnc.queries);
    const r = await evaluate(crosscheckRetriever, fnc.docs, fnc.queries);
    let extra = '';
    if (mo) {
      const mi = skipIndex ? { mrr: NaN } : await evaluate(crosscheckIndex, mo.docs, mo.titleQueries);
      const mr = await evaluate(crosscheckRetriever, mo.docs, mo.titleQueries);
      extra = ` ${f(mi.mrr)} | ${f(mr.mrr)} |`;
    }
    console.log(`| ${name} | ${f(i.r5)} | ${f(i.mrr)} | ${f(r.r5)} | ${f(r.mrr)} |${extra}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
