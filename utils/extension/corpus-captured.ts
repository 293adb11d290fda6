import { storage } from 'wxt/utils/storage';

/**
 * When an article was last added to the corpus as the reader read (capture): the popup and side
 * panel, open meanwhile, ask the corpus's size again. In session storage, which the page script
 * may not touch: this module is for the background and the extension's pages only (defining the
 * item reads its storage area).
 */
export const corpusCapturedItem = storage.defineItem<number>('session:corpusCaptured', { fallback: 0 });
