// Labelling helper: runs the engine over every multi-article story of a data set (first
// article against the rest) and prints the findings of the given kinds, for judging a sample.
// npx tsx bench/compare-sweep.ts SET --kinds=timing,naming [--limit N] [--skip N]
import { compareArticles } from '../src/core/compare';
import { byStory, dataPath, loadSet } from './compare-data';

const argv = process.argv.slice(2);
const data = dataPath(argv);
const set = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--data')!;
const kinds = new Set((argv.find((a) => a.startsWith('--kinds='))?.slice(8) ?? 'timing,naming,quote').split(','));
const num = (n: string, d: number) => Number(argv.find((a) => a.startsWith(`--${n}=`))?.split('=')[1] ?? d);
const limit = num('limit', 40), skip = num('skip', 0);
let shown = 0, seen = 0;
for (const [story, g] of byStory(loadSet(data, set)!)) {
  if (g.length < 2) continue;
  for (const t of argv.includes('--all-targets') ? g : g.slice(0, 1)) {
  const rest = g.filter((a) => a !== t);
  for (const d of compareArticles({ article: t!, score: 1 }, rest.map((a) => ({ article: a, score: 1 })))) {
    if (!kinds.has(d.kind)) continue;
    if (seen++ < skip) continue;
    if (shown++ >= limit) process.exit(0);
    console.log(`\n${story} ${t!.id} [${d.kind}] ${d.summary.slice(0, 300)}`);
    if (d.here) console.log(`   HERE: ${d.here.sentence.slice(0, 300)}`);
    for (const e of d.elsewhere) console.log(`   ${e.id} ${e.source}: ${e.sentence.slice(0, 300)}`);
  }
  }
}
