// What is computed when an article enters the corpus, so that matching and comparing a page
// later reads precomputed features instead of re-analysing every stored text.
// An import computes the match features only: they are needed at once (the index), and the
// facts cost twice as much. Facts are filled in afterwards by a background backfill, or by
// the first report that compares the article, whichever comes first.
// Match features and facts are versioned separately: a new matcher recomputes only the
// match features (all of them, in resumable chunks), a new comparison engine only the facts.
import { extractFacts, FACTS_VERSION, type ArticleFacts } from './compare';
import { extractMatchFeatures, MATCH_FEATURES_VERSION, type MatchFeatures } from './match';
import { hash64 } from './hash';
import { normaliseText } from './article';
import type { Article } from './types';

export interface ArticleFeatures {
  match: MatchFeatures;
  facts: ArticleFacts;
}

/** What is stored with an article: facts only when they happen to be known already. */
export interface StoredFeatures {
  match: MatchFeatures;
  facts?: ArticleFacts;
}

/** Everything, for the article being read: it is matched and compared at once. */
export function computeFeatures(a: Article): ArticleFeatures {
  return { match: extractMatchFeatures(a), facts: extractFacts(a) };
}

/** What an import computes: the match features only (facts come later, see above). */
export function importFeatures(a: Article): StoredFeatures {
  return { match: extractMatchFeatures(a) };
}

/** True when stored match features were made by the current matcher (and look like features at all). */
export function matchCurrent(m: unknown): m is MatchFeatures {
  return typeof m === 'object' && m !== null && (m as { v?: unknown }).v === MATCH_FEATURES_VERSION;
}

/** True when stored facts were made by the current comparison engine. */
export function factsCurrent(f: unknown): f is ArticleFacts {
  return typeof f === 'object' && f !== null && (f as { v?: unknown }).v === FACTS_VERSION;
}

export function textHash(a: Article): string {
  return hash64(normaliseText(a.text));
}
