/**
 * Features of a (claim, evidence) pair for the stance model. The one implementation used both to
 * compute training features (scripts/stance/) and at inference (classifyStance): change it and
 * the model must be rebuilt.
 */
import { ALL_CUES, CONFIRM_CUES, HEDGE_CUES, NEGATION_CUES, REFUTE_CUES } from './lexicon';
import { contentStems, NEGATIONS, sentences, stem as stemWord, STOP_WORDS, tokenize } from './text';

/** Document frequencies of stems over the training texts, with the number of texts. */
export interface IdfTable {
  docs: number;
  df: ReadonlyMap<string, number>;
}

export function idfOf(table: IdfTable, term: string): number {
  const df = table.df.get(term) ?? 1;
  return Math.log((table.docs + 1) / (df + 1)) + 1;
}

/** Everything the features need about one text, computed once per text. */
export interface TextInfo {
  tokens: string[];
  /** Content stems per sentence. */
  sentStems: string[][];
  /** Tokens per sentence. */
  sentTokens: string[][];
  /** Stem → count over the whole text. */
  tf: Map<string, number>;
  /** Sum of squares of tf-idf weights (for cosine). */
  norm: number;
  numbers: string[];
  /** Question marks per sentence. */
  questions: number;
  /** Share of characters inside quotation marks. */
  quoted: number;
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
  dozen: '12', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100', thousand: '1000', million: '1000000', billion: '1000000000',
};

function numbersOf(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (/^[0-9]/.test(t)) out.push(t.replace(/,/g, ''));
    else if (NUMBER_WORDS[t] && t !== 'one') out.push(NUMBER_WORDS[t]);
  }
  return out;
}

export function analyze(text: string, idf: IdfTable): TextInfo {
  const sents = sentences(text);
  const sentTokens = sents.map(tokenize);
  const sentStems = sentTokens.map(contentStems);
  const tokens = sentTokens.flat();
  const tf = new Map<string, number>();
  for (const ss of sentStems) for (const s of ss) tf.set(s, (tf.get(s) ?? 0) + 1);
  let norm = 0;
  for (const [t, c] of tf) {
    const w = c * idfOf(idf, t);
    norm += w * w;
  }
  let quotedChars = 0;
  for (const m of text.matchAll(/["“”]([^"“”]{1,400})["“”]/g)) quotedChars += m[1].length;
  const questions = (text.match(/\?/g)?.length ?? 0) / Math.max(1, sents.length);
  return { tokens, sentStems, sentTokens, tf, norm: Math.sqrt(norm), numbers: numbersOf(tokens), questions, quoted: text.length ? quotedChars / text.length : 0 };
}

function tfOf(stems: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
  return tf;
}

function cosine(a: Map<string, number>, b: Map<string, number>, idf: IdfTable): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, c] of a) {
    const w = idfOf(idf, t);
    const wa = c * w;
    na += wa * wa;
    const cb = b.get(t);
    if (cb) dot += wa * cb * w;
  }
  for (const [t, c] of b) {
    const wb = c * idfOf(idf, t);
    nb += wb * wb;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function bigrams(stems: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < stems.length; i++) out.add(stems[i] + ' ' + stems[i + 1]);
  return out;
}

/** Counts of each cue (word or phrase) in a token list. */
function cueCounts(tokens: readonly string[], cues: readonly string[], out: Float64Array, offset: number): void {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  let joined: string | null = null;
  for (let i = 0; i < cues.length; i++) {
    const c = cues[i];
    if (c.indexOf(' ') < 0) out[offset + i] = counts.get(c) ?? 0;
    else {
      joined ??= ' ' + tokens.join(' ') + ' ';
      let n = 0;
      let at = joined.indexOf(' ' + c + ' ');
      while (at >= 0) {
        n++;
        at = joined.indexOf(' ' + c + ' ', at + 1);
      }
      out[offset + i] = n;
    }
  }
}

function groupCount(tokens: readonly string[], cues: readonly string[]): number {
  const words = new Set(cues.filter((c) => c.indexOf(' ') < 0));
  const phrases = cues.filter((c) => c.indexOf(' ') >= 0);
  let n = 0;
  for (const t of tokens) if (words.has(t)) n++;
  if (phrases.length) {
    const joined = ' ' + tokens.join(' ') + ' ';
    for (const p of phrases) if (joined.includes(' ' + p + ' ')) n++;
  }
  return n;
}

/** Negation tokens within `window` tokens of a token whose stem is in `targets`. */
function negationsNear(tokens: readonly string[], targets: ReadonlySet<string>, stems: readonly string[], window: number): number {
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!NEGATIONS.has(tokens[i])) continue;
    for (let j = Math.max(0, i - window); j <= Math.min(tokens.length - 1, i + window); j++) {
      if (targets.has(stems[j])) {
        n++;
        break;
      }
    }
  }
  return n;
}

const REFUTE = [...REFUTE_CUES];
const HEDGE = [...HEDGE_CUES];
const CONFIRM = [...CONFIRM_CUES];
const NEG = [...NEGATION_CUES];

/** Names of the dense features, in order (cue features follow). */
export const BASE_FEATURES = [
  'cos_body', 'cos_lead', 'cos_best', 'cos_top3', 'best_pos', 'share_sent_match', 'cover', 'cover_idf', 'cover_lead', 'cover_best', 'cover_top3',
  'bigram_body', 'bigram_best', 'rare_cover', 'max_missing_idf', 'len_claim', 'log_len_body', 'log_sents', 'claim_numbers', 'number_match',
  'body_numbers_top3', 'claim_refute', 'claim_hedge', 'claim_confirm', 'claim_neg', 'claim_question', 'body_refute', 'body_hedge', 'body_confirm',
  'body_neg', 'top3_refute', 'top3_hedge', 'top3_confirm', 'top3_neg', 'lead_refute', 'lead_hedge', 'neg_near_top3', 'neg_near_body',
  'refute_rate', 'hedge_rate', 'question_body', 'quote_rate', 'neg_mismatch', 'best_refute', 'best_hedge', 'best_neg', 'cover_top1_sum',
] as const;

export const FEATURE_NAMES: readonly string[] = [
  ...BASE_FEATURES,
  ...ALL_CUES.map((c) => 'top3:' + c),
  ...ALL_CUES.map((c) => 'body:' + c),
  ...ALL_CUES.map((c) => 'claim:' + c),
];

export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Computes the feature vector of (claim, evidence). */
export function featurize(claimText: string, evidence: TextInfo, idf: IdfTable, claim?: TextInfo): Float64Array {
  const c = claim ?? analyze(claimText, idf);
  const f = new Float64Array(FEATURE_COUNT);
  const cStems = c.sentStems.flat();
  const cSet = new Set(cStems);
  const cTokens = c.tokens;
  const cBigrams = bigrams(cStems);
  const e = evidence;
  const nS = e.sentStems.length;
  const idfSum = [...cSet].reduce((s, t) => s + idfOf(idf, t), 0) || 1;

  // sentence scores
  const sentScores: number[] = [];
  const sentCover: number[] = [];
  for (let i = 0; i < nS; i++) {
    const ss = e.sentStems[i];
    sentScores.push(cosine(c.tf, tfOf(ss), idf));
    const set = new Set(ss);
    let cov = 0;
    for (const t of cSet) if (set.has(t)) cov += idfOf(idf, t);
    sentCover.push(cov / idfSum);
  }
  const order = sentScores.map((_, i) => i).sort((a, b) => sentScores[b] - sentScores[a] || a - b);
  const top3 = order.slice(0, 3);
  const best = order[0];
  const top3Tokens = top3.flatMap((i) => e.sentTokens[i]);
  const top3Stems = top3.flatMap((i) => e.sentStems[i]);
  const bestTokens = best === undefined ? [] : e.sentTokens[best];
  const bestStems = best === undefined ? [] : e.sentStems[best];
  const leadN = Math.min(2, nS);
  const leadStems = e.sentStems.slice(0, leadN).flat();
  const leadTokens = e.sentTokens.slice(0, leadN).flat();
  const bodyStems = e.sentStems.flat();

  const coverOf = (set: Set<string>) => {
    let n = 0;
    for (const t of cSet) if (set.has(t)) n++;
    return cSet.size ? n / cSet.size : 0;
  };
  const bodySet = new Set(bodyStems);
  const rare = [...cSet].sort((a, b) => idfOf(idf, b) - idfOf(idf, a)).slice(0, 3);
  let maxMissing = 0;
  let coverIdf = 0;
  for (const t of cSet) {
    if (bodySet.has(t)) coverIdf += idfOf(idf, t);
    else maxMissing = Math.max(maxMissing, idfOf(idf, t));
  }
  const bodyBigrams = bigrams(bodyStems);
  const bestBigrams = bigrams(bestStems);
  let bgBody = 0;
  let bgBest = 0;
  for (const b of cBigrams) {
    if (bodyBigrams.has(b)) bgBody++;
    if (bestBigrams.has(b)) bgBest++;
  }
  const bodyNums = new Set(e.numbers);
  const top3Nums = numbersOf(top3Tokens);
  const nWords = Math.max(1, e.tokens.length);

  const claimNeg = groupCount(cTokens, NEG);
  const bestNeg = groupCount(bestTokens, NEG);
  const values: Record<(typeof BASE_FEATURES)[number], number> = {
    cos_body: cosine(c.tf, e.tf, idf),
    cos_lead: cosine(c.tf, tfOf(leadStems), idf),
    cos_best: best === undefined ? 0 : sentScores[best],
    cos_top3: top3.length ? top3.reduce((s, i) => s + sentScores[i], 0) / top3.length : 0,
    best_pos: best === undefined || nS <= 1 ? 0 : best / (nS - 1),
    share_sent_match: nS ? sentScores.filter((s) => s > 0.2).length / nS : 0,
    cover: coverOf(bodySet),
    cover_idf: coverIdf / idfSum,
    cover_lead: coverOf(new Set(leadStems)),
    cover_best: coverOf(new Set(bestStems)),
    cover_top3: coverOf(new Set(top3Stems)),
    bigram_body: cBigrams.size ? bgBody / cBigrams.size : 0,
    bigram_best: cBigrams.size ? bgBest / cBigrams.size : 0,
    rare_cover: rare.length ? rare.filter((t) => bodySet.has(t)).length / rare.length : 0,
    max_missing_idf: maxMissing,
    len_claim: cStems.length,
    log_len_body: Math.log1p(e.tokens.length),
    log_sents: Math.log1p(nS),
    claim_numbers: c.numbers.length,
    number_match: c.numbers.length ? c.numbers.filter((n) => bodyNums.has(n)).length / c.numbers.length : -1,
    body_numbers_top3: top3Nums.length,
    claim_refute: groupCount(cTokens, REFUTE),
    claim_hedge: groupCount(cTokens, HEDGE),
    claim_confirm: groupCount(cTokens, CONFIRM),
    claim_neg: claimNeg,
    claim_question: /\?/.test(claimText) ? 1 : 0,
    body_refute: groupCount(e.tokens, REFUTE),
    body_hedge: groupCount(e.tokens, HEDGE),
    body_confirm: groupCount(e.tokens, CONFIRM),
    body_neg: groupCount(e.tokens, NEG),
    top3_refute: groupCount(top3Tokens, REFUTE),
    top3_hedge: groupCount(top3Tokens, HEDGE),
    top3_confirm: groupCount(top3Tokens, CONFIRM),
    top3_neg: groupCount(top3Tokens, NEG),
    lead_refute: groupCount(leadTokens, REFUTE),
    lead_hedge: groupCount(leadTokens, HEDGE),
    neg_near_top3: top3.reduce((s, i) => s + negationsNear(e.sentTokens[i], cSet, stemsAligned(e.sentTokens[i]), 4), 0),
    neg_near_body: e.sentTokens.reduce((s, t) => s + negationsNear(t, cSet, stemsAligned(t), 4), 0),
    refute_rate: (groupCount(e.tokens, REFUTE) * 100) / nWords,
    hedge_rate: (groupCount(e.tokens, HEDGE) * 100) / nWords,
    question_body: e.questions,
    quote_rate: e.quoted,
    neg_mismatch: (claimNeg > 0 ? 1 : 0) - (bestNeg > 0 ? 1 : 0),
    best_refute: groupCount(bestTokens, REFUTE),
    best_hedge: groupCount(bestTokens, HEDGE),
    best_neg: bestNeg,
    cover_top1_sum: top3.reduce((s, i) => s + sentCover[i], 0),
  };
  let k = 0;
  for (const name of BASE_FEATURES) f[k++] = values[name];
  cueCounts(top3Tokens, ALL_CUES, f, k);
  k += ALL_CUES.length;
  cueCounts(e.tokens, ALL_CUES, f, k);
  k += ALL_CUES.length;
  cueCounts(cTokens, ALL_CUES, f, k);
  return f;
}

/** Stems aligned one-to-one with tokens (stop words become empty strings). */
function stemsAligned(tokens: readonly string[]): string[] {
  return tokens.map((t) => (STOP_WORDS.has(t) || NEGATIONS.has(t) ? '' : stemWord(t)));
}
