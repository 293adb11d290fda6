/**
 * `npx tsx bench/search-cold.ts prepare`: generates the corpus, saves the index's bytes and the
 * articles a page's 40 claims read (with their terms as the index's ids, as CorpusStore stores
 * them) for the cold answering step's runs. Kept apart from bench/search-cold.ts, which is bundled
 * with older commits' search code too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export async function prepare(dir: string, size: number, k: number): Promise<void> {
  const { SearchIndex } = await import('../utils/search/index');
  const { createIndexRetriever } = await import('../utils/search/retriever');
  const { packSentences, passageText, sentencesOf } = await import('../utils/search/passages');
  const { packTerms } = await import('../utils/search/termseq');
  const { generateArticle, generateClaims } = await import('./corpus/generate');
  mkdirSync(dir, { recursive: true });
  const t = performance.now();
  const ix = SearchIndex.create();
  const articles = new Map<number, { id: number; url: string; outlet: string; title: string; published: string | null; text: string; terms?: number[] }>();
  for (let i = 0; i < size; i++) {
    const a = generateArticle(i);
    const row = { id: i + 1, url: a.url, outlet: a.outlet ?? '', title: a.title ?? '', published: a.published ?? null, text: a.text ?? '' };
    // Stored rows carry their terms as the index's ids, given before the article is added (as CorpusStore does).
    const passage = passageText(row);
    articles.set(row.id, { ...row, terms: [...packTerms(ix, row.title, row.text, sentencesOf(passage)).packed] });
    ix.add(row);
  }
  const bytes = ix.toBytes();
  writeFileSync(path.join(dir, 'index.bin'), bytes);
  const claims = generateClaims(size, 40, undefined, 1);
  const read = new Set<number>();
  const r = createIndexRetriever(SearchIndex.fromBytes(bytes), async (ids) =>
    ids.map((id) => {
      read.add(id);
      const a = articles.get(id);
      return a && { ...a, sentences: packSentences(passageText(a)), terms: a.terms && Uint8Array.from(a.terms) };
    }),
  );
  await r.searchMany!(claims.map((text) => ({ text })), { k });
  const rows = [...read].map((id) => articles.get(id)!);
  writeFileSync(path.join(dir, 'articles.json'), JSON.stringify({ claims, rows }));
  console.log(`${size} articles indexed and saved in ${((performance.now() - t) / 1000).toFixed(1)} s; ${rows.length} articles read by the batch; in ${dir}`);
}

