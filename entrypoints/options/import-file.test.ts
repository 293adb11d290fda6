import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '@/utils/extension/db';
import { CorpusStore } from '@/utils/extension/corpus-store';
import type { ImportState } from '@/utils/extension/messages';
import { checkMessage, LIMITS } from '@/utils/extension/message-checks';
import { fileKey, importFile, type SendBatch } from './import-file';

let n = 0;
const line = (i: number) =>
  JSON.stringify({ url: `https://daily${i % 2}.example/a/${i}`, outlet: `Daily ${i % 2}`, title: `Item ${i}`, published: '2026-01-02', text: `The town council of place${i} voted on item ${i} after a long debate about roads and schools.` });

/** A JSON Lines file of `count` articles with a bad line at each of `bad` (1-based line numbers). */
function jsonlFile(count: number, bad: number[] = [], name = 'feed.jsonl'): File {
  const lines: string[] = [];
  let i = 0;
  for (let ln = 1; lines.length < count + bad.length; ln++) lines.push(bad.includes(ln) ? '{broken' : line(i++));
  return new File([lines.join('\n') + '\n'], name, { lastModified: 1_000 });
}

async function stateOf(store: CorpusStore, file: File): Promise<ImportState | null> {
  return store.importState(fileKey(file));
}

describe('importFile: resuming after a restart', () => {
  it('resumes after the last stored batch, skipping the lines already stored, and ends with the same corpus', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const file = jsonlFile(23, [3, 12]);
    let calls = 0;
    // The browser "closes" while the third batch is being sent: it is never stored.
    const crashing: SendBatch = async (articles, checkpoint) => {
      if (++calls === 3) throw new Error('the browser closed');
      return { ok: true, value: await store.addArticles(articles, 'import', checkpoint) };
    };
    await expect(importFile(file, () => {}, { send: crashing, batchArticles: 5, finished: async () => {} })).rejects.toThrow('the browser closed');
    const saved = await stateOf(store, file);
    expect(saved).toMatchObject({ added: 10, errorCount: 1, errors: [{ line: 3 }] });
    expect(saved!.line).toBe(11); // ten articles and the bad line 3
    expect((await store.size()).articles).toBe(10);

    // After the restart: the same file (same name, size, date) is picked again.
    const sent: number[] = [];
    const send: SendBatch = async (articles, checkpoint) => {
      sent.push(articles.length);
      return { ok: true, value: await store.addArticles(articles, 'import', checkpoint) };
    };
    const result = await importFile(file, () => {}, { send, resume: saved, batchArticles: 5, finished: (key) => store.forgetImport(key) });
    expect(result.stopped).toBeUndefined();
    expect(result).toMatchObject({ added: 23, duplicates: 0, resumedAfterLine: 11 });
    expect(result.errors.map((e) => e.line)).toEqual([3, 12]);
    expect(sent).toEqual([5, 5, 3]);
    expect((await store.size()).articles).toBe(23);
    expect(await stateOf(store, file)).toBeNull();
    db.close();
  });

  it('starts over when told to, and ignores a checkpoint saved for another file', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const file = jsonlFile(6);
    const send: SendBatch = async (articles, checkpoint) => ({ ok: true, value: await store.addArticles(articles, 'import', checkpoint) });
    const other = { fileKey: 'other.jsonl|1|1', name: 'other.jsonl', line: 4, bytesRead: 0, added: 4, duplicates: 0, copies: 0, errors: [], errorCount: 0, updatedAt: 0 };
    const result = await importFile(file, () => {}, { send, resume: other, batchArticles: 4, finished: async () => {} });
    expect(result).toMatchObject({ added: 6 });
    expect(result.resumedAfterLine).toBeUndefined();
    db.close();
  });

  it('stops on cancel, keeping the checkpoint to resume from', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const file = jsonlFile(12);
    const controller = new AbortController();
    const send: SendBatch = async (articles, checkpoint) => {
      const value = await store.addArticles(articles, 'import', checkpoint);
      controller.abort();
      return { ok: true, value };
    };
    const result = await importFile(file, () => {}, { send, signal: controller.signal, batchArticles: 4, finished: async () => {} });
    expect(result.stopped).toMatch(/cancelled/);
    const saved = await stateOf(store, file);
    expect(saved?.line).toBeGreaterThanOrEqual(4);
    const rest = await importFile(file, () => {}, { send: async (a, c) => ({ ok: true, value: await store.addArticles(a, 'import', c) }), resume: saved, batchArticles: 4, finished: async () => {} });
    expect(rest.added).toBe(12);
    expect(rest.duplicates).toBe(0);
    db.close();
  });

  it('resumes a CSV file by record line, keeping its header', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const rows = Array.from({ length: 7 }, (_, i) => `https://csv.example/${i},Csv Times,Title ${i},2026-02-0${i + 1},"Text of article ${i}, about the ""river"" works in town${i}."`);
    const file = new File([`url,outlet,title,published,text\n${rows.join('\n')}\n`], 'feed.csv', { lastModified: 7 });
    const send: SendBatch = async (articles, checkpoint) => ({ ok: true, value: await store.addArticles(articles, 'import', checkpoint) });
    await store.addArticles([], 'import', { fileKey: fileKey(file), name: file.name, size: file.size, lastModified: 7, line: 4, bytesRead: 0, errors: [] });
    const saved = await stateOf(store, file);
    const result = await importFile(file, () => {}, { send, resume: saved, batchArticles: 10, finished: async () => {} });
    expect(result.added).toBe(4); // records on lines 5 to 8
    expect((await db.articles.toArray()).map((r) => r.url)).toEqual([3, 4, 5, 6].map((i) => `https://csv.example/${i}`));
    db.close();
  });

  it('sends a long run of bad lines in checkpoints a message may carry, and counts every one', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const bad = Array.from({ length: 2 * LIMITS.checkpointErrors + 500 }, (_, i) => i + 2);
    const file = jsonlFile(2, bad);
    const sent: { articles: number; errors: number }[] = [];
    const send: SendBatch = async (articles, checkpoint) => {
      sent.push({ articles: articles.length, errors: checkpoint.errors.length });
      expect(checkMessage('importBatch', { articles, checkpoint })).toBeNull();
      return { ok: true, value: await store.addArticles(articles, 'import', checkpoint) };
    };
    const result = await importFile(file, () => {}, { send, batchArticles: 500, finished: async () => {} });
    expect(result.stopped).toBeUndefined();
    expect(result.added).toBe(2);
    expect(result.errors).toHaveLength(bad.length);
    expect(sent).toEqual([
      { articles: 1, errors: LIMITS.checkpointErrors },
      { articles: 0, errors: LIMITS.checkpointErrors },
      { articles: 1, errors: 500 },
    ]);
    expect((await stateOf(store, file))?.errorCount).toBe(bad.length);
    db.close();
  });
});
