// buildReport: the Report of src/core/types.ts for one article and its matches.
import type { Article, MatchReasons, Report } from '../types';
import { compareArticles, type CompareInput } from './compare';
import type { ArticleFacts } from './facts';

export function buildReport(
  target: Article,
  others: (CompareInput & { reasons?: MatchReasons })[],
  targetFacts?: ArticleFacts,
): Report {
  const syndicated = new Set(others.filter((o) => o.reasons?.syndicated).map((o) => o.article.id));
  // A match that shares no name with the article (by the matcher's own account) stays in the
  // list of matches but gives no differences: a wrong match must not produce findings.
  const compared = others.filter((o) => !o.reasons || o.reasons.syndicated || o.reasons.sharedNames.length > 0);
  const differences = compareArticles({ article: target, facts: targetFacts, score: 1 }, compared, syndicated);
  return {
    article: { title: target.title, source: target.source, url: target.url, published: target.published },
    matches: others
      .filter((o) => o.article.id !== target.id)
      .sort((x, y) => y.score - x.score)
      .map((o) => ({
        id: o.article.id,
        title: o.article.title,
        source: o.article.source,
        url: o.article.url,
        published: o.article.published,
        score: o.score,
        ...(o.reasons ? { reasons: o.reasons } : {}),
      })),
    differences,
  };
}
