import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseArticle } from '../article';
import type { Article } from '../types';
import { CopyBands } from './copy-bands';
import { MatchIndex, extractMatchFeatures, type MatchFeatures } from './index';
import { isCopyPair } from './score';
import { minhash, minhashSimilarity } from './minhash';
import { corpus, shootingA1, shootingA2, warehouseFire } from './fixtures';

const ids = (ms: { id: string }[]) => ms.map((m) => m.id);

/** `k` outlets running `a` as wire copy, each with its own credit line under it. */
const wire = (a: Article, k: number): Article[] =>
  Array.from({ length: k }, (_, i) =>
    normaliseArticle({ ...a, id: `${a.id}-wire${i}`, source: `outlet${i}.example`, url: `https://outlet${i}.example/news/${a.id}`, text: `${a.text}\nDistributed by Outlet ${i} News Service.` }),
  );

const build = (arts: Article[]) => {
  const idx = new MatchIndex();
  for (const a of arts) idx.add(a.id, extractMatchFeatures(a));
  return idx;
};
const scores = (ms: { id: string; score: number }[]) => Object.fromEntries(ms.map((m) => [m.id, m.score]));
/** Sentence k of a long wire text; words made of syllables keep every sentence distinct. */
const syl = ['ba', 'ke', 'lo', 'mi', 'nu', 'ra', 'si', 'to', 'vu', 'ze'];
const w = (k: number) => String(k).padStart(3, '0').split('').map((d) => syl[+d]).join('');
const line = (k: number) => `Resident ${w(5 * k)} told the ${w(5 * k + 1)} reporter that ${w(5 * k + 2)} and ${w(5 * k + 3)} heard shots near ${w(5 * k + 4)} lane.`;

describe('syndicated copies in the index', () => {
  const base = [...corpus, ...warehouseFire];
  const copies = wire(shootingA2, 6);
  const a1 = extractMatchFeatures(shootingA1);

  it('count a text once in rarity, however many outlets ran it', () => {
    // Six outlets running a2 would otherwise make every word of the story look six times
    // commoner, and weaken every other match of it (a3 here).
    const idx = build([...base, ...copies]);
    expect(idx.size).toBe(base.length + 6);
    const group = idx.copyGroups().find((g) => g.includes('a2'))!;
    expect([...group].sort()).toEqual(['a2', ...copies.map((c) => c.id)].sort());
    // The group's longest text is indexed (a copy with its credit line), once for all seven.
    const indexed = group[0]!;
    expect(indexed).toMatch(/^a2-wire/);
    const once = build([...base.filter((a) => a.id !== 'a2'), copies.find((c) => c.id === indexed)!]).query(a1, { exclude: ['a1'] });
    const own = scores(once);
    const withCopies = idx.query(a1, { exclude: ['a1'] });
    for (const m of withCopies.filter((m) => !group.includes(m.id))) expect(m.score).toBe(own[m.id]);
    // Each of the seven comes with the text indexed for them, at its score; none is a copy of a1.
    expect(withCopies.filter((m) => group.includes(m.id)).map((m) => [m.id, m.score, m.reasons.syndicated]).sort()).toEqual(
      group.map((id) => [id, own[indexed]!, false]).sort(),
    );
  });

  it('return every copy of the article being read as a copy, whichever is read', () => {
    const idx = build([...base, ...copies]);
    const fromCopy = idx.query(extractMatchFeatures(copies[3]!), { exclude: [copies[3]!.id] });
    const wireIds = ['a2', ...copies.map((c) => c.id)].filter((id) => id !== copies[3]!.id).sort();
    expect(fromCopy.filter((m) => m.reasons.syndicated).map((m) => m.id).sort()).toEqual(wireIds);
    expect(fromCopy.filter((m) => m.reasons.syndicated).every((m) => m.score === 1)).toBe(true);
    const fromArticle = idx.query(extractMatchFeatures(shootingA2), { exclude: ['a2'] });
    expect(fromArticle.filter((m) => m.reasons.syndicated).map((m) => m.id).sort()).toEqual(copies.map((c) => c.id).sort());
    // The rest of the story is found from either (the copy's credit line aside, one text).
    const rest = (ms: { id: string; score: number }[]) => ms.filter((m) => !m.id.startsWith('a2'));
    expect(ids(rest(fromCopy))).toEqual(ids(rest(fromArticle)));
    expect(ids(rest(fromCopy))).toContain('a1');
    rest(fromCopy).forEach((m, i) => expect(m.score).toBeCloseTo(rest(fromArticle)[i]!.score, 1));
  });

  it('keep their story when the article they copy is removed', () => {
    const idx = build([...base, ...copies]);
    idx.remove('a2');
    expect(idx.size).toBe(base.length + 5);
    const ms = idx.query(a1, { exclude: ['a1'] });
    expect(ids(ms).filter((id) => id.startsWith('a2')).sort()).toEqual(copies.map((c) => c.id).sort());
    // One of them now stands for the text: the scores are those of an index built without a2.
    const alone = build([...base.filter((a) => a.id !== 'a2'), ...copies]).query(a1, { exclude: ['a1'] });
    expect(scores(ms)).toEqual(scores(alone));
  });

  it('are filed again alike by a restored index and by the one it was saved from', () => {
    // A copy that came later into a lower (reused) slot: the two indexes must still agree on
    // which copy takes the article's place once it is removed.
    const credited = copies[0]!;
    const edited = normaliseArticle({ ...copies[1]!, text: `${shootingA2.text}\nThe Copper Kettle reopened on Tuesday, its owner Ivo Sandqvist told the Riverton Herald.` });
    const idx = build(base);
    idx.add('filler', extractMatchFeatures(normaliseArticle({ id: 'filler', title: 'Filler', text: 'Nothing to see.' })));
    idx.add(credited.id, extractMatchFeatures(credited));
    idx.remove('filler');
    idx.add(edited.id, extractMatchFeatures(edited));
    const restored = MatchIndex.fromSnapshot(structuredClone(idx.toSnapshot()));
    for (const x of [idx, restored]) x.remove('a2');
    const q = (x: MatchIndex) => [a1, extractMatchFeatures(edited), extractMatchFeatures(credited)].map((f, i) => x.search(f, { exclude: [['a1', edited.id, credited.id][i]!], near: 3 }));
    expect(q(restored)).toEqual(q(idx));
    expect(ids(q(idx)[0]!.matches)).toEqual(expect.arrayContaining([credited.id, edited.id]));
  });

  it('survive a snapshot, and a copy added after the restore joins its article', () => {
    const idx = MatchIndex.fromSnapshot(structuredClone(build([...base, ...copies.slice(0, 3)]).toSnapshot()));
    idx.add(copies[3]!.id, extractMatchFeatures(copies[3]!));
    const ms = scores(idx.query(a1, { exclude: ['a1'] }));
    for (const c of copies.slice(0, 4)) expect(ms[c.id]).toBe(ms['a2']);
    expect(scores(idx.query(a1, { exclude: ['a1'] }))).toEqual(scores(build([...base, ...copies.slice(0, 4)]).query(a1, { exclude: ['a1'] })));
  });

  it("never return the reader's own page under another address as a copy, whichever came first", () => {
    const page = (id: string, outlet: string) => normaliseArticle({ ...shootingA2, id, source: outlet, url: `https://${outlet}/${id}` });
    const read = extractMatchFeatures(page('read', 'x.example'));
    for (const order of [['y', 'x'], ['x', 'y']]) {
      const idx = build([...base.filter((a) => a.id !== 'a2'), ...order.map((o) => page(`stored-${o}`, `${o}.example`))]);
      const ms = ids(idx.query(read));
      expect(ms).toContain('stored-y');
      expect(ms).not.toContain('stored-x');
    }
  });

  it('keep the copies of an article the reader hid, and what the reader joined', () => {
    const idx = build([...base, ...copies]);
    // a2 is the indexed one; hiding it leaves the same text from six other outlets.
    const hid = idx.query(a1, { exclude: ['a1', 'a2'] });
    expect(ids(hid).filter((id) => id.startsWith('a2')).sort()).toEqual(copies.map((c) => c.id).sort());
    const joined = idx.query(a1, { exclude: ['a1', 'a2', ...copies.slice(1).map((c) => c.id)], include: [copies[0]!.id] });
    expect(joined.filter((m) => m.id.startsWith('a2')).map((m) => [m.id, m.joined])).toEqual([[copies[0]!.id, true]]);
    // A copy both joined and excluded is excluded, and brings nothing in with it.
    const strict = new MatchIndex({ stories: false, threshold: 0.999 });
    for (const a of [...base, ...copies]) strict.add(a.id, extractMatchFeatures(a));
    expect(ids(strict.query(a1, { exclude: ['a1', copies[0]!.id], include: [copies[0]!.id] })).filter((id) => id.startsWith('a2'))).toEqual([]);
  });

  it('take in a copy of a copy, and file the chain again when its indexed text goes', () => {
    // One wire text, trimmed at the top by one outlet and further by the next: t2 copies t1,
    // not t0.
    const cut = (id: string, from: number) =>
      normaliseArticle({ ...shootingA2, id, source: `${id}.example`, url: `https://${id}.example/news`, text: `${shootingA2.text}\n${Array.from({ length: 30 }, (_, i) => line(from + i)).join('\n')}` });
    const chain = [cut('t0', 0), cut('t1', 5), cut('t2', 10)];
    const sig = chain.map((a) => Uint32Array.from(extractMatchFeatures(a).m));
    expect(minhashSimilarity(sig[0]!, sig[1]!)).toBeGreaterThanOrEqual(0.6);
    expect(minhashSimilarity(sig[1]!, sig[2]!)).toBeGreaterThanOrEqual(0.6);
    expect(minhashSimilarity(sig[0]!, sig[2]!)).toBeLessThan(0.6);
    const others = (ms: Record<string, number>) => Object.fromEntries(Object.entries(ms).filter(([id]) => !id.startsWith('t')));
    const idx = build([...base, ...chain]);
    const ms = scores(idx.query(a1, { exclude: ['a1'] }));
    expect([ms['t1'], ms['t2']]).toEqual([ms['t0'], ms['t0']]);
    // The text counts once: the other matches score as with t0 alone.
    expect(others(ms)).toEqual(others(scores(build([...base, chain[0]!]).query(a1, { exclude: ['a1'] }))));
    idx.remove('t0');
    const after = scores(idx.query(a1, { exclude: ['a1'] }));
    expect(after['t2']).toBe(after['t1']);
    expect(others(after)).toEqual(others(scores(build([...base, chain[1]!]).query(a1, { exclude: ['a1'] }))));
    expect(scores(MatchIndex.fromSnapshot(structuredClone(idx.toSnapshot())).query(a1, { exclude: ['a1'] }))).toEqual(after);
  });

  it('are not made of short texts or of texts that only look alike', () => {
    const short = normaliseArticle({ ...shootingA2, id: 'brief', source: 'x.example', url: null, text: shootingA2.text.split('.').slice(0, 1).join('.') + '.' });
    const idx = build([...base, short]);
    const ms = idx.query(extractMatchFeatures(short), { exclude: ['brief'] });
    expect(ms.find((m) => m.id === 'a2')?.reasons.syndicated ?? false).toBe(false);
    expect(idx.query(a1, { exclude: ['a1'] }).find((m) => m.id === 'a3')?.reasons.syndicated).toBe(false);
  });
});

describe('an index with copies, through any adds, removes and restores', () => {
  // Six texts of 70 words, each stored many times: as it is, with two words changed, with a
  // credit line, or cut to 20 words (too short to be a copy), under four outlets.
  const VOC = 'police fire river council storm bridge school vote budget crowd victim hospital street night suspect arrest court judge mayor plant factory strike road crash driver train station flood rescue harbour'.split(' ');
  const NAMES = ['Marta Quell', 'Oskar Brandt', 'Lina Vesper', 'Dunmore Avenue', 'Halvorsen Park', 'Corvale'];
  const texts = Array.from({ length: 6 }, (_, b) => {
    const words = Array.from({ length: 70 }, (_, i) => VOC[(b * 31 + i * 7 + ((i * i) % 11)) % VOC.length]!);
    return { title: `${NAMES[b]} ${words.slice(0, 3).join(' ')}`, text: `${NAMES[b]} and ${NAMES[(b + 1) % 6]} ${words.slice(0, 3).join(' ')}. ${words.join(' ')}.` };
  });
  const itemArb = fc.record({ base: fc.nat(5), edit: fc.nat(3), outlet: fc.nat(3), url: fc.boolean(), day: fc.nat(4) });
  const features = (id: string, x: { base: number; edit: number; outlet: number; url: boolean; day: number }) => {
    const t = texts[x.base]!;
    const words = t.text.split(' ');
    const text = [t.text, [...words.slice(0, 30), 'credit', 'line', ...words.slice(32)].join(' '), `${t.text} Distributed by Outlet ${x.outlet}.`, words.slice(0, 20).join(' ')][x.edit]!;
    const outlet = `o${x.outlet}.example`;
    return extractMatchFeatures(normaliseArticle({ id, title: t.title, text, source: outlet, url: x.url ? `https://${outlet}/${id}` : null, published: `2024-03-0${1 + x.day}` }));
  };
  const opArb = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), item: itemArb, id: fc.nat(14) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.nat(14) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const) }) },
  );

  it('keeps every article, never answers with itself or twice, and restores to the same answers', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 80 }), (ops) => {
        let idx = new MatchIndex();
        const twin = new MatchIndex(); // never restored
        const live = new Map<string, ReturnType<typeof features>>();
        for (const op of ops) {
          const id = `x${op.kind === 'restore' ? 0 : op.id}`;
          if (op.kind === 'add') {
            const f = features(id, op.item);
            idx.add(id, f);
            twin.add(id, f);
            live.set(id, f);
          } else if (op.kind === 'remove') {
            idx.remove(id);
            twin.remove(id);
            live.delete(id);
          } else {
            idx = MatchIndex.fromSnapshot(structuredClone(idx.toSnapshot()));
          }
        }
        expect(idx.size).toBe(live.size);
        for (const [id, f] of live) {
          expect(idx.has(id)).toBe(true);
          const r = idx.search(f, { exclude: [id], near: 3 });
          const got = ids(r.matches);
          expect(got).not.toContain(id);
          expect(new Set(got).size).toBe(got.length);
          expect(got.every((m) => live.has(m))).toBe(true);
          expect(r.near.every((m) => !got.includes(m.id) && m.id !== id)).toBe(true);
          expect(r).toEqual(twin.search(f, { exclude: [id], near: 3 }));
        }
        const again = MatchIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
        for (const [id, f] of live) expect(again.query(f, { exclude: [id] })).toEqual(idx.query(f, { exclude: [id] }));
      }),
      { numRuns: 40 },
    );
  });
});

describe('groups of copies, through any adds, removes and restores', () => {
  // Windows of 30 sentences of one long text, 5 sentences apart: neighbours are copies
  // (MinHash about 0.65–0.7), windows 10 apart are not (about 0.5). So which texts are one
  // group depends on which windows are stored: the gap between two closes when the one
  // between them comes, and opens when it goes.
  const title = 'Shots heard near the lanes';
  const windowText = (start: number) => `${title}\n${Array.from({ length: 30 }, (_, i) => line(start + i)).join('\n')}`;
  const texts = [0, 5, 10, 15, 20, 25].map(windowText);
  const features = (id: string, x: { window: number; outlet: number }) =>
    extractMatchFeatures(normaliseArticle({ id, title, text: texts[x.window]!, source: `o${x.outlet}.example`, url: `https://o${x.outlet}.example/${id}`, published: '2024-03-01' }));
  /** The groups the copy test makes of the stored texts, from scratch: chains of copies that share a band. */
  const chains = (live: Map<string, ReturnType<typeof features>>): string[][] => {
    const ids = [...live.keys()];
    const sig = ids.map((id) => Uint32Array.from(live.get(id)!.m));
    const view = (i: number) => ({ words: live.get(ids[i]!)!.w, hash: live.get(ids[i]!)!.h, sig: sig[i]! });
    const bands = new CopyBands();
    ids.forEach((_, i) => bands.add(i, sig[i]!));
    const root = ids.map((_, i) => i);
    const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
    ids.forEach((_, i) => {
      for (const j of bands.candidates(sig[i]!)) if (j !== i && isCopyPair(view(i), view(j))) root[find(i)] = find(j);
    });
    const out = new Map<number, string[]>();
    ids.forEach((id, i) => out.set(find(i), [...(out.get(find(i)) ?? []), id]));
    return [...out.values()].filter((g) => g.length > 1).map((g) => g.sort()).sort();
  };
  const groupsOf = (idx: MatchIndex) => idx.copyGroups().map((g) => [...g].sort()).sort();
  type Op<X> = ({ kind: 'add'; id: number } & X) | { kind: 'remove'; id: number } | { kind: 'restore' };
  /** Applies adds, removes and restores (from a snapshot) to a new index, calling `each` after every step. */
  const replay = <X,>(ops: Op<X>[], make: (id: string, x: X) => MatchFeatures, each?: (idx: MatchIndex, live: Map<string, MatchFeatures>) => void) => {
    let idx = new MatchIndex();
    const live = new Map<string, MatchFeatures>();
    for (const op of ops) {
      if (op.kind === 'add') {
        const f = make(`w${op.id}`, op);
        idx.add(`w${op.id}`, f);
        live.delete(`w${op.id}`);
        live.set(`w${op.id}`, f);
      } else if (op.kind === 'remove') {
        idx.remove(`w${op.id}`);
        live.delete(`w${op.id}`);
      } else idx = MatchIndex.fromSnapshot(structuredClone(idx.toSnapshot()));
      each?.(idx, live);
    }
    return { idx, live };
  };

  it('are the chains of copies among the stored texts, whatever came first', () => {
    const opArb = fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), id: fc.nat(9), window: fc.nat(5), outlet: fc.nat(2) }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.nat(9) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 3, maxLength: 40 }), (ops) => {
        replay(ops, features, (idx, live) => expect(groupsOf(idx)).toEqual(chains(live)));
      }),
      { numRuns: 60 },
    );
  });

  it('index the same text of each group whatever came first, so an index answers like one built again', () => {
    // Windows cut at 30 or at 24 sentences (outlets cut a wire text at the bottom): the
    // group's longest text is indexed, so a corpus that met the cut copy first answers like
    // one that met the whole text first. (Before, the first text of a group stayed indexed.)
    const cutText = (x: { window: number; long: boolean }) => (x.long ? texts[x.window]! : texts[x.window]!.split('\n').slice(0, 25).join('\n'));
    const feat = (id: string, x: { window: number; outlet: number; long: boolean }) =>
      extractMatchFeatures(normaliseArticle({ id, title, text: cutText(x), source: `o${x.outlet}.example`, url: `https://o${x.outlet}.example/${id}`, published: '2024-03-01' }));
    const opArb = fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), id: fc.nat(9), window: fc.nat(5), outlet: fc.nat(2), long: fc.boolean() }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.nat(9) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 3, maxLength: 30 }), fc.nat(), (ops, seed) => {
        const { idx, live } = replay(ops, feat);
        // The survivors again, in another order.
        const order = [...live.keys()].sort((a, b) => ((a.charCodeAt(1) * 31 + seed) % 17) - ((b.charCodeAt(1) * 31 + seed) % 17) || (a < b ? -1 : 1));
        const again = new MatchIndex();
        for (const id of order) again.add(id, live.get(id)!);
        expect(groupsOf(again)).toEqual(groupsOf(idx));
        expect(again.copyGroups().map((g) => g[0]).sort()).toEqual(idx.copyGroups().map((g) => g[0]).sort());
        for (const [id, f] of live) expect(idx.search(f, { exclude: [id], near: 3 })).toEqual(again.search(f, { exclude: [id], near: 3 }));
      }),
      { numRuns: 60 },
    );
  });

  it('join when a text between two of them comes, and part when it goes', () => {
    const sig = (window: number) => Uint32Array.from(features('s', { window, outlet: 0 }).m);
    expect(minhashSimilarity(sig(1), sig(2))).toBeGreaterThanOrEqual(0.6);
    expect(minhashSimilarity(sig(2), sig(3))).toBeGreaterThanOrEqual(0.6);
    expect(minhashSimilarity(sig(1), sig(3))).toBeLessThan(0.6);
    const idx = new MatchIndex();
    const add = (id: string, window: number) => idx.add(id, features(id, { window, outlet: 0 }));
    add('w5', 1);
    add('w15', 3);
    expect(idx.copyGroups()).toEqual([]);
    add('w10', 2);
    // w10 copies both: one group. Its texts are as long, and the one of the lowest hash is
    // indexed (w10 here), whatever came first; the others are its copies, in slot order.
    expect(idx.copyGroups()).toEqual([['w10', 'w5', 'w15']]);
    expect(groupsOf(MatchIndex.fromSnapshot(structuredClone(idx.toSnapshot())))).toEqual([['w10', 'w15', 'w5']]);
    idx.remove('w10');
    expect(idx.copyGroups()).toEqual([]);
    // Both are indexed again: a query finds each at its own score.
    const ms = idx.query(features('q', { window: 3, outlet: 1 }));
    expect(ms.map((m) => m.id).sort()).toEqual(['w15', 'w5']);
    expect(ms.find((m) => m.id === 'w15')!.score).toBe(1);
    expect(ms.find((m) => m.id === 'w5')!.score).toBeLessThan(1);
  });
});

describe('CopyBands', () => {
  const text = (seed: number, n = 120) => Array.from({ length: n }, (_, i) => `w${(seed * 7919 + i * 104729) % 5003}`).join(' ');

  it('finds a near-identical text among many, and forgets a removed one', () => {
    const bands = new CopyBands();
    // Enough entries to grow the table several times.
    for (let s = 0; s < 2000; s++) bands.add(s, minhash(text(s)));
    const edited = text(1234).split(' ');
    edited.splice(60, 2, 'credit', 'line');
    expect(bands.candidates(minhash(edited.join(' ')))).toContain(1234);
    expect(bands.candidates(minhash(text(99_999)))).not.toContain(1234);
    bands.remove(1234, minhash(text(1234)));
    expect(bands.candidates(minhash(text(1234)))).not.toContain(1234);
    expect(bands.candidates(minhash(text(1500)))).toContain(1500);
  });
});
