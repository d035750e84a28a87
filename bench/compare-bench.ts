// Speed of the comparison engine on real articles (`npx tsx bench/compare-bench.ts [--data PATH]`):
// extractFacts on one article (goal < 20 ms) and compareArticles for a ~1,500-word article
// against 10 matched articles (goal < 50 ms), with facts extracted beforehand (as the
// extension stores them) and without. Prints the measured numbers; asserts nothing.
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { compareArticles, extractFacts, type ArticleFacts } from '../src/core/compare';
import type { Article } from '../src/core/types';
import { byStory, dataPath, loadSet } from './compare-data';

const data = dataPath(process.argv.slice(2));
if (!existsSync(data)) {
  console.log(`compare-bench: skipped, no data at ${data}`);
  process.exit(0);
}
const words = (a: Article) => a.text.split(/\s+/).length;
const all = [...(loadSet(data, 'basil') ?? []), ...(loadSet(data, 'newswcl50') ?? []), ...(loadSet(data, 'gva-longtail') ?? [])];

// The target: a BASIL article close to 1,500 words, with its own story's articles first among
// the others, then the articles closest to 1,500 words: the worst case of long matches.
const byLength = [...all].sort((x, y) => Math.abs(words(x) - 1500) - Math.abs(words(y) - 1500));
const target = byLength.find((a) => a.id.startsWith('basil-')) ?? byLength[0]!;
const story = byStory(all).get(target.story) ?? [];
const others = [...story.filter((a) => a.id !== target.id), ...byLength.filter((a) => a.story !== target.story)].slice(0, 10);

function time(label: string, runs: number, f: () => void): number {
  for (let i = 0; i < 5; i++) f(); // warm-up: let the JIT compile the regular expressions
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  const med = t[Math.floor(t.length / 2)]!, p95 = t[Math.floor(t.length * 0.95)]!;
  console.log(`${label.padEnd(58)} median ${med.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   (${runs} runs)`);
  return med;
}

console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, node ${process.version}`);
console.log(`target: ${target.id} (${words(target)} words); others: ${others.length} articles, ${others.reduce((n, a) => n + words(a), 0)} words in all`);
time('extractFacts, the ~1,500-word article', 50, () => extractFacts(target));
const sample = all.filter((_, i) => i % Math.ceil(all.length / 300) === 0);
const per: number[] = [];
for (const a of sample) {
  const s = performance.now();
  extractFacts(a);
  per.push(performance.now() - s);
}
per.sort((a, b) => a - b);
console.log(`${'extractFacts over ' + sample.length + ' real articles (any length)'.padEnd(40)}`.padEnd(58) + ` median ${per[per.length >> 1]!.toFixed(2).padStart(7)} ms   max ${per[per.length - 1]!.toFixed(2).padStart(7)} ms`);
const facts = new Map<string, ArticleFacts>([target, ...others].map((a) => [a.id, extractFacts(a)]));
time('compareArticles, 1 + 10 articles, facts stored', 50, () =>
  compareArticles({ article: target, facts: facts.get(target.id), score: 1 }, others.map((a) => ({ article: a, facts: facts.get(a.id), score: 1 }))),
);
time('compareArticles, 1 + 10 articles, facts computed on the fly', 20, () =>
  compareArticles({ article: target, score: 1 }, others.map((a) => ({ article: a, score: 1 }))),
);
