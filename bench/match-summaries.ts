// `npx tsx bench/match-summaries.ts [--data PATH] [--chars 200,400]`
// The corpus as feeds give it: most feeds carry a summary of each article (its first sentence
// or two), and the full text arrives only when the reader opens the page. Each article of
// each data set is read in full, against a corpus where every other article is only its
// title and its first N characters, cut at a sentence end. Prints pair precision, recall and
// F1 at each N beside the full-text corpus, with the fixed defaults.
import { existsSync } from 'node:fs';
import { MatchIndex, extractMatchFeatures } from '../src/core/match/index';
import { dataPath, listDatasets, loadDataset, type GoldArticle } from './data';
import { pairScores } from './match-metrics';
import { summary } from './summary';

const argv = process.argv.slice(2);
const charsArg = argv[argv.indexOf('--chars') + 1];
const sizes = argv.includes('--chars') && charsArg ? charsArg.split(',').map(Number) : [150, 300, 600];

function run(arts: GoldArticle[], chars: number | null): ReturnType<typeof pairScores> {
  const full = arts.map((a) => extractMatchFeatures(a));
  const stored = chars === null ? full : arts.map((a) => extractMatchFeatures({ ...a, text: summary(a.text, chars) }));
  const index = new MatchIndex();
  stored.forEach((f, i) => index.add(arts[i]!.id, f));
  const pos = new Map(arts.map((a, i) => [a.id, i]));
  const matched = full.map((f, i) => index.search(f, { exclude: [arts[i]!.id], limit: 1000 }).matches.map((m) => pos.get(m.id)!));
  return pairScores(arts.map((a) => a.story), matched);
}

const root = dataPath(argv);
if (!existsSync(root)) {
  process.stdout.write(`match-summaries: no data at ${root}; give --data PATH\n`);
} else {
  const f = (x: number) => x.toFixed(3);
  process.stdout.write(`| data set | full texts | ${sizes.map((n) => `summaries of ${n} chars`).join(' | ')} |\n|---|---|${sizes.map(() => '---|').join('')}\n`);
  for (const name of listDatasets(root)) {
    if (name === 'allsides-neus') continue; // excerpts already
    const arts = loadDataset(root, name);
    const cells = [null, ...sizes].map((n) => {
      const t0 = performance.now();
      const s = run(arts, n);
      process.stderr.write(`${name} ${n ?? 'full'}: ${Math.round(performance.now() - t0)} ms\n`);
      return `${f(s.f1)} (P ${f(s.precision)}, R ${f(s.recall)})`;
    });
    process.stdout.write(`| ${name} | ${cells.join(' | ')} |\n`);
  }
}
