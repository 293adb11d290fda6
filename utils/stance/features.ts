/**
 * Features of a (claim, evidence) pair for the stance model. The one implementation used both to
 * compute training features (scripts/stance/) and at inference (classifyStance): change it and
 * the model must be rebuilt.
 *
 * The evidence is analysed once (`analyze`) into sentences, stems, term counts and cue counts;
 * `featurize` then compares a claim against it, mostly through the sentences that match the
 * claim best, which is where an article confirms, denies or relays it.
 */
import { ALL_CUES, CONFIRM_CUES, DENIAL_PAIRS, DENIAL_WORDS, HEDGE_CUES, NEGATION_CUES, REFUTE_CUES } from './lexicon';
import { NEGATIONS, sentences, stem, STOP_WORDS, tokenize } from './text';
import { withoutPrototype } from '../text/table';

/** Document frequencies of stems over the training texts, with the number of texts. */
export interface IdfTable {
  docs: number;
  df: ReadonlyMap<string, number>;
}

export function idfOf(table: IdfTable, term: string): number {
  const df = table.df.get(term) ?? 1;
  return Math.log((table.docs + 1) / (df + 1)) + 1;
}

const GROUPS = [REFUTE_CUES, HEDGE_CUES, CONFIRM_CUES, NEGATION_CUES] as const;
const G_REFUTE = 0;
const G_HEDGE = 1;
const G_CONFIRM = 2;
const G_NEG = 3;

/** Cue (word or phrase of up to three words) → its index in ALL_CUES and its groups. */
const CUE_INDEX = new Map<string, number>(ALL_CUES.map((c, i) => [c, i]));
/** First words of the multi-word cues, so phrases are only looked up where one can start. */
const PHRASE_STARTS = new Set(ALL_CUES.filter((c) => c.includes(' ')).map((c) => c.split(' ')[0]));
const CUE_GROUPS: number[][] = ALL_CUES.map((c) => GROUPS.flatMap((g, k) => ((g as readonly string[]).includes(c) ? [k] : [])));

/** One sentence of an analysed text. */
export interface SentenceInfo {
  text: string;
  tokens: string[];
  /** Stem per token ('' for stop words and negations). */
  stems: string[];
  /** Content stem → count. */
  tf: Map<string, number>;
  /** Euclidean norm of the tf-idf vector. */
  norm: number;
  /** Count per cue, indexed like ALL_CUES (sparse: index → count). */
  cues: Map<number, number>;
  /** Count per cue group: refute, hedge, confirm, negation. */
  groups: [number, number, number, number];
  /** Token positions of negation words. */
  negations: number[];
  /** Token positions of denial words and two-word denials (DENIAL_WORDS, DENIAL_PAIRS). */
  denials: number[];
}

/** Everything the features need about one text, computed once per text. */
export interface TextInfo {
  sents: SentenceInfo[];
  words: number;
  tf: Map<string, number>;
  norm: number;
  leadTf: Map<string, number>;
  leadNorm: number;
  bigrams: Set<string>;
  numbers: Set<string>;
  groups: [number, number, number, number];
  cues: Map<number, number>;
  /** Question marks per sentence. */
  questions: number;
  /** Share of characters inside quotation marks. */
  quoted: number;
}

const NUMBER_WORDS: Record<string, string> = withoutPrototype({
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
  dozen: '12', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100', thousand: '1000', million: '1000000', billion: '1000000000',
});

function numberOf(t: string): string | null {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return t.replace(/,/g, '');
  return NUMBER_WORDS[t] ?? null;
}

const stemCache = new Map<string, string>();
function stemOf(t: string): string {
  if (STOP_WORDS.has(t) || NEGATIONS.has(t)) return '';
  let s = stemCache.get(t);
  if (s === undefined) {
    s = stem(t);
    if (stemCache.size > 50000) stemCache.clear();
    stemCache.set(t, s);
  }
  return s;
}

function norm(tf: Map<string, number>, idf: IdfTable): number {
  let n = 0;
  for (const [t, c] of tf) {
    const w = c * idfOf(idf, t);
    n += w * w;
  }
  return Math.sqrt(n);
}

function addCounts<K>(into: Map<K, number>, from: Map<K, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

function analyzeSentence(text: string, idf: IdfTable): SentenceInfo {
  const tokens = tokenize(text);
  const stems = tokens.map(stemOf);
  const tf = new Map<string, number>();
  for (const s of stems) if (s) tf.set(s, (tf.get(s) ?? 0) + 1);
  const cues = new Map<number, number>();
  const groups: [number, number, number, number] = [0, 0, 0, 0];
  const negations: number[] = [];
  const denials: number[] = [];
  const hit = (key: string) => {
    const i = CUE_INDEX.get(key);
    if (i === undefined) return;
    cues.set(i, (cues.get(i) ?? 0) + 1);
    for (const g of CUE_GROUPS[i]) groups[g]++;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (NEGATIONS.has(t)) negations.push(i);
    if (DENIAL_WORDS.has(t) || (i + 1 < tokens.length && DENIAL_PAIRS[t]?.has(tokens[i + 1]))) denials.push(i);
    hit(t);
    if (i + 1 < tokens.length && PHRASE_STARTS.has(t)) {
      const two = t + ' ' + tokens[i + 1];
      hit(two);
      if (i + 2 < tokens.length) hit(two + ' ' + tokens[i + 2]);
    }
  }
  return { text, tokens, stems, tf, norm: norm(tf, idf), cues, groups, negations, denials };
}

export function analyze(text: string, idf: IdfTable): TextInfo {
  const sents = sentences(text).map((s) => analyzeSentence(s, idf));
  const tf = new Map<string, number>();
  const leadTf = new Map<string, number>();
  const cues = new Map<number, number>();
  const groups: [number, number, number, number] = [0, 0, 0, 0];
  const bigrams = new Set<string>();
  const numbers = new Set<string>();
  let words = 0;
  sents.forEach((s, k) => {
    addCounts(tf, s.tf);
    if (k < 2) addCounts(leadTf, s.tf);
    addCounts(cues, s.cues);
    for (let g = 0; g < 4; g++) groups[g] += s.groups[g];
    words += s.tokens.length;
    let prev = '';
    for (const st of s.stems) {
      if (!st) continue;
      if (prev) bigrams.add(prev + ' ' + st);
      prev = st;
    }
    for (const t of s.tokens) {
      const n = numberOf(t);
      if (n) numbers.add(n);
    }
  });
  let quotedChars = 0;
  for (const m of text.matchAll(/["“”]([^"“”]{1,400})["“”]/g)) quotedChars += m[1].length;
  const questions = (text.match(/\?/g)?.length ?? 0) / Math.max(1, sents.length);
  return {
    sents, words, tf, norm: norm(tf, idf), leadTf, leadNorm: norm(leadTf, idf), bigrams, numbers, groups, cues, questions,
    quoted: text.length ? quotedChars / text.length : 0,
  };
}

/** Names of the dense features, in order (per-cue counts follow). */
export const BASE_FEATURES = [
  'cos_body', 'cos_lead', 'cos_best', 'cos_top3', 'best_pos', 'share_sent_match', 'cover', 'cover_idf', 'cover_lead', 'cover_best', 'cover_top3',
  'bigram_body', 'bigram_best', 'rare_cover', 'max_missing_idf', 'len_claim', 'log_len_body', 'log_sents', 'claim_numbers', 'number_match',
  'body_numbers_top3', 'claim_refute', 'claim_hedge', 'claim_confirm', 'claim_neg', 'claim_question', 'body_refute', 'body_hedge', 'body_confirm',
  'body_neg', 'top3_refute', 'top3_hedge', 'top3_confirm', 'top3_neg', 'lead_refute', 'lead_hedge', 'neg_near_top3', 'neg_near_body',
  'refute_rate', 'hedge_rate', 'question_body', 'quote_rate', 'neg_mismatch', 'best_refute', 'best_hedge', 'best_neg', 'cover_top1_sum',
  'cos_second', 'best_len', 'number_conflict', 'neg_near_best',
  // dispute cues tied to the claim's own words
  'denial_rare_sents', 'denial_rare_top3', 'denial_rare_lead', 'denial_cover_max', 'denial_subject', 'denial_claim_share', 'negclaim_sents',
  'negclaim_cover_max', 'negclaim_best_new', 'hedge_cover_max',
] as const;

export const FEATURE_NAMES: readonly string[] = [...BASE_FEATURES, ...ALL_CUES.map((c) => 'top3:' + c), ...ALL_CUES.map((c) => 'body:' + c)];

export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Negations within `window` tokens of a claim word, in one sentence. */
function negationsNear(s: SentenceInfo, claimStems: ReadonlySet<string>, window: number): number {
  let n = 0;
  for (const i of s.negations) {
    for (let j = Math.max(0, i - window); j <= Math.min(s.tokens.length - 1, i + window); j++) {
      if (s.stems[j] && claimStems.has(s.stems[j])) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** Whether a denial word stands within `window` tokens of one of `stems` in the sentence. */
export function denialNear(s: SentenceInfo, stems: ReadonlySet<string>, window: number): boolean {
  for (const i of s.denials) {
    for (let j = Math.max(0, i - window); j <= Math.min(s.tokens.length - 1, i + window); j++) if (s.stems[j] && stems.has(s.stems[j])) return true;
  }
  return false;
}

/** Negations that do not negate the fact that follows them ("not only", "no doubt", "not yet known"). */
export const LOOSE_NEGATION_NEXT: ReadonlySet<string> = new Set(['only', 'doubt', 'clear', 'immediately', 'yet', 'just', 'least']);

/** Whether a negation stands just before (within three tokens) one of the claim's words: "did not take the valley". */
function negatesClaim(s: SentenceInfo, claimStems: ReadonlySet<string>): boolean {
  for (const i of s.negations) {
    if (LOOSE_NEGATION_NEXT.has(s.tokens[i + 1])) continue;
    for (let j = i + 1; j <= Math.min(s.tokens.length - 1, i + 3); j++) if (s.stems[j] && claimStems.has(s.stems[j])) return true;
  }
  return false;
}

/** Indices of the evidence's sentences, best match to the claim first (tf-idf cosine). */
export function rankSentences(claim: TextInfo, evidence: TextInfo, idf: IdfTable): number[] {
  const terms = [...claim.tf.keys()];
  const w = terms.map((t) => idfOf(idf, t));
  const score = evidence.sents.map((s) => {
    let dot = 0;
    terms.forEach((t, i) => {
      const c = s.tf.get(t);
      if (c) dot += (claim.tf.get(t) ?? 0) * c * w[i] * w[i];
    });
    return s.norm ? dot / s.norm : 0;
  });
  return score.map((_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
}

/** Computes the feature vector of (claim, evidence); `claim` is the claim's own analysis. */
export function featurize(claim: TextInfo, evidence: TextInfo, idf: IdfTable): Float32Array {
  const f = new Float32Array(FEATURE_COUNT);
  const e = evidence;
  const nS = e.sents.length;
  const cTerms = [...claim.tf.keys()];
  const cSet = new Set(cTerms);
  const cIdf = cTerms.map((t) => idfOf(idf, t));
  const cW = cTerms.map((t, i) => (claim.tf.get(t) ?? 0) * cIdf[i]);
  const idfSum = cIdf.reduce((a, b) => a + b, 0) || 1;
  const cNorm = claim.norm || 1;

  const cos = (tf: Map<string, number>, n: number) => {
    if (!n) return 0;
    let dot = 0;
    for (let i = 0; i < cTerms.length; i++) {
      const c = tf.get(cTerms[i]);
      if (c) dot += cW[i] * c * cIdf[i];
    }
    return dot / (cNorm * n);
  };
  const coverIn = (tf: Map<string, number>) => {
    let n = 0;
    for (const t of cTerms) if (tf.has(t)) n++;
    return cTerms.length ? n / cTerms.length : 0;
  };

  const sentScores = new Float64Array(nS);
  const sentCover = new Float64Array(nS);
  for (let k = 0; k < nS; k++) {
    const s = e.sents[k];
    sentScores[k] = cos(s.tf, s.norm);
    let c = 0;
    for (let i = 0; i < cTerms.length; i++) if (s.tf.has(cTerms[i])) c += cIdf[i];
    sentCover[k] = c / idfSum;
  }
  const order = Array.from(sentScores.keys()).sort((a, b) => sentScores[b] - sentScores[a] || a - b);
  const top3 = order.slice(0, 3).map((k) => e.sents[k]);
  const bestK = order[0];
  const best: SentenceInfo | undefined = e.sents[bestK];

  const top3Tf = new Map<string, number>();
  const top3Cues = new Map<number, number>();
  const top3Groups = [0, 0, 0, 0];
  const top3Numbers = new Set<string>();
  for (const s of top3) {
    addCounts(top3Tf, s.tf);
    addCounts(top3Cues, s.cues);
    for (let g = 0; g < 4; g++) top3Groups[g] += s.groups[g];
    for (const t of s.tokens) {
      const n = numberOf(t);
      if (n) top3Numbers.add(n);
    }
  }
  const bestGroups = best ? best.groups : [0, 0, 0, 0];
  const leadGroups = [0, 0, 0, 0];
  for (const s of e.sents.slice(0, 2)) for (let g = 0; g < 4; g++) leadGroups[g] += s.groups[g];

  // coverage and rare words
  let coverIdf = 0;
  let maxMissing = 0;
  cTerms.forEach((t, i) => {
    if (e.tf.has(t)) coverIdf += cIdf[i];
    else maxMissing = Math.max(maxMissing, cIdf[i]);
  });
  const rare = cTerms.map((t, i) => [t, cIdf[i]] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);

  // bigrams
  let bgBody = 0;
  let bgBest = 0;
  const bestBigrams = new Set<string>();
  if (best) {
    let prev = '';
    for (const st of best.stems) {
      if (!st) continue;
      if (prev) bestBigrams.add(prev + ' ' + st);
      prev = st;
    }
  }
  for (const b of claim.bigrams) {
    if (e.bigrams.has(b)) bgBody++;
    if (bestBigrams.has(b)) bgBest++;
  }

  // numbers: claim numbers absent from the evidence while the best sentences give other numbers
  const claimNums = [...claim.numbers];
  const matchedNums = claimNums.filter((n) => e.numbers.has(n)).length;
  const conflict = claimNums.length && !claimNums.some((n) => top3Numbers.has(n)) && top3Numbers.size ? 1 : 0;

  const nWords = Math.max(1, e.words);
  const claimNeg = claim.groups[G_NEG];
  const bestNeg = bestGroups[G_NEG];
  let negBody = 0;
  for (const s of e.sents) if (s.negations.length) negBody += negationsNear(s, cSet, 4);

  // dispute cues tied to the claim: a denial next to the claim's rarest words or its subject (its
  // first content word), a negation in front of the claim's words where the claim has none
  const rareSet = new Set(rare.map(([t]) => t));
  const subject = new Set<string>();
  for (const st of claim.sents[0]?.stems ?? []) {
    if (st) {
      subject.add(st);
      break;
    }
  }
  const top3Set = new Set(order.slice(0, 3));
  let denialRare = 0;
  let denialRareTop3 = 0;
  let denialRareLead = 0;
  let denialCover = 0;
  let denialSubject = 0;
  let related = 0;
  let denialClaim = 0;
  let negClaim = 0;
  let negCover = 0;
  let hedgeCover = 0;
  for (let k = 0; k < nS; k++) {
    const s = e.sents[k];
    const cover = sentCover[k];
    if (s.groups[G_HEDGE]) hedgeCover = Math.max(hedgeCover, cover);
    if (cover >= 0.25) related++;
    if (s.denials.length) {
      denialCover = Math.max(denialCover, cover);
      if (denialNear(s, rareSet, 6)) {
        denialRare++;
        if (top3Set.has(k)) denialRareTop3++;
        if (k < 3) denialRareLead++;
      }
      if (subject.size && denialNear(s, subject, 8)) denialSubject++;
      if (cover >= 0.25 && denialNear(s, cSet, 6)) denialClaim++;
    }
    if (s.negations.length && negatesClaim(s, cSet)) {
      negCover = Math.max(negCover, cover);
      if (cover >= 0.25) negClaim++;
    }
  }
  const bestNegates = best ? negatesClaim(best, cSet) : false;

  const values: Record<(typeof BASE_FEATURES)[number], number> = {
    cos_body: cos(e.tf, e.norm),
    cos_lead: cos(e.leadTf, e.leadNorm),
    cos_best: best ? sentScores[bestK] : 0,
    cos_top3: top3.length ? order.slice(0, 3).reduce((a, k) => a + sentScores[k], 0) / top3.length : 0,
    best_pos: !best || nS <= 1 ? 0 : bestK / (nS - 1),
    share_sent_match: nS ? sentScores.filter((s) => s > 0.2).length / nS : 0,
    cover: coverIn(e.tf),
    cover_idf: coverIdf / idfSum,
    cover_lead: coverIn(e.leadTf),
    cover_best: best ? coverIn(best.tf) : 0,
    cover_top3: coverIn(top3Tf),
    bigram_body: claim.bigrams.size ? bgBody / claim.bigrams.size : 0,
    bigram_best: claim.bigrams.size ? bgBest / claim.bigrams.size : 0,
    rare_cover: rare.length ? rare.filter(([t]) => e.tf.has(t)).length / rare.length : 0,
    max_missing_idf: maxMissing,
    len_claim: cTerms.length,
    log_len_body: Math.log1p(e.words),
    log_sents: Math.log1p(nS),
    claim_numbers: claimNums.length,
    number_match: claimNums.length ? matchedNums / claimNums.length : -1,
    body_numbers_top3: top3Numbers.size,
    claim_refute: claim.groups[G_REFUTE],
    claim_hedge: claim.groups[G_HEDGE],
    claim_confirm: claim.groups[G_CONFIRM],
    claim_neg: claimNeg,
    claim_question: claim.questions > 0 ? 1 : 0,
    body_refute: e.groups[G_REFUTE],
    body_hedge: e.groups[G_HEDGE],
    body_confirm: e.groups[G_CONFIRM],
    body_neg: e.groups[G_NEG],
    top3_refute: top3Groups[G_REFUTE],
    top3_hedge: top3Groups[G_HEDGE],
    top3_confirm: top3Groups[G_CONFIRM],
    top3_neg: top3Groups[G_NEG],
    lead_refute: leadGroups[G_REFUTE],
    lead_hedge: leadGroups[G_HEDGE],
    neg_near_top3: top3.reduce((a, s) => a + negationsNear(s, cSet, 4), 0),
    neg_near_body: negBody,
    refute_rate: (e.groups[G_REFUTE] * 100) / nWords,
    hedge_rate: (e.groups[G_HEDGE] * 100) / nWords,
    question_body: e.questions,
    quote_rate: e.quoted,
    neg_mismatch: (claimNeg > 0 ? 1 : 0) - (bestNeg > 0 ? 1 : 0),
    best_refute: bestGroups[G_REFUTE],
    best_hedge: bestGroups[G_HEDGE],
    best_neg: bestNeg,
    cover_top1_sum: order.slice(0, 3).reduce((a, k) => a + sentCover[k], 0),
    cos_second: nS > 1 ? sentScores[order[1]] : 0,
    best_len: best ? best.tokens.length : 0,
    number_conflict: conflict,
    neg_near_best: best ? negationsNear(best, cSet, 4) : 0,
    denial_rare_sents: denialRare,
    denial_rare_top3: denialRareTop3,
    denial_rare_lead: denialRareLead,
    denial_cover_max: denialCover,
    denial_subject: denialSubject,
    denial_claim_share: related ? denialClaim / related : 0,
    negclaim_sents: negClaim,
    negclaim_cover_max: negCover,
    negclaim_best_new: (bestNegates ? 1 : 0) - (claimNeg > 0 ? 1 : 0),
    hedge_cover_max: hedgeCover,
  };
  let k = 0;
  for (const name of BASE_FEATURES) f[k++] = values[name];
  for (const [i, v] of top3Cues) f[k + i] = v;
  k += ALL_CUES.length;
  for (const [i, v] of e.cues) f[k + i] = v;
  return f;
}
