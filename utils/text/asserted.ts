/**
 * What a claim asserts, without the source it names or the lead-in it follows: "X happened,
 * according to Y" and "According to Y, X happened" give "X happened"; "That was the message on
 * Monday, and the market loved it: shares rose 38 percent" gives "shares rose 38 percent". A short
 * label before a colon ("Congressman: …", "Report: …") is kept: it says whose claim it is. The
 * claim itself when too little would be left.
 */
export function assertedPart(text: string): string {
  const out = text
    .replace(/^\s*according to [^,]{1,120},\s*/i, '')
    .replace(/,?\s+according to\b[^;]*?(?=[.!?]?\s*$)/i, '')
    .replace(LEAD_IN, (lead) => (words(lead) >= 6 && words(text) - words(lead) >= 5 ? '' : lead))
    .trim();
  return out !== text.trim() && words(out) >= 3 ? out : text;
}

/** A clause ending in a colon at the start of the claim (the first colon only, not inside a number such as "10:30"). */
const LEAD_IN = /^[^:]{1,200}:\s+(?=\S)/;

function words(s: string): number {
  return s.trim().split(/\s+/).filter(Boolean).length;
}
