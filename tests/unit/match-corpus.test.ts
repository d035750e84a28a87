// The distractors that bench/match-scale.ts and bench/match-fit.ts --embed put around an
// evaluation set: the other sets' articles, then variants of them, reproducibly.
import { describe, expect, it } from 'vitest';
import { distractors } from '../../bench/match-corpus';
import type { Article } from '../../src/core/types';

const art = (id: string, text: string): Article => ({
  id, title: `Mayor Alvarez opens ${id}`, text, url: `https://example.org/${id}`, source: 'example.org',
  published: '2024-05-02', byline: null, lang: 'en',
});

const sets = new Map<string, Article[]>([
  ['own', ['o1', 'o2'].map((id) => art(id, `Sheriff Okafor said 40 cars burned in Lakeside (${id}).`))],
  ['other', ['a', 'b', 'c'].map((id) => art(id, `Mayor Alvarez said 12 people came to Riverside on Monday (${id}).`))],
]);

function take(n: number): Article[] {
  const gen = distractors(sets, 'own');
  return Array.from({ length: n }, () => gen.next().value!);
}

describe('distractors', () => {
  it('yields every article of the other sets once, then variants with ids, names and numbers of their own', () => {
    const out = take(30);
    expect(out.slice(0, 3).map((a) => a.id).sort()).toEqual(['a', 'b', 'c']);
    expect(new Set(out.map((a) => a.id)).size).toBe(30);
    for (const v of out.slice(3)) {
      expect(v.id).toMatch(/^[abc]~v\d+$/);
      expect(v.text).not.toMatch(/Alvarez|Riverside/);
      expect(v.text).toContain('people came to');
    }
    // Numbers change too (each is scaled by a factor in 0.5..1.5, so a few stay as they were).
    expect(out.slice(3).filter((v) => !v.text.includes(' 12 ')).length).toBeGreaterThan(20);
  });

  it('never yields the evaluated set, nor a variant of it', () => {
    for (const v of take(50)) expect(v.id).not.toMatch(/^o\d/);
  });

  it('ends at once when there is no other set', () => {
    expect([...distractors(new Map([['own', sets.get('own')!]]), 'own')]).toEqual([]);
  });

  it('is the same corpus every time, and leaves the input alone', () => {
    expect(take(12)).toEqual(take(12));
    expect(sets.get('other')!.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });
});
