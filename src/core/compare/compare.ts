// compareArticles: the differences between one article and the articles about the same
// story. Each kind lives in its own file; this one prepares the facts and the independent
// sources and puts the findings in order.
import type { Article, Difference, DifferenceKind } from '../types';
import { factsFor, type ArticleFacts } from './facts';
import { coverageDifferences } from './kinds-coverage';
import { namingDifferences } from './kinds-naming';
import { numberDifferences } from './kinds-numbers';
import { framingDifferences } from './kinds-framing';
import { quoteDifferences } from './kinds-quote';
import { timingDifferences } from './kinds-timing';
import { distinctiveWords } from './entities';
import { focusOnStory } from './passages';
import { containment, groupSources, type Doc } from './sources';

export interface CompareInput {
  article: Article;
  facts?: ArticleFacts;
  score: number;
}

function sharesAName(t: Doc, d: Doc): boolean {
  if (t.f.entities.length < 3 || d.f.entities.length < 3) return true; // too little to judge by
  // Any distinctive word of a name here that the other text uses at all, or the other way round.
  const caps = (text: string) => new Set(text.match(/\b[A-Z][a-zA-Z'’-]{2,}/g) ?? []);
  const inOther = caps(d.a.text), inHere = caps(t.a.text);
  return (
    t.f.entities.some((e) => distinctiveWords(e.name).some((w) => inOther.has(w))) ||
    d.f.entities.some((e) => distinctiveWords(e.name).some((w) => inHere.has(w))) ||
    containment(t.f, d.f) > 0.1
  );
}

const ORDER: DifferenceKind[] = ['numbers', 'timing', 'naming', 'quote', 'framing', 'omitted', 'exclusive'];

export function compareArticles(target: CompareInput, others: CompareInput[], syndicated?: Set<string>): Difference[] {
  return compareStories(target, others, syndicated).differences;
}

/**
 * The differences, and which texts were compared in part: a page of several stories read as
 * the ones the other side tells (`narrowed`: id → the number of stories it holds).
 */
export function compareStories(target: CompareInput, others: CompareInput[], syndicated?: Set<string>): { differences: Difference[]; narrowed: Map<string, number> } {
  const t: Doc = { a: target.article, f: factsFor(target.article, target.facts), score: target.score };
  const docs: Doc[] = others
    .filter((o) => o.article.id !== target.article.id)
    .map((o) => ({ a: o.article, f: factsFor(o.article, o.facts), score: o.score, syndicated: syndicated?.has(o.article.id) ?? false }));
  // A guard against a wrong match: an article that shares no name with this one is not
  // about the same story, whatever the matcher said, and is not compared.
  // A roundup of several stories, on either side, is read as the stories the other side tells.
  const focused = focusOnStory(t, docs.filter((d) => sharesAName(t, d)));
  const ft = focused.target;
  const groups = groupSources(ft, focused.others);
  const diffs = [...numberDifferences(ft, groups), ...timingDifferences(ft, groups), ...namingDifferences(ft, groups), ...quoteDifferences(ft, groups), ...framingDifferences(ft, groups), ...coverageDifferences(ft, groups)];
  diffs.sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind) || y.elsewhere.length - x.elsewhere.length);
  return { differences: diffs, narrowed: focused.narrowed };
}
