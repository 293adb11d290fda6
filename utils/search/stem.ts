/**
 * A light English stemmer for retrieval: folds plurals, -ed and -ing forms and a final -e, so
 * that "seized", "seizes", "seizing" and "seize" meet, without the aggressive derivational rules
 * of a full Porter stemmer (which merge "general" with "generate"). The same function is applied
 * to documents and queries, so only consistency matters, not linguistic correctness.
 */

import { withoutPrototype } from '../text/table';

const VOWEL = /[aeiouy]/;

/** Words whose final "s" is not a plural ending (other than those caught by the -ss/-us/-is rule). */
const KEEP_S = new Set([
  'news', 'series', 'species', 'always', 'perhaps', 'whereas', 'was', 'has', 'his', 'its', 'does', 'yes',
  'gas', 'bias', 'alias', 'atlas', 'canvas', 'christmas', 'texas', 'kansas', 'arkansas', 'athens', 'physics',
  'politics', 'economics', 'olympics', 'statistics', 'mathematics', 'lens', 'chaos', 'isis', 'hamas', 'wales',
  'netherlands', 'philippines', 'bahamas', 'honduras', 'ios', 'macos', 'dallas', 'vegas', 'los', 'angeles',
  'aids', 'sars', 'means', 'whereabouts', 'headquarters', 'overseas', 'thanks',
]);


/** Irregular forms of verbs and nouns common in news, mapped to the form the stemmer yields for the base word. */
const IRREGULAR: Record<string, string> = withoutPrototype({
  took: 'take', taken: 'take', seized: 'seize', fell: 'fall', fallen: 'fall', ran: 'run', said: 'say', says: 'say',
  won: 'win', lost: 'lose', struck: 'strike', stricken: 'strike', fought: 'fight', fled: 'flee', held: 'hold',
  led: 'lead', left: 'leave', met: 'meet', sent: 'send', spent: 'spend', told: 'tell', sold: 'sell', bought: 'buy',
  brought: 'bring', thought: 'think', found: 'find', gave: 'give', given: 'give', made: 'make', went: 'go',
  gone: 'go', came: 'come', became: 'become', began: 'begin', begun: 'begin', broke: 'break', broken: 'break',
  chose: 'choose', chosen: 'choose', drove: 'drive', driven: 'drive', ate: 'eat', eaten: 'eat', flew: 'fly',
  flown: 'fly', forgot: 'forget', forgotten: 'forget', froze: 'freeze', frozen: 'freeze', got: 'get',
  gotten: 'get', grew: 'grow', grown: 'grow', hid: 'hide', hidden: 'hide', knew: 'know', known: 'know',
  rose: 'rise', risen: 'rise', saw: 'see', seen: 'see', shook: 'shake', shaken: 'shake', shot: 'shoot',
  spoke: 'speak', spoken: 'speak', stole: 'steal', stolen: 'steal', swore: 'swear', sworn: 'swear',
  threw: 'throw', thrown: 'throw', woke: 'wake', woken: 'wake', wore: 'wear', worn: 'wear', wrote: 'write',
  written: 'write', built: 'build', caught: 'catch', dealt: 'deal', dug: 'dig', felt: 'feel', fed: 'feed',
  heard: 'hear', kept: 'keep', laid: 'lay', lent: 'lend', meant: 'mean', paid: 'pay', sought: 'seek',
  slew: 'slay', slain: 'slay', sank: 'sink', sunk: 'sink', stood: 'stand', swept: 'sweep', taught: 'teach',
  understood: 'understand', withdrew: 'withdraw', withdrawn: 'withdraw', overran: 'overrun', overthrew: 'overthrow',
  overthrown: 'overthrow', undertook: 'undertake', undertaken: 'undertake', arose: 'arise', arisen: 'arise',
  bore: 'bear', born: 'bear', bled: 'bleed', blew: 'blow', blown: 'blow', bound: 'bind', burnt: 'burn',
  drew: 'draw', drawn: 'draw', drank: 'drink', sped: 'speed', spun: 'spin', split: 'split', sprang: 'spring',
  sprung: 'spring', stuck: 'stick', stung: 'sting', strove: 'strive', swam: 'swim', swung: 'swing', tore: 'tear',
  torn: 'tear', wept: 'weep', wound: 'wound', children: 'child', men: 'man', women: 'woman', people: 'people',
  mice: 'mouse', feet: 'foot', teeth: 'tooth', geese: 'goose', lives: 'life', wives: 'wife', knives: 'knife',
  thieves: 'thief', leaves: 'leave', dying: 'die', died: 'die', dies: 'die', lying: 'lie', tying: 'tie',
  crises: 'crisis', analyses: 'analysis', bases: 'base', data: 'data', media: 'media', criteria: 'criterion',
  phenomena: 'phenomenon', better: 'good', best: 'good', worse: 'bad', worst: 'bad',
});

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1]) && !VOWEL.test(w[n - 1])) return w.slice(0, -1);
  return w;
}

function stripFinalE(w: string): string {
  return w.length > 3 && w.endsWith('e') && !w.endsWith('ee') ? w.slice(0, -1) : w;
}

/** Stems one lower-case word. Tokens with digits are returned unchanged. */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) word = irregular;
  const n = word.length;
  if (n <= 3 || /[0-9]/.test(word)) return word;
  let w = word;
  // Plurals and third person.
  if (w.endsWith('s') && !KEEP_S.has(w)) {
    if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.endsWith('ies') && n > 4) w = w.slice(0, -3) + 'y';
    else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
    else if (!w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !w.endsWith("'s")) w = w.slice(0, -1);
  }
  // Past tense and participles.
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('eed')) return w.length > 4 ? w.slice(0, -1) : w;
  if (w.endsWith('ed')) {
    const rest = w.slice(0, -2);
    if (rest.length >= 3 && VOWEL.test(rest)) return stripFinalE(undouble(rest));
    return w;
  }
  if (w.endsWith('ing')) {
    const rest = w.slice(0, -3);
    if (rest.length >= 3 && VOWEL.test(rest)) return stripFinalE(undouble(rest));
    return w;
  }
  return stripFinalE(w);
}

let irregularByStem: Map<string, string[]> | null = null;

/** Irregular forms whose stem is `stemmed` ("took" for the stem of "take"). */
export function irregularForms(stemmed: string): readonly string[] {
  if (!irregularByStem) {
    irregularByStem = new Map();
    for (const form of Object.keys(IRREGULAR)) {
      const s = stem(form);
      const list = irregularByStem.get(s);
      if (list) list.push(form);
      else irregularByStem.set(s, [form]);
    }
  }
  return irregularByStem.get(stemmed) ?? [];
}
