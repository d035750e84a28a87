// Labelling helper (not part of the eval): for discrepancy-candidate stories, prints the
// candidate snippets next to the engine's number findings, so a person can judge each.
// npx tsx bench/compare-label.ts [--max-articles N] [--min-articles N] [--from I] [--count K] [--stories=a,b]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareArticles } from '../src/core/compare';
import { dataPath, loadSet } from './compare-data';

const argv = process.argv.slice(2);
const opt = (n: string, d: number) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
const data = dataPath(argv);
const arts = new Map((loadSet(data, 'gva-longtail') ?? []).map((a) => [a.id, a]));
const cands = readFileSync(join(data, 'gva-longtail', 'discrepancy_candidates.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const maxA = opt('max-articles', 2);
const minA = opt('min-articles', 1);
const only = argv.find((a) => a.startsWith('--stories='))?.slice(10).split(',');
const sel = cands.filter((c) => (!only || only.includes(c.story)) && c.articles.length <= maxA && c.articles.length >= minA).slice(opt('from', 0), opt('from', 0) + opt('count', 10));
for (const c of sel) {
  console.log(`\n##### ${c.story} gva killed=${c.gva_num_killed} injured=${c.gva_num_injured}`);
  const ids: string[] = c.articles.map((a: { id: string }) => a.id);
  for (const a of c.articles) {
    console.log(`  ${a.id} ${a.source} ${a.published} killed=${a.max_killed_stated} injured=${a.max_injured_stated}`);
    for (const m of [...a.killed_mentions, ...a.injured_mentions]) console.log(`     | ${m.n}: ${m.snippet.replace(/\s+/g, ' ')}`);
  }
  const t = arts.get(ids[0]!)!;
  const others = ids.slice(1).map((id) => ({ article: arts.get(id)!, score: 1 }));
  const ds = compareArticles({ article: t, score: 1 }, others).filter((d) => ['numbers', 'timing', 'naming', 'quote', 'framing'].includes(d.kind));
  for (const d of ds) {
    console.log(`  >> [${d.kind}] ${d.summary}`);
    if (d.here) console.log(`       H: ${d.here.sentence.slice(0, 250)}`);
    for (const e of d.elsewhere) console.log(`       E: ${e.sentence.slice(0, 250)}`);
  }
}
