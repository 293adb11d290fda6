import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from './io';
import { checkAgainst, run } from './check';
import { copySignature, isCopy } from '../utils/syndication';
import type { CheckedClaim, CorpusArticle } from '../utils/types';
import { memoryIo, writeMarinkaCorpus } from './testing';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { dir } = writeMarinkaCorpus('check-cli-', ['{"broken"']);
writeFileSync(join(dir, 'page.txt'), 'The army has taken control of the eastern city of Marinka. What happens next is anyone\u2019s guess.');

/** The demo corpus's articles. */
const demoCorpus = (): CorpusArticle[] =>
  readFileSync(join(PROJECT_ROOT, 'demo/corpus.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CorpusArticle);

describe('check --corpus FILE PAGE', () => {
  it('prints one JSON object with each claim, its offsets, verdict and outlets', async () => {
    const { io, out, err } = memoryIo();
    expect(await run(['--corpus', join(dir, 'corpus.jsonl'), join(dir, 'page.txt')], io)).toBe(0);
    expect(out).toHaveLength(1);
    const { claims } = JSON.parse(out[0]);
    expect(claims).toHaveLength(1);
    const [claim] = claims;
    expect(claim.text).toBe('The army has taken control of the eastern city of Marinka.');
    expect([claim.start, claim.end]).toEqual([0, claim.text.length]);
    expect(['confirmed', 'disputed', 'conflicting', 'unverified']).toContain(claim.verdict);
    for (const o of claim.outlets) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['outlet', 'stance', 'url', 'published', 'evidence']));
      expect(o.outlet).not.toBe('Sport Daily');
    }
    // The bad corpus line is reported with its number, and the rest is used.
    expect(err.join('\n')).toMatch(/:4\b|line 4/);
  });

  it.each([
    [['page.txt'], /--corpus/],
    [['--corpus', 'corpus.jsonl'], /exactly one PAGE/],
    [['--corpus', 'corpus.jsonl', 'page.pdf'], /\.html or \.txt/],
    [['--corpus', 'corpus.jsonl', '--sensitivity', '2', 'page.txt'], /from 0 to 1/],
  ])('refuses bad arguments: %j', async (args, message) => {
    await expect(run(args, memoryIo().io)).rejects.toThrow(UsageError);
    await expect(run(args, memoryIo().io)).rejects.toThrow(message);
  });

  it('says clearly when the page cannot be read', async () => {
    await expect(run(['--corpus', join(dir, 'corpus.jsonl'), join(dir, 'missing.txt')], memoryIo().io)).rejects.toThrow(/cannot read .*missing\.txt: no such file/);
  });

  it('exits non-zero with a message on stderr from the real command line', () => {
    const result = spawnSync('npx', ['tsx', 'cli/index.ts', 'check', '--corpus', join(dir, 'nope.jsonl'), join(dir, 'page.txt')], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/crosscheck check: .*nope\.jsonl/);
    expect(result.stdout).toBe('');
  });
});


describe('checkAgainst: the page republishes a story the corpus holds', () => {
  it('does not count the stored original (or its copies) as evidence for the page that copies it', async () => {
    const corpus = demoCorpus().map((a, i) => ({ ...a, id: i + 1 }));
    const wire = corpus.find((a) => a.outlet === 'Meridian Wire')!;
    const page = { url: 'https://portal.example/army-valley', outlet: 'Portal News' };
    // The wire story and every stored copy of it (other outlets that ran it).
    const story = new Set(corpus.filter((a) => isCopy(copySignature(a.text), copySignature(wire.text))).map((a) => a.url));
    expect(story.has(wire.url)).toBe(true);
    const fromWire = (claims: CheckedClaim[]) => claims.flatMap((c) => c.outlets.filter((o) => story.has(o.url)));
    // Without the page's signature (as before), the wire's own sentences confirm the page's claims.
    const unsigned = await checkAgainst(corpus, wire.text, { ...page, signature: [] });
    expect(fromWire(unsigned).some((o) => o.stance === 'confirm')).toBe(true);
    // With it, the wire story is the page itself: left out, as the page's own address is.
    const checked = await checkAgainst(corpus, wire.text, page);
    expect(checked.length).toBe(unsigned.length);
    expect(fromWire(checked)).toEqual([]);
    // Other outlets' reporting is still there.
    expect(checked.some((c) => c.outlets.length > 0)).toBe(true);
  });
});

describe('checkAgainst: one site with many articles on the story', () => {
  it('leaves other outlets their places: a site whose pages the reader captured does not push out the outlets that dispute the claim', async () => {
    const demo = demoCorpus();
    const claim = 'The army has taken full control of the Sarrow Valley after an eight-day offensive.';
    const topics = ['the bus timetable', 'the price of bread', 'a school play', 'the river ferry', 'a football match', 'the town library', 'a new bakery', 'the winter market', 'a bridge repair'];
    // Nine different pages of one site, each repeating the claim and then about something else.
    const captured = topics.map((topic, i): CorpusArticle => ({
      url: `http://127.0.0.1:8418/live/${i}.html`,
      outlet: '127.0.0.1',
      title: `Live: Sarrow Valley, update ${i + 1}`,
      published: null,
      text: `${claim} The army said so on Monday. Elsewhere, residents of Keld talked about ${topic} for most of the evening, and the council said ${i + 2} people would look into ${topic} next week.`,
    }));
    const corpus = [...demo, ...captured].map((a, i) => ({ ...a, id: i + 1 }));
    const text = `${claim} Ministers in Orlen spent the week thanking the troops who raised the flag in Dunmere.`;
    const [checked] = await checkAgainst(corpus, text, { url: 'https://lantern.example/valley', outlet: 'The Evening Lantern' });
    expect(checked.text).toBe(claim);
    const outlets = new Map(checked.outlets.map((o) => [o.outlet, o.stance]));
    expect(outlets.get('127.0.0.1')).toBe('confirm');
    expect(outlets.get('The Northern Ledger')).toBe('dispute');
    expect(outlets.get('Valley Observer')).toBe('dispute');
    expect(checked.verdict).toBe('conflicting');
  });

  it('keeps a place for a story\'s original when its copies rank above it (copies count only through it)', async () => {
    const demo = demoCorpus();
    const claim = 'The army has taken full control of the Sarrow Valley after an eight-day offensive.';
    const disputing = demo.filter((a) => (a.outlet === 'The Northern Ledger' || a.outlet === 'Valley Observer') && /Sarrow|Sorel|valley/i.test(a.title ?? ''));
    expect(disputing.length).toBeGreaterThan(0);
    // Two sites run each disputing report word for word, under a headline closer to the claim.
    const reprints = disputing.flatMap((a, i) => [1, 2].map((n): CorpusArticle => ({ ...a, url: `https://reprint${i}${n}.example/story`, outlet: `Reprint ${i}-${n}`, title: `Army control of the Sarrow Valley after eight-day offensive disputed (${n})` })));
    const verdict = async (rows: CorpusArticle[]) => {
      const [checked] = await checkAgainst(rows.map((a, i) => ({ ...a, id: i + 1 })), `${claim} Ministers in Orlen spent the week thanking the troops.`, { url: 'https://lantern.example/valley', outlet: 'The Evening Lantern' });
      return checked;
    };
    expect((await verdict(demo)).verdict).toBe('conflicting');
    const checked = await verdict([...demo, ...reprints]);
    expect(checked.verdict).toBe('conflicting');
    expect(checked.outlets.find((o) => o.outlet === 'The Northern Ledger')?.stance).toBe('dispute');
  });
});
