// Background wiring: receives messages, calls core and platform. Nothing here survives the
// worker being stopped except what is in IndexedDB and storage; every handler reopens what
// it needs.
import browser from 'webextension-polyfill';
import { listen, sendToTab, type CorpusStats, type ReportState, type UiToBackground } from '../messages';
import { openCorpus, type Corpus } from '../platform/corpus';
import { loadSettings } from '../platform/settings';
import { forgetAllTabs, forgetTab, getTabState, setTabState } from '../platform/tab-state';
import { extractMatchFeatures } from '../core/match';
import { analyseArticle, analyseTab } from './analyse';
import { currentIndex, dropIndexCache, indexSource, snapshotWritten } from './match-index';
import { storageEstimate } from '../platform/storage-estimate';
import { FACTS_VERSION } from '../core/compare';
import { backfillControl, backfillFacts } from './facts-backfill';
import { whileReporting } from './report-gate';
import { closeOffscreen, extractHtml } from './article-pages';
import { FEED_ALARM, addFeed, allowPages, forgetPagesIfOff, listFeeds, readPagesSoon, refreshFeeds, removeFeed, scheduleFeeds } from './feeds';

const startedAt = Date.now();
const HIGHLIGHT_CSS = '::highlight(parallax) { background-color: #ffe28a; color: #111; }';
let corpusPromise: Promise<Corpus> | null = null;

function corpus(): Promise<Corpus> {
  // When the connection goes (a newer version of the database, or the browser closed it),
  // forget it: the next request opens a new one instead of failing on a dead one.
  corpusPromise ??= openCorpus({ onClose: () => (corpusPromise = null) }).catch((e) => {
    corpusPromise = null;
    throw e;
  });
  return corpusPromise;
}

/** Tabs that have the highlight style already (lost with the worker: inserting twice is harmless). */
const styled = new Set<number>();

/** The report for one tab: cached unless asked to refresh, computed, cached again. */
async function reportFor(tabId: number, refresh: boolean, force: boolean): Promise<ReportState> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  if (!refresh && !force) {
    const cached = await getTabState(tabId, url);
    if (cached && cached.state !== 'error') return cached;
  }
  let state: ReportState;
  try {
    state = await whileReporting(async () => analyseTab(await corpus(), tabId, { force }));
  } catch (e) {
    state = { state: 'error', message: String((e as Error)?.message ?? e), at: Date.now() };
  }
  // A worker woken for a report goes on with facts an earlier one did not finish.
  void backfillFacts(corpus);
  // Not cached: outcomes that depend on access the user may grant a moment later, and
  // anything for a tab closed meanwhile.
  const stillOpen = await browser.tabs.get(tabId).then(() => true, () => false);
  if (stillOpen && !(state.state === 'not-article' && state.cache === false)) await setTabState(tabId, url, state);
  return state;
}

/**
 * Articles were added (an import, a feed) or removed: cached reports may be out of date, the
 * retention limits apply, and the new articles' facts are computed after the reply. The index
 * notices new articles by itself (meta.seq), and a clear by meta.epoch.
 */
async function corpusChanged(): Promise<void> {
  await forgetAllTabs();
  const s = await loadSettings();
  await (await corpus()).prune(s.maxArticles, s.maxAgeDays);
  void backfillFacts(corpus);
}

listen<UiToBackground>({
  'report:forTab'({ tabId, refresh, force }) {
    return reportFor(tabId, refresh ?? false, force ?? false);
  },

  async 'match:hide'({ tabId, articleId, matchIds, hide }) {
    await (await corpus()).setHidden(articleId, matchIds, hide);
    // Reports cached for other tabs may list the pair too.
    await forgetAllTabs();
    // Forced: a page the reader had analysed anyway (not taken for an article) stays analysed.
    return reportFor(tabId, true, true);
  },

  async 'match:join'({ tabId, articleId, matchIds, join }) {
    await (await corpus()).setJoined(articleId, matchIds, join);
    await forgetAllTabs();
    return reportFor(tabId, true, true);
  },

  async 'page:highlight'({ tabId, sentence }) {
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    if (!styled.has(tabId)) {
      await browser.scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS });
      styled.add(tabId);
    }
    return sendToTab(tabId, 'content:highlight', { sentence });
  },

  async 'corpus:changed'() {
    await corpusChanged();
    // The settings may have changed the refresh period, or turned item pages off.
    await scheduleFeeds().catch(() => undefined);
    await forgetPagesIfOff().catch(() => undefined);
    return { ok: true };
  },

  'feeds:list'() {
    return listFeeds();
  },

  async 'feeds:add'({ url }) {
    const r = await addFeed(await corpus(), url, Date.now(), pagesFetched);
    if (r.ok) await corpusChanged();
    return r;
  },

  async 'feeds:pages'({ url, sites }) {
    return allowPages(await corpus(), url, sites, Date.now(), pagesFetched);
  },

  'feeds:remove'({ url }) {
    return removeFeed(url);
  },

  async 'feeds:refresh'({ url }) {
    const r = await refreshFeeds(await corpus(), { url }, Date.now(), pagesFetched);
    if (r.added > 0) await corpusChanged();
    return r;
  },

  async 'corpus:stats'(): Promise<CorpusStats> {
    const c = await corpus();
    const s = await c.stats();
    const { usageBytes, quotaBytes } = await storageEstimate();
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    return { count: s.count, usageBytes, quotaBytes, oldest: iso(s.oldest), newest: iso(s.newest) };
  },

  async 'test:ping'() {
    if (!__TEST__) throw new Error('test hooks are not in this build');
    return { ok: true, startedAt };
  },
});

browser.tabs.onRemoved.addListener((tabId) => {
  styled.delete(tabId);
  void forgetTab(tabId);
});
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new page in the tab has no highlight style yet.
  if (change.status === 'loading') styled.delete(tabId);
});

/** Feed items' summaries were replaced by their pages' articles: cached reports are stale. */
function pagesFetched(): void {
  void corpusChanged().catch(() => undefined);
}

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== FEED_ALARM) return;
  void corpus()
    .then(async (c) => {
      const r = await refreshFeeds(c, { due: true }, Date.now(), pagesFetched);
      // Pages that waited for their turn or for a retry, and those a stopped worker left.
      readPagesSoon(c, pagesFetched);
      if (r.added > 0) await corpusChanged();
    })
    .catch(() => undefined) // each feed keeps its own error for the options page
    // An alarm that fired once only (replaced, or carried over from an older version) is
    // followed by the periodic one again.
    .then(() => scheduleFeeds())
    .catch(() => undefined);
});

// Whatever woke this worker, facts a stopped one left undone are taken up again, and the
// feeds' alarm is there (alarms survive the worker, not always an update of the extension).
void backfillFacts(corpus);
void scheduleFeeds().catch(() => undefined);

if (__TEST__) {
  // Test builds only: lets browser tests see that the worker's script has run, reach the
  // corpus to damage it on purpose, and drop in-memory caches. Release builds compile this out.
  (globalThis as Record<string, unknown>).__parallax = {
    ready: true,
    startedAt,
    dropIndexCache,
    corpus,
    currentIndex,
    indexSource,
    snapshotWritten,
    // For bench/chromium-bench.ts: the same calls the report makes, timed inside the worker.
    extractMatchFeatures,
    analyseArticle,
    // For bench/page-read-bench.ts: a feed item's page read as the worker reads it.
    extractHtml,
    closeOffscreen,
    // Facts: run the backfill to its end, hold it, count what this worker computed.
    backfillFacts: () => backfillFacts(corpus),
    backfillControl,
    FACTS_VERSION,
  };
}
