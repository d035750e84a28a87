// framing: different words for the same actors or acts, shown as who says what.
import type { Difference, ElsewhereEvidence } from '../types';
import { sentenceText } from './facts';
import { FRAME_GROUPS } from './framing';
import { groupName, type Doc } from './sources';

const most = (m: Record<string, number[]>) => Object.entries(m).sort((x, y) => y[1].length - x[1].length)[0]!;

export function framingDifferences(target: Doc, groups: Doc[][]): Difference[] {
  const out: Difference[] = [];
  for (const g of FRAME_GROUPS) {
    const mine = target.f.framing[g.id];
    if (!mine) continue;
    const ev: ElsewhereEvidence[] = [];
    const says: string[] = [];
    for (const grp of groups) {
      // The words one source uses, all its articles together.
      const theirs: Record<string, { d: Doc; s: number[] }> = {};
      for (const d of grp) for (const [term, s] of Object.entries(d.f.framing[g.id] ?? {})) theirs[term] ??= { d, s };
      const onlyThere = Object.keys(theirs).filter((w) => !mine[w]);
      const onlyHere = Object.keys(mine).filter((w) => !theirs[w]);
      // Each side uses a word the other never does: a choice of words, not one side saying more.
      if (onlyThere.length === 0 || onlyHere.length === 0) continue;
      const pick = onlyThere.sort((x, y) => theirs[y]!.s.length - theirs[x]!.s.length)[0]!;
      const { d, s } = theirs[pick]!;
      ev.push({ id: d.a.id, source: d.a.source, value: pick, sentence: sentenceText(d.a, d.f, s[0]!) });
      says.push(`${groupName(grp)} says "${pick}"`);
    }
    if (ev.length === 0) continue;
    const [term, s] = most(mine);
    out.push({
      kind: 'framing',
      topic: `words for ${g.label}`,
      summary: `Different words for ${g.label}: here "${term}", ${says.join('; ')}`,
      here: { value: term, sentence: sentenceText(target.a, target.f, s[0]!) },
      elsewhere: ev,
    });
  }
  return out;
}
