// How much of allsides-neus's shortfall is its missing dates. 910 of its 1,477 excerpts carry
// no publication day (the set took dates from URL paths only), while every page the extension
// reads, and every feed item, has one. This gives each undated excerpt a day near its AllSides
// roundup's date (stories.ndjson) and scores the fixed defaults again, as the eval does.
// An estimate, not the eval: the roundup's date is the story's, so it tells the matcher a
// little about the gold; hence the variant with each excerpt 0–2 days before the roundup.
// `npx tsx bench/match-dated.ts [--data PATH]`
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractMatchFeatures, MatchIndex } from '../src/core/match/index';
import { dataPath, loadDataset, type GoldArticle } from './data';
import { pairScores } from './match-metrics';

const SET = 'allsides-neus';

function score(arts: GoldArticle[]): string {
  const feats = arts.map((a) => extractMatchFeatures(a));
  const index = new MatchIndex();
  feats.forEach((f, i) => index.add(arts[i]!.id, f));
  const at = new Map(arts.map((a, i) => [a.id, i]));
  const ranked = arts.map((a, i) => index.search(feats[i]!, { exclude: [a.id], limit: 1000 }).matches.map((m) => at.get(m.id)!));
  const s = pairScores(arts.map((a) => a.story), ranked);
  return `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;
}

/** A fixed-seed generator, so that the jittered days are the same on every run. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const root = dataPath(process.argv.slice(2));
const storiesFile = join(root, SET, 'stories.ndjson');
if (!existsSync(storiesFile)) {
  console.log(`match-dated: no ${storiesFile}; skipping`);
  process.exit(0);
}
const roundupDay = new Map<string, number>();
for (const line of readFileSync(storiesFile, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const o = JSON.parse(line) as { story: string; allsides_date: string };
  roundupDay.set(o.story, Date.parse(o.allsides_date.slice(0, 10) + 'T00:00:00Z'));
}
const arts = loadDataset(root, SET);
const undated = arts.filter((a) => !a.published).length;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const rnd = lcg(7);
const variants: [string, GoldArticle[]][] = [
  ['as the set gives them', arts],
  ['undated: the roundup day', arts.map((a) => (a.published ? a : { ...a, published: day(roundupDay.get(a.story)!) }))],
  ['undated: 0–2 days before the roundup', arts.map((a) => (a.published ? a : { ...a, published: day(roundupDay.get(a.story)! - Math.floor(rnd() * 3) * 86_400_000) }))],
];
console.log(`${SET}: ${arts.length} excerpts, ${undated} without a date`);
for (const [label, set] of variants) console.log(`${label.padEnd(40)} ${score(set)}`);
