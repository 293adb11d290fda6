/**
 * Warming the retrieval code while a woken service worker waits for storage.
 *
 * A cold start spends ~150–200 ms waiting for IndexedDB to open and hand over the saved index,
 * with the thread idle, and then runs scoring, tokenising and passage choice for the first time:
 * the JavaScript engine interprets that code, learns its types and compiles it while the claims
 * wait. `warmUp` runs the same functions on a few built-in articles during the wait, in short
 * slices, so that the engine has compiled them when the real articles arrive. It keeps no state
 * the answers depend on (only the analyser's pure memo of word → term gets a few words).
 */
import { queryTerms } from './analyze';
import { SEARCH_COST, SearchIndex } from './index';
import { analyseForQuery, analyseText, bestPassage, packSentences, prepareQuery, unpackSentences, type AnalysedText } from './passages';
import { feedbackTerms } from './retriever';

/** Four short reports, written for this purpose (numbers, names, hyphenated and possessive words, quotes). */
const SAMPLE = [
  `Flood waters rose across the northern valley on Tuesday after three days of heavy rain, forcing about 1,200 residents from their homes, regional officials said. The river broke its banks near the town of Marlow at dawn, and emergency crews used boats to reach families stranded on rooftops. "We have never seen the water this high," said the mayor, Helen Brandt, who asked people to stay away from the old bridge. Two people were reported missing and four were taken to hospital with minor injuries. Forecasters expect more rain on Thursday. The regional government announced an emergency fund of 5.5 million euros for the worst-hit districts, and the army sent 300 soldiers to help build barriers along the river.`,
  `The central bank raised its main interest rate by half a percentage point to 4.25% on Wednesday, its third increase this year, as inflation stayed well above its target. Governor Paolo Ricci told reporters that prices for food and energy were still rising faster than wages. Opposition leaders criticised the decision, saying higher borrowing costs would hurt small businesses and families with mortgages. Analysts had expected a smaller rise. The currency gained 0.8% against the dollar after the announcement, while shares in the country's largest lenders fell. The bank said it would keep watching the labour market before deciding on further moves in December.`,
  `Rebel forces seized control of the border town of Kessa overnight after heavy fighting with government troops, according to local residents and a military spokesman. The army denied that the town had fallen and said its soldiers were still holding positions near the airport. Aid groups said thousands of civilians had fled toward the capital, and at least 14 people were killed in the clashes. The United Nations called for an immediate ceasefire and for talks between the two sides to resume. The defence minister, Amira Haddad, said reinforcements had been sent to the region and promised to retake the town within days.`,
  `Workers at the country's main port walked out on Monday in a strike over pay, halting the loading of ships and leaving dozens of vessels waiting offshore. The dockers' union said its members had been offered a rise of 2% while prices had climbed by more than 7% over the past year. The port authority called the year-long dispute's latest stoppage illegal and said it would go to court. Exporters warned that the stoppage was costing millions every day. Talks between the union and the employers broke down last week after the two sides failed to agree on a new contract, and no new meeting has been set.`,
];

const QUERIES = [
  'Officials said 1,200 residents were forced from their homes after the river flooded the town of Marlow.',
  'The central bank raised its interest rate to 4.25% as inflation stayed high, Governor Paolo Ricci told reporters.',
  'Rebels took control of Kessa after fighting with the army; 14 people were killed, a spokesman said.',
  'Dockers went on strike at the port over a 2% pay offer, the union said on Monday.',
];

/** Rounds over the queries at most (each round scores, gives feedback and finds passages for every query). */
const ROUNDS = 4;

interface SampleDoc {
  id: number;
  outlet: string;
  title: string;
  text: string;
  sentences: { start: number; end: number }[];
}

/** The sample reports, each in several versions (its sentences rotated), so that terms are shared by many articles. */
function sampleDocs(): SampleDoc[] {
  const docs: SampleDoc[] = [];
  for (let r = 0; r < 6; r++) {
    SAMPLE.forEach((report, i) => {
      const parts = report.split('. ');
      const at = r % parts.length;
      const text = [...parts.slice(at), ...parts.slice(0, at)].join('. ');
      docs.push({
        id: docs.length + 1,
        outlet: `outlet ${(r + i) % 5}`,
        title: parts[at].slice(0, 90),
        text,
        sentences: unpackSentences(packSentences(text), text) ?? [],
      });
    });
  }
  return docs;
}

/** Runs `fn` with the common-term threshold lowered, so that a small index takes those paths too. */
function withCommonTerms<T>(fn: () => T): T {
  const saved = { ...SEARCH_COST };
  Object.assign(SEARCH_COST, { minDf: 2, share: 0 });
  try {
    return fn();
  } finally {
    Object.assign(SEARCH_COST, saved);
  }
}

/** One query as the retriever answers it (first pass, feedback from the best three, second pass, passages), a step at a time. */
function* answer(index: SearchIndex, byId: Map<number, SampleDoc>, text: string, round: number): Generator<void, void, void> {
  const opts = { excludeOutlet: undefined };
  const weighted = queryTerms(text);
  const first = withCommonTerms(() => index.searchKeeping(weighted, 8, opts));
  yield;
  const fb: { title: string; analysed: AnalysedText }[] = [];
  for (const h of first.hits.slice(0, 3)) {
    const d = byId.get(h.id)!;
    fb.push({ title: d.title, analysed: analyseText(d.text, d.sentences) });
    yield;
  }
  const extra = feedbackTerms(fb, index, new Set(weighted.map((w) => w.term)));
  const hits = extra.length > 0 ? withCommonTerms(() => index.searchMore(first.state, extra, 8, opts)) : first.hits;
  yield;
  const n = Math.max(index.docCount, 1);
  const prepared = prepareQuery({ text }, (term) => {
    const df = index.docFreq(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }, weighted);
  for (let i = 0; i < hits.length; i++) {
    const d = byId.get(hits[i].id)!;
    // Mostly as a first look at an article (only the query's words); some in full, as for an article seen before.
    const analysed = (i + round) % 4 === 0 ? analyseText(d.text, d.sentences) : analyseForQuery(d.text, prepared, d.sentences);
    bestPassage(d.text, prepared, undefined, analysed);
    yield;
  }
}

function* steps(): Generator<void, void, void> {
  const docs = sampleDocs();
  const byId = new Map(docs.map((d) => [d.id, d]));
  yield;
  const built = SearchIndex.create();
  for (const d of docs) {
    built.add(d);
    yield;
  }
  // Loaded from bytes, as the saved index is.
  const index = SearchIndex.fromBytes(built.toBytes());
  yield;
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) yield* answer(index, byId, q, round);
  }
}

export interface WarmUp {
  /** Stops at the end of the current step (call it when the wait is over). */
  stop(): void;
  /** Settles when stopped or finished (never rejects). */
  readonly done: Promise<void>;
}

interface TaskScheduler {
  postTask(fn: () => void, options: { priority: 'background' }): Promise<unknown>;
}

/**
 * Runs the next slice when the thread has nothing else to do: as a background task where the
 * browser schedules those (storage events and other work go first), else after the tasks queued.
 */
function later(fn: () => void): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler && typeof scheduler.postTask === 'function') {
    scheduler.postTask(fn, { priority: 'background' }).catch(() => undefined);
  } else if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      fn();
    };
    channel.port2.postMessage(null);
  } else setTimeout(fn, 0);
}

/**
 * Warms the retrieval code in slices of about `sliceMs`, each after the tasks already queued, until
 * `stop` is called or the built-in rounds are done. Start it right after asking storage for the
 * index; stop it when the index has arrived.
 */
export function warmUp(sliceMs = 3): WarmUp {
  let stopped = false;
  const it = steps();

  const done = new Promise<void>((resolve) => {
    const slice = () => {
      if (stopped) return resolve();
      const end = performance.now() + sliceMs;
      try {
        do {
          if (it.next().done) return resolve();
        } while (!stopped && performance.now() < end);
      } catch {
        // Warming is only an optimisation: a failure here must not reach the caller.
        return resolve();
      }
      later(slice);
    };
    later(slice);
  });
  return {
    stop: () => {
      stopped = true;
    },
    done,
  };
}
