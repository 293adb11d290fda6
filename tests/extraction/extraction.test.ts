// Article extraction on the layout test pages (tests/extraction/pages): each page is loaded in
// happy-dom with its inline scripts run (as a browser tab would have it when the content script
// runs), passed to extractArticle, and its text scored against <name>.expected.txt with word-level
// precision and recall (bag of words with counts; see score.ts). Floors are per page, set at what
// the extraction measured when they were written.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/extract';
import { renderPage } from './render';
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
    it(`${page.name}: precision and recall at or above the floor`, async () => {
      const { document, close } = await renderPage(page.html);
      const text = extractArticle(document)?.text ?? '';
      await close();
      const s = score(text, page.expected);
      const floor = FLOORS[page.name] ?? DEFAULT_FLOOR;
      expect(s.precision, `${page.name} precision`).toBeGreaterThanOrEqual(floor.precision);
      expect(s.recall, `${page.name} recall`).toBeGreaterThanOrEqual(floor.recall);
    });
  }
});
