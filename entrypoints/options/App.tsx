import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useStorageItem } from '@/components/hooks';
import { SensitivityControl } from '@/components/SensitivityControl';
import { formatDate } from '@/components/OutletList';
import { siteSettingsItem } from '@/utils/extension/settings';
import { captureSitesItem } from '@/utils/extension/capture';
import { toBackground, type CorpusSize, type ImportState, type OutletStats } from '@/utils/extension/messages';
import { allowedSites, normalizeSitePattern, type SiteSettings } from '@/utils/site-settings';
import { originsForSettings, originsNoLongerNeeded } from '@/utils/site-access';
import { isHttpUrl } from '@/utils/url';
import { serializeJsonLines } from '@/utils/import/jsonl';
import { counted, grouped } from '@/utils/plural';
import { exportCorpus, fileKey, importFile, type ImportProgress } from './import-file';
import { isTimeZone } from '@/utils/local-day';

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
      <CaptureForm />
      <CorpusSection />
    </main>
  );
}

function SiteSettingsForm() {
  const settings = useStorageItem(siteSettingsItem);
  const [draft, setDraft] = useState<{ mode: SiteSettings['mode']; allow: string; deny: string } | null>(null);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Sites switched on or off elsewhere (the popup, the browser's site-access menu) show up here
  // unless the reader is in the middle of editing.
  useEffect(() => {
    if (settings && !dirty) setDraft({ mode: settings.mode, allow: settings.allow.join('\n'), deny: settings.deny.join('\n') });
  }, [settings]);
  const edit = (next: NonNullable<typeof draft>) => {
    setDraft(next);
    setDirty(true);
  };
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
    const before = settings ?? (await siteSettingsItem.getValue());
    const next: SiteSettings = { mode: draft.mode, allow: allow.good, deny: deny.good };
    const needed = originsForSettings(next);
    // Saved before the browser's prompt and again after it, so a grant arriving in between
    // cannot bring back the old lists; put back if the browser says no.
    await siteSettingsItem.setValue(next);
    let allowed = true;
    if (needed.length) {
      try {
        allowed = await browser.permissions.request({ origins: needed });
      } catch (error) {
        allowed = false;
        setMessage(`The browser refused: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!allowed) {
      await siteSettingsItem.setValue(before);
      setMessage((m) => m ?? 'Not saved: the browser did not give Crosscheck access to those sites.');
      return;
    }
    await siteSettingsItem.setValue(next);
    // Access no longer needed goes back to the browser.
    const unneeded = originsNoLongerNeeded(before, next);
    if (unneeded.length) await browser.permissions.remove({ origins: unneeded }).catch(() => false);
    setDraft({ ...draft, allow: allow.good.join('\n'), deny: deny.good.join('\n') });
    setDirty(false);
    // Sites on both lists are denied: they are not counted.
    const readable = allowedSites(next).length;
    setMessage(
      next.mode === 'everywhere'
        ? 'Saved: Crosscheck may read every site you open, except those on the deny list.'
        : readable === 0
          ? 'Saved: Crosscheck reads no site (add one to the allow list, and not to the deny list).'
          : `Saved: Crosscheck may read ${counted(readable, 'site')}. Open tabs follow at once.`,
    );
  };

  return (
    <form class="card" onSubmit={(e) => void save(e)} data-testid="site-settings">
      <h2>Where Crosscheck runs</h2>
      <label class="radio">
        <input type="radio" name="mode" checked={draft.mode === 'everywhere'} onChange={() => edit({ ...draft, mode: 'everywhere' })} />
        On every site, except those on the deny list <small>(the browser asks to let Crosscheck read all sites)</small>
      </label>
      <label class="radio">
        <input type="radio" name="mode" checked={draft.mode === 'listed'} onChange={() => edit({ ...draft, mode: 'listed' })} />
        Only on sites on the allow list <small>(the browser asks for each new site)</small>
      </label>
      <div class="lists">
        <label>
          Allow list <small>(one per line: example.com, *.example.com)</small>
          <textarea name="allow" rows={5} value={draft.allow} onInput={(e) => edit({ ...draft, allow: (e.currentTarget as HTMLTextAreaElement).value })} />
        </label>
        <label>
          Deny list <small>(wins over the allow list)</small>
          <textarea name="deny" rows={5} value={draft.deny} onInput={(e) => edit({ ...draft, deny: (e.currentTarget as HTMLTextAreaElement).value })} />
        </label>
      </div>
      <button type="submit">Save</button>
      {message && <p class="message" role="status">{message}</p>}
    </form>
  );
}

/** Capture as you read: the sites whose articles are added to the corpus as the reader opens them. */
function CaptureForm() {
  const sites = useStorageItem(captureSitesItem);
  const [draft, setDraft] = useState<string | null>(null);
  /** The stored list the reader's edits started from; null while the box follows the stored list. */
  const [editedFrom, setEditedFrom] = useState<readonly string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Sites switched on or off elsewhere (the popup's switch) show up here unless the reader is
  // in the middle of editing.
  useEffect(() => {
    if (sites && editedFrom === null) setDraft(sites.join('\n'));
  }, [sites]);
  if (draft === null || !sites) return null;
  const on = sites.length > 0;

  const edit = (text: string) => {
    setDraft(text);
    if (editedFrom === null) setEditedFrom(sites);
  };

  /** Saves the reader's list; with `everywhere`, exactly that list (the box unticked: none). */
  const save = async (list: string[], everywhere = false) => {
    const good: string[] = [];
    const bad: string[] = [];
    for (const line of list.map((l) => l.trim()).filter(Boolean)) {
      const pattern = normalizeSitePattern(line);
      if (pattern) good.push(pattern);
      else bad.push(line);
    }
    if (bad.length) {
      setMessage(`Not a site pattern: ${bad.join(', ')}.`);
      return;
    }
    const wanted = [...new Set(good)];
    // Changes made elsewhere while the reader edited are kept: a site switched on there stays
    // unless the reader took it out of the box, one switched off there stays off unless the
    // reader typed it in.
    const before = editedFrom ?? sites;
    const removed = new Set(before.filter((s) => !wanted.includes(s)));
    const current = everywhere ? [] : await captureSitesItem.getValue();
    const keptFromElsewhere = current.filter((s) => !wanted.includes(s) && !removed.has(s));
    const unique = [...wanted.filter((s) => everywhere || !before.includes(s) || current.includes(s)), ...keptFromElsewhere];
    await captureSitesItem.setValue(unique);
    setDraft(unique.join('\n'));
    setEditedFrom(null);
    const also = keptFromElsewhere.length ? ` Also kept, switched on elsewhere meanwhile: ${keptFromElsewhere.join(', ')}.` : '';
    setMessage(unique.length ? `Articles you read on ${counted(unique.length, 'site')} are added to your corpus.${also}` : 'Capture is off.');
  };

  return (
    <form class="card" onSubmit={(e) => (e.preventDefault(), void save(draft.split('\n')))} data-testid="capture">
      <h2>Add the articles I read</h2>
      <label class="radio">
        <input type="checkbox" checked={on} disabled={!on} onChange={() => void save([], true)} data-testid="capture-on" />
        {on ? 'On for the sites below (untick to turn it off everywhere)' : 'Off: list sites below, or use the switch in the toolbar popup on a news site'}
      </label>
      <label>
        Sites <small>(one per line: example.com, *.example.com; stays on this computer)</small>
        <textarea name="capture" rows={3} value={draft} onInput={(e) => edit((e.currentTarget as HTMLTextAreaElement).value)} data-testid="capture-sites" />
      </label>
      <button type="submit">Save</button>
      {message && <p class="message" role="status">{message}</p>}
    </form>
  );
}

function CorpusSection() {
  const [size, setSize] = useState<CorpusSize | null>(null);
  const [sizeError, setSizeError] = useState<string | null>(null);
  const [stats, setStats] = useState<OutletStats[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [importing, setImporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [resumable, setResumable] = useState<{ file: File; input: HTMLInputElement; state: ImportState } | null>(null);
  const [range, setRange] = useState({ from: '', to: '' });
  const [oneUrl, setOneUrl] = useState('');

  const refresh = async () => {
    const [s, o] = await Promise.all([toBackground('corpusSize', {}), toBackground('outletStats', { timeZone: readerTimeZone() })]);
    // A failure is said in the size line: the message about what was just done (an import that
    // stopped on a full disk, a removal) stays.
    setSizeError(s.ok ? null : s.error);
    if (s.ok) setSize(s.value);
    if (o.ok) setStats(o.value);
  };
  useEffect(() => void refresh(), []);

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    // The same file (name, size, date) stopped part way before: offer to resume it.
    const earlier = await toBackground('importState', { fileKey: fileKey(file) });
    if (earlier.ok && earlier.value) {
      setResumable({ file, input, state: earlier.value });
      return;
    }
    await runImport(file, input, null);
  };

  const runImport = async (file: File, input: HTMLInputElement, resume: ImportState | null) => {
    setResumable(null);
    abort.current = new AbortController();
    setImporting(true);
    setMessage(null);
    try {
      const result = await importFile(file, setProgress, { signal: abort.current.signal, resume });
      setProgress(result);
      setMessage(
        result.stopped ??
          `Imported ${file.name}: ${grouped(result.added)} added, ${duplicatesText(result)}, ${copiesText(result)}, ${counted(result.skipped, 'line')} skipped.`,
      );
    } catch (error) {
      setMessage(`Import failed: ${error instanceof Error ? error.message : String(error)}. Articles stored before the failure were kept.`);
    } finally {
      setImporting(false);
      input.value = '';
      void refresh();
    }
  };

  const startOver = async () => {
    if (!resumable) return;
    await toBackground('forgetImport', { fileKey: resumable.state.fileKey });
    await runImport(resumable.file, resumable.input, null);
  };

  const deleteRange = (event: Event) => {
    event.preventDefault();
    const { from, to } = range;
    if (!from || !to || from > to) {
      setMessage('Choose a first and a last day, the first not after the last.');
      return;
    }
    if (!confirm(`Remove every article published from ${from} to ${to}?`)) return;
    void (async () => {
      const answer = await toBackground('deletePublishedBetween', { from, to, timeZone: readerTimeZone() });
      setMessage(answer.ok ? `Removed ${counted(answer.value.removed, 'article')} published from ${from} to ${to}.` : `Failed: ${answer.error}`);
      void refresh();
    })();
  };

  const deleteOne = (event: Event) => {
    event.preventDefault();
    const url = oneUrl.trim();
    if (!url) return;
    if (!isHttpUrl(url)) {
      setMessage(`Not a web address: ${url}. Paste the article's address, starting with https:// or http://.`);
      return;
    }
    void (async () => {
      const answer = await toBackground('deleteArticle', { url });
      setMessage(!answer.ok ? `Failed: ${answer.error}` : answer.value.removed ? `Removed the article at ${url}.` : `No stored article has the address ${url}.`);
      if (answer.ok && answer.value.removed) setOneUrl('');
      void refresh();
    })();
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

  return (
    <section class="card" data-testid="corpus">
      <h2>Your corpus</h2>
      <p data-testid="corpus-size">
        {sizeError ? `Could not read your corpus: ${sizeError}` : size ? `${counted(size.articles, 'article')} from ${counted(size.outlets, 'outlet')}, stored in this browser only.` : 'Reading…'}
      </p>

      <div class="actions">
        <label class="file">
          Import articles (JSON Lines or CSV)…
          <input type="file" accept=".jsonl,.ndjson,.json,.csv,.tsv,application/x-ndjson,text/csv,text/tab-separated-values" onChange={(e) => void onFile(e)} disabled={importing} data-testid="import-file" />
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

      {resumable && (
        <div class="import" data-testid="import-resume" role="alert">
          <p>
            An earlier import of {resumable.state.name} stopped after line {resumable.state.line.toLocaleString()} ({counted(resumable.state.added, 'article')} stored). Resume from there, or start over (articles already stored are recognised and not added twice)?
          </p>
          <button type="button" onClick={() => void runImport(resumable.file, resumable.input, resumable.state)} data-testid="resume-import">
            Resume after line {resumable.state.line.toLocaleString()}
          </button>
          <button type="button" onClick={() => void startOver()} data-testid="restart-import">
            Start over
          </button>
        </div>
      )}

      {progress && <ImportReport progress={progress} />}
      {message && (
        <p class="message" role="status" data-testid="corpus-message">
          {message}
        </p>
      )}

      <form class="actions" onSubmit={deleteRange} data-testid="delete-range">
        <label>
          Remove articles published from <input type="date" value={range.from} onInput={(e) => setRange({ ...range, from: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label>
          to <input type="date" value={range.to} onInput={(e) => setRange({ ...range, to: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <button type="submit">Remove</button>
      </form>
      <form class="actions" onSubmit={deleteOne} data-testid="delete-article">
        <label>
          Remove one article, by its address{' '}
          <input type="url" placeholder="https://…" value={oneUrl} onInput={(e) => setOneUrl((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit">Remove</button>
      </form>

      <table class="outlets" data-testid="outlet-stats">
        <thead>
          <tr>
            <th>Outlet</th>
            <th>Articles</th>
            <th>Syndicated copies</th>
            <th>From</th>
            <th>To</th>
            <th>
              <span class="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.outlet}>
              <td>{s.outlet}</td>
              <td>{grouped(s.articles)}</td>
              <td>{grouped(s.copies)}</td>
              <td>{formatDate(s.oldest)}</td>
              <td>{formatDate(s.newest)}</td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove ${s.outlet}`}
                  onClick={() => confirm(s.articles === 1 ? `Remove the one article from ${s.outlet}?` : `Remove all ${grouped(s.articles)} articles from ${s.outlet}?`) && void run(() => toBackground('deleteOutlet', { outlet: s.outlet }), `Removed ${s.outlet}.`)}
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

/**
 * The reader's time zone, in which dates are shown (formatDate) and so days are chosen: removing
 * by date and the statistics' first and last days go by it.
 */
function readerTimeZone(): string | undefined {
  // A browser that cannot tell its zone may name one that is none ("Etc/Unknown"): UTC then, as
  // the messages' checks would refuse it.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : undefined;
}

/** Errors listed one by one under an import; the count says how many more there were. */
const LISTED_ERRORS = 200;

/** How far an import got, what it stored and the lines it skipped. */
export function ImportReport({ progress }: { progress: ImportProgress }) {
  // An empty file is read whole at once, as a file of blank lines is.
  const percent = progress.totalBytes ? Math.round((progress.bytesRead / progress.totalBytes) * 100) : 100;
  const listed = progress.errors.slice(0, LISTED_ERRORS);
  return (
    <div class="import" data-testid="import-report">
      <progress max={100} value={percent} aria-label="Import progress" />
      <span>
        {progress.resumedAfterLine ? `Resumed after line ${progress.resumedAfterLine.toLocaleString()} · ` : ''}
        {progress.fileProblem
          ? `${percent}% · the file could not be imported`
          : `${percent}% · ${grouped(progress.added)} added · ${duplicatesText(progress, ' · ')} · ${copiesText(progress)} · ${counted(progress.skipped, 'line')} skipped`}
      </span>
      {progress.skipped > 0 && (
        <ul class="errors" data-testid="import-errors">
          {listed.map((e) => (
            <li key={e.line}>
              Line {e.line}: {e.error}
            </li>
          ))}
          {progress.skipped > listed.length && <li>…and {(progress.skipped - listed.length).toLocaleString()} more.</li>}
        </ul>
      )}
    </div>
  );
}

/** "1 syndicated copy linked", "2 syndicated copies linked". */
function copiesText(p: Pick<ImportProgress, 'copies'>): string {
  return `${counted(p.copies, 'syndicated copy', 'syndicated copies')} linked`;
}

/** "3 already stored" and, when some URLs came twice in the file, "2 repeated within the file". */
function duplicatesText(p: Pick<ImportProgress, 'duplicates' | 'repeated'>, separator = ', '): string {
  const before = p.duplicates - (p.repeated ?? 0);
  return p.repeated ? `${grouped(before)} already stored${separator}${grouped(p.repeated)} repeated within the file` : `${grouped(before)} already stored`;
}
