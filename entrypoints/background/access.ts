// Where the claims content script runs: only on the sites the browser granted (optional host
// permissions, asked for when the reader switches a site on), and once on a page the reader
// asked to check from the toolbar (activeTab).
import { browser } from 'wxt/browser';
import { toTab } from '@/utils/extension/messages';
import { siteSettingsItem } from '@/utils/extension/settings';
import { isGranted, settingsAfterGrant, settingsAfterRevoke, webOrigins } from '@/utils/site-access';

const SCRIPT_ID = 'crosscheck-claims';
/** The built content script (see entrypoints/claims.content). */
const SCRIPT_FILE = '/content-scripts/claims.js';

/** The granted web sites as last read from the browser; read again after a grant or a withdrawal. */
let knownGrants: Promise<string[]> | null = null;

/** The web sites the browser currently lets Crosscheck read (asked once, then kept; see watchGrants). */
export function grantedOrigins(): Promise<string[]> {
  if (!knownGrants) {
    const reading = browser.permissions.getAll().then((all) => webOrigins(all.origins ?? []));
    // A failed read is not kept.
    reading.catch(() => {
      if (knownGrants === reading) knownGrants = null;
    });
    knownGrants = reading;
  }
  return knownGrants;
}

/**
 * Calls `added` / `removed` with the sites the browser grants or takes back (from the popup, the
 * options page or the browser's own site-access menu), after forgetting the granted sites kept by
 * grantedOrigins.
 */
export function watchGrants(added: (origins: string[]) => void, removed: (origins: string[]) => void): void {
  browser.permissions.onAdded.addListener((p) => {
    knownGrants = null;
    added(p.origins ?? []);
  });
  browser.permissions.onRemoved.addListener((p) => {
    knownGrants = null;
    removed(p.origins ?? []);
  });
}

/**
 * Switches the sites the browser just granted on in the reader's settings: the one place where a
 * grant becomes settings. The popup asks the browser for the site's patterns (it answers at once
 * when they are granted already, and the popup then writes the settings itself, as it does when a
 * wider grant covers the site); the options page saves the lists the reader typed.
 */
export async function settingsOnGrant(origins: string[]): Promise<void> {
  if (origins.length) await siteSettingsItem.setValue(settingsAfterGrant(await siteSettingsItem.getValue(), origins));
}

/** Switches the sites the browser just took back off in the reader's settings. */
export async function settingsOnRevoke(origins: string[]): Promise<void> {
  if (origins.length) await siteSettingsItem.setValue(settingsAfterRevoke(await siteSettingsItem.getValue(), origins));
}

/** The registration under way, if any: the next waits for it (see syncContentScript). */
let syncing: Promise<unknown> = Promise.resolve();

/**
 * Registers the content script for exactly the granted sites (or removes it when there are
 * none). Registrations persist across restarts; this brings them in line after any change. One
 * at a time: the start-up's and a grant's could otherwise both find the script unregistered and
 * both register it, and the browser refuses the second (a duplicate id).
 */
export function syncContentScript(): Promise<string[]> {
  const run = syncing.then(registerForGrants, registerForGrants);
  syncing = run.catch(() => undefined);
  return run;
}

async function registerForGrants(): Promise<string[]> {
  const origins = await grantedOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) {
    if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return origins;
  }
  const script = { id: SCRIPT_ID, js: [SCRIPT_FILE], matches: origins, runAt: 'document_idle' as const, allFrames: false, persistAcrossSessions: true };
  if (!registered.length) await browser.scripting.registerContentScripts([script]);
  else if (!sameSet(registered[0].matches ?? [], origins)) await browser.scripting.updateContentScripts([script]);
  return origins;
}

/** Whether the content script answers in a tab. */
async function isRunning(tabId: number): Promise<boolean> {
  const answer = await toTab(tabId, 'hello', {});
  return answer.ok;
}

/**
 * Makes sure the content script runs in a tab: injects it when it does not answer. Needs a host
 * permission for the tab's page or an activeTab grant; throws the browser's refusal otherwise.
 */
export async function ensureContentScript(tabId: number): Promise<void> {
  if (await isRunning(tabId)) return;
  await browser.scripting.executeScript({ target: { tabId }, files: [SCRIPT_FILE] });
}

/** After the reader grants sites, or when the background starts: start the content script in tabs already showing them. */
export async function startInOpenTabs(origins: string[]): Promise<void> {
  const web = webOrigins(origins);
  if (!web.length) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs
      .filter((t) => t.id !== undefined && t.url && isGranted(t.url, web))
      .map(async (t) => {
        try {
          // A page still loading gets the registered script from the browser: starting a copy now
          // would have the page read twice. It is looked at again once it has loaded (its own
          // "complete" event may have come before this background was listening, right after
          // the browser started), and started only if the browser did not start it.
          const url = t.status === 'loading' ? await loadedUrl(t.id!) : t.url;
          if (url && isGranted(url, web)) await ensureContentScript(t.id!);
        } catch (error) {
          console.warn('Crosscheck: could not start on', t.url, error);
        }
      }),
  );
}

/** How long a tab still loading is waited for, and how long after it loaded the browser gets to inject its registered script. */
const LOAD_WAIT_MS = 15_000;
const AFTER_LOAD_MS = 500;

/** The address of a tab once it has loaded (null if it closed or did not load in time). */
async function loadedUrl(tabId: number): Promise<string | null> {
  const until = Date.now() + LOAD_WAIT_MS;
  while (Date.now() < until) {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab) return null;
    if (tab.status === 'complete') {
      await new Promise((resolve) => setTimeout(resolve, AFTER_LOAD_MS));
      return tab.url ?? null;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

/**
 * A page finished loading: if its site is granted and the page script is not running there,
 * start it. The browser injects registered scripts itself, but right after it starts it may load
 * a page before its registrations are read, and that page would stay unchecked.
 */
export async function startIfGranted(tabId: number, url: string): Promise<void> {
  if (!isGranted(url, await grantedOrigins())) return;
  await ensureContentScript(tabId);
}

/**
 * A one-off check of the page in a tab, without switching its site on (the reader clicked
 * "Check this page" in the toolbar popup, which gives Crosscheck this tab through activeTab).
 */
export async function checkTabOnce(tabId: number): Promise<void> {
  try {
    await ensureContentScript(tabId);
  } catch (error) {
    throw new Error(
      `Crosscheck cannot read this page (${error instanceof Error ? error.message : String(error)}). ` +
        'Open Crosscheck from its toolbar button on the page and try again, or switch it on for this site.',
    );
  }
  const answer = await toTab(tabId, 'checkOnce', {});
  if (!answer.ok) throw new Error(`The page did not answer: ${answer.error}`);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
