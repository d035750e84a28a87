import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Postings } from './postings';

const list = (p: Postings, t: number) => {
  const out: number[] = [];
  p.forEach(t, (s) => out.push(s));
  return out;
};

describe('Postings, ordered changes', () => {
  it('remove in place and insert among the added entries, across a restored base and the additions', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(60), { maxLength: 12 }),
        fc.array(fc.record({ insert: fc.boolean(), slot: fc.nat(60) }), { maxLength: 20 }),
        (baseSlots, ops) => {
          // Term 0 restored with `baseSlots` (ascending), term 1 with none.
          const base = Int32Array.from([...baseSlots].sort((a, b) => a - b));
          const p = new Postings(Int32Array.from([0, base.length, base.length]), base);
          // The expected lists: the base part (nb entries), then the additions in slot order.
          const model = [[...base], [] as number[]];
          const nb = [base.length, 0];
          for (const { insert, slot } of ops) {
            for (const t of [0, 1]) {
              const m = model[t]!;
              if (insert) {
                if (m.includes(slot)) continue;
                p.insert(t, slot);
                let i = m.length;
                while (i > nb[t]! && m[i - 1]! > slot) i--;
                m.splice(i, 0, slot);
              } else {
                p.removeOrdered(t, slot);
                const i = m.indexOf(slot);
                if (i < 0) continue;
                m.splice(i, 1);
                // A base entry gone: the first addition takes the base's last place, if any.
                if (i < nb[t]! && m.length < nb[t]!) nb[t]!--;
              }
              expect(list(p, t)).toEqual(m);
            }
          }
          // Additions above the base (new slots, as an index built by adds gets): in slot order.
          if (ops.every((o) => !o.insert || base.every((b) => b < o.slot))) {
            expect(p.ascending(0)).toBe(true);
            expect(p.ascending(1)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
