// The one typed message map between the extension's pages and its background. Nothing
// else calls runtime.sendMessage: a message without a handler does not compile.
import browser from 'webextension-polyfill';
import type { Report, ReportArticle, ReportMatch } from './core/types';
import type { FeedSubscription } from './platform/feeds';

/** What the popup shows of the article being read: never its whole text (reports are cached per tab). */
export type ArticleSummary = ReportArticle & { id: string };

/**
 * A match the reader hid as not the same story: enough to recognise it and show it again.
 * `together`: the articles hidden with it in one go (copies of its text under other outlets),
 * shown again with it.
 */
export type HiddenMatch = Pick<ArticleSummary, 'id' | 'title' | 'source' | 'url'> & { together?: Pick<ArticleSummary, 'id' | 'source' | 'url'>[] };

export type ReportState =
  // `hidden` and `near` are missing from reports cached before they existed. `near`: articles
  // the matcher nearly took for the same story, for the reader to judge.
  | { state: 'ready'; article: ArticleSummary; report: Report; hidden?: HiddenMatch[]; near?: ReportMatch[]; at: number }
  | { state: 'no-matches'; article: ArticleSummary; hidden?: HiddenMatch[]; near?: ReportMatch[]; at: number }
  | { state: 'empty-corpus'; article: ArticleSummary | null; at: number }
  | { state: 'not-article'; message: string; url: string | null; at: number; cache?: false }
  | { state: 'error'; message: string; at: number };

export interface CorpusStats {
  count: number;
  /** What the browser says this extension's storage uses, when it tells. */
  usageBytes: number | null;
  quotaBytes: number | null;
  oldest: string | null;
  newest: string | null;
}

/** Popup/options → background. Each entry: request payload and response. */
export interface UiToBackground {
  'report:forTab': { req: { tabId: number; refresh?: boolean; force?: boolean }; res: ReportState };
  /** Hides a match of the tab's article as not the same story (or shows it again); answers the new report. */
  // `matchIds`: one source, i.e. a match and the copies of its text under other outlets.
  'match:hide': { req: { tabId: number; articleId: string; matchIds: string[]; hide: boolean }; res: ReportState };
  // The reader says a near miss is the same story (or takes that back).
  'match:join': { req: { tabId: number; articleId: string; matchIds: string[]; join: boolean }; res: ReportState };
  'page:highlight': { req: { tabId: number; sentence: string }; res: { found: boolean } };
  'corpus:changed': { req: Record<string, never>; res: { ok: true } };
  'corpus:stats': { req: Record<string, never>; res: CorpusStats };
  'feeds:list': { req: Record<string, never>; res: FeedSubscription[] };
  /** Subscribes after one good fetch; a web page that names feeds answers with them (`links`). */
  'feeds:add': { req: { url: string }; res: { ok: true; feed: FeedSubscription; feeds: FeedSubscription[]; pagesElsewhere: string[] } | { ok: false; message: string; links: string[] } };
  /** The reader allowed `sites` for the feed's article pages: its summaries get their pages. */
  'feeds:pages': { req: { url: string; sites: string[] }; res: { feeds: FeedSubscription[]; queued: number } };
  'feeds:remove': { req: { url: string }; res: FeedSubscription[] };
  /** Fetches one feed now, or all; `added`: articles stored. */
  'feeds:refresh': { req: { url?: string }; res: { feeds: FeedSubscription[]; added: number } };
  'test:ping': { req: Record<string, never>; res: { ok: true; startedAt: number } };
}

/** Background → content script. */
export interface BackgroundToContent {
  'content:extract': {
    req: { force?: boolean };
    res: import('./extract/extract').ExtractResult | { ok: false; reason: 'error'; message: string };
  };
  'content:highlight': { req: { sentence: string }; res: { found: boolean } };
}

/** Background → the offscreen document (Chrome: its service worker has no DOM to parse a page in). */
export interface BackgroundToOffscreen {
  'offscreen:extract': { req: { html: string; url: string }; res: import('./extract/extract').ExtractResult };
}

// Interfaces have no index signature, so maps are constrained through their own keys.
type AnyMap<M> = { [K in keyof M]: { req: unknown; res: unknown } };
export type Envelope<M extends AnyMap<M>, K extends keyof M = keyof M> = { type: K; payload: M[K]['req'] };
export type Handlers<M extends AnyMap<M>> = { [K in keyof M]: (payload: M[K]['req'], sender: browser.Runtime.MessageSender) => Promise<M[K]['res']> };

export function send<K extends keyof UiToBackground>(type: K, payload: UiToBackground[K]['req']): Promise<UiToBackground[K]['res']> {
  return browser.runtime.sendMessage({ type, payload }) as Promise<UiToBackground[K]['res']>;
}

export function sendToTab<K extends keyof BackgroundToContent>(
  tabId: number,
  type: K,
  payload: BackgroundToContent[K]['req'],
): Promise<BackgroundToContent[K]['res']> {
  return browser.tabs.sendMessage(tabId, { type, payload }) as Promise<BackgroundToContent[K]['res']>;
}

export function sendToOffscreen<K extends keyof BackgroundToOffscreen>(type: K, payload: BackgroundToOffscreen[K]['req']): Promise<BackgroundToOffscreen[K]['res']> {
  return browser.runtime.sendMessage({ type, payload }) as Promise<BackgroundToOffscreen[K]['res']>;
}

/** Installs handlers for one map; unknown messages are left for other listeners. */
export function listen<M extends AnyMap<M>>(handlers: Handlers<M>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    const m = message as Partial<Envelope<M>> | null;
    if (!m || typeof m.type !== 'string' || !(m.type in handlers)) return undefined;
    const handler = handlers[m.type as keyof M];
    // Errors become a rejected promise, which the polyfill delivers to the sender as a rejection.
    return handler(m.payload as never, sender);
  });
}
