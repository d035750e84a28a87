// `npm run eval [-- --data PATH] [--verbose] [--only NAME]`: precision and recall of the comparison engine
// per kind of difference, against the hand labels in bench/annotations/compare-*.ndjson.
//
// A labelled unit is one article compared with the other articles of its story, as the
// extension would. Its labels say which differences are real ("gold"), which engine findings
// were judged wrong ("wrong", informational), which are unclear ("ambiguous": not counted
// either way) and for which kinds the gold list is complete ("checked": recall is only
// counted there; "judged": every finding of that kind was looked at, so precision is known).
// Findings of kinds not labelled for a unit are not scored. Every scored finding that matches
// no gold item is a false positive, whether or not it was judged.
//
// Units marked "split": "test" were labelled after the rules were frozen, from stories never
// looked at before; the others were used while writing the rules, so their numbers flatter.
// Article texts are read at run time from the shared data; the annotations hold only ids,
// kinds, topics, short values and notes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareArticles } from '../src/core/compare';
import type { Difference, DifferenceKind } from '../src/core/types';
import { dataPath, loadSet } from './compare-data';

interface Label { kind: DifferenceKind; topic: string; note?: string }
interface Unit {
  set: string; story: string; target: string; others: string[];
  checked: DifferenceKind[]; gold: Label[]; ambiguous?: Label[]; wrong?: Label[]; note?: string;
  /** Kinds whose findings were all judged for this unit (no gold list to complete). */
  judged?: DifferenceKind[];
  /** "test": labelled after the rules were frozen and not used to change them since; else development. */
  split?: 'dev' | 'test';
}

const KINDS: DifferenceKind[] = ['numbers', 'timing', 'naming', 'framing', 'quote', 'omitted', 'exclusive'];

// Floors a little below what the engine reaches on all labelled units (docs/comparison.md):
// the eval fails when a change makes precision drop under them. Recall only where complete.
// Numbers recall fell from 0.69 to 0.63 when held-out batches 6–10 added misses the rules do not
// reach (a toll of "no one", a fall's distance): the floor follows the labels, not the hope.
// Timing recall has only 2 labelled differences (0 found): printed, no floor yet.
const PRECISION_FLOOR: Partial<Record<DifferenceKind, number>> = {
  numbers: 0.85, timing: 0.7, naming: 0.9, framing: 0.8, quote: 0.9, omitted: 0.85, exclusive: 0.85,
};
const RECALL_FLOOR: Partial<Record<DifferenceKind, number>> = { numbers: 0.55, naming: 0.65 };

const argv = process.argv.slice(2);
const data = dataPath(argv);
const verbose = argv.includes('--verbose');
if (!existsSync(data)) {
  console.log(`eval-compare: skipped, no data at ${data} (give --data PATH to the shared data folder)`);
  process.exit(0);
}

const annDir = join(import.meta.dirname, 'annotations');
const units: Unit[] = readdirSync(annDir)
  .filter((f) => /^compare-.*\.ndjson$/.test(f))
  // --only heldout6: score one annotation file (e.g. a held-out batch with today's rules).
  .filter((f) => !argv.includes('--only') || f.includes(argv[argv.indexOf('--only') + 1] ?? ''))
  .sort()
  .flatMap((f) => readFileSync(join(annDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Unit));

export function topicMatches(kind: DifferenceKind, predicted: string, gold: string): boolean {
  const p = predicted.toLowerCase(), g = gold.toLowerCase();
  if (kind === 'numbers') return p === g || p.startsWith(g + ' (');
  if (kind === 'timing') return g === 'date' ? p.startsWith('date') : p === g;
  if (kind === 'quote') return p.replace(/["…]/g, '').trim().startsWith(g.replace(/["…]/g, '').trim().split(' ').slice(0, 4).join(' '));
  return p === g || p.includes(g) || g.includes(p);
}

type Count = { tp: number; fp: number; fn: number; tpChecked: number; judgedWrong: number; unjudged: number; recallKnown: boolean };
const fresh = () => Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, tpChecked: 0, judgedWrong: 0, unjudged: 0, recallKnown: false }])) as Record<DifferenceKind, Count>;
const bySplit = { all: fresh(), dev: fresh(), test: fresh() };
let missing = 0, evaluated = 0, notLabelled = 0;
const t0 = performance.now();
for (const u of units) {
  const arts = loadSet(data, u.set);
  const byId = new Map((arts ?? []).map((a) => [a.id, a]));
  const target = byId.get(u.target);
  const others = u.others.map((id) => byId.get(id)).filter((a) => a !== undefined);
  if (!target || others.length !== u.others.length) { missing++; continue; }
  evaluated++;
  const split = u.split === 'test' ? 'test' : 'dev';
  const tallies = [bySplit.all, bySplit[split]];
  const add = (k: DifferenceKind, f: (c: Count) => void) => tallies.forEach((t) => f(t[k]));
  for (const k of u.checked) if (u.gold.some((g) => g.kind === k)) add(k, (c) => (c.recallKnown = true));
  const found: Difference[] = compareArticles({ article: target, score: 1 }, others.map((a) => ({ article: a, score: 1 })));
  const matched = new Set<Label>();
  // Only the kinds that were labelled for this unit are scored: complete ("checked") or judged.
  const labelled = new Set<DifferenceKind>([...u.checked, ...[...u.gold, ...(u.wrong ?? []), ...(u.ambiguous ?? [])].map((x) => x.kind), ...(u.judged ?? [])]);
  for (const d of found) {
    if (!labelled.has(d.kind)) { notLabelled++; continue; }
    const g = u.gold.find((x) => x.kind === d.kind && !matched.has(x) && topicMatches(d.kind, d.topic, x.topic));
    if (g) {
      matched.add(g);
      add(d.kind, (c) => { c.tp++; if (u.checked.includes(d.kind)) c.tpChecked++; });
      continue;
    }
    if (u.gold.some((x) => x.kind === d.kind && topicMatches(d.kind, d.topic, x.topic))) continue; // a second finding on a matched topic
    if (u.ambiguous?.some((x) => x.kind === d.kind && topicMatches(d.kind, d.topic, x.topic))) continue;
    const judged = u.wrong?.some((x) => x.kind === d.kind && topicMatches(d.kind, d.topic, x.topic));
    add(d.kind, (c) => { c.fp++; if (judged) c.judgedWrong++; else c.unjudged++; });
    if (verbose) console.log(`FP ${judged ? '' : '(unjudged) '}[${split}] ${u.story} ${u.target} [${d.kind}] ${d.summary}`);
  }
  for (const g of u.gold) {
    if (matched.has(g) || !u.checked.includes(g.kind)) continue;
    add(g.kind, (c) => c.fn++);
    if (verbose) console.log(`FN [${split}] ${u.story} ${u.target} [${g.kind}] ${g.topic}: ${g.note ?? ''}`);
  }
}
const ms = performance.now() - t0;

const pct = (x: number) => (Number.isNaN(x) ? '   –  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
const prec = (c: Count) => c.tp / (c.tp + c.fp);
const rec = (c: Count) => (c.tpChecked + c.fn === 0 ? NaN : c.tpChecked / (c.tpChecked + c.fn));
function table(title: string, counts: Record<DifferenceKind, Count>): void {
  const n = units.filter((u) => title === 'all' || (title === 'test') === (u.split === 'test')).length;
  console.log(`\n${title} (${n} units)`);
  console.log('kind        found  correct  wrong(judged/unjudged)  missed  precision  recall');
  for (const k of KINDS) {
    const c = counts[k];
    console.log(`${k.padEnd(10)} ${String(c.tp + c.fp).padStart(6)} ${String(c.tp).padStart(8)} ${`${c.fp} (${c.judgedWrong}/${c.unjudged})`.padStart(22)} ${String(c.fn).padStart(7)}   ${pct(prec(c))}   ${c.recallKnown ? pct(rec(c)) : '  n/a '}`);
  }
}
console.log(`eval-compare: ${evaluated} labelled units (${missing} with articles not found) from ${data}`);
table('all', bySplit.all);
table('dev', bySplit.dev);
table('test', bySplit.test);
console.log(`\n${notLabelled} findings of kinds not labelled for their unit were not scored; recall only where the labels are complete ("checked"). ${ms.toFixed(0)} ms.`);
let failed = false;
for (const k of KINDS) {
  const c = bySplit.all[k];
  const pf = PRECISION_FLOOR[k], rf = RECALL_FLOOR[k];
  if (pf !== undefined && c.tp + c.fp >= 3 && prec(c) < pf) { console.log(`FAIL: precision for ${k} ${pct(prec(c))} is below the floor ${pct(pf)}`); failed = true; }
  if (rf !== undefined && c.recallKnown && rec(c) < rf) { console.log(`FAIL: recall for ${k} ${pct(rec(c))} is below the floor ${pct(rf)}`); failed = true; }
}
process.exit(failed ? 1 : 0);
