// Export → clear → import gives the corpus back exactly: every article field for field (ids aside),
// the syndication links between them, and the same answers to searches. Through the real store and
// the options page's export and import code, over fake IndexedDB.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDb, type CrosscheckDb } from '@/utils/extension/db';
import { CorpusStore } from '@/utils/extension/corpus-store';
import { parseJsonLines, serializeJsonLines } from '@/utils/import/jsonl';
import type { CorpusArticle } from '@/utils/types';
import { exportCorpus, importFile, type SendBatch } from './import-file';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file));

async function articlesOf(data: Uint8Array): Promise<CorpusArticle[]> {
  const out: CorpusArticle[] = [];
  for await (const r of parseJsonLines([data])) if ('article' in r) out.push(r.article);
  return out;
}

/** Every article as the reader sees it: its fields, and the URL of the story it copies. */
async function corpus(db: CrosscheckDb) {
  const rows = await db.articles.orderBy(':id').toArray();
  const urlOf = new Map(rows.map((r) => [r.id, r.url]));
  return rows.map((r) => ({
    url: r.url,
    canonicalUrl: r.canonicalUrl,
    outlet: r.outlet,
    title: r.title,
    published: r.published,
    text: r.text,
    signature: r.signature,
    copyOf: r.copyOf === undefined ? null : urlOf.get(r.copyOf),
    copyOfOutlet: r.copyOfOutlet ?? null,
  }));
}

const QUERIES = [
  'The army launched a ground offensive to retake the Sarrow Valley',
  'fire at the National Library destroyed about 30,000 volumes',
  'the central bank raised interest rates',
  'floods in the Amber Delta',
  'harbour council vote on Tuesday',
];

/** The answers to a few queries: outlet, address, passage and score of each hit. */
async function answers(store: CorpusStore) {
  return Promise.all(
    QUERIES.map(async (text) => (await store.search({ text }, { k: 8 })).map((h) => `${h.outlet} ${h.url} ${h.score.toFixed(6)} ${h.passage}`)),
  );
}

describe('export, clear, import', () => {
  it('gives the corpus back exactly', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = openDb('round-trip');
    const store = new CorpusStore(db);
    const send: SendBatch = async (articles, checkpoint) => ({ ok: true, value: await store.addArticles(articles, 'import', checkpoint) });

    // A corpus grown every way: the demo, an imported file, articles captured while reading
    // (with the untidy fields pages give), a syndicated copy, and some removals.
    await store.addArticles(await articlesOf(read('demo/corpus.jsonl')), 'demo');
    const imported = await importFile(new File([read('demo/import/library-fire.jsonl')], 'library-fire.jsonl'), () => {}, { send, batchArticles: 2, finished: async () => {} });
    expect(imported.stopped).toBeUndefined();
    const demo = await db.articles.where('source').equals('demo').toArray();
    const wire = demo[3];
    const captured: CorpusArticle[] = [
      { url: 'https://herald.example/news/copy-of-wire', outlet: 'The Herald', title: `  ${wire.title}  `, published: '2026-12-01T09:00:00+02:00', text: `${wire.text.replace(/\n/g, '\r\n')}\r\n\r\n(Reporting by ${wire.outlet})` },
      { url: 'https://ledger.example/harbour', outlet: 'Ledger', title: 'Harbour vote', published: '2026-10-24 at noon', text: 'The harbour council voted on Tuesday to rebuild the north pier. '.repeat(8) },
      { url: 'https://ledger.example/undated', outlet: 'Ledger', title: '', published: null, text: '  Undated piece about the harbour council and its budget for the coming year, with figures.  '.repeat(5) },
    ];
    for (const page of captured) expect(await store.captureArticle(page)).toBe(true);
    await store.compact();
    await store.removeArticles([demo[0].id, demo[10].id]);

    const before = await corpus(db);
    const answersBefore = await answers(store);
    expect(before.length).toBe(38 - 2 + 5 + 3);
    expect(before.filter((a) => a.copyOf).length).toBeGreaterThan(0);
    expect(before.find((a) => a.url === captured[0].url)?.copyOf).toBeTruthy();
    expect(answersBefore.flat().length).toBeGreaterThan(10);

    // Export (in pages of 7), then clear the corpus.
    const blob = await exportCorpus(
      (articles) => [...serializeJsonLines(articles)],
      async (afterId, limit) => ({ ok: true, value: await store.exportPage(afterId, limit) }),
      7,
    );
    const file = new File([blob], 'crosscheck-corpus.jsonl');
    const ids = (await db.articles.toCollection().primaryKeys()) as number[];
    expect(await store.removeArticles(ids)).toBe(before.length);
    expect(await store.size()).toEqual({ articles: 0, outlets: 0 });
    expect((await answers(store)).flat()).toEqual([]);

    // Import the export.
    const result = await importFile(file, () => {}, { send, batchArticles: 10, finished: async () => {} });
    expect(result).toMatchObject({ added: before.length, duplicates: 0, errors: [] });
    expect(result.stopped).toBeUndefined();

    expect(await corpus(db)).toEqual(before);
    expect(await answers(store)).toEqual(answersBefore);
    // A woken worker, loading the saved index, answers the same.
    await store.compact();
    expect(await answers(new CorpusStore(db))).toEqual(answersBefore);
    db.close();
    await db.delete();
  });
});
