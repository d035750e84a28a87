// Development aid: tries candidate pair features outside the core before any is ported to
// score.ts. Fits the logistic model with and without them (pooled and leave-one-set-out)
// on each query's 60 most similar candidates, like bench/match-fit.ts. docs/matching.md
// ("Tried and not shipped") reports what it measured.
// `npx tsx bench/match-explore.ts [--data PATH]`; KEYS=a,b,a*b (and KEYS2=…) fit a chosen
// feature list, where a*b is a product of two features; ONLY_ENV=1 skips the one-by-one list.
import type { PairFeatures } from '../src/core/match/score';
import { dataPath, listDatasets, type GoldArticle } from './data';
import { bestThreshold, fitLogistic, indexedSet, leaveOneOut, pairF1, type PairSet } from './logistic';

const BASE = ['cos', 'contain', 'title', 'names', 'nameCount', 'exclusive', 'rare', 'gapLog', 'gapUnknown', 'rel', 'ratio', 'hop', 'weekdayClash'];
const EXTRA = ['numClash', 'numClash2', 'numJac', 'numClashAny', 'monthClash', 'yearClash', 'wdSame', 'wdDiff', 'wdSetDiff', 'wdUndated', 'evGap', 'evGapX', 'rratio', 'mutual', 'yearGap', 'urlGap', 'urlGapUnknown', 'nameMiss', 'nameMissMax', 'headMiss', 'ledeClash', 'ledeMiss1', 'ledeMiss2'];

interface Row { f: Record<string, number>; y: number; copy: boolean }
interface S { name: string; rows: Row[]; gold: number }

const YEAR = /\b(19[5-9]\d|20[0-3]\d)\b/g;
function years(a: GoldArticle): number[] {
  const ys = new Map<number, number>();
  for (const m of (a.title + ' ' + a.text).matchAll(YEAR)) ys.set(+m[1]!, (ys.get(+m[1]!) ?? 0) + 1);
  return [...ys.keys()];
}
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
/** The weekdays the headline and lede name, first first (the shipped mask is weekdayClash's). */
function weekdays(a: GoldArticle, chars: number): string[] {
  const out: string[] = [];
  for (const m of (a.title + ' . ' + a.text.slice(0, chars)).matchAll(WEEKDAY)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}
const MONTHS = /\b(Jan(?:uary|\.)|Feb(?:ruary|\.)|March|April|May|June|July|Aug(?:ust|\.)|Sept?(?:ember|\.)|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.))/g;
/** Months the headline and lede name, by their first three letters. */
function months(a: GoldArticle, chars: number): string[] {
  const out = new Set<string>();
  for (const m of (a.title + ' . ' + a.text.slice(0, chars)).matchAll(MONTHS)) out.add(m[1]!.slice(0, 3));
  return [...out];
}
const NUM = /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])/g;
/** Specific numbers the headline and lede name: decimals, and whole numbers of 10 or more that are not years. */
function ledeNumbers(a: GoldArticle, chars: number): string[] {
  const out = new Set<string>();
  for (const m of (a.title + ' . ' + a.text.slice(0, chars)).matchAll(NUM)) {
    const s = m[1]!.replace(/,/g, '');
    const v = Number(s);
    if (s.includes('.') ? v > 0 : v >= 10 && !(v >= 1900 && v <= 2100 && s.length === 4)) out.add(String(v));
  }
  return [...out];
}
function ledeYears(a: GoldArticle, chars: number): number[] {
  return [...new Set([...(a.title + ' ' + a.text.slice(0, chars)).matchAll(YEAR)].map((m) => +m[1]!))];
}
function urlDay(u: string | null): number | null {
  if (!u) return null;
  const m = /\/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:\/|$|[-_])/.exec(u) ?? /\/((?:19|20)\d\d)(\d\d)(\d\d)\//.exec(u);
  if (!m) return null;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
  return Number.isNaN(t) ? null : Math.floor(t / 86400000);
}

function collect(root: string, name: string): S {
  const { arts, feats, idx, story, gold } = indexedSet(root, name);
  const lists = new Map<string, { id: string; x: PairFeatures }[]>();
  const info = new Map<string, { top: number; bg: number; rank: Map<string, number> }>();
  arts.forEach((a, i) => {
    const all = idx.explain(feats[i]!, [a.id]).sort((p, q) => q.x.cos - p.x.cos);
    const top = Math.max(0.15, all.find((c) => !c.x.copy)?.x.cos ?? 0);
    const bg = all[Math.min(all.length - 1, 30)]?.x.cos ?? 0;
    info.set(a.id, { top, bg, rank: new Map(all.map((c, r) => [c.id, r])) });
    lists.set(a.id, all.slice(0, 60));
  });
  const yrs = new Map(arts.map((a) => [a.id, years(a)]));
  const ndf = new Map<string, number>();
  for (const f of feats) for (const n of new Set(f.n)) ndf.set(n, (ndf.get(n) ?? 0) + 1);
  const N = arts.length;
  // The article's salient names: its most frequent names that are rare in the corpus.
  const salient = new Map(arts.map((a, i) => [a.id, feats[i]!.n.filter((n) => (ndf.get(n) ?? 0) <= Math.max(5, N * 0.02)).slice(0, 3)]));
  const headNames = new Map(arts.map((a, i) => [a.id, feats[i]!.n.filter((n) => a.title && a.title.toLowerCase().includes(n) && (ndf.get(n) ?? 0) <= Math.max(5, N * 0.02))]));
  const fullNames = new Map(arts.map((a, i) => [a.id, new Set<string>(feats[i]!.n.filter((n) => n.includes(' ') && (ndf.get(n) ?? 0) <= 3))]));
  const low = new Map(arts.map((a) => [a.id, (a.title + ' ' + a.text).toLowerCase()]));
  // The salient names of the headline and lede: who the report is about.
  const LEDE = +(process.env.LEDE_CHARS ?? 300);
  const ledeNames = new Map(arts.map((a, i) => {
    const lede = ((a.title ?? '') + ' ' + a.text.slice(0, LEDE)).toLowerCase();
    return [a.id, feats[i]!.n.filter((n) => lede.includes(n) && (ndf.get(n) ?? 0) <= Math.max(5, N * 0.02))];
  }));
  const miss = (from: string, to: string) => { const ns = salient.get(from)!; if (!ns.length) return 0; return ns.filter((n) => !low.get(to)!.includes(n)).length / ns.length; };
  const hmiss = (from: string, to: string) => headNames.get(from)!.filter((n) => !low.get(to)!.includes(n)).length;
  const day = new Map(arts.map((a, i) => [a.id, feats[i]!.d ?? urlDay(a.url)]));
  const dayOf = new Map(arts.map((a, i) => [a.id, feats[i]!.d]));
  const mentioned = new Map(arts.map((a, i) => [a.id, feats[i]!.e]));
  const wds = new Map(arts.map((a) => [a.id, weekdays(a, +(process.env.WD_CHARS ?? 1200))]));
  const mons = new Map(arts.map((a) => [a.id, months(a, 1200)]));
  const lys = new Map(arts.map((a) => [a.id, ledeYears(a, 1200)]));
  const nums = new Map(arts.map((a) => [a.id, ledeNumbers(a, +(process.env.NUM_CHARS ?? 1200))]));
  const rows: Row[] = [];
  for (const a of arts) {
    const me = info.get(a.id)!;
    for (const c of lists.get(a.id)!) {
      const o = info.get(c.id)!;
      const x = c.x as unknown as Record<string, number>;
      const f: Record<string, number> = {};
      for (const k of BASE) f[k] = x[k]!;
      const rr = o.rank.get(a.id) ?? 300;
      const qr = me.rank.get(c.id)!;
      f.rratio = Math.min(1, c.x.cos / o.top);
      f.rrel = c.x.cos - o.bg;
      f.rrank = Math.log1p(rr);
      f.qrank = Math.log1p(qr);
      f.mutual = rr < 3 && qr < 3 ? 1 : 0;
      const ya = yrs.get(a.id)!, yb = yrs.get(c.id)!;
      const ma = ya.length ? Math.max(...ya) : null, mb = yb.length ? Math.max(...yb) : null;
      f.yearGap = ma !== null && mb !== null ? Math.min(3, Math.abs(ma - mb)) : 0;
      const da = day.get(a.id)!, db = day.get(c.id)!;
      f.urlGap = da !== null && db !== null ? Math.log1p(Math.max(0, Math.abs(da - db) - 1)) : 0;
      f.urlGapUnknown = da !== null && db !== null ? 0 : 1;
      // Variants of the shipped gap (gapLog counts named days when both publication days are
      // known): evGap also when one is unknown, evGapX without named day against named day.
      {
        const A = [...mentioned.get(a.id)!], B = [...mentioned.get(c.id)!];
        const qa = dayOf.get(a.id)!, qb = dayOf.get(c.id)!;
        if (qa !== null) A.push(qa);
        if (qb !== null) B.push(qb);
        let g = c.x.gap ?? Infinity;
        for (const x of A) for (const y of B) g = Math.min(g, Math.abs(x - y));
        f.evGap = Number.isFinite(g) ? Math.log1p(Math.max(0, g - 1)) : 0;
        let gx = c.x.gap ?? Infinity;
        if (qb !== null) for (const x of mentioned.get(a.id)!) gx = Math.min(gx, Math.abs(x - qb));
        if (qa !== null) for (const y of mentioned.get(c.id)!) gx = Math.min(gx, Math.abs(y - qa));
        f.evGapX = Number.isFinite(gx) ? Math.log1p(Math.max(0, gx - 1)) : 0;
      }
      {
        const A = wds.get(a.id)!, B = wds.get(c.id)!;
        const both = A.length > 0 && B.length > 0;
        f.wdSame = both && A[0] === B[0] ? 1 : 0;
        f.wdDiff = both && A[0] !== B[0] ? 1 : 0;
        f.wdSetDiff = both && !A.some((d) => B.includes(d)) ? 1 : 0;
        f.wdUndated = f.wdSetDiff && c.x.gap === null ? 1 : 0;
        // Months and years named in the ledes, none in common, within a month or undated.
        const near = c.x.gap === null || c.x.gap <= 30;
        const MA = mons.get(a.id)!, MB = mons.get(c.id)!;
        f.monthClash = near && MA.length && MB.length && !MA.some((m) => MB.includes(m)) ? 1 : 0;
        const YA = lys.get(a.id)!, YB = lys.get(c.id)!;
        const NA = nums.get(a.id)!, NB = nums.get(c.id)!;
        const common = NA.filter((n) => NB.includes(n)).length;
        f.numClash = near && NA.length && NB.length && common === 0 ? 1 : 0;
        f.numClash2 = near && NA.length >= 2 && NB.length >= 2 && common === 0 ? 1 : 0;
        f.numClashAny = NA.length && NB.length && common === 0 ? 1 : 0;
        f.numJac = NA.length && NB.length ? common / (NA.length + NB.length - common) : 0;
        f.yearClash = near && YA.length && YB.length && !YA.some((y) => YB.includes(y)) ? 1 : 0;
      }
      {
        const near = c.x.gap === null || c.x.gap <= 6;
        const LA = ledeNames.get(a.id)!, LB = ledeNames.get(c.id)!;
        const both = near && LA.length > 0 && LB.length > 0;
        f.ledeClash = both && !LA.some((n) => LB.includes(n)) ? 1 : 0;
        const gone = (ns: string[], to: string) => ns.every((n) => !low.get(to)!.includes(n));
        const ga = both && gone(LA, c.id), gb = both && gone(LB, a.id);
        f.ledeMiss1 = ga || gb ? 1 : 0;
        f.ledeMiss2 = ga && gb ? 1 : 0;
      }
      const m1 = miss(a.id, c.id), m2 = miss(c.id, a.id);
      f.nameMiss = (m1 + m2) / 2;
      f.nameMissMax = Math.max(m1, m2);
      f.headMiss = Math.log1p(hmiss(a.id, c.id) + hmiss(c.id, a.id));
      // Full names (two words or more) that at most three articles use, shared by the pair.
      const nb = fullNames.get(c.id)!;
      f.rareFull = Math.log1p([...fullNames.get(a.id)!].filter((n) => nb.has(n)).length);
      rows.push({ f, y: story.get(c.id) === a.story ? 1 : 0, copy: c.x.copy });
    }
  }
  return { name, rows, gold };
}

/** The rows of a set as the fitting code wants them, for one choice of features. */
const asPairSet = (s: S, keys: string[]): PairSet => ({ name: s.name, gold: s.gold, y: s.rows.map((r) => r.y), X: s.rows.map((r) => (r.copy ? [] : keys.map((k) => r.f[k]!))) });

const root = dataPath(process.argv.slice(2));
const sets = listDatasets(root).map((n) => collect(root, n));
// "a*b" keys are products of two features (interactions), computed once.
const want = [...(process.env.KEYS?.split(',') ?? []), ...(process.env.KEYS2?.split(',') ?? [])];
for (const s of sets) for (const r of s.rows) for (const k of want) if (k.includes('*')) { const [a, b] = k.split('*'); r.f[k] = r.f[a!]! * r.f[b!]!; }
const variants: [string, string[]][] = [
  ['base', BASE],
  ...(process.env.ONLY_ENV ? [] : EXTRA.map((e) => ['+' + e, [...BASE, e]] as [string, string[]])),
  ...(process.env.ONLY_ENV ? [] : [['+all', [...BASE, ...EXTRA]] as [string, string[]]]),
  ...(process.env.KEYS ? [['env', process.env.KEYS.split(',')] as [string, string[]]] : []),
  ...(process.env.KEYS2 ? [['env2', process.env.KEYS2.split(',')] as [string, string[]]] : []),
];
for (const [label, keys] of variants) {
  const ps = sets.map((s) => asPairSet(s, keys));
  const w = fitLogistic(ps, keys.length);
  const th = bestThreshold(ps, w);
  const pooled = ps.map((s) => pairF1(s, w, th).f1.toFixed(3)).join(' ');
  // Leaving each set out costs five more fits: only for the base and the combined variants.
  const loo = label === 'base' || label === '+all' || label.startsWith('env') ? leaveOneOut(ps, keys.length).map((r) => r.f1.toFixed(3)).join(' ') : '-';
  console.log(`${label.padEnd(16)} pooled ${pooled} | loo ${loo}`);
  if (label === '+all' || label.startsWith('env')) console.log('   ', Object.fromEntries(['bias', ...keys].map((k, i) => [k, +w[i]!.toFixed(3)])), 'th', th.toFixed(3));
}
