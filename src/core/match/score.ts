// How alike two articles are, and whether that is enough to call them the same story.
import type { MatchReasons } from '../types';
import { minhashSimilarity } from './minhash';

/** The fixed defaults. One set for every corpus: see docs/matching.md for how they were chosen. */
export const DEFAULTS = {
  /** Matches returned by query() unless a limit is given. */
  limit: 50,
  /** Same-story threshold on the final score. */
  threshold: 0.2,
  /** Publication days within this gap count as "the same news cycle". */
  sameCycleDays: 3,
  /** How fast the score decays with the date gap beyond the news cycle (per e-fold of days). */
  dateDecay: 0.25,
  /** Estimated shingle overlap from which a text is taken for a copy of the other. */
  syndicatedMinhash: 0.6,
  /** Candidate generation: the query's rarest terms used, posting-list length cap and pool size. */
  candidatePostings: 20_000,
  candidateMinDf: 200,
  candidateDfFraction: 0.1,
  candidates: 300,
  /** Reasons listed per match. */
  reasonItems: 8,
} as const;

/** One article as the scorer sees it: interned term ids (−1 when unknown to the index). */
export interface DocView {
  terms: Int32Array;
  counts: Uint16Array;
  names: string[];
  day: number | null;
  url: string | null;
  source: string | null;
  hash: string;
  sig: number[];
}

export function dateFactor(gap: number | null): number {
  if (gap === null || gap <= DEFAULTS.sameCycleDays) return 1;
  return 1 / (1 + DEFAULTS.dateDecay * Math.log(gap / DEFAULTS.sameCycleDays));
}

const tfWeight = (c: number) => 1 + Math.log(c);

/**
 * Scores candidates against one query; the query's weights are computed once.
 *
 * Term rarity is measured in the rest of the corpus: the document frequency of a term
 * leaves out the two articles being compared. Otherwise a name that only these two
 * articles share (df = 2) would weigh less than a word only one of them uses (df = 1),
 * which in a small corpus drowns exactly the evidence that matters.
 */
export class QueryContext {
  private qw = new Map<number, { w: number; tf: number; df: number }>();
  private qNorm2 = 0;
  private qNames: Set<string>;
  private selfN: number;

  constructor(
    private q: DocView,
    private df: (t: number) => number,
    private n: number,
    selfIndexed: boolean,
    private term: (t: number) => string,
    private threshold: number = DEFAULTS.threshold,
  ) {
    this.selfN = selfIndexed ? 1 : 0;
    for (let i = 0; i < q.terms.length; i++) {
      const t = q.terms[i]!;
      const tf = tfWeight(q.counts[i]!);
      const dfo = t < 0 ? 0 : this.df(t) - this.selfN;
      const w = tf * this.idf(dfo);
      this.qNorm2 += w * w;
      if (t >= 0) this.qw.set(t, { w, tf, df: dfo });
    }
    this.qNames = new Set(q.names);
  }

  private idf(dfOther: number): number {
    return Math.log((this.n + 1) / (Math.max(0, dfOther) + 0.5));
  }

  score(d: DocView): { score: number; reasons: MatchReasons } | null {
    let dot = 0;
    let dn = 0;
    let qn = this.qNorm2;
    const shared: { t: number; c: number }[] = [];
    for (let i = 0; i < d.terms.length; i++) {
      const t = d.terms[i]!;
      const tf = tfWeight(d.counts[i]!);
      const qv = this.qw.get(t);
      if (qv === undefined) {
        const w = tf * this.idf(this.df(t) - 1);
        dn += w * w;
      } else {
        const idf = this.idf(qv.df - 1);
        const w = tf * idf;
        const wq = qv.tf * idf;
        dn += w * w;
        qn += wq * wq - qv.w * qv.w;
        dot += wq * w;
        shared.push({ t, c: wq * w });
      }
    }
    const cos = dot / (Math.sqrt(Math.max(qn, 1e-9)) * (Math.sqrt(dn) || 1));
    const gap = this.q.day !== null && d.day !== null ? Math.abs(this.q.day - d.day) : null;
    const copy = this.q.hash === d.hash || minhashSimilarity(this.q.sig, d.sig) >= DEFAULTS.syndicatedMinhash;
    let score = cos * dateFactor(gap);
    if (copy) score = Math.max(score, 1);
    if (score < this.threshold) return null;
    shared.sort((a, b) => b.c - a.c);
    const sharedTerms: string[] = [];
    for (const { t } of shared) {
      const s = this.term(t);
      if (s.startsWith('@')) continue;
      sharedTerms.push(s.startsWith('#') ? s.slice(1) : s);
      if (sharedTerms.length >= DEFAULTS.reasonItems) break;
    }
    const sharedNames = d.names.filter((n) => this.qNames.has(n)).slice(0, DEFAULTS.reasonItems);
    return {
      score: Math.round(score * 1e4) / 1e4,
      reasons: { sharedNames, sharedTerms, dayGap: gap, syndicated: copy },
    };
  }
}
