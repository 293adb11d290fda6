import demoCorpus from '../../demo/corpus.jsonl?raw';
import { parseJsonLines } from '@/utils/import/jsonl';
import type { CorpusArticle } from '@/utils/types';
import type { CorpusStore } from '@/utils/extension/corpus-store';

/** Loads the demo corpus shipped with the extension; returns the number of articles added. */
export async function loadDemoCorpus(store: CorpusStore): Promise<number> {
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
export async function ensureDemoCorpus(store: CorpusStore): Promise<void> {
  const state = await store.db.meta.get('demoCorpus');
  if (state) return;
  await loadDemoCorpus(store);
}
