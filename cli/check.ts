import { readFile } from 'node:fs/promises';
import { parseArgs, UsageError, type Command } from './io';
import { loadCorpusFile } from './corpus-file';
import { readPageText } from './page-text';
import { createMemoryRetriever, type StoredArticle } from '../utils/search/retriever';
import type { CheckedClaim } from '../utils/types';
import { pageNames } from '../utils/story-names';
import { copySignature, linkCopies } from '../utils/syndication';
import { checkText, type CheckOptions, type PageInfo } from '../utils/pipeline';
import { defaultSteps } from '../utils/steps';
import { outletFromUrl } from '../utils/url';

/**
 * `check --corpus FILE.jsonl PAGE`: cross-checks the claims of a page (.html or .txt) against a
 * corpus file and prints one JSON object with every claim, its verdict and its outlets.
 */
export const run: Command = async (args, io) => {
  const { options, positional } = parseArgs(args, ['corpus', 'sensitivity', 'outlet', 'url']);
  const corpusPath = options.corpus;
  if (typeof corpusPath !== 'string') throw new UsageError('check needs --corpus FILE.jsonl');
  if (positional.length !== 1) throw new UsageError('check needs exactly one PAGE (.html or .txt)');
  const pagePath = positional[0];
  if (!/\.(html?|txt)$/i.test(pagePath)) throw new UsageError(`PAGE must be an .html or .txt file: ${pagePath}`);
  const sensitivity = options.sensitivity === undefined ? undefined : Number(options.sensitivity);
  if (sensitivity !== undefined && !(sensitivity >= 0 && sensitivity <= 1)) throw new UsageError('--sensitivity takes a number from 0 to 1');

  const articles = await loadCorpusFile(corpusPath, (msg) => io.err(msg));
  const page = await readPage(pagePath);
  const url = typeof options.url === 'string' ? options.url : page.url;
  const outlet = typeof options.outlet === 'string' ? options.outlet : (page.siteName ?? (url ? safeOutlet(url) : null));
  const claims = await checkAgainst(articles, page.text, { url, outlet }, { sensitivity });
  io.out(
    JSON.stringify({
      claims: claims.map((c) => ({
        text: c.text,
        start: c.start,
        end: c.end,
        verdict: c.verdict,
        outlets: c.outlets.map((o) => ({
          outlet: o.outlet,
          stance: o.stance,
          url: o.url,
          published: o.published,
          evidence: o.evidence,
          confidence: Number(o.confidence.toFixed(3)),
          ...(o.sameOutlet ? { sameOutlet: true } : {}),
          ...(o.copies.length ? { copies: o.copies } : {}),
          ...(o.copyOf ? { copyOf: o.copyOf } : {}),
        })),
      })),
    }),
  );
  return 0;
};

/** Reads a page file: .txt as it is, .html through article extraction. */
export async function readPage(pagePath: string): Promise<{ text: string; url: string | null; siteName: string | null }> {
  if (/\.txt$/i.test(pagePath)) {
    const text = await readFile(pagePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot read ${pagePath}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    return { text, url: null, siteName: null };
  }
  return readPageText(pagePath);
}

/** Cross-checks a text against an in-memory corpus, with syndicated copies linked. */
export async function checkAgainst(articles: StoredArticle[], text: string, page: PageInfo, opts: CheckOptions = {}): Promise<CheckedClaim[]> {
  // Each text's signature once: for linking copies, and for leaving out copies of the page.
  const signed = articles.map((a) => ({ ...a, signature: copySignature(a.text) }));
  const copies = linkCopies(signed);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const stored = signed.map((a) => {
    const original = copies.get(a.id);
    return original === undefined ? a : { ...a, copyOf: original, copyOfOutlet: byId.get(original)?.outlet };
  });
  const retriever = createMemoryRetriever(stored);
  // As in the extension: stored copies of the page's own text are the page, not evidence for it.
  return checkText(text, defaultSteps((query, o) => retriever.search(query, o)), { signature: copySignature(text), names: pageNames(text), ...page }, opts);
}

function safeOutlet(url: string): string | null {
  try {
    return outletFromUrl(url);
  } catch {
    return null;
  }
}
