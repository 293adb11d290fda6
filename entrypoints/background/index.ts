import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { openDb, reopenIfFailed } from '@/utils/extension/db';
import { CorpusStore } from '@/utils/extension/corpus-store';
import { handleMessages, MAX_SELECTION_CHARS, toTab, type BackgroundProtocol, type Handlers, type SelectionCheck, type TabState } from '@/utils/extension/messages';
import { captureSitesItem, isCaptureOn, pageToArticle } from '@/utils/extension/capture';
import { TabStates } from '@/utils/extension/tab-states';
import { dismissalKey } from '@/utils/dismissal';
import { dismissedClaimsItem, MAX_DISMISSED_PAGES, sensitivityItem, siteSettingsItem, tabStateKey } from '@/utils/extension/settings';
import { isSiteEnabled } from '@/utils/site-settings';
import { pageNames } from '@/utils/story-names';
import { corpusCapturedItem } from '@/utils/extension/corpus-captured';
import { afterQuiet, checkedAgainstCorpus } from '@/utils/extension/corpus-changed';
import { checksToResume, pendingChecksItem, pendingKey, pendingNote, withoutPending, withPending, type PendingCheck } from '@/utils/extension/pending-checks';
import { checkClaims, checkSelection, inTextOrder, openingClaims, restClaims, selectClaims } from '@/utils/pipeline';
import type { SpottedClaim } from '@/utils/types';
import { defaultSteps } from '@/utils/steps';
import { OPENING_CHARS } from '@/utils/claim-parts';
import { canonicalUrl, outletFromUrl } from '@/utils/url';
import { copySignature } from '@/utils/syndication';
import { ensureDemoCorpus, loadDemoCorpus, removeDemoCorpus, warmUpTexts } from './demo';
import { checkTabOnce, settingsOnGrant, settingsOnRevoke, startIfGranted, startInOpenTabs, syncContentScript, watchGrants } from './access';

const MENU_ID = 'crosscheck-selection';
/** A page's article text is cut here; longer pages are checked on their first part. */
const MAX_PAGE_CHARS = 400_000;
/** Selection checks kept per tab. */
const MAX_SELECTIONS = 20;

export default defineBackground(() => {
  const db = openDb();
  const store = new CorpusStore(db);
  // The demo corpus is loaded on first run (and again if the database was cleared), never after
  // the reader removed it. Checks wait for it, so the first page opened is checked against it.
  const demoReady = ensureDemoCorpus(store).catch((error) => console.error('Crosscheck: could not load the demo corpus', error));
  const steps = defaultSteps(
    (query, opts) => store.search(query, opts),
    (queries, opts) => store.searchMany(queries, opts),
  );

  const tabs = new TabStates({
    get: (tabId) => storage.getItem<TabState>(tabStateKey(tabId)),
    set: (state) => storage.setItem(tabStateKey(state.tabId), state),
    remove: (tabId) => storage.removeItem(tabStateKey(tabId)),
  });
  const emptyTab = (tabId: number, url = '', title = ''): TabState => ({
    tabId, url, title, outlet: null, status: 'checking', claims: [], selections: [],
  });

  /** Tabs whose page is being checked again because the corpus changed (see recheckOpenPages). */
  const recheckedForCorpus = new Set<number>();

  /** Selection checks under way, so the same request arriving twice is answered once. */
  const inFlight = new Map<string, Promise<SelectionCheck>>();

  /** Updates of the checks under way kept in session storage (pendingChecksItem), in order. */
  let pendingWrites: Promise<void> = Promise.resolve();
  function notePending(update: (list: PendingCheck[]) => PendingCheck[]): void {
    pendingWrites = pendingWrites
      .then(async () => pendingChecksItem.setValue(update(await pendingChecksItem.getValue())))
      .catch((error) => console.warn('Crosscheck: could not note a check under way', error));
  }

  /**
   * Checks a text the reader chose and keeps the result with the tab, newest first. Noted as under
   * way until it is answered (or fails), so a background stopped in the middle runs it at its next
   * start (see resumeChecks).
   */
  function runSelectionCheck(tabId: number | null, text: string, source: SelectionCheck['source'], pageUrl?: string, resumed?: PendingCheck): Promise<SelectionCheck> {
    // A check run again keeps when the reader asked for it, and counts the tries.
    const pending = pendingNote({ tabId, text, source, ...(pageUrl === undefined ? {} : { pageUrl }), at: resumed?.at ?? Date.now(), ...(resumed ? { tries: (resumed.tries ?? 0) + 1 } : {}) });
    const key = pendingKey(pending);
    const running = inFlight.get(key);
    if (running) return running;
    notePending((list) => withPending(list, pending));
    const check = doSelectionCheck(tabId, text, source, pageUrl).finally(() => {
      inFlight.delete(key);
      notePending((list) => withoutPending(list, key, pending.at));
    });
    inFlight.set(key, check);
    return check;
  }

  /**
   * The reader's checks left unanswered when the background last stopped, run again now: those of
   * a tab still showing the page they were asked on (a typed check: the tab still open).
   */
  async function resumeChecks(): Promise<void> {
    const list = await pendingChecksItem.getValue();
    if (list.length === 0) return;
    const now = Date.now();
    const answered = new Map<number, SelectionCheck[]>();
    for (const p of list) if (p.tabId !== null && !answered.has(p.tabId)) answered.set(p.tabId, (await tabs.get(p.tabId))?.selections ?? []);
    const shown = new Map((await browser.tabs.query({})).map((t) => [t.id, t.url ?? ''] as const));
    const again = checksToResume(list, now, (p) => (p.tabId === null ? [] : (answered.get(p.tabId) ?? []))).filter((p) => {
      if (p.tabId === null || !shown.has(p.tabId)) return false;
      const url = shown.get(p.tabId)!;
      return p.pageUrl === undefined || url === '' || pathOf(url) === pathOf(p.pageUrl);
    });
    // The notes read are forgotten (those run again are noted afresh as they start); one made
    // meanwhile, by the check that woke the background, stays.
    const read = new Set(list.map((p) => `${pendingKey(p)}@${p.at}`));
    notePending((current) => current.filter((p) => !read.has(`${pendingKey(p)}@${p.at}`)));
    for (const p of again) {
      void runSelectionCheck(p.tabId, p.text, p.source, p.pageUrl, p).catch((error) => console.warn('Crosscheck: selection check failed', error));
    }
  }
  void resumeChecks().catch((error) => console.warn('Crosscheck: could not run the checks left under way', error));

  async function doSelectionCheck(tabId: number | null, text: string, source: SelectionCheck['source'], pageUrl?: string): Promise<SelectionCheck> {
    const whole = text.trim();
    const trimmed = whole.slice(0, MAX_SELECTION_CHARS);
    if (!trimmed) throw new Error('Nothing to check: the text is empty.');
    // The shortcut may reach us twice (browser command and page key); one check is enough.
    const recent = tabId === null ? undefined : (await tabs.get(tabId))?.selections[0];
    if (recent && recent.source === source && recent.text === trimmed && Date.now() - Date.parse(recent.checkedAt) < 3000) return recent;
    await demoReady;
    const sensitivity = await sensitivityItem.getValue();
    const state = tabId === null ? null : await tabs.get(tabId);
    // The tab's page, as checked: the reader's selection is looked up as that page's (its own outlet
    // shown apart, its own article and stored copies of it left out).
    const page = state && (pageUrl === undefined || samePageUrl(pageUrl, state.url)) ? state : null;
    const claims = await checkSelection(trimmed, steps, { url: pageUrl ?? state?.url, outlet: state?.outlet, signature: page?.signature }, { sensitivity });
    const check: SelectionCheck = { id: crypto.randomUUID(), source, text: trimmed, ...(whole.length > trimmed.length ? { cut: true } : {}), checkedAt: new Date().toISOString(), claims };
    if (tabId !== null) {
      await tabs.update(tabId, (current) => {
        // The tab moved to another page while this was checked: the check was that page's, not this one's.
        if (current && pageUrl !== undefined && current.url !== '' && pathOf(current.url) !== pathOf(pageUrl)) return undefined;
        // A page not checked itself keeps the reader's checks without claiming to be checked.
        const state = current ?? { ...emptyTab(tabId, pageUrl ?? ''), status: 'unchecked' as const };
        return { ...state, selections: [check, ...state.selections].slice(0, MAX_SELECTIONS) };
      });
    }
    return check;
  }

  /**
   * Adds the page's article to the corpus when capture is on for its site and Crosscheck is on
   * there (once per canonical address): a page checked once on a site that is off is not added,
   * as the popup says ("paused").
   */
  async function captureIfOn(page: Parameters<NonNullable<Handlers<BackgroundProtocol>['checkPage']>>[0], outlet: string | null): Promise<void> {
    const [captureSites, siteSettings] = await Promise.all([captureSitesItem.getValue(), siteSettingsItem.getValue()]);
    if (!isCaptureOn(page.url, captureSites) || !isSiteEnabled(page.url, siteSettings)) return;
    const article = pageToArticle(page, outlet);
    if (!article) return;
    await demoReady;
    if (await store.captureArticle(article)) await corpusCapturedItem.setValue(Date.now());
  }

  /** Opens the side panel; must be called before any await in a user-gesture handler. */
  function openPanel(tabId: number | undefined): Promise<void> {
    if (tabId === undefined || !browser.sidePanel?.open) return Promise.resolve();
    return browser.sidePanel.open({ tabId }).catch((error: unknown) => console.warn('Crosscheck: could not open the side panel', error));
  }

  /**
   * The claims spotted on each tab's article, kept for the check that follows: the opening's as
   * soon as they are asked for, the rest's when they are (see openingLimit in utils/pipeline).
   */
  const spotted = new Map<number, { text: string; sensitivity: number; opening: SpottedClaim[]; rest?: SpottedClaim[] }>();

  /** The claims of a page's text (a part of it, or all) that will be checked: sensitivity, limit, minus those dismissed there. */
  async function claimsOf(tabId: number | undefined, text: string, pageUrl: string, part: 'opening' | 'rest' | 'all'): Promise<SpottedClaim[]> {
    const [sensitivity, dismissedAll] = await Promise.all([sensitivityItem.getValue(), dismissedClaimsItem.getValue()]);
    let entry = tabId === undefined ? undefined : spotted.get(tabId);
    if (!entry || entry.text !== text || entry.sensitivity !== sensitivity) {
      entry = { text, sensitivity, opening: openingClaims(text, steps, { sensitivity }) };
      if (tabId !== undefined) spotted.set(tabId, entry);
    }
    const { opening } = entry;
    const rest = part === 'opening' ? [] : (entry.rest ??= restClaims(text, steps, { sensitivity }, opening));
    const claims = part === 'opening' ? opening : part === 'rest' ? rest : inTextOrder([...opening, ...rest]);
    const dismissed = new Set(dismissedAll[pageKey(pageUrl)] ?? []);
    return dismissed.size === 0 ? claims : claims.filter((c) => !dismissed.has(dismissalKey(c.text)));
  }

  /**
   * The spotter run on news text of our own (the demo articles' paragraphs, a piece of about 1,500
   * characters per turn), the first time a page is about to be read in this worker: its code is
   * compiled, its model unpacked and its busiest paths made fast while the page reads its article,
   * not after. A turn is given back between pieces, so a page asking for its claims waits for one
   * piece at most; the first such ask ends the warm-up.
   */
  let warmUp: 'not yet' | 'running' | 'over' = 'not yet';
  function readySpotter(): void {
    if (warmUp !== 'not yet') return;
    warmUp = 'running';
    const texts = warmUpTexts(WARM_UP_CHARS);
    const next = () => {
      const text = texts.shift();
      if (warmUp !== 'running' || text === undefined) {
        warmUp = 'over';
        return;
      }
      selectClaims(text, steps, {});
      setTimeout(next, 0);
    };
    next();
  }

  /** The dismissed-claims list's updates, in order. */
  let dismissals: Promise<void> = Promise.resolve();

  const handlers: Handlers<BackgroundProtocol> = {
    pageReading() {
      // Not the index: a page may turn out to have no article (a section front), and loading the
      // index for it would cost a wake's memory for nothing; spotPage starts it once there is one.
      // The spotter's run waits a turn so that the answer goes out first.
      if (warmUp === 'not yet') setTimeout(readySpotter, 0);
      return null;
    },
    async spotPage(req, sender) {
      // Claims asked for: the real work warms the spotter from here (a warm-up not yet begun never begins).
      warmUp = 'over';
      // The page's claims will be looked up next: the index loads while they are spotted.
      store.preload();
      const claims = await claimsOf(sender.tabId, req.text.slice(0, MAX_PAGE_CHARS), req.canonicalUrl || req.url, req.part);
      return claims.map(({ text, start, end }) => ({ text, start, end }));
    },
    async checkPage(req, sender) {
      if (sender.tabId === undefined) throw new Error('checkPage must come from a tab');
      const tabId = sender.tabId;
      const pageUrl = req.canonicalUrl || req.url;
      // Without a site name, the outlet is the page's own site (a partner's copy of a wire story
      // may name the wire's address as canonical; it is still the partner's page).
      const outlet = req.siteName?.trim() || safeOutlet(req.url);
      store.preload();
      const run = tabs.begin(tabId);
      // Stored copies of this article's text (the wire story it republishes) are the page itself, not evidence.
      const signature = copySignature(req.text.slice(0, MAX_PAGE_CHARS));
      const base: TabState = { ...emptyTab(tabId, req.url, req.title), outlet, pageId: req.pageId, ...(signature.length ? { signature } : {}) };
      // The reader's selection checks stay with the page, and each write keeps those made meanwhile;
      // an address the page changed itself meanwhile (a fragment) is kept too.
      const samePage = (current: TabState | null) => !!current && (current.url === req.url || (!!base.pageId && current.pageId === base.pageId) || keepsChecksFor(current, req.url));
      const withSelections = (state: TabState, current: TabState | null): TabState =>
        samePage(current) ? { ...state, url: current!.url, selections: current!.selections } : { ...state, selections: [] };
      await tabs.updateIfLatest(tabId, run, (current) => withSelections(base, current));
      const stillAsked = (current: TabState | null) => !base.pageId || current?.pageId === base.pageId;
      // Capture as you read: added beside the check, never in its way; not when the page is checked
      // again because the corpus changed (the reader may just have removed this very article).
      if (!recheckedForCorpus.has(tabId)) void captureIfOn(req, outlet).catch((error) => console.warn('Crosscheck: could not add this article to the corpus', error));
      try {
        await demoReady;
        const spottedClaims = await claimsOf(tabId, req.text.slice(0, MAX_PAGE_CHARS), pageUrl, 'all');
        if (tabs.isLatest(tabId, run)) spotted.delete(tabId);
        const claims = await checkClaims(spottedClaims, steps, { url: pageUrl, outlet, signature, names: pageNames(req.text.slice(0, MAX_PAGE_CHARS)) });
        // Written only while this is the tab's latest check (an older one finishing late is
        // dropped) and the page that asked is still the tab's (not one reloaded meanwhile, whose
        // claims were cleared: see onUpdated).
        await tabs.updateIfLatest(tabId, run, (current) => (stillAsked(current) ? withSelections({ ...base, status: 'done', claims, checkedAt: new Date().toISOString() }, current) : undefined));
        return claims;
      } catch (error) {
        await tabs.updateIfLatest(tabId, run, (current) => (stillAsked(current) ? withSelections({ ...base, status: 'error', error: error instanceof Error ? error.message : String(error) }, current) : undefined));
        throw error;
      }
    },
    async capturePage(req) {
      // Capture switched on while the reader was on the page: the article they are reading counts too.
      await captureIfOn(req, req.siteName?.trim() || safeOutlet(req.url));
      return null;
    },
    async pageIdle(req, sender) {
      if (sender.tabId === undefined) return null;
      const tabId = sender.tabId;
      const run = tabs.begin(tabId);
      await tabs.updateIfLatest(tabId, run, (current) => ({
        ...emptyTab(tabId, req.url),
        status: req.status,
        ...(req.error === undefined ? {} : { error: req.error }),
        pageId: req.pageId,
        selections: current && (current.url === req.url || keepsChecksFor(current, req.url)) ? current.selections : [],
      }));
      return null;
    },
    async dismissClaim(req, sender) {
      const key = pageKey(req.pageUrl);
      // One at a time: two quick "Not a claim" clicks both read the list before either wrote it.
      const write = dismissals.then(async () => {
        const all = await dismissedClaimsItem.getValue();
        const { [key]: current = [], ...others } = all;
        // Re-inserted last, so the most recently used pages are the ones kept.
        const kept = Object.entries(others).slice(-(MAX_DISMISSED_PAGES - 1));
        await dismissedClaimsItem.setValue({ ...Object.fromEntries(kept), [key]: [...new Set([...current, req.key])] });
      });
      dismissals = write.catch(() => undefined);
      await write;
      if (sender.tabId !== undefined) {
        await tabs.update(sender.tabId, (state) => state && { ...state, claims: state.claims.filter((c) => dismissalKey(c.text) !== req.key) });
      }
      return null;
    },
    checkTyped: (req) => runSelectionCheck(req.tabId, req.text, 'typed'),
    checkSelection: (req, sender) => {
      // The reader pressed the keys on the page (the browser's own shortcut did not take them):
      // the answer is shown in the side panel, opened now, while the key press still counts as
      // the reader's gesture, as the browser's shortcut and the context menu open it.
      void openPanel(sender.tabId);
      return runSelectionCheck(sender.tabId ?? null, req.text, 'selection', req.url);
    },
    async checkTabOnce(req) {
      await checkTabOnce(req.tabId);
      return null;
    },
    async openSidePanel(req) {
      await openPanel(req.tabId);
      return null;
    },
    importBatch: async (req) => {
      const result = await store.addArticles(req.articles, 'import', req.checkpoint);
      if (result.added > 0) importChanged();
      return result;
    },
    importState: async (req) => {
      const row = await store.importState(req.fileKey);
      return row && { fileKey: row.fileKey, name: row.name, line: row.line, bytesRead: row.bytesRead, added: row.added, duplicates: row.duplicates, repeated: row.repeated ?? 0, copies: row.copies, errors: row.errors, errorCount: row.errorCount, updatedAt: row.updatedAt };
    },
    async forgetImport(req) {
      await store.forgetImport(req.fileKey);
      return null;
    },
    deletePublishedBetween: async (req) => ({ removed: changed(await store.removePublishedBetween(req.from, req.to, req.timeZone)) }),
    deleteArticle: async (req) => ({ removed: changed(await store.removeArticle(req)) }),
    removeDemoCorpus: async () => ({ removed: changed(await removeDemoCorpus(store)) }),
    async loadDemoCorpus() {
      return { added: changed(await loadDemoCorpus(store)) };
    },
    deleteOutlet: async (req) => ({ removed: changed(await store.removeOutlet(req.outlet)) }),
    exportPage: (req) => store.exportPage(req.afterId, Math.min(Math.max(req.limit, 1), 1000)),
    // Sizes wait for the first-run demo load, so a first look does not report an empty corpus.
    corpusSize: async () => {
      await demoReady;
      return store.size();
    },
    outletStats: async (req) => {
      await demoReady;
      return store.outletStats(req.timeZone);
    },
  };
  // A database that failed to open (the disk was full) is opened afresh at the next message, so
  // Crosscheck works again once there is room, without restarting the browser.
  handleMessages(handlers, { before: () => reopenIfFailed(db) });

  /**
   * The corpus changed from the options page: open pages checked against it are checked again, so
   * their highlights, popovers, the popup and the side panel neither cite articles removed nor
   * leave out those just imported (they did until the page was reloaded).
   */
  async function recheckOpenPages(): Promise<void> {
    for (const tab of await browser.tabs.query({})) {
      const tabId = tab.id;
      if (tabId === undefined || !checkedAgainstCorpus(await tabs.get(tabId))) continue;
      // The page answers once its check is done: until then its checks add nothing to the corpus.
      recheckedForCorpus.add(tabId);
      void toTab(tabId, 'recheck', {}).finally(() => recheckedForCorpus.delete(tabId));
    }
  }
  const recheckSoon = () => void recheckOpenPages().catch((error) => console.warn('Crosscheck: could not check open pages again', error));
  /** An import's batches come one after another: pages are checked again once they stop. */
  const importChanged = afterQuiet(recheckSoon, 1500);
  /** `count` articles were removed or added: open pages are checked again when there were any. */
  function changed<T>(count: T): T {
    if (typeof count === 'number' ? count > 0 : !!count) recheckSoon();
    return count;
  }

  // The content script runs only where the browser granted access; keep its registration in line.
  const sync = () => syncContentScript().catch((error) => console.error('Crosscheck: could not register the page script', error));
  // Pages of granted sites already open when the background starts (a browser start can load them
  // before its registrations are read) get the page script too.
  void sync().then((origins) => origins && startInOpenTabs(origins));
  // A grant or a withdrawal — from the popup's switch, the options page or the browser's own
  // site-access menu — switches those sites on or off in the reader's settings too.
  watchGrants(
    (origins) =>
      void (async () => {
        await settingsOnGrant(origins);
        await sync();
        await startInOpenTabs(origins);
      })().catch((error) => console.error('Crosscheck: could not start on the sites just allowed', error)),
    (origins) =>
      void (async () => {
        await settingsOnRevoke(origins);
        await sync();
      })().catch((error) => console.error('Crosscheck: could not stop on the sites just removed', error)),
  );

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Cross-check selection', contexts: ['selection'] }, () => void browser.runtime.lastError);
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    void openPanel(tab?.id);
    void runSelectionCheck(tab?.id ?? null, info.selectionText, 'selection', tab?.url).catch((error) =>
      console.warn('Crosscheck: selection check failed', error),
    );
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'check-selection' || tab?.id === undefined) return;
    const tabId = tab.id;
    void openPanel(tabId);
    void (async () => {
      const answer = await toTab(tabId, 'getSelection', {});
      let text = answer.ok ? answer.value : '';
      if (!text) text = await selectionByScript(tabId);
      if (text) await runSelectionCheck(tabId, text, 'selection', tab.url);
    })().catch((error) => console.warn('Crosscheck: selection check failed', error));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    spotted.delete(tabId);
    void tabs.close(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A page loaded on a granted site: make sure the page script runs there.
    if (change.status === 'complete' && tab.url) {
      void startIfGranted(tabId, tab.url).catch((error) => console.warn('Crosscheck: could not start on', tab.url, error));
    }
    // A page loaded (again: a reload): what was found on the tab's page before no longer shows
    // unless the page script that checked it still answers (a page checked once, on a site that is
    // off, is not checked again). The claims go; the reader's own checks stay with the page. Asked
    // once the page has loaded: while it loads, the page before may still be there to answer.
    if (change.status === 'complete') {
      void (async () => {
        const state = await tabs.get(tabId);
        if (!state?.pageId || state.status === 'unchecked') return;
        const answer = await toTab(tabId, 'hello', {});
        if (answer.ok && answer.value === state.pageId) return;
        await tabs.update(tabId, (current) => {
          if (!current || current.pageId !== state.pageId || current.status === 'unchecked') return undefined;
          return current.selections.length ? { ...emptyTab(tabId, current.url), status: 'unchecked', selections: current.selections } : null;
        });
      })().catch((error) => console.warn('Crosscheck: could not follow the tab\'s reload', error));
    }
    // A new page in the tab: what was found on the old one no longer applies. The browser reports
    // an address changed by the page itself (a fragment, history.pushState) the same way; there the
    // page script still holds its claims, so the state stays, under the new address (the page
    // script in the tab answers with the id it checked the page with: a new page has a new one).
    if (change.url) {
      const url = change.url;
      void (async () => {
        const state = await tabs.get(tabId);
        if (!state || state.url === url) return;
        const answer = state.pageId ? await toTab(tabId, 'hello', {}) : null;
        const samePage = !!answer?.ok && answer.value === state.pageId;
        await tabs.update(tabId, (current) => {
          if (!current || current.url === url) return undefined;
          return samePage && current.pageId === state.pageId ? { ...current, url } : null;
        });
      })().catch((error) => console.warn('Crosscheck: could not follow the tab to', url, error));
    }
  });
});

/** The selection of a tab where the content script is not running (activeTab grants this). */
async function selectionByScript(tabId: number): Promise<string> {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: () => getSelection()?.toString() ?? '' });
    return typeof result?.result === 'string' ? result.result : '';
  } catch {
    return '';
  }
}

/** The key under which a page's dismissed claims are kept: its canonical URL. */
function pageKey(url: string): string {
  try {
    return canonicalUrl(url);
  } catch {
    return url;
  }
}

/**
 * Whether a tab's state of the reader's own checks only ('unchecked') goes on to the page now
 * checked: the same page, or checks typed with no page of their own.
 */
function keepsChecksFor(state: TabState, url: string): boolean {
  return state.status === 'unchecked' && (state.url === '' || samePageUrl(state.url, url));
}

/** An address without its query and fragment (a page's, however long its query). */
function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/** Whether two addresses are one page (a fragment or tracking parameters apart). */
function samePageUrl(a: string, b: string): boolean {
  try {
    return canonicalUrl(a) === canonicalUrl(b);
  } catch {
    return a === b;
  }
}

function safeOutlet(url: string): string | null {
  try {
    return outletFromUrl(url);
  } catch {
    return null;
  }
}

/** How much of the demo articles' text readySpotter runs the spotter on, at most: an opening's worth. */
const WARM_UP_CHARS = OPENING_CHARS;
