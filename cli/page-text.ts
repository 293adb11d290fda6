import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { elementText, extractArticle } from '../utils/extract';

/** A page's article text and what the page says about itself. */
export interface PageText {
  /** The article's main text (paragraphs separated by a blank line); a .txt file as it is. */
  text: string;
  title: string;
  /** The outlet's name from the page (og:site_name), if it gives one. */
  siteName: string | null;
  /** The page's address from <link rel=canonical> or og:url, if it gives one. */
  url: string | null;
}

/**
 * Reads a page file for the command line: `.txt` is taken as it is; `.html`/`.htm` goes through
 * the same article extraction as the extension (Mozilla Readability over a linkedom DOM), so the
 * offsets printed by the CLI are offsets into the same text the extension would see.
 */
export async function readPageText(path: string): Promise<PageText> {
  const raw = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'is a folder' : error.code === 'EACCES' ? 'permission denied' : error.message;
    throw new Error(`cannot read ${path}: ${why}`);
  });
  if (!/\.html?$/i.test(path)) {
    const firstLine = raw.split('\n', 1)[0].trim();
    return { text: raw, title: firstLine.length <= 200 ? firstLine : '', siteName: null, url: null };
  }
  return pageTextFromHtml(raw);
}

/** Article text and page facts from an HTML string. */
export function pageTextFromHtml(html: string): PageText {
  const { document } = parseHTML(html);
  const meta = (selector: string, attr = 'content') => document.querySelector(selector)?.getAttribute(attr)?.trim() || null;
  const url = meta('link[rel="canonical"]', 'href') ?? meta('meta[property="og:url"]');
  let article = null;
  try {
    article = extractArticle(document as unknown as Document);
  } catch {
    article = null; // fall back to the body's text below
  }
  if (article) return { text: article.text, title: article.title, siteName: article.siteName, url: article.canonicalUrl ?? url };
  const body = document.body as unknown as Element | null;
  return {
    text: body ? elementText(body) : '',
    title: (meta('meta[property="og:title"]') ?? document.title ?? '').trim(),
    siteName: meta('meta[property="og:site_name"]'),
    url,
  };
}
