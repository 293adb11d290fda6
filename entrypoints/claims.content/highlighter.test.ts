// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createHighlighter } from './highlighter';
import { buildTextIndex, rangeFor } from './text-index';

// happy-dom has no CSS Custom Highlight API, so this exercises the fallback that wraps text.
describe('wrapping highlighter (browsers without CSS.highlights)', () => {
  const page = '<ul><li>First item</li></ul><p>The army <b>took</b> the valley. Residents fled north.</p><table><tr><td>Cell</td></tr></table>';

  it('wraps each claim in marks that page CSS does not know, and unwraps them leaving the page as it was', () => {
    document.body.innerHTML = page;
    const before = document.body.innerHTML;
    const index = buildTextIndex(document.body);
    const at = (s: string) => rangeFor(index, index.text.indexOf(s), index.text.indexOf(s) + s.length)!;
    const first = at('The army took the valley.');
    const second = at('Residents fled north.');
    const highlighter = createHighlighter(document);
    highlighter.paint([
      { range: first, verdict: 'confirmed' },
      { range: second, verdict: 'disputed' },
    ]);
    const marks = [...document.querySelectorAll('crosscheck-mark')];
    expect(marks.map((m) => (m as HTMLElement).dataset.verdict)).toEqual(['confirmed', 'confirmed', 'confirmed', 'disputed']);
    expect(marks.map((m) => m.textContent).join('|')).toBe('The army |took| the valley.|Residents fled north.');
    // Text outside the claims, and the list and table around them, are untouched.
    expect(document.querySelector('li')?.innerHTML).toBe('First item');
    expect(document.querySelector('td')?.innerHTML).toBe('Cell');
    highlighter.destroy();
    expect(document.querySelectorAll('crosscheck-mark')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('highlight stylesheet', () => {
  it('makes every declaration important, in an unnamed cascade layer that outranks a page rule for the same highlight name', async () => {
    const { highlightCss } = await import('./highlighter');
    const css = highlightCss();
    // One unnamed layer around every rule (a page cannot add to it or move it).
    expect(css).toMatch(/^@layer \{\n/);
    expect(css.trimEnd()).toMatch(/\n\}$/);
    expect(css.match(/@layer/g)).toHaveLength(1);
    for (const v of ['confirmed', 'disputed', 'conflicting', 'unverified', 'pending', 'flash']) {
      const rule = css.split('\n').find((line) => line.includes(`::highlight(crosscheck-${v})`));
      expect(rule, v).toBeDefined();
      // Matching every element, with the selector the browser applies fastest.
      expect(rule).toMatch(/^\s*\*::highlight/);
      const declarations = rule!.slice(rule!.indexOf('{') + 1, rule!.lastIndexOf('}')).split(';').map((d) => d.trim()).filter(Boolean);
      expect(declarations.length).toBeGreaterThan(0);
      for (const d of declarations) expect(d).toMatch(/!important$/);
    }
  });
});

describe('highlighter on the CSS Custom Highlight API', () => {
  it('puts back highlights a page script took out of the shared registry', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    const win = window as any;
    const registry = new Map<string, unknown>();
    const saved = { css: win.CSS, highlight: win.Highlight };
    win.CSS = { highlights: registry };
    win.Highlight = class extends Set<Range> {
      constructor(...ranges: Range[]) {
        super(ranges);
      }
    };
    try {
      document.body.innerHTML = '<p>The army took the valley.</p>';
      const index = buildTextIndex(document.body);
      const range = rangeFor(index, 0, index.text.length)!;
      const highlighter = createHighlighter(document);
      expect(highlighter.touchesDom).toBe(false);
      highlighter.paint([{ range, verdict: 'confirmed' }]);
      const ours = registry.get('crosscheck-confirmed');
      expect(ours).toBeDefined();
      // The page clears the registry, then takes our name for its own highlight.
      registry.clear();
      vi.advanceTimersByTime(1500);
      expect(registry.get('crosscheck-confirmed')).toBe(ours);
      registry.set('crosscheck-confirmed', new win.Highlight());
      vi.advanceTimersByTime(1500);
      expect(registry.get('crosscheck-confirmed')).toBe(ours);
      // Once destroyed, nothing comes back.
      highlighter.destroy();
      vi.advanceTimersByTime(1500);
      expect(registry.has('crosscheck-confirmed')).toBe(false);
    } finally {
      win.CSS = saved.css;
      win.Highlight = saved.highlight;
      vi.useRealTimers();
    }
  });
});
