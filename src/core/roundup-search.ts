// Matching an article that is a page of several stories (a briefing, a blotter): the page as
// a whole, and each of its stories alone. The words of five stories together look like none
// of them, so the page alone finds the coverage of one story at most; each story asked alone
// finds its own. The worker, the command line and the benchmarks call this one function.
import { storyArticles } from './compare/passages';
import { extractMatchFeatures, MATCH_DEFAULTS, type MatchFeatures, type MatchIndex, type QueryOptions } from './match';
import type { Article, Match } from './types';

/**
 * `index.search` for an article: for a roundup, the page's matches and each of its stories',
 * taken in turn (the page's best, each story's best, then each one's second, …), so that a
 * caller who compares only the first few compares some of every story. Each match keeps its
 * best score (with that search's reasons). Near misses are the page's own, less what a story
 * found. Anything else is searched as it is.
 */
export function searchArticle(index: MatchIndex, article: Article, features: MatchFeatures, opts: QueryOptions = {}): { matches: Match[]; near: Match[] } {
  const whole = index.search(features, opts);
  const parts = storyArticles(article);
  if (!parts) return whole;
  const lists = [whole.matches, ...parts.map((p) => index.search(extractMatchFeatures(p), { ...opts, near: 0 }).matches)];
  const best = new Map<string, Match>();
  const order: string[] = [];
  for (let rank = 0; lists.some((l) => rank < l.length); rank++) {
    for (const l of lists) {
      const m = l[rank];
      if (!m) continue;
      const had = best.get(m.id);
      if (!had) order.push(m.id);
      if (!had || m.score > had.score) best.set(m.id, had?.joined ? { ...m, joined: true } : m);
    }
  }
  const limit = opts.limit ?? MATCH_DEFAULTS.limit;
  let counted = 0;
  const matches = order.map((id) => best.get(id)!).filter((m) => m.joined || counted++ < limit);
  return { matches, near: whole.near.filter((m) => !best.has(m.id)) };
}
