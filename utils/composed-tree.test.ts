// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { composedChildren, composedClone } from './composed-tree';
import { extractArticle } from './extract';

const PARAGRAPHS = [
  'The army has taken full control of the Sarrow Valley after an eight-day offensive, ministers in Orlen said on Thursday.',
  'Soldiers raised the national flag over the governor’s compound in Dunmere on Wednesday, and state television showed the pictures all evening.',
  'About 12,000 people have fled the valley since the offensive began on October 8, most of them to relatives in the garrison town of Keld.',
  'The government has set aside 300 million crowns to rebuild the valley’s roads and schools, the finance ministry said in a statement.',
  'Aid workers say their convoys have still not been able to reach the northern villages, and telephone lines there remain cut.',
];

/** A page whose story lives in an open shadow root, the headline slotted in from the light DOM. */
function shadowPage(): HTMLElement {
  document.head.innerHTML = '<title>Sarrow Valley</title>';
  document.body.innerHTML = '<nav><a href="/">Home</a></nav><news-story><h1 slot="headline">Flag over Dunmere</h1></news-story><footer>© The Lantern</footer>';
  const host = document.querySelector('news-story') as HTMLElement;
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>p { color: red }</style><article><slot name="headline"><h1>Fallback</h1></slot>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
  return host;
}

describe('composed tree', () => {
  it('a shadow host’s children are its shadow content, a slot shows what is assigned to it', () => {
    const host = shadowPage();
    const kids = composedChildren(host);
    expect(kids.map((n) => (n as Element).tagName)).toEqual(['STYLE', 'ARTICLE']);
    const article = kids[1];
    const inArticle = composedChildren(article);
    expect((inArticle[0] as Element).textContent).toBe('Flag over Dunmere'); // the slotted light h1, not the fallback
  });

  it('clones the page with open shadow roots flattened, leaving the page as it was', () => {
    shadowPage();
    const before = document.body.innerHTML;
    const copy = composedClone(document);
    expect(copy.querySelectorAll('news-story article p')).toHaveLength(PARAGRAPHS.length);
    expect(copy.querySelector('news-story h1')?.textContent).toBe('Flag over Dunmere');
    expect(copy.body.textContent).not.toContain('Fallback');
    expect(document.body.innerHTML).toBe(before);
  });

  it('finds a story rendered inside an open shadow root', () => {
    shadowPage();
    const article = extractArticle(document);
    expect(article).not.toBeNull();
    for (const p of PARAGRAPHS) expect(article!.text).toContain(p);
  });
});
