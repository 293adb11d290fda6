import { Readability } from '@mozilla/readability';
import { isSpace } from './text/space';
import { composedClone } from './composed-tree';
import { runToEnd } from './run-to-end';

/** The main article of a page, as plain text with paragraph breaks. */
export interface ExtractedArticle {
  title: string;
  /** Paragraphs separated by a blank line; whitespace inside a paragraph collapsed to one space. */
  text: string;
  /** The outlet's name from the page (og:site_name), if it gives one. */
  siteName: string | null;
  /** The page's canonical URL, if it gives one. */
  canonicalUrl: string | null;
  /** Publication date from the page's metadata, if any. */
  published: string | null;
}

/** Elements whose text is never article text, even inside the article. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FIGURE', 'FIGCAPTION', 'BUTTON', 'FORM', 'NAV', 'ASIDE', 'SVG', 'IFRAME']);
/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE',
  'PRE', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'HEADER', 'FOOTER', 'MAIN', 'HR',
]);

/** Collapses runs of whitespace (including no-break spaces) to one space. */
export function collapseSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ');
}

/**
 * Text of an element as paragraphs: block elements become paragraph breaks, <br> a line break,
 * whitespace collapsed the way a browser renders it. Used both on the extracted article and,
 * through the same rule, when the content script looks for a claim in the live page.
 */
export function elementText(root: Element): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += collapseSpace(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return;
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.map((p) => collapseSpace(p)).join('\n\n');
}

function meta(doc: Document, selector: string, attr = 'content'): string | null {
  const value = doc.querySelector(selector)?.getAttribute(attr)?.trim();
  return value ? value : null;
}

/**
 * Elements that are never the story on a news page, whatever the page calls them: page chrome,
 * asides, embedded ad and share widgets (including AMP's), dialogs such as consent banners, and
 * blocks folded away until the reader opens them (a `<details>` not shown open: newsletter offers,
 * notes, "read more" boxes).
 */
const NOT_STORY_SELECTOR = [
  'nav', 'aside', 'figure', 'figcaption', 'dialog', 'form', 'button', 'noscript', 'template', 'details:not([open])',
  '[role="complementary"]', '[role="navigation"]', '[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]',
  'amp-ad', 'amp-embed', 'amp-sticky-ad', 'amp-social-share', 'amp-sidebar', 'amp-consent', 'amp-iframe',
].join(',');

/**
 * Class, id or data-component names of blocks that sit in or beside a story without being it:
 * related and read-more lists, newsletter and subscription boxes, paywall teasers, comments,
 * share bars, captions and credits, bylines and other metadata, author bios, tags, breadcrumbs,
 * pull quotes, summary boxes, galleries, ads and consent banners. Matched against whole parts of
 * a name split at `-`, `_` and spaces (a custom element's tag name counts as a name), so
 * "article__caption" and "related-card" match but "shareable" or "biography-text" do not.
 */
const NOT_STORY_NAME = new RegExp(
  '(?:^|[-_\\s])(?:' +
    [
      'related', 'read-?more', 'more-?(?:stories|news|from|videos?|coverage|on-?this(?:-?story)?)', 'most-?(?:read|popular|viewed|shared)', 'recommend(?:ed|ations?)?',
      'up-?next', 'you-?may-?(?:also-?)?like', 'also-?read', 'see-?also', 'newsletters?', 'sign-?up', 'subscribe', 'subscriptions?', 'paywall', 'regwall',
      'comments?', 'discussion', 'replies', 'share', 'sharing', 'share-?bar', 'social', 'promo', 'teasers?', 'captions?', 'cap', 'credits?',
      'byline', 'bio', 'author-?(?:bio|box|info)', 'about-?the-?author', 'breadcrumbs?', 'tags?', 'topics', 'disclaimer', 'pull-?quote',
      'standfirst', 'dek', 'kicker', 'meta', 'dateline-?meta', 'timestamp', 'key-?points', 'highlights', 'at-?a-?glance', 'summary',
      'ads?', 'advert', 'advertisement', 'ad-?slot', 'sponsor(?:ed|s)?', 'outbrain', 'taboola', 'consent', 'cookies?', 'gdpr',
      'nav', 'navigation', 'menu', 'header', 'footer', 'banner', 'toolbar', 'controls', 'gallery', 'slideshow', 'carousel', 'ticker', 'alerts?', 'breaking(?:-?news)?',
      'meter', 'metering', 'glossary', 'references', 'footnotes',
      'embed', 'twitter-?tweet', 'tweet', 'instagram-?media', 'tiktok-?embed', 'fb-?post',
    ].join('|') +
    ')(?=$|[-_\\s])',
  'i',
);

/** A drop-cap style in a paragraph's name ("has-drop-cap", "drop_cap"): not a caption's "cap". */
const DROP_CAP = /(?:^|[-_\s])(?:has[-_])?drop[-_]?cap(?=$|[-_\s])/gi;

/** Elements whose whole text is a label that is never story text. */
const LABEL_PARAGRAPH =
  /^(?:advertisement|advert|ads?|sponsored(?: content)?|paid (?:content|post)|promoted(?: content)?|anzeige|publicité|(?:story|article) continues below(?: (?:this )?advertisement)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?|skip advert(?:isement)?|supported by|paid for by|presented by|-?ends-?|#{3}|(?:news|press|media) release)$/i;
/** Paragraphs that open with a label of a link, a caption or a credit rather than story text. */
const LABELLED_PARAGRAPH =
  /^(?:read more|read also|also read|see also|related|more on this(?: story)?|more from [^:]{1,40}|recommended|watch|listen|up next|next up|photos?|photograph|image|picture|credit|video|graphic|illustration|source|sources|table|chart|map|disclosure|disclaimer|declaration of interests?)\s*:/i;
/** Bylines, publication lines and wire and copyright tails. */
const META_PARAGRAPH = [
  /^(?:author|authors|written by|words by|by)\s*:\s*\p{Lu}/iu,
  /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]*){0,5}\s*(?:(?:[,|·•—–-]|\s+in\s+).{0,60})?(?<![.!?”"])$/u,
  /^(?:published|updated|posted|last updated|first published)\b(?=.*\d).{0,60}$/i,
  /^\d{1,2}:\d{2}(?::\d{2})?(?:\s*\/\s*\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$/i,
  /^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?$/i,
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\.?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}$/i,
  /^a version of this (?:article|story) (?:appears|appeared) in print\b/i,
  /^\(?(?:reporting|writing|editing|additional reporting|compiled|research) by\b/i,
  /^(?:©|\(c\)\s|copyright\b)/i,
  /\bviews expressed\b.{0,60}\b(?:author|writer|columnist)['’]?s? own\b/i,
  /\b(?:interview|conversation|transcript) has been (?:edited|condensed)\b/i,
];

/** Headings of end matter that is not the story. */
const END_MATTER_HEADING =
  /^(?:references|sources|notes|footnotes|further reading|bibliography|notes? to editors?|editors'? notes?|media (?:enquiries|inquiries|contacts?)|press (?:contacts?|enquiries|inquiries|office)|for more information)$/i;

/** A photo or video credit inside a caption. */
const CREDIT = /\b(?:photo(?:graph)?|image|picture|credit|illustration|courtesy|video|graphic)s?\s*(?::|by\b)|©/i;

/** A publication line run into the first paragraph ("Published: 20 November 2026 The court..."). */
const PUBLISHED_PREFIX =
  /^(?:published|updated|posted|last updated|first published)\b\s*:?\s*[^.]{0,40}?\b(?:19|20)\d\d\b(?:,?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?\s+(?=\p{Lu})/iu;

/** A last paragraph that introduces the writer ("Signe Holt is a writer based in Lund."). */
const WRITER_NOTE =
  /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}\s+(?:is|was)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,3}(?:writer|journalist|reporter|correspondent|editor|author|columnist|photographer|contributor)\b/u;


/** Words in `s` (runs of non-space, as `/\S+/g` finds them), counted no further than `limit`. */
function wordsUpTo(s: string, limit: number): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < s.length && count < limit; i++) {
    if (isSpace(s.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}

/** Words in `s` (runs of non-space). */
export const wordCount = (s: string) => wordsUpTo(s, Infinity);

/**
 * Whether `s` has at least `n` words, reading no further than the n-th: cheap on an element
 * holding the whole story.
 */
export const hasWords = (s: string, n: number) => wordsUpTo(s, n) >= n;

const normalised = (s: string) =>
  s.toLowerCase().replace(/[‘’“”"'«».,:;!?()[\]–—-]/g, ' ').replace(/\s+/g, ' ').trim();

/** Attributes whose values name a block (see nameOf). */
const NAME_ATTRIBUTES = ['class', 'id', 'data-component', 'data-module'];

/** A block's names: a custom element's tag, then its class, id and component names, space-separated. */
function nameOf(el: Element): string {
  const tag = el.tagName.toLowerCase();
  let name = tag.includes('-') ? tag : '';
  for (const attribute of NAME_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value) name = name ? `${name} ${value}` : value;
  }
  return name;
}

/** Phrasing elements: a custom element holding only these (and text) is a paragraph. */
const INLINE = new Set(['A', 'ABBR', 'B', 'BR', 'CITE', 'CODE', 'EM', 'I', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);

/**
 * Custom elements (`<story-paragraph>`, `<story-body>`) as the HTML Readability knows: one that
 * holds only text and phrasing elements becomes a <p>, any other a <div>, keeping its class and
 * id. Readability scores paragraphs by tag and would otherwise not see text in them.
 */
function plainCustomElements(doc: Document, body: HTMLElement): void {
  const custom = Array.from(body.querySelectorAll('*')).filter((el) => el.tagName.includes('-'));
  for (const el of custom.reverse()) {
    const inline = Array.from(el.children).every((child) => INLINE.has(child.tagName.toUpperCase()));
    const plain = doc.createElement(inline && collapseSpace(el.textContent ?? '').trim() ? 'p' : 'div');
    for (const attr of ['class', 'id']) {
      const value = el.getAttribute(attr);
      if (value !== null) plain.setAttribute(attr, value);
    }
    while (el.firstChild) plain.appendChild(el.firstChild);
    el.replaceWith(plain);
  }
}

/**
 * Whether a block with a non-story name holds the story after all: most of the page's text, or
 * at least three paragraphs of some length (a wrapper called "gallery-story" or "js-paywall").
 */
function holdsStory(el: Element, bodyLength: number): boolean {
  if ((el.textContent ?? '').length >= 0.5 * bodyLength) return true;
  let long = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) if (hasWords(p.textContent ?? '', 25) && ++long >= 3) return true;
  return false;
}

/**
 * Removes from a clone of the page the blocks that are not the story (see NOT_STORY_SELECTOR
 * and NOT_STORY_NAME), before Readability looks for the article. A named block is kept when it
 * holds the story after all (see holdsStory), and main and article elements are never removed
 * for their names.
 */
function* removeNonStory(doc: Document): Generator<void, void> {
  const body = doc.body;
  if (!body) return;
  const bodyLength = (body.textContent ?? '').length;
  const doomed: Element[] = [];
  for (const el of Array.from(body.querySelectorAll(NOT_STORY_SELECTOR))) doomed.push(el);
  for (const el of Array.from(body.querySelectorAll('[class], [id], [data-component], [data-module]'))) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'MAIN' || tag === 'ARTICLE') continue;
    // Inside a paragraph, a named element is part of its sentence ("<span class="drop-cap">S</span>
    // oldiers…", a "click to tweet" quote), whatever its name.
    if (tag !== 'P' && el.parentElement?.closest('p')) continue;
    // A paragraph styled with a large first letter is a story paragraph (WordPress's has-drop-cap).
    const name = tag === 'P' ? nameOf(el).replace(DROP_CAP, ' ') : nameOf(el);
    if (name && NOT_STORY_NAME.test(name) && !holdsStory(el, bodyLength)) doomed.push(el);
  }
  yield;
  // A picture with its caption and credit, however the block is named: the nearest block around
  // an image that has text, no paragraphs, little text and a credit in it.
  for (const media of Array.from(body.querySelectorAll('img, picture, video, svg, amp-img'))) {
    let box = media.parentElement;
    while (box && box !== body && !hasWords(box.textContent ?? '', 1)) box = box.parentElement;
    if (!box || box === body || ['P', 'MAIN', 'ARTICLE'].includes(box.tagName.toUpperCase()) || box.querySelector('p')) continue;
    const raw = box.textContent ?? '';
    if (!hasWords(raw, 50) && CREDIT.test(collapseSpace(raw).trim())) doomed.push(box);
  }
  // The headline block of the story: a <header> inside the article (headline, standfirst, byline).
  for (const header of Array.from(body.querySelectorAll('article header, main header'))) if (header.querySelector('h1')) doomed.push(header);
  // A call-out around a form (sign up, "have your say", search): the form and the little text
  // around it, up to the first block with more to say.
  for (const form of Array.from(body.querySelectorAll('form'))) {
    let box: Element = form;
    for (let up = form.parentElement; up && !['BODY', 'MAIN', 'ARTICLE'].includes(up.tagName.toUpperCase()); up = up.parentElement) {
      if (hasWords(up.textContent ?? '', 100)) break;
      box = up;
    }
    doomed.push(box);
  }
  yield;
  doomed.push(...otherStories(body));
  // The end matter of a story or a release after its heading (references, notes to editors,
  // media contacts): the heading and what follows it up to the next heading.
  for (const heading of Array.from(body.querySelectorAll('h2, h3, h4, h5, h6'))) {
    if (!END_MATTER_HEADING.test(collapseSpace(heading.textContent ?? '').trim())) continue;
    doomed.push(heading);
    for (let next = heading.nextElementSibling; next && !/^H[1-6]$/i.test(next.tagName); next = next.nextElementSibling) doomed.push(next);
  }
  // An empty stand-in keeps the page's shape: with the block simply gone, Readability can take a
  // lone article for the whole body and pull in whatever else is left there.
  yield;
  for (const el of doomed) el.replaceWith(doc.createElement(el.tagName.toLowerCase() === 'span' ? 'span' : 'div'));
  plainCustomElements(doc, body);
}

/**
 * Stories loaded below the one being read (infinite scroll): the block that holds the page's
 * headline and its story, and beside it blocks of the same kind (same tag and class) that have
 * their own heading and text. Those are returned, to be removed.
 */
function otherStories(body: HTMLElement): Element[] {
  const h1 = body.querySelector('h1');
  if (!h1) return [];
  let story: Element | null = h1.parentElement;
  while (story && story !== body && !hasWords(story.textContent ?? '', 120)) story = story.parentElement;
  if (!story || story === body) return [];
  const kind = story.getAttribute('class') ?? '';
  if (!kind && story.tagName.toUpperCase() !== 'ARTICLE') return [];
  const others: Element[] = [];
  // Blocks that are not <article>s must look like stories of their own (a headline of their own,
  // a date, a headline linking to the story): a story split into same-class sections under
  // subheadings is one story.
  const articles = story.tagName.toUpperCase() === 'ARTICLE';
  for (let sib = story.parentElement?.firstElementChild ?? null; sib; sib = sib.nextElementSibling) {
    if (sib === story || sib.tagName !== story.tagName || (sib.getAttribute('class') ?? '') !== kind) continue;
    if (!sib.querySelector('h1, h2') || !hasWords(sib.textContent ?? '', 80)) continue;
    if (articles || looksLikeStory(sib)) others.push(sib);
  }
  return others;
}

/** A date as bylines write it: "21 Nov 2026", "November 21, 2026", "2026-11-21". */
const BYLINE_DATE = /\b\d{1,2}\.? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b|\b\d{4}-\d{2}-\d{2}\b/i;

/** Whether a block looks like a story of its own: its own headline, address or date (not a section under a subheading). */
function looksLikeStory(block: Element): boolean {
  if (block.querySelector('h1, time, h2 a, [itemprop="datePublished"]')) return true;
  if (['data-url', 'data-href', 'data-permalink', 'data-article-url', 'itemid'].some((a) => block.hasAttribute(a))) return true;
  return BYLINE_DATE.test(collapseSpace(block.textContent ?? '').slice(0, 400));
}

/**
 * Removes from Readability's result the blocks that are mostly links (lists of other stories)
 * and the elements that only carry a label such as "Advertisement".
 */
function removeLinkBlocks(root: Element): void {
  // labels: small elements whose whole text is one
  for (const el of Array.from(root.querySelectorAll('p, li, div, span, i, em, b, strong, small'))) {
    if (el.childElementCount > 2) continue;
    const text = collapseSpace(el.textContent ?? '').trim();
    if (text.length <= 60 && LABEL_PARAGRAPH.test(text)) el.remove();
  }
  // link lists: the blocks around links, up to the first one with more than a short line to say
  const seen = new Set<Element>();
  for (const a of Array.from(root.querySelectorAll('a'))) {
    for (let el = a.parentElement, up = 0; el && el !== root && up < 4; el = el.parentElement, up++) {
      if (seen.has(el)) break;
      seen.add(el);
      if (!['P', 'LI', 'UL', 'OL', 'DIV'].includes(el.tagName.toUpperCase())) continue;
      const raw = el.textContent ?? '';
      if (hasWords(raw, 40)) break;
      const text = collapseSpace(raw).trim();
      let linked = 0;
      for (const link of Array.from(el.querySelectorAll('a'))) linked += collapseSpace(link.textContent ?? '').trim().length;
      if (text && linked >= 0.8 * text.length) {
        // with the list goes its label ("See also", "More on this"), if that is all that is left
        let parent: Element | null = el.parentElement;
        el.remove();
        while (parent && parent !== root && !hasWords(parent.textContent ?? '', 6)) {
          const up: Element | null = parent.parentElement;
          parent.remove();
          parent = up;
        }
        break;
      }
    }
  }
}

/**
 * Whether a short run of words is repeated in a longer paragraph: all of its words in order, with
 * at most a few words between them (a pull quote drops the "he says" of the sentence it repeats).
 */
function repeats(short: string[], long: string[]): boolean {
  const slack = Math.ceil(short.length / 2) + 4;
  for (let start = long.indexOf(short[0]); start >= 0; start = long.indexOf(short[0], start + 1)) {
    let k = 1;
    let at = start + 1;
    for (; k < short.length && at < long.length && at - start < short.length + slack; at++) if (long[at] === short[k]) k++;
    if (k === short.length) return true;
  }
  return false;
}

/** Paragraphs looked at between two steps of storyParagraphs. */
const PARAGRAPHS_PER_STEP = 60;

/**
 * Drops paragraphs that are the headline again, labels, captions, credits, bylines or
 * boilerplate. In steps (a `yield` after the paragraphs are indexed and after every
 * PARAGRAPHS_PER_STEP paragraphs), so a long article's are not all looked at in one task.
 */
function* storyParagraphs(text: string, titles: string[]): Generator<void, string> {
  const headlines = new Set<string>();
  for (const title of titles) {
    headlines.add(normalised(title));
    // "Headline - Outlet - Section": the headline part alone, when it is long enough to be one
    for (const part of title.split(/\s+[-|–—·:\/]+\s+/)) if (wordCount(part) >= 3) headlines.add(normalised(part));
  }
  headlines.delete('');
  const paragraphs = text.split('\n\n').map((p) => p.replace(PUBLISHED_PREFIX, ''));
  const tokens = paragraphs.map((p) => normalised(p).split(' '));
  // which paragraphs each word occurs in, so a short paragraph is only compared with the
  // paragraphs that have its rarest word
  const wordSets = tokens.map((ws) => new Set(ws));
  const where = new Map<string, number[]>();
  wordSets.forEach((ws, i) => {
    for (const w of ws) {
      const list = where.get(w);
      if (list) list.push(i);
      else where.set(w, [i]);
    }
  });
  const repeated = (i: number): boolean => {
    let rarest: number[] | undefined;
    for (const w of tokens[i]) {
      const list = where.get(w);
      if (list && (!rarest || list.length < rarest.length)) rarest = list;
    }
    // Only a paragraph that has every one of its words can repeat it: a cheap test first (on a
    // long article most of the paragraphs with the rarest word fail it).
    const has = (j: number) => tokens[i].every((w) => wordSets[j].has(w));
    return (rarest ?? []).some((j) => j !== i && tokens[j].length > tokens[i].length && has(j) && repeats(tokens[i], tokens[j]));
  };
  const story = (p: string, i: number): boolean => {
    const words = wordCount(p);
    // a pull quote or summary line: a short paragraph repeated inside a longer one
    if (words >= 5 && words <= 40 && repeated(i)) return false;
    if (i === paragraphs.length - 1 && words <= 40 && WRITER_NOTE.test(p)) return false;
    // tokens[i] is the paragraph normalised, split at its spaces.
    if (headlines.has(tokens[i].join(' '))) return false;
    if (LABEL_PARAGRAPH.test(p)) return false;
    if (words <= 40 && LABELLED_PARAGRAPH.test(p)) return false;
    if (words <= 40 && META_PARAGRAPH.some((re) => re.test(p))) return false;
    return true;
  };
  const kept: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    if (i % PARAGRAPHS_PER_STEP === 0) yield;
    if (story(paragraphs[i], i)) kept.push(paragraphs[i]);
  }
  return kept.join('\n\n');
}

/** What we use of Readability's article. */
interface Parsed {
  title: string | null | undefined;
  content: Element | null | undefined;
  siteName: string | null | undefined;
  publishedTime: string | null | undefined;
}

/** The parts of Readability (0.6) that its parse() runs one after another, and the state they share. */
interface ReadabilityParts {
  _doc: Document;
  _disableJSONLD: boolean;
  _metadata: unknown;
  _articleTitle: string;
  _articleSiteName?: string;
  _unwrapNoscriptImages(doc: Document): void;
  _getJSONLD(doc: Document): Record<string, string>;
  _removeScripts(doc: Document): void;
  _prepDocument(): void;
  _getArticleMetadata(jsonLd: Record<string, string>): { title: string; siteName?: string; publishedTime?: string };
  _grabArticle(): Element | null;
  _postProcessContent(content: Element): void;
}

const PARSE_PARTS = ['_unwrapNoscriptImages', '_getJSONLD', '_removeScripts', '_prepDocument', '_getArticleMetadata', '_grabArticle', '_postProcessContent'] as const;

/** Whether this Readability has the parts parseInSteps runs (else it runs parse() in one go). */
export function hasParseParts(reader: Readability<Element>): boolean {
  const r = reader as unknown as ReadabilityParts;
  return PARSE_PARTS.every((name) => typeof r[name] === 'function');
}

/**
 * Readability's parse() in three steps, its parts run in the same order on the same state: the
 * page prepared and its metadata read; the article found (the long part); the article cleaned. On
 * a long page that is one task of up to ~90 ms made three. Should the library no longer have
 * these parts, parse() runs in one go.
 */
export function* parseInSteps(reader: Readability<Element>): Generator<void, Parsed | null> {
  const r = reader as unknown as ReadabilityParts;
  if (!hasParseParts(reader)) return reader.parse();
  r._unwrapNoscriptImages(r._doc);
  const jsonLd = r._disableJSONLD ? {} : r._getJSONLD(r._doc);
  r._removeScripts(r._doc);
  r._prepDocument();
  const metadata = r._getArticleMetadata(jsonLd);
  r._metadata = metadata;
  r._articleTitle = metadata.title;
  yield;
  const content = r._grabArticle();
  if (!content) return null;
  yield;
  r._postProcessContent(content);
  return { title: r._articleTitle, content, siteName: metadata.siteName || r._articleSiteName, publishedTime: metadata.publishedTime };
}

/** Readability's article in `doc`, cleaned of link lists and labels, in steps (see extractArticleSteps). */
function* readable(doc: Document): Generator<void, { parsed: Parsed; text: string } | null> {
  const parsed = yield* parseInSteps(new Readability<Element>(doc, { serializer: (el) => el as Element, charThreshold: 300 }));
  if (!parsed || !parsed.content) return null;
  yield;
  removeLinkBlocks(parsed.content);
  yield;
  return { parsed, text: elementText(parsed.content) };
}

/**
 * Finds the main article of a document with Mozilla Readability, run on a clone so the live page
 * is never touched. Returns null when the page has no article-like content.
 *
 * Before Readability, the clone loses the blocks news pages put in and around a story that are
 * not the story (related and read-more lists, newsletter boxes, paywall teasers, comments, share
 * bars, captions and credits, bylines, bios, ads, consent banners); after it, link lists, labels,
 * bylines and boilerplate lines are dropped, and so is the headline (the text is the story's
 * body). Should that cleaning leave too little, the page is read again without it.
 */
export function extractArticle(doc: Document): ExtractedArticle | null {
  return runToEnd(extractArticleSteps(doc));
}

/**
 * extractArticle as a series of steps: the caller may give the page's main thread back between
 * any two (each `yield`), so a long page is not read in one long task. Run to the end, it returns
 * what extractArticle returns.
 */
export function* extractArticleSteps(doc: Document): Generator<void, ExtractedArticle | null> {
  // Open shadow roots are read as part of the page: some sites render the story inside one.
  const clone = composedClone(doc);
  yield;
  yield* removeNonStory(clone);
  yield;
  let result = yield* readable(clone);
  if (!result || result.text.length < 500) {
    yield;
    const copy = composedClone(doc);
    yield;
    result = (yield* readable(copy)) ?? result;
  }
  if (!result) return null;
  yield;
  const { parsed } = result;
  const ogTitle = meta(doc, 'meta[property="og:title"]');
  const title = (parsed!.title ?? ogTitle ?? doc.title ?? '').trim();
  const h1 = doc.querySelector('h1')?.textContent ?? '';
  const text = yield* storyParagraphs(result.text, [title, ogTitle ?? '', doc.title ?? '', h1]);
  if (!text) return null;
  return {
    title,
    text,
    siteName: parsed!.siteName?.trim() || meta(doc, 'meta[property="og:site_name"]'),
    canonicalUrl: meta(doc, 'link[rel="canonical"]', 'href') ?? meta(doc, 'meta[property="og:url"]'),
    published: parsed!.publishedTime ?? meta(doc, 'meta[property="article:published_time"]'),
  };
}
