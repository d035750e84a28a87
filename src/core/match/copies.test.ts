import { describe, expect, it } from 'vitest';
import { normaliseArticle } from '../article';
import type { Article } from '../types';
import { CopyBands } from './copy-bands';
import { MatchIndex, extractMatchFeatures } from './index';
import { minhash } from './minhash';
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

describe('syndicated copies in the index', () => {
  const base = [...corpus, ...warehouseFire];
  const copies = wire(shootingA2, 6);
  const a1 = extractMatchFeatures(shootingA1);

  it('count a text once in rarity, however many outlets ran it', () => {
    // Six outlets running a2 would otherwise make every word of the story look six times
    // commoner, and weaken every other match of it (a3 here).
    const plain = build(base).query(a1, { exclude: ['a1'] });
    const idx = build([...base, ...copies]);
    expect(idx.size).toBe(base.length + 6);
    const withCopies = idx.query(a1, { exclude: ['a1'] });
    const own = scores(plain);
    for (const m of withCopies.filter((m) => !m.id.includes('-wire'))) expect(m.score).toBe(own[m.id]);
    // Each copy comes with the article it copies, at its score; none is a copy of a1.
    const a2 = own['a2']!;
    expect(withCopies.filter((m) => m.id.startsWith('a2-wire')).map((m) => [m.score, m.reasons.syndicated])).toEqual(copies.map(() => [a2, false]));
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

  it('survive a snapshot, and a copy added after the restore joins its article', () => {
    const idx = MatchIndex.fromSnapshot(structuredClone(build([...base, ...copies.slice(0, 3)]).toSnapshot()));
    idx.add(copies[3]!.id, extractMatchFeatures(copies[3]!));
    const ms = scores(idx.query(a1, { exclude: ['a1'] }));
    for (const c of copies.slice(0, 4)) expect(ms[c.id]).toBe(ms['a2']);
    expect(scores(idx.query(a1, { exclude: ['a1'] }))).toEqual(scores(build([...base, ...copies.slice(0, 4)]).query(a1, { exclude: ['a1'] })));
  });

  it('are not made of short texts or of texts that only look alike', () => {
    const short = normaliseArticle({ ...shootingA2, id: 'brief', source: 'x.example', url: null, text: shootingA2.text.split('.').slice(0, 1).join('.') + '.' });
    const idx = build([...base, short]);
    const ms = idx.query(extractMatchFeatures(short), { exclude: ['brief'] });
    expect(ms.find((m) => m.id === 'a2')?.reasons.syndicated ?? false).toBe(false);
    expect(idx.query(a1, { exclude: ['a1'] }).find((m) => m.id === 'a3')?.reasons.syndicated).toBe(false);
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
