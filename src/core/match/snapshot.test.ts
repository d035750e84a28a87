import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseArticle } from '../article';
import { MATCH_FEATURES_VERSION, MatchIndex, SNAPSHOT_VERSION, extractMatchFeatures, type IndexSnapshot, type MatchFeatures } from './index';
import { corpus } from './fixtures';
import { StringTable, indexStrings, packStrings, type PackedStrings } from './string-table';

interface Item {
  id: string;
  f: MatchFeatures;
}

// What the worker does: the snapshot goes through IndexedDB, i.e. structured clone.
const restore = (idx: MatchIndex) => MatchIndex.fromSnapshot(structuredClone(idx.toSnapshot()));

/**
 * Everything a query can tell: matches, matches with countQuery, and every candidate with its
 * pair features, in candidate order. Shared terms are compared by weight, not by id: a
 * snapshot renumbers term ids when it leaves out terms no article uses any more.
 */
const answers = (idx: MatchIndex, items: Item[]) =>
  items.map(({ id, f }) => ({
    query: idx.query(f, { exclude: [id] }),
    counted: idx.query(f, { exclude: [id], countQuery: true }),
    candidates: idx.explain(f, [id]),
  }));

const fixtureItems: Item[] = corpus.map((a) => ({ id: a.id, f: extractMatchFeatures(a) }));
// Copies under other ids and outlets: equal candidate scores, so candidate order shows ties.
const copies: Item[] = corpus.slice(0, 4).map((a) => {
  const c = normaliseArticle({ ...a, id: `${a.id}-wire`, source: 'wire.example', url: null });
  return { id: c.id, f: extractMatchFeatures(c) };
});

/** An index whose slots and posting lists have been reshuffled by removals and re-adds. */
function churned(): MatchIndex {
  const idx = new MatchIndex();
  for (const it of [...fixtureItems, ...copies]) idx.add(it.id, it.f);
  for (const id of ['a1', 'c1', 'n2']) idx.remove(id);
  idx.add(copies[1]!.id, copies[1]!.f); // replaces: a new slot for the same article
  idx.add('a1', fixtureItems[0]!.f); // reuses a free slot
  return idx;
}

describe('MatchIndex snapshot', () => {
  it('a restored index answers exactly as the original, candidate order included', () => {
    const idx = churned();
    const copy = restore(idx);
    const all = [...fixtureItems, ...copies];
    expect(copy.size).toBe(idx.size);
    for (const it of all) expect(copy.has(it.id)).toBe(idx.has(it.id));
    expect(answers(copy, all)).toEqual(answers(idx, all));
    expect(answers(idx, all).some((a) => a.query.length > 0)).toBe(true);
    // The weekdays travel too: some pair of the fixtures names only other weekdays.
    expect(answers(idx, all).some((a) => a.candidates.some((c) => c.x.weekdayClash === 1))).toBe(true);
  });

  it('keeps answering alike through adds and removes after the restore, and snapshots again', () => {
    const idx = churned();
    const copy = restore(idx);
    for (const x of [idx, copy]) {
      x.remove('a2'); // a restored article
      x.add('n2', fixtureItems.find((i) => i.id === 'n2')!.f); // into a freed restored slot
      x.add('extra', extractMatchFeatures(normaliseArticle({ id: 'extra', title: 'Dunmore Avenue gunman charged', text: 'Police charged a man over the Copper Kettle shooting on Dunmore Avenue in Riverton.', published: '2024-03-09' })));
      x.remove('a1-wire');
    }
    const all = [...fixtureItems, ...copies];
    expect(answers(copy, all)).toEqual(answers(idx, all));
    expect(answers(restore(copy), all)).toEqual(answers(idx, all));
  });

  it('is typed arrays, and the restored index does not write into the snapshot it came from', () => {
    const snap = churned().toSnapshot();
    expect(snap.serializationVersion).toBe(SNAPSHOT_VERSION);
    expect(snap.unsortedPost).toBeInstanceOf(Int32Array);
    // Removals left some posting lists out of slot order: those are stored, the rest rebuilt.
    expect(snap.unsorted.length).toBeGreaterThan(0);
    const fresh = new MatchIndex();
    for (const it of fixtureItems) fresh.add(it.id, it.f);
    expect(fresh.toSnapshot().unsortedPost.length).toBe(0);
    expect(snap.docs.terms).toBeInstanceOf(Int32Array);
    const before = structuredClone(snap);
    const a = MatchIndex.fromSnapshot(snap);
    for (const it of fixtureItems) a.remove(it.id);
    expect(snap).toEqual(before);
    const b = MatchIndex.fromSnapshot(snap);
    expect(answers(b, fixtureItems)).toEqual(answers(churned(), fixtureItems));
  });

  it('survives JSON too (toJSON / fromJSON)', () => {
    const idx = churned();
    const copy = MatchIndex.fromJSON(JSON.parse(JSON.stringify(idx)));
    expect(answers(copy, fixtureItems)).toEqual(answers(idx, fixtureItems));
  });

  it('refuses an old or unknown version, so the worker rebuilds', () => {
    // The shape version 3 had: one array per article.
    const v3 = { serializationVersion: 3, featuresVersion: MATCH_FEATURES_VERSION, terms: ['shot'], docs: [['a', [0], [1], null, null, null, 'h', [], 1, []]] };
    expect(() => MatchIndex.fromSnapshot(v3)).toThrow(/version 3\//);
    expect(() => MatchIndex.fromSnapshot({ ...churned().toSnapshot(), serializationVersion: 999 })).toThrow(/version/);
    expect(() => MatchIndex.fromSnapshot({ ...churned().toSnapshot(), featuresVersion: MATCH_FEATURES_VERSION - 1 })).toThrow(/version/);
    expect(() => MatchIndex.fromSnapshot(undefined)).toThrow(/snapshot/);
  });

  it('refuses a damaged snapshot instead of building an index that fails later', () => {
    const unpack = (p: PackedStrings) => Array.from({ length: p.off.length - 1 }, (_, i) => p.text.slice(p.off[i], p.off[i + 1]));
    const damaged: ((s: IndexSnapshot) => void)[] = [
      (s) => (s.docs.terms[3] = s.terms.off.length - 1), // a term id past the dictionary
      (s) => (s.unsortedPost[0] = s.docs.termOff.length + 5), // a posting to no slot
      (s) => (s.unsortedPost = s.unsortedPost.subarray(1)), // cut short
      (s) => (s.unsortedOff[1] = s.unsortedOff[1]! + 1), // a stored list longer than its term's
      (s) => (s.unsorted[0] = s.terms.off.length + 3), // a stored list of no term
      (s) => (s.docs.counts = new Uint16Array(2)),
      (s) => (s.docs.termOff[2] = s.docs.termOff[1]! - 1),
      (s) => (s.docs.ids = { ...s.docs.ids, off: s.docs.ids.off.subarray(1) }),
      (s) => (s.terms = { ...s.terms, text: s.terms.text.slice(1) }),
      (s) => ((s.docs as unknown as Record<string, unknown>).sig = 'garbage'),
      (s) => (s.docs.evOff = s.docs.evOff.subarray(1)), // named days that do not cover the slots
      (s) => (s.docs.weekdays = s.docs.weekdays.subarray(1)), // weekdays of one slot too few
      (s) => (s.terms = { ...s.terms, ...packStrings(unpack(s.terms).slice(1)) }), // a table for other strings
      (s) => (s.docs.ids.table = s.docs.ids.table.subarray(1)), // a table cut short
      (s) => (s.docs.ids.table[s.docs.ids.table.indexOf(0)] = 1e6), // an entry past the strings
      (s) => (s.free = Int32Array.of(...s.free, s.docs.termOff.length - 2)), // a free slot that holds an article
      (s) => (s.copyOf = s.copyOf.subarray(1)), // copies of one slot too few
      (s) => (s.copyOf[s.copyOf.findIndex((c) => c >= 0)] = s.free[0]!), // a copy of a free slot
      (s) => {
        // An article made a copy of a copy.
        const copy = s.copyOf.findIndex((c) => c >= 0);
        s.copyOf[s.copyOf.findIndex((c, slot) => c === -1 && !s.free.includes(slot) && slot !== s.copyOf[copy])] = copy;
      },
    ];
    for (const damage of damaged) {
      const s = churned().toSnapshot();
      damage(s);
      expect(() => MatchIndex.fromSnapshot(s), damage.toString()).toThrow(/damaged/);
    }
  });
});

// Random corpora and random churn before and after the restore.
const WORDS = 'shot police street night arrested victim hospital fire crowd council budget vote river bridge storm school'.split(' ');
const NAMES = ['Marta Quell', 'Oskar Brandt', 'Lina Vesper', 'Dunmore Avenue', 'Halvorsen Park'];
const itemsArb = fc
  .array(fc.record({ words: fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 25 }), names: fc.subarray(NAMES), day: fc.nat(30), named: fc.option(fc.nat(27)) }), { minLength: 1, maxLength: 20 })
  .map((xs) =>
    xs.map((x, i) => {
      // A named day ("on January 5"): restored indexes must keep the named days too.
      const named = x.named === null ? [] : [`It began on January ${x.named + 1}.`];
      const text = [...x.names.map((n) => `${n} said.`), x.words.join(' ') + '.', ...named].join('\n');
      const a = normaliseArticle({ id: `d${i}`, title: `Story ${i % 4}`, text, published: `2024-01-${String(1 + x.day).padStart(2, '0')}`, source: `s${i % 3}` });
      return { id: a.id, f: extractMatchFeatures(a) };
    }),
  );

describe('MatchIndex snapshot properties', () => {
  it('restored, then changed like the original, answers like the original', () => {
    fc.assert(
      fc.property(itemsArb, fc.array(fc.nat(), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 12 }), (items, before, after) => {
        const apply = (idx: MatchIndex, ops: number[]) => {
          for (const o of ops) {
            const it = items[o % items.length]!;
            if (o % 2 === 0) idx.remove(it.id);
            else idx.add(it.id, it.f);
          }
        };
        const idx = new MatchIndex();
        for (const it of items) idx.add(it.id, it.f);
        apply(idx, before);
        const copy = restore(idx);
        apply(idx, after);
        apply(copy, after);
        expect(answers(copy, items)).toEqual(answers(idx, items));
      }),
      { numRuns: 60 },
    );
  });
});

describe('StringTable', () => {
  it('finds each packed string, and nothing else, among many that share prefixes', () => {
    const xs = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? '@' : '') + 'térm' + i.toString(36) + (i % 7 === 0 ? ' ñame' : ''));
    const table = new StringTable(indexStrings(packStrings(xs), (i) => i === 7));
    xs.forEach((x, i) => expect(table.find(x)).toBe(i === 7 ? -1 : i));
    for (const miss of ['', 'térm', 'term1', xs[10]! + 'x', xs[10]!.slice(0, -1)]) expect(table.find(miss)).toBe(-1);
    expect(table.get(10)).toBe(xs[10]);
  });
});
