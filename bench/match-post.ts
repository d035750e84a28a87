// Development aid: how much would post-processing of the per-article match lists gain
// (symmetrising scores, adding matches of sure matches)? Caches the scored lists in /tmp.
// `npx tsx bench/match-post.ts [--data PATH]`
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { MATCH_DEFAULTS, MATCH_FEATURES_VERSION, MatchIndex, extractMatchFeatures } from '../src/core/match/index';
import { dataPath, listDatasets, loadDataset } from './data';
import { pairScores } from './match-metrics';

const root = dataPath(process.argv.slice(2));
const TH = MATCH_DEFAULTS.threshold;
for (const name of listDatasets(root)) {
  // The pair model's own lists (no story step): what the post-processing would start from.
  const cache = `/tmp/match-post-v${MATCH_FEATURES_VERSION}-${name}.json`;
  const arts = loadDataset(root, name);
  let lists: [number, number][][];
  if (existsSync(cache)) lists = JSON.parse(readFileSync(cache, 'utf8'));
  else {
    const feats = arts.map((a) => extractMatchFeatures(a));
    const idx = new MatchIndex({ threshold: 0.02, stories: false });
    feats.forEach((f, i) => idx.add(arts[i]!.id, f));
    const pos = new Map(arts.map((a, i) => [a.id, i]));
    lists = feats.map((f, i) => idx.query(f, { exclude: [arts[i]!.id], limit: 1000 }).map((m) => [pos.get(m.id)!, m.score] as [number, number]));
    writeFileSync(cache, JSON.stringify(lists));
  }
  const stories = arts.map((a) => a.story);
  const S = lists.map((l) => new Map(l));
  const s = (a: number, b: number) => S[a]!.get(b) ?? 0;
  const out: string[] = [];
  const run = (label: string, pred: (a: number) => number[]) => {
    const r = pairScores(stories, arts.map((_, a) => pred(a)));
    out.push(`${label} ${r.f1.toFixed(3)} (P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)})`);
  };
  run('base', (a) => lists[a]!.filter(([, v]) => v >= TH).map(([b]) => b));
  for (const th of [0.3, 0.362, 0.45]) {
    run(`mean@${th}`, (a) => lists[a]!.filter(([b, v]) => (v + s(b, a)) / 2 >= th).map(([b]) => b));
    run(`min@${th}`, (a) => lists[a]!.filter(([b, v]) => Math.min(v, s(b, a)) >= th).map(([b]) => b));
  }
  for (const t1 of [0.6, 0.8]) for (const t2 of [0.6, 0.8]) {
    run(`hop${t1}/${t2}`, (a) => {
      const set = new Set(lists[a]!.filter(([, v]) => v >= TH).map(([b]) => b));
      for (const [b, v] of lists[a]!) if (v >= t1) for (const [c, w] of lists[b]!) if (w >= t2 && c !== a) set.add(c);
      return [...set];
    });
  }
  console.log(name + '\n  ' + out.join('\n  '));
}
