import { findEntities } from './spot/structure';

/**
 * Which story a piece of evidence is about, told by the names it holds. A claim is looked up by
 * its words, and an article about another event can share enough of them ("the estimate", "shares
 * rose", "the inspection") to be taken as confirming or disputing it. Evidence counts only when its
 * title or passage holds one of the story's names: the claim's own names when it has any
 * ("Telvane shares rose 9 percent" is about Telvane, not Greyfield), otherwise the names of the
 * page it is on ("The bridge will stay closed" on a page about the Kessling bridge in Vantry).
 */

/** Capitalised words that name no story of their own (titles, places' kinds, days, months). */
const GENERIC = new Set(
  (
    'The This That These Those There Their They And But For With From After Before When While Today Yesterday ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'North South East West Northern Southern Eastern Western Central Upper Lower Greater New Old Saint Great ' +
    'Valley River City Town County Province Region District State Republic Kingdom Island Islands Bridge Street Road Square Harbour Harbor Port Bay Lake Mount Hill Hills ' +
    'Court Council Government Ministry Minister Parliament Senate Party Army Police Front Union Company Bank Group Agency Office Department Commission Authority Service ' +
    'President Prime Colonel General Captain Chief Director Mayor Governor Judge Doctor Professor Senator Deputy Secretary Spokesman Spokeswoman'
  ).split(' '),
);

/** The words that name a story in a list of names ("Colonel Tomas Renko" → Tomas, Renko). */
export function nameWords(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) for (const w of capitalisedWords(name)) if (w.length >= 3 && !GENERIC.has(w)) out.add(w);
  return out;
}

/** nameWords of a page's names, worked out once per page (every claim of it asks). */
const pageWordsOf = new WeakMap<readonly string[], Set<string>>();
export function pageNameWords(names: readonly string[]): Set<string> {
  let words = pageWordsOf.get(names);
  if (!words) pageWordsOf.set(names, (words = nameWords(names)));
  return words;
}

/** The names of a page's story: every name its text holds. */
export function pageNames(text: string): string[] {
  return findEntities(text);
}

/** The capitalised words of a text, each once, as written in running text ("Brannholm's" → Brannholm, "KELD" → Keld). */
export function capitalisedWords(text: string): string[] {
  const out = new Set<string>();
  for (const w of text.match(/\p{Lu}[\p{L}'’-]{2,}/gu) ?? []) {
    const word = w.replace(/['’]s$/u, '');
    out.add(word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word);
  }
  return [...out];
}

/** Whether any of a text's capitalised words (see capitalisedWords) is one of `words`. */
export function mentionsAny(capitalised: readonly string[], words: ReadonlySet<string>): boolean {
  return capitalised.some((w) => words.has(w));
}
