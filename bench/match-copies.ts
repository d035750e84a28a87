// `npx tsx bench/match-copies.ts [--data PATH] [--copies 4] [--share 0.3]`
// What wire copies do to matching. A reader's corpus holds the same agency text under many
// outlets; the evaluation sets hardly do. So each set is evaluated again with `--copies`
// copies (another outlet, another URL, a credit line of its own under the text) of a `--share`
// of its articles, drawn with a fixed seed. Pair precision, recall and F1 are measured on the
// original articles only, as the eval scores them: a matcher that counts one text once
// scores as it does without the copies.
import { MatchIndex, extractMatchFeatures } from '../src/core/match/index';
import { dataPath, listDatasets, loadDataset, type GoldArticle } from './data';
import { pairScores } from './match-metrics';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const K = arg('--copies', 4);
const SHARE = arg('--share', 0.3);

function withCopies(arts: GoldArticle[]): GoldArticle[] {
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: GoldArticle[] = [];
  for (const a of arts) {
    if (rnd() >= SHARE) continue;
    for (let k = 0; k < K; k++) {
      out.push({ ...a, id: `${a.id}~wire${k}`, source: `wire${k}.example`, url: null, text: `${a.text}\n\nDistributed by Wire ${k} News Service. All rights reserved.` });
    }
  }
  return out;
}

function evaluate(arts: GoldArticle[], extra: GoldArticle[]) {
  const all = [...arts, ...extra];
  const feats = all.map((a) => extractMatchFeatures(a));
  const idx = new MatchIndex();
  feats.forEach((f, i) => idx.add(all[i]!.id, f));
  const pos = new Map(arts.map((a, i) => [a.id, i]));
  const ranked = arts.map((a, i) =>
    idx.search(feats[i]!, { exclude: [a.id], limit: 1000 }).matches.filter((m) => pos.has(m.id)).map((m) => pos.get(m.id)!),
  );
  return pairScores(arts.map((a) => a.story), ranked);
}

const root = dataPath(process.argv);
const sets = listDatasets(root);
if (sets.length === 0) {
  console.log(`no data sets under ${root}: nothing to measure`);
  process.exit(0);
}
console.log(`${K} copies of ${Math.round(SHARE * 100)} % of the articles; pair P / R / F1 over the original articles`);
console.log('| data set | articles | copies | without copies | with copies |');
console.log('|---|---|---|---|---|');
for (const name of sets) {
  const arts = loadDataset(root, name);
  const extra = withCopies(arts);
  const f = (s: ReturnType<typeof evaluate>) => `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} / **${s.f1.toFixed(3)}**`;
  console.log(`| ${name} | ${arts.length} | ${extra.length} | ${f(evaluate(arts, []))} | ${f(evaluate(arts, extra))} |`);
}
