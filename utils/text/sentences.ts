import type { Span } from '../types';
import { isSpace } from './space';

/**
 * Sentence splitting for news prose, with exact character offsets.
 *
 * Every returned span satisfies `span.text === text.slice(span.start, span.end)`; spans are in
 * text order, do not overlap, and carry no leading or trailing white space.
 *
 * Rules, in short (see README.md beside this file for the comparison with libraries):
 * - a blank line ("\n\n") always ends a sentence (paragraphs, headings, list blocks);
 * - a single line break ends a sentence when either line is a list item (•, -, *, 1., a)) or when
 *   the line before it is short and has no final punctuation (a heading or caption);
 * - `.`, `!`, `?`, `…` (with any closing quotes and brackets) end a sentence when followed by
 *   white space and a word that can start a sentence — except after known abbreviations
 *   ("Mr.", "Gen.", "Jan. 5", "No. 5", "e.g."), initials ("J. R. Smith") and dotted acronyms
 *   ("U.S. officials"), which end a sentence only before a typical sentence opener ("the U.S. The");
 * - inside a quotation that closes soon after ("… left. We are safe," he said.), full stops do not
 *   end the sentence, so the quotation stays with its attribution.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
    start = end;
  };

  const n = text.length;
  let quoteOpen = -1; // index of the currently open double quote, or -1
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    // Only line breaks, double quotes and terminal punctuation matter: skip to the next one.
    MARKS.lastIndex = i;
    if (!MARKS.test(text)) break;
    i = MARKS.lastIndex - 1;
    const c = text[i];

    if (c === '\n') {
      // Paragraph break: a line break followed by only white space up to another line break.
      let j = i + 1;
      let blank = false;
      while (j < n && isSpace(text.charCodeAt(j))) {
        if (text[j] === '\n') blank = true;
        j++;
      }
      const line = text.slice(lineStart, i);
      const nextLineEnd = text.indexOf('\n', j);
      const nextLine = text.slice(j, nextLineEnd < 0 ? n : nextLineEnd);
      if (blank || j >= n || lineEndsBlock(line, nextLine)) {
        push(i);
        quoteOpen = -1;
      }
      lineStart = j;
      i = j - 1;
      continue;
    }

    if (c === '"' || c === '“' || c === '”' || c === '«' || c === '»') {
      if (c === '“' || c === '«' || (c === '"' && quoteOpen < 0 && !isWordChar(text[i - 1]))) quoteOpen = i;
      else quoteOpen = -1;
      continue;
    }

    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;

    // Take the whole run of terminal punctuation ("?!", "...", ".”") and closing marks.
    let j = i;
    while (j < n && isTerminal(text[j])) j++;
    let closesQuote = false;
    while (j < n && isCloser(text[j])) {
      if (text[j] === '"' || text[j] === '”' || text[j] === '»') closesQuote = true;
      j++;
    }
    const punct = text.slice(i, j);
    const boundaryEnd = j;
    // A full stop glued to the next sentence ("… of Al Qaeda.The group …", a common scraping
    // fault): a word of lower-case letters, the stop, then a capitalised word.
    if (punct === '.' && j === i + 1 && j < n && /[A-Z]/.test(text[j]) && /[a-z]/.test(text[j + 1] ?? '') && /[a-z]{2}$/.test(text.slice(Math.max(0, i - 2), i)) && !/[/@]\S*$/.test(text.slice(Math.max(0, i - 40), i)) && !/\.[A-Za-z]/.test(wordAt(text, j).replace(/[.!?…"”’)\]]+$/, ''))) {
      push(j);
      quoteOpen = -1;
      i = j - 1;
      continue;
    }
    // Must be followed by white space (or the end of the text).
    if (j < n && !isSpace(text.charCodeAt(j))) {
      i = j - 1;
      if (closesQuote) quoteOpen = -1;
      continue;
    }
    let k = j;
    while (k < n && isSpace(text.charCodeAt(k)) && text[k] !== '\n') k++;
    if (k >= n) {
      i = j - 1;
      continue; // the end of the text closes the last sentence anyway
    }
    if (text[k] === '\n') {
      // The line break decides (blank line, list item, heading); a full stop at a line end
      // followed by a new line that starts like a sentence ends the sentence too.
      const nextWord = wordAt(text, skipSpace(text, k));
      if (!/^[a-z]/.test(nextWord) && !isAbbreviationBefore(text, i, punct, nextWord)) {
        push(boundaryEnd);
        quoteOpen = -1;
      }
      i = j - 1;
      continue;
    }
    const next = wordAt(text, k);
    let isBoundary = startsSentence(next) && !isAbbreviationBefore(text, i, punct, next);

    // An ellipsis between spaces (" ... ") marks an omission inside a sentence.
    if (isBoundary && (punct.startsWith('...') || punct.startsWith('…')) && i > 0 && text[i - 1] === ' ') {
      isBoundary = /^[A-Z]/.test(next) && isOpener(next);
    }

    if (closesQuote) quoteOpen = -1;
    else if (isBoundary && quoteOpen >= 0) {
      // Inside a quotation: keep going when the quotation closes soon, in the same paragraph,
      // and is then attributed ("…," he said) — the quotation and its speaker stay together.
      if (quoteContinues(text, k)) isBoundary = false;
    }

    if (isBoundary) push(boundaryEnd);
    i = j - 1;
  }
  push(n);
  return spans;
}

/** The characters the splitter acts on (see the loop in splitSentences). */
const MARKS = /[\n"“”«».!?…]/g;

const ABBREV_TITLES = new Set(
  'mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig gov sen rep reps rev hon pres supt insp det amb atty fr st mt ft msgr'.split(' '),
);
/** Abbreviations that normally take a number after them. */
const ABBREV_BEFORE_NUMBER = new Set('no nos nr vol vols p pp pg fig figs ch chap approx ca rs tel ext'.split(' '));
const DAYS_MONTHS = /^(Mon|Tues?|Wed(nes)?|Thu(rs)?|Fri|Sat(ur)?|Sun)(day)?\b|^(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const TIME_ZONES = /^\(?(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|BST|UTC|CET|CEST|EET|EEST|IST|JST|AEST|AEDT)\b/;
const MONTHS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
/** Abbreviations that sit inside sentences and rarely end one. */
const ABBREV_INNER = new Set('vs v eg ie cf al approx est dept univ assn ave blvd hwy incl excl'.split(' '));
/** Abbreviations that often end a sentence too ("… of Acme Inc. The company …"). */
const ABBREV_FINAL = new Set('inc ltd corp co plc llc etc jr sr bros'.split(' '));

/** Words that commonly open a sentence, used to tell "the U.S. The …" from "U.S. President …". */
const OPENERS = new Set(
  (
    'the a an he she it they we i you this that these those there his her its their our my your ' +
    'but and or so yet if when while after before as in on at by for from with without since ' +
    'however meanwhile also still then now later earlier last next some many most several one two three ' +
    'no not none nobody all both each every other another such what who whom which where why how ' +
    'officials police authorities witnesses residents according despite although though because until ' +
    'mr mrs ms dr prof'
  ).split(' '),
);

function isOpener(word: string): boolean {
  return OPENERS.has(word.replace(/[^A-Za-z]/g, '').toLowerCase());
}

function isAbbreviationBefore(text: string, dot: number, punct: string, next: string): boolean {
  if (punct[0] !== '.' || punct.startsWith('..')) return false;
  // The token before the full stop, back to white space or an opening mark.
  let b = dot;
  while (b > 0 && dot - b < 40 && !isSpace(text.charCodeAt(b - 1)) && !'("“‘[«—–'.includes(text[b - 1])) b--;
  const token = text.slice(b, dot + 1); // includes the full stop
  const bare = token.slice(0, -1).replace(/^[^A-Za-z0-9]+/, '');
  const lower = bare.toLowerCase().replace(/\./g, '');
  const nextIsNumber = /^[0-9]/.test(next);
  const nextIsLower = /^[a-z]/.test(next) && !/^[a-z]+[A-Z]/.test(next);
  if (nextIsLower) return true;
  if (!bare) return false;
  // A list number at the start of a line: "1. Raise the minimum wage".
  if (/^\d{1,2}$/.test(bare) && /(^|\n)[ \t]*$/.test(text.slice(Math.max(0, b - 20), b))) return true;

  // Dotted acronyms and initials: "U.S.", "a.m.", "J."
  if (/^([A-Za-z]\.)+[A-Za-z]$/.test(bare) || /^[A-Z]$/.test(bare)) {
    if (/^[A-Z]$/.test(bare)) {
      // A single capital: an initial ("J. R. Smith") unless it is the pronoun I or a closing letter
      // of a list; before a number it is more likely a sentence end ("Plan B. 3 ...") – rare.
      return !nextIsNumber;
    }
    // "a.m."/"p.m." before a capital end the sentence unless a day or month follows.
    if (lower === 'am' || lower === 'pm') return DAYS_MONTHS.test(next) || TIME_ZONES.test(next);
    return !isOpener(next);
  }
  if (ABBREV_TITLES.has(lower)) return true;
  if (ABBREV_INNER.has(lower)) return true;
  if (lower === 'e.g' || lower === 'i.e' || lower === 'eg' || lower === 'ie') return true;
  if (ABBREV_BEFORE_NUMBER.has(lower) && /^[A-Z]?[a-z]{0,3}$/.test(bare)) {
    // "No. 5", "p. 12" – but a sentence ending in the word "no." is rare; "No." before a capital
    // word ends a sentence only when that word is a typical opener.
    if (nextIsNumber) return true;
    return lower !== 'no' && !isOpener(next);
  }
  if (MONTHS.has(lower) && /^[A-Z](?:[a-z]{2,3}|[A-Z]{2,3})$/.test(bare)) {
    return nextIsNumber || !isOpener(next);
  }
  if (lower === 'etc') return false;
  if (ABBREV_FINAL.has(lower)) return !isOpener(next) && !/^[0-9]/.test(next);
  return false;
}

/** A line ends a block (without a blank line) when it or the next is a list item or a heading. */
function lineEndsBlock(line: string, nextLine: string): boolean {
  const a = line.trim();
  const b = nextLine.trim();
  if (!a || !b) return true;
  if (isListItem(b) || isListItem(a)) return true;
  const endsWithPunct = /[.!?…:;,"”’)\]]$/.test(a);
  // A short line without final punctuation is a heading, a caption or a byline.
  if (!endsWithPunct && a.length < 70 && /^[^a-z]/.test(b)) return true;
  return false;
}

const LIST_ITEM = /^(?:[•▪◦·‣●○■□➢►*+-]|–|—|\(?\d{1,2}[.)]|\(?[a-z][.)])\s/;
function isListItem(line: string): boolean {
  return LIST_ITEM.test(line);
}

/** After a sentence-like end inside a quotation: does the quotation close soon and go on? */
function quoteContinues(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + 400);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '\n' && /\n\s*\n/.test(text.slice(i, i + 4))) return false;
    if (c === '"' || c === '”' || c === '»') {
      // The quotation continues to here; what follows decides: an attribution or a lower-case
      // continuation keeps the whole quotation in one sentence.
      const before = text[i - 1];
      const after = text.slice(i + 1, i + 40);
      return before === ',' || /^,?\s+[a-z]/.test(after) || /^\s*,/.test(after);
    }
    if (c === '“' || c === '«') return false;
  }
  return false;
}

function startsSentence(word: string): boolean {
  if (!word) return false;
  return /^[\p{Lu}\p{Lt}0-9"“‘'(\[«¿¡•*$£€#@]/u.test(word) || /^[a-z]+[A-Z]/.test(word);
}

function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isTerminal(c: string): boolean {
  return c === '.' || c === '!' || c === '?' || c === '…';
}

function isCloser(c: string): boolean {
  return c === '"' || c === '”' || c === '’' || c === "'" || c === ')' || c === ']' || c === '»';
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

