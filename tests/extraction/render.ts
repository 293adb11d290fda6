/**
 * Loads a test page the way a browser tab does before the content script runs: parsed by
 * happy-dom with the page's inline scripts run, then waited on until they are done. (The
 * extension extracts at document_idle, after the page's own scripts have built the DOM.)
 * The pages are our own files, so running their scripts is safe here.
 */
import { Window } from 'happy-dom';

export async function renderPage(html: string, url = 'https://pages.test/article'): Promise<{ document: Document; close: () => Promise<void> }> {
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  // window.print() on the printer-friendly page must not fail
  (window as unknown as { print: () => void }).print = () => {};
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  return { document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}
