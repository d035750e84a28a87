// Story matching: which other articles report the same real-world event. Pure TypeScript,
// used by the extension's worker and by the command line alike.
import type { Article, Match } from '../types';
import { extractMatchFeatures } from './features';
import { MatchIndex, type QueryOptions } from './match-index';

export { MATCH_FEATURES_VERSION, articleLanguage, extractMatchFeatures, textCarriesHeadline, type MatchFeatures } from './features';
export { MatchIndex, SNAPSHOT_VERSION, type IndexOptions, type IndexSnapshot, type QueryOptions } from './match-index';
export { DEFAULTS as MATCH_DEFAULTS } from './score';
export { MAX_READER_PAIRS, pairedWith, pairGroups, readPairs, setPairs, type ReaderPair } from './reader-pairs';

/** Matches of one article in a small corpus (the command line, tests): builds a throw-away index. */
export function findMatches(article: Article, corpus: Article[], opts: QueryOptions = {}): Match[] {
  const index = new MatchIndex();
  for (const a of corpus) index.add(a.id, extractMatchFeatures(a));
  const f = extractMatchFeatures(article);
  // The article being read is part of the collection its term rarities are computed over.
  if (!index.has(article.id)) index.add(article.id, f);
  return index.query(f, { ...opts, exclude: [article.id, ...(opts.exclude ?? [])] });
}
