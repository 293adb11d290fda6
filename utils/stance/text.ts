/**
 * Text handling for the stance classifier: tokens, stems, stop words and sentences.
 * Kept inside `utils/stance/` on purpose: the model was trained on features computed by exactly
 * this code, so it must not change under the model when other modules change.
 */

/** Lower-cased word tokens; "n't" becomes a separate "not", curly quotes are straightened. */
export function tokenize(text: string): string[] {
  const t = text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/n't\b/g, ' not')
    .replace(/'(s|re|ve|ll|d|m)\b/g, ' ');
  const out: string[] = [];
  const re = /[a-z0-9]+(?:[.,][0-9]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) out.push(m[0]);
  return out;
}

/** A light English stemmer: strips common inflections so "denies", "denied", "denying" meet. */
export function stem(w: string): string {
  if (w.length <= 3 || /^[0-9]/.test(w)) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('ss') || s.endsWith('us') || s.endsWith('is')) {
    /* keep */
  } else if (s.endsWith('es') && /(ch|sh|x|z)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && s.length > 3) s = s.slice(0, -1);
  if (s.endsWith('ied') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('eed')) {
    /* keep: agreed, freed */
  } else if (s.endsWith('ed') && s.length > 4) s = undouble(s.slice(0, -2));
  else if (s.endsWith('ing') && s.length > 5) s = undouble(s.slice(0, -3));
  if (s.endsWith('ly') && s.length > 5) s = s.slice(0, -2);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  if (s.endsWith('y') && s.length > 4) s = s.slice(0, -1) + 'i';
  return s;
}

function undouble(s: string): string {
  if (s.length > 3 && s[s.length - 1] === s[s.length - 2] && !/[lsz]/.test(s[s.length - 1])) return s.slice(0, -1);
  return s;
}

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then else of at by for with about against between into through during before after above below to from up down in out on off over under ' +
    'again further once here there when where why how all any both each few more most other some such only own same so than too very s t can will just ' +
    'should now i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs ' +
    'themselves what which who whom this that these those am is are was were be been being have has had having do does did doing would could ought also ' +
    'as until while because said says say told tell according one new like get got go goes going make made may might must shall us mr mrs ms just via'
  ).split(/\s+/),
);

/** Words that turn a statement around; kept out of the stop list on purpose. */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot']);

/** Content stems of a text: tokens minus stop words, stemmed. */
export function contentStems(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (!STOP_WORDS.has(t) && !NEGATIONS.has(t)) out.push(stem(t));
  return out;
}

/**
 * Splits a text into sentences: at . ! ? followed by space and a capital, digit or quote, and at
 * line breaks. Simple and stable; good enough to find the sentences that bear on a claim.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n+/)) {
    const p = para.trim();
    if (!p) continue;
    let start = 0;
    const re = /[.!?]+["'”’)\]]*\s+(?=["'“‘(]?[A-Z0-9])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p)) !== null) {
      const end = m.index + m[0].length;
      const s = p.slice(start, end).trim();
      if (s) out.push(s);
      start = end;
    }
    const rest = p.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}
