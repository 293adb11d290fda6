/**
 * A long text's claims are chosen in two parts (see openingClaims and restClaims in
 * utils/pipeline): its opening, the sentences that start in its first OPENING_CHARS characters,
 * and the rest. Kept apart from the pipeline so that the page script can tell whether a text has
 * a rest without taking in the spotter.
 */
export const OPENING_CHARS = 12_000;

/** Whether a text of `length` characters has claims beyond its opening to ask for. */
export const hasRest = (length: number): boolean => length > OPENING_CHARS;
