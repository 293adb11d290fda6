import type { browser as Polyfilled } from 'wxt/browser';

/**
 * What `wxt/browser` is in the page script's build (see wxt.config.ts): the browser's own extension
 * API (`browser`, or `chrome` where there is no `browser`), as WXT gives it without the polyfill.
 * The page script uses only the parts that need no polyfill (its messages, see messages.ts; WXT's
 * runtime.id and getURL); loading the polyfill there cost 10–50 ms of its first run on a cold page
 * (compiling it, and copying the browser's object, which makes the browser set up every API it has).
 */
const g = globalThis as { browser?: typeof Polyfilled; chrome?: typeof Polyfilled };
export const browser = (g.browser?.runtime?.id ? g.browser : g.chrome)!;
