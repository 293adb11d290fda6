import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sensitivityItem, siteSettingsItem } from '@/utils/extension/settings';
import { handleMessages, toBackground, type BackgroundProtocol, type ContentProtocol, type Req } from '@/utils/extension/messages';
import { LIMITS } from '@/utils/extension/message-checks';
import { absoluteHttpUrl } from '@/utils/url';
import { hasRest } from '@/utils/claim-parts';
import { dismissalKey } from '@/utils/dismissal';
import { isSiteEnabled } from '@/utils/site-settings';
import { captureSitesItem, isCaptureOn } from '@/utils/extension/capture';
import { extractArticleSteps, type ExtractedArticle } from '@/utils/extract';
import { runToEnd } from '@/utils/run-to-end';
import { findQuote, quoteAt } from '@/utils/anchor/text-quote';
import type { CheckedClaim, Span, TextQuote } from '@/utils/types';
import { buildTextIndexSteps, rangeFor, rangeText, type TextIndex } from './text-index';
import { createHighlighter, type Highlighter } from './highlighter';
import { POPOVER_SELECTOR } from './popover-host';
import type { PopoverContainer } from './popover';
import { ReanchorScheduler } from './reanchor';

export default defineContentScript({
  // Registered by the background for the sites the reader switched on (and injected once on a
  // page the reader asked to check), never for every site: see entrypoints/background/access.ts.
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  // The popover's styles are passed to its shadow root directly (see popover.tsx).
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Injected again (registered for the site, and once more for a one-off check)? The newer copy
    // takes over: starting its context invalidates this one (WXT's ContentScriptContext), which
    // then stops painting, watching and answering messages — everything below is tied to `ctx`.
    const page = new PageClaims(ctx);
    let enabled = false;
    /** A one-off check the reader asked for: on for this page whatever the site settings say. */
    let once = false;
    const apply = (on: boolean) => {
      if (on === enabled) return;
      enabled = on;
      if (on) void page.start();
      else page.stop('off');
    };

    const unlisten = handleMessages<ContentProtocol>({
      hello: () => PAGE_ID,
      checkOnce() {
        once = true;
        if (enabled) void page.start();
        else apply(true);
        return null;
      },
      showClaim: ({ index, text }) => page.show(index, text),
      getSelection: () => page.selectedText(),
      async recheck() {
        if (enabled) await page.start();
        return null;
      },
    });
    ctx.onInvalidated(unlisten);

    // A page the browser renders ahead (one it expects the reader to open next) runs this script
    // under the tab the reader is looking at: it is read only once the reader has opened it.
    if ((document as Document & { prerendering?: boolean }).prerendering) {
      await new Promise<void>((resolve) => document.addEventListener('prerenderingchange', () => resolve(), { once: true }));
    }
    const settings = siteSettingsItem.getValue();
    page.readAhead();
    const initial = isSiteEnabled(location.href, await settings);
    if (initial) apply(true);
    else if (!enabled) {
      // Switched off here after all: what was read ahead is not kept for a later start. (A
      // one-off check asked for while the settings were read has started already, and took it.)
      page.stopReading();
      pageIdle('off');
    }
    // A change in the site settings applies at once, without a reload.
    const unwatch = siteSettingsItem.watch((settings) => apply(once || isSiteEnabled(location.href, settings)));
    ctx.onInvalidated(unwatch);
    // Capture switched on for this site while the page is open: its article is added now, not at the next visit.
    const unwatchCapture = captureSitesItem.watch((sites, before) => {
      if (enabled && isCaptureOn(location.href, sites) && !isCaptureOn(location.href, before ?? [])) page.capture();
    });
    ctx.onInvalidated(unwatchCapture);
    // More or fewer claims: check the page again with the new sensitivity.
    const unwatchSensitivity = sensitivityItem.watch(() => {
      if (enabled) void page.start();
    });
    ctx.onInvalidated(unwatchSensitivity);
    // Single-page sites: a new article without a page load.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (enabled) page.locationChanged();
    });
  },
});

/**
 * This page script's id, new for every page it runs in: the background keeps it with the tab's
 * state, and an address change the page makes itself (a fragment, pushState) keeps that state while
 * the script in the tab still answers with it. (Random bytes: randomUUID needs a secure page.)
 */
const PAGE_ID = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The page's address as messages carry it: an address longer than a message may carry (a page
 * with a huge query string) goes without its query and fragment, cut if still too long, rather
 * than have every message refused and the page never checked.
 */
function pageAddress(): string {
  if (location.href.length <= LIMITS.url) return location.href;
  return `${location.origin}${location.pathname}`.slice(0, LIMITS.url);
}

/** Tells the background this page is not being checked: switched off, no article, or its check failed (`error` says why). */
function pageIdle(status: 'off' | 'no-article' | 'error', error?: string): void {
  void toBackground('pageIdle', { url: pageAddress(), status, pageId: PAGE_ID, ...(error === undefined ? {} : { error: error.slice(0, LIMITS.shortText) }) });
}

/** A claim on this page with its anchor and, when found, its range in the live DOM. */
interface Anchored {
  claim: CheckedClaim;
  quote: TextQuote;
  range: Range | null;
  /** Spotted but not checked yet: painted as "checking", no popover. */
  pending?: boolean;
  /** The text the range covered when it was found (it may differ a little from the claim's). */
  found?: string;
  /** Painted once, not found since (the page is between renders): still looked for, a few times. */
  lost?: number;
}

/** Time the page must be quiet before highlights are re-found after a change. */
const REANCHOR_DELAY_MS = 250;
/** A page that never goes quiet (a ticker, a clock) gets its highlights back at least this often. */
const REANCHOR_MAX_WAIT_MS = 1000;
/** Re-finding claims takes at most this share of the page's main thread, however often it changes. */
const REANCHOR_MAX_SHARE = 0.1;
/** Searches for a lost claim that find nothing before it is given up until the next check. */
const LOST_TRIES = 3;
/** Changes to the page are looked at, to see whether they broke a claim, at most this often. */
const BROKEN_CHECK_MS = 50;
/** What the page's changes are watched for. */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/** After the address changes without a page load, the page is read again once it settles. */
const MOVE_DELAY_MS = 300;
const MOVE_MAX_WAIT_MS = 1000;
/** How long after such a change the page's changes are watched for the new article to arrive. */
const MOVE_WATCH_MS = 6000;
/** Reading the page again after address changes takes at most this share of the main thread. */
const MOVE_MAX_SHARE = 0.1;

/** Checks this page's article and keeps its claims painted while the page changes. */
class PageClaims {
  private anchored: Anchored[] = [];
  private highlighter: Highlighter | null = null;
  private popover: LazyPopover;
  private observer: MutationObserver | null = null;
  /** The page's text index from the last paint, and whether the page has changed since (see textIndexSteps). */
  private lastIndex: { index: TextIndex; watch: MutationObserver; changed: boolean } | null = null;
  private brokenCheck: number | undefined;
  private reanchor = new ReanchorScheduler(() => this.reanchorIfBroken(), {
    delay: REANCHOR_DELAY_MS,
    maxWait: REANCHOR_MAX_WAIT_MS,
    maxShare: REANCHOR_MAX_SHARE,
  });
  private moved = new ReanchorScheduler(() => this.afterMove(), { delay: MOVE_DELAY_MS, maxWait: MOVE_MAX_WAIT_MS, maxShare: MOVE_MAX_SHARE });
  /** The article as sent for the last finished check (added to the corpus if capture is switched on later). */
  private checkedPage: Req<BackgroundProtocol, 'checkPage'> | null = null;
  /** The article text of the last finished check, and of the last check started. */
  private checkedText: string | null = null;
  private startedText: string | null = null;
  /** Watches the page for a while after an address change, for the new article to arrive. */
  private moveObserver: MutationObserver | null = null;
  private moveUntil = 0;
  /** The last look for the claims found none of them. */
  private lostAll = false;
  /** Increases on every start/stop, so a late answer for an old page is ignored. */
  private generation = 0;
  /** The page's address as the background knows it (canonical when the page gives one). */
  private pageUrl = pageAddress();
  /** The document that holds the article: the page's own, or a same-origin frame's. */
  private doc: Document = document;
  /** Documents whose clicks, focus and keys we follow. */
  private listening = new WeakSet<Document>();

  constructor(private ctx: ContentScriptContext) {
    this.popover = new LazyPopover(ctx);
    this.listenTo(document);
    ctx.onInvalidated(() => this.stop(null));
  }

  private listenTo(doc: Document) {
    if (this.listening.has(doc)) return;
    this.listening.add(doc);
    // At the top, in the capture phase: a page stopping these events at its window or document
    // (its own click handling) does not stop the claims from answering. (A listener of the page's
    // own at its window that calls stopImmediatePropagation still wins: it was added first.)
    const top = doc.defaultView ?? doc;
    this.ctx.addEventListener(top, 'click', (e) => this.onClick(e as MouseEvent, doc), { capture: true });
    this.ctx.addEventListener(top, 'focusin', (e) => this.onFocus(e as FocusEvent), { capture: true });
    this.ctx.addEventListener(top, 'keydown', (e) => this.onKey(e as KeyboardEvent), { capture: true });
  }

  /** Works on the article in `doc` from now on (a frame's document, or the page's own). */
  private useDocument(doc: Document) {
    if (doc === this.doc) return;
    this.highlighter?.destroy();
    this.highlighter = null;
    this.forgetIndex();
    this.observer?.disconnect();
    this.observer = null;
    this.doc = doc;
    this.listenTo(doc);
    // A frame that loads another page takes its article with it: read the page again.
    const frame = doc.defaultView?.frameElement;
    if (frame) this.ctx.addEventListener(frame, 'load', () => { if (this.doc === doc) void this.start(); });
  }

  /**
   * The address changed without a page load (a single-page site, or infinite scroll naming the
   * story in view). Once the address settles, the page is read again; it is checked again only
   * when its article changed, so a page that keeps rewriting its address is not checked over and over.
   */
  locationChanged(): void {
    this.awaitedLate = false;
    this.watchForArticle();
  }

  /**
   * A page read with no article, or none with claims, may be a client-rendered page whose story
   * is still being fetched: its changes are read again for a few seconds (as after an address
   * change, and as the page's frames load), and a story found then is checked. Once per page (or
   * address): a page whose text keeps changing without ever holding a claim is not read over and over.
   */
  private awaitLateArticle() {
    if (this.awaitedLate) return;
    this.awaitedLate = true;
    this.watchForArticle();
    // A frame of the page loading its page (the story, perhaps) changes no node of this one.
    for (const frame of document.querySelectorAll('iframe, frame')) {
      if (this.framesWatched.has(frame)) continue;
      this.framesWatched.add(frame);
      this.ctx.addEventListener(frame, 'load', () => {
        if (performance.now() <= this.moveUntil) this.moved.changed();
      });
    }
  }
  private framesWatched = new WeakSet<Element>();
  private awaitedLate = false;

  /** Reads the page again once it settles, and again after each change for a few seconds. */
  private watchForArticle() {
    this.moveUntil = performance.now() + MOVE_WATCH_MS;
    if (!this.moveObserver) {
      this.moveObserver = new MutationObserver((records) => {
        if (performance.now() > this.moveUntil) {
          this.moveObserver?.disconnect();
          this.moveObserver = null;
          return;
        }
        if (!records.every((r) => isOurs(r.target))) this.moved.changed();
      });
      this.moveObserver.observe(document.body ?? document.documentElement, OBSERVED);
    }
    this.moved.changed();
  }

  /**
   * Reads the page again after it moved or changed: a slice at a time (a long page's reading is
   * tens of milliseconds), given up when a newer start or a stop comes meanwhile. Resolves to the
   * time the slices kept the thread busy (the scheduler spaces the next reading by it).
   */
  private async afterMove(): Promise<number> {
    const generation = this.generation;
    const steps = findArticleSteps();
    let busy = 0;
    let found: FoundArticle | null;
    for (;;) {
      const slice = performance.now();
      let step = steps.next();
      while (!step.done && performance.now() - slice <= SLICE_MS) step = steps.next();
      busy += performance.now() - slice;
      if (step.done) {
        found = step.value;
        break;
      }
      await yieldToPage();
      if (generation !== this.generation) {
        steps.return(null);
        return busy;
      }
    }
    const rest = performance.now();
    this.afterReading(found);
    return busy + performance.now() - rest;
  }

  private afterReading(found: FoundArticle | null) {
    const article = found?.article ?? null;
    const lostAll = this.lostAll;
    this.lostAll = false;
    if (!article) {
      // No article (yet): the claims of the one that left go. Claims that merely vanished for a
      // moment (the page between renders) stay, to be found again.
      if (!lostAll && this.startedText !== null) {
        this.clear();
        pageIdle('no-article');
      }
      return;
    }
    if (article.text !== this.startedText) void this.start(found);
    else if (article.text === this.checkedText) this.reanchorIfBroken();
  }

  /**
   * Starts reading the page's article before it is known whether the page is to be checked (the
   * site settings are still being read): the page script runs only where the reader switched
   * Crosscheck on or asked for a check, so the next start() nearly always takes this reading.
   */
  readAhead(): void {
    this.reading ??= this.beginReading(true);
  }

  /** The reading of the article in progress; `ahead` while readAhead began it and no start() took it yet. */
  private reading: Reading | null = null;

  /** Stops the reading in progress (the page is not to be checked after all, or a newer start reads it again). */
  stopReading(): void {
    this.reading?.steps.return(null);
    this.reading = null;
  }

  /** Reads the article, a long page a slice at a time (the page's main thread given back in between). */
  private beginReading(ahead: boolean): Reading {
    // The background gets ready (wakes, loads what it needs) while the page is read.
    void toBackground('pageReading', {});
    const steps = findArticleSteps();
    // The first step waits for a task of its own (not the script's first run, or the settings' answer).
    return { steps, found: yieldToPage().then(() => runInSlices(steps)), ahead };
  }

  /** Finds the article (unless given), asks the background to check it, and paints the claims. */
  async start(given?: FoundArticle | null): Promise<void> {
    const generation = ++this.generation;
    this.moved.cancel();
    const ahead = this.reading?.ahead && given === undefined ? this.reading : null;
    if (!ahead) this.stopReading();
    let found = given;
    if (found === undefined) {
      const reading = ahead ?? this.beginReading(false);
      reading.ahead = false;
      this.reading = reading;
      found = await reading.found;
      if (this.reading === reading) this.reading = null;
    }
    if (generation !== this.generation) return;
    const article = found?.article ?? null;
    this.startedText = article?.text ?? null;
    if (!found || !article) {
      this.clear();
      pageIdle('no-article');
      this.awaitLateArticle();
      return;
    }
    this.useDocument(found.doc);
    // What the page says about itself is cut to what a message may carry (the text keeps its
    // start, so claim offsets still hold); its canonical address is made absolute, or dropped.
    const canonicalUrl = absoluteHttpUrl(article.canonicalUrl, location.href);
    const text = article.text.slice(0, LIMITS.pageText);
    this.pageUrl = canonicalUrl || pageAddress();
    this.highlighter ??= createHighlighter(this.doc);
    // The claims first, painted as "checking" while the background looks up the evidence: the
    // opening's, then the rest's (a long page's first screen is not kept waiting for its end).
    const pending = (span: Span): Anchored => {
      const claim: CheckedClaim = { ...span, score: 0, verdict: 'unverified', outlets: [] };
      return { claim, quote: pageQuote(article.text, claim), range: null, pending: true };
    };
    const spot = (part: 'opening' | 'rest') => toBackground('spotPage', { url: pageAddress(), canonicalUrl, text, part });
    const asked = spot('opening');
    // While the background spots them, the page's text is indexed for finding them in it (a
    // slice at a time, from a task of its own: on a long page that is tens of milliseconds of work).
    if (!this.highlighter.touchesDom) {
      await yieldToPage();
      if (generation !== this.generation || !(await this.inSlices(generation, this.textIndexSteps(false)))) return;
    }
    const opening = await asked;
    if (generation !== this.generation) return;
    if (opening.ok) {
      this.anchored = opening.value.map(pending);
      if (!(await this.paintInSlices(generation, { reuseIndex: true }))) return;
      const rest = hasRest(text.length) ? await spot('rest') : null;
      if (generation !== this.generation) return;
      if (rest?.ok && rest.value.length > 0) {
        this.anchored = [...this.anchored, ...rest.value.map(pending)].sort((a, b) => a.claim.start - b.claim.start);
        if (!(await this.paintInSlices(generation, { keepFound: true }))) return;
      }
    }
    // Painting the verdicts looks for any claim not found yet in a fresh index.
    this.forgetIndex();
    const page = {
      url: pageAddress(),
      title: article.title.slice(0, LIMITS.title),
      siteName: article.siteName?.slice(0, LIMITS.outlet) ?? null,
      canonicalUrl,
      published: article.published?.slice(0, LIMITS.date) ?? null,
      text,
      pageId: PAGE_ID,
    };
    let answer = await toBackground('checkPage', page);
    // A background stopped in the middle of the check (the browser stops a worker it finds idle
    // or too long at work) leaves no answer: asked once more, a new one checks the page again.
    if (!answer.ok && generation === this.generation) answer = await toBackground('checkPage', page);
    if (generation !== this.generation) return;
    if (!answer.ok) {
      console.warn('Crosscheck: could not check this page:', answer.error);
      // No verdict is coming: the claims are no longer shown as being checked, here or in the popup.
      this.anchored = [];
      this.paintRanges();
      pageIdle('error', answer.error);
      return;
    }
    this.checkedText = article.text;
    this.checkedPage = page;
    if (answer.value.length === 0) this.awaitLateArticle();
    // Ranges found for the pending claims are kept when they still hold: no second search of the page.
    const earlier = new Map(this.anchored.map((a) => [`${a.claim.start}:${a.claim.end}`, a]));
    this.anchored = answer.value.map((claim) => {
      const before = earlier.get(`${claim.start}:${claim.end}`);
      return { claim, quote: pageQuote(article.text, claim), range: before?.range ?? null, found: before?.found };
    });
    if (this.anchored.every((a) => a.range && stillHolds(a))) this.repaint();
    else this.paint();
    this.observe();
  }

  /** Removes every highlight and stops watching the page. */
  stop(status: 'off' | null): void {
    this.generation++;
    this.stopReading();
    // No more reading of the page after changes, an address move or a frame's load: switched off
    // means off, until the next start.
    this.moveUntil = 0;
    this.moved.cancel();
    this.moveObserver?.disconnect();
    this.moveObserver = null;
    this.clear();
    this.doc = document;
    if (status) pageIdle(status);
  }

  private clear() {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.brokenCheck);
    this.brokenCheck = undefined;
    this.reanchor.cancel();
    this.moved.cancel();
    this.checkedText = null;
    this.checkedPage = null;
    this.startedText = null;
    this.popover.close();
    this.highlighter?.destroy();
    this.highlighter = null;
    this.forgetIndex();
    this.anchored = [];
  }

  /** Finds every claim in the live page and paints it. */
  private paint() {
    runToEnd(this.paintSteps());
    // A text index is kept only between the paints of one start (see textIndexSteps).
    this.forgetIndex();
  }

  /**
   * paint() as steps: a `yield` after each claim is found, so a caller may give the page its main
   * thread back. With `keepFound`, claims whose range still holds are not looked for again (the
   * rest of a page's claims added to its opening's).
   */
  private *paintSteps({ keepFound = false, reuseIndex = keepFound }: PaintOptions = {}): Generator<void, void> {
    if (!this.highlighter) return;
    // Marks from an earlier paint (wrapping fallback) come out first, so the text is whole again.
    // (The highlight registry's painter needs no clearing: paintRanges replaces what it shows, and
    // until then the claims painted before stay, a long page's opening's while its rest is found.)
    if (this.highlighter.touchesDom) this.highlighter.clear();
    const index = yield* this.textIndexSteps(reuseIndex);
    for (const a of this.anchored) {
      if (keepFound && a.range && stillHolds(a)) continue;
      const wasPainted = !!a.range || a.lost !== undefined;
      a.range = locate(index, a);
      a.found = a.range ? rangeText(a.range) : undefined;
      a.lost = a.range || !wasPainted ? undefined : (a.lost ?? 0) + 1;
      yield;
    }
    this.paintRanges();
  }

  /**
   * The page's text index, built in steps (a long page's a slice at a time). With `reuse`, the
   * last one built while nothing but our own UI has changed in the page since (within one start:
   * built while the background spots the opening's claims, used for them and for the rest's);
   * otherwise one built afresh, watched for changes from its first step on: the document's nodes,
   * text and slot assignments, and those of the shadow roots whose text it holds. A change of the
   * page's between two slices counts as a change; one inside a shadow root in that time is not
   * seen, nor one in a shadow root attached after the build (rangeFor refuses a range past the
   * end of text shortened since). The index lives only as long as one start, and the verdicts'
   * paint looks for any claim not found in a fresh one.
   */
  private *textIndexSteps(reuse: boolean): Generator<void, TextIndex> {
    const last = this.lastIndex;
    if (last) {
      if (!last.changed && last.watch.takeRecords().some((r) => !isOurs(r.target))) last.changed = true;
      if (reuse && !last.changed) return last.index;
      this.forgetIndex();
    }
    const root = this.doc.body ?? this.doc.documentElement;
    const watched: MutationObserverInit = { ...OBSERVED, attributeFilter: ['slot', 'name'] };
    // The browser hands the records to the callback whenever the page runs between two slices:
    // they are looked at there (and what is still queued at the end).
    let changedMeanwhile = false;
    const noteChanges = (records: MutationRecord[]) => {
      if (records.some((r) => !isOurs(r.target))) changedMeanwhile = true;
    };
    const meanwhile = new MutationObserver(noteChanges);
    meanwhile.observe(this.doc, watched);
    let index: TextIndex;
    try {
      index = yield* buildTextIndexSteps(root, isOurUi);
      noteChanges(meanwhile.takeRecords());
    } finally {
      // Also when the steps are given up half-way (a newer start or stop).
      meanwhile.disconnect();
    }
    const entry = {
      index,
      changed: changedMeanwhile,
      watch: new MutationObserver((records) => {
        if (!records.some((r) => !isOurs(r.target))) return;
        entry.changed = true;
        entry.watch.disconnect();
      }),
    };
    entry.watch.observe(this.doc, watched);
    const roots = new Set<Node>();
    for (const node of index.nodes) roots.add(node.getRootNode());
    for (const r of roots) if (r.nodeType === 11) entry.watch.observe(r, watched);
    this.lastIndex = entry;
    return index;
  }

  private forgetIndex() {
    this.lastIndex?.watch.disconnect();
    this.lastIndex = null;
  }

  /**
   * paint() a slice at a time, the page's main thread given back in between (a first paint of
   * many claims on a long page). False when a newer start or stop came in the meantime.
   */
  private async paintInSlices(generation: number, opts: PaintOptions = {}): Promise<boolean> {
    // Wrapping changes the page's text nodes: that painter is run in one go.
    if (!this.highlighter || this.highlighter.touchesDom) {
      this.paint();
      return true;
    }
    return this.inSlices(generation, this.paintSteps(opts));
  }

  /**
   * Runs steps to their end, SLICE_MS of them at a time, the page's main thread given back in
   * between. False when a newer start or stop came in the meantime (the rest is not run).
   */
  private async inSlices(generation: number, steps: Generator<void, unknown>): Promise<boolean> {
    let slice = performance.now();
    while (!steps.next().done) {
      if (performance.now() - slice <= SLICE_MS) continue;
      await yieldToPage();
      if (generation !== this.generation) {
        steps.return(undefined);
        return false;
      }
      slice = performance.now();
    }
    return true;
  }

  /** Paints the claims again at their current ranges (found afresh where painting moves them). */
  private repaint() {
    if (this.highlighter?.touchesDom) this.paint();
    else this.paintRanges();
  }

  private paintRanges() {
    this.highlighter?.paint(this.anchored.flatMap((a) => (a.range ? [{ range: a.range, verdict: a.pending ? ('pending' as const) : a.claim.verdict }] : [])));
    // Our own wrapping is not a change of the page.
    this.observer?.takeRecords();
    // Changes inside a shadow root are not seen from the document: watch the ones holding claims.
    for (const root of this.shadowRoots()) this.observer?.observe(root, OBSERVED);
  }

  /** The open shadow roots that hold painted claims. */
  private shadowRoots(): ShadowRoot[] {
    const roots = new Set<ShadowRoot>();
    for (const a of this.anchored) {
      const root = a.range?.startContainer.getRootNode();
      if (root && root.nodeType === 11) roots.add(root as ShadowRoot);
    }
    return [...roots];
  }

  /** Re-finds claims after the page re-renders (only when a painted claim was lost or changed). */
  private observe() {
    this.observer?.disconnect();
    this.observer = new MutationObserver((records) => {
      if (records.every((r) => isOurs(r.target))) return;
      if (this.reanchor.pending) {
        this.reanchor.changed();
        return;
      }
      // Changes elsewhere on the page (a ticker, a clock) leave the claims as they were: nothing to
      // do. Whether they did is looked at a little later, once for any number of changes.
      this.brokenCheck ??= this.ctx.setTimeout(() => {
        this.brokenCheck = undefined;
        if (this.broken()) this.reanchor.changed();
      }, BROKEN_CHECK_MS);
    });
    this.observer.observe(this.doc.body ?? this.doc.documentElement, OBSERVED);
    for (const root of this.shadowRoots()) this.observer.observe(root, OBSERVED);
  }

  /** Whether a painted claim lost its text, or one lost earlier is still worth looking for. */
  private broken(): boolean {
    // One never found on this page stays unpainted.
    return this.anchored.some((a) => (a.range ? !stillHolds(a) : a.lost !== undefined && a.lost < LOST_TRIES));
  }

  private reanchorIfBroken() {
    if (!this.broken()) return;
    this.paint();
    // None of the claims is on the page any more: perhaps another article took its place (a
    // single-page site that changed its address before its content). Read the page again.
    if (this.anchored.length > 0 && this.anchored.every((a) => !a.range)) {
      this.lostAll = true;
      this.watchForArticle();
    }
  }

  /** Asks the background to add the article last checked here to the corpus (capture just switched on for this site). */
  capture(): void {
    if (this.checkedPage) void toBackground('capturePage', this.checkedPage);
  }

  /** Scrolls to claim `index` and flashes it (from the side panel). */
  show(index: number, text?: string): boolean {
    // By position in the tab state's list, unless the page's list changed since (a new check
    // under way): then by the claim's words.
    const at = this.anchored[index];
    const a = text === undefined || at?.claim.text === text ? at : this.anchored.find((c) => c.claim.text === text);
    if (!a) return false;
    if (!a.range || !stillHolds(a)) this.paint();
    if (!a.range) return false;
    const target = a.range.startContainer.parentElement;
    target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    this.highlighter?.flash(a.range);
    return true;
  }

  private claimAt(node: Node, offset: number): Anchored | undefined {
    return this.anchored.find((a) => {
      if (!a.range) return false;
      try {
        return a.range.isPointInRange(node, offset);
      } catch {
        return false;
      }
    });
  }

  private onClick(event: MouseEvent, doc: Document) {
    if (this.anchored.length === 0 || this.popover.contains(event)) return;
    const selection = doc.defaultView?.getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim()) return; // the reader is selecting text
    const point = caretAt(doc, event.clientX, event.clientY, this.shadowRoots());
    const hit = point && this.claimAt(point.node, point.offset);
    if (hit?.range && !hit.pending) void this.popover.open(hit.claim, hit.range, { point: { y: event.clientY }, onDismiss: () => this.dismiss(hit) });
    else this.popover.close();
  }

  private onFocus(event: FocusEvent) {
    const el = event.target;
    if (!(el instanceof Element) || this.anchored.length === 0 || this.popover.contains(event) || el === this.popover.givingBack) return;
    // A link or control within a claim, not an element that holds claims (a skip link's target
    // <main tabindex="-1">, a page focusing its main area on a new route).
    const hit = this.anchored.find((a) => !a.pending && a.range?.intersectsNode(el) && !holdsRange(el, a.range));
    if (!hit?.range || this.popover.isOpenFor(hit.claim)) return;
    const box = el.getBoundingClientRect();
    // The keyboard comes back to the element when the popover closes, and Tab from it goes into the popover.
    void this.popover.open(hit.claim, hit.range, { from: el as HTMLElement, point: { y: box.top + box.height / 2 }, onDismiss: () => this.dismiss(hit) });
  }

  /** The text the reader selected: in the page, or in the same-origin frame that holds the story. */
  selectedText(): string {
    const own = getSelection()?.toString() ?? '';
    if (own.trim() || this.doc === document) return own;
    return this.doc.getSelection()?.toString() ?? '';
  }

  /**
   * The page's keys (the story's frame's too): Escape closes the popover (in the capture phase at
   * the window, before a page that stops keys at its document; a click on a claim in the frame
   * leaves the keyboard there), Alt+Shift+K checks the selection, Alt+Shift+N / Alt+Shift+P move
   * through the claims, opening each one's popover.
   */
  private onKey(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      if (!this.popover.isOpen()) return;
      this.popover.close();
      event.stopPropagation();
      return;
    }
    // Only the reader's own keys: a page's made-up key press would check (and show in the side
    // panel) a selection of the page's choosing as the reader's.
    if (event.altKey && event.shiftKey && event.code === 'KeyK' && event.isTrusted) {
      // The browser's shortcut for "Cross-check selection" may be unassigned (another extension
      // took it); the same keys in the page (or the story's frame) do the same. The background
      // ignores a repeat.
      const text = this.selectedText().trim().slice(0, LIMITS.shortText);
      if (!text) return;
      event.preventDefault();
      const check = () => toBackground('checkSelection', { text, url: pageAddress() });
      // A background stopped in the middle of the check leaves no answer (and no check kept):
      // asked once more, a new one checks it (the background does not keep a repeat twice).
      void check().then((answer) => {
        if (!answer.ok) void check();
      });
      return;
    }
    if (!event.altKey || !event.shiftKey || (event.code !== 'KeyN' && event.code !== 'KeyP')) return;
    // Not while the reader types (Option+Shift+N types a character on a Mac, AltGr is Ctrl+Alt).
    if (event.ctrlKey || event.metaKey || isEditable(event.target)) return;
    const painted = this.anchored.filter((a) => a.range && !a.pending);
    if (painted.length === 0) return;
    event.preventDefault();
    const current = painted.findIndex((a) => this.popover.isOpenFor(a.claim));
    const step = event.code === 'KeyN' ? 1 : -1;
    const next = painted[(current + step + painted.length) % painted.length];
    next.range!.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    void this.popover.open(next.claim, next.range!, { focus: true, onDismiss: () => this.dismiss(next) });
  }

  /**
   * "Not a claim": stop highlighting it here, and remember that for this page. The sentence is
   * remembered by its words (a very long one by a key standing for them: utils/dismissal), so
   * every place the page repeats it goes, as the background drops every claim with those words
   * (the side panel's list stays in step with the highlights). Not remembered after all (the
   * background refused or failed): said in the console, and highlighted again, as it will be on
   * the page's next visit.
   */
  private dismiss(target: Anchored) {
    const text = target.claim.text;
    const removed = this.anchored.filter((a) => a.claim.text === text);
    this.anchored = this.anchored.filter((a) => a.claim.text !== text);
    this.repaint();
    const generation = this.generation;
    void toBackground('dismissClaim', { pageUrl: this.pageUrl, key: dismissalKey(text) }).then((result) => {
      if (result.ok) return;
      console.warn('Crosscheck: "Not a claim" could not be remembered for this page:', result.error);
      if (generation !== this.generation || this.ctx.isInvalid) return;
      this.anchored = [...this.anchored, ...removed].sort((a, b) => a.claim.start - b.claim.start);
      this.repaint();
    });
  }
}

/**
 * The popover, its code (Preact, the popover's components and styles, the shadow-root UI) run only
 * when a claim is first opened: none of it is needed to read the page and paint its claims, and
 * the script's first run, before the article is read, is shorter without it.
 */
class LazyPopover {
  private loaded: PopoverContainer | null = null;
  private loading: Promise<PopoverContainer> | null = null;
  /** Increases on every open and close: an open still loading the code gives way to a later call. */
  private asked = 0;

  constructor(private ctx: ContentScriptContext) {}

  contains(event: Event): boolean {
    return this.loaded?.contains(event) ?? false;
  }

  get givingBack(): HTMLElement | null {
    return this.loaded?.givingBack ?? null;
  }

  isOpen(): boolean {
    return this.loaded?.isOpen() ?? false;
  }

  isOpenFor(claim: CheckedClaim): boolean {
    return this.loaded?.isOpenFor(claim) ?? false;
  }

  close(): void {
    this.asked++;
    this.loaded?.close();
  }

  async open(...args: Parameters<PopoverContainer['open']>): Promise<void> {
    const asked = ++this.asked;
    this.loading ??= import('./popover').then(({ PopoverContainer }) => (this.loaded = new PopoverContainer(this.ctx)));
    const popover = await this.loading;
    if (asked !== this.asked || this.ctx.isInvalid) return;
    await popover.open(...args);
  }
}

/** Work done in one go before the page gets its main thread back (a long task is over 50 ms). */
const SLICE_MS = 12;

/** Whether an element holds the whole of a range and more text besides (a container of the claim, not a part of it). */
function holdsRange(el: Element, range: Range): boolean {
  if (!el.contains(range.commonAncestorContainer)) return false;
  return (el.textContent ?? '').trim().length > range.toString().trim().length + 1;
}

/** Whether a key's target is a place the reader types in. */
function isEditable(target: EventTarget | null): boolean {
  // (Not `instanceof Element`: an element of the story's frame is another window's Element.)
  const el = target as HTMLElement | null;
  if (typeof el?.tagName !== 'string') return false;
  if (el.isContentEditable) return true;
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && !/^(?:button|checkbox|radio|submit|reset|range|color|file|image)$/i.test((el as HTMLInputElement).type));
}

/** Lets the page's other tasks, input and rendering run before going on. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs steps to their end, giving the page its main thread back between any two. */
async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToPage();
  }
}

type FoundArticle = { doc: Document; article: ExtractedArticle };

/** A reading of the page's article under way (see PageClaims.readAhead). */
interface Reading {
  steps: Generator<void, FoundArticle | null>;
  found: Promise<FoundArticle | null>;
  ahead: boolean;
}

interface PaintOptions {
  /** Claims whose range still holds are not looked for again. */
  keepFound?: boolean;
  /** The text index of the last paint (or built just before) is used while the page has not changed since; default `keepFound`. */
  reuseIndex?: boolean;
}

/** Frames smaller than this (in CSS pixels, each way) are widgets and ads, never the story. */
const MIN_FRAME_SIZE = 200;

/**
 * The page's article, from the page itself or, when the page has none, from its largest
 * same-origin frame that has one (a story shown in a frame). Frames of other origins are out of
 * reach, as they should be. In steps (see extractArticleSteps).
 */
function* findArticleSteps(): Generator<void, FoundArticle | null> {
  const own = yield* extractArticleSteps(document);
  if (own) return { doc: document, article: own };
  for (const doc of articleFrames()) {
    const article = yield* extractArticleSteps(doc);
    if (article) return { doc, article };
  }
  return null;
}

/** The documents of the page's same-origin frames big enough to hold a story, largest first. */
function* articleFrames(): Generator<Document> {
  const frames = Array.from(document.querySelectorAll('iframe, frame'))
    .map((frame) => ({ frame, box: frame.getBoundingClientRect() }))
    .filter(({ box }) => box.width >= MIN_FRAME_SIZE && box.height >= MIN_FRAME_SIZE)
    .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
  for (const { frame } of frames) {
    let doc: Document | null = null;
    try {
      doc = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      doc = null; // another origin
    }
    if (doc?.body) yield doc;
  }
}

/** Whether a node belongs to our own UI (the popover host, our stylesheet, highlight marks). */
function isOurs(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest(`${POPOVER_SELECTOR}, crosscheck-mark, style[data-crosscheck]`);
}

/** Our UI apart from highlight marks, whose text is the page's own. */
function isOurUi(el: Element): boolean {
  return !!el.closest(`${POPOVER_SELECTOR}, style[data-crosscheck]`);
}

/** Finds a claim in the page's text: by its quote, and checks the range reads as the claim. */
function locate(index: TextIndex, a: Anchored): Range | null {
  const found = findQuote(index.text, a.quote);
  if (!found) return null;
  // A claim with no range stays unpainted, as one not found (it is still listed in the side
  // panel). That includes a claim running from a shadow root's text into text slotted from the
  // page, which no one range can cover.
  return rangeFor(index, found.start, found.end);
}

/** A claim's quote, its context whitespace collapsed as it is in the page's text index. */
function pageQuote(text: string, claim: CheckedClaim): TextQuote {
  const quote = quoteAt(text, claim.start, claim.end);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return { exact: flat(quote.exact), prefix: flat(quote.prefix), suffix: flat(quote.suffix) };
}

/** Whether a painted range still covers the text it was found on. */
function stillHolds(a: Anchored): boolean {
  return !!a.range && a.range.startContainer.isConnected && rangeText(a.range) === (a.found ?? a.claim.text.replace(/\s+/g, ' ').trim());
}

/** The text position under a point, in browsers old and new (inside the given shadow roots too). */
function caretAt(page: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): { node: Node; offset: number } | null {
  type CaretPosition = { offsetNode: Node; offset: number } | null;
  const doc = page as Document & { caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition };
  if (doc.caretPositionFromPoint) {
    const pos = doc.caretPositionFromPoint(x, y, shadowRoots.length ? { shadowRoots } : undefined);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = page.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
