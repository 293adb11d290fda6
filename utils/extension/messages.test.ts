import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages, toBackground, type BackgroundProtocol } from './messages';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('message protocol', () => {
  it('answers with a Result carrying the value', async () => {
    const stop = handleMessages<BackgroundProtocol>({ corpusSize: () => ({ articles: 3, outlets: 2 }) }, { accept: () => true });
    expect(await toBackground('corpusSize', {})).toEqual({ ok: true, value: { articles: 3, outlets: 2 } });
    stop();
  });

  it('turns a thrown error into a readable failure instead of throwing', async () => {
    const stop = handleMessages<BackgroundProtocol>(
      {
        importBatch: async () => {
          throw new Error('The disk is full; nothing from this batch was stored.');
        },
      },
      { accept: () => true },
    );
    expect(await toBackground('importBatch', { articles: [] })).toEqual({ ok: false, error: 'The disk is full; nothing from this batch was stored.' });
    stop();
  });

  it('ignores messages from other senders', async () => {
    const stop = handleMessages<BackgroundProtocol>({ corpusSize: () => ({ articles: 1, outlets: 1 }) }, { accept: () => false });
    const answer = await toBackground('corpusSize', {});
    expect(answer.ok).toBe(false);
    stop();
  });
});
