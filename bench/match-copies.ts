// `npx tsx bench/match-copies.ts [--data PATH] [--copies 4] [--share 0.3] [--trim 0] [--copies-first]`
// What wire copies do to matching. A reader's corpus holds the same agency text under many
// outlets; the evaluation sets hardly do. So each set is evaluated again with `--copies`
// copies (another outlet, another URL, a credit line of its own under the text) of a `--share`
// of its articles, drawn with a fixed seed. Pair precision, recall and F1 are measured on the
// original articles only, as the eval scores them: a matcher that counts one text once
// scores as it does without the copies. With `--trim T`, copy k keeps only the first
// 1 − k·T of the text's words, as outlets cut a wire text at the bottom, each a little more:
// at 0.15 the fourth copy keeps 55 %, too little to be a copy of the whole text, but it is
// one of the copy before it. With `--copies-first`, the copies are added before the articles,
// the most cut first: a corpus that met the wire text at its shortest first.
import { MatchIndex, extractMatchFeatures } from '../src/core/match/index';
import { dataPath, listDatasets, loadDataset, type GoldArticle } from './data';
import { pairScores } from './match-metrics';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const K = arg('--copies', 4);
const SHARE = arg('--share', 0.3);
const TRIM = arg('--trim', 0);
const COPIES_FIRST = process.argv.includes('--copies-first');

/** The first 1 − k·TRIM of the text's words (all of them without --trim). */
function cut(text: string, k: number): string {
  if (TRIM <= 0 || k === 0) return text;
  const parts = text.split(/(\s+)/);
  const words = Math.ceil(parts.length / 2);
  return parts.slice(0, 2 * Math.max(1, Math.round(words * (1 - k * TRIM))) - 1).join('');
}

function withCopies(arts: GoldArticle[]): GoldArticle[] {
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: GoldArticle[] = [];
  for (const a of arts) {
    if (rnd() >= SHARE) continue;
    for (let k = 0; k < K; k++) {
      out.push({ ...a, id: `${a.id}~wire${k}`, source: `wire${k}.example`, url: null, text: `${cut(a.text, k)}\n\nDistributed by Wire ${k} News Service. All rights reserved.` });
    }
  }
  return out;
}

function evaluate(arts: GoldArticle[], extra: GoldArticle[]) {
  const feats = arts.map((a) => extractMatchFeatures(a));
  const copyFeats = extra.map((a) => extractMatchFeatures(a));
  const idx = new MatchIndex();
  const addCopies = () => (COPIES_FIRST ? [...extra.keys()].reverse() : [...extra.keys()]).forEach((i) => idx.add(extra[i]!.id, copyFeats[i]!));
  if (COPIES_FIRST) addCopies();
  feats.forEach((f, i) => idx.add(arts[i]!.id, f));
  if (!COPIES_FIRST) addCopies();
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
console.log(`${K} copies of ${Math.round(SHARE * 100)} % of the articles${TRIM > 0 ? `, copy k cut to the first 1 − k × ${TRIM} of its words` : ''}${COPIES_FIRST ? ', added before the articles, the most cut first' : ''}; pair P / R / F1 over the original articles`);
console.log('| data set | articles | copies | without copies | with copies |');
console.log('|---|---|---|---|---|');
for (const name of sets) {
  const arts = loadDataset(root, name);
  const extra = withCopies(arts);
  const f = (s: ReturnType<typeof evaluate>) => `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} / **${s.f1.toFixed(3)}**`;
  console.log(`| ${name} | ${arts.length} | ${extra.length} | ${f(evaluate(arts, []))} | ${f(evaluate(arts, extra))} |`);
}
