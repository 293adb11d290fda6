import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { VerdictCounts } from '@/components/VerdictCounts';
import { SensitivityControl } from '@/components/SensitivityControl';
import { useActiveTab, useStorageItem, useTabState } from '@/components/hooks';
import { toBackground, type CorpusSize } from '@/utils/extension/messages';
import { siteSettingsItem } from '@/utils/extension/settings';
import { corpusCapturedItem } from '@/utils/extension/corpus-captured';
import { captureSitesItem, isCaptureOn, setCaptureOn } from '@/utils/extension/capture';
import { isSiteEnabled, setSiteEnabled } from '@/utils/site-settings';
import { isGranted, originsForSite, originsNoLongerNeeded, originsToAsk } from '@/utils/site-access';
import { countVerdicts } from '@/utils/verdict';
import { counted } from '@/utils/plural';

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

  // Asked again when an article is captured while the popup is open (capture just switched on).
  const captured = useStorageItem(corpusCapturedItem);
  useEffect(() => {
    void toBackground('corpusSize', {}).then((r) => (r.ok ? setCorpus(r.value) : setMessage(r.error)));
  }, [captured]);

  const granted = useGrantedOrigins();
  const [asking, setAsking] = useState(false);
  const [checkingOnce, setCheckingOnce] = useState(false);

  const host = hostOf(tab.url);
  // On where the reader switched it on and the browser lets it read the site.
  const enabled = !!settings && !!tab.url && !!granted && isSiteEnabled(tab.url, settings) && isGranted(tab.url, granted);

  const capturing = !!captureSites && !!tab.url && isCaptureOn(tab.url, captureSites);
  const toggleCapture = async (on: boolean) => {
    if (!host || !captureSites) return;
    await captureSitesItem.setValue(setCaptureOn(captureSites, host, on));
  };

  const toggle = async (on: boolean) => {
    if (!host || !settings) return;
    setMessage(null);
    if (on) {
      // Asked straight from the click, so the browser sees the reader's gesture and shows its
      // prompt. The grant, once given, is turned into settings by the background alone (its
      // permissions listener); this popup follows the settings and the grants, so the switch
      // shows the site on as soon as that is done. Where the grants this popup last saw cover the
      // site, the browser is asked all the same (they may have been taken back a moment ago): it
      // answers at once, without a prompt, when they still hold, and the settings are ours to write.
      const ask = originsToAsk(host, granted ?? []);
      const own = originsForSite(host);
      const switchOn = async () => siteSettingsItem.setValue(setSiteEnabled(await siteSettingsItem.getValue(), host, true));
      if (!ask.length && !own.every((o) => granted?.includes(o))) {
        // Covered by a wider grant (every site, or a whole domain): only the settings change
        // (asking for the site's own patterns would add grants that outlive the wider one).
        await switchOn();
        return;
      }
      setAsking(true);
      let allowed = false;
      try {
        allowed = await browser.permissions.request({ origins: ask.length ? ask : own });
      } catch (error) {
        setMessage(`The browser refused: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        setAsking(false);
      }
      if (!allowed) setMessage((m) => m ?? `Crosscheck stays off on ${host}: the browser did not give it access to this site.`);
      else if (!ask.length) await switchOn();
      return;
    }
    const after = setSiteEnabled(settings, host, false);
    await siteSettingsItem.setValue(after);
    // Give the site's access back to the browser (not a wider grant such as "every site").
    const unneeded = originsNoLongerNeeded(settings, after);
    if (unneeded.length) await browser.permissions.remove({ origins: unneeded }).catch(() => false);
  };

  const checkOnce = async () => {
    if (tab.id === null) return;
    setMessage(null);
    setCheckingOnce(true);
    const answer = await toBackground('checkTabOnce', { tabId: tab.id });
    setCheckingOnce(false);
    if (!answer.ok) setMessage(answer.error);
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
  // The page's own status (a state with only the reader's checks says nothing about the page).
  const page = state?.status === 'unchecked' ? null : state;
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
          <p class="popup-status">{page ? (page.status === 'error' ? `${STATUS_TEXT.error} ${page.error ?? ''}` : STATUS_TEXT[page.status as keyof typeof STATUS_TEXT]) : host && granted && settings && !enabled ? STATUS_TEXT.off : 'This page has not been checked.'}</p>
        )}
      </section>

      <label class="popup-switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="site-switch"
          checked={enabled}
          // Usable once the grants are known (they decide whether switching on asks the browser);
          // a host no site pattern names (www.www.example.com) has no switch of its own.
          disabled={!host || !settings || !granted || originsForSite(host).length === 0}
          onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{host ? <>On for <b>{host}</b>{asking && ' (waiting for the browser to allow it)'}</> : 'Not available on this page'}</span>
      </label>

      {host && !enabled && state?.status !== 'done' && state?.status !== 'checking' && (
        <button type="button" class="popup-once" data-testid="check-once" disabled={checkingOnce || tab.id === null} onClick={() => void checkOnce()}>
          {checkingOnce ? 'Checking…' : 'Check this page once'}
        </button>
      )}

      <label class="popup-switch">
        <input
          type="checkbox"
          role="switch"
          checked={capturing}
          // Articles are added as Crosscheck reads them, so only where it runs.
          disabled={!host || !captureSites || (!enabled && !capturing)}
          onChange={(e) => void toggleCapture((e.currentTarget as HTMLInputElement).checked)}
          data-testid="capture-switch"
        />
        <span>
          {host ? (
            <>
              Add articles I read on <b>{host}</b> to my corpus
              {/* Articles are added as Crosscheck reads them: not while it is off here. */}
              {capturing && !enabled && <span class="popup-note"> (paused: Crosscheck is off on this site)</span>}
            </>
          ) : (
            'Capture not available on this page'
          )}
        </span>
      </label>

      <SensitivityControl />

      <button type="button" class="popup-panel" onClick={() => void openPanel()} disabled={tab.id === null}>
        Open side panel
      </button>

      <footer class="popup-foot" data-testid="corpus-size">
        {!corpus
          ? 'Reading corpus…'
          : corpus.articles === 0
            ? 'Your corpus is empty, so every claim shows as Unverified. Add articles from Settings and corpus.'
            : `${counted(corpus.articles, 'article')} from ${counted(corpus.outlets, 'outlet')} in your corpus`}
      </footer>
      {message && <p class="popup-error">{message}</p>}
    </main>
  );
}

/** The web sites the browser lets Crosscheck read, kept up to date; undefined until first read. */
function useGrantedOrigins(): string[] | undefined {
  const [origins, setOrigins] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const refresh = () => void browser.permissions.getAll().then((p) => live && setOrigins(p.origins ?? []));
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  return origins;
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
