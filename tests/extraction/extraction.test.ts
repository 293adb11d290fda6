// @vitest-environment happy-dom
// Article extraction on the layout test pages (tests/extraction/pages): each page is parsed with
// happy-dom, as a browser would parse it, run through extractArticle, and its text scored against
// <name>.expected.txt with word-level precision and recall (bag of words with counts; see
// score.ts). Floors are per page, set at what the extraction measured when they were written.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/extract';
import { loadPages, score } from './score';

/** Measured floors: precision and recall (0..1) each page must keep. */
const FLOORS: Record<string, { precision: number; recall: number }> = {
  // weak: the briefing's greeting and sign-off ("Good morning. Here is what you need to know
  // today.") are kept; measured 0.786
  'morning-briefing': { precision: 0.78, recall: 0.95 },
};
const DEFAULT_FLOOR = { precision: 0.95, recall: 0.95 };

const pages = loadPages();

describe('article extraction on the layout pages', () => {
  it('has the pages and their expected text', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    for (const page of pages) expect(page.expected.trim().length, page.name).toBeGreaterThan(200);
  });

  for (const page of pages) {
    it(`${page.name}: precision and recall at or above the floor`, () => {
      const doc = new DOMParser().parseFromString(page.html, 'text/html');
      const text = extractArticle(doc)?.text ?? '';
      const s = score(text, page.expected);
      const floor = FLOORS[page.name] ?? DEFAULT_FLOOR;
      expect(s.precision, `${page.name} precision`).toBeGreaterThanOrEqual(floor.precision);
      expect(s.recall, `${page.name} recall`).toBeGreaterThanOrEqual(floor.recall);
    });
  }
});
