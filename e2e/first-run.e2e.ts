// The first minutes after install: the demo corpus loads by itself while the reader may already be
// using the options page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ExtensionSession, type PageServer } from './harness';
import { toBackground, startSession, stopSession } from './extension';

describe('first run', () => {
  let server: PageServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    ({ server, ext } = await startSession('demo'));
  });
  afterAll(() => stopSession({ server, ext }));

  it('"Remove demo corpus" pressed while the demo corpus is still loading removes it for good', async () => {
    const options = await ext.openExtensionPage('options.html');
    // As the button does, as soon as the page is there (before the first-run load has finished).
    await toBackground(options, 'removeDemoCorpus');
    // The first-run load does not bring it back afterwards.
    await options.waitForTimeout(1500);
    expect(await toBackground<{ articles: number }>(options, 'corpusSize')).toMatchObject({ articles: 0 });
    await options.reload();
    await waitFor(async () => /^0 articles/.test((await options.getByTestId('corpus-size').textContent()) ?? '') || null, { message: 'the options page does not show an empty corpus' });
  });
});
