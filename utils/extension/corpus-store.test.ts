import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type CrosscheckDb } from './db';
import { CorpusStore } from './corpus-store';
import type { CorpusArticle } from '../types';

const wire = `Government forces said on Tuesday they had taken full control of the Arven valley after three days of fighting,
a claim the resistance council rejected within hours. The defence ministry said troops had entered the district capital of Sorel
and raised the national flag over the governor's compound. Residents reached by telephone described heavy shelling overnight
and said many families had fled towards the northern passes. Aid agencies said they could not confirm the figures.`;

const article = (url: string, outlet: string, text: string, published = '2026-03-01'): CorpusArticle => ({ url, outlet, title: `${outlet} report`, published, text });

let db: CrosscheckDb;
let store: CorpusStore;
let n = 0;
beforeEach(() => {
  db = openDb(`test-${n++}`);
  store = new CorpusStore(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('CorpusStore', () => {
  it('stores a batch, finds evidence in it, and persists the index with the articles', async () => {
    const result = await store.addArticles(
      [
        article('https://ledger.example/valley', 'Ledger', wire),
        article('https://post.example/bank', 'Post', 'The central bank left its main interest rate unchanged on Thursday, citing slowing inflation and weak demand.'),
      ],
      'import',
    );
    expect(result).toEqual({ added: 2, duplicates: 0, copies: 0 });
    const hits = await store.search({ text: 'troops took control of the Arven valley' }, { k: 5 });
    expect(hits[0].outlet).toBe('Ledger');
    expect(hits[0].passage).toMatch(/Arven valley|control/);

    // A fresh store on the same database (a woken service worker) loads the saved index.
    const woken = new CorpusStore(db);
    expect((await woken.search({ text: 'central bank interest rate' }, { k: 5 }))[0].outlet).toBe('Post');
  });

  it('stores the same article at two URLs once', async () => {
    await store.addArticles([article('https://www.ledger.example/valley?utm_source=x', 'Ledger', wire)], 'import');
    const again = await store.addArticles(
      [article('https://ledger.example/valley', 'Ledger', wire), article('https://ledger.example/valley#top', 'Ledger', wire)],
      'import',
    );
    expect(again).toEqual({ added: 0, duplicates: 2, copies: 0 });
    expect((await store.size()).articles).toBe(1);
  });

  it('links a syndicated copy to the earlier story from another outlet', async () => {
    await store.addArticles([article('https://wire.example/a', 'Wire', wire, '2026-03-01')], 'import');
    const result = await store.addArticles([article('https://herald.example/b', 'Herald', wire + ' (Reporting by Wire)', '2026-03-02')], 'import');
    expect(result.copies).toBe(1);
    const hits = await store.search({ text: 'Arven valley control' }, { k: 5 });
    const herald = hits.find((h) => h.outlet === 'Herald');
    expect(herald?.copyOfOutlet).toBe('Wire');
  });

  it('leaves the page\'s own article out of its evidence', async () => {
    await store.addArticles([article('https://ledger.example/valley', 'Ledger', wire)], 'import');
    expect(await store.search({ text: 'Arven valley' }, { k: 5, excludeUrl: 'https://www.ledger.example/valley?utm_medium=social' })).toEqual([]);
  });

  it('rolls back a whole batch that cannot be stored and keeps earlier batches', async () => {
    await store.addArticles([article('https://ledger.example/1', 'Ledger', wire)], 'import');
    const bad = { ...article('https://post.example/2', 'Post', wire), url: 'javascript:alert(1)' };
    await expect(store.addArticles([article('https://post.example/3', 'Post', 'A fine article about the harbour.'), bad], 'import')).rejects.toThrow();
    expect((await store.size()).articles).toBe(1);
    expect(await store.search({ text: 'harbour' }, { k: 5 })).toEqual([]);
  });

  it('removes by source and by outlet, with the index', async () => {
    await store.addArticles([article('https://ledger.example/1', 'Ledger', wire)], 'demo');
    await store.addArticles([article('https://post.example/2', 'Post', 'The harbour bridge reopened after repairs lasting two years.')], 'import');
    expect(await store.removeSource('demo')).toBe(1);
    expect(await store.search({ text: 'Arven valley' }, { k: 5 })).toEqual([]);
    expect(await store.removeOutlet('Post')).toBe(1);
    expect(await store.size()).toEqual({ articles: 0, outlets: 0 });
  });

  it('exports every article page by page', async () => {
    await store.addArticles(
      Array.from({ length: 5 }, (_, i) => article(`https://ledger.example/${i}`, 'Ledger', `Story number ${i} about the harbour.`)),
      'import',
    );
    const first = await store.exportPage(0, 3);
    const second = await store.exportPage(first.lastId!, 3);
    expect(first.articles).toHaveLength(3);
    expect(second.articles.map((a) => a.url)).toEqual(['https://ledger.example/3', 'https://ledger.example/4']);
    expect((await store.exportPage(second.lastId!, 3)).lastId).toBeNull();
  });

  it('gives statistics per outlet', async () => {
    await store.addArticles(
      [article('https://ledger.example/1', 'Ledger', wire, '2026-03-01'), article('https://ledger.example/2', 'Ledger', 'Harbour news.', '2026-03-04')],
      'import',
    );
    expect(await store.outletStats()).toEqual([{ outlet: 'Ledger', articles: 2, oldest: '2026-03-01', newest: '2026-03-04', copies: 0 }]);
  });
});
