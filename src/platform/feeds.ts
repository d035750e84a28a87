// The reader's feed subscriptions, in storage.local. Only the background writes them (one
// worker, one queue: background/feeds.ts), so two refreshes never overwrite each other.
import browser from 'webextension-polyfill';
import { normaliseUrl } from '../core/article';

export interface FeedSubscription {
  /** The feed's address, as fetched. */
  url: string;
  /** The feed's own name, and the web page it is for, from its last good fetch. */
  title: string | null;
  site: string | null;
  addedAt: number;
  /** The last fetch, and the last one that worked. */
  checkedAt: number | null;
  okAt: number | null;
  /** Why the last fetch failed; null when it worked. */
  error: string | null;
  /** Articles this feed has added to the corpus, in all and at its last fetch. */
  added: number;
  lastAdded: number;
  /** For conditional requests: a feed that has not changed answers 304 and costs nothing. */
  etag: string | null;
  lastModified: string | null;
  /** Sites (origin patterns) the reader allowed for this feed's article pages, besides its own. */
  pageSites: string[];
}

const KEY = 'feeds';

/** Reads the list, keeping the entries that make sense (a damaged one is dropped, not fatal). */
export function sanitizeFeeds(value: unknown): FeedSubscription[] {
  const list = (value as { schemaVersion?: unknown; feeds?: unknown } | undefined)?.feeds;
  if (!Array.isArray(list)) return [];
  const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : null);
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const out: FeedSubscription[] = [];
  for (const f of list as Record<string, unknown>[]) {
    // Only http(s) addresses: the options page links to them.
    const url = str(f?.url) && normaliseUrl(f.url) === f.url ? (f.url as string) : null;
    if (!url || out.some((o) => o.url === url)) continue;
    out.push({
      url,
      title: str(f.title),
      site: normaliseUrl(f.site),
      addedAt: num(f.addedAt) ?? 0,
      checkedAt: num(f.checkedAt),
      okAt: num(f.okAt),
      error: str(f.error),
      added: num(f.added) ?? 0,
      lastAdded: num(f.lastAdded) ?? 0,
      etag: str(f.etag),
      lastModified: str(f.lastModified),
      pageSites: Array.isArray(f.pageSites) ? (f.pageSites as unknown[]).filter((p): p is string => typeof p === 'string' && /^https?:\/\/[^/*]+\/\*$/.test(p)) : [],
    });
  }
  return out;
}

export async function loadFeeds(): Promise<FeedSubscription[]> {
  const got = await browser.storage.local.get(KEY);
  return sanitizeFeeds(got[KEY]);
}

export async function saveFeeds(feeds: FeedSubscription[]): Promise<void> {
  await browser.storage.local.set({ [KEY]: { schemaVersion: 1, feeds } });
}

/** The host permission pattern a feed needs: its origin, any path. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Sites, besides the feed's own, that hold its articles' pages (at most `max`, in item order). */
export function pageSitesOf(feedUrl: string, itemUrls: (string | null)[], max = 3): string[] {
  const own = originPattern(feedUrl);
  const out: string[] = [];
  for (const u of itemUrls) {
    if (!u || out.length >= max) continue;
    const p = originPattern(u);
    if (p !== own && !out.includes(p)) out.push(p);
  }
  return out;
}
