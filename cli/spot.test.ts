import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './spot';
import { memoryIo } from './testing';
import { readPageText } from './page-text';


const dir = mkdtempSync(join(tmpdir(), 'spot-cli-'));
const TEXT = 'Floods hit the north\n\nThe army said on Tuesday it had taken control of four of seven districts in the eastern city of Marinka. What happens next? I think this is a disgrace.';
writeFileSync(join(dir, 'page.txt'), TEXT);
writeFileSync(
  join(dir, 'page.html'),
  `<html><head><title>Floods</title><link rel="canonical" href="https://example.com/floods"><meta property="og:site_name" content="Example News"></head>
  <body><nav>Home | World | Sport</nav><article><h1>Floods hit the north</h1>
  <p>The army said on Tuesday it had taken control of four of seven districts in the eastern city of Marinka. Officials in Kyiv denied the claim and said fighting went on through the night.</p>
  <p>About 3.5 million people have fled the region since March, according to the U.N. refugee agency. What happens next? I think this is a disgrace.</p>
  <p>Aid agencies said 40 trucks of food had reached the city by Thursday, the first convoy in three weeks.</p></article><footer>Copyright Example News</footer></body></html>`,
);

describe('spot PAGE', () => {
  it('prints one JSON line per claim with offsets into a .txt page', async () => {
    const { io, out } = memoryIo();
    expect(await run([join(dir, 'page.txt')], io)).toBe(0);
    const claims = out.map((l) => JSON.parse(l));
    expect(claims.length).toBe(1);
    expect(Object.keys(claims[0]).sort()).toEqual(['end', 'score', 'start', 'text']);
    expect(TEXT.slice(claims[0].start, claims[0].end)).toBe(claims[0].text);
  });

  it('extracts the article of an .html page and gives offsets into that text', async () => {
    const page = await readPageText(join(dir, 'page.html'));
    expect(page.url).toBe('https://example.com/floods');
    expect(page.siteName).toBe('Example News');
    expect(page.text).not.toContain('Home | World');
    const { io, out } = memoryIo();
    expect(await run([join(dir, 'page.html')], io)).toBe(0);
    const claims = out.map((l) => JSON.parse(l));
    expect(claims.length).toBeGreaterThanOrEqual(2);
    for (const c of claims) expect(page.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('fails clearly on a missing file or a bad argument', async () => {
    const { io } = memoryIo();
    await expect(run([join(dir, 'missing.txt')], io)).rejects.toThrow(/cannot read/);
    await expect(run([], io)).rejects.toThrow(/exactly one PAGE/);
    await expect(run([join(dir, 'page.pdf')], io)).rejects.toThrow(/\.html or \.txt/);
    await expect(run([join(dir, 'page.txt'), '--sensitivity', '3'], io)).rejects.toThrow(/0 to 1/);
  });
});

describe('readPageText', () => {
  it('takes the address from og:url when there is no canonical link, and a .txt page as it is', async () => {
    writeFileSync(
      join(dir, 'og.html'),
      `<html><head><meta property="og:url" content="https://example.org/story"><title>Story</title></head><body><article><h1>Story</h1>
      <p>The council approved the new tram line on Tuesday by 31 votes to 12, ending six years of argument about the route through the harbour district.</p>
      <p>Construction is due to start next spring, and the first trams should run in late 2029, according to the council's own timetable for the project.</p></article></body></html>`,
    );
    const page = await readPageText(join(dir, 'og.html'));
    expect(page.url).toBe('https://example.org/story');
    expect(page.text).toContain('31 votes to 12');
    const txt = await readPageText(join(dir, 'page.txt'));
    expect(txt).toEqual({ text: TEXT, title: 'Floods hit the north', siteName: null, url: null });
  });
});

describe('spot --sentences', () => {
  it('scores JSON lines and reports bad ones', async () => {
    const { io, out, err } = memoryIo(['{"id":"a","text":"Unemployment fell to 4.1% in March, the statistics office said."}', '{"id":7,"text":"Thank you all."}', 'oops', '']);
    expect(await run(['--sentences'], io)).toBe(1);
    const rows = out.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['a', 7]);
    expect(rows[0].score).toBeGreaterThan(rows[1].score);
    expect(err.join('\n')).toMatch(/line 3/);
  });
});
