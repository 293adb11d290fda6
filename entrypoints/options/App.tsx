import { useEffect, useRef, useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks';
import { SensitivityControl } from '@/components/SensitivityControl';
import { formatDate } from '@/components/OutletList';
import { siteSettingsItem } from '@/utils/extension/settings';
import { toBackground, type CorpusSize, type OutletStats } from '@/utils/extension/messages';
import { normalizeSitePattern, type SiteSettings } from '@/utils/site-settings';
import { serializeJsonLines } from '@/utils/import/jsonl';
import { exportCorpus, importFile, type ImportProgress } from './import-file';

/** The options page: where Crosscheck runs, and the reader's corpus. */
export function App() {
  return (
    <main class="options">
      <h1>Crosscheck</h1>
      <SiteSettingsForm />
      <section class="card">
        <h2>Claims</h2>
        <SensitivityControl label="How many sentences to treat as claims" />
      </section>
      <CorpusSection />
    </main>
  );
}

function SiteSettingsForm() {
  const settings = useStorageItem(siteSettingsItem);
  const [draft, setDraft] = useState<{ mode: SiteSettings['mode']; allow: string; deny: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (settings && !draft) setDraft({ mode: settings.mode, allow: settings.allow.join('\n'), deny: settings.deny.join('\n') });
  }, [settings]);
  if (!draft) return null;

  const save = async (event: Event) => {
    event.preventDefault();
    const parse = (text: string) => {
      const good: string[] = [];
      const bad: string[] = [];
      for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
        const pattern = normalizeSitePattern(line);
        if (pattern) good.push(pattern);
        else bad.push(line);
      }
      return { good: [...new Set(good)], bad };
    };
    const allow = parse(draft.allow);
    const deny = parse(draft.deny);
    const bad = [...allow.bad, ...deny.bad];
    if (bad.length) {
      setMessage(`Not a site pattern: ${bad.join(', ')}. Use a host like example.com or *.example.com.`);
      return;
    }
    await siteSettingsItem.setValue({ mode: draft.mode, allow: allow.good, deny: deny.good });
    setDraft({ ...draft, allow: allow.good.join('\n'), deny: deny.good.join('\n') });
    setMessage('Saved. Open tabs follow the new settings at once.');
  };

  return (
    <form class="card" onSubmit={(e) => void save(e)} data-testid="site-settings">
      <h2>Where Crosscheck runs</h2>
      <label class="radio">
        <input type="radio" name="mode" checked={draft.mode === 'everywhere'} onChange={() => setDraft({ ...draft, mode: 'everywhere' })} />
        On every site, except those on the deny list
      </label>
      <label class="radio">
        <input type="radio" name="mode" checked={draft.mode === 'listed'} onChange={() => setDraft({ ...draft, mode: 'listed' })} />
        Only on sites on the allow list
      </label>
      <div class="lists">
        <label>
          Allow list <small>(one per line: example.com, *.example.com)</small>
          <textarea name="allow" rows={5} value={draft.allow} onInput={(e) => setDraft({ ...draft, allow: (e.currentTarget as HTMLTextAreaElement).value })} />
        </label>
        <label>
          Deny list <small>(wins over the allow list)</small>
          <textarea name="deny" rows={5} value={draft.deny} onInput={(e) => setDraft({ ...draft, deny: (e.currentTarget as HTMLTextAreaElement).value })} />
        </label>
      </div>
      <button type="submit">Save</button>
      {message && <p class="message" role="status">{message}</p>}
    </form>
  );
}

function CorpusSection() {
  const [size, setSize] = useState<CorpusSize | null>(null);
  const [stats, setStats] = useState<OutletStats[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [importing, setImporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const refresh = async () => {
    const [s, o] = await Promise.all([toBackground('corpusSize', {}), toBackground('outletStats', {})]);
    if (s.ok) setSize(s.value);
    if (o.ok) setStats(o.value);
    if (!s.ok) setMessage(s.error);
  };
  useEffect(() => void refresh(), []);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    abort.current = new AbortController();
    setImporting(true);
    setMessage(null);
    try {
      const result = await importFile(file, setProgress, abort.current.signal);
      setProgress(result);
      setMessage(
        result.stopped ??
          `Imported ${file.name}: ${result.added} added, ${result.duplicates} already stored, ${result.copies} syndicated copies linked, ${result.errors.length} lines skipped.`,
      );
    } catch (error) {
      setMessage(`Import failed: ${error instanceof Error ? error.message : String(error)}. Articles stored before the failure were kept.`);
    } finally {
      setImporting(false);
      input.value = '';
      void refresh();
    }
  };

  const onExport = async () => {
    try {
      const blob = await exportCorpus((articles) => [...serializeJsonLines(articles)]);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `crosscheck-corpus-${new Date().toISOString().slice(0, 10)}.jsonl`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (error) {
      setMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const run = async (action: () => Promise<{ ok: boolean; error?: string }>, done: string) => {
    const answer = await action();
    setMessage(answer.ok ? done : `Failed: ${answer.error}`);
    void refresh();
  };

  const percent = progress && progress.totalBytes ? Math.round((progress.bytesRead / progress.totalBytes) * 100) : 0;
  return (
    <section class="card" data-testid="corpus">
      <h2>Your corpus</h2>
      <p data-testid="corpus-size">
        {size ? `${size.articles.toLocaleString()} articles from ${size.outlets.toLocaleString()} outlets, stored in this browser only.` : 'Reading…'}
      </p>

      <div class="actions">
        <label class="file">
          Import articles (JSON Lines or CSV)…
          <input type="file" accept=".jsonl,.ndjson,.json,.csv,application/x-ndjson,text/csv" onChange={(e) => void onFile(e)} disabled={importing} data-testid="import-file" />
        </label>
        {importing && (
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel import
          </button>
        )}
        <button type="button" onClick={() => void onExport()}>
          Export corpus
        </button>
        <button type="button" onClick={() => void run(() => toBackground('removeDemoCorpus', {}), 'Demo corpus removed.')} data-testid="remove-demo">
          Remove demo corpus
        </button>
        <button type="button" onClick={() => void run(() => toBackground('loadDemoCorpus', {}), 'Demo corpus loaded.')}>
          Load demo corpus
        </button>
      </div>

      {progress && (
        <div class="import" data-testid="import-report">
          <progress max={100} value={percent} />
          <span>
            {percent}% · {progress.added} added · {progress.duplicates} already stored · {progress.errors.length} lines skipped
          </span>
          {progress.errors.length > 0 && (
            <ul class="errors" data-testid="import-errors">
              {progress.errors.slice(0, 200).map((e) => (
                <li key={e.line}>
                  Line {e.line}: {e.error}
                </li>
              ))}
              {progress.errors.length > 200 && <li>…and {progress.errors.length - 200} more.</li>}
            </ul>
          )}
        </div>
      )}
      {message && (
        <p class="message" role="status" data-testid="corpus-message">
          {message}
        </p>
      )}

      <table class="outlets" data-testid="outlet-stats">
        <thead>
          <tr>
            <th>Outlet</th>
            <th>Articles</th>
            <th>Syndicated copies</th>
            <th>From</th>
            <th>To</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.outlet}>
              <td>{s.outlet}</td>
              <td>{s.articles}</td>
              <td>{s.copies}</td>
              <td>{formatDate(s.oldest)}</td>
              <td>{formatDate(s.newest)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => confirm(`Remove all ${s.articles} articles from ${s.outlet}?`) && void run(() => toBackground('deleteOutlet', { outlet: s.outlet }), `Removed ${s.outlet}.`)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
