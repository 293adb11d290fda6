/**
 * The sizes an imported article may have. Apart from article.ts so that the message checks, which
 * use them, do not bring the HTML reader into the page script.
 */

/** Longest article text accepted, in characters; longer is almost surely not one article. */
export const MAX_ARTICLE_CHARS = 2_000_000;
/** Longest title accepted, in characters. */
export const MAX_TITLE_CHARS = 2_000;
/** Longest outlet name accepted, in characters. */
export const MAX_OUTLET_CHARS = 500;
