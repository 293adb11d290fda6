import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { VerdictCounts } from '@/components/VerdictCounts';
import { SensitivityControl } from '@/components/SensitivityControl';
import { useActiveTab, useStorageItem, useTabState } from '@/components/hooks';
import { toBackground, type CorpusSize } from '@/utils/extension/messages';
import { siteSettingsItem } from '@/utils/extension/settings';
import { captureSitesItem, isCaptureOn, setCaptureOn } from '@/utils/extension/capture';
import { isSiteEnabled, setSiteEnabled } from '@/utils/site-settings';
import { countVerdicts } from '@/utils/verdict';

const STATUS_TEXT = {
  checking: 'Checking this page…',
  off: 'Crosscheck is off on this site.',
  'no-article': 'No article found on this page.',
  error: 'This page could not be checked.',
} as const;

/** The toolbar popup: this page's claims by verdict, the site switch, the side panel, the corpus size. */
export function App() {
  const tab = useActiveTab(false);
  const state = useTabState(tab.id);
  const settings = useStorageItem(siteSettingsItem);
  const captureSites = useStorageItem(captureSitesItem);
  const [corpus, setCorpus] = useState<CorpusSize | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void toBackground('corpusSize', {}).then((r) => (r.ok ? setCorpus(r.value) : setMessage(r.error)));
  }, []);

  const host = hostOf(tab.url);
  const enabled = !!settings && !!tab.url && isSiteEnabled(tab.url, settings);

  const capturing = !!captureSites && !!tab.url && isCaptureOn(tab.url, captureSites);
  const toggleCapture = async (on: boolean) => {
    if (!host || !captureSites) return;
    await captureSitesItem.setValue(setCaptureOn(captureSites, host, on));
  };

  const toggle = async (on: boolean) => {
    if (!host || !settings) return;
    await siteSettingsItem.setValue(setSiteEnabled(settings, host, on));
  };

  const openPanel = async () => {
    if (tab.id === null) return;
    try {
      // Called straight from the click, so the browser sees the reader's gesture.
      if (browser.sidePanel?.open) await browser.sidePanel.open({ tabId: tab.id });
      else await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
      window.close();
    } catch (error) {
      setMessage(`Could not open the side panel: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const counts = countVerdicts(state?.claims ?? []);
  return (
    <main class="popup">
      <header class="popup-head">
        <strong>Crosscheck</strong>
        <button type="button" class="popup-options" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings and corpus
        </button>
      </header>

      <section class="popup-page" aria-live="polite">
        {state?.status === 'done' ? (
          <>
            <p class="popup-summary">
              <span class="popup-total" data-testid="claim-count">{state.claims.length}</span> claim{state.claims.length === 1 ? '' : 's'} on this page
            </p>
            <VerdictCounts counts={counts} />
          </>
        ) : (
          <p class="popup-status">{state ? (state.status === 'error' ? `${STATUS_TEXT.error} ${state.error ?? ''}` : STATUS_TEXT[state.status]) : 'This page has not been checked.'}</p>
        )}
      </section>

      <label class="popup-switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="site-switch"
          checked={enabled}
          disabled={!host || !settings}
          onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{host ? <>On for <b>{host}</b></> : 'Not available on this page'}</span>
      </label>

      <label class="popup-switch">
        <input
          type="checkbox"
          role="switch"
          checked={capturing}
          disabled={!host || !captureSites}
          onChange={(e) => void toggleCapture((e.currentTarget as HTMLInputElement).checked)}
          data-testid="capture-switch"
        />
        <span>{host ? <>Add articles I read on <b>{host}</b> to my corpus</> : 'Capture not available on this page'}</span>
      </label>

      <SensitivityControl />

      <button type="button" class="popup-panel" onClick={() => void openPanel()} disabled={tab.id === null}>
        Open side panel
      </button>

      <footer class="popup-foot" data-testid="corpus-size">
        {corpus ? `${corpus.articles.toLocaleString()} articles from ${corpus.outlets.toLocaleString()} outlets in your corpus` : 'Reading corpus…'}
      </footer>
      {message && <p class="popup-error">{message}</p>}
    </main>
  );
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}
