// Managing the corpus from the options page: importing a JSON Lines file (with a line-numbered
// report of bad lines) and then seeing a page about that event cross-checked; removing the demo
// corpus; exporting it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, screenshot, waitFor, type ExtensionSession, type PageServer } from './harness';
import { popoverOutlets, clickClaim, toBackground, waitForHighlights, highlightCount, startSession, stopSession } from './extension';

const IMPORT_FILE = path.join(PROJECT_ROOT, 'demo/import/library-fire.jsonl');
const ERRORS_FILE = path.join(PROJECT_ROOT, 'demo/import/with-errors.jsonl');
const importLines = readFileSync(IMPORT_FILE, 'utf8').split('\n').filter(Boolean);
const importedOutlets = new Set(importLines.map((l) => (JSON.parse(l) as { outlet: string }).outlet));
/** Good lines in the file with errors: all but the two broken ones. */
const goodErrorFileLines = readFileSync(ERRORS_FILE, 'utf8').split('\n').filter((l) => l.trim()).length - 2;

describe('corpus management in the options page', () => {
  let server: PageServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    ({ server, ext } = await startSession('demo', { siteOnAt: 'pages/index.html' }));
  });
  afterAll(() => stopSession({ server, ext }));

  it('loads the demo corpus on first run', async () => {
    const options = await ext.openExtensionPage('options.html');
    await waitFor(async () => /^[1-9]\d* articles/.test((await options.getByTestId('corpus-size').textContent()) ?? ''), { timeout: 20_000 });
    await options.close();
  });

  it('a page about an event not in the corpus finds no evidence before the import', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('pages/library-fire.html'));
    // Claims are painted, but no outlet in the demo corpus confirms or disputes them.
    const found = await waitForHighlights(page);
    expect(found.confirmed.length + found.disputed.length + found.conflicting.length).toBe(0);
    await page.close();
  });

  it('imports a JSON Lines file with progress, then a page about that event is cross-checked against it', async () => {
    const options = await ext.openExtensionPage('options.html');
    const before = await toBackground<{ articles: number }>(options, 'corpusSize');
    await options.getByTestId('import-file').setInputFiles(IMPORT_FILE);
    await waitFor(async () => /Imported library-fire\.jsonl/.test((await options.getByTestId('corpus-message').textContent()) ?? ''), { timeout: 30_000 });
    const after = await toBackground<{ articles: number }>(options, 'corpusSize');
    expect(after.articles - before.articles).toBe(importLines.length);
    expect(await options.locator('[data-testid="import-report"] progress').getAttribute('value')).toBe('100');
    await screenshot(options, 'options-import');

    const page = await ext.context.newPage();
    await page.goto(server.url('pages/library-fire.html'));
    const found = await waitForHighlights(page);
    const sided = [...found.confirmed, ...found.disputed, ...found.conflicting];
    expect(sided.length).toBeGreaterThan(0);
    await clickClaim(page, sided[0]);
    const outlets = await waitFor(async () => {
      const list = await popoverOutlets(page);
      return list.length ? list : null;
    });
    expect(outlets.some((o) => importedOutlets.has(o.outlet))).toBe(true);
    await page.close();
    await options.close();
  });

  it('reports bad lines by number and keeps the good ones', async () => {
    const options = await ext.openExtensionPage('options.html');
    const before = await toBackground<{ articles: number }>(options, 'corpusSize');
    await options.getByTestId('import-file').setInputFiles(ERRORS_FILE);
    await waitFor(async () => /Imported with-errors\.jsonl/.test((await options.getByTestId('corpus-message').textContent()) ?? ''), { timeout: 30_000 });
    const errors = await options.getByTestId('import-errors').locator('li').allTextContents();
    expect(errors.map((e) => e.match(/^Line (\d+)/)?.[1])).toEqual(['2', '5']);
    const after = await toBackground<{ articles: number }>(options, 'corpusSize');
    expect(after.articles - before.articles).toBe(goodErrorFileLines);
    await options.close();
  });

  it('importing the same file again adds nothing', async () => {
    const options = await ext.openExtensionPage('options.html');
    const before = await toBackground<{ articles: number }>(options, 'corpusSize');
    await options.getByTestId('import-file').setInputFiles(IMPORT_FILE);
    await waitFor(async () => /already stored/.test((await options.getByTestId('corpus-message').textContent()) ?? ''), { timeout: 30_000 });
    expect((await toBackground<{ articles: number }>(options, 'corpusSize')).articles).toBe(before.articles);
    await options.close();
  });

  it('removing the demo corpus leaves only imported articles, and demo pages find nothing', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.getByTestId('remove-demo').click();
    await waitFor(async () => /Demo corpus removed/.test((await options.getByTestId('corpus-message').textContent()) ?? ''));
    const size = await toBackground<{ articles: number }>(options, 'corpusSize');
    expect(size.articles).toBe(importLines.length + goodErrorFileLines);
    const page = await ext.context.newPage();
    await page.goto(server.url('pages/sarrow-valley.html'));
    const found = await waitForHighlights(page);
    expect(found.confirmed.length + found.disputed.length + found.conflicting.length).toBe(0);
    expect(await highlightCount(page)).toBeGreaterThan(0);
    await page.close();
    await options.close();
  });
});
