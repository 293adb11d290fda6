import { storage } from 'wxt/utils/storage';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../site-settings';

/** Where Crosscheck runs: on everywhere, or only on listed sites, with allow and deny lists. */
export const siteSettingsItem = storage.defineItem<SiteSettings>('local:siteSettings', {
  fallback: DEFAULT_SITE_SETTINGS,
  version: 1,
});

/** How many sentences count as claims: 0 = fewest, 1 = most. */
export const sensitivityItem = storage.defineItem<number>('local:sensitivity', {
  fallback: 0.5,
  version: 1,
});

/** Per-tab state, for the popup and the side panel (session storage: gone when the browser closes). */
export const tabStateKey = (tabId: number) => `session:tab:${tabId}` as const;

/** Sentences the reader marked "not a claim", per page (by canonical URL); oldest pages dropped first. */
export const dismissedClaimsItem = storage.defineItem<Record<string, string[]>>('local:dismissedClaims', {
  fallback: {},
  version: 1,
});

/** Pages whose dismissals are remembered; past this the oldest are forgotten. */
export const MAX_DISMISSED_PAGES = 500;
