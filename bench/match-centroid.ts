// Development aid: would the story's centroid find what the story step misses? Rocchio-style
// feedback: the mean of the unit tf-idf vectors of the query and its matches is scored against
// every article (terms in more than 10% of the corpus, or 200 articles, left out, as in the
// candidate walk), and articles close to it are added to the matches. docs/matching.md
// ("Tried and not shipped") reports what it measured.
// `npx tsx bench/match-centroid.ts [--data PATH] [--set NAME]`
import { MatchIndex, extractMatchFeatures } from '../src/core/match/index';
import { dataPath, listDatasets, loadDataset } from './data';
import { pairScores } from './match-metrics';

type Rule = [label: string, add: (c: number, weakest: number, background: number) => boolean];
const RULES: Rule[] = [
  ...[0.3, 0.35, 0.4, 0.5].map((t): Rule => [`centroid cosine ≥ ${t}`, (c) => c >= t]),
  ...[0.8, 0.9, 1].map((b): Rule => [`≥ ${b} × the weakest match's`, (c, w) => c >= b * w]),
  ...[0.2, 0.25].map((d): Rule => [`≥ background + ${d}`, (c, _w, bg) => c - bg >= d]),
];

const argv = process.argv.slice(2);
const root = dataPath(argv);
const only = argv.includes('--set') ? argv[argv.indexOf('--set') + 1] : undefined;
for (const name of listDatasets(root).filter((n) => !only || n === only)) {
  const arts = loadDataset(root, name);
  const feats = arts.map((a) => extractMatchFeatures(a));
  const pos = new Map(arts.map((a, i) => [a.id, i]));
  const idx = new MatchIndex();
  feats.forEach((f, i) => idx.add(arts[i]!.id, f));
  const lists = feats.map((f, i) => idx.search(f, { exclude: [arts[i]!.id], limit: 1000 }).matches.map((m) => pos.get(m.id)!));

  const n = arts.length;
  const df = new Map<string, number>();
  for (const f of feats) for (const t of f.t) df.set(t, (df.get(t) ?? 0) + 1);
  const postings = new Map<string, [number, number][]>();
  const unit = feats.map((f, i) => {
    const w = f.t.map((t, k) => (1 + Math.log(f.c[k]!)) * Math.log((n + 1) / (df.get(t)! + 0.5)));
    const norm = Math.hypot(...w) || 1;
    f.t.forEach((t, k) => {
      let l = postings.get(t);
      if (!l) postings.set(t, (l = []));
      l.push([i, w[k]! / norm]);
    });
    return w.map((x) => x / norm);
  });
  const maxDf = Math.max(200, n * 0.1);
  const out = RULES.map((): number[][] => []);
  lists.forEach((matches, i) => {
    if (matches.length === 0) return out.forEach((o) => o.push(matches));
    const members = [i, ...matches];
    const centroid = new Map<string, number>();
    for (const m of members) feats[m]!.t.forEach((t, k) => centroid.set(t, (centroid.get(t) ?? 0) + unit[m]![k]!));
    const norm = Math.hypot(...centroid.values());
    const score = new Map<number, number>();
    for (const [t, w] of centroid) {
      const l = postings.get(t)!;
      if (l.length > maxDf) continue;
      for (const [j, x] of l) score.set(j, (score.get(j) ?? 0) + (w / norm) * x);
    }
    const sorted = [...score.values()].sort((a, b) => b - a);
    const background = sorted[Math.min(sorted.length - 1, 30 + members.length)] ?? 0;
    const weakest = Math.min(...matches.map((m) => score.get(m) ?? 0));
    const inStory = new Set(members);
    RULES.forEach(([, add], r) => {
      out[r]!.push([...matches, ...[...score].filter(([j, c]) => !inStory.has(j) && add(c, weakest, background)).map(([j]) => j)]);
    });
  });
  const stories = arts.map((a) => a.story);
  const fmt = (label: string, l: number[][]) => {
    const s = pairScores(stories, l);
    return `  ${label.padEnd(32)} F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}`;
  };
  console.log([name, fmt('the story step (shipped)', lists), ...RULES.map(([label], r) => fmt(label, out[r]!))].join('\n'));
}
