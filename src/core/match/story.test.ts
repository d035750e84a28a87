import { describe, expect, it } from 'vitest';
import { growStory } from './story';

/** A symmetric link function from an upper-triangle table of pair scores. */
const links = (table: Record<string, number>) => (i: number, j: number) => table[i < j ? `${i}${j}` : `${j}${i}`] ?? 0;

describe('growStory', () => {
  it('admits a candidate the query barely knows when the story around it vouches for it', () => {
    // 3 is weak for the query (0.2) but strong for 1 and 2, which the query is sure of.
    const link = links({ '01': 0.9, '02': 0.8, '03': 0.2, '12': 0.9, '13': 0.9, '23': 0.9 });
    expect(growStory(4, link, 0.42).map((m) => m.i)).toEqual([1, 2, 3]);
  });

  it('leaves out a candidate the query likes but the rest of the story does not', () => {
    // 3 looks good to the query (0.6) but shares nothing with 1 and 2.
    const link = links({ '01': 0.9, '02': 0.9, '03': 0.6, '12': 0.9 });
    const got = growStory(4, link, 0.42);
    expect(got.map((m) => m.i)).toEqual([1, 2]);
  });

  it('reports each member with its mean link at the time it joined, best first', () => {
    const link = links({ '01': 0.9, '02': 0.5, '12': 0.7 });
    expect(growStory(3, link, 0.42)).toEqual([
      { i: 1, support: 0.9 },
      { i: 2, support: 0.6 },
    ]);
  });

  it('returns nothing when no candidate reaches the minimum, or there are none', () => {
    expect(growStory(3, links({ '01': 0.41, '02': 0.3 }), 0.42)).toEqual([]);
    expect(growStory(1, links({}), 0.42)).toEqual([]);
  });

  it('breaks ties towards the candidate the query ranks first', () => {
    expect(growStory(3, links({ '01': 0.7, '02': 0.7, '12': 0.7 }), 0.42).map((m) => m.i)).toEqual([1, 2]);
  });

  it('lets in what the reader joined, whatever its links, after the story it had', () => {
    // 3 is far from the query (0.1) but the reader said it is the same story; 4 is weak for
    // the query and 1, strong for 3: it follows 3 in. 2 joins the story on its own (0.6 with
    // the query and 1) and stays, although 3 would have kept it out had 3 come first.
    const link = links({ '01': 0.9, '02': 0.6, '12': 0.6, '03': 0.1, '04': 0.4, '13': 0.2, '14': 0.4, '34': 0.95 });
    expect(growStory(5, link, 0.42).map((m) => m.i)).toEqual([1, 2]);
    const got = growStory(5, link, 0.42, [3]);
    expect(got.map((m) => m.i)).toEqual([1, 2, 3, 4]);
    expect(got[2]!.support).toBeCloseTo((0.1 + 0.2 + 0) / 3);
  });
});
