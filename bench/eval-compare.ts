// `npm run eval [-- --data PATH] [--verbose]`: precision and recall of the comparison engine
// per kind of difference, against the hand labels in bench/annotations/compare-*.ndjson.
//
// A labelled unit is one article compared with the other articles of its story, as the
// extension would. Its labels say which differences are real ("gold"), which engine findings
// were judged wrong ("wrong", informational), which are unclear ("ambiguous": not counted
// either way) and for which kinds the gold list is complete ("checked": recall is only
// counted there). Every finding of the engine that matches no gold item counts as a false
// positive, whether or not it was judged. Article texts are read at run time from the
// shared data; the annotations hold only ids, kinds, topics, short values and notes.
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
}

const KINDS: DifferenceKind[] = ['numbers', 'timing', 'naming', 'framing', 'quote', 'omitted', 'exclusive'];

// Floors a little below what the engine reaches (see docs/comparison.md): the eval fails when
// a change makes precision drop under them. Recall floors only where the labels are complete.
const PRECISION_FLOOR: Partial<Record<DifferenceKind, number>> = {
  numbers: 0.7, timing: 0.5, naming: 0.6, framing: 0.7, quote: 0.6, omitted: 0.7, exclusive: 0.6,
};
const RECALL_FLOOR: Partial<Record<DifferenceKind, number>> = { numbers: 0.5 };

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
  .sort()
  .flatMap((f) => readFileSync(join(annDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Unit));

export function topicMatches(kind: DifferenceKind, predicted: string, gold: string): boolean {
  const p = predicted.toLowerCase(), g = gold.toLowerCase();
  if (kind === 'numbers') return p === g || p.startsWith(g + ' (');
  if (kind === 'timing') return g === 'date' ? p.startsWith('date') : p === g;
  if (kind === 'quote') return p.replace(/["…]/g, '').trim().startsWith(g.replace(/["…]/g, '').trim().split(' ').slice(0, 4).join(' '));
  return p === g || p.includes(g) || g.includes(p);
}

type Count = { tp: number; fp: number; fn: number; tpChecked: number; judgedWrong: number; unjudged: number };
const counts = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, tpChecked: 0, judgedWrong: 0, unjudged: 0 }])) as Record<DifferenceKind, Count>;
let missing = 0;
let notLabelled = 0;
let evaluated = 0;
const t0 = performance.now();
for (const u of units) {
  const arts = loadSet(data, u.set);
  if (!arts) { missing++; continue; }
  const byId = new Map(arts.map((a) => [a.id, a]));
  const target = byId.get(u.target);
  const others = u.others.map((id) => byId.get(id)).filter((a) => a !== undefined);
  if (!target || others.length !== u.others.length) { missing++; continue; }
  evaluated++;
  const found: Difference[] = compareArticles({ article: target, score: 1 }, others.map((a) => ({ article: a, score: 1 })));
  const matched = new Set<Label>();
  // Only the kinds that were labelled for this unit are scored: complete ("checked") or judged.
  const labelled = new Set<DifferenceKind>([...u.checked, ...[...u.gold, ...(u.wrong ?? []), ...(u.ambiguous ?? [])].map((x) => x.kind), ...(u.judged ?? [])]);
  for (const d of found) {
    if (!labelled.has(d.kind)) { notLabelled++; continue; }
    const g = u.gold.find((x) => x.kind === d.kind && !matched.has(x) && topicMatches(d.kind, d.topic, x.topic));
    if (g) {
      matched.add(g);
      counts[d.kind].tp++;
      if (u.checked.includes(d.kind)) counts[d.kind].tpChecked++;
      continue;
    }
    if (u.gold.some((x) => x.kind === d.kind && topicMatches(d.kind, d.topic, x.topic))) continue; // a second finding on a matched topic
    if (u.ambiguous?.some((x) => x.kind === d.kind && topicMatches(d.kind, d.topic, x.topic))) continue;
    counts[d.kind].fp++;
    const judged = u.wrong?.some((x) => x.kind === d.kind && topicMatches(d.kind, d.topic, x.topic));
    if (judged) counts[d.kind].judgedWrong++; else counts[d.kind].unjudged++;
    if (verbose) console.log(`FP ${judged ? '' : '(unjudged) '}${u.story} ${u.target} [${d.kind}] ${d.summary}`);
  }
  for (const g of u.gold) {
    if (matched.has(g) || !u.checked.includes(g.kind)) continue;
    counts[g.kind].fn++;
    if (verbose) console.log(`FN ${u.story} ${u.target} [${g.kind}] ${g.topic}: ${g.note ?? ''}`);
  }
}
const ms = performance.now() - t0;

const pct = (x: number) => (Number.isNaN(x) ? '   –  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
console.log(`eval-compare: ${evaluated} labelled units (${units.length - evaluated - missing} skipped, ${missing} with articles not found) from ${data}`);
console.log('kind        found  correct  wrong(judged/unjudged)  missed  precision  recall');
let failed = false;
for (const k of KINDS) {
  const c = counts[k];
  const p = c.tp / (c.tp + c.fp);
  const r = c.tpChecked + c.fn === 0 ? NaN : c.tpChecked / (c.tpChecked + c.fn);
  const recallKnown = units.some((u) => u.checked.includes(k) && u.gold.some((g) => g.kind === k));
  console.log(`${k.padEnd(10)} ${String(c.tp + c.fp).padStart(6)} ${String(c.tp).padStart(8)} ${`${c.fp} (${c.judgedWrong}/${c.unjudged})`.padStart(22)} ${String(c.fn).padStart(7)}   ${pct(p)}   ${recallKnown ? pct(r) : '  n/a '}`);
  const pf = PRECISION_FLOOR[k], rf = RECALL_FLOOR[k];
  if (pf !== undefined && c.tp + c.fp >= 3 && p < pf) { console.log(`  below the precision floor for ${k}: ${pct(p)} < ${pct(pf)}`); failed = true; }
  if (rf !== undefined && recallKnown && r < rf) { console.log(`  below the recall floor for ${k}: ${pct(r)} < ${pct(rf)}`); failed = true; }
}
console.log(`${notLabelled} findings of kinds not labelled for their unit were not scored.`);
console.log(`recall is counted only where the labels are complete for that kind ("checked"); ${ms.toFixed(0)} ms for all comparisons.`);
process.exit(failed ? 1 : 0);
