import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ClaimPopover } from '@/components/ClaimPopover';
import type { CheckedClaim } from '@/utils/types';
// Styles go into the shadow root as text: the page's CSS never reaches the popover, and ours
// never leaks into the page.
import sharedCss from '@/components/claims.css?raw';
import popoverCss from './popover.css?raw';

import { POPOVER_SELECTOR } from './popover-host';

export { POPOVER_SELECTOR };

/** A custom element name no page can have taken. */
export function popoverTagName(random: () => number = Math.random): string {
  return `crosscheck-popover-${Math.floor(random() * 36 ** 8).toString(36).padStart(8, '0')}`;
}
const GAP = 8;
/** Distance kept from the viewport's edges. */
const MARGIN = 8;
/** Below the claim is preferred when at least this much room is there. */
const MIN_HEIGHT = 320;
/** The popover is given at least this height, and at most MAX_HEIGHT. */
const MIN_ROOM = 120;
const MAX_HEIGHT = 560;

/**
 * The popover next to a claim, in a shadow root. One at a time; closed by the page script on
 * Escape or a click elsewhere (it follows the page's keys and clicks), and when the content
 * script is invalidated.
 */
export class PopoverContainer {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private opening: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private openFor: CheckedClaim | null = null;

  constructor(private ctx: ContentScriptContext) {
    ctx.onInvalidated(() => this.destroy());
  }

  /** Whether the popover is showing a claim. */
  isOpen(): boolean {
    return this.openFor !== null;
  }

  /** Whether the popover is showing this claim. */
  isOpenFor(claim: CheckedClaim): boolean {
    return this.openFor === claim;
  }

  /** Whether an event happened inside the popover. */
  contains(event: Event): boolean {
    return !!this.ui && event.composedPath().includes(this.ui.shadowHost);
  }

  /**
   * Shows the popover for a claim next to its range; focuses it when asked (keyboard use). `from`:
   * the element inside the claim whose focus opened it (a link the reader tabbed to): the next Tab
   * from it goes into the popover, and the keyboard goes back to it when the popover closes.
   */
  async open(claim: CheckedClaim, range: Range, opts: { focus?: boolean; from?: HTMLElement; point?: { y: number }; onDismiss?: () => void } = {}): Promise<void> {
    const ui = await this.mount();
    this.openFor = claim;
    // Where the reader clicked, kept as a distance from the claim's top (it moves with the claim).
    const top = range.getClientRects()[0]?.top;
    this.pointOffset = opts.point && top !== undefined ? opts.point.y - top : null;
    const container = ui.uiContainer;
    const dismiss = opts.onDismiss;
    render(
      <ClaimPopover
        claim={claim}
        onClose={() => this.close()}
        onDismiss={
          dismiss &&
          (() => {
            this.close();
            dismiss();
          })
        }
      />,
      container,
    );
    this.place(container, range);
    container.style.display = 'block';
    this.follow(container, range);
    this.untab();
    // Opened by a click: the keyboard stays where it is, and nothing is to be given back.
    if (!opts.from && !opts.focus) this.returnFocus = null;
    if (opts.from) {
      this.returnFocus = opts.from;
      this.tabThrough(container, opts.from);
    }
    if (opts.focus) {
      // Where the keyboard was, to go back to when the popover closes (not the popover itself).
      const active = document.activeElement as HTMLElement | null;
      if (active && active !== this.ui?.shadowHost && active !== document.body) this.returnFocus = active;
      (container.querySelector('.cc-popover') as HTMLElement | null)?.focus();
    }
  }

  /**
   * Keeps the popover beside its claim while the page (or the story's frame, or any scrolling box
   * around the claim) scrolls or the window is resized: placed again once per frame.
   */
  private follow(box: HTMLElement, range: Range) {
    this.unfollow();
    let queued = false;
    const again = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        if (this.openFor && box.style.display !== 'none') this.place(box, range);
      });
    };
    const views = new Set<Window>([window]);
    const own = range.startContainer.ownerDocument?.defaultView;
    if (own) views.add(own);
    for (const view of views) {
      view.addEventListener('scroll', again, { capture: true, passive: true });
      view.addEventListener('resize', again, { passive: true });
    }
    this.unfollow = () => {
      for (const view of views) {
        view.removeEventListener('scroll', again, { capture: true });
        view.removeEventListener('resize', again);
      }
      this.unfollow = () => {};
    };
  }

  private unfollow: () => void = () => {};

  /** Where the reader clicked (or the element focused) in the open claim: its distance below the claim's first line's top. */
  private pointOffset: number | null = null;

  /** The element that had the keyboard when the popover took it (see open's `focus` and `from`). */
  private returnFocus: HTMLElement | null = null;

  /**
   * Puts the popover in the tab order right after `from` (the popover itself is at the end of the
   * page): Tab on `from` goes into the popover, Shift+Tab from the popover's start back to `from`,
   * and Tab from its last control on to what follows `from` in the page (the popover closes).
   */
  private tabThrough(container: HTMLElement, from: HTMLElement) {
    const plainTab = (e: KeyboardEvent) => e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey;
    const box = () => container.querySelector('.cc-popover') as HTMLElement | null;
    const onFrom = (e: Event) => {
      const key = e as KeyboardEvent;
      if (!plainTab(key) || key.shiftKey || !this.openFor) return;
      const dialog = box();
      if (!dialog) return;
      key.preventDefault();
      dialog.focus();
    };
    const inside = (e: KeyboardEvent) => {
      if (!plainTab(e)) return;
      const dialog = box();
      if (!dialog) return;
      const controls = [...dialog.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), summary, [tabindex]:not([tabindex="-1"])')];
      const active = (container.getRootNode() as ShadowRoot).activeElement;
      if (e.shiftKey && (active === dialog || active === controls[0])) {
        e.preventDefault();
        if (from.isConnected) from.focus();
      } else if (!e.shiftKey && (active === controls[controls.length - 1] || (controls.length === 0 && active === dialog))) {
        const after = tabbablesAfter(from);
        let next = after.next();
        if (next.done) return;
        e.preventDefault();
        this.returnFocus = null;
        this.close();
        // The first that takes the keyboard (an element may look tabbable and not take it; a page
        // that moves the keyboard elsewhere on its focus is left to do so).
        const doc = from.ownerDocument;
        for (; !next.done; next = after.next()) {
          next.value.focus();
          if (doc.activeElement && doc.activeElement !== doc.body) break;
        }
      }
    };
    from.addEventListener('keydown', onFrom);
    container.addEventListener('keydown', inside);
    this.untab = () => {
      from.removeEventListener('keydown', onFrom);
      container.removeEventListener('keydown', inside);
      this.untab = () => {};
    };
  }

  private untab: () => void = () => {};

  close(): void {
    if (!this.ui) return;
    const hadFocus = document.activeElement === this.ui.shadowHost;
    this.unfollow();
    this.untab();
    render(null, this.ui.uiContainer);
    this.ui.uiContainer.style.display = 'none';
    this.openFor = null;
    // The keyboard goes back to where it was, not to the end of the page.
    const back = this.returnFocus;
    this.returnFocus = null;
    if (hadFocus && back?.isConnected) {
      // Its focus event may come after focus() returns: forgotten once the page's next task runs.
      this.givingBack = back;
      try {
        back.focus({ preventScroll: true });
      } finally {
        setTimeout(() => {
          if (this.givingBack === back) this.givingBack = null;
        }, 0);
      }
    }
  }

  /** The element the keyboard is being given back to as the popover closes (its focus must not open the popover again). */
  givingBack: HTMLElement | null = null;

  destroy(): void {
    this.unfollow();
    this.untab();
    if (this.ui) render(null, this.ui.uiContainer);
    this.ui?.remove();
    this.ui = null;
    this.opening = null;
    this.openFor = null;
  }

  private mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    if (this.ui?.shadowHost.isConnected) return Promise.resolve(this.ui);
    this.opening ??= createShadowRootUi(this.ctx, {
      name: popoverTagName(),
      css: `${sharedCss}\n${popoverCss}`,
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      onMount: (container) => container,
    }).then((ui) => {
      ui.shadowHost.setAttribute('data-crosscheck', 'popover');
      ui.mount();
      this.ui = ui;
      this.opening = null;
      return ui;
    });
    return this.opening;
  }

  /**
   * Positions the popover below the claim (above it when there is no room), inside the viewport.
   * A claim too tall for a useful popover beside it (a sentence longer than the window) has it
   * beside the line the reader clicked (or the first of its lines in view), not beyond its far end.
   * The element placed is inside the shadow root: the host itself is reset with `all: initial`
   * by the shadow root's own stylesheet, which outranks any style set on it from outside.
   */
  private place(box: HTMLElement, range: Range) {
    const rects = pageRects(range);
    const lines = rects.length > 0 ? rects : pageRects(range, true);
    const first = lines[0];
    const vh = window.innerHeight;
    const y = this.pointOffset === null ? null : first.top + this.pointOffset;
    const band = popoverBand(lines, vh, y);
    const width = Math.min(420, window.innerWidth - 16);
    const left = Math.max(8, Math.min(band.left, window.innerWidth - width - 8));
    Object.assign(box.style, { position: 'fixed', zIndex: '2147483647', left: `${left}px`, width: `${width}px` });
    const spot = popoverSpot(band, vh);
    box.style.setProperty('--cc-max-height', `${spot.maxHeight}px`);
    if (spot.top !== undefined) Object.assign(box.style, { bottom: 'auto', top: `${spot.top}px` });
    else Object.assign(box.style, { top: 'auto', bottom: `${spot.bottom}px` });
  }
}

/**
 * The element the keyboard reaches after `from` in its page, in document order: one that takes
 * Tab (a link, a control, tabindex 0 or more), enabled and shown, not ours. (Positive tabindex
 * orders and elements inside shadow roots or frames are not followed.)
 */
function* tabbablesAfter(from: HTMLElement): Generator<HTMLElement> {
  const doc = from.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = from;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as HTMLElement;
    if (from.contains(el) || el.closest(POPOVER_SELECTOR)) continue;
    if (typeof el.tabIndex !== 'number' || el.tabIndex < 0 || el.matches(':disabled') || el.closest('[inert]')) continue;
    // Elements the browser gives a tab index that the keyboard does not stop at.
    if ((el.localName === 'a' || el.localName === 'area') && !el.hasAttribute('href') && !el.hasAttribute('tabindex')) continue;
    if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
    if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    yield el;
  }
}

type Box = { left: number; top: number; right: number; bottom: number };

/**
 * What the popover is placed beside: the whole claim when there is room for a useful popover
 * above or below it, or when it is short; else (a claim taller than that room) the line at `y`
 * (where the reader clicked), or without one the first line in the window.
 */
export function popoverBand(lines: Box[], viewportHeight: number, y: number | null): Box {
  const first = lines[0];
  const last = lines[lines.length - 1];
  const whole = { left: first.left, top: first.top, right: Math.max(...lines.map((l) => l.right)), bottom: last.bottom };
  const spaceBelow = viewportHeight - last.bottom - GAP - MARGIN;
  const spaceAbove = first.top - GAP - MARGIN;
  if (Math.max(spaceBelow, spaceAbove) >= MIN_HEIGHT || last.bottom - first.top <= viewportHeight / 3) return whole;
  const distance = (l: Box, at: number) => (at < l.top ? l.top - at : at > l.bottom ? at - l.bottom : 0);
  const nearest = (at: number) => lines.reduce((best, l) => (distance(l, at) < distance(best, at) ? l : best));
  if (y !== null) return nearest(y);
  return lines.find((l) => l.bottom > MARGIN && l.top < viewportHeight - MARGIN) ?? nearest(viewportHeight / 2);
}

/**
 * Where the popover goes beside a band: below it when there is room for a useful popover there,
 * else on the roomier side; its height capped to that room (it scrolls inside), and kept inside
 * the viewport whatever the band's position (a band above or below the window, or taller than it).
 */
export function popoverSpot(band: Box, viewportHeight: number): { top?: number; bottom?: number; maxHeight: number } {
  const below = band.bottom + GAP;
  const spaceBelow = viewportHeight - below - MARGIN;
  const spaceAbove = band.top - GAP - MARGIN;
  const downwards = spaceBelow >= MIN_HEIGHT || spaceBelow >= spaceAbove;
  const most = Math.max(0, viewportHeight - 2 * MARGIN);
  const maxHeight = Math.min(Math.max(downwards ? spaceBelow : spaceAbove, MIN_ROOM), most, MAX_HEIGHT);
  const within = (v: number) => Math.max(MARGIN, Math.min(v, viewportHeight - MARGIN - maxHeight));
  if (downwards) return { top: within(below), maxHeight };
  return { bottom: within(viewportHeight - band.top + GAP), maxHeight };
}

/**
 * A range's client rects in this page's viewport. A range inside a same-origin frame has them in
 * the frame's own viewport: each frame's position (and border) up to this page is added.
 */
function pageRects(range: Range, bounding = false): { left: number; top: number; right: number; bottom: number }[] {
  const rects = bounding ? [range.getBoundingClientRect()] : [...range.getClientRects()];
  let dx = 0;
  let dy = 0;
  for (let win: Window | null = range.startContainer.ownerDocument?.defaultView ?? null; win && win !== window; win = win.parent === win ? null : win.parent) {
    const frame = win.frameElement as HTMLElement | null;
    if (!frame) break;
    const box = frame.getBoundingClientRect();
    dx += box.left + frame.clientLeft;
    dy += box.top + frame.clientTop;
  }
  return rects.map((r) => ({ left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy }));
}
