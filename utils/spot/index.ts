import type { ClaimStructure, SpottedClaim } from '../types';
import { splitSentences } from '../text/sentences';
import { modelScore } from './model';
import { claimStructure as structureOf } from './structure';

/**
 * Claim spotting: which sentences of an article are check-worthy factual claims, with their
 * structure. Pure functions over strings; the model (model.json) is bundled with the code.
 */

/** Check-worthiness of one sentence, 0..1 (higher = more worth checking against other reporting). */
export function scoreSentence(text: string): number {
  const t = text.trim();
  if (!t) return 0;
  return modelScore(t);
}

/** Entities, numbers, action, attribution, negation and hedging of a claim sentence. */
export function claimStructure(text: string): ClaimStructure {
  return structureOf(text);
}

/** The score a sentence needs to count as a claim at a given sensitivity (0 = fewest claims, 1 = most). */
export function thresholdFor(sensitivity = 0.5): number {
  const s = Math.min(1, Math.max(0, Number.isFinite(sensitivity) ? sensitivity : 0.5));
  return 0.95 - 0.9 * s;
}

const BULLET = /^(?:[•▪◦·‣●○■□➢►*+-]|–|—|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/;
/** A dateline opening a story: a place in capitals, maybe a country or a date, then a dash. */
const DATELINE = /^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([^)]{1,40}\))? ?[—–-]{1,2} /;
const CAPTION =
  /^\(?(?:photo(?:graph)?s?|pictures?|images?|video|watch|listen|audio|credit|file photo|graphic|illustration|chart|graph|map|table|gallery|pictured|above|top|main image|source)\s*(?:[:|/–—-]|\))|\((?:photo|image|picture|credit)[^)]*\)\s*$|\b(?:getty images|afp via getty images|ap photo|reuters\/[a-z]+|epa-efe|shutterstock)\)?\s*$/i;
const BOILERPLATE =
  /^(?:read more|read next|more on this|related(?: stories| articles| coverage)?|subscribe|sign up|follow us|share (?:this|on)|advertisement|sponsored|click here|tap here|download (?:our|the) app|copyright|all rights reserved|this (?:article|story|report|page) (?:was|is|has|had)|(?:correction|clarification|editor['’]s note|update)\b[^:]{0,30}:|an earlier version of this|updated\b|published\b|last updated|by [A-Z][a-z]+ [A-Z])/i;

const WORD_CHUNK = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;

/** Is this sentence a fragment that is never a claim (too short, heading, caption, boilerplate)? */
export function isFragment(text: string): boolean {
  const t = text.trim();
  if (t.length < 20) return true;
  // Words: runs of non-space with a letter or a digit in them.
  const words = t.match(WORD_CHUNK)?.length ?? 0;
  if (words < 4) return true;
  if (CAPTION.test(t) || BOILERPLATE.test(t)) return true;
  const finalPunct = /[.!?…]["”’)\]]*$/.test(t);
  // Teasers, breadcrumbs and fact boxes: parts joined by "·" or "|" without final punctuation.
  if (!finalPunct && /\s[·|•]\s/.test(t)) return true;
  // A heading: short, no final punctuation, not a list item.
  if (!finalPunct && words < 15 && !BULLET.test(t) && !/\d/.test(t)) return true;
  return false;
}

/**
 * The check-worthy claims of a text, in text order, with offsets into `text`. With `maxClaims`,
 * only the most check-worthy that many are returned (ties in text order), still in text order —
 * the same claims as capping the full list, without working out the structure of the others.
 * With `from`/`to`, only claims starting in that stretch of the text are looked at (the text is
 * still split as a whole, so its sentences are the same whichever stretch is asked for).
 */
export function spotClaims(text: string, opts?: { sensitivity?: number; maxClaims?: number; from?: number; to?: number }): SpottedClaim[] {
  const threshold = thresholdFor(opts?.sensitivity ?? 0.5);
  const from = opts?.from ?? 0;
  const to = opts?.to ?? Infinity;
  const found: Array<{ text: string; start: number; end: number; score: number }> = [];
  for (const span of splitSentences(text)) {
    if (span.end <= from) continue;
    // A list marker or a wire dateline ("KELD, Estrava — ") is not part of the claim.
    const lead = span.text.match(BULLET) ?? span.text.match(DATELINE);
    const start = span.start + (lead ? lead[0].length : 0);
    if (start < from) continue;
    if (start >= to) break;
    const sentence = text.slice(start, span.end);
    if (isFragment(sentence)) continue;
    const score = scoreSentence(sentence);
    if (score < threshold) continue;
    found.push({ text: sentence, start, end: span.end, score });
  }
  const kept = opts?.maxClaims === undefined ? found : mostCheckWorthy(found, opts.maxClaims);
  // The structure is worked out only for the claims returned.
  return kept.map((c) => ({ text: c.text, start: c.start, end: c.end, score: c.score, structure: structureOf(c.text) }));
}

/** At most `max` items, the highest scores first picked (ties in text order), kept in text order. */
export function mostCheckWorthy<T extends { score: number }>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const keep = new Set([...items].sort((a, b) => b.score - a.score).slice(0, max));
  return items.filter((c) => keep.has(c));
}
