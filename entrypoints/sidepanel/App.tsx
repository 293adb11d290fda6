import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ClaimCard } from '@/components/ClaimCard';
import { VerdictCounts } from '@/components/VerdictCounts';
import { useActiveTab, useCorpusSize, useStorageItem, useTabState } from '@/components/hooks';
import { corpusCapturedItem } from '@/utils/extension/corpus-captured';
import { MAX_SELECTION_CHARS, toBackground, toTab, type SelectionCheck } from '@/utils/extension/messages';
import { LIMITS } from '@/utils/extension/message-checks';
import { countVerdicts } from '@/utils/verdict';

/**
 * The side panel: every claim on the current tab with its verdict and outlets, a box to check
 * any sentence, and the results of selection checks. It follows the active tab.
 */
export function App() {
  const tab = useActiveTab(true);
  const state = useTabState(tab.id);
  // A notice is about the tab it was given on: another tab in front does not show it.
  const [notice, setNotice] = useState<{ tabId: number; text: string } | null>(null);
  // Asked again whenever a check finishes or an article is captured (the corpus may have changed meanwhile).
  const captured = useStorageItem(corpusCapturedItem);
  const corpus = useCorpusSize(`${state?.checkedAt ?? ''}|${state?.selections[0]?.id ?? ''}|${captured ?? ''}`);

  // A check that comes in while the panel is open is brought into view: the reader may be scrolled
  // down among the page's claims, far from "Your checks" at the top. (Not the checks already there
  // when the panel opens or moves to another tab.)
  const checks = useRef<HTMLElement>(null);
  const newest = state?.selections[0]?.id;
  const seen = useRef<{ tabId: number | null; id: string | undefined } | null>(null);
  const loaded = state !== undefined;
  useEffect(() => {
    if (!loaded) return;
    const before = seen.current;
    seen.current = { tabId: tab.id, id: newest };
    if (!before || before.tabId !== tab.id || !newest || newest === before.id) return;
    checks.current?.querySelector('.panel-check')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [loaded, tab.id, newest]);

  const show = async (index: number, text: string) => {
    const tabId = tab.id;
    if (tabId === null) return;
    const answer = await toTab(tabId, 'showClaim', { index, text: text.slice(0, LIMITS.shortText) });
    setNotice(answer.ok && answer.value ? null : { tabId, text: 'That claim could not be found on the page any more.' });
  };

  return (
    <main class="panel">
      <TypedCheck tabId={tab.id} />

      {corpus?.articles === 0 && (
        <p class="panel-notice panel-empty" data-testid="empty-corpus">
          Your corpus is empty, so every claim shows as Unverified: there is no other outlet to confirm or dispute it.{' '}
          <button type="button" class="panel-link" onClick={() => void browser.runtime.openOptionsPage()}>
            Add articles
          </button>
        </p>
      )}

      {state?.selections && state.selections.length > 0 && (
        <section class="panel-section" data-testid="selection-checks" ref={checks}>
          <h2>Your checks</h2>
          {state.selections.map((check) => (
            <SelectionResult key={check.id} check={check} />
          ))}
        </section>
      )}

      <section class="panel-section" data-testid="page-claims">
        <h2>Claims on this page</h2>
        {notice && notice.tabId === tab.id && <p class="panel-notice">{notice.text}</p>}
        {(state === null || state?.status === 'unchecked') && <p class="panel-status">This page has not been checked (Crosscheck may be off here, or it is not an article).</p>}
        {state?.status === 'checking' && <p class="panel-status">Checking this page…</p>}
        {state?.status === 'off' && <p class="panel-status">Crosscheck is off on this site. Switch it on from the toolbar button.</p>}
        {state?.status === 'no-article' && <p class="panel-status">No article found on this page. Select text and choose “Cross-check selection” to check it.</p>}
        {state?.status === 'error' && <p class="panel-status">This page could not be checked: <span dir="auto">{state.error}</span></p>}
        {state?.status === 'done' && (
          <>
            <p class="panel-page">
              <b dir="auto">{state.outlet ?? 'This page'}</b>
              {state.title.trim() && (
                <>
                  {' — '}
                  <span dir="auto">{state.title}</span>
                </>
              )}
            </p>
            <VerdictCounts counts={countVerdicts(state.claims)} />
            {state.claims.length === 0 && <p class="panel-status">No check-worthy claims found on this page.</p>}
            <div class="panel-claims">
              {state.claims.map((claim, i) => (
                <ClaimCard key={`${claim.start}-${claim.end}`} claim={claim} onShow={() => void show(i, claim.text)} collapsed />
              ))}
            </div>
          </>
        )}
      </section>
    </main>
  );
}

function TypedCheck({ tabId }: { tabId: number | null }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    let answer = await toBackground('checkTyped', { tabId, text });
    // The browser may stop Crosscheck's background in the middle of a check, which then has no
    // answer: asked once more, a new one checks it (a check already kept is not made twice).
    if (!answer.ok) answer = await toBackground('checkTyped', { tabId, text });
    setBusy(false);
    if (answer.ok) setText('');
    else setError(`It could not be checked: ${answer.error}`);
  };
  return (
    <form class="panel-typed" onSubmit={(e) => void submit(e)}>
      <label for="typed">Check a sentence</label>
      <textarea
        id="typed"
        rows={3}
        placeholder="Type or paste a sentence from the news…"
        value={text}
        maxLength={LIMITS.shortText}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <button type="submit" disabled={busy || !text.trim()}>
        {busy ? 'Checking…' : 'Cross-check'}
      </button>
      {error && <p class="panel-error">{error}</p>}
    </form>
  );
}

function SelectionResult({ check }: { check: SelectionCheck }) {
  return (
    <div class="panel-check" data-source={check.source}>
      <p class="panel-check-label">{check.source === 'typed' ? 'You typed' : 'You selected'}: “<span dir="auto">{check.text.length > 160 ? `${check.text.slice(0, 160)}…` : check.text}</span>”</p>
      {check.cut && <p class="cc-empty">Only its first {MAX_SELECTION_CHARS.toLocaleString('en')} characters were checked.</p>}
      {check.claims.length === 0 && <p class="cc-empty">Not checked: a word or a name alone states nothing that outlets could confirm or dispute. Check a whole sentence.</p>}
      {check.claims.map((claim) => (
        <ClaimCard key={`${claim.start}-${claim.end}`} claim={claim} />
      ))}
    </div>
  );
}
