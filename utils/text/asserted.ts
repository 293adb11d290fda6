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
    // an aside naming the source, set off by commas: "…, according to the exchange." / "…, according to the exchange, and …"
    // (not "held according to the constitution", "went according to plan")
    .replace(/,\s*according to [^,;.!?]{1,160}(?:(?=[.!?]?\s*$)|(?=,))/i, '')
    .replace(LEAD_IN, (lead) => (words(lead) >= 6 && words(text) - words(lead) >= 5 && !isList(text.slice(lead.length)) ? '' : lead))
    .trim();
  return out !== text.trim() && words(out) >= 3 ? out : text;
}

/** A clause ending in a colon at the start of the claim (the first colon only, not inside a number such as "10:30"). */
const LEAD_IN = /^[^:]{1,200}:\s+(?=\S)/;

/** A list of names after a colon ("three villages: Korven, Dunmere and Keld"), not a statement of its own. */
function isList(rest: string): boolean {
  const lower = rest.match(/\b\p{Ll}[\p{L}'’-]*/gu) ?? [];
  return lower.filter((w) => !/^(?:and|or|the|of|de|van|von)$/.test(w)).length < 2;
}

function words(s: string): number {
  return s.trim().split(/\s+/).filter(Boolean).length;
}
