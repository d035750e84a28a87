// The full text of new feed items. Most feeds carry a summary of each article, and against
// summaries the matcher finds far fewer of a story's reports (docs/benchmarks.md, "Against a
// corpus of feed summaries"). So, when the setting is on, the worker fetches the page of each
// new item, from a site the reader already allowed for its feed only (no new permission, no
// cookies, a few pages at a time), reads it with Readability as the content script does, and
// stores the whole article in place of the summary.
//
// The items wait in a list kept in storage (platform/pending-pages.ts), so a worker stopped
// in the middle goes on where it was at the next feed fetch or alarm, and a site that did not
// answer is asked again later (at most three attempts). A page that is gone, is no article, or
// is not the item's article (a consent wall read as one: core/feeds/page-replaces-summary.ts)
// leaves the summary as it was; the reader opening the page replaces it as before.
import browser from 'webextension-polyfill';
import { toArticle } from '../core/article';
import { duePages, enqueuePages, settleAttempt, startAttempt, type PendingPage } from '../core/feeds/page-queue';
import { pageReplacesSummary } from '../core/feeds/page-replaces-summary';
import { textHash } from '../core/ingest';
import type { Article } from '../core/types';
import { extractArticle, type ExtractResult } from '../extract/extract';
import { sendToOffscreen } from '../messages';
import type { ArticleRecord, Corpus } from '../platform/corpus';
import { originPattern } from '../platform/feeds';
import { updatePending } from '../platform/pending-pages';
import { readCapped } from './read-capped';

/** Pages read per run (after each feed fetch, and at each alarm): the rest wait for the next. */
export const MAX_PAGES_PER_RUN = 10;
const PAGE_TIMEOUT_MS = 15_000;
const MAX_PAGE_BYTES = 5_000_000;

/** A page that will not be read however often it is asked for (as opposed to one that did not answer). */
class PageRefused extends Error {}

/** Puts a feed's items (as just stored, newest first) on the list of pages to read. */
export function queueItemPages(feed: string, items: Article[], now = Date.now()): Promise<void> {
  const withPages = items.filter((a) => a.url).map((a) => ({ id: a.id, url: a.url!, hash: textHash(a) }));
  return withPages.length === 0 ? Promise.resolve() : updatePending((list) => enqueuePages(list, feed, withPages, now));
}

/** Reads the pages whose turn it is and replaces their summaries. Returns how many were replaced. */
export async function readPendingPages(corpus: Corpus, now = Date.now()): Promise<number> {
  let due: PendingPage[] = [];
  await updatePending((list) => {
    const r = duePages(list, now, MAX_PAGES_PER_RUN);
    due = r.due;
    return r.list;
  });
  let replaced = 0;
  try {
    for (const p of due) {
      // Counted first: a page that stops the worker is not tried for ever.
      await updatePending((list) => startAttempt(list, p.id, Date.now()));
      let outcome: 'done' | 'retry' = 'done';
      try {
        if (await readPage(corpus, p, now)) replaced++;
      } catch (e) {
        // Not answering, timing out or "try later" (5xx, 429) is worth another attempt.
        if (!(e instanceof PageRefused)) outcome = 'retry';
      }
      await updatePending((list) => settleAttempt(list, p.id, outcome));
    }
  } finally {
    await closeOffscreen();
  }
  return replaced;
}

/** Reads one item's page into the corpus. False when there is nothing to replace; throws when the page could not be read. */
async function readPage(corpus: Corpus, p: PendingPage, now: number): Promise<boolean> {
  const [item] = await corpus.get([p.id]);
  if (!isSummary(item, p.hash)) return false;
  if (!(await browser.permissions.contains({ origins: [originPattern(p.url)] }))) return false;
  const html = await fetchPage(p.url);
  if (html === null) return false;
  const read = await extractHtml(html, p.url);
  if (!read.ok) return false;
  // The feed names the outlet and the date; the page gives the text.
  const full = toArticle({ ...read.article, id: item.id, url: p.url, title: item.title || read.article.title, source: item.source, published: item.published ?? read.article.published, lang: read.article.lang ?? item.lang });
  // Not a page that says less, nor one that is not the article (a consent wall, a video list).
  if (!full.ok || !pageReplacesSummary(item, full.article)) return false;
  // Only a summary still stored as such is replaced: not an article the reader opened meanwhile.
  const [stored] = await corpus.get([p.id]);
  if (!isSummary(stored, p.hash)) return false;
  await corpus.replace(full.article, 'feed', now);
  return true;
}

/** Whether the stored record is still the feed's own version of the item (its text hash `hash`). */
export function isSummary(stored: ArticleRecord | undefined, hash: string): stored is ArticleRecord {
  return stored?.origin === 'feed' && stored.textHash === hash;
}

/** The page's HTML, or null when it is not HTML. Throws when it cannot be fetched. */
async function fetchPage(url: string): Promise<string | null> {
  const res = await fetch(url, { credentials: 'omit', headers: { Accept: 'text/html,application/xhtml+xml;q=0.9' }, signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
  if (res.status === 408 || res.status === 429 || res.status >= 500) throw new Error(`the page answered ${res.status}`);
  if (!res.ok) throw new PageRefused(`the page answered ${res.status}`);
  if (!/html/i.test(res.headers.get('Content-Type') ?? '')) return null;
  return readCapped(res, MAX_PAGE_BYTES, () => new PageRefused('the page is too large'));
}

/**
 * Readability on the page: in this context's DOM where there is one (Firefox), else in
 * Chrome's offscreen document. Forced: the feed says the page is an article, so the
 * "probably readerable" guess, made for pages the reader happens to be on, is skipped.
 */
export async function extractHtml(html: string, url: string): Promise<ExtractResult> {
  if (typeof DOMParser !== 'undefined') return extractArticle(new DOMParser().parseFromString(html, 'text/html'), url, { force: true });
  await openOffscreen();
  return sendToOffscreen('offscreen:extract', { html, url });
}

/** chrome.offscreen and chrome.runtime.getContexts (Chrome 116+), which the polyfill does not cover. */
interface ChromeOffscreen {
  offscreen: { createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>; closeDocument(): Promise<void> };
  runtime: { getContexts(f: { contextTypes: string[] }): Promise<unknown[]> };
}
const chromeApi = (): ChromeOffscreen | undefined => (globalThis as { chrome?: Partial<ChromeOffscreen> }).chrome?.offscreen ? ((globalThis as unknown as { chrome: ChromeOffscreen }).chrome) : undefined;

let opening: Promise<void> | null = null;
async function openOffscreen(): Promise<void> {
  const api = chromeApi();
  if (!api) throw new Error('no DOM to read the page in');
  if ((await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0) return;
  opening ??= api.offscreen
    .createDocument({ url: 'offscreen.html', reasons: ['DOM_PARSER'], justification: 'Read the article text of the pages of subscribed feeds' })
    .finally(() => (opening = null));
  await opening;
}

export async function closeOffscreen(): Promise<void> {
  const api = chromeApi();
  if (!api) return;
  if ((await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).catch(() => [])).length > 0) await api.offscreen.closeDocument().catch(() => undefined);
}
