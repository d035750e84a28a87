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
    const opArb = fc.record({ kind: fc.constantFrom('insert', 'removeOrdered', 'push', 'remove'), slot: fc.nat(60) });
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(60), { maxLength: 12 }), fc.boolean(), fc.array(opArb, { maxLength: 25 }), (start, sorted, ops) => {
        const first = sorted ? [...start].sort((a, b) => a - b) : start;
        // The same list restored as a base segment (term 0), and built by pushes (term 0 of `plain`).
        const restored = new Postings(Int32Array.from([0, first.length]), Int32Array.from(first));
        const plain = new Postings();
        plain.addTerm();
        for (const s of first) plain.push(0, s);
        const model = [...first];
        for (const { kind, slot } of ops) {
          const at = model.indexOf(slot);
          if ((kind === 'insert' || kind === 'push') && at >= 0) continue;
          if (kind === 'insert') {
            let i = model.length;
            while (i > 0 && model[i - 1]! > slot) i--;
            model.splice(i, 0, slot);
          } else if (kind === 'push') model.push(slot);
          else if (kind === 'removeOrdered' && at >= 0) model.splice(at, 1);
          restored[kind](0, slot);
          plain[kind](0, slot);
          // remove() swaps in the last entry: not a model of its own, only the same in both.
          if (kind === 'remove' && at >= 0) model.splice(0, model.length, ...list(plain, 0));
          expect(list(restored, 0)).toEqual(list(plain, 0));
          expect(list(plain, 0)).toEqual(model);
        }
        // A list in slot order, changed only in place, stays in slot order.
        if (sorted && ops.every((o) => o.kind === 'insert' || o.kind === 'removeOrdered')) expect(restored.ascending(0)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
