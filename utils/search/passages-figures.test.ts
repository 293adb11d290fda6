import { describe, expect, it } from 'vitest';
import { bestPassage, prepareQuery } from './passages';
import { createMemoryRetriever } from './retriever';
import { checkClaim } from '../pipeline';
import { defaultSteps } from '../steps';
import { claimStructure } from '../spot/structure';

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

  it('says how much of the claim the passage covers with its figure in the claim\'s figure\'s place', () => {
    const p = bestPassage(article, { text: 'The ferry terminal cost 62 million euros.' });
    expect(p.withFigures).toBeGreaterThan(p.score);
    expect(bestPassage(article, { text: 'The new ferry terminal opened on Monday.' }).withFigures).toBeUndefined();
  });

  it('gives the sentence elsewhere in the article that bears on the claim nearly as well', () => {
    const text =
      'Health Minister Ada Lenz resigned on Tuesday over a contract for the new Westgate hospital.\n\n' +
      'Crowds gathered outside the ministry in the afternoon.\n\n' +
      'The contract, worth 84 million crowns according to ministry documents, went to a firm owned by her brother.';
    const p = bestPassage(text, { text: 'The contract for the new Westgate hospital was worth 48 million crowns.' });
    expect(p.passage).toContain('Westgate');
    expect(p.other).toContain('84 million crowns');
    // how well it matches, in words and with its figure in the claim's figure's place
    expect(p.otherWithFigures).toBeGreaterThan(p.otherScore!);
    expect(bestPassage(text, { text: 'Crowds gathered outside the ministry.' }).other).toBeUndefined();
  });

  it('leaves a claim without a figure as it was', () => {
    expect(prepareQuery({ text: 'The new ferry terminal opened on Monday.' }).figures).toBeUndefined();
    expect(prepareQuery({ text: 'The terminal cost 62 million euros and 14% more than planned.' }).figures).toEqual(new Map([['euro', '62'], ['percent', '14']]));
  });

  it("shows the sentence with the claim's own figure, not a sentence naming the subject beside one with another figure", async () => {
    const text =
      'The Marisol ferry sank off Korven on Tuesday night. The ferry carried 1,200 passengers on its busiest crossing in August. ' +
      'The coastguard said 300 passengers were aboard the Marisol when it sank, and all were rescued.';
    const retriever = createMemoryRetriever([
      { id: 1, url: 'https://a.example/1', outlet: 'Outlet A', title: 'Ferry sinks', published: '2026-01-01', text },
      { id: 2, url: 'https://b.example/2', outlet: 'Outlet B', title: 'Budget', published: '2026-01-01', text: 'The city budget for roads is 84 million crowns this year.' },
    ]);
    const claim = 'The Marisol ferry had 300 passengers aboard when it sank off Korven.';
    const steps = defaultSteps((q, o) => retriever.search(q, o));
    const checked = await checkClaim({ text: claim, start: 0, end: claim.length, score: 1, structure: claimStructure(claim) }, steps);
    expect(checked.outlets.map((o) => o.evidence)).toEqual(['The coastguard said 300 passengers were aboard the Marisol when it sank, and all were rescued.']);
  });
});
