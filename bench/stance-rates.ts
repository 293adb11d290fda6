/**
 * Stance benchmark workload: generated claim/evidence pairs (fixed seed, no data files) and the
 * pairs-per-second measurement. Pure, so the same code runs in Node and bundled in Chromium.
 */
import { classifyStance } from '../utils/stance/index';
import { seededRandom } from '../utils/random';

const WORDS = (
  'government army officials police minister president city district valley border troops rebels election vote report ' +
  'company shares market price million people killed injured hospital school water flood storm fire court judge law ' +
  'announced confirmed denied said reportedly claims according sources statement evidence video photo agency spokesman ' +
  'week monday tuesday capital region village forces attack control took launched rejected dismissed investigation'
).split(' ');

function generator(seed: number) {
  const rand = seededRandom(seed);
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    if (rand() < 0.3) w.splice(2, 0, String(Math.floor(rand() * 900) + 2));
    return w.join(' ') + '.';
  };
  return { rand, sentence };
}

/** Pairs per second of classifyStance over `pairs`, after a short warm-up. */
function measure(pairs: Array<[string, string]>): number {
  for (const [c, e] of pairs.slice(0, 50)) classifyStance(c, e);
  const t0 = performance.now();
  for (const [c, e] of pairs) classifyStance(c, e);
  return pairs.length / ((performance.now() - t0) / 1000);
}

/** Pairs per second for sentence-length and article-length evidence; the same code runs in Node and in Chromium. */
export function stanceRates(): { sentence: number; article: number } {
  const g = generator(42);
  const sentencePairs: Array<[string, string]> = Array.from({ length: 20000 }, () => [g.sentence(14), g.sentence(22)]);
  // article-length: ~25 sentences (~550 words), each article used once so no cached analysis helps
  const articlePairs: Array<[string, string]> = Array.from({ length: 2000 }, () => [
    g.sentence(14),
    Array.from({ length: 25 }, () => g.sentence(18 + Math.floor(g.rand() * 10))).join(' '),
  ]);
  return { sentence: measure(sentencePairs), article: measure(articlePairs) };
}

