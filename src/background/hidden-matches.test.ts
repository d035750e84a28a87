import { describe, expect, it } from 'vitest';
import type { Article } from '../core/types';
import { hiddenMatches } from './hidden-matches';

const art = (id: string, source: string): Article => ({ id, title: `Title ${id}`, source, url: `https://${source}.example/${id}`, published: null, text: 'x', lang: null, byline: null });

describe('hidden matches for the popup', () => {
  it('are one entry per hiding, led by its first article, with the copies hidden with it', () => {
    const stored = new Map([art('w', 'wire'), art('c', 'gazette'), art('o', 'herald')].map((a) => [a.id, a]));
    expect(hiddenMatches([['w', 'c'], ['o']], stored)).toEqual([
      { id: 'w', title: 'Title w', source: 'wire', url: 'https://wire.example/w', together: [{ id: 'c', source: 'gazette', url: 'https://gazette.example/c' }] },
      { id: 'o', title: 'Title o', source: 'herald', url: 'https://herald.example/o' },
    ]);
  });
  it('leave out what is no longer stored: a group whose first is gone is led by the next', () => {
    const stored = new Map([art('c', 'gazette')].map((a) => [a.id, a]));
    expect(hiddenMatches([['w', 'c'], ['gone']], stored)).toEqual([{ id: 'c', title: 'Title c', source: 'gazette', url: 'https://gazette.example/c' }]);
  });
});
