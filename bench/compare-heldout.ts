// Labelling helper for a held-out batch: a fixed pseudo-random sample of multi-article gva
// stories that are NOT discrepancy candidates (and were never looked at while writing the
// rules). Prints each article's lead and the quantities the engine read, then the findings.
// npx tsx bench/compare-heldout.ts [--count N] [--seed S]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareArticles, extractFacts } from '../src/core/compare';
import { byStory, dataPath, loadSet } from './compare-data';

const argv = process.argv.slice(2);
const data = dataPath(argv);
const num = (n: string, d: number) => Number(argv[argv.indexOf(`--${n}`) + 1] ?? d) || d;
const count = num('count', 15), seed = num('seed', 7);
const cands = new Set(readFileSync(join(data, 'gva-longtail', 'discrepancy_candidates.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).story as string));
const stories = [...byStory(loadSet(data, 'gva-longtail')!)].filter(([s, g]) => g.length >= 2 && g.length <= 4 && !cands.has(s));
let x = seed;
const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = [...stories].sort(() => rand() - 0.5).slice(0, count);
for (const [story, g] of pick) {
  console.log(`\n##### ${story}`);
  for (const a of g) {
    const f = extractFacts(a);
    console.log(`  ${a.id} ${a.source} ${a.published}`);
    for (const [s, e] of f.sentences.slice(0, 3)) console.log(`     . ${a.text.slice(s, e).slice(0, 200)}`);
    for (const q of f.quantities) if (['killed', 'injured', 'shot', 'arrested'].includes(q.cat)) console.log(`     # ${q.key}=${q.text}${q.part ? ' (part)' : ''}: ${a.text.slice(f.sentences[q.s]![0], f.sentences[q.s]![1]).slice(0, 160)}`);
  }
  const [t, ...rest] = g;
  for (const d of compareArticles({ article: t!, score: 1 }, rest.map((a) => ({ article: a, score: 1 })))) {
    if (['numbers', 'timing', 'naming', 'quote', 'framing'].includes(d.kind)) console.log(`  >> [${d.kind}] ${d.summary.slice(0, 250)}`);
  }
}
