import { expect } from 'vitest';
import { safeHref } from '@/utils/url';

/**
 * Inputs from pages, articles and imports that would run script or make elements if they were
 * ever parsed as HTML or opened as links, and a check that a rendered tree holds none of that.
 */

/** Markup that would run script, or make elements, if it were ever parsed as HTML. */
export const HOSTILE_TEXTS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  "'><iframe src=\"javascript:window.__pwned=1\"></iframe>",
  '<a href="javascript:window.__pwned=1">read more</a>',
  '<style>*{display:none}</style><b onmouseover=alert(1)>bold</b>',
  '&lt;b&gt;entity&lt;/b&gt; &amp; &#60;img src=x onerror=alert(1)&#62;',
  '\u202Eevil.exe\u202C and \u2067isolated\u2069 right-to-left',
  '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1}',
  `<img src=x onerror=alert(1)>${'long '.repeat(40_000)}`,
];

/** Addresses that must never become links, in many spellings. */
export const HOSTILE_URLS = [
  'javascript:window.__pwned=1',
  'JAVASCRIPT:window.__pwned=1',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript&#58;alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html',
  '//evil.example/',
  'https://example.com@evil.example/',
  'https://example.com/\u202Egnp.exe',
];

/** Elements our views create; anything else (img, script, svg, iframe, style…) was injected. */
export const OUR_TAGS = new Set(['DIV', 'SPAN', 'P', 'OL', 'UL', 'LI', 'BLOCKQUOTE', 'A', 'B', 'SMALL', 'STRONG', 'HEADER', 'FOOTER', 'ARTICLE', 'SECTION', 'MAIN', 'H1', 'H2', 'BUTTON', 'DETAILS', 'SUMMARY', 'FORM', 'LABEL', 'INPUT', 'TEXTAREA', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'PROGRESS']);

/** Checks that a rendered tree holds only our own elements, no handlers, and only http(s) links. */
export function expectInert(root: ParentNode, allowed: ReadonlySet<string> = OUR_TAGS) {
  const elements = [...root.querySelectorAll('*')];
  const strange = elements.map((el) => el.tagName).filter((tag) => !allowed.has(tag));
  expect(strange).toEqual([]);
  for (const el of elements) {
    const handlers = [...el.attributes].map((a) => a.name).filter((name) => name.toLowerCase().startsWith('on'));
    expect(handlers, `${el.tagName} has event handler attributes`).toEqual([]);
    for (const a of el.attributes) {
      expect(a.value.toLowerCase(), `${el.tagName} ${a.name}`).not.toMatch(/^\s*(javascript|data|vbscript):/);
    }
  }
  for (const a of root.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    expect(href).toMatch(/^https?:\/\//);
    expect(safeHref(href)).toBe(href);
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.getAttribute('target')).toBe('_blank');
  }
  expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
}

