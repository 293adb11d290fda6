/**
 * Plain text from an article's HTML without a DOM (the background service worker has none).
 * A single forward scan: every search starts where the last one ended, so hostile input
 * (unclosed comments, quotes or tags, deep nesting) costs time in proportion to its length.
 */
import { withoutPrototype } from './text/table';

/** Elements whose whole content is dropped: code, page chrome, embedded media and forms. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'title',
  'nav', 'header', 'footer', 'aside', 'figure', 'figcaption', 'form',
  'iframe', 'object', 'canvas', 'video', 'audio', 'picture', 'map', 'select', 'textarea', 'button',
  'dialog', 'noembed', 'noframes', 'xmp', 'plaintext',
]);

/** Elements whose content is not markup: only their own end tag ends them. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'legend',
  'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot',
  'thead', 'tr', 'ul',
]);

/** Table cells: kept on one line, separated by a space. */
const CELLS = new Set(['td', 'th']);

/** Named character references common in news HTML (the full HTML list has over 2,000). */
const NAMED_ENTITIES: Record<string, string> = withoutPrototype({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  shy: '', zwj: '', zwnj: '', lrm: '', rlm: '',
  copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', minus: '−',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  lsaquo: '‹', rsaquo: '›', prime: '′', Prime: '″', bull: '•', middot: '·', deg: '°', plusmn: '±',
  times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾', sup1: '¹', sup2: '²', sup3: '³',
  permil: '‰', percnt: '%', euro: '€', pound: '£', yen: '¥', cent: '¢', curren: '¤', sect: '§',
  para: '¶', dagger: '†', Dagger: '‡', iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º', micro: 'µ',
  not: '¬', macr: '¯', acute: '´', cedil: '¸', uml: '¨', brvbar: '¦', larr: '←', rarr: '→',
  uarr: '↑', darr: '↓', harr: '↔', le: '≤', ge: '≥', ne: '≠', asymp: '≈', infin: '∞', check: '✓',
  szlig: 'ß', aelig: 'æ', AElig: 'Æ', oelig: 'œ', OElig: 'Œ', oslash: 'ø', Oslash: 'Ø', eth: 'ð',
  ETH: 'Ð', thorn: 'þ', THORN: 'Þ', dstrok: 'đ', Dstrok: 'Đ', lstrok: 'ł', Lstrok: 'Ł',
  imath: 'ı', inodot: 'ı', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', mu: 'μ', pi: 'π',
  sigma: 'σ', omega: 'ω', Delta: 'Δ', Omega: 'Ω', colon: ':', comma: ',', period: '.',
  excl: '!', quest: '?', num: '#', dollar: '$', lpar: '(', rpar: ')', sol: '/', bsol: '\\',
  lowbar: '_', verbar: '|', vert: '|', ast: '*', plus: '+', equals: '=', semi: ';', commat: '@',
  lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']', lcub: '{', rcub: '}', lbrace: '{', rbrace: '}',
  grave: '`', Hat: '^', tilde: '˜', circ: 'ˆ', NewLine: '\n', Tab: '\t',
});

// Accented letters: &eacute; &Uuml; &ccedil; … built from letter + combining mark.
for (const [accent, mark, letters] of [
  ['acute', '\u0301', 'aeiouyAEIOUYcCnNsSzZlLrR'],
  ['grave', '\u0300', 'aeiouAEIOU'],
  ['circ', '\u0302', 'aeiouyAEIOUYcCgGhHjJsSwW'],
  ['tilde', '\u0303', 'anoiuANOIU'],
  ['uml', '\u0308', 'aeiouyAEIOUY'],
  ['ring', '\u030A', 'aAuU'],
  ['cedil', '\u0327', 'cCsStTgGkKlLnNrR'],
  ['caron', '\u030C', 'cCdDeEnNrRsStTzZ'],
] as const) {
  for (const letter of letters) {
    const composed = (letter + mark).normalize('NFC');
    if (composed.length === 1) NAMED_ENTITIES[letter + accent] = composed;
  }
}

/** Entities browsers accept without the closing semicolon. */
const LEGACY_NO_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

/** Windows-1252 characters that old pages write as &#128;–&#159; (HTML maps them the same way). */
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

const ENTITY = /&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]{1,31});?)/g;

function codePointText(code: number): string {
  const mapped = WINDOWS_1252[code] ?? code;
  if (mapped === 0 || mapped > 0x10ffff || (mapped >= 0xd800 && mapped <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(mapped);
}

/** Replaces HTML character references in text with the characters they stand for. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match: string, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined) return codePointText(parseInt(hex, 16));
    if (dec !== undefined) return codePointText(Number(dec));
    const n = name as string;
    const char = NAMED_ENTITIES[n];
    if (char === undefined) return match;
    if (!match.endsWith(';') && !LEGACY_NO_SEMICOLON.has(n)) return match;
    return char;
  });
}

/**
 * Finds needles at or after a position, remembering the last answer per needle so a scan that
 * keeps asking for a needle that is not there does not search the rest of the input each time.
 */
class ForwardFinder {
  private readonly memo = new Map<string, { from: number; at: number }>();
  constructor(private readonly haystack: string) {}

  /** Index of `needle` at or after `from` (case-sensitive), or -1. */
  find(needle: string, from: number): number {
    const last = this.memo.get(needle);
    if (last && last.from <= from && (last.at === -1 || last.at >= from)) return last.at;
    const at = this.haystack.indexOf(needle, from);
    this.memo.set(needle, { from, at });
    return at;
  }

  /** Index of `</name` at or after `from`, in any letter case, or -1. */
  findEndTag(name: string, from: number): number {
    const key = `</${name}`;
    const last = this.memo.get(key);
    if (last && last.from <= from && (last.at === -1 || last.at >= from)) return last.at;
    const pattern = new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi');
    pattern.lastIndex = from;
    const match = pattern.exec(this.haystack);
    const at = match ? match.index : -1;
    this.memo.set(key, { from, at });
    return at;
  }
}

type Piece = string | typeof PARAGRAPH | typeof LINE | typeof CELL;
const PARAGRAPH = 1;
const LINE = 2;
const CELL = 3;

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;

/**
 * Plain text of an HTML document or fragment: scripts, page chrome (nav, header, footer, aside,
 * figures, forms) and comments dropped; block elements become paragraph breaks ("\n\n"),
 * `<br>` a newline; entities decoded; other whitespace collapsed to single spaces.
 */
export function htmlToText(html: string): string {
  const pieces: Piece[] = [];
  const finder = new ForwardFinder(html);
  /** Names of dropped elements we are inside of, innermost last. */
  const dropped: string[] = [];
  /** How many of each name are in `dropped`, so an end tag is checked without a scan. */
  const droppedCount = new Map<string, number>();
  const pushDropped = (name: string) => {
    dropped.push(name);
    droppedCount.set(name, (droppedCount.get(name) ?? 0) + 1);
  };
  /** Pops dropped elements up to and including the innermost `name`. */
  const popDropped = (name: string) => {
    for (;;) {
      const top = dropped.pop() as string;
      droppedCount.set(top, (droppedCount.get(top) as number) - 1);
      if (top === name) return;
    }
  };
  let preDepth = 0;
  let pos = 0;
  const n = html.length;

  const emitText = (raw: string) => {
    if (dropped.length || raw === '') return;
    if (preDepth > 0) {
      const lines = raw.split(/\r\n?|\n/);
      lines.forEach((line, i) => {
        if (i > 0) pieces.push(LINE);
        if (line) pieces.push(decodeEntities(line));
      });
    } else {
      pieces.push(decodeEntities(raw));
    }
  };

  while (pos < n) {
    const lt = finder.find('<', pos);
    if (lt < 0) {
      emitText(html.slice(pos));
      break;
    }
    if (lt > pos) emitText(html.slice(pos, lt));
    const next = html.charCodeAt(lt + 1);

    // Comments, doctype, CDATA and processing instructions.
    if (next === 33 /* ! */) {
      if (html.startsWith('<!--', lt)) {
        const end = finder.find('-->', lt + 4);
        pos = end < 0 ? n : end + 3;
      } else if (html.startsWith('<![CDATA[', lt)) {
        const end = finder.find(']]>', lt + 9);
        emitText(html.slice(lt + 9, end < 0 ? n : end).replace(/&/g, '&amp;'));
        pos = end < 0 ? n : end + 3;
      } else {
        const end = finder.find('>', lt + 2);
        pos = end < 0 ? n : end + 1;
      }
      continue;
    }
    if (next === 63 /* ? */) {
      const end = finder.find('>', lt + 2);
      pos = end < 0 ? n : end + 1;
      continue;
    }

    const closing = next === 47; /* / */
    let nameStart = closing ? lt + 2 : lt + 1;
    if (!isNameStart(html.charCodeAt(nameStart))) {
      // "a < b" or "</ >": a literal "<" in text.
      emitText('<');
      pos = lt + 1;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < n && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();

    // Find the tag's ">" outside quoted attribute values.
    let i = nameEnd;
    let tagEnd = -1;
    while (i < n) {
      const gt = finder.find('>', i);
      const dq = finder.find('"', i);
      const sq = finder.find("'", i);
      const quote = dq >= 0 && (sq < 0 || dq < sq) ? dq : sq;
      if (gt < 0) break;
      if (quote < 0 || gt < quote) {
        tagEnd = gt;
        break;
      }
      // Only a quote right after "=" (with optional spaces) opens an attribute value.
      let before = quote - 1;
      while (before > nameEnd && /\s/.test(html[before])) before--;
      if (html[before] !== '=') {
        i = quote + 1;
        continue;
      }
      const close = finder.find(html[quote], quote + 1);
      if (close < 0) {
        // Unclosed value: end the tag at the first ">" instead of swallowing the document.
        tagEnd = gt;
        break;
      }
      i = close + 1;
    }
    if (tagEnd < 0) {
      // "<tag" with no ">" at all: the rest is not text.
      break;
    }
    const selfClosing = html.charCodeAt(tagEnd - 1) === 47;
    pos = tagEnd + 1;

    if (closing) {
      if ((droppedCount.get(name) ?? 0) > 0) {
        popDropped(name);
        continue;
      }
      if (dropped.length) continue;
      if (name === 'pre' && preDepth > 0) preDepth--;
      if (BLOCKS.has(name)) pieces.push(PARAGRAPH);
      else if (CELLS.has(name)) pieces.push(CELL);
      continue;
    }

    if (name === 'body' && dropped.length === 1 && dropped[0] === 'head') {
      // <head> is often left open; <body> ends it.
      popDropped('head');
    }
    if (DROPPED.has(name)) {
      if (selfClosing) continue;
      if (RAW_TEXT.has(name)) {
        const end = finder.findEndTag(name, pos);
        if (end < 0) {
          pos = n;
          break;
        }
        const close = finder.find('>', end);
        pos = close < 0 ? n : close + 1;
        continue;
      }
      pushDropped(name);
      continue;
    }
    if (dropped.length) {
      if (RAW_TEXT.has(name)) {
        const end = finder.findEndTag(name, pos);
        const close = end < 0 ? -1 : finder.find('>', end);
        pos = close < 0 ? n : close + 1;
      }
      continue;
    }
    if (name === 'br') pieces.push(LINE);
    else if (name === 'pre') {
      preDepth++;
      pieces.push(PARAGRAPH);
    } else if (BLOCKS.has(name)) pieces.push(PARAGRAPH);
    else if (CELLS.has(name)) pieces.push(CELL);
    else if (name === 'img') {
      // Images carry no article text; alt text is usually a caption or a credit.
    }
  }

  return joinPieces(pieces);
}

/** Joins text and break markers: collapses whitespace, merges breaks, trims each line. */
function joinPieces(pieces: Piece[]): string {
  let out = '';
  /** Pending break before the next text: 0 none, 1 space, 2 newline, 3 paragraph. */
  let pending = 0;
  let newlines = 0;
  for (const piece of pieces) {
    if (piece === PARAGRAPH) {
      pending = 3;
      newlines = 2;
      continue;
    }
    if (piece === LINE) {
      newlines = Math.min(newlines + 1, 2);
      pending = Math.max(pending, newlines >= 2 ? 3 : 2);
      continue;
    }
    if (piece === CELL) {
      pending = Math.max(pending, 1);
      continue;
    }
    const collapsed = piece.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ');
    if (collapsed === '') continue;
    const leading = collapsed.startsWith(' ');
    const body = collapsed.trim();
    if (body === '') {
      pending = Math.max(pending, 1);
      continue;
    }
    if (leading) pending = Math.max(pending, 1);
    if (out !== '') out += pending === 3 ? '\n\n' : pending === 2 ? '\n' : pending === 1 ? ' ' : '';
    out += body;
    pending = collapsed.endsWith(' ') ? 1 : 0;
    newlines = 0;
  }
  return out;
}
