import type { ClaimNumber, ClaimStructure } from '../types';
import { withoutPrototype } from '../text/table';

/**
 * The structure of a claim sentence, by rules: named entities, numbers with what they count, the
 * main action, attribution, negation and hedging. Rules, not a parser: built for short news
 * sentences, and cheap enough to run on every spotted claim.
 */
export function claimStructure(text: string): ClaimStructure {
  const attribution = findAttribution(text);
  const numbers = findNumbers(text);
  const entities = findEntities(text);
  // A clause set aside between commas says something about a name, not the claim: "The
  // official, who was not authorised to speak, said …" is not negated, "The dam, built in 1962,
  // burst" is about bursting.
  const said = withoutAsides(text);
  const action = findAction(said, attribution?.verbAt ?? -1);
  // A "which" clause is about a thing, often the claim's own ("faces 115 charges, which it
  // denies, over …"): its negation counts.
  const negation = withoutAsides(text, { which: false });
  return {
    entities,
    numbers,
    ...(action ? { action } : {}),
    ...(attribution ? { attribution: attribution.who } : {}),
    negated: isNegated(negation),
    hedged: isHedged(negation),
  };
}

/**
 * A clause between commas opening with who / which / whose or a participle ("speaking", "built",
 * "published"). A comma between digits ("3,000") neither opens nor closes one.
 */
const ASIDE = /,\s+(?:(who|whose)|(which)|(\p{Ll}+(?:ing|ed)|built|held|known|seen|made|led|run|sent|set|kept|given|taken|found|told))\b(?:[^,;:"“”]|,(?=\d))*(?=,(?!\d))/gu;
/** Words that open a clause between commas without making it an aside. */
const NOT_ASIDE = /^(?:nothing|something|anything|everything|including|according|during|indeed|need)$/;
/** A clause with these is a clause of its own, not a participle's aside ("fighting did not stop"). */
const FINITE = /\b(?:did|does|do|was|were|is|are|has|have|had|will|would|could|can|may|might|must|should|not|never|no)\b/i;
/** What a sentence may open with before its subject ("On Monday, armed police …"): the clause after it is the sentence's own. */
const OPENER = /^\s*(?:on|in|at|after|before|during|despite|since|until|for|with|without|by|from|under|over|as|when|while|although|though|if|because|once|yesterday|today|tonight|earlier|later|meanwhile|however|still|also|then|now|last|this|next|amid|following|across|throughout)\b/i;

/** Whether a text starts with a verb (the sentence's own, after a clause about its subject: "…, has said", "…, said"). */
function verbNext(rest: string): boolean {
  const w = rest.match(/^\s*([\p{L}'’]+)/u)?.[1];
  return !!w && /^\p{Ll}/u.test(w) && (isAux(w) || isIrregular(w) || /^[a-z]{3,}ed$/.test(w) || SAY_WORD.test(w));
}
const SAY_WORD = /^(?:said|says|told|claimed|claims|announced|reported|added|warned|insisted|denied|denies|confirmed|confirms)$/;

/**
 * The text with each aside's words turned into spaces (offsets kept). Not an aside: a clause right
 * after another (the sentence going on: "officers, watched by residents, hoisted the flag, …"),
 * the clause after a sentence's opening phrase ("On Sunday, fighting did not stop, …"), and a
 * participle's clause with a verb of its own. With `which: false`, a "which" clause is kept unless
 * the sentence's verb follows it (it is then about the subject, not the claim).
 */
export function withoutAsides(text: string, opts: { which?: boolean } = {}): string {
  let out = text;
  let lastEnd = -1;
  for (const m of text.matchAll(ASIDE)) {
    const at = m.index;
    const [whole, , which, participle] = m;
    if (at === lastEnd || (participle && NOT_ASIDE.test(participle))) continue;
    if (which && opts.which === false && !verbNext(text.slice(at + whole.length + 1))) continue;
    if (participle && FINITE.test(whole)) continue;
    const head = text.slice(0, at).split(/[;:"“”]/).pop() ?? '';
    if (!head.includes(',') && OPENER.test(head)) continue;
    lastEnd = at + whole.length;
    out = out.slice(0, at) + ',' + ' '.repeat(whole.length - 1) + out.slice(at + whole.length);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Entities

/** Capitalised words that are not names when they open a sentence or stand alone. */
const NOT_NAMES = new Set(
  (
    'the a an this that these those there here his her its their our my your he she it they we i you ' +
    'but and or so yet if when while after before as in on at by for from with without since however meanwhile ' +
    'also still then now later earlier last next some many most several one two three four five six seven eight nine ten ' +
    'no not none all both each every other another such what who whom which where why how ' +
    'according despite although though because until unless once over under about around among between during ' +
    'officials police authorities residents witnesses reports report sources critics analysts experts ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december today yesterday tomorrow tonight ' +
    'photo image video read watch listen subscribe updated published breaking live'
  ).split(' '),
);
const DAY_MONTH = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;
/** Lower-case words allowed inside a name ("Bank of England", "Ministry for the Economy"). */
const NAME_JOINERS = new Set(['of', 'for', 'the', 'de', 'du', 'la', 'le', 'al', 'bin', 'van', 'von', 'der', 'del', 'da', '&']);
const TITLES = /^(Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|President|Prime|Minister|Chancellor|Judge|Justice|General|Colonel|Captain|Mayor|King|Queen|Prince|Princess|Pope|Sheikh|Sir|Dame|Lord|Lady)\.?$/;

interface Tok {
  w: string;
  start: number;
  end: number;
}

function words(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*[\p{L}\p{N}.]|[\p{L}\p{N}&]/gu)) {
    let w = m[0];
    // Keep the full stop of abbreviations and initials ("U.S.", "J.", "Gen."), not a sentence's.
    if (w.endsWith('.') && !/^(?:[\p{L}]\.)+$/u.test(w) && !TITLES.test(w)) w = w.slice(0, -1);
    out.push({ w, start: m.index, end: m.index + w.length });
  }
  return out;
}

function isCapitalised(w: string): boolean {
  return /^\p{Lu}/u.test(w) || /^[a-z]+[A-Z]/.test(w);
}

/** Is the token the first word of the sentence or of a quotation/clause start? */
function atClauseStart(text: string, tok: Tok, i: number): boolean {
  if (i === 0) return true;
  const before = text.slice(Math.max(0, tok.start - 3), tok.start);
  if (/(?:[.!?:;]\s+|["“‘(—–-]\s*)$/.test(before)) return true;
  // Only quotation marks or brackets before it: still the first word.
  for (let k = 0; k < tok.start; k++) if (!/[\s"“‘(]/.test(text[k])) return false;
  return true;
}

export function findEntities(text: string): string[] {
  const toks = words(text);
  const out: string[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (!isCapitalised(t.w) || DAY_MONTH.test(t.w.replace(/['’]s$/, '')) || /^\d/.test(t.w)) {
      i++;
      continue;
    }
    // Sentence-initial common words ("The", "Officials") are not names; an all-caps short word
    // (acronym) always is.
    const lower = t.w.toLowerCase().replace(/\.$/, '');
    const acronym = /^[A-Z]{2,}$|^(?:[A-Z]\.){2,}$/.test(t.w);
    if (!acronym && NOT_NAMES.has(lower)) {
      i++;
      continue;
    }
    // Extend over further capitalised words and joiners, with no punctuation in between.
    let j = i;
    while (j + 1 < toks.length) {
      const gap = text.slice(toks[j].end, toks[j + 1].start);
      if (!/^\s+$/.test(gap) && !(gap === '' && toks[j].w.endsWith('.'))) break;
      const nw = toks[j + 1].w;
      if (isCapitalised(nw) && !DAY_MONTH.test(nw.replace(/['’]s$/, ''))) {
        j++;
        continue;
      }
      // A joiner counts only when a capitalised word follows it.
      if (NAME_JOINERS.has(nw) && j + 2 < toks.length && isCapitalised(toks[j + 2].w) && !DAY_MONTH.test(toks[j + 2].w) && /^\s+$/.test(text.slice(toks[j + 1].end, toks[j + 2].start))) {
        j += 2;
        continue;
      }
      break;
    }
    // A lone capitalised word at a clause start is usually an ordinary word ("Fighting resumed").
    const single = i === j;
    if (single && !acronym && atClauseStart(text, t, i) && !knownProper(t.w)) {
      i++;
      continue;
    }
    let first = i;
    // Drop titles at the front only when nothing else is left ("President" alone is no name).
    while (first < j && NOT_NAMES.has(toks[first].w.toLowerCase())) first++;
    const name = text.slice(toks[first].start, toks[j].end).replace(/['’]s$/, '');
    if (!(single && TITLES.test(name)) && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
    i = j + 1;
  }
  return out;
}

/** A word that is a name even at the start of a sentence: all-caps, internal capitals, or a possessive. */
function knownProper(w: string): boolean {
  return /^[A-Z]{2,}/.test(w) || /^[A-Z][a-z]+[A-Z]/.test(w) || /['’]s$/.test(w);
}

// ---------------------------------------------------------------------------------------------
// Numbers

const SMALL: Record<string, number> = withoutPrototype({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, a: 1, an: 1, half: 0.5, dozen: 12,
});
const SCALE: Record<string, number> = withoutPrototype({
  hundred: 100, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
});
const VAGUE = /^(dozens|hundreds|thousands|tens of thousands|hundreds of thousands|millions|billions|scores|several|a few|a handful)$/i;
const CURRENCY: Record<string, string> = withoutPrototype({ $: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY' });
const UNIT_WORDS =
  /^(%|per ?cent|percent|percentage points?|km|kilometres|kilometers|miles?|metres|meters|m|kg|kilograms|tonnes|tons|litres|liters|barrels|hectares|acres|years?|months?|weeks?|days?|hours?|minutes?|seconds?|degrees|dollars|euros|pounds|yuan|rupees|roubles|rubles)$/i;
/** Words that do not name what a number counts. */
const NOT_UNITS = new Set(
  'the a an of and or to in on at by for from with than as is are was were be been has have had will would that this which who it its their his her per more less about nearly almost some other new more those these them us whom if when times'.split(' '),
);
const ADJECTIVES = /^(?:[a-z]+ed|[a-z]+ing|more|new|other|additional|further|extra|young|old|small|large|big|civilian|foreign|local|armed|senior|rural|urban|eastern|western|northern|southern|central|[a-z]+-[a-z]+)$/;

const NUMBER_RX = new RegExp(
  [
    // currency + figure + optional scale: $4.2bn, £1.75 million
    String.raw`[$£€¥]\s?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:bn|billion|million|mn|m|trillion|tn|k)\b)?`,
    // figure + optional scale/percent: 3.5 million, 1,200, 61.4%, 2-1 is excluded by the boundary
    String.raw`\d+(?:,\d{3})*(?:\.\d+)?(?:\s?%|(?:\s?(?:bn|billion|million|mn|thousand|trillion|tn|k)\b))?`,
    // vague quantities
    String.raw`\b(?:tens of thousands|hundreds of thousands|dozens|hundreds|thousands|millions|billions|scores)\b(?= of\b)`,
    String.raw`\b(?:dozens|hundreds|thousands|millions|billions)\b`,
    // number words, possibly with a scale: "four", "twenty-five", "two million"
    String.raw`\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a dozen|a hundred|a thousand|a million|a billion|half a million)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s(?:hundred|thousand|million|billion|trillion))?\b`,
  ].join('|'),
  'gi',
);

function numberValue(raw: string): number | null {
  const r = raw.toLowerCase().replace(/[$£€¥]/g, '').trim();
  if (VAGUE.test(r)) return null;
  const fig = r.match(/^(\d[\d,]*(?:\.\d+)?)\s?(%|bn|billion|million|mn|m|thousand|trillion|tn|k)?$/);
  if (fig) {
    const base = Number(fig[1].replace(/,/g, ''));
    const scale = fig[2] && fig[2] !== '%' ? SCALE[fig[2]] ?? 1 : 1;
    return Number.isFinite(base) ? round(base * scale) : null;
  }
  let total = 0;
  let current = 0;
  for (const w of r.split(/[\s-]+/)) {
    if (w in SMALL) current += SMALL[w];
    else if (w in SCALE) {
      current = (current || 1) * SCALE[w];
      if (SCALE[w] >= 1000) {
        total += current;
        current = 0;
      }
    } else return null;
  }
  return round(total + current);
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

const MAY_HAVE_NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|zero|dozens?|hundreds?|thousands?|millions?|billions?|scores|half)\b/i;

export function findNumbers(text: string): ClaimNumber[] {
  const out: ClaimNumber[] = [];
  if (!MAY_HAVE_NUMBER.test(text)) return out;
  const at: Array<[number, number]> = [];
  for (const m of text.matchAll(NUMBER_RX)) {
    let raw = m[0].trim();
    const start = m.index;
    let end = start + m[0].length;
    // Skip parts of dates, times, scores and identifiers: "2-1", "10:45", "No. 5" are kept, "COVID-19" not.
    const prev = text[start - 1] ?? '';
    const next = text[end] ?? '';
    if (/[\p{L}-]/u.test(prev) && /^\d/.test(raw)) continue;
    if (/^\d/.test(raw) && /[\p{L}]/u.test(next) && !/^(?:am|pm|km|kg|m|bn|s)\b/i.test(text.slice(end))) continue;
    // "a" and "an" alone are not numbers.
    if (/^an?$/i.test(raw)) continue;
    const value = numberValue(raw);
    const num: ClaimNumber = { raw, value };
    // Currency.
    const cur = raw.match(/^[$£€¥]/);
    if (cur) num.unit = CURRENCY[cur[0]];
    else if (/%$/.test(raw)) num.unit = '%';
    // A year: "in 2019", "the floods of 1998"; a day of the month: "October 8", "8 October".
    const before = text.slice(Math.max(0, start - 12), start);
    if (!num.unit && /^(1[89]|20)\d\d$/.test(raw) && /\b(?:in|since|of|by|from|until|to|during|year|early|late|mid|before|after|between)\s+$|\b(?:1[89]|20)\d\d\s+(?:and|or|to)\s+$/i.test(before)) num.unit = 'year';
    if (!num.unit && /^\d{1,2}$/.test(raw) && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(text.slice(end, end + 14)))) num.unit = 'date';
    // "an eight-day offensive", "a 25-year licence": the word after the hyphen.
    const hyphen = text.slice(end).match(/^-([a-z]+)\b/);
    if (!num.unit && hyphen && !/^(?:old|long|high|wide|strong)$/.test(hyphen[1])) num.unit = hyphen[1];
    // "61.4 per cent", "$4.2bn" done; otherwise the next word(s) tell what is counted.
    if (!num.unit) {
      const after = text.slice(end);
      const unit = countedNoun(after);
      if (unit) num.unit = unit;
    }
    out.push(num);
    end = start + raw.length;
    at.push([start, end]);
  }
  // "four of seven districts", "12 out of 40 patients": the first counts what the second counts.
  for (let i = out.length - 2; i >= 0; i--) {
    const between = text.slice(at[i][1], at[i + 1][0]);
    if (/^\s+(?:of|out of)\s+(?:the\s+|its\s+|their\s+)?$/i.test(between) && out[i + 1].unit) out[i].unit = out[i + 1].unit;
  }
  return out;
}

const MONTH_BEFORE = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+$/;
const MONTH_AFTER = /^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/;
/** Nouns that are plural without an -s. */
const PLURAL_NOUNS = /^(?:people|children|men|women|personnel|cattle|sheep|fish|deer|aircraft|data|media|troops|livestock|offspring|clergy|youth|militia|infantry)$/;
/** Words that end a counted noun phrase. */
const isPhraseStop = wordTest(
  'under over near across into after before since during while who when where which that were was are is have has had will would could can may might must should did do does also still now then each a an the and or but to of in on at by for from with than as per',
);

/**
 * A word test against a list of words (separated by spaces). With `ignoreCase`, only ASCII
 * letters fold, as under a regex's i flag: the Kelvin sign lower-cases to "k" but is not that letter.
 */
function wordTest(list: string, ignoreCase = false): (w: string) => boolean {
  const words = new Set(list.split(' '));
  if (!ignoreCase) return (w) => words.has(w);
  return (w) => words.has(w.toLowerCase()) && !w.includes('\u212a');
}

function countedNoun(after: string): string | undefined {
  const ws = after.match(/^\s*(?:%|[\p{L}][\p{L}'’-]*)(?:\s+[\p{L}][\p{L}'’-]*){0,3}/u)?.[0].trim().split(/\s+/) ?? [];
  if (!ws.length) return undefined;
  const first = ws[0].toLowerCase();
  if (first === '%') return '%';
  if (first === 'per' && ws[1]?.toLowerCase() === 'cent') return '%';
  if (/^(percent|pc)$/.test(first)) return '%';
  if (first === 'percentage' && /^points?$/.test(ws[1] ?? '')) return 'percentage points';
  if ((first === 'square' || first === 'cubic') && ws[1] && UNIT_WORDS.test(ws[1])) return `${first} ${ws[1].toLowerCase()}`;
  if (UNIT_WORDS.test(first)) return normaliseUnit(first);
  // "of the districts" / "of them": count what follows "of" ("dozens of people").
  if (first === 'of' || (first === 'out' && ws[1] === 'of')) {
    const k = (first === 'out' ? 1 : 0) + (ws[1] === 'the' || ws[1] === 'its' || ws[1] === 'their' ? 2 : 1);
    const w = ws[k];
    if (w && /^[a-z]/.test(w) && !NOT_UNITS.has(w) && !(w in SMALL) && !(w in SCALE)) return w;
    return undefined;
  }
  if (NOT_UNITS.has(first) || isPhraseStop(first) || !/^[a-z]/.test(ws[0])) return undefined;
  if (/(?:ed|ly)$/.test(first) && !ADJECTIVES.test(first)) return undefined; // "12 injured", "40 killed": a verb
  const clean = (w: string) => w.replace(/[^\p{L}-]/gu, '');
  const isPlural = (w: string) => PLURAL_NOUNS.test(w) || (/^[a-z-]+s$/.test(w) && !/(?:ss|us|is)$/.test(w));
  const isModifier = (w: string) => /^[a-z-]+$/.test(w) && !isPhraseStop(w) && !NOT_UNITS.has(w) && !isIrregular(w) && !/ly$/.test(w);
  if (isPlural(first)) return clean(first);
  // Look past one or two modifiers for the plural noun that is counted: "1,200 displaced people",
  // "14 drill holes", "four extra vaccination clinics", "80 outdoor warning sirens".
  for (let k = 1; k <= 2 && k < ws.length; k++) {
    const w = ws[k];
    if (!isModifier(ws[k - 1]) || !/^[a-z]/.test(w) || isPhraseStop(w) || isIrregular(w) || /ed$/.test(w)) break;
    if (isPlural(w)) {
      const mod = ws[k - 1];
      // Keep a noun modifier with its noun ("drill holes"), leave adjectives out ("displaced people").
      return ADJECTIVES.test(mod) || k === 1 && ADJECTIVES.test(first) ? clean(w) : `${clean(mod)} ${clean(w)}`;
    }
  }
  if (ADJECTIVES.test(first)) return undefined;
  return clean(first);
}

function normaliseUnit(u: string): string {
  const l = u.toLowerCase();
  if (/^(per ?cent|percent)$/.test(l)) return '%';
  return l;
}

// ---------------------------------------------------------------------------------------------
// Attribution

const SAY_VERBS =
  'said|says|say|told|tells|stated|states|claimed|claims|claim|announced|announces|reported|reports|confirmed|confirms|denied|denies|added|adds|insisted|insists|alleged|alleges|warned|warns|acknowledged|admitted|admits|testified|wrote|writes|tweeted|posted|declared|declares|estimated|estimates|argued|argues|noted|notes|explained|explains';
const SAY_RX = new RegExp(`\\b(?:${SAY_VERBS})\\b`, 'g');
const SOURCE_NOUNS =
  /^(?:officials?|police|authorities|sources?|witnesses|residents|spokesm[ae]n|spokeswom[ae]n|spokespersons?|ministry|army|military|government|prosecutors?|investigators?|analysts?|experts?|doctors?|medics?|aid workers?|rescuers?|the [a-z]+)$/i;

interface Attribution {
  who: string;
  /** Index of the saying verb in the text, so the action can be looked for in what was said. */
  verbAt: number;
}

export function findAttribution(text: string): Attribution | undefined {
  // "according to X"
  const acc = text.match(/\baccording to\s+((?:the\s+|an?\s+)?[^,;:"“”]{2,80}?)(?=\s*(?:[,;:"“”]|(?<!\b\p{Lu})\.(?:\s|$)|$)|\s(?:who|which|that|on|in|at)\b)/iu);
  if (acc) return { who: tidySource(acc[1]), verbAt: -1 };

  for (const m of text.matchAll(SAY_RX)) {
    const at = m.index;
    const verb = m[0];
    const before = text.slice(0, at);
    // An adjective, not a saying: "an estimated 3 million", "the reported deal".
    if (/\b(?:a|an|the|its|their|his|her)\s+$/i.test(before)) continue;
    const after = text.slice(at + verb.length);
    // A clause set between the subject and the verb ("The official, who spoke on condition of
    // anonymity, said …", "The report, published on Thursday, said …") is left out.
    const aside = withoutAsides(before).match(ASIDE_THEN_VERB);
    if (aside) {
      const rest = before.slice(0, aside.index);
      const who = appositiveBefore(`${rest}, `) ?? subjectBefore(rest);
      if (who) return { who: tidySource(who), verbAt: at };
    }
    // An appositive subject: "The foreign minister, Leila Osman, told parliament …".
    const appositive = appositiveBefore(before);
    if (appositive) return { who: tidySource(appositive), verbAt: at };
    // Inverted, after a quotation or a clause: '…," said Gen. Holt.' / '…, said the ministry.'
    const afterQuote = /["”’]\s*,?\s*$|,\s*["”’]\s*$/.test(before);
    if ((afterQuote || /,\s*$/.test(before)) && /^(?:said|says|added|adds|claimed|claims|insisted|explained|wrote|warned|stated|declared|noted|argued)$/.test(verb)) {
      const who = phraseAfter(after);
      // Without a quotation the speaker must end the sentence (", said the minister.").
      if (who && (afterQuote || /^\s*[.!?;]?\s*$/.test(after.slice(after.indexOf(who) + who.length)))) return { who: tidySource(who), verbAt: at };
    }
    // Plain: "The army said (on Tuesday) (that) …" — the noun phrase before the verb.
    const subject = subjectBefore(before);
    if (subject) return { who: tidySource(subject), verbAt: at };
  }
  return undefined;
}


/** Auxiliaries and adverbs that may stand between a subject's closing comma and its saying verb ("…, has said"). */
const BEFORE_VERB = String.raw`(?:(?:has|have|had|also|later|earlier|previously|repeatedly|publicly|privately|separately|initially)\s+)*$`;
/** An aside (blanked by withoutAsides) closed right before the saying verb. */
const ASIDE_THEN_VERB = new RegExp(String.raw`,\s+,\s*` + BEFORE_VERB, 'i');
const APPOSITIVE_THEN_VERB = new RegExp(String.raw`(?:^|[;:"“”]\s*|\bthat\s+)((?:the\s+|a\s+)?[^,;:"“”]{2,60}),\s+([^,;:"“”]{2,60}),\s*` + BEFORE_VERB, 'i');

/** "The foreign minister, Leila Osman, " right before a saying verb: the title and the name. */
function appositiveBefore(before: string): string | undefined {
  const m = before.match(APPOSITIVE_THEN_VERB);
  if (!m || /\b(?:said|says|told|is|was|were|are|has|had|have)\b/i.test(m[1])) return undefined;
  return `${m[1].trim()}, ${m[2].trim()}`;
}

/** The speaker named right after an inverted saying verb: ', said Gen. Mark Holt of the brigade.' */
function phraseAfter(after: string): string | undefined {
  const toks = words(after);
  if (!toks.length || !/^\s+$/.test(after.slice(0, toks[0].start))) return undefined;
  let i = 0;
  if (/^(?:the|a|an)$/i.test(toks[0].w)) i++;
  let j = i;
  const joined = (k: number) => k < toks.length && /^\s+$/.test(after.slice(toks[k - 1].end, toks[k].start));
  if (i < toks.length && isCapitalised(toks[i].w)) {
    while (j + 1 < toks.length && joined(j + 1) && (isCapitalised(toks[j + 1].w) || (NAME_JOINERS.has(toks[j + 1].w) && j + 2 < toks.length && isCapitalised(toks[j + 2].w)))) j++;
  } else {
    while (j + 1 < toks.length && joined(j + 1) && j - i < 3 && !/^(?:in|on|at|who|which|after|before|when|while|during|that|to|from|of|with|and|but)$/i.test(toks[j + 1].w)) j++;
  }
  if (i >= toks.length) return undefined;
  return after.slice(toks[0].start, toks[j].end);
}

/** The noun phrase that ends right before a saying verb, within its clause. */
function subjectBefore(before: string): string | undefined {
  // Cut at the last clause boundary.
  const clause = before.split(/[,;:"“”()—–]|\b(?:that|and|but|while|because|as|after|before|when|which|who|whom|where)\b/).pop() ?? '';
  let s = clause.trim();
  // Leave out auxiliaries and adverbs just before the verb: "officials have said", "police later said".
  s = s.replace(/(?:^|\s+)(?:has|have|had|was|were|is|are|also|later|previously|earlier|separately|initially|repeatedly|publicly|privately|on \w+)$/i, '').trim();
  s = s.replace(/(?:^|\s+)(?:has|have|had|also|later)$/i, '').trim();
  if (!s) return undefined;
  const ws = s.split(/\s+/);
  if (ws.length > 8) return undefined;
  // Pronouns are attributions too, but say little; keep them ("he", "she", "they").
  if (ws.length === 1 && /^(it|this|that|there|which|who)$/i.test(ws[0])) return undefined;
  return s;
}

function tidySource(s: string): string {
  let out = s.trim().replace(/[\s,.;:]+$/, '');
  out = out.replace(/^(The|A|An)\s/, (m) => m.toLowerCase());
  return out;
}

// ---------------------------------------------------------------------------------------------
// Action

const isAux = wordTest(
  "has have had was were is are be been being will would shall should can could may might must did does do not never also reportedly allegedly apparently already still just now then later finally again yet n't",
  true,
);
const isIrregular = wordTest(
  'died dies beat beats took taken take takes seized won win wins lost lose loses fell fallen falls rose risen rises hit hits struck strikes began begun begins made makes gave given gives left leaves held holds kept keeps sent sends shot shoots brought brings built builds bought buys sold sells met meets paid pays ran runs led leads fled flees found finds went goes gone came comes became becomes got gets told tells said says saw sees seen spent spends set sets put puts cut cuts broke broken breaks drove driven flew flown threw thrown grew grown grows knew known wrote written killed kills kill controls control owns own employs accounts remains remain stands stand lies lay reached reaches hurt shut beaten stolen hidden chosen spoken sworn torn dug fought caught sought hung swept dealt heard withdrew withdrawn overthrown undertook undertaken sank sunk struck stuck laid fed spread shed split quit burst cost costs is are was were has have had',
  true,
);
const LIGHT_OBJECTS = /^(?:control|power|office|charge|part|place|effect|action|responsibility|hold|possession|command|custody|shape|steps|measures|aim|fire|root|note|over|up|down|out|off|back|away)$/i;
const isNotVerb = wordTest(
  'much more less very so too only even just the a an this that these those his her its their our my your of in on at by for from with to and or but as than some many most all no more less who which each every per about around over under after before during between since until into onto through',
  true,
);

export function findAction(text: string, verbAt: number): string | undefined {
  // When the sentence is attributed, the action is in what was said, after the saying verb;
  // if nothing is found there (the saying verb ends the sentence), it is the saying itself.
  const parts: Array<[string, number]> = [];
  if (verbAt >= 0) {
    parts.push([text.slice(verbAt).replace(/^\S+/, ''), verbAt]);
    parts.push([text.slice(0, verbAt), 0]);
  } else parts.push([text, 0]);
  for (const [part] of parts) {
    const a = actionIn(part);
    if (a) return a;
  }
  if (verbAt >= 0) return text.slice(verbAt).match(/^\S+/)?.[0];
  return undefined;
}

function actionIn(text: string): string | undefined {
  const found = [...text.matchAll(/[\p{L}'’-]+/gu)];
  const ws = found.map((m) => m[0]);
  // The next word counts as the verb's object or particle only when nothing but a space is between.
  const next = (k: number) => (k + 1 < found.length && /^\s+$/.test(text.slice(found[k].index + found[k][0].length, found[k + 1].index)) ? ws[k + 1] : undefined);
  const isVerbish = (w: string, prev: string | undefined) => {
    if (isNotVerb(w) || /^\p{Lu}/u.test(w)) return false;
    if (/^(?:is|are|was|were|has|have|had)$/i.test(w)) return false; // handled as auxiliaries
    if (isIrregular(w)) return true;
    if (/^[a-z]{3,}ed$/.test(w)) return !prev || !/^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|of|and|or)$/i.test(prev);
    return false;
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const prev = i > 0 ? ws[i - 1] : undefined;
    // Auxiliary chain: "had taken", "were killed", "did not deny", "will hold".
    if (isAux(w) && /^(?:has|have|had|was|were|is|are|will|would|did|does|do|could|may|might|can|should|must)$/i.test(w)) {
      let j = i + 1;
      while (j < ws.length && isAux(ws[j])) j++;
      const v = ws[j];
      const baseForm = /^(?:will|would|did|does|do|could|may|might|can|should|must)$/i.test(w);
      if (v && !isNotVerb(v) && !/^\p{Lu}/u.test(v) && /^[a-z]/.test(v) && (baseForm || isIrregular(v) || /(?:ed|en|ing)$/.test(v))) {
        return withObject(v, next(j));
      }
      continue;
    }
    if (isVerbish(w, prev) && i > 0) return withObject(w, next(i));
  }
  // The copula as a last resort: "Turnout was 61%".
  const cop = ws.findIndex((w, i) => i > 0 && /^(?:is|are|was|were)$/i.test(w));
  if (cop > 0) return ws[cop];
  return undefined;
}

function withObject(verb: string, next: string | undefined): string {
  if (next && LIGHT_OBJECTS.test(next)) return `${verb} ${next}`;
  return verb;
}

// ---------------------------------------------------------------------------------------------
// Negation and hedging

const NEGATION = /\b(?:not|never|no|none|nobody|nothing|neither|nor|denied|denies|deny|denying|refused|refuses|rejected|rejects|dismissed|declined to|declines to)\b|n['’]t\b/i;

export function isNegated(text: string): boolean {
  // "No. 5" is a number, not a negation.
  const t = text.replace(/\bNo\.\s?\d/g, '').replace(/\bnot (?:only|just|merely|simply|least)\b|\bif not\b|\bno doubt\b|\bnothing (?:but|short of|less than)\b|\bnone other than\b|\bno (?:less|fewer|sooner) than\b/gi, '');
  return NEGATION.test(t);
}

const HEDGE =
  /\b(?:reportedly|allegedly|alleged|apparently|possibly|probably|perhaps|purportedly|supposedly|unconfirmed|unverified|unsubstantiated|rumou?red|may have|might have|could have|may be|might be|could be|believed to|thought to|said to|understood to|appears? to|appeared to|seems? to|seemed to|suspected|is likely|are likely|was likely|not clear|unclear|according to (?:unconfirmed|unverified|initial|early|preliminary) reports)\b/i;

export function isHedged(text: string): boolean {
  return HEDGE.test(text);
}
