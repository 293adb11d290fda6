/**
 * A reproducible generated news corpus for the corpus benchmark: any article can be made on its
 * own from (seed, index), so the page running the benchmark generates its batches itself.
 *
 * Text statistics aimed at real news: sentences of 8–40 words (mean ~22); words drawn from a
 * 40,000-word vocabulary with a Zipf-like (1/rank) distribution, function words first; capitalised
 * names of people, places and organisations; numbers, percentages and money; ~2,600 characters
 * per article. Articles come in events of about four, from different outlets, that share their
 * names, place, figures and topic words, so a claim about an event has several articles that
 * bear on it among many that do not.
 */
import type { CorpusArticle } from '../../utils/types';
import { seededRandom } from '../../utils/random';

export const DEFAULT_SEED = 20_260_301;
/** Articles per event, on average. */
const EVENT_SIZE = 4;
const TARGET_CHARS = 2_600;
const VOCAB_SIZE = 40_000;

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

const HEAD = (
  'the of and to a in that is was for on with as by at he said it from his be have has are an not this but ' +
  'were had which they their been who will would its more after also we one about than other into over up ' +
  'government people year years new two police president minister officials state first last told could ' +
  'country city week when there some against military army forces security report reported percent million ' +
  'billion court election party leader public company market prices health hospital children women men ' +
  'attack killed dead died injured fire water rain flood storm earthquake rebels troops border region ' +
  'province capital town village road bridge airport port ship plane train workers union strike protest ' +
  'vote voters campaign law bill parliament opposition spokesman statement interview bank rate inflation ' +
  'economy growth trade deal talks agreement ceasefire peace war fighting control seized captured took denied ' +
  'rejected confirmed announced arrested charged trial prison judge investigation evidence claims during ' +
  'while before under between since because according three four five several many most all no only even'
).split(' ');

const SYLLABLES = 'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu dar ten sol mar ver lin gor tas pel rom'.split(' ');
const FIRST = 'Anna Omar Lena Tomas Sara Yusuf Maria Ivan Chen Amara Pablo Ines Kofi Mei Lars Nadia Rafael Elif Jonas Priya'.split(' ');

interface Tables {
  vocab: string[];
  /** Inverse CDF of the Zipf distribution, quantised: a uniform draw picks a rank in one lookup. */
  zipf: Uint32Array;
  surnames: string[];
  places: string[];
  orgs: string[];
  outlets: string[];
}

let tables: Tables | null = null;

function makeTables(seed: number): Tables {
  const r = seededRandom(seed);
  const seen = new Set(HEAD);
  const vocab = [...HEAD];
  const word = (min: number, max: number) => {
    const n = min + Math.floor(r() * (max - min + 1));
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    return w;
  };
  while (vocab.length < VOCAB_SIZE) {
    const w = word(2, 4);
    if (!seen.has(w)) {
      seen.add(w);
      vocab.push(w);
    }
  }
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  const names = (n: number, min: number, max: number) => Array.from({ length: n }, () => cap(word(min, max)));
  // Zipf with a small offset, so that "the" is ~6% of words as in news text.
  const weights = vocab.map((_, i) => 1 / (i + 2.7));
  const total = weights.reduce((a, b) => a + b, 0);
  const zipf = new Uint32Array(1 << 20);
  let rank = 0;
  let cum = weights[0] / total;
  for (let i = 0; i < zipf.length; i++) {
    const u = (i + 0.5) / zipf.length;
    while (u > cum && rank < vocab.length - 1) cum += weights[++rank] / total;
    zipf[i] = rank;
  }
  return {
    vocab,
    zipf,
    surnames: names(3_000, 2, 3),
    places: names(2_000, 2, 3),
    orgs: names(800, 2, 3).map((n) => `${n} ${['Group', 'Council', 'Bank', 'Party', 'Institute', 'Agency'][Math.floor(r() * 6)]}`),
    outlets: Array.from({ length: 60 }, (_, i) => `${cap(word(2, 3))} ${['Times', 'Post', 'Herald', 'Daily', 'News', 'Tribune'][i % 6]}`),
  };
}

function getTables(seed: number): Tables {
  tables ??= makeTables(seed);
  return tables;
}

/** The facts of one event, shared by its articles. */
interface Event {
  people: string[];
  place: string;
  org: string;
  figures: string[];
  topic: string[];
}

function eventOf(e: number, seed: number): Event {
  const t = getTables(seed);
  const r = seededRandom(mix(seed ^ 0x5bd1e995, e));
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const person = () => `${pick(FIRST)} ${pick(t.surnames)}`;
  const figure = () => {
    const k = r();
    if (k < 0.3) return String(2 + Math.floor(r() * 400));
    if (k < 0.55) return `${(1 + r() * 60).toFixed(1)} percent`;
    if (k < 0.8) return `${(1 + Math.floor(r() * 900)).toLocaleString('en')} million`;
    return (1_000 + Math.floor(r() * 90_000)).toLocaleString('en');
  };
  // Topic words from the middle of the vocabulary: specific, but not unique to the event.
  const topic = Array.from({ length: 8 }, () => t.vocab[300 + Math.floor(r() * 20_000)]);
  return { people: [person(), person()], place: pick(t.places), org: pick(t.orgs), figures: [figure(), figure(), figure()], topic };
}

function sentence(r: () => number, t: Tables, ev: Event, focus: number): string {
  const len = 8 + Math.floor(r() * 16) + Math.floor(r() * 17);
  const words: string[] = [];
  for (let i = 0; i < len; i++) {
    if (r() < focus * 0.36) {
      // A word of the event: topic words most, then its people, place, organisation, figures.
      const k = r();
      if (k < 0.6) words.push(ev.topic[Math.floor(r() * ev.topic.length)]);
      else if (k < 0.74) words.push(ev.people[Math.floor(r() * 2)]);
      else if (k < 0.86) words.push(ev.place);
      else if (k < 0.92) words.push(ev.org);
      else words.push(ev.figures[Math.floor(r() * 3)]);
    } else {
      const k = r();
      if (k < 0.012) words.push(String(1 + Math.floor(r() * 2_000)));
      else if (k < 0.024) words.push(t.places[Math.floor(r() * t.places.length)]);
      else if (k < 0.03) words.push(t.surnames[Math.floor(r() * t.surnames.length)]);
      else words.push(t.vocab[t.zipf[Math.floor(r() * t.zipf.length)]]);
    }
    if (i > 3 && i < len - 2 && r() < 0.06) words[words.length - 1] += ',';
  }
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (r() < 0.05 ? '?' : '.');
}

/** The event an article belongs to. */
export function eventOfArticle(i: number): number {
  return Math.floor(i / EVENT_SIZE);
}

/** Article `i` of the corpus generated with `seed`. */
export function generateArticle(i: number, seed = DEFAULT_SEED): CorpusArticle {
  const t = getTables(seed);
  const e = eventOfArticle(i);
  const ev = eventOf(e, seed);
  const r = seededRandom(mix(seed, i));
  const outlet = t.outlets[(e * 7 + (i % EVENT_SIZE) * 13 + Math.floor(r() * 3)) % t.outlets.length];
  const sentences: string[] = [];
  let chars = 0;
  // The lead names the event; the body drifts away from it, as news articles do.
  sentences.push(`${ev.people[0]} said on ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][Math.floor(r() * 5)]} that ${ev.figures[0]} ${ev.topic[0]} ${ev.topic[1]} in ${ev.place} ${ev.topic[2]} the ${ev.org}.`);
  chars += sentences[0].length;
  while (chars < TARGET_CHARS - 60) {
    const s = sentence(r, t, ev, Math.max(0.15, 1 - sentences.length / 18));
    sentences.push(s);
    chars += s.length + 1;
  }
  const paragraphs: string[] = [];
  for (let k = 0; k < sentences.length; k += 3) paragraphs.push(sentences.slice(k, k + 3).join(' '));
  const day = 1 + (e % 365);
  const date = new Date(Date.UTC(2025, 0, day, Math.floor(r() * 24)));
  return {
    url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example/${date.toISOString().slice(0, 10)}/story-${i}`,
    outlet,
    title: `${ev.org} ${ev.topic[0]} ${ev.topic[3]} in ${ev.place} as ${ev.people[1]} ${t.vocab[t.zipf[Math.floor(r() * t.zipf.length)]]} ${ev.topic[4]}`,
    published: date.toISOString(),
    text: paragraphs.join('\n\n'),
  };
}

/**
 * Claims as a page about an event would make them: a reworded statement of the event's facts
 * (names, place, a figure, two topic words, common words around them). `count` claims about
 * events spread over the first `articles` articles.
 */
export function generateClaims(articles: number, count: number, seed = DEFAULT_SEED, salt = 1): string[] {
  const t = getTables(seed);
  const events = Math.max(1, Math.floor(articles / EVENT_SIZE));
  const r = seededRandom(mix(seed ^ 0x27d4eb2f, salt));
  const claims: string[] = [];
  for (let c = 0; c < count; c++) {
    const ev = eventOf(Math.floor(r() * events), seed);
    const filler = () => t.vocab[t.zipf[Math.floor(r() * t.zipf.length)]];
    const forms = [
      () => `${ev.people[0]} said ${ev.figures[0]} ${ev.topic[0]} were ${filler()} in ${ev.place} after the ${ev.org} ${ev.topic[2]} ${filler()} ${filler()}.`,
      () => `The ${ev.org} ${filler()} ${ev.topic[1]} ${ev.topic[3]} in ${ev.place}, ${ev.people[1]} told reporters, adding that ${ev.figures[1]} ${filler()} ${ev.topic[5]}.`,
      () => `According to ${ev.people[1]}, ${ev.figures[2]} ${filler()} ${ev.topic[6]} ${filler()} ${ev.place} ${ev.topic[0]} ${filler()} the ${filler()}.`,
    ];
    claims.push(forms[c % forms.length]());
  }
  return claims;
}
