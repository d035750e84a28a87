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
  const cache = new Map<number, Set<string>>();
  const hereWords = (i: number) => cache.get(i) ?? cache.set(i, wordsOf(sentenceText(target.a, target.f, i))).get(i)!;
  for (const [event, mine] of here) {
    // Only events a story has one of: the incident, a death, an arrest. Statements, meetings
    // and court steps come in series, and two sources often date different ones.
    if (!COMPARED.has(event)) continue;
    const elsewhere: ElsewhereEvidence[] = [];
    const names: string[] = [];
    for (const g of groups) {
      const all = g.flatMap((d) => d.f.dates.filter((x) => x.event === event).map((x) => ({ d, x })));
      // Only dates whose sentences share a detail (a place, a name, a number, a rare word) with
      // a sentence here: stories bring up other incidents, and those must not be compared.
      const theirs = all.filter(({ d, x }) => mine.some((p) => anchored(hereWords(p.s), wordsOf(sentenceText(d.a, d.f, x.s)))));
      if (theirs.length === 0) continue;
      if (all.some(({ x }) => mine.some((p) => sameDay(p, x)))) continue;
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

const COMMON = new Set(
  ('with that this from have were they into when will what than then them been also more some said says police shooting shootings killed people about after before their there where which would could other others officers ' +
    'morning afternoon evening night early monday tuesday wednesday thursday friday saturday sunday january february march ' +
    'april june july august september october november december according investigating investigation happened occurred ' +
    'shot fired victim victims suspect authorities officials reported says said year-old incident scene told').split(' '),
);

/** Distinctive words of a sentence: long lower-cased words and numbers, common news words left out. */
function wordsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().match(/[a-z][a-z'-]{3,}|\d+(?:st|nd|rd|th)?/g) ?? []) if (!COMMON.has(w)) out.add(w);
  return out;
}

function anchored(a: Set<string>, b: Set<string>): boolean {
  let n = 0;
  for (const w of a) if (b.has(w) && ++n >= 2) return true;
  return false;
}
