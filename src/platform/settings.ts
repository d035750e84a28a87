// User settings in storage.local, versioned like everything persisted.
import browser from 'webextension-polyfill';

export interface Settings {
  schemaVersion: 1;
  /** Add each article Parallax analyses to the corpus, so later reading finds it. */
  keepReadArticles: boolean;
  /** Retention: most articles kept; the oldest go first. */
  maxArticles: number;
  /** Retention: articles added longer ago than this are removed. */
  maxAgeDays: number;
  /** How often subscribed feeds are fetched. */
  feedRefreshMinutes: number;
  /** Fetch the page of each new feed item from the feed's own site, for its full text. */
  fetchArticlePages: boolean;
}

export const DEFAULT_SETTINGS: Settings = { schemaVersion: 1, keepReadArticles: true, maxArticles: 100_000, maxAgeDays: 365, feedRefreshMinutes: 60, fetchArticlePages: true };

/**
 * Reads stored settings field by field, each checked and clamped. Settings written by a
 * newer version (schemaVersion > 1) are read the same way: the fields this version knows
 * keep their meaning by design (a field whose meaning changes gets a new name), and
 * unknown fields are ignored rather than misread.
 */
export function sanitizeSettings(value: unknown): Settings {
  const v = (value ?? {}) as Partial<Settings>;
  const int = (x: unknown, d: number, lo: number, hi: number) =>
    typeof x === 'number' && Number.isFinite(x) ? Math.min(hi, Math.max(lo, Math.round(x))) : d;
  return {
    schemaVersion: 1,
    keepReadArticles: typeof v.keepReadArticles === 'boolean' ? v.keepReadArticles : DEFAULT_SETTINGS.keepReadArticles,
    maxArticles: int(v.maxArticles, DEFAULT_SETTINGS.maxArticles, 10, 1_000_000),
    maxAgeDays: int(v.maxAgeDays, DEFAULT_SETTINGS.maxAgeDays, 1, 36_500),
    feedRefreshMinutes: int(v.feedRefreshMinutes, DEFAULT_SETTINGS.feedRefreshMinutes, 15, 1440),
    fetchArticlePages: typeof v.fetchArticlePages === 'boolean' ? v.fetchArticlePages : DEFAULT_SETTINGS.fetchArticlePages,
  };
}

export async function loadSettings(): Promise<Settings> {
  const { settings } = await browser.storage.local.get('settings');
  return sanitizeSettings(settings);
}

export async function saveSettings(s: Settings): Promise<void> {
  await browser.storage.local.set({ settings: sanitizeSettings(s) });
}
