// From a tab to its report: extract the article in the page, match it against the corpus,
// compare with the matches. Everything heavy is core code; this file only wires it.
import browser from 'webextension-polyfill';
import { toArticle } from '../core/article';
import { buildReport } from '../core/compare';
import { computeFeatures, featuresCurrent, textHash } from '../core/ingest';
import type { Article } from '../core/types';
import { sendToTab, type ReportState } from '../messages';
import type { Corpus } from '../platform/corpus';
import { loadSettings } from '../platform/settings';
import { currentIndex } from './match-index';

/** How many matches are compared at most: the report stays readable and fast. */
const MAX_COMPARED = 12;

export async function analyseTab(corpus: Corpus, tabId: number, opts: { force?: boolean }): Promise<ReportState> {
  const at = Date.now();
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? null;
  if (!url || !/^(https?|file):/.test(url)) {
    return { state: 'not-article', message: 'Parallax reads news articles on web pages; this page is not one.', url, at };
  }
  const extracted = await extractFromTab(tabId, opts.force ?? false);
  if (!extracted.ok) {
    if (extracted.reason === 'error') return { state: 'error', message: extracted.message, at };
    return { state: 'not-article', message: extracted.message, url, at };
  }
  const checked = toArticle({ ...extracted.article, url: canonicalUrl(url) });
  if (!checked.ok) return { state: 'not-article', message: `No article text was found (${checked.error}).`, url, at };
  const article = checked.article;
  return analyseArticle(corpus, article, at);
}

export async function analyseArticle(corpus: Corpus, article: Article, at = Date.now()): Promise<ReportState> {
  const count = await corpus.count();
  const settings = await loadSettings();
  if (count === 0) {
    if (settings.keepReadArticles) await corpus.add([article], 'read');
    return { state: 'empty-corpus', article, at };
  }
  const features = computeFeatures(article);
  const index = await currentIndex(corpus);
  const ownHash = textHash(article);
  const candidates = index.query(features.match, { exclude: [article.id], limit: MAX_COMPARED * 2 });
  const records = await corpus.get(candidates.map((m) => m.id));
  const feats = await corpus.getFeatures(candidates.map((m) => m.id));
  const others = [];
  for (let i = 0; i < candidates.length && others.length < MAX_COMPARED; i++) {
    const r = records[i];
    const m = candidates[i]!;
    // Never compare an article with itself: the same page stored under another id or URL.
    if (!r || r.textHash === ownHash || (r.url && r.url === article.url)) continue;
    // A damaged record is skipped, not allowed to fail the whole report.
    const checked = toArticle(r);
    if (!checked.ok) continue;
    const f = feats[i];
    others.push({ article: checked.article, facts: featuresCurrent(f) ? f!.facts : undefined, score: m.score, reasons: m.reasons });
  }
  if (settings.keepReadArticles) await corpus.add([article], 'read').catch(() => undefined);
  if (others.length === 0) return { state: 'no-matches', article, at };
  return { state: 'ready', article, report: buildReport(article, others, features.facts), at };
}

/** The page URL without its fragment: #comments and the like are the same article. */
function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

async function extractFromTab(tabId: number, force: boolean) {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  } catch (e) {
    return {
      ok: false as const,
      reason: 'not-article' as const,
      message: `Parallax cannot read this page (${String((e as Error).message ?? e)}). Click the Parallax button on the page to allow it.`,
    };
  }
  try {
    return await sendToTab(tabId, 'content:extract', { force });
  } catch (e) {
    return { ok: false as const, reason: 'error' as const, message: `The page did not answer: ${String(e)}` };
  }
}
