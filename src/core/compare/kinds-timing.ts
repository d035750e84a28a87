// timing: the same event dated differently, once each mention is resolved.
import type { Difference, ElsewhereEvidence } from '../types';
import { describeDate, sameDay } from './dates';
import { eventTopic } from './events';
import { sentenceText, type DateFact } from './facts';
import { groupName, type Doc } from './sources';

const COMPARED = new Set(['incident', 'death', 'arrest']);

export function timingDifferences(target: Doc, groups: Doc[][]): Difference[] {
  const out: Difference[] = [];
  const here = new Map<string, DateFact[]>();
  for (const d of target.f.dates) here.set(d.event, [...(here.get(d.event) ?? []), d]);
  for (const [event, mine] of here) {
    // Only events a story has one of: the incident, a death, an arrest. Statements, meetings
    // and court steps come in series, and two sources often date different ones.
    if (!COMPARED.has(event)) continue;
    const elsewhere: ElsewhereEvidence[] = [];
    const names: string[] = [];
    for (const g of groups) {
      const theirs = g.flatMap((d) => d.f.dates.filter((x) => x.event === event).map((x) => ({ d, x })));
      if (theirs.length === 0) continue;
      if (theirs.some(({ x }) => mine.some((p) => sameDay(p, x)))) continue;
      const { d, x } = theirs[0]!;
      elsewhere.push({ id: d.a.id, source: d.a.source, value: describeDate(x), sentence: sentenceText(d.a, d.f, x.s) });
      names.push(`${groupName(g)} says ${describeDate(x)}`);
    }
    if (elsewhere.length === 0) continue;
    const p = mine[0]!;
    // Name the event by a noun when any source uses one ("the fire", not "the incident").
    const named = [...mine, ...groups.flat().flatMap((d) => d.f.dates.filter((x) => x.event === event))].find((x) => !eventTopic(x).endsWith('incident'));
    const topic = eventTopic(named ?? p);
    out.push({
      kind: 'timing',
      topic,
      summary: `Others give a different ${topic}: here ${describeDate(p)}, ${names.join('; ')}`,
      here: { value: describeDate(p), sentence: sentenceText(target.a, target.f, p.s) },
      elsewhere,
    });
  }
  return out;
}
