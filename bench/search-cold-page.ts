/**
 * The page side of `bench/search-cold.ts --browser`: `prepare` reads the prepared index and
 * articles from its server; `run` times a page's claims answered with `searchMany` (the search
 * code's first run in this browser).
 */
import { SearchIndex } from '../utils/search/index';
import { createIndexRetriever, type Retriever } from '../utils/search/retriever';
import { packSentences, passageText } from '../utils/search/passages';

let ready: { retriever: Retriever; claims: string[] } | null = null;

async function prepare(): Promise<void> {
  const bytes = new Uint8Array(await (await fetch('/index.bin')).arrayBuffer());
  const { claims, rows } = (await (await fetch('/articles.json')).json()) as {
    claims: string[];
    rows: { id: number; url: string; outlet: string; title: string; published: string | null; text: string; terms?: number[] }[];
  };
  // Stored rows carry their sentence offsets and terms as ids (worked out at ingestion, not timed).
  const byId = new Map(rows.map((a) => [a.id, { ...a, sentences: packSentences(passageText(a)), terms: a.terms && Uint8Array.from(a.terms) }]));
  const index = SearchIndex.fromBytes(bytes);
  ready = { retriever: createIndexRetriever(index, async (ids) => ids.map((id) => byId.get(id))), claims };
}

async function run(k: number): Promise<{ ms: number; answers: string; hits: number }> {
  const { retriever, claims } = ready!;
  const t = performance.now();
  const answers = await retriever.searchMany!(claims.map((text) => ({ text })), { k });
  const ms = performance.now() - t;
  return { ms, answers: JSON.stringify(answers), hits: answers.reduce((n, h) => n + h.length, 0) };
}

(globalThis as unknown as { searchCold: unknown }).searchCold = { prepare, run };
