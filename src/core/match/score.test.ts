// The pair features' dependence on the corpus's size (QueryContext).
import { describe, expect, it } from 'vitest';
import { DEFAULTS, QueryContext, type DocView } from './score';

const doc = (terms: number[]): DocView => ({
  terms: Int32Array.from(terms),
  counts: Uint16Array.from(terms.map(() => 1)),
  day: null, url: null, source: null, hash: String(terms), sig: new Uint32Array(32),
  words: 10, head: new Uint8Array(0), events: new Int32Array(0), weekdays: 0,
});

/** `rare` of a query and an article sharing terms 0 and 1, used by `others` other articles each. */
function rare(n: number, others: [number, number]): number {
  // Both articles are indexed: each term's df counts them too.
  const df = Int32Array.from(others.map((k) => k + 2));
  const ctx = new QueryContext(doc([0, 1]), df, new Uint8Array(2), n, true, () => '');
  return ctx.features(doc([0, 1])).rare;
}

/** The feature on the corpus's own scale, as it was before the cap. */
function ownScale(n: number, others: number[]): number {
  const scale = Math.log(n + 1);
  return Math.log1p(others.reduce((s, k) => s + Math.max(0, (scale - Math.log(k + 0.5)) / scale - 0.5), 0));
}

describe('rare', () => {
  it('is measured on the corpus\'s own scale up to rareCorpusMax articles', () => {
    for (const n of [50, 1_000, DEFAULTS.rareCorpusMax]) {
      expect(rare(n, [3, 40])).toBeCloseTo(ownScale(n, [3, 40]), 12);
    }
  });

  it('holds for every evaluation set, so the eval is what it was (gva-longtail: 5,894 and a query)', () => {
    expect(DEFAULTS.rareCorpusMax).toBeGreaterThanOrEqual(5_895);
  });

  it('in a larger corpus, counts a term as rare as it would in a corpus of rareCorpusMax', () => {
    const cap = DEFAULTS.rareCorpusMax;
    expect(rare(100_000, [3, 40])).toBeCloseTo(rare(cap, [3, 40]), 12);
    // 200 other articles: rare on the scale of 100,000 (df well under √100,000), not of 6,000.
    expect(ownScale(100_000, [200])).toBeGreaterThan(0);
    expect(rare(100_000, [200, 200])).toBe(0);
    expect(rare(100_000, [3, 40])).toBeLessThan(ownScale(100_000, [3, 40]));
    // The edge: rare below √(rareCorpusMax + 1) other articles, whatever the corpus's size.
    const edge = Math.sqrt(cap + 1) - 0.5;
    expect(rare(100_000, [Math.floor(edge), Math.floor(edge)])).toBeGreaterThan(0);
    expect(rare(100_000, [Math.ceil(edge), Math.ceil(edge)])).toBe(0);
  });
});
