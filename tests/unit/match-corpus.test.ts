// The distractors that bench/match-scale.ts and bench/match-fit.ts --embed put around an
// evaluation set: the other sets' articles, then variants of them, reproducibly.
import { describe, expect, it } from 'vitest';
import { distractors } from '../../bench/match-corpus';
import type { Article } from '../../src/core/types';

const art = (id: string, text: string): Article => ({
  id, title: `Mayor Alvarez opens ${id}`, text, url: `https://example.org/${id}`, source: 'example.org',
  published: '2024-05-02', byline: null, lang: 'en',
});

const others = ['a', 'b', 'c'].map((id) => art(id, `Mayor Alvarez said 12 people came to Riverside on Monday (${id}).`));

function take(n: number): Article[] {
  const gen = distractors(others);
  return Array.from({ length: n }, () => gen.next().value!);
}

describe('distractors', () => {
  it('yields every other article once, then variants with ids, names and numbers of their own', () => {
    const out = take(9);
    expect(out.slice(0, 3).map((a) => a.id).sort()).toEqual(['a', 'b', 'c']);
    const rest = out.slice(3);
    expect(new Set(out.map((a) => a.id)).size).toBe(9);
    for (const v of rest) {
      expect(v.id).toMatch(/^[abc]~v\d+$/);
      expect(v.text).not.toContain('Alvarez');
      expect(v.text).not.toContain('Riverside');
      expect(v.text).toContain('people came to');
    }
  });

  it('is the same corpus every time, and leaves the input alone', () => {
    const before = others.map((a) => a.id).join();
    expect(take(12)).toEqual(take(12));
    expect(others.map((a) => a.id).join()).toBe(before);
  });
});
