import demoCorpus from '../../demo/corpus.jsonl?raw';
import { parseJsonLines } from '@/utils/import/jsonl';
import type { CorpusArticle } from '@/utils/types';
import type { CorpusStore } from '@/utils/extension/corpus-store';

/**
 * The demo corpus's first-run load, the reader's removal and reload, one after another per
 * store: a removal asked for while the first-run load is still storing articles (the options
 * page opened right after install) waits for it, and is not undone by it.
 */
const demoWork = new WeakMap<CorpusStore, Promise<unknown>>();
function oneAtATime<T>(store: CorpusStore, work: () => Promise<T>): Promise<T> {
  const run = (demoWork.get(store) ?? Promise.resolve()).then(work, work);
  demoWork.set(store, run.catch(() => undefined));
  return run;
}

/** Loads the demo corpus shipped with the extension; returns the number of articles added. */
export function loadDemoCorpus(store: CorpusStore): Promise<number> {
  return oneAtATime(store, () => addDemoCorpus(store));
}

async function addDemoCorpus(store: CorpusStore): Promise<number> {
  const articles: CorpusArticle[] = [];
  for await (const item of parseJsonLines([demoCorpus])) {
    if ('article' in item) articles.push(item.article);
    else console.warn(`Crosscheck: demo corpus line ${item.line}: ${item.error}`);
  }
  const { added } = await store.addArticles(articles, 'demo');
  await store.db.meta.put({ key: 'demoCorpus', value: 'loaded' });
  return added;
}

/** Loads the demo corpus unless it was loaded before or the reader removed it. */
export function ensureDemoCorpus(store: CorpusStore): Promise<void> {
  return oneAtATime(store, async () => {
    const state = await store.db.meta.get('demoCorpus');
    if (!state) await addDemoCorpus(store);
  });
}

/** Removes the demo corpus's articles, and remembers that the reader removed it (it is not loaded again by itself). */
export function removeDemoCorpus(store: CorpusStore): Promise<number> {
  return oneAtATime(store, async () => {
    const removed = await store.removeSource('demo');
    await store.db.meta.put({ key: 'demoCorpus', value: 'removed' });
    return removed;
  });
}

/**
 * Texts of our own for readying the claim spotter (see readySpotter in the background): the
 * paragraphs of the demo corpus's articles, which ship with the extension whether or not the
 * reader kept the demo corpus, in pieces of a few paragraphs (at most about `piece` characters
 * each), `chars` characters in all.
 */
export function warmUpTexts(chars: number, piece = 1_500): string[] {
  const pieces: string[] = [];
  let total = 0;
  let current = '';
  for (const line of demoCorpus.split('\n')) {
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown }).text;
    } catch {
      continue; // not a JSON line: no text to warm up on
    }
    if (typeof text !== 'string') continue;
    for (const paragraph of text.split('\n\n')) {
      if (total >= chars) break;
      const p = paragraph.slice(0, chars - total);
      total += p.length;
      if (current && current.length + 2 + p.length > piece) {
        pieces.push(current);
        current = '';
      }
      current = current ? `${current}\n\n${p}` : p;
    }
    if (total >= chars) break;
  }
  if (current) pieces.push(current);
  return pieces;
}
