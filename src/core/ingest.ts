// What is computed once when an article enters the corpus, so that matching and comparing
// a page later reads precomputed features instead of re-analysing every stored text.
// Match features and facts are versioned separately: a new matcher recomputes only the
// match features (all of them, in resumable chunks), a new comparison engine only the facts
// (lazily, for the articles a report compares).
import { extractFacts, FACTS_VERSION, type ArticleFacts } from './compare';
import { extractMatchFeatures, MATCH_FEATURES_VERSION, type MatchFeatures } from './match';
import { hash64 } from './hash';
import { normaliseText } from './article';
import type { Article } from './types';

export interface ArticleFeatures {
  match: MatchFeatures;
  facts: ArticleFacts;
}

export function computeFeatures(a: Article): ArticleFeatures {
  return { match: extractMatchFeatures(a), facts: extractFacts(a) };
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
