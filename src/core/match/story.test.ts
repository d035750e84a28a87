import { describe, expect, it } from 'vitest';
import { growStory, sharedNeighbourLinks } from './story';

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

  it('a joined article the model did not pool waits for the others, however strongly linked', () => {
    // 1 (joined) is the query's best link but unlike 2: joining first, it would pull 2's mean
    // link to (0.5 + 0.1) / 2 = 0.3, under the minimum, and cost the story 2.
    const link = links({ '01': 0.95, '02': 0.5, '12': 0.1 });
    expect(growStory(3, link, 0.42, [1]).map((m) => m.i)).toEqual([1]);
    expect(growStory(3, link, 0.42, [1], new Set([1]))).toEqual([
      { i: 2, support: 0.5 },
      { i: 1, support: (0.95 + 0.1) / 2, late: true },
    ]);
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

describe('sharedNeighbourLinks', () => {
  const all = () => true;

  it('raises a weak link between two articles linked alike to the rest, and lowers one whose links go elsewhere', () => {
    // 1, 2 and 3 are one event; 3 and 4 are terse and barely linked to each other. 5 and 6
    // are a look-alike event: the query (0) likes 5, but 5's strong links are to 6.
    const link = links({
      '01': 0.9, '02': 0.9, '03': 0.5, '04': 0.2, '05': 0.55, '06': 0.2,
      '12': 0.9, '13': 0.8, '14': 0.5, '15': 0.1, '16': 0.1,
      '23': 0.8, '24': 0.5, '25': 0.1, '26': 0.1,
      '34': 0.3, '35': 0.1, '36': 0.1, '45': 0.1, '46': 0.1, '56': 0.9,
    });
    const blended = sharedNeighbourLinks(7, link, 0.35, all);
    expect(blended(3, 4)).toBeGreaterThan(0.5);
    expect(blended(0, 5)).toBeLessThan(0.4);
    expect(blended(4, 3)).toBe(blended(3, 4));
    // 4 joins the story only through the blend; 5 stays out either way.
    expect(growStory(7, link, 0.46).map((m) => m.i)).toEqual([1, 2, 3]);
    expect(growStory(7, blended, 0.46).map((m) => m.i)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the link where no other article can vouch, and weighs a profile over one at half', () => {
    expect(sharedNeighbourLinks(2, links({ '01': 0.3 }), 0.35, all)(0, 1)).toBeCloseTo(0.3);
    // Over one other article any two articles linked to it look alike (profile 1).
    expect(sharedNeighbourLinks(3, links({ '01': 0.3, '02': 0.2, '12': 1 }), 0.35, all)(0, 1)).toBeCloseTo(0.825 * 0.3 + 0.175);
  });

  it('measures the profile over the basis only', () => {
    const link = links({ '01': 0.3, '02': 0.9, '03': 0.1, '12': 0.9, '13': 0.9, '23': 0.1 });
    const withThree = sharedNeighbourLinks(4, link, 0.35, all)(0, 1);
    const withoutThree = sharedNeighbourLinks(4, link, 0.35, (i) => i !== 3)(0, 1);
    expect(withThree).not.toBeCloseTo(withoutThree);
    expect(withoutThree).toBeCloseTo(0.825 * 0.3 + 0.175);
  });
});

