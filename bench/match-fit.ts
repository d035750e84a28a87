// Fits the weights of the same-story model (MODEL in src/core/match/score.ts) on all the
// evaluation sets pooled, each set weighing the same, and checks how the fit generalises by
// leaving each set out in turn. The weights are then copied into score.ts by hand: the
// product never fits anything at run time.
// `npx tsx bench/match-fit.ts [--data PATH] [--summaries N] [--embed N] [--dump FILE]`
import { writeFileSync } from 'node:fs';
import type { PairFeatures } from '../src/core/match/score';
import { extractMatchFeatures } from '../src/core/match/index';
import { dataPath, listDatasets, loadDataset } from './data';
import { distractors } from './match-corpus';
import { bestThreshold, fitLogistic, indexedSet, leaveOneOut, pairF1, type PairSet } from './logistic';

const ALL = ['cos', 'contain', 'title', 'names', 'nameCount', 'exclusive', 'rare', 'gapLog', 'gapUnknown', 'rel', 'ratio', 'hop', 'weekdayClash'] as const;
// FIT_KEYS=cos,rel,... fits a subset (to compare feature sets); the default is the shipped
// model's features (MODEL in score.ts).
const KEYS = (process.env.FIT_KEYS ? process.env.FIT_KEYS.split(',') : [...ALL]) as (typeof ALL)[number][];

function collect(root: string, name: string, summaryChars?: number, embed?: number): PairSet {
  const { arts, feats, idx, story, gold } = indexedSet(root, name, summaryChars);
  // Inside a larger corpus: the other sets' articles, then variants of them, up to `embed`
  // articles (bench/match-scale.ts). A candidate from outside the set is another story.
  if (embed) {
    const gen = distractors(new Map(listDatasets(root).map((n) => [n, loadDataset(root, n)])), name);
    for (let next = gen.next(); idx.size < embed && !next.done; next = gen.next()) idx.add(next.value.id, extractMatchFeatures(next.value));
  }
  const X: number[][] = [];
  const y: number[] = [];
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
  return { name: summaryChars ? `${name}~${summaryChars}` : embed ? `${name}@${embed}` : name, X, y, gold };
}

const root = dataPath(process.argv.slice(2));
// `--summaries N`: also each set (but allsides-neus, excerpts already) with its corpus as
// feeds give it, each article's title and first N characters, read by its full articles.
const sumArg = process.argv.indexOf('--summaries');
const summaryChars = sumArg > 0 ? Number(process.argv[sumArg + 1]) : undefined;
// `--embed N`: also each set inside a corpus of N articles (its own, the other sets', then
// variants of those), as a reader's corpus holds many other stories.
const embedArg = process.argv.indexOf('--embed');
const embed = embedArg > 0 ? Number(process.argv[embedArg + 1]) : undefined;
const names = listDatasets(root);
const variants: [string, number | undefined, number | undefined][] = [
  ...names.map((n): [string, undefined, undefined] => [n, undefined, undefined]),
  ...(summaryChars ? names.filter((n) => n !== 'allsides-neus').map((n): [string, number, undefined] => [n, summaryChars, undefined]) : []),
  ...(embed ? names.map((n): [string, undefined, number] => [n, undefined, embed]) : []),
];
const sets = variants.map(([n, chars, size]) => {
  const s = collect(root, n, chars, size);
  process.stderr.write(`${s.name}: ${s.y.length} candidate pairs, ${s.y.filter(Boolean).length} same-story of ${s.gold} gold\n`);
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
const w = fitLogistic(sets, KEYS.length, 1e-3, 25);
const th = bestThreshold(sets, w);
console.log('pooled weights:', Object.fromEntries([['bias', w[0]], ...KEYS.map((k, i) => [k, w[i + 1]])].map(([k, v]) => [k, Math.round((v as number) * 1000) / 1000])));
console.log('threshold', th);
for (const s of sets) {
  const r = pairF1(s, w, th);
  console.log(`  ${s.name}: F1 ${r.f1.toFixed(3)} (P ${r.p.toFixed(3)} R ${r.r.toFixed(3)})`);
}
console.log('leave one data set out (fit and threshold on the other data sets, each in all its forms):');
for (const r of leaveOneOut(sets, KEYS.length)) {
  console.log(`  ${r.name}: F1 ${r.f1.toFixed(3)} (P ${r.p.toFixed(3)} R ${r.r.toFixed(3)}) threshold ${r.threshold}`);
}
// A rough ceiling of these features on each set: fitted (log loss), and its threshold picked, on
// that set alone.
console.log('best per-set fit (each set fitted on itself):');
for (const s of sets) {
  const ws = fitLogistic([s], KEYS.length, 1e-3, 25);
  const r = pairF1(s, ws, bestThreshold([s], ws));
  console.log(`  ${s.name}: F1 ${r.f1.toFixed(3)} (P ${r.p.toFixed(3)} R ${r.r.toFixed(3)})`);
}
