// How alike two articles are, and whether that is enough to call them the same story.
import type { MatchReasons } from '../types';
import { minhashSimilarity } from './minhash';
import { stem } from './tokenize';

/** The fixed defaults. One set for every corpus: see docs/matching.md for how they were chosen. */
export const DEFAULTS = {
  /** Matches returned by query() unless a limit is given. */
  limit: 50,
  /** Same-story threshold on the final score (a probability-like value in 0..1). */
  threshold: 0.4,
  /** Estimated shingle overlap from which a text is taken for a copy of the other. */
  syndicatedMinhash: 0.6,
  /** Texts shorter than this (words after boilerplate removal) are never called copies. */
  syndicatedMinWords: 40,
  /** Candidate generation: posting entries walked per query, posting-list length cap, pool size. */
  candidatePostings: 20_000,
  candidateMinDf: 200,
  candidateDfFraction: 0.1,
  candidates: 300,
  /** Second hop: how many of the surest matches are used, and how sure they must be. */
  hopSeeds: 3,
  hopMinScore: 0.7,
  /**
   * Growing the story (story.ts): candidates whose own score is at least storyPoolMin, the
   * storyPool likeliest, join when their mean link to the story is at least storyMin.
   */
  storyPoolMin: 0.1,
  storyPool: 20,
  storyMin: 0.54,
  /**
   * The weight of shared neighbours in a story link (story.ts, sharedNeighbourLinks): how
   * alike two articles' links to the rest of the pool are, beside their own link.
   */
  storyNeighbours: 0.4,
  /**
   * A candidate's own neighbourhood (its background, ratio and second hop) is measured over
   * fewer candidates than a query's: the story's articles are added to them anyway.
   */
  neighbourCandidates: 30,
  neighbourPostings: 5_000,
  /** Reasons listed per match. */
  reasonItems: 8,
  /**
   * `rare` counts a shared term as rare on the scale of a corpus of at most this many
   * articles: about the largest the model was fitted on (5,894). In a larger corpus the
   * words of one kind of news are rarer than the model ever saw, and two stories of that kind
   * looked alike for sharing them (docs/matching.md, "Inside a larger corpus").
   */
  rareCorpusMax: 6_000,
  /** A match that shares no name with the query (and is no copy) needs at least this score. */
  namelessMin: 0.9,
  /**
   * Near misses (`search`'s `near`): candidates left out of the story whose own score is at
   * least this, offered to the reader to judge. Offers, not answers: on the evaluation sets
   * 0–35 % of them are the same story, and they hold a fifth or more of the missed pairs
   * (docs/matching.md, "The reader's word").
   */
  nearMin: 0.2,
} as const;

/**
 * Weights of the same-story model: a logistic function of the pair features below. Fitted
 * once on all five evaluation sets pooled (bench/match-fit.ts) and then fixed; docs/matching.md
 * reports how each data set fares when it is left out of the fit.
 */
export const MODEL = {
  bias: -3.294,
  cos: 1.07,
  contain: 1.653,
  title: 1.706,
  names: 0.395,
  nameCount: 0.195,
  exclusive: -0.285,
  rare: 1.3,
  gapLog: -0.927,
  gapUnknown: -1.358,
  rel: 1.324,
  ratio: 2.459,
  hop: 1.558,
  weekdayClash: -1.408,
} as const;

/** One article as the scorer sees it: interned term ids (−1 when unknown to the index). */
export interface DocView {
  terms: Int32Array;
  counts: Uint16Array;
  /** Names, for the query only (the reasons list the query's names that the match shares). */
  names?: string[];
  day: number | null;
  url: string | null;
  source: string | null;
  hash: string;
  sig: Uint32Array;
  words: number;
  /** Positions in `terms` of the headline's terms. */
  head: Uint8Array;
  /** Calendar days the text names (MatchFeatures.e). */
  events: Int32Array;
  /** Weekdays the headline and lede name, a 7-bit mask (MatchFeatures.wd). */
  weekdays: number;
  /** For a query: 1 where the term is a multi-word name (its id may be unknown). */
  nameFlags?: Uint8Array;
}

/** The evidence of one pair, before it is weighed. */
export interface PairFeatures {
  /** Cosine of the tf-idf vectors (idf measured without the two articles). */
  cos: number;
  /** Shared weight over the shorter article's weight: high when one text is contained in the other. */
  contain: number;
  /** Cosine of the headlines' terms (idf-weighted, binary). */
  title: number;
  /** Weighted overlap of multi-word names. */
  names: number;
  /** log(1 + multi-word names both articles use). */
  nameCount: number;
  /** log(1 + terms that no other article in the corpus uses). */
  exclusive: number;
  /**
   * log(1 + Σ over shared terms of how far their rarity exceeds half the corpus's scale), the
   * corpus counted as at most DEFAULTS.rareCorpusMax articles.
   */
  rare: number;
  /** log(1 + days between publications beyond the first), 0 when unknown. */
  gapLog: number;
  gapUnknown: number;
  /** cos minus the query's background similarity (its typical candidate). Set by the index. */
  rel: number;
  /** log(1 + rank of this candidate among the query's candidates, by cos). Set by the index. */
  rankLog: number;
  /** cos over the best candidate's cos. Set by the index. */
  ratio: number;
  /** Best similarity to one of the query's surest matches, times that match's score. Set by the index. */
  hop: number;
  /** Days between publications, null when a date is unknown. */
  gap: number | null;
  /**
   * The gap once the days the texts name are counted: the least distance between the two
   * articles' days (publication and named), so a trial report that names the day of the
   * shooting is 0 days from the first reports. Only when both publication days are known.
   */
  eventGap: number | null;
  /**
   * 1 when both ledes name weekdays, none in common ("Monday" against "Thursday"), and the
   * articles were published within a week of each other or a date is unknown: two roundups of
   * a running story, or two look-alike events, on other days.
   */
  weekdayClash: number;
  copy: boolean;
  /** Whether the pair shares one of the query's names (DocView.names). */
  sharesName: boolean;
}

const tfWeight = (c: number) => 1 + Math.log(c);

/**
 * Whether two texts are copies of one (syndicated) article. A copy needs a real text on both
 * sides: two pages that are only a sign-in form are identical without being the same story.
 */
export function isCopyPair(a: Pick<DocView, 'words' | 'hash' | 'sig'>, b: Pick<DocView, 'words' | 'hash' | 'sig'>): boolean {
  return a.words >= DEFAULTS.syndicatedMinWords && b.words >= DEFAULTS.syndicatedMinWords &&
    (a.hash === b.hash || minhashSimilarity(a.sig, b.sig) >= DEFAULTS.syndicatedMinhash);
}

/**
 * ln(k + 0.5) for k ≥ 0 (k < 0 counts as 0), from a table that grows as needed. Rarity is
 * the hot loop of every rescoring: one logarithm per term of every candidate.
 */
let LOG_HALF = new Float64Array(0);
function logHalf(k: number): number {
  if (k <= 0) return LN_HALF;
  if (k >= LOG_HALF.length) {
    const next = new Float64Array(Math.max(1024, 2 ** Math.ceil(Math.log2(k + 1))));
    next.set(LOG_HALF);
    for (let i = LOG_HALF.length; i < next.length; i++) next[i] = Math.log(i + 0.5);
    LOG_HALF = next;
  }
  return LOG_HALF[k]!;
}
const LN_HALF = Math.log(0.5);

/** The least distance in days between one article's days (publication, named) and the other's. */
function nearestDays(qDay: number, qEv: Int32Array, dDay: number, dEv: Int32Array, gap: number): number {
  let best = gap;
  for (let i = -1; i < qEv.length; i++) {
    const a = i < 0 ? qDay : qEv[i]!;
    for (let j = -1; j < dEv.length; j++) {
      const g = Math.abs(a - (j < 0 ? dDay : dEv[j]!));
      if (g < best) best = g;
    }
  }
  return best;
}

/**
 * Whether two ledes name only other weekdays. Only within a week: a sentencing months later
 * names the weekday of the sentencing, not of the shooting, and the gap already weighs it.
 */
function weekdayClash(a: number, b: number, gap: number | null): number {
  return a !== 0 && b !== 0 && (a & b) === 0 && (gap === null || gap <= WEEKDAY_WEEK) ? 1 : 0;
}
const WEEKDAY_WEEK = 6;

/** The term a name is indexed under: "@" and the name for several words, else the word's stem. */
const nameKey = (n: string): string => (n.includes(' ') ? '@' + n : stem(n));

/**
 * The query's background: how similar its typical candidate is. Candidates are the articles
 * sharing its rarest terms, so in a corpus full of same-topic articles (every shooting in one
 * city) the background is high and a match has to stand out from it.
 */
export function setBackground(xs: PairFeatures[], extra: PairFeatures[] = []): void {
  if (xs.length === 0 && extra.length === 0) return;
  const order = xs.map((x, i) => [x.cos, i] as const).sort((a, b) => b[0] - a[0]);
  const bg = order.length ? order[Math.min(order.length - 1, BACKGROUND_RANK)]![0] : 0;
  // The best candidate that is not a copy: a wire copy of the query is no yardstick.
  // Floored, so that the best of a poor lot (a query with no story-mates at all) does not
  // look like a match just for being the best.
  const top = Math.max(RATIO_FLOOR, order.find(([, i]) => !xs[i]!.copy)?.[0] ?? 0);
  order.forEach(([c, i], r) => {
    const x = xs[i]!;
    x.rel = c - bg;
    x.rankLog = Math.log1p(r);
    x.ratio = Math.min(1, c / top);
  });
  // Articles the reader joined are measured against this background without moving it: a
  // join must not change how the other candidates score.
  for (const x of extra) {
    const r = order.findIndex(([c]) => c < x.cos);
    x.rel = x.cos - bg;
    x.rankLog = Math.log1p(r === -1 ? order.length : r);
    x.ratio = Math.min(1, x.cos / top);
  }
}
const BACKGROUND_RANK = 30;
/** About the 10th percentile of the cosine of same-story pairs in every evaluation set. */
const RATIO_FLOOR = 0.15;

export function combine(x: PairFeatures): number {
  if (x.copy) return 1;
  const z =
    MODEL.bias + MODEL.cos * x.cos + MODEL.contain * x.contain + MODEL.title * x.title + MODEL.names * x.names + MODEL.nameCount * x.nameCount +
    MODEL.exclusive * x.exclusive + MODEL.rare * x.rare + MODEL.gapLog * x.gapLog + MODEL.gapUnknown * x.gapUnknown + MODEL.rel * x.rel + MODEL.ratio * x.ratio + MODEL.hop * x.hop +
    MODEL.weekdayClash * x.weekdayClash;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Scores candidates against one query; the query's weights are computed once.
 *
 * Term rarity is measured in the rest of the corpus: the document frequency of a term
 * leaves out the two articles being compared. Otherwise a name that only these two
 * articles share (df = 2) would weigh less than a word only one of them uses (df = 1),
 * which in a small corpus drowns exactly the evidence that matters.
 */
export class QueryContext {
  /** The query's terms in an open-addressing table (term id → position), the hot lookup. */
  private keys: Int32Array;
  private pos: Int32Array;
  private mask: number;
  private qwW: Float64Array;
  private qwTf: Float64Array;
  private qwDf: Float64Array;
  /** 1 at the positions of the query's terms that stand for one of its names. */
  private qNameAt: Uint8Array;
  private qNorm2 = 0;
  private qNameW = 0;
  private qNames: string[];
  /** The query's headline terms with their idf (rest of the corpus), and their squared norm. */
  private qHead = new Map<number, number>();
  private qHeadNorm2 = 0;
  private selfN: number;
  private readonly logN1: number;
  /** `rare`'s scale, ln(N + 1) of a corpus of at most rareCorpusMax, and what idf exceeds it by. */
  private readonly rareScale: number;
  private readonly rareShift: number;

  /**
   * `df` and `isName` are the index's own arrays, by term id (read only). `selfIndexed`: the
   * query is one of the `n` articles, so its own occurrences are left out of its terms' df.
   */
  constructor(
    private q: DocView,
    private df: Int32Array,
    private isName: Uint8Array,
    private n: number,
    selfIndexed: boolean,
    private term: (t: number) => string,
  ) {
    this.selfN = selfIndexed ? 1 : 0;
    this.logN1 = Math.log(n + 1);
    this.rareScale = Math.log(Math.min(n, DEFAULTS.rareCorpusMax) + 1);
    this.rareShift = this.logN1 - this.rareScale;
    const m = q.terms.length;
    let cap = 16;
    while (cap < m * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap).fill(-1);
    this.pos = new Int32Array(cap);
    this.qwW = new Float64Array(m);
    this.qwTf = new Float64Array(m);
    this.qwDf = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const t = q.terms[i]!;
      const tf = tfWeight(q.counts[i]!);
      const dfo = t < 0 ? 0 : (this.df[t] ?? 0) - this.selfN;
      const w = tf * this.idf(dfo);
      this.qNorm2 += w * w;
      if (q.nameFlags ? q.nameFlags[i] === 1 : t >= 0 && this.isName[t] === 1) this.qNameW += this.idf(dfo);
      if (t < 0) continue;
      this.qwW[i] = w;
      this.qwTf[i] = tf;
      this.qwDf[i] = dfo;
      let h = t & this.mask;
      while (this.keys[h] !== -1 && this.keys[h] !== t) h = (h + 1) & this.mask;
      this.keys[h] = t;
      this.pos[h] = i;
    }
    this.qNames = q.names ?? [];
    this.qNameAt = new Uint8Array(m);
    if (this.qNames.length > 0) {
      const keys = new Set(this.qNames.map(nameKey));
      for (let i = 0; i < m; i++) if (q.terms[i]! >= 0 && keys.has(this.term(q.terms[i]!))) this.qNameAt[i] = 1;
    }
    for (const i of q.head) {
      const t = q.terms[i]!;
      const idf = this.idf(t < 0 ? 0 : (this.df[t] ?? 0) - this.selfN);
      this.qHeadNorm2 += idf * idf;
      if (t >= 0) this.qHead.set(t, idf);
    }
  }

  /** Position of term `t` among the query's terms, or −1. */
  private find(t: number): number {
    let h = t & this.mask;
    for (;;) {
      const k = this.keys[h]!;
      if (k === t) return this.pos[h]!;
      if (k === -1) return -1;
      h = (h + 1) & this.mask;
    }
  }

  private idf(dfOther: number): number {
    return this.logN1 - logHalf(dfOther);
  }

  features(d: DocView): PairFeatures {
    let dot = 0;
    let dn = 0;
    let qn = this.qNorm2;
    let exclusive = 0;
    let rare = 0;
    let nameShared = 0;
    let nameCount = 0;
    let dNameW = 0;
    let qNameW = this.qNameW;
    let sharesName = false;
    const df = this.df;
    const isName = this.isName;
    for (let i = 0; i < d.terms.length; i++) {
      const t = d.terms[i]!;
      const tf = tfWeight(d.counts[i]!);
      const at = t < 0 ? -1 : this.find(t);
      if (at < 0) {
        const idf = this.idf((t < 0 ? 0 : df[t]!) - 1);
        dn += tf * tf * idf * idf;
        if (t >= 0 && isName[t] === 1) dNameW += idf;
      } else {
        const dfo = this.qwDf[at]! - 1;
        const idf = this.idf(dfo);
        const w = tf * idf;
        const wq = this.qwTf[at]! * idf;
        dn += w * w;
        qn += wq * wq - this.qwW[at]! * this.qwW[at]!;
        dot += wq * w;
        if (dfo <= 0) exclusive++;
        rare += Math.max(0, (idf - this.rareShift) / this.rareScale - 0.5);
        if (isName[t] === 1) {
          nameShared += idf;
          nameCount++;
          dNameW += idf;
          qNameW += idf - this.idf(this.qwDf[at]!);
        }
        if (this.qNameAt[at] === 1) sharesName = true;
      }
    }
    let hDot = 0;
    let hd = 0;
    let hq = this.qHeadNorm2;
    for (const i of d.head) {
      const t = d.terms[i]!;
      const qi = t < 0 ? undefined : this.qHead.get(t);
      if (qi === undefined) {
        const idf = this.idf((t < 0 ? 0 : df[t]!) - 1);
        hd += idf * idf;
      } else {
        const idf = this.idf(this.qwDf[this.find(t)]! - 1);
        hd += idf * idf;
        hq += idf * idf - qi * qi;
        hDot += idf * idf;
      }
    }
    qn = Math.max(qn, 1e-9);
    dn = Math.max(dn, 1e-9);
    const cos = dot / Math.sqrt(qn * dn);
    const gap = this.q.day !== null && d.day !== null ? Math.abs(this.q.day - d.day) : null;
    const eventGap = gap === null ? null : nearestDays(this.q.day!, this.q.events, d.day!, d.events, gap);
    const copy = isCopyPair(this.q, d);
    return {
      cos,
      contain: Math.min(1, dot / Math.min(qn, dn)),
      title: hDot > 0 ? hDot / Math.sqrt(Math.max(hq, 1e-9) * Math.max(hd, 1e-9)) : 0,
      names: nameShared > 0 ? nameShared / Math.min(qNameW, dNameW) : 0,
      nameCount: Math.log1p(nameCount),
      exclusive: Math.log1p(exclusive),
      rare: Math.log1p(rare),
      gapLog: eventGap === null ? 0 : Math.log1p(Math.max(0, eventGap - 1)),
      gapUnknown: gap === null ? 1 : 0,
      rel: 0,
      rankLog: 0,
      ratio: 0,
      hop: 0,
      weekdayClash: weekdayClash(this.q.weekdays, d.weekdays, gap),
      gap,
      eventGap,
      copy,
      sharesName,
    };
  }

  reasons(d: DocView, x: PairFeatures): MatchReasons {
    // The shared terms again, with what each adds to the dot product (as in features()).
    const shared: { t: number; c: number }[] = [];
    for (let i = 0; i < d.terms.length; i++) {
      const t = d.terms[i]!;
      const at = t < 0 ? -1 : this.find(t);
      if (at < 0) continue;
      const idf = this.idf(this.qwDf[at]! - 1);
      shared.push({ t, c: this.qwTf[at]! * idf * tfWeight(d.counts[i]!) * idf });
    }
    shared.sort((a, b) => b.c - a.c);
    const sharedTerms: string[] = [];
    for (const { t } of shared) {
      const s = this.term(t);
      if (s.startsWith('@')) continue;
      sharedTerms.push(s.startsWith('#') ? s.slice(1) : s);
      if (sharedTerms.length >= DEFAULTS.reasonItems) break;
    }
    // The query's names that the match shares: a multi-word name through its "@"-term, a
    // single word through its stemmed term. The index keeps no name lists of its own.
    const terms = new Set(shared.map((e) => this.term(e.t)));
    const sharedNames = this.qNames.filter((n) => terms.has(nameKey(n))).slice(0, DEFAULTS.reasonItems);
    return { sharedNames, sharedTerms, dayGap: x.gap, namedDay: this.namedDay(d, x), syndicated: x.copy };
  }

  /** The named day behind a pair's event gap, when it is shorter than the publication gap. */
  private namedDay(d: DocView, x: PairFeatures): string | null {
    if (x.gap === null || x.eventGap === null || x.eventGap >= x.gap) return null;
    const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    for (const [own, other, otherDay] of [[this.q.events, d.events, d.day!], [d.events, this.q.events, this.q.day!]] as const) {
      for (const e of own) {
        if (Math.abs(e - otherDay) === x.eventGap) return iso(e);
        for (const o of other) if (Math.abs(e - o) === x.eventGap) return iso(e);
      }
    }
    return null;
  }

}
