// buildReport: the Report of src/core/types.ts for one article and its matches.
import { articleLanguage } from '../match/features';
import type { Article, MatchReasons, Report, ReportArticle } from '../types';
import { compareStories, type CompareInput } from './compare';
import { factsFor, type ArticleFacts } from './facts';
import { isCopy, type Doc } from './sources';

export function buildReport(
  target: Article,
  others: (CompareInput & { reasons?: MatchReasons; joined?: boolean })[],
  targetFacts?: ArticleFacts,
): Report {
  // Facts once, for the copies below and for the comparison (the command line may pass none).
  const ranked = others
    .filter((o) => o.article.id !== target.id)
    .sort((x, y) => y.score - x.score)
    .map((o) => ({ ...o, facts: factsFor(o.article, o.facts) }));
  const syndicated = new Set(ranked.filter((o) => o.reasons?.syndicated).map((o) => o.article.id));
  const article = reportArticle(target);
  const listed = ranked.map((o) => reportArticle(o.article));
  // A match that shares no name with the article (by the matcher's own account) stays in the
  // list of matches but gives no differences: a wrong match must not produce findings. Unless
  // the reader joined it: then it is the same story on their word. Nor does a text in another
  // language than English, on either side: the rules would find nothing in it, and nothing
  // found would read as "reported the same way".
  const compared = article.language
    ? []
    : ranked.filter((o, i) => !listed[i]!.language && (!o.reasons || o.joined || o.reasons.syndicated || o.reasons.sharedNames.length > 0));
  const { differences, narrowed } = compareStories({ article: target, facts: targetFacts, score: 1 }, compared, syndicated);
  const firsts = firstCopies(ranked);
  const stories = (id: string) => (narrowed.has(id) ? { stories: narrowed.get(id)! } : {});
  return {
    article: { ...article, ...stories(target.id) },
    matches: ranked.map((o, i) => {
      const first = firsts[i];
      return {
        id: o.article.id,
        ...listed[i]!,
        score: o.score,
        ...(o.reasons ? { reasons: o.reasons } : {}),
        ...(first ? { sameTextAs: first } : {}),
        ...(o.joined ? { joined: true } : {}),
        ...(o.article.partial ? { partial: true as const } : {}),
        ...stories(o.article.id),
      };
    }),
    differences,
  };
}

/** What a report says of an article: its headline, outlet, address and day, and its language when not English. */
export function reportArticle(a: Article): ReportArticle {
  const language = articleLanguage(a);
  return { title: a.title, source: a.source, url: a.url, published: a.published, ...(language ? { language } : {}) };
}

/**
 * For each match, the id of the first match listed before it whose text it repeats (the
 * sources' copy test), or undefined: a copy of a copy names the first of them all.
 */
function firstCopies(ranked: (CompareInput & { facts: ArticleFacts })[]): (string | undefined)[] {
  const docs: Doc[] = ranked.map((o) => ({ a: o.article, f: o.facts, score: o.score }));
  const out: (string | undefined)[] = [];
  docs.forEach((d, i) => {
    let first: string | undefined;
    for (let j = 0; j < i && first === undefined; j++) if (isCopy(docs[j]!, d)) first = out[j] ?? docs[j]!.a.id;
    out.push(first);
  });
  return out;
}
