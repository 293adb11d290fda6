import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_COST, SearchIndex } from './index';
import { createMemoryRetriever, type StoredArticle } from './retriever';
import { warmUp } from './warm';

const ARTICLES: StoredArticle[] = [
  { id: 1, url: 'https://a.example/1', outlet: 'Daily Ledger', title: 'Rebels seize the Kandar valley', text: 'Rebel fighters seized the Kandar valley on Monday after two days of fighting. The army said its troops had withdrawn to the south.', published: null },
  { id: 2, url: 'https://b.example/2', outlet: 'Harbour Times', title: 'Insurgents take control of province', text: 'Insurgents took control of Kandar province late on Monday, regional officials said. Thousands of residents fled towards the coast.', published: null },
  { id: 3, url: 'https://c.example/3', outlet: 'Coast Courier', title: 'Floods hit coastal towns', text: 'Heavy rain flooded three coastal towns on Monday. Four people died and 1,200 homes were damaged, the fire service said.', published: null },
  { id: 4, url: 'https://a.example/4', outlet: 'Daily Ledger', title: 'Central bank raises rates', text: "The central bank raised its main interest rate by half a point to 4.5%, the country's highest level in nine years.", published: null },
];
const CLAIMS = ['Rebels took control of the Kandar valley on Monday', '1,200 homes were damaged by floods', 'The bank raised rates to 4.5%'];

async function answers() {
  return createMemoryRetriever(ARTICLES).searchMany!(CLAIMS.map((text) => ({ text })), { k: 3 });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('warming the retrieval code', () => {
  it('runs to its end by itself and changes no answer or setting', async () => {
    const before = await answers();
    const cost = { ...SEARCH_COST };
    const adds = vi.spyOn(SearchIndex.prototype, 'add');
    await warmUp().done;
    // It did run the code (its own articles were indexed)…
    expect(adds).toHaveBeenCalled();
    // …and left the common-term threshold it lowers for its small index as it was.
    expect(SEARCH_COST).toEqual(cost);
    expect(await answers()).toEqual(before);
  });

  it('stops when told, before its next step', async () => {
    const adds = vi.spyOn(SearchIndex.prototype, 'add');
    const warming = warmUp();
    warming.stop();
    await warming.done;
    expect(adds).not.toHaveBeenCalled();
  });

  it('gives the thread back between slices, so other work runs meanwhile', async () => {
    const warming = warmUp(1);
    let finished = false;
    void warming.done.then(() => (finished = true));
    // A timer queued now runs while it is still warming (each slice is about a millisecond).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(finished).toBe(false);
    warming.stop();
    await warming.done;
    expect(finished).toBe(true);
  });

  it('a failure inside it is not passed on', async () => {
    vi.spyOn(SearchIndex.prototype, 'add').mockImplementation(() => {
      throw new Error('broken');
    });
    await expect(warmUp().done).resolves.toBeUndefined();
  });
});
