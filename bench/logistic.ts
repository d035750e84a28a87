// The logistic regression behind the same-story model, shared by the fitting script
// (bench/match-fit.ts) and the feature experiments (bench/match-explore.ts), and the data
// set both fit on. Development only: the product never fits anything at run time.
import { MatchIndex, extractMatchFeatures, type MatchFeatures } from '../src/core/match/index';
import { loadDataset, type GoldArticle } from './data';
import { summary } from './summary';

/**
 * One evaluation set, indexed, with its gold story per article and its gold pair count. With
 * `summaryChars`, the index holds each article as a feed summary (bench/summary.ts) and
 * `feats` stay the full articles' (the queries).
 */
export function indexedSet(root: string, name: string, summaryChars?: number): { arts: GoldArticle[]; feats: MatchFeatures[]; idx: MatchIndex; story: Map<string, string>; gold: number } {
  const arts = loadDataset(root, name);
  const feats = arts.map((a) => extractMatchFeatures(a));
  const stored = summaryChars ? arts.map((a) => extractMatchFeatures({ ...a, text: summary(a.text, summaryChars) })) : feats;
  const idx = new MatchIndex();
  stored.forEach((f, i) => idx.add(arts[i]!.id, f));
  const story = new Map(arts.map((a) => [a.id, a.story]));
  const size = new Map<string, number>();
  for (const a of arts) size.set(a.story, (size.get(a.story) ?? 0) + 1);
  let gold = 0;
  for (const k of size.values()) gold += k * (k - 1);
  return { arts, feats, idx, story, gold };
}

/** Candidate pairs of one data set: a feature row per pair (empty = a copy, decided by rule). */
export interface PairSet {
  name: string;
  X: number[][];
  y: number[];
  /** Gold same-story pairs of the set, including those that never became candidates. */
  gold: number;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Newton's method with a little L2; every set weighs the same whatever its size. */
export function fitLogistic(sets: PairSet[], dims: number, l2 = 1e-3, iterations = 12): number[] {
  const d = dims + 1;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(d);
    const H = Array.from({ length: d }, () => new Float64Array(d));
    const v = new Float64Array(d);
    v[0] = 1;
    for (const s of sets) {
      const sw = 1 / s.y.length;
      s.X.forEach((x, i) => {
        if (x.length === 0) return;
        for (let k = 0; k < dims; k++) v[k + 1] = x[k]!;
        let z = 0;
        for (let k = 0; k < d; k++) z += w[k]! * v[k]!;
        const p = sigmoid(z);
        const r = (p - s.y[i]!) * sw;
        const h = p * (1 - p) * sw;
        for (let a = 0; a < d; a++) {
          g[a]! += r * v[a]!;
          const Ha = H[a]!;
          const hv = h * v[a]!;
          for (let b = 0; b < d; b++) Ha[b]! += hv * v[b]!;
        }
      });
    }
    for (let a = 0; a < d; a++) {
      g[a]! += l2 * w[a]! * sets.length;
      H[a]![a]! += l2 * sets.length;
    }
    const step = solve(H.map((r) => Array.from(r)), Array.from(g));
    w = w.map((x, k) => x - step[k]!);
  }
  return w;
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((r, i) => r[n]! / r[i]!);
}

/** Pair precision, recall and F1 of one set at a threshold (copies always count as predicted). */
export function pairF1(s: PairSet, w: number[], th: number): { p: number; r: number; f1: number } {
  let pred = 0;
  let ok = 0;
  s.X.forEach((x, i) => {
    let p = 1;
    if (x.length) {
      let z = w[0]!;
      x.forEach((v, k) => (z += w[k + 1]! * v));
      p = sigmoid(z);
    }
    if (p >= th) {
      pred++;
      ok += s.y[i]!;
    }
  });
  const P = pred ? ok / pred : 1;
  const R = s.gold ? ok / s.gold : 1;
  return { p: P, r: R, f1: P + R ? (2 * P * R) / (P + R) : 0 };
}

/** The threshold that maximises the mean F1 over the sets. */
export function bestThreshold(sets: PairSet[], w: number[]): number {
  let best = 0.5;
  let bestMean = -1;
  for (let th = 0.05; th <= 0.95; th += 0.025) {
    const m = sets.reduce((a, s) => a + pairF1(s, w, th).f1, 0) / sets.length;
    if (m > bestMean) [bestMean, best] = [m, th];
  }
  return Math.round(best * 1000) / 1000;
}

/** F1 of each set when it is left out: fitted, and its threshold chosen, on the others. */
export function leaveOneOut(sets: PairSet[], dims: number): { name: string; p: number; r: number; f1: number; threshold: number }[] {
  // A set's other forms (its summaries "name~N", the set inside a larger corpus "name@N")
  // hold the same queries and labels: they leave with it.
  const data = (name: string) => name.replace(/[~@].*$/, '');
  return sets.map((s) => {
    const rest = sets.filter((x) => data(x.name) !== data(s.name));
    const w = fitLogistic(rest, dims);
    const threshold = bestThreshold(rest, w);
    return { name: s.name, threshold, ...pairF1(s, w, threshold) };
  });
}
