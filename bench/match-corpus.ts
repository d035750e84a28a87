// Benchmark corpora of any size built from the shared data: every real article first (in a
// fixed shuffled order), then synthetic variants of them. A variant renames every
// capitalised word (consistently within the article), changes every number and moves the
// date by up to three years, so it reads like a report of a different event of the same
// kind: a distinct story with fresh names, as a growing personal corpus would have.
// Deterministic: the same size always gives the same corpus. Runs in Node and in a page.
import type { Article } from '../src/core/types';

/** Small seeded PRNG (mulberry32), so that corpora are reproducible everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ['ka', 'lo', 'mer', 'tin', 'sa', 'ver', 'dal', 'ro', 'qui', 'ben', 'zor', 'ha', 'lin', 'ept', 'mon', 'gra', 'vel', 'us', 'tor', 'ane'];

function fakeWord(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYL[Math.floor(r() * SYL.length)]!;
  return w[0]!.toUpperCase() + w.slice(1);
}

/** A variant of `a` that tells a different (invented) event of the same kind. */
export function variant(a: Article, k: number): Article {
  const r = rng(k * 7919 + 17);
  const names = new Map<string, string>();
  const rename = (s: string) =>
    s
      .replace(/\b\p{Lu}\p{Ll}{2,}\b/gu, (w) => {
        let x = names.get(w);
        if (!x) names.set(w, (x = fakeWord(r)));
        return x;
      })
      .replace(/\d+/g, (d) => String(Math.max(1, Math.round(Number(d) * (0.5 + r())))));
  let published = a.published;
  if (published) {
    const t = Date.parse(published.length === 10 ? published + 'T00:00:00Z' : published);
    if (!Number.isNaN(t)) published = new Date(t + Math.round((r() - 0.5) * 2 * 3 * 365) * 86_400_000).toISOString().slice(0, 10);
  }
  return {
    ...a,
    id: `${a.id}~v${k}`,
    title: rename(a.title),
    text: rename(a.text),
    url: a.url ? `${a.url}?variant=${k}` : null,
    published,
  };
}

/** Every article of `arts` once (shuffled, fixed seed), then variants of them, endlessly. */
function* realThenVariants(arts: readonly Article[]): Generator<Article> {
  const order = [...arts];
  if (order.length === 0) return;
  const r = rng(42);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let k = 0; ; k++) yield k < order.length ? order[k]! : variant(order[k % order.length]!, k);
}

/** Articles 0..size-1 of the benchmark corpus over `real` (all real ones first, shuffled). */
export function* benchCorpus(real: Article[], size: number): Generator<Article> {
  let i = 0;
  for (const a of realThenVariants(real)) {
    if (i++ >= size) return;
    yield a;
  }
}

/**
 * Endless distractors for the data set `own` evaluated inside a larger corpus: the other
 * sets' real articles (shuffled with a fixed seed), then variants of them. Only other sets
 * are varied, so no distractor is a renamed copy of the evaluated set's own stories.
 */
export function distractors(sets: ReadonlyMap<string, readonly Article[]>, own: string): Generator<Article> {
  return realThenVariants([...sets].filter(([name]) => name !== own).flatMap(([, arts]) => arts));
}

export const CORPUS_NOTE =
  'all real articles of the shared data sets first (shuffled, fixed seed), then synthetic variants of them ' +
  '(every capitalised word renamed, every number changed, date moved by up to 3 years) so that each variant is a distinct story';
