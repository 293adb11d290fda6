import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { toBackground, type CorpusSize, type TabState } from '@/utils/extension/messages';
import { tabStateKey } from '@/utils/extension/settings';

/** The current value of a storage item, kept up to date; undefined until first read. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/**
 * What the background found on a tab, kept up to date; null when nothing is known, undefined
 * until read (also just after `tabId` changed: the last tab's state is not passed off as this one's).
 */
export function useTabState(tabId: number | null): TabState | null | undefined {
  const [read, setRead] = useState<{ tabId: number | null; state: TabState | null } | undefined>(undefined);
  useEffect(() => {
    if (tabId === null) {
      setRead({ tabId, state: null });
      return;
    }
    let live = true;
    const key = tabStateKey(tabId);
    void storage.getItem<TabState>(key).then((state) => live && setRead({ tabId, state }));
    const unwatch = storage.watch<TabState>(key, (state) => live && setRead({ tabId, state }));
    return () => {
      live = false;
      unwatch();
    };
  }, [tabId]);
  return read && read.tabId === tabId ? read.state : undefined;
}

/** A tab id pinned by `?tabId=` in the page's URL (tests, links from elsewhere), or null. */
export function pinnedTabId(search = location.search): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

/** The tab the reader is looking at: the pinned one, or the active tab of this window. */
export function useActiveTab(follow: boolean): { id: number | null; url: string | null } {
  const [tab, setTab] = useState<{ id: number | null; url: string | null }>({ id: pinnedTabId(), url: null });
  useEffect(() => {
    const pinned = pinnedTabId();
    const refresh = async () => {
      if (pinned !== null) {
        const t = await browser.tabs.get(pinned).catch(() => null);
        setTab({ id: pinned, url: t?.url ?? null });
        return;
      }
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      setTab({ id: active?.id ?? null, url: active?.url ?? null });
    };
    void refresh();
    if (!follow && pinned === null) return;
    const onActivated = () => void refresh();
    const onUpdated = (_id: number, change: { url?: string; status?: string }) => {
      if (change.url || change.status === 'complete') void refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [follow]);
  return tab;
}

/** The corpus's size, asked of the background again whenever `refresh` changes; undefined until known. */
export function useCorpusSize(refresh: unknown): CorpusSize | undefined {
  const [size, setSize] = useState<CorpusSize | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void toBackground('corpusSize', {}).then((r) => live && r.ok && setSize(r.value));
    return () => {
      live = false;
    };
  }, [refresh]);
  return size;
}
