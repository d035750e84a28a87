// Fits the weights of the same-story model (MODEL in src/core/match/score.ts) on all the
// evaluation sets pooled, each set weighing the same, and checks how the fit generalises by
// leaving each set out in turn. The weights are then copied into score.ts by hand: the
// product never fits anything at run time.
// `npx tsx bench/match-fit.ts [--data PATH]`
import { writeFileSync } from 'node:fs';
import { MatchIndex, extractMatchFeatures } from '../src/core/match/index';
import type { PairFeatures } from '../src/core/match/score';
import { dataPath, listDatasets, loadDataset } from './data';

const ALL = ['cos', 'contain', 'title', 'names', 'nameCount', 'exclusive', 'rare', 'gapLog', 'gapUnknown', 'rel', 'rankLog', 'ratio', 'hop'] as const;
// FIT_KEYS=cos,rel,... fits a subset (to compare feature sets); the default is all of them.
const KEYS = (process.env.FIT_KEYS ? process.env.FIT_KEYS.split(',') : [...ALL]) as (typeof ALL)[number][];

interface Set_ {
  name: string;
  X: number[][];
  y: number[];
  gold: number;
}

function collect(root: string, name: string): Set_ {
  const arts = loadDataset(root, name);
  const feats = arts.map((a) => extractMatchFeatures(a));
  const idx = new MatchIndex();
  feats.forEach((f, i) => idx.add(arts[i]!.id, f));
  const story = new Map(arts.map((a) => [a.id, a.story]));
  const X: number[][] = [];
  const y: number[] = [];
  const size = new Map<string, number>();
  for (const a of arts) size.set(a.story, (size.get(a.story) ?? 0) + 1);
  let gold = 0;
  for (const k of size.values()) gold += k * (k - 1);
  arts.forEach((a, i) => {
    // The 60 most similar candidates per query: the rest are never near the threshold.
    const cands = idx.explain(feats[i]!, [a.id]).sort((p, q) => q.x.cos - p.x.cos).slice(0, 60);
    for (const c of cands) {
      if (c.x.copy) {
        X.push([]); // copies are decided by the copy rule, not the model
      } else X.push(KEYS.map((k) => (c.x as PairFeatures)[k] as number));
      y.push(story.get(c.id) === a.story ? 1 : 0);
    }
  });
  return { name, X, y, gold };
}

const sig = (z: number) => 1 / (1 + Math.exp(-z));

function fit(sets: Set_[], l2 = 1e-3): number[] {
  const d = KEYS.length + 1;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < 25; it++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const s of sets) {
      const sw = 1 / s.y.length; // every data set weighs the same
      s.X.forEach((x, i) => {
        if (x.length === 0) return;
        const v = [1, ...x];
        let z = 0;
        for (let k = 0; k < d; k++) z += w[k]! * v[k]!;
        const p = sig(z);
        const r = (p - s.y[i]!) * sw;
        const h = p * (1 - p) * sw;
        for (let a = 0; a < d; a++) {
          g[a]! += r * v[a]!;
          for (let b = 0; b < d; b++) H[a]![b]! += h * v[a]! * v[b]!;
        }
      });
    }
    for (let a = 0; a < d; a++) {
      g[a]! += l2 * w[a]! * sets.length;
      H[a]![a]! += l2 * sets.length;
    }
    const step = solve(H, g);
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

function f1(s: Set_, w: number[], th: number): { p: number; r: number; f1: number } {
  let pred = 0;
  let ok = 0;
  s.X.forEach((x, i) => {
    let p = 1;
    if (x.length) {
      let z = w[0]!;
      x.forEach((v, k) => (z += w[k + 1]! * v));
      p = sig(z);
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

function bestThreshold(sets: Set_[], w: number[]): number {
  let best = 0.5;
  let bestMean = -1;
  for (let th = 0.05; th <= 0.95; th += 0.025) {
    const m = sets.reduce((a, s) => a + f1(s, w, th).f1, 0) / sets.length;
    if (m > bestMean) [bestMean, best] = [m, th];
  }
  return Math.round(best * 1000) / 1000;
}

const root = dataPath(process.argv.slice(2));
const sets = listDatasets(root).map((n) => {
  const s = collect(root, n);
  process.stderr.write(`${n}: ${s.y.length} candidate pairs, ${s.y.filter(Boolean).length} same-story of ${s.gold} gold\n`);
  return s;
});
const dump = process.argv.indexOf('--dump');
if (dump > 0) {
  // Development aid: the candidate pairs as TSV, to try models outside this script.
  const lines = [['set', 'gold', 'y', ...KEYS].join('\t')];
  for (const s of sets) s.X.forEach((x, i) => lines.push([s.name, s.gold, s.y[i], ...(x.length ? x : KEYS.map(() => 'copy'))].join('\t')));
  writeFileSync(process.argv[dump + 1]!, lines.join('\n') + '\n');
  process.exit(0);
}
const w = fit(sets);
const th = bestThreshold(sets, w);
console.log('pooled weights:', Object.fromEntries([['bias', w[0]], ...KEYS.map((k, i) => [k, w[i + 1]])].map(([k, v]) => [k, Math.round((v as number) * 1000) / 1000])));
console.log('threshold', th);
for (const s of sets) {
  const r = f1(s, w, th);
  console.log(`  ${s.name}: F1 ${r.f1.toFixed(3)} (P ${r.p.toFixed(3)} R ${r.r.toFixed(3)})`);
}
console.log('leave one data set out (fit and threshold on the other four):');
for (const s of sets) {
  const rest = sets.filter((x) => x !== s);
  const wl = fit(rest);
  const tl = bestThreshold(rest, wl);
  const r = f1(s, wl, tl);
  console.log(`  ${s.name}: F1 ${r.f1.toFixed(3)} (P ${r.p.toFixed(3)} R ${r.r.toFixed(3)}) threshold ${tl}`);
}
