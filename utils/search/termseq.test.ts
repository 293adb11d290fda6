import { describe, expect, it } from 'vitest';
import { SearchIndex } from './index';
import { analyseText, bestPassage, packSentences, passageText, prepareQuery, sentencesOf } from './passages';
import { packTerms, unpackTerms } from './termseq';
import { createIndexRetriever, type StoredArticle } from './retriever';

const ARTICLES = [
  { id: 1, outlet: 'Ledger', title: 'Rebels seize the Kandar valley', text: 'Rebel fighters seized the Kandar valley on Monday after two days of fighting. The army said its troops had withdrawn to the south, and 1,200 families fled.' },
  { id: 2, outlet: 'Courier', title: 'Floods hit coastal towns', text: "Heavy rain flooded three coastal towns on Monday. Four people died and the fire service's well-known chief said so." },
  { id: 3, outlet: 'Post', title: 'An untitled wire', text: '' },
];

function packed(index: SearchIndex, a: { title: string; text: string }): Uint8Array {
  const passage = passageText(a);
  return packTerms(index, a.title, a.text, sentencesOf(passage)).packed;
}

describe('terms stored as the index ids', () => {
  it('give back every term of the title and text, and each sentence\'s terms, as analysing the text does', () => {
    const index = SearchIndex.create();
    for (const a of ARTICLES) {
      const bytes = packed(index, a);
      const count = index.termCount;
      index.add(a);
      // The index was given every term before: adding the article named no new one.
      expect(index.termCount).toBe(count);
      const passage = passageText(a);
      const sentences = sentencesOf(passage);
      const stored = unpackTerms(bytes, index, sentences)!;
      expect(stored).toBeDefined();
      const analysed = analyseText(passage, sentences);
      expect([...stored.text].map((id) => index.termText(id))).toEqual(analysed.terms);
      expect(stored.ranges).toEqual(analysed.ranges);
      expect([...stored.title].map((id) => index.termText(id))).toEqual(analyseText(a.title).terms);
    }
  });

  it('give the index, through addTermIds, what add gives it from the text', () => {
    const fromText = SearchIndex.create();
    const fromIds = SearchIndex.create();
    for (const a of ARTICLES) {
      fromText.add(a);
      const passage = passageText(a);
      const { title, body } = packTerms(fromIds, a.title, a.text, sentencesOf(passage));
      fromIds.addTermIds(a, title, body);
    }
    expect(fromIds.toBytes()).toEqual(fromText.toBytes());
  });

  it('give feedback terms of any length: a 250,000-character word shared by the best articles', async () => {
    const index = SearchIndex.create();
    const word = 'A'.repeat(250_000);
    const rows: StoredArticle[] = [1, 2, 3].map((id) => {
      const a = { id, outlet: `Outlet ${id}`, title: 'Arven valley', text: `Troops took control of the Arven valley on Tuesday. Picture ${word} caption. Story ${id}.` };
      const terms = packed(index, a);
      index.add(a);
      return { ...a, url: `https://o${id}.example/${id}`, published: null, terms };
    });
    index.add({ id: 4, outlet: 'Other', title: 'Bank rates', text: 'The central bank left rates unchanged.' });
    const hits = await createIndexRetriever(index, async (ids) => ids.map((id) => rows.find((r) => r.id === id))).search({ text: 'troops took control of the Arven valley' }, { k: 5 });
    expect(hits.map((h) => h.articleId).sort()).toEqual([1, 2, 3]);
    expect(index.termText(index.termId(word.toLowerCase()))).toBe(word.toLowerCase());
  });

  it('read back ids of one to three bytes', () => {
    const index = SearchIndex.create();
    // Terms met before push the article's new terms' ids past 2^7 and 2^14.
    const many = (n: number, from: number) => ({ id: from, outlet: 'X', title: '', text: Array.from({ length: n }, (_, i) => `filler${from}n${i}`).join(' ') + '.' });
    const a = { ...ARTICLES[0], text: `Heavy rain fell on Monday. ${ARTICLES[0].text}` };
    const chunks = [ARTICLES[1], many(100, 100), many(20_000, 200)];
    const bytes: Uint8Array[] = [];
    for (const doc of [...chunks, a]) {
      bytes.push(packed(index, doc));
      index.add(doc);
    }
    const stored = unpackTerms(bytes[3], index, sentencesOf(a.text))!;
    expect(Math.min(...stored.text)).toBeLessThan(128);
    expect(Math.max(...stored.text)).toBeGreaterThan(16_384);
    expect([...stored.text].map((id) => index.termText(id))).toEqual(analyseText(a.text).terms);
    expect(unpackTerms(bytes[2], index, sentencesOf(chunks[2].text))!.text.length).toBe(20_000);
  });

  it('still fit after the index is saved and loaded, and after articles are added in the same order to a new index', () => {
    const index = SearchIndex.create();
    const bytes = ARTICLES.map((a) => {
      const b = packed(index, a);
      index.add(a);
      return b;
    });
    const loaded = SearchIndex.fromBytes(index.toBytes());
    // A woken worker re-adds the articles stored after its snapshot, in the order they were stored.
    const replayed = SearchIndex.create();
    for (const a of ARTICLES) replayed.add(a);
    for (const ix of [loaded, replayed]) {
      ARTICLES.forEach((a, i) => expect(unpackTerms(bytes[i], ix, sentencesOf(passageText(a)))).toBeDefined());
    }
  });

  it('are not used with a vocabulary that gives their ids to other terms, nor when damaged or for other sentences', () => {
    const index = SearchIndex.create();
    const a = ARTICLES[0];
    const bytes = packed(index, a);
    index.add(a);
    const sentences = sentencesOf(a.text);
    // The same articles in another order: the same terms under other ids.
    const other = SearchIndex.create();
    for (const b of [...ARTICLES].reverse()) other.add(b);
    expect(unpackTerms(bytes, other, sentences)).toBeUndefined();
    // A vocabulary without some of the ids.
    const small = SearchIndex.create();
    small.add({ id: 9, outlet: 'X', title: 'Rebels', text: 'Rebel fighters.' });
    expect(unpackTerms(bytes, small, sentences)).toBeUndefined();
    // Damaged bytes: cut short, one id changed, one byte too many, not bytes at all.
    expect(unpackTerms(bytes.subarray(0, bytes.length - 3), index, sentences)).toBeUndefined();
    const changed = bytes.slice();
    changed[10] ^= 1;
    expect(unpackTerms(changed, index, sentences)).toBeUndefined();
    expect(unpackTerms(Uint8Array.from([...bytes, 0]), index, sentences)).toBeUndefined();
    expect(unpackTerms([...bytes], index, sentences)).toBeUndefined();
    // Other sentences than those they were packed with: fewer, or as many cut elsewhere.
    expect(unpackTerms(bytes, index, sentences.slice(1))).toBeUndefined();
    const elsewhere = sentences.map((s, i) => (i === 0 ? { start: s.start, end: s.end - 5 } : i === 1 ? { start: s.start - 5, end: s.end } : s));
    expect(unpackTerms(bytes, index, elsewhere)).toBeUndefined();
    expect(unpackTerms(bytes, index, sentences)).toBeDefined();
  });

  it('are what the retriever reads: it finds passages from them without analysing the text', async () => {
    const index = SearchIndex.create();
    const rows: StoredArticle[] = ARTICLES.map((a) => {
      const terms = packed(index, a);
      index.add(a);
      return { ...a, url: `https://${a.outlet.toLowerCase()}.example/${a.id}`, published: null, terms, sentences: packSentences(passageText(a)) };
    });
    const query = { text: 'Rebels seized the Kandar valley' };
    const read = (list: StoredArticle[]) => createIndexRetriever(index, async (ids) => ids.map((id) => list.find((r) => r.id === id))).search(query, { k: 3 });
    const hits = await read(rows);
    expect(hits[0].articleId).toBe(1);
    // The same answer as analysing the text.
    expect(await read(rows.map(({ terms, ...r }) => r))).toEqual(hits);
    // With the words of the text blanked out (same length, the stored sentence offsets), only the
    // stored terms can still match the claim.
    const blank = (s: string) => s.replace(/[a-z]/g, 'x').replace(/[A-Z]/g, 'X').replace(/[0-9]/g, '0');
    const blanked = await read(rows.map((r) => ({ ...r, text: blank(r.text) })));
    expect(blanked[0].match).toBe(hits[0].match);
    expect(blanked[0].match).toBeGreaterThan(0.5);
    expect(bestPassage(blank(rows[0].text), prepareQuery(query)).score).toBe(0);
  });
});
