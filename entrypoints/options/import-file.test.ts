import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
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

  it('counts every bad line of the run it resumes, beyond the 200 saved with the checkpoint', async () => {
    const bad = Array.from({ length: 300 }, (_, i) => i + 1);
    const file = jsonlFile(40, bad);
    // Uninterrupted.
    const db0 = openDb(`import-${n++}`);
    const whole = await importFile(file, () => {}, { send: sendTo(new CorpusStore(db0)), batchArticles: 10, finished: async () => {} });
    expect(whole.skipped).toBe(300);
    db0.close();
    // Cancelled once its first batch (with the 300 bad lines before it) is stored, then resumed.
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const cancel = new AbortController();
    const first = await importFile(file, () => {}, {
      send: async (articles, checkpoint) => {
        const answer = await sendTo(store)(articles, checkpoint);
        cancel.abort();
        return answer;
      },
      signal: cancel.signal,
      batchArticles: 10,
      finished: async () => {},
    });
    expect(first.stopped).toMatch(/cancelled/);
    const saved = await stateOf(store, file);
    expect(saved?.errorCount).toBe(300);
    expect(saved?.errors).toHaveLength(200);
    const seen: number[] = [];
    const resumed = await importFile(file, (p) => seen.push(p.skipped), { send: sendTo(store), resume: saved, batchArticles: 10, finished: async () => {} });
    expect(resumed).toMatchObject({ added: 40, skipped: 300, resumedAfterLine: saved!.line });
    expect(seen.every((s) => s === 300)).toBe(true);
    db.close();
  });
});

/** Sends batches to a store as the background does: a thrown error becomes the answer's message. */
const sendTo = (store: CorpusStore): SendBatch => async (articles, checkpoint) => {
  try {
    return { ok: true, value: await store.addArticles(articles, 'import', checkpoint) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
};

describe('importFile: faults and bad files', () => {
  it('stops on a full disk with a clear message, keeps every stored article and the checkpoint, and resumes once there is room', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const file = jsonlFile(23);
    const bulkAdd = db.articles.bulkAdd.bind(db.articles);
    let calls = 0;
    let full = true;
    let afterTwo: unknown = null;
    vi.spyOn(db.articles, 'bulkAdd').mockImplementation((async (...args: Parameters<typeof bulkAdd>) => {
      const ids = await bulkAdd(...args);
      if (++calls === 3 && full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return ids;
    }) as never);
    const send: SendBatch = async (articles, checkpoint) => {
      if (calls === 2 && afterTwo === null) afterTwo = await db.articles.toArray();
      return sendTo(store)(articles, checkpoint);
    };
    const result = await importFile(file, () => {}, { send, batchArticles: 5, finished: async () => {} });
    expect(result.stopped).toBe(
      'The disk is full: the last batch was not stored; the 10 articles stored so far are kept. Free some disk space, then pick the same file again to resume after line 10.',
    );
    expect(await db.articles.toArray()).toEqual(afterTwo);
    const saved = await stateOf(store, file);
    expect(saved).toMatchObject({ line: 10, added: 10 });

    full = false;
    const rest = await importFile(file, () => {}, { send: sendTo(store), resume: saved, batchArticles: 5, finished: (key) => store.forgetImport(key) });
    expect(rest).toMatchObject({ added: 23, duplicates: 0, resumedAfterLine: 10 });
    expect(rest.stopped).toBeUndefined();
    const urls = (await db.articles.toArray()).map((r) => r.url);
    expect(urls).toHaveLength(23);
    expect(new Set(urls).size).toBe(23);
    vi.restoreAllMocks();
    db.close();
  });

  it('says the background stopped when a batch gets no answer, and where to resume', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const file = jsonlFile(12);
    let calls = 0;
    const send: SendBatch = async (articles, checkpoint) =>
      ++calls === 2
        ? { ok: false, error: 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received' }
        : sendTo(store)(articles, checkpoint);
    const result = await importFile(file, () => {}, { send, batchArticles: 5, finished: async () => {} });
    expect(result.stopped).toBe(
      "Import stopped: the extension's background stopped while storing a batch; the 5 articles stored so far are kept. Pick the same file again to resume after the last stored batch.",
    );
    expect((await stateOf(store, file))?.line).toBe(5);
    db.close();
  });

  it('stops at a binary part of the file after storing the articles before it', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const good = Array.from({ length: 7 }, (_, i) => line(i)).join('\n');
    const file = new File([`${good}\n{"url":\u0000\u0001}\n${line(50)}\n`], 'feed.jsonl', { lastModified: 3 });
    const forgotten: string[] = [];
    const result = await importFile(file, () => {}, { send: sendTo(store), batchArticles: 5, finished: async (key) => void forgotten.push(key) });
    expect(result.stopped).toBe(
      'Import of feed.jsonl stopped at line 8: this looks like a binary file, not JSON Lines text (a NUL byte on line 8); the rest of the file was not read. If it is UTF-16 text, save it as UTF-8 and import it again. The 7 articles before it were stored.',
    );
    expect(result.fileProblem).toBeUndefined();
    expect(result.errors).toEqual([{ line: 8, error: expect.stringMatching(/^this looks like a binary file/) }]);
    expect(await db.articles.count()).toBe(7);
    expect(forgotten).toEqual([fileKey(file)]);
    db.close();
  });

  it('says "1 article" in the singular when a binary part stops the import after one', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    // One long article, so that the NUL byte comes after the first kilobyte the file is first checked by.
    const long = JSON.stringify({ url: 'https://daily0.example/long', title: 'Long', text: 'The council met. '.repeat(100) });
    const file = new File([`${long}\n{"url":\u0000}\n`], 'feed.jsonl', { lastModified: 3 });
    const result = await importFile(file, () => {}, { send: sendTo(store), finished: async () => {} });
    expect(result.stopped).toMatch(/\. The 1 article before it was stored\.$/);
    db.close();
  });

  it.each([
    { name: 'a UTF-16 file', data: new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x7d, 0, 0x0a, 0]), message: /^Could not import feed\.jsonl: the file is UTF-16 text, not UTF-8: save it as UTF-8 and import it again; the file was not read\. Nothing was stored\.$/ },
    { name: 'a gzip file', data: new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x4b, 0x4c]), message: /^Could not import feed\.jsonl: this is a gzip-compressed file, not JSON Lines text: decompress it first/ },
  ])('stops at once on $name, sending nothing', async ({ data, message }) => {
    let sent = 0;
    const result = await importFile(new File([data], 'feed.jsonl'), () => {}, { send: async () => (sent++, { ok: true, value: { added: 0, duplicates: 0, repeated: 0, copies: 0 } }), finished: async () => {} });
    expect(result.stopped).toMatch(message);
    expect(sent).toBe(0);
  });

  it('counts duplicates: repeated within the file apart from those already stored, across batches and a resume', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    // Already in the corpus before the import: article 2 (under another address variant).
    await store.addArticles([{ ...JSON.parse(line(2)), url: 'https://www.daily0.example/a/2?utm_source=feed' }], 'import');
    // Lines 1-6 are articles 0-5; line 7 repeats article 1, line 8 article 4 (a variant), line 9 article 2.
    const lines = [0, 1, 2, 3, 4, 5].map(line);
    lines.push(line(1), line(4).replace('https://daily0', 'https://m.daily0'), line(2), line(6));
    const file = new File([lines.join('\n')], 'feed.jsonl', { lastModified: 4 });
    let calls = 0;
    const send: SendBatch = async (articles, checkpoint) => {
      if (++calls === 2) throw new Error('the browser closed');
      return sendTo(store)(articles, checkpoint);
    };
    await expect(importFile(file, () => {}, { send, batchArticles: 4, finished: async () => {} })).rejects.toThrow('the browser closed');
    const saved = await stateOf(store, file);
    expect(saved).toMatchObject({ line: 4, added: 3, duplicates: 1, repeated: 0 });
    const result = await importFile(file, () => {}, { send: sendTo(store), resume: saved, batchArticles: 4, finished: async () => {} });
    // Lines 3 and 9 (article 2) were in the corpus before the import; lines 7 and 8 repeat the file's own.
    expect(result).toMatchObject({ added: 6, duplicates: 4, repeated: 2 });
    expect(await db.articles.count()).toBe(7);
    db.close();
  });
});

describe('importFile: spreadsheet exports', () => {
  const rows = ['url;outlet;title;text', 'https://zeitung.example/1;Zeitung;Haushalt;"Die Minister trafen sich am Montag; sie einigten sich auf einen Haushalt."', 'https://zeitung.example/2;Zeitung;Brücke;"Die Brücke wird gesperrt, sagte die Stadt."'];
  const semicolons = rows.join('\r\n') + '\r\n';

  it('imports a semicolon-separated CSV file', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const send: SendBatch = async (articles, checkpoint) => ({ ok: true, value: await store.addArticles(articles, 'import', checkpoint) });
    const result = await importFile(new File([semicolons], 'export.csv'), () => {}, { send, finished: async () => {} });
    expect(result).toMatchObject({ added: 2, errors: [] });
    expect((await db.articles.toArray()).map((r) => r.title).sort()).toEqual(['Brücke', 'Haushalt']);
    db.close();
  });

  it.each([
    { name: 'semicolons', data: semicolons },
    { name: 'tabs', data: semicolons.replaceAll(';', '\t').replace('Montag\t sie', 'Montag; sie') },
  ])('a CSV file with $name under a .jsonl name is told to be renamed .csv, and then imports', async ({ data }) => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const send: SendBatch = async (articles, checkpoint) => ({ ok: true, value: await store.addArticles(articles, 'import', checkpoint) });
    const asJsonl = await importFile(new File([data], 'export.jsonl'), () => {}, { send, finished: async () => {} });
    expect(asJsonl.stopped).toMatch(/give it a name ending in \.csv to import it as CSV/);
    const renamed = await importFile(new File([data], 'export.csv'), () => {}, { send, finished: async () => {} });
    expect(renamed).toMatchObject({ added: 2, errors: [] });
    expect(renamed.stopped).toBeUndefined();
    db.close();
  });

  it('reads a .tsv file as tab-separated CSV', async () => {
    const db = openDb(`import-${n++}`);
    const store = new CorpusStore(db);
    const send: SendBatch = async (articles, checkpoint) => ({ ok: true, value: await store.addArticles(articles, 'import', checkpoint) });
    const tabs = 'url\ttitle\ttext\nhttps://a.example/1\tFloods\tRain, then floods; roads closed.\n';
    expect(await importFile(new File([tabs], 'export.tsv'), () => {}, { send, finished: async () => {} })).toMatchObject({ added: 1, errors: [] });
    db.close();
  });
});

describe('importFile: files with nothing to import', () => {
  const none: SendBatch = async () => {
    throw new Error('nothing should be sent');
  };
  it.each([
    { name: 'an empty JSON Lines file', file: new File([''], 'feed.jsonl'), message: 'Could not import feed.jsonl: the file is empty (or holds only blank lines): no articles to import. Nothing was stored.' },
    { name: 'a CSV file with only its header', file: new File(['url,title,text\r\n'], 'feed.csv'), message: 'Could not import feed.csv: the file has a header row but no articles after it. Nothing was stored.' },
    { name: 'a CSV file without a url column', file: new File(['link,text\nhttps://a.example/1,Body.\n'], 'feed.csv'), message: 'Could not import feed.csv: the header row has no "url" column (columns found: "link", "text"). Nothing was stored.' },
    { name: 'a JSON Lines file of blank lines', file: new File(['\n\n  \n'], 'feed.jsonl'), message: 'Could not import feed.jsonl: the file is empty (or holds only blank lines): no articles to import. Nothing was stored.' },
    { name: 'a JSON array', file: new File(['[\n  {"url": "https://a.example/1", "text": "Body."}\n]\n'], 'feed.json'), message: /^Could not import feed\.json: this is one JSON document/ },
    { name: 'a binary file', file: new File([new Uint8Array([0x7b, 0x22, 0, 1, 2, 3, 0x0a])], 'feed.jsonl'), message: /^Could not import feed\.jsonl: this looks like a binary file/ },
    { name: 'a spreadsheet saved as .xlsx under a .csv name', file: new File([new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 6, 0])], 'feed.csv'), message: /^Could not import feed\.csv: this is a ZIP archive, not CSV text \(a spreadsheet saved as \.xlsx or \.ods is one\): save it as CSV first; the file was not read\. Nothing was stored\.$/ },
  ])('says so for $name', async ({ file, message }) => {
    const result = await importFile(file, () => {}, { send: none, finished: async () => {} });
    if (typeof message === 'string') expect(result.stopped).toBe(message);
    else expect(result.stopped).toMatch(message);
    expect(result.added).toBe(0);
    // A problem with the file, not with a line of it: no line is counted as skipped.
    expect(result).toMatchObject({ skipped: 0, errors: [], fileProblem: expect.any(String) });
  });
});
