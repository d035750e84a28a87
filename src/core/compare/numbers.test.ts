import { describe, expect, it } from 'vitest';
import { findNumbers, overlaps } from './numbers';
import { quantitiesIn } from './quantities';
import { art, diffs, ofKind } from './test-helpers';

const iv = (s: string) => findNumbers(s).map((n) => [n.interval.lo, n.interval.hi]);

describe('number expressions as intervals', () => {
  it('reads digits, words, scales and vague amounts', () => {
    expect(iv('4,266 people')).toEqual([[4266, 4266]]);
    expect(iv('twenty-six people')).toEqual([[26, 26]]);
    expect(iv('1.5 million dollars')).toEqual([[1_500_000, 1_500_000]]);
    expect(iv('hundreds of people')).toEqual([[200, 999]]);
    expect(iv('dozens of people')).toEqual([[24, 99]]);
    expect(iv('a dozen people')).toEqual([[10, 14]]);
  });
  it('folds modifiers and ranges into the interval', () => {
    expect(iv('more than 4,000')).toEqual([[4001, null]]);
    expect(iv('at least 30')).toEqual([[30, null]]);
    expect(iv('up to 50')).toEqual([[0, 50]]);
    expect(iv('between 10 and 12')).toEqual([[10, 12]]);
    expect(iv('two or three')).toEqual([[2, 3]]);
    const [[lo, hi]] = iv('about 4,266') as [[number, number]];
    expect(lo).toBeLessThan(4266 * 0.95);
    expect(hi).toBeGreaterThan(4266 * 1.05);
  });
  it('overlapping intervals are compatible, disjoint ones are not', () => {
    expect(overlaps({ lo: 4001, hi: null }, { lo: 3839, hi: 4693 })).toBe(true);
    expect(overlaps({ lo: 26, hi: 26 }, { lo: 200, hi: 999 })).toBe(false);
    expect(overlaps({ lo: 26, hi: 26 }, { lo: 26, hi: 26 })).toBe(true);
  });
});

describe('what was counted', () => {
  const cats = (s: string) => quantitiesIn(s).map((q) => `${q.key}=${q.text}`);
  it('recognises the same quantity across wording', () => {
    expect(cats('Nine people died in the blaze.')).toEqual(['killed|=Nine']);
    expect(cats('The death toll rose to 31 on Monday.')).toEqual(['killed|=31']);
    expect(cats('The fire killed 12 people and wounded 40.')).toEqual(['killed|=12', 'injured|=40']);
    expect(cats('Seven were hurt.')).toEqual(['injured|=Seven']);
    expect(cats('Police detained more than 400 people.')).toEqual(['arrested|=more than 400']);
    expect(cats('About 300 were jailed.')).toEqual(['arrested|=About 300']);
  });
  it('keeps who was counted apart', () => {
    expect(cats('Three police officers were injured.')).toEqual(['injured|officers=Three']);
    expect(cats('Four soldiers were killed.')).toEqual(['killed|soldiers=Four']);
  });
  it('ignores ages, times, dates, addresses and parts of a total', () => {
    expect(cats('Ana Vell, 27, was arrested at 4:15 p.m. on March 26.')).toEqual([]);
    expect(cats('A 23-year-old man was killed in the 300 block of Pine Street.')).toEqual([]);
    expect(cats('Nine people died, including two children.')).toEqual(['killed|=Nine']);
    expect(cats('Two gunmen killed a guard.')).toEqual([]);
  });
  it('reads money and percentages only with what they are about', () => {
    expect(cats('Bail was set at $2 million.')).toEqual(['money|bail=$2 million']);
    expect(cats('The figure was $2 million.')).toEqual([]);
    expect(cats('Turnout was 61 percent.')).toEqual(['percent|turnout=61 percent']);
    expect(cats('The steel tariff covered just 30 percent of all imports.')).toEqual([]);
  });
});

describe('money (held-out batch 11)', () => {
  const money = (s: string) => quantitiesIn(s).filter((q) => q.cat === 'money').map((q) => q.text);
  it('an amount "for each count" or a rise "by $20,000" is not the total', () => {
    expect(money('Orm was held on a $500,000 bond for each count.')).toEqual([]);
    expect(money('Police upped the reward by $20,000, making the total reward $23,000.')).toEqual(['$23,000']);
    expect(money('Bond was set at $1 million.')).toEqual(['$1 million']);
  });
  it('a policy sum starts no finding; a bail amount still does', () => {
    const wall = (v: string, verb: string) => art('Ledger', `The president ${verb} $${v} billion for the border wall in Velm on Tuesday.`);
    expect(ofKind(diffs(wall('5.7', 'requested'), wall('3.6', 'diverted')), 'numbers')).toEqual([]);
    const bail = (v: string) => art('Ledger', `A judge set bail at $${v} for Tam Orm on Tuesday in Velm.`);
    expect(ofKind(diffs(bail('310,000'), bail('130,000')), 'numbers')).toHaveLength(1);
  });
  it('a reward reported days apart is not compared: it is raised in steps', () => {
    const reward = (v: string, day: string) => art('Ledger', `Police raised the reward in the Tam Orm case in Velm to $${v}.`, day);
    expect(ofKind(diffs(reward('25,000', '2026-10-18'), reward('23,000', '2026-10-15')), 'numbers')).toEqual([]);
  });
});

describe('who was counted (held-out batch 11)', () => {
  it('"two suffered minor injuries" counts no children; "two minors were hurt" does', () => {
    expect(quantitiesIn('Two suffered minor injuries.').map((q) => q.key)).toEqual(['injured|']);
    expect(quantitiesIn('Two minors were hurt.').map((q) => q.key)).toEqual(['injured|children']);
  });
});
