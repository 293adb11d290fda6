import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import demoCorpus from '../../demo/corpus.jsonl?raw';
import { openDb } from '@/utils/extension/db';
import { CorpusStore } from '@/utils/extension/corpus-store';
import { ensureDemoCorpus, loadDemoCorpus, removeDemoCorpus, warmUpTexts } from './demo';

describe('the demo corpus', () => {
  let n = 0;
  const freshStore = () => new CorpusStore(openDb(`demo-test-${++n}`));

  it('removed while the first-run load is still storing it: removed for good, also for the next start', async () => {
    const store = freshStore();
    const firstRun = ensureDemoCorpus(store);
    await removeDemoCorpus(store);
    await firstRun;
    expect((await store.size()).articles).toBe(0);
    // The next start of the background does not load it again; the reader can.
    await ensureDemoCorpus(store);
    expect((await store.size()).articles).toBe(0);
    expect(await loadDemoCorpus(store)).toBeGreaterThan(10);
    expect((await store.size()).articles).toBeGreaterThan(10);
  });

  it('removed after it loaded: every demo article goes', async () => {
    const store = freshStore();
    await ensureDemoCorpus(store);
    const { articles } = await store.size();
    expect(await removeDemoCorpus(store)).toBe(articles);
    expect((await store.size()).articles).toBe(0);
  });
});

describe('warmUpTexts', () => {
  const paragraphs = demoCorpus
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => (JSON.parse(line) as { text: string }).text.split('\n\n'));

  it.each([1_500, 236, 700])('gives the demo articles\' paragraphs in order, a few per piece of at most %i characters, up to the size asked for', (size) => {
    const pieces = warmUpTexts(12_000, size);
    const given = pieces.flatMap((p) => p.split('\n\n'));
    expect(given.length).toBeGreaterThan(5);
    // Whole paragraphs, in the corpus's order, but perhaps the last one cut short.
    expect(given.slice(0, -1)).toEqual(paragraphs.slice(0, given.length - 1));
    expect(paragraphs[given.length - 1].startsWith(given[given.length - 1])).toBe(true);
    expect(given.join('').length).toBeLessThanOrEqual(12_000);
    expect(given.join('').length).toBeGreaterThan(11_000);
    for (const piece of pieces) {
      expect(piece.length).toBeGreaterThan(0);
      // A piece grows past the size only by holding one paragraph longer than it.
      if (piece.length > size) expect(piece.includes('\n\n')).toBe(false);
    }
  });

  it('gives nothing when asked for nothing', () => {
    expect(warmUpTexts(0)).toEqual([]);
  });
});
