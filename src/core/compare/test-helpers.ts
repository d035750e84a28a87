// Small fictional articles for the unit tests (invented places, people and outlets).
import { normaliseArticle } from '../article';
import type { Article } from '../types';
import { compareArticles } from './compare';
import type { Difference } from '../types';

let n = 0;
export function art(source: string, text: string, published = '2026-10-15'): Article {
  return normaliseArticle({ id: `t${++n}`, title: `${source} report`, text, source, published });
}

export function diffs(target: Article, ...others: Article[]): Difference[] {
  return compareArticles({ article: target, score: 1 }, others.map((a) => ({ article: a, score: 1 })));
}

export const ofKind = (ds: Difference[], kind: Difference['kind']) => ds.filter((d) => d.kind === kind);

/** Paragraphs written on one line: "first|second" is two paragraphs. */
export const P = (s: string) => s.split('|').join('\n\n');
