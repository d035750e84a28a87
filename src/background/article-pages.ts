// The full text of new feed items. Most feeds carry a summary of each article, and against
// summaries the matcher finds far fewer of a story's reports (docs/benchmarks.md, "Against a
// corpus of feed summaries"). So, when the setting is on, the worker fetches the page of each
// new item, from a site the reader already allowed for its feed only (no new permission, no
// cookies, a few pages per fetch), reads it with Readability as the content script does, and
// stores the whole article in place of the summary. A page that fails, or is no article,
// leaves the summary as it was; the reader opening the page replaces it as before.
import browser from 'webextension-polyfill';
import { toArticle } from '../core/article';
import type { Article } from '../core/types';
import { extractArticle, type ExtractResult } from '../extract/extract';
import { sendToOffscreen } from '../messages';
import type { ArticleRecord, Corpus } from '../platform/corpus';
import { originPattern } from '../platform/feeds';
import { readCapped } from './read-capped';

/** Pages fetched per feed fetch, newest items first: the rest keep their summaries. */
export const MAX_PAGES_PER_FETCH = 10;
const PAGE_TIMEOUT_MS = 15_000;
const MAX_PAGE_BYTES = 5_000_000;

/** Replaces the summaries of `items` (just stored, origin 'feed') by their pages' articles. Returns how many. */
export async function fetchArticlePages(corpus: Corpus, items: Article[], now = Date.now()): Promise<number> {
  let replaced = 0;
  try {
    for (const item of items.slice(0, MAX_PAGES_PER_FETCH)) {
      if (!item.url) continue;
      try {
        if (!(await browser.permissions.contains({ origins: [originPattern(item.url)] }))) continue;
        const html = await fetchPage(item.url);
        if (html === null) continue;
        const read = await extractHtml(html, item.url);
        if (!read.ok) continue;
        // The feed names the outlet and the date; the page gives the text.
        const full = toArticle({ ...read.article, id: item.id, url: item.url, title: item.title || read.article.title, source: item.source, published: item.published ?? read.article.published });
        if (!full.ok || full.article.text.length <= item.text.length) continue;
        // Only a summary still stored as such is replaced: not an article the reader opened meanwhile.
        const [stored] = await corpus.get([item.id]);
        if (!isSummary(stored, item)) continue;
        await corpus.replace(full.article, 'feed', now);
        replaced++;
      } catch {
        // This page keeps its summary; the next one is tried.
      }
    }
  } finally {
    await closeOffscreen();
  }
  return replaced;
}

/** Whether the stored record is still the feed's own version of the item. */
export function isSummary(stored: ArticleRecord | undefined, item: Article): boolean {
  return stored?.origin === 'feed' && stored.text === item.text;
}

/** The page's HTML, or null when it is not HTML. Throws when it cannot be fetched. */
async function fetchPage(url: string): Promise<string | null> {
  const res = await fetch(url, { credentials: 'omit', headers: { Accept: 'text/html,application/xhtml+xml;q=0.9' }, signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`the page answered ${res.status}`);
  if (!/html/i.test(res.headers.get('Content-Type') ?? '')) return null;
  return readCapped(res, MAX_PAGE_BYTES, () => new Error('the page is too large'));
}

/**
 * Readability on the page: in this context's DOM where there is one (Firefox), else in
 * Chrome's offscreen document. Forced: the feed says the page is an article, so the
 * "probably readerable" guess, made for pages the reader happens to be on, is skipped.
 */
async function extractHtml(html: string, url: string): Promise<ExtractResult> {
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

async function closeOffscreen(): Promise<void> {
  const api = chromeApi();
  if (!api) return;
  if ((await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).catch(() => [])).length > 0) await api.offscreen.closeDocument().catch(() => undefined);
}
