// Exploration helper for building the labelled set: prints the engine's findings for the
// first article (or --all articles) of the given stories.
// npx tsx bench/compare-explore.ts SET STORY... [--all] [--kinds numbers,omitted] [--data PATH]
import { compareArticles } from '../src/core/compare';
import { byStory, dataPath, loadSet } from './compare-data';

const argv = process.argv.slice(2);
const data = dataPath(argv);
const kindsArg = argv.find((a) => a.startsWith('--kinds='));
const kinds = kindsArg ? new Set(kindsArg.slice(8).split(',')) : null;
const all = argv.includes('--all');
const pos = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--data');
const [set, ...stories] = pos;
const arts = loadSet(data, set!);
if (!arts) throw new Error(`no data for ${set} in ${data}`);
const groups = byStory(arts);
for (const st of stories.length ? stories : [...groups.keys()]) {
  const g = groups.get(st) ?? [];
  if (g.length < 2) continue;
  console.log(`\n##### ${st}: ${g.map((a) => `${a.id} (${a.source}, ${a.published})`).join(' | ')}`);
  for (const a of all ? g : g.slice(0, 1)) {
    const diffs = compareArticles({ article: a, score: 1 }, g.filter((b) => b !== a).map((b) => ({ article: b, score: 1 })));
    for (const d of diffs) {
      if (kinds && !kinds.has(d.kind)) continue;
      console.log(`${a.id} [${d.kind}] ${d.summary}`);
      if (d.here) console.log(`   HERE: ${d.here.sentence.slice(0, 260)}`);
      for (const e of d.elsewhere) console.log(`   ${e.source}: ${e.sentence.slice(0, 260)}`);
    }
  }
}
