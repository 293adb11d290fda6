import type { Verdict } from '@/utils/types';

/**
 * Paints claims on the page. With the CSS Custom Highlight API the page's DOM is never touched
 * (kindest to sites that re-render); where it is missing, text is wrapped in a custom element that
 * page CSS does not know, and unwrapped again on clear.
 */
export interface Highlighter {
  /** Whether painting changes the page's DOM (the wrapping fallback), moving ranges. */
  readonly touchesDom: boolean;
  /** Replaces all painted claims ("pending": spotted, still being checked). */
  paint(items: readonly { range: Range; verdict: Verdict | 'pending' }[]): void;
  /** Briefly emphasises one range (after "show on page"). */
  flash(range: Range): void;
  clear(): void;
  /** Removes everything this highlighter added to the page. */
  destroy(): void;
}

export const VERDICT_COLOURS: Record<Verdict, { fill: string; line: string }> = {
  confirmed: { fill: 'rgba(46, 160, 67, 0.18)', line: '#2e7d32' },
  disputed: { fill: 'rgba(220, 53, 69, 0.18)', line: '#c62828' },
  conflicting: { fill: 'rgba(255, 170, 0, 0.25)', line: '#e65100' },
  unverified: { fill: 'rgba(120, 120, 140, 0.14)', line: '#78788c' },
};

/** Claims spotted and still being checked. */
const PENDING = { fill: 'rgba(120, 120, 140, 0.06)', line: 'rgba(120, 120, 140, 0.6)' };
const FLASH_MS = 1600;
/** How often highlights a page script took out of the shared registry are put back. */
const GUARD_MS = 1000;
const name = (v: Verdict | 'pending' | 'flash') => `crosscheck-${v}`;
const PAINTED: (Verdict | 'pending')[] = [...(Object.keys(VERDICT_COLOURS) as Verdict[]), 'pending'];
const colours = (v: Verdict | 'pending') => (v === 'pending' ? PENDING : VERDICT_COLOURS[v]);

export function createHighlighter(doc: Document = document): Highlighter {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const highlights = win && 'highlights' in win.CSS && typeof win.Highlight === 'function' ? win.CSS.highlights : null;
  return highlights && win ? customHighlighter(doc, win, highlights) : wrappingHighlighter(doc);
}

/**
 * The highlight colours as a stylesheet. Every declaration is `!important` and the rules sit in a
 * cascade layer of their own (unnamed, so no page can add to it or reorder it): an important
 * declaration in a layer outranks every unlayered important one, whatever its specificity, so a
 * page's own `::highlight(...) { … !important }` for our names does not hide the claims. The
 * rules match every element with the plain universal selector: adopting the sheet on a long page
 * costs the browser about half the style work that a selector made specific (`:is(#id, *)`) did.
 */
export function highlightCss(): string {
  const rule = (n: string, body: string) => `  *::highlight(${n}) { ${body.replace(/;/g, ' !important;')} }`;
  const rules = PAINTED.map((v) =>
    rule(name(v), `background-color: ${colours(v).fill}; text-decoration: underline ${v === 'pending' ? 'dotted' : 'solid'} 2px ${colours(v).line}; text-underline-offset: 3px;`),
  ).concat(rule(name('flash'), 'background-color: rgba(255, 214, 0, 0.75); color: #000;'));
  return `@layer {
${rules.join('\n')}
}`;
}

/**
 * Our stylesheet in the page. A constructed sheet adopted by the document comes after every
 * sheet of the page's own (winning ties), is no element a page can restyle, move or show, and no
 * change to the page's DOM; a <style> element stands in where adopting is not supported.
 */
function pageStylesheet(doc: Document, win: Window & typeof globalThis, css: string): { ensure(roots: Iterable<Node>): void; remove(): void } {
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    // The document, and the open shadow roots that hold painted claims (page styles do not reach
    // into a shadow tree, and neither do ours).
    const adopters = new Set<DocumentOrShadowRoot>([doc]);
    const adopt = (at: DocumentOrShadowRoot) => {
      if (!at.adoptedStyleSheets.includes(sheet)) at.adoptedStyleSheets = [...at.adoptedStyleSheets, sheet];
    };
    adopt(doc);
    return {
      ensure(roots) {
        for (const root of roots) if (root.nodeType === 11 && 'adoptedStyleSheets' in root) adopters.add(root as ShadowRoot);
        for (const at of adopters) adopt(at);
      },
      remove() {
        for (const at of adopters) at.adoptedStyleSheets = at.adoptedStyleSheets.filter((s) => s !== sheet);
        adopters.clear();
      },
    };
  } catch {
    const style = doc.createElement('style');
    style.dataset.crosscheck = '';
    style.textContent = css;
    // A page that rewrites <head> may remove it: put back on every paint.
    const ensure = () => {
      if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
    };
    ensure();
    return { ensure, remove: () => style.remove() };
  }
}

function customHighlighter(doc: Document, win: Window & typeof globalThis, registry: HighlightRegistry): Highlighter {
  const style = pageStylesheet(doc, win, highlightCss());
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** What we put in the registry, and the roots our stylesheet must be in. */
  const painted = new Map<string, Highlight>();
  let roots = new Set<Node>();
  // The registry and the adopted stylesheets are shared with the page's own scripts, which may
  // clear them (a page's own search highlighting, a framework resetting styles) without any
  // change to the DOM: while claims are painted, what was taken is put back now and then.
  let guard: ReturnType<typeof setInterval> | undefined;
  const putBack = () => {
    for (const [key, highlight] of painted) if (registry.get(key) !== highlight) registry.set(key, highlight);
    style.ensure(roots);
  };

  const clear = () => {
    for (const v of PAINTED) registry.delete(name(v));
    painted.clear();
    clearInterval(guard);
    guard = undefined;
  };
  return {
    touchesDom: false,
    paint(items) {
      clear();
      const groups = new Map<Verdict | 'pending', Range[]>();
      for (const { range, verdict } of items) {
        const ranges = groups.get(verdict);
        if (ranges) ranges.push(range);
        else groups.set(verdict, [range]);
      }
      for (const [verdict, ranges] of groups) {
        const highlight = new win.Highlight(...ranges);
        registry.set(name(verdict), highlight);
        painted.set(name(verdict), highlight);
      }
      roots = new Set(items.map(({ range }) => range.startContainer.getRootNode()));
      style.ensure(roots);
      if (painted.size > 0) guard = setInterval(putBack, GUARD_MS);
    },
    flash(range) {
      registry.set(name('flash'), new win.Highlight(range));
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => registry.delete(name('flash')), FLASH_MS);
    },
    clear,
    destroy() {
      clear();
      clearTimeout(flashTimer);
      registry.delete(name('flash'));
      style.remove();
    },
  };
}

const MARK = 'crosscheck-mark';

function wrappingHighlighter(doc: Document): Highlighter {
  let marks: HTMLElement[] = [];
  const unwrap = () => {
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parent.normalize();
    }
    marks = [];
  };
  const wrap = (range: Range, verdict: Verdict | 'pending' | 'flash') => {
    const look = verdict === 'flash' ? { fill: 'rgba(255, 214, 0, 0.75)', line: '#000' } : colours(verdict);
    const created: HTMLElement[] = [];
    for (const node of textNodesIn(range)) {
      // Whitespace-only runs are left alone so nothing lands between table cells or list items.
      if (!node.data.trim()) continue;
      let target = node;
      if (node === range.endContainer && range.endOffset < node.length) target.splitText(range.endOffset);
      if (node === range.startContainer && range.startOffset > 0) target = target.splitText(range.startOffset);
      const mark = doc.createElement(MARK);
      mark.setAttribute('style', `all: unset; display: inline; background-color: ${look.fill}; text-decoration: underline 2px ${look.line};`);
      mark.dataset.verdict = verdict;
      target.parentNode?.insertBefore(mark, target);
      mark.append(target);
      created.push(mark);
    }
    marks.push(...created);
    return created;
  };
  return {
    touchesDom: true,
    paint(items) {
      unwrap();
      // Last claim first: splitting text after a range never moves the ranges before it, so no
      // claim's wrapping can spoil another's range (without relying on live-range updates).
      const ordered = [...items].sort((a, b) => b.range.compareBoundaryPoints(Range.START_TO_START, a.range));
      for (const { range, verdict } of ordered) wrap(range, verdict);
    },
    flash(range) {
      const created = wrap(range, 'flash');
      setTimeout(() => {
        for (const mark of created) {
          const parent = mark.parentNode;
          if (!parent) continue;
          while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
          mark.remove();
        }
        marks = marks.filter((m) => !created.includes(m));
      }, FLASH_MS);
    },
    clear: unwrap,
    destroy: unwrap,
  };
}

function textNodesIn(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) return [root as Text];
  const nodes: Text[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) nodes.push(n as Text);
  return nodes;
}
