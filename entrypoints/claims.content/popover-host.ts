/**
 * Marks the element that hosts our popover (`data-crosscheck="popover"`); the page's own code
 * never sees inside it. Its tag name is `crosscheck-popover-` and a part drawn anew on every
 * page, so no page can have defined a custom element of that name (one that would take the host
 * over before our shadow root is attached). Kept apart from popover.tsx, whose code is loaded only
 * when a popover first opens.
 */
export const POPOVER_SELECTOR = '[data-crosscheck="popover"]';
