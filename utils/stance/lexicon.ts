/**
 * Cue words for news stance. Each cue is matched on lower-cased tokens (single words, or short
 * phrases joined by spaces). Grouped by what they usually signal; the model learns how much each
 * one counts, the rule layer uses the groups directly.
 */
import { withoutPrototype } from '../text/table';

/** Denial, debunking and correction: the evidence says the claim is false. */
export const REFUTE_CUES = [
  'fake', 'fraud', 'hoax', 'hoaxes', 'false', 'falsely', 'deny', 'denies', 'denied', 'denying', 'denial', 'bogus', 'debunk', 'debunked', 'debunks',
  'prank', 'retract', 'retracted', 'retraction', 'dismiss', 'dismissed', 'dismisses', 'reject', 'rejected', 'rejects', 'refute', 'refuted', 'refutes',
  'untrue', 'misleading', 'myth', 'satire', 'satirical', 'incorrect', 'wrong', 'fabricated', 'baseless', 'unfounded', 'contrary', 'contradict',
  'contradicted', 'contradicts', 'insist', 'insisted', 'insists', 'actually', 'however', 'nonsense', 'spoof', 'parody', 'doctored', 'photoshopped',
  'not true', 'no evidence', 'in fact', 'turned out', 'turns out', 'made up', 'there is no', 'never happened', 'did not', 'has not', 'have not', 'was not',
  'is not', 'no truth', 'not the case', 'correction', 'corrected', 'clarified', 'erroneous', 'mistaken', 'mistakenly', 'scam', 'debunking', 'rubbish',
  'ridiculous', 'dispute', 'disputed', 'disputes', 'disputing', 'deny', 'denials', 'quash', 'quashed', 'squash', 'squashed', 'shot down', 'laughed off',
] as const;

/** Hedging and reporting without taking a side: the evidence relays the claim. */
export const HEDGE_CUES = [
  'reportedly', 'allegedly', 'alleged', 'alleges', 'claim', 'claims', 'claimed', 'claiming', 'according to', 'purportedly', 'purported', 'apparently',
  'apparent', 'rumor', 'rumors', 'rumour', 'rumours', 'rumored', 'rumoured', 'speculation', 'speculated', 'unconfirmed', 'unverified', 'may', 'might',
  'could', 'possibly', 'possible', 'perhaps', 'suggest', 'suggests', 'suggested', 'report', 'reports', 'reported', 'appears', 'appeared', 'seems',
  'seemed', 'believed', 'supposedly', 'sources', 'source', 'if true', 'whether', 'not clear', 'unclear', 'investigating', 'investigation', 'said',
  'says', 'told', 'say', 'stated', 'statement', 'asserted', 'accused', 'accuses', 'circulating', 'viral', 'went viral', 'unknown', 'suspected', 'likely',
  'expected', 'would', 'speculate', 'question', 'questions', 'tabloid', 'social media', 'twitter', 'posted', 'image', 'photo', 'video', 'if', 'cannot be',
  'could not be', 'yet to', 'not yet', 'not immediately', 'await', 'awaiting',
] as const;

/** Firm assertion and confirmation: the evidence states the claim as fact. */
export const CONFIRM_CUES = [
  'confirmed', 'confirms', 'confirm', 'confirming', 'confirmation', 'official', 'officially', 'announced', 'announces', 'announcement', 'revealed',
  'reveals', 'shows', 'showed', 'proved', 'proves', 'proof', 'verified', 'indeed', 'true', 'evidence', 'fact', 'admitted', 'admits', 'acknowledged',
  'acknowledges', 'definitely', 'certainly', 'undoubtedly', 'now', 'has', 'have', 'was', 'were', 'killed', 'died', 'dead', 'arrested', 'found',
  'discovered', 'launched', 'released', 'will',
] as const;

/** Negation words. */
export const NEGATION_CUES = ['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot'] as const;

/** All distinct cues in a fixed order; this order is part of the model's feature layout. */
export const ALL_CUES: readonly string[] = [...new Set<string>([...REFUTE_CUES, ...HEDGE_CUES, ...CONFIRM_CUES, ...NEGATION_CUES])];

/**
 * Single words that deny, debunk or correct (a narrower set than REFUTE_CUES, without "however",
 * "actually" or bare negations), located per sentence to see whether a denial stands next to the
 * claim's own words. Two-word denials ("not true", "no evidence") are found by their first word.
 */
export const DENIAL_WORDS: ReadonlySet<string> = new Set([
  'deny', 'denies', 'denied', 'denying', 'denial', 'denials', 'false', 'falsely', 'fake', 'hoax', 'hoaxes', 'bogus', 'debunk', 'debunked', 'debunks',
  'debunking', 'untrue', 'refute', 'refuted', 'refutes', 'reject', 'rejected', 'rejects', 'dismiss', 'dismissed', 'dismisses', 'fabricated', 'baseless',
  'unfounded', 'retract', 'retracted', 'retraction', 'correction', 'corrected', 'misleading', 'myth', 'satire', 'satirical', 'spoof', 'parody', 'prank',
  'doctored', 'photoshopped', 'nonsense', 'rubbish', 'incorrect', 'erroneous', 'mistaken', 'mistakenly', 'quash', 'quashed', 'contradicts',
  'contradicted', 'dispute', 'disputed', 'disputes', 'disputing', 'scam',
]);

/** Second words that make a two-word denial after the first: "not true", "no evidence", "never happened", "made up". */
export const DENIAL_PAIRS: Readonly<Record<string, ReadonlySet<string>>> = withoutPrototype({
  not: new Set(['true', 'real', 'genuine', 'accurate']),
  no: new Set(['evidence', 'truth', 'basis', 'proof']),
  never: new Set(['happened', 'said', 'existed']),
  made: new Set(['up']),
});
