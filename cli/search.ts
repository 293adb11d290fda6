/**
 * `search --corpus FILE.jsonl --k N`: evidence for each JSON line `{"id","text"}` on standard input,
 * printed as `{"id","hits":[{"url","outlet","score","passage"}]}`, best first, one hit per article.
 */
import { loadCorpusFile } from './corpus-file';
import { forEachJsonLine, parseArgs, UsageError, type Command } from './io';
import { createMemoryRetriever } from '../utils/search/retriever';

export const run: Command = async (args, io) => {
  const { options, positional } = parseArgs(args, ['corpus', 'k']);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const corpus = options.corpus;
  if (typeof corpus !== 'string') throw new UsageError('search needs --corpus FILE.jsonl');
  let k = 10;
  if (options.k !== undefined) {
    k = Number(options.k);
    if (typeof options.k !== 'string' || !Number.isInteger(k) || k < 1) throw new UsageError('--k must be a whole number of at least 1');
  }
  const articles = await loadCorpusFile(corpus, io.err);
  const retriever = createMemoryRetriever(articles);
  const bad = await forEachJsonLine(io, 'search', ['text'], async (item) => {
    const hits = await retriever.search({ text: item.text }, { k });
    io.out(
      JSON.stringify({
        id: item.id,
        hits: hits.map((h) => ({ url: h.url, outlet: h.outlet, score: h.score, passage: h.passage })),
      }),
    );
  });
  return bad ? 1 : 0;
};
