// Subscribed feeds: fetched by the worker, now and every `feedRefreshMinutes` (an alarm),
// their items stored like an import. Only the feeds the reader subscribed to are fetched,
// without cookies, and each only with the host permission the reader granted for it.
// Every change to the list goes through one queue, so a refresh from the alarm and one
// from the options page never write over each other; a worker stopped mid-fetch leaves the
// list as it was, and the next refresh reads the feed again (what was stored is skipped as
// a duplicate).
import browser from 'webextension-polyfill';
import { normaliseUrl } from '../core/article';
import { dropFeedPages } from '../core/feeds/page-queue';
import { FeedError, MAX_FEED_CHARS, feedTooLarge, readFeed } from '../core/feeds/read-feed';
import { inTurn } from '../core/in-turn';
import { textHash } from '../core/ingest';
import type { Article } from '../core/types';
import type { Corpus } from '../platform/corpus';
import { loadFeeds, originPattern, pageSitesOf, saveFeeds, type FeedSubscription } from '../platform/feeds';
import { updatePending } from '../platform/pending-pages';
import { loadSettings } from '../platform/settings';
import { isSummary, queueItemPages, readPendingPages } from './article-pages';
import { readCapped } from './read-capped';

export const FEED_ALARM = 'parallax-feeds';
const FETCH_TIMEOUT_MS = 20_000;
const STORE_BATCH = 100;

/** `pagesElsewhere`: sites of the new items' pages that Parallax may not read (the reader can allow them). */
export type AddFeedResult = { ok: true; feed: FeedSubscription; feeds: FeedSubscription[]; pagesElsewhere: string[] } | { ok: false; message: string; links: string[] };

/** Every change to the subscription list. */
const serial = inTurn();
/**
 * Item pages: a chain of their own, as they touch only the corpus (each replacement checks
 * the record it replaces), so that subscribing, listing or refreshing never waits for them.
 */
const pagesInTurn = inTurn();

interface Fetched {
  status: 'ok' | 'unchanged';
  body: string;
  etag: string | null;
  lastModified: string | null;
  /** The address after redirects. */
  url: string;
}

/** Fetches a feed without cookies, conditionally, with a time and a size limit. Throws FeedError. */
async function fetchFeed(url: string, etag: string | null, lastModified: string | null): Promise<Fetched> {
  if (!(await browser.permissions.contains({ origins: [originPattern(url)] }))) {
    throw new FeedError(`Parallax may not read ${new URL(url).host}: allow it by subscribing again from the options page.`);
  }
  const headers: Record<string, string> = { Accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' };
  if (etag) headers['If-None-Match'] = etag;
  if (lastModified) headers['If-Modified-Since'] = lastModified;
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'omit', cache: 'no-cache', headers, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (e) {
    const timedOut = (e as Error)?.name === 'TimeoutError';
    throw new FeedError(timedOut ? `The feed did not answer within ${FETCH_TIMEOUT_MS / 1000} seconds.` : `The feed could not be fetched (${String((e as Error)?.message ?? e)}). Is the address right, and the site up?`);
  }
  const meta = { etag: res.headers.get('ETag'), lastModified: res.headers.get('Last-Modified'), url: res.url || url };
  if (res.status === 304) return { status: 'unchanged', body: '', ...meta };
  if (!res.ok) throw new FeedError(`The feed answered ${res.status}${res.statusText ? ' ' + res.statusText : ''}.`);
  return { status: 'ok', body: await readCapped(res, MAX_FEED_CHARS, feedTooLarge), ...meta };
}

/**
 * Fetches one feed and stores its new items. Returns the subscription as it is now, and the
 * feeds named by the web page found instead of a feed, if it was one.
 */
async function refreshOne(corpus: Corpus, f: FeedSubscription, now: number): Promise<{ feed: FeedSubscription; links: string[]; fresh: Article[] }> {
  try {
    const got = await fetchFeed(f.url, f.etag, f.lastModified);
    if (got.status === 'unchanged') return { feed: { ...f, checkedAt: now, okAt: now, error: null, lastAdded: 0 }, links: [], fresh: [] };
    const read = readFeed(got.body, got.url);
    let added = 0;
    const fresh: Article[] = [];
    for (let i = 0; i < read.articles.length; i += STORE_BATCH) {
      const batch = read.articles.slice(i, i + STORE_BATCH);
      const stored = new Set((await corpus.add(batch, 'feed', now)).ids);
      added += stored.size;
      fresh.push(...batch.filter((a) => stored.has(a.id)));
    }
    const feed = { ...f, title: read.title ?? f.title, site: read.site ?? f.site, checkedAt: now, okAt: now, error: null, added: f.added + added, lastAdded: added, etag: got.etag, lastModified: got.lastModified };
    return { feed, links: [], fresh };
  } catch (e) {
    // The items stored before a failure stay stored; the next refresh skips them.
    return { feed: { ...f, checkedAt: now, error: String((e as Error)?.message ?? e), lastAdded: 0 }, links: e instanceof FeedError ? e.links : [], fresh: [] };
  }
}

/**
 * The pages of the items a fetch just stored (newest first, as feeds list them) are put on
 * the list of pages to read, before the answer (so a worker stopped after it still has them),
 * and read after it: a subscription or a refresh is not kept waiting for up to ten pages.
 */
async function queuePages(corpus: Corpus, feed: string, fresh: Article[], now: number, onReplaced: (n: number) => void): Promise<void> {
  if (fresh.length === 0 || !(await loadSettings()).fetchArticlePages) return;
  await queueItemPages(feed, fresh, now);
  readPagesSoon(corpus, onReplaced);
}

/** Reads the pages whose turn it is, in their own queue (after those already reading). */
export function readPagesSoon(corpus: Corpus, onReplaced: (n: number) => void = () => undefined): void {
  void pagesInTurn(async () => {
    if (await forgetPagesIfOff()) return;
    const n = await readPendingPages(corpus);
    if (n > 0) onReplaced(n);
  }).catch(() => undefined);
}

/** With the setting off, the pages waiting are forgotten (the options page stops counting them). True when off. */
export async function forgetPagesIfOff(): Promise<boolean> {
  if ((await loadSettings()).fetchArticlePages) return false;
  await updatePending(() => []);
  return true;
}

export function listFeeds(): Promise<FeedSubscription[]> {
  return serial(loadFeeds);
}

/**
 * Subscribes to a feed after one good fetch (its items are stored at once). A web page that
 * names feeds is not subscribed to: the answer lists them for the reader to choose.
 */
export function addFeed(corpus: Corpus, address: string, now = Date.now(), onPages: (replaced: number) => void = () => undefined): Promise<AddFeedResult> {
  return serial(async () => {
    const url = normaliseUrl(address);
    if (!url) return { ok: false, message: `"${address}" is not a web address (http:// or https://).`, links: [] };
    const feeds = await loadFeeds();
    const known = feeds.find((f) => f.url === url);
    if (known) return { ok: true, feed: known, feeds, pagesElsewhere: [] };
    const fresh: FeedSubscription = { url, title: null, site: null, addedAt: now, checkedAt: null, okAt: null, error: null, added: 0, lastAdded: 0, etag: null, lastModified: null, pageSites: [] };
    const { feed, links, fresh: items } = await refreshOne(corpus, fresh, now);
    if (feed.error !== null) return { ok: false, message: `Not subscribed: ${feed.error}`, links };
    const next = [...feeds, feed];
    await saveFeeds(next);
    await queuePages(corpus, url, items, now, onPages);
    // Many outlets serve their feed from one host and their articles from another.
    const elsewhere = (await loadSettings()).fetchArticlePages ? pageSitesOf(url, items.map((a) => a.url)) : [];
    const allowed = await Promise.all(elsewhere.map((p) => browser.permissions.contains({ origins: [p] })));
    return { ok: true, feed, feeds: next, pagesElsewhere: elsewhere.filter((_, i) => !allowed[i]) };
  });
}

/**
 * The reader allowed `sites` for this feed's article pages: they are kept with the feed (and
 * given back with it), and the pages of its items still stored as summaries are fetched.
 * Returns the list and how many pages are queued (read a few at a time).
 */
export function allowPages(corpus: Corpus, url: string, sites: string[], now = Date.now(), onPages: (replaced: number) => void = () => undefined): Promise<{ feeds: FeedSubscription[]; queued: number }> {
  return serial(async () => {
    const feeds = await loadFeeds();
    const i = feeds.findIndex((f) => f.url === url);
    if (i < 0) throw new Error('This feed is not subscribed to any more.');
    feeds[i] = { ...feeds[i]!, pageSites: [...new Set([...feeds[i]!.pageSites, ...sites])] };
    await saveFeeds(feeds);
    // The feed names its items; those still stored as the feed gave them get their pages.
    const got = await fetchFeed(url, null, null);
    const items = readFeed(got.body, got.url).articles;
    const stored = await corpus.get(items.map((a) => a.id));
    const pending = items.filter((a, j) => isSummary(stored[j], textHash(a)));
    await queuePages(corpus, url, pending, now, onPages);
    return { feeds, queued: pending.length };
  });
}

/**
 * Ends a subscription. What the feed added stays in the corpus (retention removes it in
 * time); the pages of its items not read yet are not fetched any more.
 */
export function removeFeed(url: string): Promise<FeedSubscription[]> {
  return serial(async () => {
    const next = (await loadFeeds()).filter((f) => f.url !== url);
    await saveFeeds(next);
    await updatePending((list) => dropFeedPages(list, url));
    return next;
  });
}

/**
 * Refreshes one feed, or all of them; with `due`, only those not fetched for a refresh
 * period (the alarm's case: a worker woken early does not fetch twice). Returns the list and
 * how many articles were added.
 */
export function refreshFeeds(
  corpus: Corpus,
  opts: { url?: string; due?: boolean } = {},
  now = Date.now(),
  onPages: (replaced: number) => void = () => undefined,
): Promise<{ feeds: FeedSubscription[]; added: number }> {
  return serial(async () => {
    const minutes = (await loadSettings()).feedRefreshMinutes;
    let added = 0;
    // Nothing else writes the list while this job runs (the queue), so it is read once.
    const feeds = await loadFeeds();
    for (const [i, f] of feeds.entries()) {
      if (opts.url && f.url !== opts.url) continue;
      if (opts.due && f.checkedAt !== null && now - f.checkedAt < (minutes - 1) * 60_000) continue;
      const { feed: next, fresh } = await refreshOne(corpus, f, now);
      await queuePages(corpus, f.url, fresh, now, onPages);
      added += next.lastAdded;
      feeds[i] = next;
      // Saved feed by feed: a worker stopped at the next one keeps what this one did.
      await saveFeeds(feeds);
    }
    return { feeds, added };
  });
}

/** Keeps the refresh alarm at the period the settings give (created when missing). */
export async function scheduleFeeds(): Promise<void> {
  const minutes = (await loadSettings()).feedRefreshMinutes;
  const alarm = await browser.alarms.get(FEED_ALARM);
  if (alarm?.periodInMinutes === minutes) return;
  await browser.alarms.create(FEED_ALARM, { periodInMinutes: minutes, delayInMinutes: Math.min(minutes, 1) });
}
