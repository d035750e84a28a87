// Labelling aid for a fresh held-out batch: a seeded random sample of stories never labelled
// before (any story id in bench/annotations is skipped), from gva-longtail (2–5 articles) or
// ecbplus (stories that report deaths; target + up to 5 others). For each article it prints
// the lead, every casualty/arrest quantity the engine read, every dated event, and for the
// target the names that are near-spellings of a name elsewhere (a lax net, to make the
// naming labels complete); then the engine's findings. Nothing is written to the repository.
// Other sets with a story field (newswcl50, basil, allsides-neus) work as gva-longtail does.
// --fires KIND (e.g. numbers): only stories where the engine, as it stands, gives the target at
// least one finding of that kind; each finding is then printed with its evidence sentences, to
// judge precision when the engine fires (batch 11). Recall cannot be measured on such a sample.
// npx tsx bench/compare-batch.ts [--set gva-longtail|ecbplus|newswcl50|basil|allsides-neus] [--count N] [--seed S] [--enrich timing|naming] [--fires KIND]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareArticles, extractFacts } from '../src/core/compare';
import { byStory, type DataArticle, dataPath, loadSet } from './compare-data';

const argv = process.argv.slice(2);
const data = dataPath(argv);
const arg = (n: string, d: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1]! : d);
const set = arg('set', 'gva-longtail'), count = Number(arg('count', '20')), seed = Number(arg('seed', '11'));
const annDir = join(import.meta.dirname, 'annotations');
const seen = new Set(readdirSync(annDir).flatMap((f) => readFileSync(join(annDir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).story as string)));
const deathy = /\b(killed|dead|died|death toll|killing)\b/i;
const lev = (a: string, b: string) => {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
};
// --enrich timing|naming: only stories where a lax net sees a candidate for the target (an
// event date of the same class on another day or weekday elsewhere; a name word one or two
// letters from a word elsewhere). Recall measured there is recall on what such a net can see.
const enrich = arg('enrich', '');
const lax = (g: { text: string; published: string | null }[]): boolean => {
  const fs = g.map((a) => extractFacts(a as never));
  if (enrich === 'timing') {
    const key = (d: (typeof fs)[0]['dates'][0]) => d.day ?? (d.weekday !== null ? `wd${d.weekday}` : d.md);
    return fs[0]!.dates.some((d) => /incident|death|arrest/.test(d.event) && fs.slice(1).some((f) => f.dates.some((e) => e.event === d.event && key(e) !== key(d) && (d.type === e.type || (d.day && e.day)))));
  }
  const w = (f: (typeof fs)[0]) => new Set(f.entities.flatMap((e) => e.name.split(/\s+/)).filter((x) => x.length >= 5 && /^[A-Z][a-z]/.test(x) && !/['’]s$/.test(x)));
  const mine = w(fs[0]!);
  return fs.slice(1).some((f) => [...w(f)].some((x) => !mine.has(x) && [...mine].some((m) => m[0] === x[0] && m.replace(/s$/, '') !== x.replace(/s$/, '') && lev(m.toLowerCase(), x.toLowerCase()) <= 2)));
};
const fires = arg('fires', '');
const unit = <T extends { text: string }>(g0: T[]): T[] => (set === 'ecbplus' ? g0.filter((a) => deathy.test(a.text)).slice(0, 6) : g0);
const fired = (g: DataArticle[]) => compareArticles({ article: g[0]!, score: 1 }, g.slice(1).map((a) => ({ article: a, score: 1 }))).some((d) => d.kind === fires);
const stories = [...byStory(loadSet(data, set)!)].filter(([s, g]) => !seen.has(s) && g.length >= 2 && (set !== 'ecbplus' || g.filter((a) => deathy.test(a.text)).length >= 3) && (set === 'ecbplus' || g.length <= 5) && (!enrich || lax(g)) && (!fires || fired(unit(g))));
if (fires) console.log(`${stories.length} unlabelled stories of ${set} where the engine gives a ${fires} finding`);
let x = seed;
const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = [...stories].sort((a, b) => (a[0] < b[0] ? -1 : 1)).sort(() => rand() - 0.5).slice(0, count);
for (const [story, g0] of pick) {
  const g = unit(g0);
  console.log(`\n##### ${story}  target=${g[0]!.id}  others=${JSON.stringify(g.slice(1).map((a) => a.id))}`);
  const facts = g.map((a) => extractFacts(a));
  g.forEach((a, i) => {
    const f = facts[i]!;
    const sent = (s: number) => a.text.slice(f.sentences[s]![0], f.sentences[s]![1]).replace(/\s+/g, ' ');
    console.log(`  ${a.id} ${a.source} ${a.published} (${f.sentences.length} sentences)`);
    for (let s = 0; s < Math.min(2, f.sentences.length); s++) console.log(`     . ${sent(s).slice(0, 220)}`);
    for (const q of f.quantities) if (['killed', 'injured', 'shot', 'arrested', 'charged', 'missing'].includes(q.cat)) console.log(`     # s${q.s} ${q.key}=${q.text}${q.part ? ' (part)' : ''}: ${sent(q.s).slice(0, 200)}`);
    for (const d of f.dates) console.log(`     @ s${d.s} ${d.event}/${d.word} ${d.text} ${d.day ?? d.md ?? ''} wd=${d.weekday}: ${sent(d.s).slice(0, 160)}`);
  });
  // lax near-spellings between the target and the others
  const words = (i: number) => new Set(facts[i]!.entities.flatMap((e) => e.name.split(/\s+/)).filter((w) => w.length >= 4));
  const mine = words(0), near: string[] = [];
  for (let i = 1; i < g.length; i++) for (const w of words(i)) for (const m of mine) if (w !== m && w[0] === m[0] && lev(w.toLowerCase(), m.toLowerCase()) <= 2 && !mine.has(w)) near.push(`${m}~${w}`);
  if (near.length) console.log(`  ~~ near spellings: ${[...new Set(near)].join(', ')}`);
  const titles = facts.map((f) => f.entities.filter((e) => e.t).map((e) => `${e.name}[${e.t!.map((t) => t[0]).join('|')}]`).join('; '));
  console.log(`  ~~ titles: ${titles.map((t, i) => `${i}: ${t}`).join(' || ').slice(0, 600)}`);
  const [t, ...rest] = g;
  for (const d of compareArticles({ article: t!, score: 1 }, rest.map((a) => ({ article: a, score: 1 })))) {
    if (['numbers', 'timing', 'naming'].includes(d.kind) || (fires && ['quote', 'framing'].includes(d.kind))) console.log(`  >> [${d.kind}] ${d.topic} | ${d.summary.slice(0, 250)}`);
    if (!fires || !['numbers', 'timing', 'naming', 'quote', 'framing'].includes(d.kind)) continue;
    if (d.here) console.log(`       here ${d.here.value}: ${d.here.sentence.replace(/\s+/g, ' ').slice(0, 300)}`);
    for (const e of d.elsewhere) console.log(`       ${e.id} ${e.value}${e.note ? ` (${e.note})` : ''}: ${e.sentence.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}
