import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_READER_PAIRS, pairedWith, pairGroups, readPairs, setPairs, type ReaderPair } from './reader-pairs';

describe('pairs the reader judged (hidden, or joined as the same story)', () => {
  it('hold both ways, whichever side hid them', () => {
    const list = setPairs([], 'u-b', 'u-a', true, 1);
    expect(list).toEqual([{ a: 'u-a', b: 'u-b', at: 1 }]);
    expect(pairedWith(list, 'u-a')).toEqual(['u-b']);
    expect(pairedWith(list, 'u-b')).toEqual(['u-a']);
    expect(pairedWith(list, 'u-c')).toEqual([]);
    expect(setPairs(list, 'u-a', 'u-b', false, 2)).toEqual([]);
  });

  it('list the most recently hidden first, and hiding again renews a pair', () => {
    let list: ReaderPair[] = [];
    list = setPairs(list, 'q', 'x', true, 1);
    list = setPairs(list, 'q', 'y', true, 2);
    expect(pairedWith(list, 'q')).toEqual(['y', 'x']);
    list = setPairs(list, 'x', 'q', true, 3);
    expect(pairedWith(list, 'q')).toEqual(['x', 'y']);
    expect(list).toHaveLength(2);
  });

  it('drop the oldest beyond the cap', () => {
    let list: ReaderPair[] = [];
    for (let i = 0; i <= MAX_READER_PAIRS; i++) list = setPairs(list, 'q', `m${i}`, true, i);
    expect(list).toHaveLength(MAX_READER_PAIRS);
    expect(pairedWith(list, 'q')).not.toContain('m0');
    expect(pairedWith(list, 'q')[0]).toBe(`m${MAX_READER_PAIRS}`);
  });

  it('refuse to hide an article from itself', () => {
    expect(() => setPairs([], 'q', 'q', true, 1)).toThrow(/itself/);
    expect(() => setPairs([], 'q', ['x', 'q'], true, 1)).toThrow(/itself/);
  });

  it('hide a group (wire copy under several outlets) in one go, and show it again in one go', () => {
    let list = setPairs([], 'q', 'old', true, 1);
    list = setPairs(list, 'q', ['w1', 'w2', 'w3', 'w2'], true, 2);
    expect(list).toHaveLength(4);
    expect(pairGroups(list, 'q')).toEqual([['w1', 'w2', 'w3'], ['old']]);
    expect(pairedWith(list, 'q')).toEqual(['w1', 'w2', 'w3', 'old']);
    // Each copy holds both ways on its own.
    expect(pairGroups(list, 'w2')).toEqual([['q']]);
    list = setPairs(list, 'q', ['w1', 'w2', 'w3'], false, 3);
    expect(pairGroups(list, 'q')).toEqual([['old']]);
  });

  it('read a damaged stored list as the pairs that are whole', () => {
    expect(readPairs(undefined)).toEqual([]);
    expect(readPairs('nonsense')).toEqual([]);
    const read = readPairs([{ a: 'x', b: 'y', at: 5 }, null, { a: 'x' }, { a: 'z', b: 'z', at: 1 }, { a: 'y', b: 'x', at: 9 }, { a: 'p', b: 'q', at: 'soon' }, 42]);
    expect(read).toEqual([{ a: 'x', b: 'y', at: 5 }, { a: 'p', b: 'q', at: 0 }]);
  });

  it('agree with a plain set of unordered pairs, whatever the order of hides and shows', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const op = fc
      .record({ x: fc.constantFrom(...ids), ys: fc.subarray(ids, { minLength: 1 }), hide: fc.boolean() })
      .filter((o) => !o.ys.includes(o.x));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let list: ReaderPair[] = [];
        const model = new Set<string>();
        ops.forEach(({ x, ys, hide }, t) => {
          list = setPairs(list, x, ys, hide, t);
          for (const y of ys) {
            const key = [x, y].sort().join('|');
            if (hide) model.add(key);
            else model.delete(key);
          }
        });
        // What is stored reads back as itself, and each article sees exactly its pairs.
        expect(readPairs(JSON.parse(JSON.stringify(list)))).toEqual(list);
        for (const id of ids) {
          const want = [...model].filter((k) => k.split('|').includes(id)).map((k) => k.split('|').find((o) => o !== id)).sort();
          expect([...pairedWith(list, id)].sort()).toEqual(want);
          // Groups split the same ids, none twice.
          expect(pairGroups(list, id).flat().sort()).toEqual(want);
        }
      }),
    );
  });
});
