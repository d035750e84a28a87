// numbers: the same quantity with values that cannot both be true.
import type { Difference, ElsewhereEvidence } from '../types';
import { sentenceText, type QuantityFact } from './facts';
import { formatInterval, overlaps } from './numbers';
import { groupName, type Doc } from './sources';

const LABEL: Record<string, string> = {
  killed: 'killed', injured: 'injured', shot: 'shot', arrested: 'arrested or detained', charged: 'charged',
  missing: 'missing', evacuated: 'evacuated or displaced',
};

/** A value inside a summary line: "At least 30" at the start of a sentence reads "at least 30" there. */
export const inLine = (v: string) => v.charAt(0).toLowerCase() + v.slice(1);

export function quantityTopic(q: Pick<QuantityFact, 'cat' | 'qual'>): string {
  const [who, scope] = q.qual.split('@');
  const extra = [who?.replace('+suspect', 'including the attacker').replace(/^\+/, ''), scope === 'wide' ? 'overall' : ''].filter(Boolean).join(', ');
  const base = LABEL[q.cat];
  if (base) return extra ? `${base} (${extra})` : base;
  switch (q.cat) {
    case 'money': return `amount: ${q.qual}`;
    case 'percent': return `percentage: ${q.qual}`;
    case 'distance': return `distance from ${q.qual}`;
    case 'vehicles': return `number of ${q.qual}`;
    case 'aircraft': return `number of ${q.qual}`;
    case 'shots': return q.qual === 'casings' ? 'shell casings found' : 'shots fired';
    case 'people': return q.qual.endsWith('/aboard') ? 'people on board' : q.qual.startsWith('protesters') ? 'number of protesters' : q.qual.endsWith('/attended') ? 'number attending' : 'crowd size';
    default: return q.cat;
  }
}

const byKey = (qs: QuantityFact[]) => {
  const m = new Map<string, QuantityFact[]>();
  for (const q of qs) m.set(q.key, [...(m.get(q.key) ?? []), q]);
  return m;
};

/**
 * Only casualty figures from the lead of an article (its first sentences) can start a finding: that is
 * where a report states its count; deeper down, numbers are more often parts, ages or other
 * incidents. Figures anywhere still count as agreement, so they can only remove findings.
 */
export const LEAD = 10;
// Casualty counts are stated in the lead; arrests, money and the like often come later.
const inLead = (q: QuantityFact) => q.s < LEAD || !/^(killed|injured|shot)$/.test(q.cat);

export function numberDifferences(target: Doc, groups: Doc[][]): Difference[] {
  const out: Difference[] = [];
  const here = byKey(target.f.quantities);
  const groupKeys = groups.map((g) => g.map((d) => ({ d, m: byKey(d.f.quantities) })));
  for (const [key, all] of here) {
    const mine = all.filter((q) => !q.part && inLead(q));
    if (mine.length === 0) continue;
    const elsewhere: ElsewhereEvidence[] = [];
    const names: string[] = [];
    for (let gi = 0; gi < groups.length; gi++) {
      const theirs = groupKeys[gi]!.flatMap(({ d, m }) => (m.get(key) ?? []).map((q) => ({ d, q })));
      if (theirs.length === 0) continue;
      // A conflict only when no value here can be true together with any value there.
      if (theirs.some(({ q }) => all.some((p) => overlaps(p, q)))) continue;
      const whole = theirs.filter(({ q }) => !q.part && inLead(q));
      if (whole.length === 0) continue;
      const { d, q } = whole[0]!;
      elsewhere.push({ id: d.a.id, source: d.a.source, value: q.text, sentence: sentenceText(d.a, d.f, q.s) });
      names.push(`${groupName(groups[gi]!)} says ${inLine(q.text)}`);
    }
    if (elsewhere.length === 0) continue;
    const p = mine[0]!;
    const topic = quantityTopic(p);
    out.push({
      kind: 'numbers',
      topic,
      summary: `Others report a different ${topicPhrase(topic)}: here ${inLine(p.text)}, ${names.join('; ')}`,
      here: { value: p.text, sentence: sentenceText(target.a, target.f, p.s) },
      elsewhere,
    });
  }
  return out;
}

/** "a different number killed", "a different figure for the damage", "a different crowd size". */
function topicPhrase(topic: string): string {
  const m = /^(amount|percentage): (.*)$/.exec(topic);
  if (m) return `${m[1] === 'amount' ? 'figure' : 'percentage'} for ${m[2] === 'damage' ? 'the damage' : m[2]}`;
  if (/^(distance|crowd size|number of)/.test(topic)) return topic;
  if (/^(people on board|shots fired|shell casings)/.test(topic)) return `number of ${topic}`;
  return `number ${topic}`;
}

export { formatInterval };
