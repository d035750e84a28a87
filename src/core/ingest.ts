// What is computed once when an article enters the corpus, so that matching and comparing
// a page later reads precomputed features instead of re-analysing every stored text.
import { extractFacts, FACTS_VERSION, type ArticleFacts } from './compare';
import { extractMatchFeatures, MATCH_FEATURES_VERSION, type MatchFeatures } from './match';
import { hash64 } from './hash';
import { normaliseText } from './article';
import type { Article } from './types';

export interface ArticleFeatures {
  match: MatchFeatures;
  facts: ArticleFacts;
  /** Versions of the extractors that made them; a mismatch means "recompute". */
  versions: { match: number; facts: number };
}

export function computeFeatures(a: Article): ArticleFeatures {
  return {
    match: extractMatchFeatures(a),
    facts: extractFacts(a),
    versions: { match: MATCH_FEATURES_VERSION, facts: FACTS_VERSION },
  };
}

/** True when stored features were made by the current extractors (and look like features at all). */
export function featuresCurrent(f: ArticleFeatures | undefined | null): f is ArticleFeatures {
  return (
    typeof f === 'object' && f !== null &&
    f.versions?.match === MATCH_FEATURES_VERSION && f.versions?.facts === FACTS_VERSION &&
    typeof f.match === 'object' && f.match !== null && typeof f.facts === 'object' && f.facts !== null
  );
}

export function textHash(a: Article): string {
  return hash64(normaliseText(a.text));
}
