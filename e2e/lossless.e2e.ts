// Nothing lost, in real Chromium: the extension's service worker is stopped (as the browser does
// to an idle or misbehaving worker) in the middle of an import; the corpus keeps whole batches
// only, with the checkpoint in step, and resuming from the options page stores every article of
// the file exactly once. Then export → clear → import gives the corpus back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, waitFor, type ExtensionSession } from './harness';
import { toBackground } from './extension';

const ARTICLES = 3_000;
const BATCH = 500;
const PLACES = ['harbour', 'valley', 'airport', 'bridge', 'stadium', 'library', 'hospital', 'market', 'railway', 'council'];

function article(i: number) {
  return {
    url: `https://outlet${i % 7}.example/stopped/${i}`,
    outlet: `Outlet ${i % 7}`,
    title: `Story ${i} about the ${PLACES[i % PLACES.length]}`,
    published: `2026-0${(i % 9) + 1}-1${i % 10}`,
    text:
      `Story ${i}: the ${PLACES[i % PLACES.length]} project code${i}x in district${i} was approved by the regional council on Friday ` +
      `after ${i % 40} years of debate, officials said. Residents of ward${i} welcomed the decision, while the opposition said ` +
      `the cost of ${(i * 37) % 900} million had not been explained. Work is due to start next spring, the mayor's office said.`,
  };
}

const corpusMessage = async (page: Page) => (await page.getByTestId('corpus-message').textContent().catch(() => null)) ?? '';

describe('nothing lost when the service worker stops', () => {
  let ext: ExtensionSession;
  let dir: string;
  let file: string;
  let cdp: CDPSession;
  const workerStates: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-lossless-'));
    file = path.join(dir, 'stopped-import.jsonl');
    writeFileSync(file, Array.from({ length: ARTICLES }, (_, i) => JSON.stringify(article(i))).join('\n') + '\n');
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps whole batches when the worker is stopped mid-import, and resuming stores every article once', async () => {
    const options = await ext.openExtensionPage('options.html');
    await waitFor(async () => /^[1-9]\d* articles/.test((await options.getByTestId('corpus-size').textContent()) ?? ''), { timeout: 20_000 });
    const before = (await toBackground<{ articles: number }>(options, 'corpusSize')).articles;

    cdp = await ext.context.newCDPSession(options);
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`)) workerStates.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');

    // A second page watches the checkpoint, as the options page would see it after a restart.
    const watcher = await ext.openExtensionPage('options.html');
    const stat = (await import('node:fs')).statSync(file);
    const fileKey = `${path.basename(file)}|${stat.size}|${Math.floor(stat.mtimeMs)}`;

    await options.getByTestId('import-file').setInputFiles(file);
    // As soon as the first batch is stored, the next one is on its way: stop the worker then.
    await waitFor(async () => ((await toBackground<{ line: number } | null>(watcher, 'importState', { fileKey }))?.line ?? 0) >= BATCH, {
      timeout: 60_000,
      interval: 20,
      message: 'the first batch was never stored',
    });
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor(() => workerStates.includes('stopped'), { timeout: 10_000, message: 'the service worker did not stop' });

    // The import either stopped (a batch lost its answer) or went on once the worker woke again.
    const outcome = await waitFor(async () => (/Import stopped|Imported stopped-import/.exec(await corpusMessage(options)) ?? [null])[0], {
      timeout: 90_000,
      message: 'the import neither finished nor stopped',
    });
    const afterStop = (await toBackground<{ articles: number }>(watcher, 'corpusSize')).articles - before;
    const state = await toBackground<{ line: number; added: number } | null>(watcher, 'importState', { fileKey });
    const stopMessage = await corpusMessage(options);
    if (outcome === 'Import stopped') {
      // Whole batches only, and the checkpoint says exactly what is stored.
      expect(afterStop % BATCH).toBe(0);
      expect(state).toMatchObject({ line: afterStop, added: afterStop });
      expect(stopMessage).toMatch(/^Import stopped: .*the [\d,]+ articles stored so far are kept\. Pick the same file again to resume/);

      await options.getByTestId('import-file').setInputFiles(file);
      await options.getByTestId('resume-import').click();
      await waitFor(async () => /Imported stopped-import\.jsonl/.test(await corpusMessage(options)) || null, { timeout: 90_000 });
      expect(await options.getByTestId('import-report').textContent()).toMatch(new RegExp(`Resumed after line ${afterStop.toLocaleString()}`));
    } else {
      expect(afterStop).toBe(ARTICLES);
    }
    console.log(`service worker stopped during the import (${outcome}; ${afterStop} articles stored at the stop); worker states: ${workerStates.join(' → ')}; message: ${stopMessage}`);

    // Every article of the file, exactly once.
    expect((await toBackground<{ articles: number }>(watcher, 'corpusSize')).articles).toBe(before + ARTICLES);
    const urls: string[] = [];
    for (let afterId = 0; ; ) {
      const page = await toBackground<{ articles: { url: string }[]; lastId: number | null }>(watcher, 'exportPage', { afterId, limit: 1_000 });
      urls.push(...page.articles.map((a) => a.url).filter((u) => u.includes('/stopped/')));
      if (page.lastId === null) break;
      afterId = page.lastId;
    }
    expect(urls.length).toBe(ARTICLES);
    expect(new Set(urls).size).toBe(ARTICLES);
    expect(await toBackground(watcher, 'importState', { fileKey })).toBeNull();
    await watcher.close();
    await options.close();
  });

  it('export → clear → import gives the corpus back: every article, the copy counts and the answers', async () => {
    const options = await ext.openExtensionPage('options.html');
    type Row = { url: string; outlet: string; title: string; published: string | null; text: string };
    const everything = async () => {
      const rows: Row[] = [];
      for (let afterId = 0; ; ) {
        const page = await toBackground<{ articles: Row[]; lastId: number | null }>(options, 'exportPage', { afterId, limit: 1_000 });
        rows.push(...page.articles);
        if (page.lastId === null) return rows;
        afterId = page.lastId;
      }
    };
    const SENTENCES = [
      'The army launched a ground offensive on Thursday to retake the Sarrow Valley, the defence ministry said.',
      'About 30,000 volumes were lost in the fire at the National Library, the director said.',
      'The harbour project code42x in district42 was approved by the regional council on Friday.',
    ];
    type Checked = { claims: { verdict: string; outlets: { outlet: string; url: string; stance: string }[] }[] };
    const answers = async () =>
      Promise.all(
        SENTENCES.map(async (text) =>
          (await toBackground<Checked>(options, 'checkTyped', { tabId: null, text })).claims.map((c) => ({
            verdict: c.verdict,
            outlets: c.outlets.map((o) => `${o.outlet} ${o.url} ${o.stance}`),
          })),
        ),
      );
    const rowsBefore = await everything();
    const statsBefore = await toBackground(options, 'outletStats');
    const answersBefore = await answers();
    expect(rowsBefore.length).toBeGreaterThan(ARTICLES);
    expect(answersBefore.flat().some((c) => c.outlets.length > 0)).toBe(true);

    // Export with the options page's button.
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export corpus' }).click();
    const exported = path.join(dir, 'exported.jsonl');
    await (await download).saveAs(exported);

    // Clear: every outlet removed.
    for (const { outlet } of await toBackground<{ outlet: string }[]>(options, 'outletStats')) await toBackground(options, 'deleteOutlet', { outlet });
    expect(await toBackground(options, 'corpusSize')).toEqual({ articles: 0, outlets: 0 });

    await options.reload();
    await options.getByTestId('import-file').setInputFiles(exported);
    await waitFor(async () => /Imported exported\.jsonl/.test(await corpusMessage(options)) || null, { timeout: 120_000 });
    expect(await corpusMessage(options)).toMatch(new RegExp(`: ${rowsBefore.length.toLocaleString('en')} added, 0 already stored, .* 0 lines skipped\.$`));

    expect(await everything()).toEqual(rowsBefore);
    expect(await toBackground(options, 'outletStats')).toEqual(statsBefore);
    expect(await answers()).toEqual(answersBefore);
    await options.close();
  }, 180_000);

  it('bad files get a clear, line-numbered message in the options page', async () => {
    const options = await ext.openExtensionPage('options.html');
    const importAndWait = async (name: string, data: string | Uint8Array, done: RegExp) => {
      const file = path.join(dir, name);
      writeFileSync(file, data);
      await options.getByTestId('import-file').setInputFiles(file);
      return waitFor(async () => {
        const message = await corpusMessage(options);
        return done.test(message) ? message : null;
      }, { timeout: 30_000, message: `no message for ${name}` });
    };
    const before = (await toBackground<{ articles: number }>(options, 'corpusSize')).articles;

    // An image saved under a .jsonl name.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(await importAndWait('photo.jsonl', png, /photo\.jsonl/)).toBe(
      'Could not import photo.jsonl: this looks like a binary file, not JSON Lines text (a NUL byte on line 3); the file was not read. If it is UTF-16 text, save it as UTF-8 and import it again. Nothing was stored.',
    );

    // A Latin-1 CSV with a repeated address and a javascript: link.
    const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    const csv = latin1(
      'url,outlet,title,published,text\n' +
        'https://bad-input.example/1,Paper,One,2026-01-05,The council approved the new harbour plan on Monday.\n' +
        'https://bad-input.example/2,Paper,Two,2026-01-06,Le caf\u00e9 du port a ferm\u00e9 ses portes lundi.\n' +
        'javascript:alert(1),Paper,Three,2026-01-07,A link that must not be stored.\n' +
        'https://www.bad-input.example/1?utm_source=x,Paper,One again,2026-01-05,The council approved the new harbour plan on Monday.\n' +
        'https://bad-input.example/5,Paper,Five,2026-02-30,A date that does not exist.\n',
    );
    expect(await importAndWait('latin1.csv', csv, /Imported latin1\.csv/)).toBe(
      'Imported latin1.csv: 1 added, 0 already stored, 1 repeated within the file, 0 syndicated copies linked, 3 lines skipped.',
    );
    expect(await options.getByTestId('import-errors').locator('li').allTextContents()).toEqual([
      'Line 3: not UTF-8 text (perhaps Latin-1 or Windows-1252: save the file as UTF-8); skipped',
      'Line 4: "url" must be an http or https address, got "javascript:alert(1)"',
      'Line 6: "published" is not an ISO-8601 date: "2026-02-30" (expected e.g. "2024-03-05" or "2024-03-05T08:30:00Z")',
    ]);
    expect((await toBackground<{ articles: number }>(options, 'corpusSize')).articles).toBe(before + 1);
    await options.close();
  });
});

// A real full disk cannot be made on demand here (the extension has unlimitedStorage, and quota
// overrides do not reach extension origins), so the service worker's IndexedDB is made to refuse
// writes with the browser's own QuotaExceededError part way through a batch.
describe('nothing lost when the disk is full', () => {
  let ext: ExtensionSession;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-full-'));
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stops the import with a clear message, keeps every stored batch, and resumes once there is room', async () => {
    const file = path.join(dir, 'full-disk.jsonl');
    writeFileSync(file, Array.from({ length: ARTICLES }, (_, i) => JSON.stringify({ ...article(i), url: article(i).url.replace('/stopped/', '/full/') })).join('\n') + '\n');
    const options = await ext.openExtensionPage('options.html');
    await waitFor(async () => /^[1-9]\d* articles/.test((await options.getByTestId('corpus-size').textContent()) ?? ''), { timeout: 20_000 });
    const before = (await toBackground<{ articles: number }>(options, 'corpusSize')).articles;

    // Room for two batches and part of a third.
    await ext.serviceWorker.evaluate((room) => {
      const g = globalThis as unknown as { fullDiskRoom: number };
      g.fullDiskRoom = room;
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (this.name === 'articles' && g.fullDiskRoom-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return add.apply(this, args);
      };
    }, 2 * BATCH + 200);

    await options.getByTestId('import-file').setInputFiles(file);
    const message = await waitFor(async () => {
      const m = await corpusMessage(options);
      return /disk is full|Imported/.test(m) ? m : null;
    }, { timeout: 90_000, message: 'the import neither finished nor stopped' });
    expect(message).toBe(
      'The disk is full: the last batch was not stored; the 1,000 articles stored so far are kept. Free some disk space, then pick the same file again to resume after line 1,000.',
    );
    expect((await toBackground<{ articles: number }>(options, 'corpusSize')).articles).toBe(before + 2 * BATCH);

    // Space freed: resume, and every article is there once.
    await ext.serviceWorker.evaluate(() => {
      (globalThis as unknown as { fullDiskRoom: number }).fullDiskRoom = Infinity;
    });
    await options.getByTestId('import-file').setInputFiles(file);
    expect(await options.getByTestId('import-resume').textContent()).toMatch(/stopped after line 1,000 \(1,000 articles/);
    await options.getByTestId('resume-import').click();
    await waitFor(async () => /Imported full-disk\.jsonl/.test(await corpusMessage(options)) || null, { timeout: 90_000 });
    expect((await toBackground<{ articles: number }>(options, 'corpusSize')).articles).toBe(before + ARTICLES);
    await options.close();
  }, 180_000);
});
