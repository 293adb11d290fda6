import { describe, expect, it } from 'vitest';
import { bestPassage, prepareQuery } from './passages';

describe('passages for a claim with a figure', () => {
  const article =
    'The new ferry terminal cost the city dearly when it opened on Monday.\n\n' +
    'Thousands of people came to see the first boat leave for the islands.\n\n' +
    'Its final cost was 75 million euros, the port authority said.';

  it('chooses the sentence giving a figure for what the claim counts, even with another value', () => {
    const p = bestPassage(article, { text: 'The ferry terminal cost 62 million euros.' });
    expect(p.passage).toBe('Its final cost was 75 million euros, the port authority said.');
  });

  it('does not let the figure raise how well the article matches the claim', () => {
    const withFigure = bestPassage(article, { text: 'The ferry terminal cost 62 million euros.' });
    const withoutFigureSentence = bestPassage(article.slice(0, article.lastIndexOf('\n\n')), { text: 'The ferry terminal cost 62 million euros.' });
    expect(withFigure.score).toBeCloseTo(withoutFigureSentence.score, 6);
  });

  it('leaves a claim without a figure as it was', () => {
    expect(prepareQuery({ text: 'The new ferry terminal opened on Monday.' }).figures).toBeUndefined();
    expect(prepareQuery({ text: 'The terminal cost 62 million euros and 14% more than planned.' }).figures).toEqual(new Map([['euro', '62'], ['percent', '14']]));
  });
});
