// `npm run eval:scale -- [--data PATH] [--sizes 10000,100000] [--set NAME] [--json]`
// Is the matcher as right in a large corpus as in the evaluation's small ones? The eval asks
// each set's articles against their own set only (50 to 5,894 articles); a reader's corpus
// grows to 100,000, where every common word is in thousands of articles, the candidate walk
// stops at its posting budget and a query's background is another crowd. So each set is
// evaluated again inside a corpus of `--sizes` articles: its own articles, then the other
// sets' real articles, then synthetic variants of those (bench/match-corpus.ts's generator:
// names renamed, numbers changed, dates moved), up to the size. Only other sets' articles are
// varied, so no distractor is a renamed copy of the set's own story. Every article of the set
// is asked, excluding itself; a match outside the set is a wrong pair. Pair precision, recall
// and F1 as the eval counts them, beside the set alone, and the query latency. Exits non-zero
// when a set's F1 inside 10,000 articles falls below its floor (CI runs `--sizes 10000`).
import { MatchIndex, extractMatchFeatures, type MatchFeatures } from '../src/core/match/index';
import { dataPath, listDatasets, loadDataset, type GoldArticle } from './data';
import { distractors } from './match-corpus';
import { pairScores } from './match-metrics';
import { searchArticle } from '../src/core/roundup-search';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SIZES = (opt('--sizes') ?? '10000,100000').split(',').map(Number);
const ONLY = opt('--set');
const JSON_OUT = argv.includes('--json');

/** Pair-F1 floors inside a corpus of 10,000, a little below what the matcher reaches there. */
const FLOOR_SIZE = 10_000;
const FLOORS: Record<string, number> = {
  'gva-longtail': 0.84, ecbplus: 0.83, basil: 0.93, newswcl50: 0.85, 'allsides-neus': 0.6,
};

const root = dataPath(argv);
const names = listDatasets(root);
if (!names.length) {
  console.log(`match-scale: no data under ${root}; nothing measured`);
  process.exit(0);
}
const sets = new Map(names.map((n) => [n, loadDataset(root, n)]));

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

function evaluate(own: GoldArticle[], feats: MatchFeatures[], index: MatchIndex) {
  const pos = new Map(own.map((a, i) => [a.id, i]));
  const outside = own.length; // every article not of the set: a story of its own that is never gold
  const ms: number[] = [];
  let strays = 0;
  const ranked = own.map((a, i) => {
    const t = performance.now();
    const m = searchArticle(index, a, feats[i]!, { exclude: [a.id], limit: 1000 }).matches;
    ms.push(performance.now() - t);
    return m.map((x) => {
      const p = pos.get(x.id);
      if (p === undefined) strays++;
      return p ?? outside;
    });
  });
  const s = pairScores([...own.map((a) => a.story), '\u0000outside'], ranked);
  return { ...s, strays: strays / own.length, p50: pct(ms, 0.5), p95: pct(ms, 0.95) };
}

const fmt = (x: number) => x.toFixed(3);
const failed: string[] = [];
for (const name of names) {
  if (ONLY && name !== ONLY) continue;
  const own = sets.get(name)!;
  const feats = own.map((a) => extractMatchFeatures(a));
  const alone = new MatchIndex();
  feats.forEach((f, i) => alone.add(own[i]!.id, f));
  const rows = [{ corpus: own.length, ...evaluate(own, feats, alone) }];
  for (const size of SIZES) {
    if (size <= own.length) continue;
    const index = new MatchIndex();
    feats.forEach((f, i) => index.add(own[i]!.id, f));
    const gen = distractors(sets, name);
    for (let next = gen.next(); index.size < size && !next.done; next = gen.next()) index.add(next.value.id, extractMatchFeatures(next.value));
    if (index.size < size) {
      console.log(`${name}: no other data set under ${root} to build a corpus of ${size} from; not measured`);
      continue;
    }
    rows.push({ corpus: index.size, ...evaluate(own, feats, index) });
  }
  for (const r of rows) {
    if (JSON_OUT) {
      console.log(JSON.stringify({ name, corpus: r.corpus, precision: r.precision, recall: r.recall, f1: r.f1, strays_per_query: r.strays, p50_ms: r.p50, p95_ms: r.p95 }));
    } else {
      console.log(`${name.padEnd(14)} corpus ${String(r.corpus).padStart(6)}  P ${fmt(r.precision)}  R ${fmt(r.recall)}  F1 ${fmt(r.f1)}  outside matches/query ${r.strays.toFixed(3)}  query p50/p95 ${r.p50.toFixed(1)}/${r.p95.toFixed(1)} ms`);
    }
    const floor = FLOORS[name];
    if (r.corpus === FLOOR_SIZE && floor !== undefined && r.f1 < floor) failed.push(`${name}: F1 ${fmt(r.f1)} inside ${FLOOR_SIZE} articles, below its floor ${floor}`);
  }
}
if (failed.length) {
  for (const f of failed) console.error(`match-scale: ${f}`);
  process.exit(1);
}
