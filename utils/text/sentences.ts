import type { Span } from '../types';

/**
 * Splits text into sentences with character offsets into `text`.
 * Baseline rule: a sentence ends at . ! ? (plus closing quotes/brackets) followed by space and
 * an upper-case letter, digit or opening quote, or at a blank line.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?]+["'”’)\]]*(?=\s+["'“‘(]?[A-Z0-9])|\n\s*\n/g;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) spans.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
  };
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return spans;
}
