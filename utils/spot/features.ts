/**
 * Features of a sentence for the check-worthiness model: hashed word unigrams and bigrams plus a
 * few hand-made cues (figures, names, attribution, first person, questions, modal words, opinion
 * words, boilerplate, length). Shared by the model at run time and by scripts/spot/train.ts, so
 * both see exactly the same features.
 */

/** Number of hash buckets for word features (a power of two). */
export const HASH_BITS = 15;
export const HASH_SIZE = 1 << HASH_BITS;

/** Names of the hand-made features, in the order they follow the hashed ones. */
export const DENSE_NAMES = [
  'bias',
  'has_number',
  'number_count',
  'has_percent',
  'has_money',
  'has_year',
  'has_number_word',
  'has_vague_quantity',
  'caps_inner',
  'caps_inner_many',
  'acronym',
  'attribution',
  'according_to',
  'first_singular',
  'first_plural',
  'second_person',
  'question',
  'exclamation',
  'modal_future',
  'opinion',
  'belief_verb',
  'past_tense',
  'change_word',
  'time_word',
  'quote_marks',
  'starts_with_quote',
  'boilerplate',
  'caption',
  'len_lt5',
  'len_5_9',
  'len_10_19',
  'len_20_39',
  'len_ge40',
  'no_final_punct',
  'negation',
  'hedge',
  'superlative',
] as const;
export const DENSE_SIZE = DENSE_NAMES.length;

/** A sparse feature vector: indices into [hashed words | dense features] with their values. */
export interface Features {
  idx: number[];
  val: number[];
}

const WORD = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*|[%$£€]/gu;

/** Lower-cased tokens with figures folded into classes ("<num>", "<year>", "<pct>"). */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const word of text.match(WORD) ?? []) {
    let t = word.toLowerCase();
    if (t.includes('’')) t = t.replace(/’/g, "'");
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      if (/^(1[89]|20)\d\d$/.test(t)) t = '<year>';
      else if (/^\d+(st|nd|rd|th)$/.test(t)) t = '<ord>';
      else t = '<num>';
    }
    out.push(t);
  }
  return out;
}

/** 32-bit FNV-1a hash of a string. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const RX = {
  number: /\d/,
  numberAll: /\d+(?:[.,]\d+)*/g,
  percent: /%|\bper ?cent\b|\bpercentage points?\b/i,
  money: /[$£€¥]\s?\d|\b\d[\d.,]*\s?(?:bn|m|million|billion|trillion)?\s?(?:dollars|euros|pounds|yuan|rupees|roubles|rubles|hryvnias?)\b/i,
  year: /\b(?:1[89]|20)\d\d\b/,
  numberWord:
    /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|half|quarter|third|double|doubled|tripled|twice)\b/i,
  vague: /\b(?:dozens|hundreds|thousands|millions|billions|scores|several|many|numerous)\b/i,
  attribution:
    /\b(?:said|says|say|told|stated|states|announced|reported|reports|claimed|claims|confirmed|confirms|denied|denies|added|insisted|alleged|acknowledged|admitted|testified|wrote|tweeted|posted|declared)\b/i,
  accordingTo: /\baccording to\b/i,
  firstSingular: /\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)\b/i,
  firstPlural: /\b(?:we|we're|we've|we'd|we'll|us|our|ours|ourselves)\b/i,
  second: /\b(?:you|you're|you've|your|yours)\b/i,
  modal: /\b(?:will|won't|would|should|shall|could|might|must|going to|gonna|plans? to|intends? to|expects? to|expected to|likely to|hopes? to|wants? to|aims? to|would like)\b/i,
  opinion:
    /\b(?:great|terrible|wonderful|horrible|awful|fantastic|amazing|disgraceful|shameful|outrageous|ridiculous|absurd|incredible|tremendous|beautiful|excellent|bad|good|best|worst|wrong|right|fair|unfair|important|crucial|vital|essential|brave|heroic|tragic|sad|happy|proud|angry|disgusting|strong|weak|failed|disaster|disastrous|reckless|dangerous|deserve|deserves|should|must|need to|needs to|have to|has to|ought)\b/i,
  belief: /\b(?:think|believe|believes|feel|feels|felt|hope|hopes|wish|guess|suppose|imagine|doubt|fear|love|hate|want|wants)\b/i,
  pastTense: /\b[a-z]{3,}ed\b/i,
  change:
    /\b(?:rose|risen|rise|rises|fell|fallen|falls|increased|increase|decreased|decrease|grew|grown|doubled|tripled|halved|dropped|surged|plunged|jumped|declined|cut|raised|lowered|more than|less than|fewer than|at least|up to|higher|lower|record)\b/i,
  time: /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight|last (?:week|month|year|night)|january|february|march|april|june|july|august|september|october|november|december|since|ago)\b/i,
  quote: /["“”«»]/,
  startsQuote: /^\s*["“«]/,
  boilerplate:
    /\b(?:subscribe|newsletter|sign up|sign in|log in|click|tap here|read more|read next|follow us|share this|cookies?|advertisement|sponsored|all rights reserved|copyright|terms of use|privacy policy|download our app|related:|more stories|watch:|listen:)\b/i,
  caption: /^(?:\(?(?:photo|picture|image|video|file photo|credit|source|graphic|illustration)\b\s*[:|/–—-])|\b(?:getty images|afp via getty|ap photo|reuters\/|epa-efe|shutterstock)\b/i,
  negation: /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|denied|denies|deny|n't)\b|n't\b/i,
  hedge:
    /\b(?:reportedly|allegedly|alleged|apparently|possibly|perhaps|may|might|could|unconfirmed|unverified|rumou?red|believed to|thought to|said to be|appears? to|appeared to|seems?|suspected|likely|unclear)\b/i,
  superlative: /\b(?:most|least|largest|biggest|highest|lowest|first|last|only|worst|best|[a-z]{3,}est)\b/i,
  acronym: /\b[A-Z]{2,}\b|\b(?:[A-Z]\.){2,}/,
  finalPunct: /[.!?…]["”’)\]]*\s*$/,
};

const COMMON_CAPS = new Set(
  (
    'i the a an he she it they we you this that these those there his her its their our my your but and or so yet if when while ' +
    'after before as in on at by for from with since however meanwhile also still then now mr mrs ms dr'
  ).split(' '),
);

/** Capitalised words not at the start of the sentence (names of people, places, organisations). */
export function innerCaps(text: string): number {
  let count = 0;
  let restart = true; // at the start of the sentence, a quotation or a new clause after . ! ? :
  for (const chunk of text.match(/\S+/g) ?? []) {
    let k = 0;
    while (k < chunk.length && '"“‘\'(['.includes(chunk[k])) k++;
    const opensQuote = k > 0;
    const c = chunk.charCodeAt(k);
    const upper = (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
    if (upper && !restart && !opensQuote) {
      let end = chunk.length;
      while (end > k && !/[A-Za-z\u00c0-\u024f]/.test(chunk[end - 1])) end--;
      if (!COMMON_CAPS.has(chunk.slice(k, end).toLowerCase())) count++;
    }
    restart = endsClause(chunk);
  }
  return count;
}

/** Does a chunk end in . ! ? or : (with any closing quotes or brackets after it)? */
function endsClause(chunk: string): boolean {
  let e = chunk.length - 1;
  while (e >= 0) {
    const c = chunk[e];
    if (c === '"' || c === '”' || c === '’' || c === ')') e--;
    else return c === '.' || c === '!' || c === '?' || c === ':';
  }
  return false;
}

const flag = (x: boolean): number => (x ? 1 : 0);

/** The dense hand-made features of a sentence. */
export function denseFeatures(text: string, toks: string[]): number[] {
  const n = toks.length;
  // Several cues need a digit; without one they are false and the count is 0.
  const digit = RX.number.test(text);
  const numbers = digit ? text.match(RX.numberAll)?.length ?? 0 : 0;
  const caps = innerCaps(text);
  // In the order of DENSE_NAMES.
  return [
    1, // bias
    flag(digit), // has_number
    Math.min(numbers, 4) / 4, // number_count
    flag(RX.percent.test(text)), // has_percent
    flag(digit && RX.money.test(text)), // has_money
    flag(digit && RX.year.test(text)), // has_year
    flag(RX.numberWord.test(text)), // has_number_word
    flag(RX.vague.test(text)), // has_vague_quantity
    flag(caps > 0), // caps_inner
    Math.min(caps, 6) / 6, // caps_inner_many
    flag(RX.acronym.test(text)), // acronym
    flag(RX.attribution.test(text)), // attribution
    flag(RX.accordingTo.test(text)), // according_to
    flag(RX.firstSingular.test(text)), // first_singular
    flag(RX.firstPlural.test(text)), // first_plural
    flag(RX.second.test(text)), // second_person
    flag(text.includes('?')), // question
    flag(text.includes('!')), // exclamation
    flag(RX.modal.test(text)), // modal_future
    flag(RX.opinion.test(text)), // opinion
    flag(RX.belief.test(text)), // belief_verb
    flag(RX.pastTense.test(text)), // past_tense
    flag(RX.change.test(text)), // change_word
    flag(RX.time.test(text)), // time_word
    flag(RX.quote.test(text)), // quote_marks
    flag(RX.startsQuote.test(text)), // starts_with_quote
    flag(RX.boilerplate.test(text)), // boilerplate
    flag(RX.caption.test(text)), // caption
    flag(n < 5), // len_lt5
    flag(n >= 5 && n < 10), // len_5_9
    flag(n >= 10 && n < 20), // len_10_19
    flag(n >= 20 && n < 40), // len_20_39
    flag(n >= 40), // len_ge40
    flag(!RX.finalPunct.test(text)), // no_final_punct
    flag(RX.negation.test(text)), // negation
    flag(RX.hedge.test(text)), // hedge
    flag(RX.superlative.test(text)), // superlative
  ];
}

/** Which word features are used (fixed for a trained model; kept here so training can compare). */
export const WORD_FEATURES = { bigrams: false, shapes: false, trigrams: false, chars: false };

/** Tokens with capitalised words inside the sentence folded to "<cap>" (names, places). */
function shapes(text: string): string[] {
  const out: string[] = [];
  let first = true;
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (!first && /^\p{Lu}/u.test(w) && !COMMON_CAPS.has(w.toLowerCase())) out.push(/^[A-Z]{2,}$/.test(w) ? '<acr>' : '<cap>');
    else if (/^\d/.test(w)) out.push('<num>');
    else out.push(w.toLowerCase());
    first = false;
  }
  return out;
}

let scratch: Uint16Array | undefined;

/** Hashes of tokens seen before (a page repeats its words); cleared when it grows large. */
const tokenHashes = new Map<string, number>();
function tokenHash(t: string): number {
  let h = tokenHashes.get(t);
  if (h === undefined) {
    h = hash(t);
    if (tokenHashes.size >= 50_000) tokenHashes.clear();
    tokenHashes.set(t, h);
  }
  return h;
}

/** Counts one feature in its bucket; lists the bucket in `touched` the first time. */
function addTo(counts: Uint16Array, touched: number[], h: number): void {
  const k = h & (HASH_SIZE - 1);
  if (counts[k]++ === 0) touched.push(k);
}

/** Mixes two 32-bit hashes into one. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

const START = hash('<s>');
const END = hash('</s>');
const KIND_UNI = 1;
const KIND_BI = 2;
const KIND_TRI = 3;
const KIND_SHAPE = 4;
const KIND_SHAPE_BI = 5;
const KIND_CHAR = 6;

/** The full sparse feature vector of a sentence (word features scaled by 1/sqrt(count)). */
export function featurize(text: string): Features {
  const toks = tokens(text);
  // Counts per bucket in a scratch array kept between calls; `touched` lists the buckets used.
  const counts = (scratch ??= new Uint16Array(HASH_SIZE));
  const touched: number[] = [];
  const add = (h: number) => addTo(counts, touched, h);
  let prev = START;
  let prev2 = START;
  for (const t of toks) {
    const h = tokenHash(t);
    addTo(counts, touched, mix(KIND_UNI, h));
    if (WORD_FEATURES.bigrams) add(mix(mix(KIND_BI, prev), h));
    if (WORD_FEATURES.trigrams) add(mix(mix(mix(KIND_TRI, prev2), prev), h));
    prev2 = prev;
    prev = h;
  }
  if (WORD_FEATURES.bigrams) add(mix(mix(KIND_BI, prev), END));
  if (WORD_FEATURES.shapes) {
    let p = START;
    for (const t of shapes(text)) {
      const h = hash(t);
      if (t.startsWith('<')) add(mix(KIND_SHAPE, h));
      add(mix(mix(KIND_SHAPE_BI, p), h));
      p = h;
    }
  }
  if (WORD_FEATURES.chars) {
    const s = ' ' + text.toLowerCase().replace(/\d/g, '0').replace(/\s+/g, ' ') + ' ';
    for (let i = 0; i + 4 <= s.length; i++) add(mix(KIND_CHAR, hash(s.slice(i, i + 4))));
  }
  const idx: number[] = [];
  const val: number[] = [];
  const norm = 1 / Math.sqrt(Math.max(1, touched.length));
  for (const h of touched) {
    idx.push(h);
    val.push(Math.min(counts[h], 3) * norm);
    counts[h] = 0;
  }
  const dense = denseFeatures(text, toks);
  for (let i = 0; i < dense.length; i++) {
    if (dense[i] !== 0) {
      idx.push(HASH_SIZE + i);
      val.push(dense[i]);
    }
  }
  return { idx, val };
}
