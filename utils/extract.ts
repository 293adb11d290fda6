import { Readability } from '@mozilla/readability';

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
 * Finds the main article of a document with Mozilla Readability, run on a clone so the live page
 * is never touched. Returns null when the page has no article-like content.
 */
export function extractArticle(doc: Document): ExtractedArticle | null {
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element, charThreshold: 300 }).parse();
  if (!parsed || !parsed.content) return null;
  const text = elementText(parsed.content);
  if (!text) return null;
  return {
    title: (parsed.title ?? meta(doc, 'meta[property="og:title"]') ?? doc.title ?? '').trim(),
    text,
    siteName: parsed.siteName?.trim() || meta(doc, 'meta[property="og:site_name"]'),
    canonicalUrl: meta(doc, 'link[rel="canonical"]', 'href') ?? meta(doc, 'meta[property="og:url"]'),
    published: parsed.publishedTime ?? meta(doc, 'meta[property="article:published_time"]'),
  };
}
