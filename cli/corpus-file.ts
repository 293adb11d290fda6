/**
 * Reads a corpus file in the product's JSON Lines article format for the command line:
 * `{"url", "outlet"?, "title"?, "published"?, "text"?, "html"?}` per line. Articles get ids in line
 * order (the first line is id 0); a line that cannot be used is reported with its number and
 * skipped; a file that cannot be read is an error.
 */
import { open } from 'node:fs/promises';
import { elementText, extractArticle } from '../utils/extract';
import type { StoredArticle } from '../utils/search/retriever';
import { outletFromUrl } from '../utils/url';

type HtmlToText = (html: string) => { text: string; title: string };

let htmlToText: HtmlToText | null = null;

/** Article text from HTML (the main article where one can be found, else all of the body's text). */
async function loadHtmlToText(): Promise<HtmlToText> {
  if (htmlToText) return htmlToText;
  const { parseHTML } = await import('linkedom');
  htmlToText = (html: string) => {
    const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
    const doc = document as unknown as Document;
    let article: ReturnType<typeof extractArticle> = null;
    try {
      article = extractArticle(doc);
    } catch {
      article = null;
    }
    if (article) return { text: article.text, title: article.title };
    const title = doc.querySelector('title')?.textContent?.trim() ?? '';
    return { text: doc.body ? elementText(doc.body) : '', title };
  };
  return htmlToText;
}

function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s));
}

/**
 * Checks one parsed line and turns it into an article, or says what is wrong with it.
 * (A minimal parser of the interchange format for the command line.)
 */
async function toArticle(value: unknown, id: number): Promise<StoredArticle | string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const o = value as Record<string, unknown>;
  if (typeof o.url !== 'string' || !o.url.trim()) return 'missing "url"';
  const url = o.url.trim();
  for (const f of ['outlet', 'title', 'published', 'text', 'html']) {
    if (o[f] !== undefined && o[f] !== null && typeof o[f] !== 'string') return `"${f}" must be a string`;
  }
  let text = typeof o.text === 'string' ? o.text : '';
  let title = typeof o.title === 'string' ? o.title.trim() : '';
  if (!text.trim() && typeof o.html === 'string' && o.html.trim()) {
    const fromHtml = (await loadHtmlToText())(o.html);
    text = fromHtml.text;
    if (!title) title = fromHtml.title;
  }
  if (!text.trim()) return 'no "text" or "html" with text in it';
  const outlet = typeof o.outlet === 'string' && o.outlet.trim() ? o.outlet.trim() : outletFromUrl(url);
  if (!outlet) return `cannot tell the outlet from the url "${url}"`;
  let published: string | null = null;
  if (typeof o.published === 'string' && o.published.trim()) {
    if (!isIsoDate(o.published.trim())) return `"published" is not an ISO-8601 date: ${JSON.stringify(o.published)}`;
    published = o.published.trim();
  }
  return { id, url, outlet, title, published, text };
}

/**
 * Loads a JSON Lines corpus file. Ids follow line order (blank lines keep their number, so an id is
 * the line number minus one). Bad lines are reported through `err` and skipped.
 * Throws an Error when the file cannot be read.
 */
export async function loadCorpusFile(path: string, err: (msg: string) => void = () => {}): Promise<StoredArticle[]> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new Error(`cannot read corpus file ${path}: ${why}`);
  }
  const articles: StoredArticle[] = [];
  let lineNo = 0;
  try {
    for await (const raw of handle.readLines({ encoding: 'utf8' })) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        err(`${path}:${lineNo}: not valid JSON (${(e as Error).message}); line skipped`);
        continue;
      }
      const a = await toArticle(value, lineNo - 1);
      if (typeof a === 'string') err(`${path}:${lineNo}: ${a}; line skipped`);
      else articles.push(a);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot read corpus file ${path}: ${code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  } finally {
    await handle.close().catch(() => {});
  }
  return articles;
}
