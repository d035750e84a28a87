// Totals written as parts. Reports often give the hurt group by group ("two people are in
// critical condition and five others were hospitalized"; "five people were shot and a girl was
// injured"; "two officers wounded and three others injured. A second man ... was also wounded")
// where another report gives the total (seven; six; six). In held-out batch 11, 12 of 26 wrong
// number findings were such a part read against a total. These sums can only show agreement,
// never start a finding: a value that equals the sum of an article's groups is not a conflict.
import { findNumbers } from './numbers';
import { sentenceText } from './facts';
import { ATTACKER_DIED } from './quantities';
import type { Doc } from './sources';

// A counted group and what happened to it, read from the words after its number
// ("two are in critical condition", "five others were hospitalized", "four killed").
const AUX = `(?:\\s+(?:people|persons|others?|victims|men|women|children|of them|were|was|are|is|have been|has been|had been|also|later|all|listed|remain|remained|still))*`;
const GROUP: [Hurt, RegExp][] = [
  ['killed', new RegExp(`^(?:\\s+[\\w'’-]+){0,3}?${AUX}\\s+(?:killed|dead|died|slain|fatally)\\b`)],
  ['hurt', new RegExp(`^(?:\\s+[\\w'’-]+){0,3}?${AUX}\\s+(?:injured|wounded|hurt|hospitali[sz]ed|suffered (?:[\\w-]+ )?(?:injuries|wounds)|in (?:critical|serious|grave|stable|fair|good) condition|critical|fighting for (?:their|his|her) lives?)\\b`)],
  ['shot', new RegExp(`^(?:\\s+[\\w'’-]+){0,3}?${AUX}\\s+shot\\b(?! (?:dead|and killed|to death))`)],
];
// One person named as a group: "a girl was injured", "a 20-year-old man was fighting for his
// life", "a second man armed at the scene ... was also wounded".
const SINGLE = /\b(?:a|an|another|a second|a third|other)\s+[^.;]{0,90}?\b(?:was|is)\s+(?:also\s+|critically\s+|seriously\s+)?(?:injured|wounded|hurt|in (?:critical|serious|grave) condition|fighting for (?:his|her) life)\b/gi;

type Hurt = 'killed' | 'hurt' | 'shot';
type Groups = Record<Hurt, number>;

function groupsIn(sentence: string): Groups & { n: number } {
  const g = { killed: 0, hurt: 0, shot: 0, n: 0 };
  const s = sentence.toLowerCase();
  for (const m of findNumbers(s)) {
    if (m.interval.hi !== m.interval.lo) continue;
    const after = s.slice(m.end, m.end + 90);
    const hit = GROUP.find(([, re]) => re.test(after));
    if (hit) { g[hit[0]] += m.interval.lo; g.n++; }
  }
  for (const _ of s.matchAll(SINGLE)) { g.hurt += 1; g.n++; }
  return g;
}

/**
 * The totals an article's lead gives group by group, per category: injured = hurt + shot (the
 * shot who were not killed), shot = killed + hurt + shot. Each sentence, and each pair of
 * neighbouring sentences ("Two of the victims are in critical condition. The six others wounded
 * ..."), gives one sum when it names two or more groups.
 */
export function leadSums(d: Doc, lead: number): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>([['injured', new Set()], ['shot', new Set()]]);
  const n = Math.min(lead, d.f.sentences.length);
  const per = Array.from({ length: n }, (_, i) => groupsIn(sentenceText(d.a, d.f, i)));
  const add = (g: Groups & { n: number }) => {
    if (g.n < 2) return;
    if (g.hurt + g.shot > 0) out.get('injured')!.add(g.hurt + g.shot);
    out.get('shot')!.add(g.killed + g.hurt + g.shot);
  };
  per.forEach((g, i) => {
    add(g);
    const p = per[i - 1];
    if (p) add({ killed: p.killed + g.killed, hurt: p.hurt + g.hurt, shot: p.shot + g.shot, n: p.n + g.n });
  });
  return out;
}

/**
 * The lead says the attacker died ("the gunman was also killed", "a murder-suicide"): a death
 * toll there may count him or not, so it is one more or one less than a toll written the other
 * way ("one person dead" + the shooter = "two dead, including the suspect").
 */
export function attackerDiedInLead(d: Doc, lead: number): boolean {
  for (let i = 0; i < Math.min(lead, d.f.sentences.length); i++) if (ATTACKER_DIED.test(sentenceText(d.a, d.f, i).toLowerCase())) return true;
  return false;
}
