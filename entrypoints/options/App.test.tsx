// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages, type BackgroundProtocol } from '@/utils/extension/messages';
import { captureSitesItem } from '@/utils/extension/capture';
import { siteSettingsItem } from '@/utils/extension/settings';
import { App, ImportReport } from './App';

let root: HTMLElement;
let stopHandling: (() => void) | void;

/** Opens the options page with a background that knows an empty corpus (or the given outlets). */
async function openOptions(outlets: BackgroundProtocol['outletStats'] extends (...a: never[]) => infer R ? R : never = []) {
  stopHandling = handleMessages<BackgroundProtocol>({ corpusSize: () => ({ articles: 0, outlets: 0 }), outletStats: () => outlets }, { accept: () => true });
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<App />, root));
}

const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 30)));

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  render(null, root);
  root.remove();
  if (typeof stopHandling === 'function') stopHandling();
});

describe('options page, "Add the articles I read"', () => {
  const area = () => root.querySelector<HTMLTextAreaElement>('[data-testid="capture-sites"]')!;
  const box = () => root.querySelector<HTMLInputElement>('[data-testid="capture-on"]')!;
  const type = async (text: string) => {
    await act(async () => {
      area().value = text;
      area().dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const save = async () => {
    await act(async () => {
      root.querySelector<HTMLFormElement>('[data-testid="capture"]')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    });
    await settle();
  };

  it('shows a site switched on in the popup while the page is open, and Save keeps it', async () => {
    await captureSitesItem.setValue([]);
    await openOptions();
    await vi.waitFor(() => expect(area()).toBeTruthy());
    await act(async () => void (await captureSitesItem.setValue(['news.example'])));
    await settle();
    expect(box().checked).toBe(true);
    expect(area().value).toBe('news.example');
    await save();
    expect(await captureSitesItem.getValue()).toEqual(['news.example']);
  });

  it('leaves what the reader is typing alone, and Save keeps both their sites and one switched on meanwhile', async () => {
    await captureSitesItem.setValue(['daily.example']);
    await openOptions();
    await vi.waitFor(() => expect(area()?.value).toBe('daily.example'));
    await type('daily.example\nweekly.example');
    await act(async () => void (await captureSitesItem.setValue(['daily.example', 'news.example'])));
    await settle();
    expect(area().value).toBe('daily.example\nweekly.example');
    await save();
    expect((await captureSitesItem.getValue()).sort()).toEqual(['daily.example', 'news.example', 'weekly.example']);
    // After Save the box shows what is stored, and follows the stored list again.
    expect(area().value.split('\n').sort()).toEqual(['daily.example', 'news.example', 'weekly.example']);
    await act(async () => void (await captureSitesItem.setValue(['daily.example'])));
    await settle();
    expect(area().value).toBe('daily.example');
  });

  it('removes the sites the reader took out, and only those', async () => {
    await captureSitesItem.setValue(['daily.example', 'weekly.example']);
    await openOptions();
    await vi.waitFor(() => expect(area()?.value).toBe('daily.example\nweekly.example'));
    await type('daily.example');
    await act(async () => void (await captureSitesItem.setValue(['daily.example', 'weekly.example', 'news.example'])));
    await settle();
    await save();
    expect((await captureSitesItem.getValue()).sort()).toEqual(['daily.example', 'news.example']);
  });

  it('keeps a site switched off elsewhere off, unless the reader typed it in', async () => {
    await captureSitesItem.setValue(['daily.example', 'weekly.example']);
    await openOptions();
    await vi.waitFor(() => expect(area()?.value).toBe('daily.example\nweekly.example'));
    await type('daily.example\nweekly.example\nmonthly.example');
    await act(async () => void (await captureSitesItem.setValue(['daily.example'])));
    await settle();
    await save();
    expect((await captureSitesItem.getValue()).sort()).toEqual(['daily.example', 'monthly.example']);
  });

  it('unticking the box still turns capture off everywhere', async () => {
    await captureSitesItem.setValue(['daily.example', 'weekly.example']);
    await openOptions();
    await vi.waitFor(() => expect(box()?.checked).toBe(true));
    await act(async () => box().click());
    await settle();
    expect(await captureSitesItem.getValue()).toEqual([]);
    expect(area().value).toBe('');
  });
});

describe('options page, where Crosscheck runs', () => {
  it('counts only the allowed sites the deny list leaves readable when it says what was saved', async () => {
    await siteSettingsItem.setValue({ mode: 'listed', allow: [], deny: [] });
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(undefined as never);
    await openOptions();
    const form = () => root.querySelector<HTMLFormElement>('[data-testid="site-settings"]')!;
    await vi.waitFor(() => expect(form()).toBeTruthy());
    const fill = async (name: string, value: string) => {
      const box = form().querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`)!;
      await act(async () => {
        box.value = value;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
    };
    const save = async () => {
      await act(async () => void form().dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
      await settle();
      return form().querySelector('.message')?.textContent;
    };
    await fill('allow', '127.0.0.1\nnews.example');
    await fill('deny', '127.0.0.1');
    expect(await save()).toBe('Saved: Crosscheck may read 1 site. Open tabs follow at once.');
    await fill('allow', '127.0.0.1');
    expect(await save()).toBe('Saved: Crosscheck reads no site (add one to the allow list, and not to the deny list).');
    expect(await siteSettingsItem.getValue()).toEqual({ mode: 'listed', allow: ['127.0.0.1'], deny: ['127.0.0.1'] });
  });
});

describe('options page, import report', () => {
  it('counts the lines skipped before a resume, and says how many are not listed', async () => {
    root = document.createElement('div');
    document.body.append(root);
    const errors = Array.from({ length: 200 }, (_, i) => ({ line: i + 1, error: 'not valid JSON' }));
    await act(async () =>
      render(<ImportReport progress={{ bytesRead: 10, totalBytes: 10, added: 40, duplicates: 0, repeated: 0, copies: 0, errors, skipped: 300, resumedAfterLine: 310 }} />, root),
    );
    expect(root.textContent).toContain('300 lines skipped');
    const items = [...root.querySelectorAll('[data-testid="import-errors"] li')].map((li) => li.textContent);
    expect(items).toHaveLength(201);
    expect(items.at(-1)).toBe('…and 100 more.');
  });
});

describe('options page, import report words', () => {
  const report = async (progress: Parameters<typeof ImportReport>[0]['progress']) => {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<ImportReport progress={progress} />, root));
    return root.querySelector('[data-testid="import-report"]')!;
  };

  it('says one line and one syndicated copy in the singular, and shows the copies linked', async () => {
    const shown = await report({ bytesRead: 10, totalBytes: 10, added: 3, duplicates: 0, repeated: 0, copies: 1, errors: [{ line: 2, error: 'not valid JSON' }], skipped: 1 });
    expect(shown.textContent).toContain('100% · 3 added · 0 already stored · 1 syndicated copy linked · 1 line skipped');
    expect(shown.textContent).not.toMatch(/1 lines|1 syndicated copies/);
  });

  it('reports a file that could not be imported without counting lines, and an empty file as read whole', async () => {
    const shown = await report({ bytesRead: 0, totalBytes: 0, added: 0, duplicates: 0, repeated: 0, copies: 0, errors: [], skipped: 0, fileProblem: 'the file is empty' });
    expect(shown.textContent).toBe('100% · the file could not be imported');
    expect(shown.querySelector('progress')!.getAttribute('value')).toBe('100');
    expect(shown.querySelector('[data-testid="import-errors"]')).toBeNull();
  });
});

describe('options page, accessibility', () => {
  const table = () => root.querySelector<HTMLTableElement>('[data-testid="outlet-stats"]');
  const withTwoOutlets = async () => {
    await openOptions([
      { outlet: 'Ledger', articles: 3, oldest: '2026-01-02', newest: '2026-02-03', copies: 0 },
      { outlet: 'Daily Wire', articles: 5, oldest: null, newest: null, copies: 1 },
    ]);
    await vi.waitFor(() => expect(table()?.querySelectorAll('tbody tr')).toHaveLength(2));
  };

  it("names each outlet's Remove button after the outlet", async () => {
    await withTwoOutlets();
    const names = [...table()!.querySelectorAll('tbody button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toEqual(['Remove Ledger', 'Remove Daily Wire']);
    // What the reader sees stays "Remove".
    expect([...table()!.querySelectorAll('tbody button')].map((b) => b.textContent!.trim())).toEqual(['Remove', 'Remove']);
  });

  it('gives every column of the statistics table a header with text', async () => {
    await withTwoOutlets();
    const heads = [...table()!.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(heads).toHaveLength(6);
    for (const head of heads) expect(head).not.toBe('');
  });

  it('labels the import progress bar', async () => {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<ImportReport progress={{ bytesRead: 5, totalBytes: 10, added: 1, duplicates: 0, repeated: 0, copies: 0, errors: [], skipped: 0 }} />, root));
    const bar = root.querySelector('progress')!;
    expect(bar.getAttribute('aria-label')).toBe('Import progress');
  });
});

describe('options page, removing by date', () => {
  it("sends the reader's time zone, in which the table shows dates, with the days chosen and with the statistics asked for", async () => {
    const asked: { stats: unknown[]; removed: unknown[] } = { stats: [], removed: [] };
    stopHandling = handleMessages<BackgroundProtocol>(
      {
        corpusSize: () => ({ articles: 1, outlets: 1 }),
        outletStats: (req) => (asked.stats.push(req), []),
        deletePublishedBetween: (req) => (asked.removed.push(req), { removed: 1 }),
      },
      { accept: () => true },
    );
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<App />, root));
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    await vi.waitFor(() => expect(asked.stats).toEqual([{ timeZone: zone }]));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="corpus-size"]')?.textContent).toBe('1 article from 1 outlet, stored in this browser only.'));
    const form = root.querySelector<HTMLFormElement>('[data-testid="delete-range"]')!;
    const [from, to] = [...form.querySelectorAll('input')];
    await act(async () => {
      from.value = '2026-10-08';
      from.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      to.value = '2026-10-08';
      to.dispatchEvent(new Event('input', { bubbles: true }));
    });
    vi.stubGlobal('confirm', () => true);
    await act(async () => void form.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    await vi.waitFor(() => expect(asked.removed).toEqual([{ from: '2026-10-08', to: '2026-10-08', timeZone: zone }]));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="corpus-message"]')?.textContent).toBe('Removed 1 article published from 2026-10-08 to 2026-10-08.'));
  });

  it('asks in UTC when the browser cannot tell its time zone (a zone the checks would refuse is not sent)', async () => {
    const asked: { stats: unknown[] } = { stats: [] };
    const real = Intl.DateTimeFormat;
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => {
      const format = new real(...args);
      const resolved = format.resolvedOptions();
      return Object.assign(format, { resolvedOptions: () => ({ ...resolved, timeZone: 'Etc/Unknown' }) });
    }) as unknown as typeof Intl.DateTimeFormat);
    try {
      stopHandling = handleMessages<BackgroundProtocol>(
        { corpusSize: () => ({ articles: 1, outlets: 1 }), outletStats: (req) => (asked.stats.push(req), []) },
        { accept: () => true },
      );
      root = document.createElement('div');
      document.body.append(root);
      await act(async () => render(<App />, root));
      await vi.waitFor(() => expect(asked.stats).toEqual([{}]));
    } finally {
      vi.mocked(Intl.DateTimeFormat).mockRestore();
    }
  });
});

describe('options page, when the corpus cannot be read afterwards', () => {
  it("keeps the message about what was just done, and says in the size line that the corpus could not be read (it kept the old count)", async () => {
    let full = false;
    stopHandling = handleMessages<BackgroundProtocol>(
      {
        corpusSize: () => {
          if (full) throw new DOMException('Encountered full disk while opening backing store for indexedDB.open.', 'QuotaExceededError');
          return { articles: 2, outlets: 1 };
        },
        outletStats: () => [],
        deleteArticle: () => ((full = true), { removed: 1 }),
      },
      { accept: () => true },
    );
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<App />, root));
    const size = () => root.querySelector('[data-testid="corpus-size"]')?.textContent;
    await vi.waitFor(() => expect(size()).toBe('2 articles from 1 outlet, stored in this browser only.'));
    const form = root.querySelector<HTMLFormElement>('[data-testid="delete-article"]')!;
    const input = form.querySelector('input')!;
    await act(async () => {
      input.value = 'https://news.example/a';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => void form.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    await vi.waitFor(() => expect(size()).toMatch(/^Could not read your corpus: The disk is full/));
    await settle();
    expect(root.querySelector('[data-testid="corpus-message"]')?.textContent).toBe('Removed the article at https://news.example/a.');
  });
});

describe('options page, large counts', () => {
  it('writes the counts of a 50,000-line import as the other counts are written', async () => {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<ImportReport progress={{ bytesRead: 10, totalBytes: 10, added: 50_000, duplicates: 12_345, repeated: 2_000, copies: 1_500, errors: [], skipped: 60_000 }} />, root));
    expect(root.textContent).toContain('100% · 50,000 added · 10,345 already stored · 2,000 repeated within the file · 1,500 syndicated copies linked · 60,000 lines skipped');
  });
});
