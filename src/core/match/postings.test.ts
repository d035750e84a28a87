import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Postings } from './postings';

const list = (p: Postings, t: number) => {
  const out: number[] = [];
  p.forEach(t, (s) => out.push(s));
  return out;
};

describe('Postings, ordered changes', () => {
  it('insert and remove in place, a restored base and its additions behaving as one array', () => {
    // Terms 0 and 1 restored side by side in one base array (a write past a term's segment
    // would show in its neighbour), term 2 added after the restore.
    const listArb = fc.uniqueArray(fc.nat(60), { maxLength: 8 });
    const opArb = fc.record({ kind: fc.constantFrom('insert', 'removeInPlace', 'push', 'remove'), term: fc.nat(2), slot: fc.nat(60) });
    fc.assert(
      fc.property(listArb, listArb, fc.boolean(), fc.array(opArb, { maxLength: 30 }), (l0, l1, sorted, ops) => {
        const first = [l0, l1].map((l) => (sorted ? [...l].sort((a, b) => a - b) : l));
        const restored = new Postings(Int32Array.from([0, first[0]!.length, first[0]!.length + first[1]!.length]), Int32Array.from(first.flat()));
        restored.addTerm();
        const plain = new Postings();
        for (let t = 0; t < 3; t++) plain.addTerm();
        first.forEach((l, t) => l.forEach((s) => plain.push(t, s)));
        const model = [...first.map((l) => [...l]), [] as number[]];
        for (const { kind, term, slot } of ops) {
          const m = model[term]!;
          const at = m.indexOf(slot);
          if ((kind === 'insert' || kind === 'push') && at >= 0) continue;
          if (kind === 'insert') {
            let i = m.length;
            while (i > 0 && m[i - 1]! > slot) i--;
            m.splice(i, 0, slot);
          } else if (kind === 'push') m.push(slot);
          else if (kind === 'removeInPlace' && at >= 0) m.splice(at, 1);
          for (const p of [restored, plain]) {
            if (kind === 'removeInPlace') p.remove(term, slot, true);
            else p[kind](term, slot);
          }
          // remove() swaps in the last entry: not a model of its own, only the same in both.
          if (kind === 'remove' && at >= 0) m.splice(0, m.length, ...list(plain, term));
          for (let t = 0; t < 3; t++) {
            expect(list(restored, t)).toEqual(list(plain, t));
            expect(list(plain, t)).toEqual(model[t]);
          }
        }
        // A list in slot order, changed only in place, stays in slot order.
        if (sorted && ops.every((o) => o.kind === 'insert' || o.kind === 'removeInPlace')) for (let t = 0; t < 3; t++) expect(restored.ascending(t)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
