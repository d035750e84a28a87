// From a tab to its report: extract the article in the page, match it against the corpus,
// compare with the matches. Everything heavy is core code; this file only wires it.
import browser from 'webextension-polyfill';
import { toArticle } from '../core/article';
import { buildReport, extractFacts, reportArticle } from '../core/compare';
import { computeFeatures, factsCurrent, textHash } from '../core/ingest';
import { pairGroups, pairedWith } from '../core/match';
import { searchArticle } from '../core/roundup-search';
import type { Article, ReportMatch } from '../core/types';
import { sendToTab, type ArticleSummary, type ReportState } from '../messages';
import type { Corpus } from '../platform/corpus';
import { loadSettings, type Settings } from '../platform/settings';
import { hiddenMatches } from './hidden-matches';
import { currentIndex } from './match-index';

/** How many matches are compared at most: the report stays readable and fast. */
const MAX_COMPARED = 12;
/** Near misses offered to the reader to judge ("Same story?"). */
const MAX_NEAR = 3;
/** Retention runs after reads at most this often (imports run it at once). */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export async function analyseTab(corpus: Corpus, tabId: number, opts: { force?: boolean }): Promise<ReportState> {
  const at = Date.now();
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? null;
  if (!url) {
    // Without activeTab or host access the browser does not even tell us the URL.
    return { state: 'not-article', message: 'Parallax has no access to this tab. Click the Parallax button while the page is open to let it read the page.', url, at, cache: false };
  }
  if (!/^(https?|file):/.test(url)) {
    return { state: 'not-article', message: 'Parallax reads news articles on web pages; this page is not one.', url, at };
  }
  const extracted = await extractFromTab(tabId, opts.force ?? false);
  if (!extracted.ok) {
    if (extracted.reason === 'error') return { state: 'error', message: extracted.message, at };
    return { state: 'not-article', message: extracted.message, url, at, ...(extracted.reason === 'no-access' ? { cache: false as const } : {}) };
  }
  // The tab may have navigated between our look at its URL and the extraction.
  if (extracted.article.url && sameDocument(extracted.article.url) !== sameDocument(url)) {
    return { state: 'error', message: 'The page changed while Parallax was reading it. Try again.', at };
  }
  const checked = toArticle({ ...extracted.article, url });
  if (!checked.ok) return { state: 'not-article', message: `No article text was found (${checked.error}).`, url, at };
  return analyseArticle(corpus, checked.article, at);
}

export function summary(a: Article): ArticleSummary {
  return { id: a.id, ...reportArticle(a) };
}

export async function analyseArticle(corpus: Corpus, article: Article, at = Date.now()): Promise<ReportState> {
  const settings = await loadSettings();
  const features = computeFeatures(article);
  if (await corpus.isEmpty()) {
    await keepRead(corpus, article, features, settings);
    return { state: 'empty-corpus', article: summary(article), at };
  }
  const [index, groups, joinedIds] = await Promise.all([
    currentIndex(corpus),
    corpus.hiddenPairs().then((l) => pairGroups(l, article.id)),
    corpus.joinedPairs().then((l) => pairedWith(l, article.id)),
  ]);
  const hiddenIds = groups.flat();
  const ownHash = textHash(article);
  // The article being read counts in the term rarities, as in the CLI and the evaluation. The
  // matches the reader hid are kept out of its story, and so out of every comparison; those
  // they joined are in it whatever their score, and compared first.
  // (A page of several stories is matched story by story as well: roundup-search.ts.)
  const found = searchArticle(index, article, features.match, { exclude: [article.id, ...hiddenIds], include: joinedIds, limit: MAX_COMPARED * 2, countQuery: true, near: MAX_NEAR });
  const candidates = [...found.matches.filter((m) => m.joined), ...found.matches.filter((m) => !m.joined)];
  const ids = candidates.map((m) => m.id);
  const [records, facts, hiddenRecords, nearRecords] = await Promise.all([
    corpus.get(ids),
    corpus.getFacts(ids),
    corpus.get(hiddenIds),
    corpus.get(found.near.map((m) => m.id)),
  ]);
  const hidden = hiddenMatches(groups, new Map(hiddenRecords.flatMap((r) => (r ? [[r.id, r] as const] : []))));
  const near: ReportMatch[] = found.near.flatMap((m, i) => {
    const r = nearRecords[i];
    if (!r || r.textHash === ownHash) return [];
    const checked = toArticle(r);
    const language = checked.ok ? reportArticle(checked.article).language : undefined;
    return [{ id: r.id, title: r.title, source: r.source, url: r.url, published: r.published, ...(language ? { language } : {}), score: m.score, reasons: m.reasons }];
  });
  const others = [];
  const refreshed = [];
  for (let i = 0; i < candidates.length && others.length < MAX_COMPARED; i++) {
    const r = records[i];
    const m = candidates[i]!;
    // Never compare an article with itself: the same page stored under another id or URL.
    if (!r || r.textHash === ownHash || (r.url && r.url === article.url)) continue;
    // A damaged record is skipped, not allowed to fail the whole report.
    const checked = toArticle(r);
    if (!checked.ok) continue;
    let f = facts[i]?.facts;
    if (!factsCurrent(f)) {
      // Facts not computed yet (imports leave them to the backfill) or of an older engine
      // version: computed here, for just the articles compared, and kept.
      f = extractFacts(checked.article);
      refreshed.push({ id: r.id, seq: r.seq, facts: f });
    }
    others.push({ article: checked.article, facts: f, score: m.score, reasons: m.reasons, ...(m.joined ? { joined: true } : {}) });
  }
  if (refreshed.length) await corpus.putFacts(refreshed).catch(() => undefined);
  await keepRead(corpus, article, features, settings);
  if (others.length === 0) return { state: 'no-matches', article: summary(article), hidden, near, at };
  return { state: 'ready', article: summary(article), report: buildReport(article, others, features.facts), hidden, near, at };
}

/** Keeps the article just read in the corpus (a setting), then applies retention now and then. */
async function keepRead(corpus: Corpus, article: Article, features: ReturnType<typeof computeFeatures>, settings: Settings): Promise<void> {
  if (!settings.keepReadArticles) return;
  try {
    // A feed's summary of this very page gives way to the whole article the reader has open
    // (same address, same id): the matcher and later comparisons get the full text.
    const [stored] = await corpus.get([article.id]);
    if (stored?.origin === 'feed' && stored.textHash !== textHash(article)) await corpus.replace(article, 'read', Date.now(), features);
    else await corpus.add([article], 'read', Date.now(), new Map([[article.id, features]]));
    const last = (await corpus.getMeta<number>('prunedAt')) ?? 0;
    if (Date.now() - last > PRUNE_EVERY_MS) {
      await corpus.prune(settings.maxArticles, settings.maxAgeDays);
      await corpus.setMeta('prunedAt', Date.now());
    }
  } catch {
    // Not kept (a full disk): the report itself does not depend on it.
  }
}

/** The URL without its fragment: #comments and the like are the same document. */
function sameDocument(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

type Extracted =
  | Awaited<ReturnType<typeof sendToTab<'content:extract'>>>
  | { ok: false; reason: 'no-access'; message: string };

async function extractFromTab(tabId: number, force: boolean): Promise<Extracted> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  } catch (e) {
    return {
      ok: false,
      reason: 'no-access',
      message: `Parallax may not read this page (${String((e as Error).message ?? e)}). Some pages, such as the browser's own and extension stores, cannot be read by any extension; on others, open the report from the Parallax button on the page.`,
    };
  }
  try {
    return await sendToTab(tabId, 'content:extract', { force });
  } catch (e) {
    return { ok: false, reason: 'error', message: `The page did not answer: ${String(e)}` };
  }
}
