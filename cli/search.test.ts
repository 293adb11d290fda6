import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from './corpus-file';
import { UsageError, forEachJsonLine } from './io';
import { run } from './search';
import { memoryIo, writeMarinkaCorpus } from './testing';

const { dir } = writeMarinkaCorpus('search-cli-');

describe('search --corpus FILE --k N', () => {
  it('prints the hits for each line in order, best first, at most k, one per article, with the id given', async () => {
    const { io, out, err } = memoryIo([
      JSON.stringify({ id: 'q1', text: 'The army has taken control of Marinka.' }),
      '',
      JSON.stringify({ id: 7, text: 'Rovers won the cup final.' }),
    ]);
    expect(await run(['--corpus', join(dir, 'corpus.jsonl'), '--k', '2'], io)).toBe(0);
    expect(err).toEqual([]);
    const rows = out.map((l) => JSON.parse(l) as { id: unknown; hits: { url: string; outlet: string; score: number; passage: string }[] });
    expect(rows.map((r) => r.id)).toEqual(['q1', 7]);
    const [army, cup] = rows;
    expect(army.hits.length).toBeGreaterThan(0);
    expect(army.hits.length).toBeLessThanOrEqual(2);
    expect(new Set(army.hits.map((h) => h.url)).size).toBe(army.hits.length);
    expect(army.hits.map((h) => h.url).sort()).toEqual(['https://ledger.example/a', 'https://radio.example/b']);
    for (let i = 1; i < army.hits.length; i++) expect(army.hits[i - 1].score).toBeGreaterThanOrEqual(army.hits[i].score);
    expect(army.hits[0].passage).toMatch(/Marinka/);
    expect(cup.hits[0]).toMatchObject({ url: 'https://sport.example/c', outlet: 'Sport Daily' });
  });

  it('reports an unreadable line with its number, answers the others, and exits 1', async () => {
    const { io, out, err } = memoryIo(['{"id": 1', JSON.stringify({ id: 2, text: 'Marinka' })]);
    expect(await run(['--corpus', join(dir, 'corpus.jsonl')], io)).toBe(1);
    expect(out.map((l) => JSON.parse(l).id)).toEqual([2]);
    expect(err[0]).toMatch(/^crosscheck search: line 1: not valid JSON/);
  });

  it('refuses a missing corpus or a bad --k with a clear message', async () => {
    await expect(run(['--k', '3'], memoryIo([]).io)).rejects.toThrow(UsageError);
    await expect(run(['--corpus', join(dir, 'corpus.jsonl'), '--k', '0'], memoryIo([]).io)).rejects.toThrow(/--k must be a whole number/);
    await expect(run(['--corpus', join(dir, 'nowhere.jsonl')], memoryIo([]).io)).rejects.toThrow(/cannot read corpus file .*nowhere\.jsonl: no such file/);
  });
});

describe('loadCorpusFile', () => {
  it('reads the product\'s article lines (text or HTML), reports bad ones with their line numbers, and names a file it cannot read', async () => {
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ url: 'https://www.daily-ledger.example/a', title: 'Rebels seize the Kandar valley', text: 'Rebel fighters seized the Kandar valley on Monday.' }),
        '{broken',
        JSON.stringify({ url: 'https://harbour.example/b', outlet: 'Harbour Times', text: 'Insurgents took control of Kandar province.', published: '2026-03-02' }),
        JSON.stringify({ outlet: 'x', text: 'no url' }),
        JSON.stringify({ url: 'https://coast.example/c', html: '<html><body><p>Heavy rain flooded three coastal towns on Monday, the fire service said.</p></body></html>' }),
      ].join('\n'),
    );
    const errs: string[] = [];
    const articles = await loadCorpusFile(file, (m) => errs.push(m));
    expect(articles.map((a) => a.id)).toEqual([0, 2, 4]);
    expect(articles[0].outlet).toBe('daily-ledger.example');
    expect(articles[1].published).toBe('2026-03-02');
    expect(articles[2].text).toMatch(/Heavy rain/);
    expect(errs).toHaveLength(2);
    expect(errs[0]).toMatch(/:2:/);
    expect(errs[1]).toMatch(/:4:.*url/);
    await expect(loadCorpusFile(join(dir, 'missing.jsonl'))).rejects.toThrow(/cannot read corpus file/);
  });
});

describe('forEachJsonLine', () => {
  it('hands over objects with the named string fields, id null when absent, and counts the lines it skipped', async () => {
    const { io, err } = memoryIo([
      JSON.stringify({ id: 'a', claim: 'c', text: 't' }),
      '   ',
      JSON.stringify({ claim: 'c2', text: 't2' }),
      '[1, 2]',
      'null',
      JSON.stringify({ id: 'b', claim: 'c' }),
      JSON.stringify({ id: 'c', claim: 3, text: 't' }),
      'nope',
    ]);
    const seen: unknown[] = [];
    const bad = await forEachJsonLine(io, 'stance', ['claim', 'text'], (item) => {
      seen.push([item.id, item.claim, item.text]);
    });
    expect(seen).toEqual([
      ['a', 'c', 't'],
      [null, 'c2', 't2'],
    ]);
    expect(bad).toBe(5);
    expect(err.slice(0, 5).map((e) => e.match(/line (\d+)/)?.[1])).toEqual(['4', '5', '6', '7', '8']);
    expect(err[0]).toMatch(/expected a JSON object \{"id","claim","text"\}/);
    expect(err[2]).toMatch(/"text" must be a string/);
    expect(err[3]).toMatch(/"claim" must be a string/);
    expect(err[5]).toBe('crosscheck stance: 5 lines could not be read');
  });
});
