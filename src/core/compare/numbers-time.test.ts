// Which two figures are the same quantity: same incident, same time, counted the same way.
// Fictional sentences (invented places and people).
import { describe, expect, it } from 'vitest';
import { quantitiesIn } from './quantities';
import { art, diffs, ofKind } from './test-helpers';

const toll = (n: string) => `Fire crews worked through the night at the Varrow mill in Lindqvist, where ${n} people were killed in the blaze on Tuesday.`;

describe('numbers over time', () => {
  it('a higher count published days later is reported as a later count, not a contradiction', () => {
    const ds = ofKind(diffs(art('Ledger', toll('three'), '2026-03-03'), art('Courier', toll('five'), '2026-03-05')), 'numbers');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.topic).toBe('killed');
    expect(ds[0]!.summary).toMatch(/^A later count, not necessarily a contradiction.*2 days later, says five/);
    expect(ds[0]!.elsewhere.map((e) => [e.value, e.note])).toEqual([['five', '2 days later']]);
  });
  it('the same day, different counts are a difference', () => {
    const ds = ofKind(diffs(art('Ledger', toll('three'), '2026-03-03'), art('Courier', toll('five'), '2026-03-03')), 'numbers');
    expect(ds[0]!.summary).toMatch(/^Others report a different number killed/);
    expect(ds[0]!.elsewhere[0]!.note).toBeUndefined();
  });
  it('a lower count published later is a difference: tolls do not fall', () => {
    const ds = ofKind(diffs(art('Ledger', toll('five'), '2026-03-03'), art('Courier', toll('three'), '2026-03-05')), 'numbers');
    expect(ds[0]!.summary).toMatch(/^Others report a different number killed/);
  });
  it('reports more than 30 days apart are not compared', () => {
    expect(ofKind(diffs(art('Ledger', toll('three'), '2026-03-03'), art('Courier', toll('five'), '2026-05-20')), 'numbers')).toEqual([]);
  });
  it('two impressions ("hundreds", "dozens") never conflict', () => {
    const a = art('Ledger', 'The quake near Morvik on Sunday injured hundreds of people, officials in the province said.');
    const b = art('Courier', 'The quake near Morvik on Sunday injured dozens of people, officials in the province said.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
});

describe('who was counted', () => {
  it('"the two men who shot up a street" are the shooters, not the victims', () => {
    expect(quantitiesIn('Police believe the two men who shot up a busy street in Dravenport are from out of town.').filter((q) => q.cat === 'shot')).toEqual([]);
  });
  it('"one shot in the leg and the other in the arm" describes victims one by one', () => {
    const qs = quantitiesIn('The other victims were two teenagers, one shot in the leg and the other in the arm.');
    expect(qs.every((q) => q.part)).toBe(true);
  });
  it('"killed three people and then himself" is three or four dead', () => {
    const [q] = quantitiesIn('The gunman killed three people and then himself in Harlow Park on Tuesday.');
    expect([q!.lo, q!.hi]).toEqual([3, 4]);
  });
  it('shots fired can agree but never start a finding (each shooter has his own count)', () => {
    const a = art('Ledger', 'Ostrander fired two shots at the officers in Velm on Monday, police said.');
    const b = art('Courier', 'An officer fired one shot at Ostrander in Velm on Monday, police said.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
});

describe('same quantity, counted the same way', () => {
  it('"more than 40" and "40" are one count rounded two ways', () => {
    const a = art('Ledger', 'The shelling of the Tarn school in Oskeby on Tuesday killed more than 40 people, doctors said.');
    const b = art('Courier', 'The shelling of the Tarn school in Oskeby on Tuesday killed 40 people, the agency said.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
  it('"two men dead and four others were shot": the four are besides the dead', () => {
    const [q] = quantitiesIn('Two men died and four others were shot in the incident in Harrowgate.').filter((x) => x.cat === 'shot');
    expect(q!.part).toBe(true);
  });
  it('"Tuesday (6 January)" is a date, not a count', () => {
    expect(quantitiesIn('Troops on Tuesday (6 January) killed at least 40 people in Velm.').map((q) => q.text)).toEqual(['at least 40']);
  });
});

describe('not counts (held-out batch 8)', () => {
  it('"a father of two sons — died" and "When one is killed" count no dead', () => {
    expect(quantitiesIn('A deputy — a recently married father of two sons — died after a shooting in Velm on Friday.')).toEqual([]);
    expect(quantitiesIn('When one is killed, all of us lose.')).toEqual([]);
  });
  it('"arrested five buildings away" is a distance, not five arrested', () => {
    expect(quantitiesIn('The defendant was arrested five buildings away on Harrow Street shortly before midnight.')).toEqual([]);
  });
});

describe('time frame (held-out batch 9)', () => {
  it('"over 50 arrests over four nights of protest" is a tally of several nights, not one night\'s count', () => {
    expect(quantitiesIn('Since the shooting, over 50 arrests have been made over four nights of protesting in Velm.')).toEqual([]);
    expect(quantitiesIn('Four people were killed in a murder-suicide that spanned several scenes in Velm.')).toEqual([]);
    expect(quantitiesIn('Four people were killed in a murder-suicide at a home in Velm.').map((q) => q.text)).toEqual(['Four']);
  });
});

describe('held-out batch 10', () => {
  it('"Capt. Orm and Trooper Vell, both 51, died at the scene" gives no count of 51', () => {
    expect(quantitiesIn('Capt. Tam Orm and Trooper Wil Vell, both 51, died at the scene.')).toEqual([]);
  });
});

describe('recall', () => {
  it('"killed one person" is a count of one', () => {
    expect(quantitiesIn('A strong quake rattled Velm province on Wednesday and killed one person, officials said.').map((q) => [q.key, q.lo])).toEqual([['killed|', 1]]);
  });
});

describe('totals written as parts (held-out batch 11)', () => {
  const parts = 'A gunman opened fire at the Orrin Street market in Velm on Tuesday night. Two people are in critical condition and five others were hospitalized, police said.';
  const total = (n: string) => `A gunman opened fire at the Orrin Street market in Velm on Tuesday night, and ${n} people were injured, police said.`;
  it('"two critical and five others" agrees with seven injured', () => {
    expect(ofKind(diffs(art('Ledger', parts), art('Courier', total('seven'))), 'numbers')).toEqual([]);
  });
  it('but not with nine injured', () => {
    expect(ofKind(diffs(art('Ledger', parts), art('Courier', total('nine'))), 'numbers')).toHaveLength(1);
  });
  it('"one person dead" and "the gunman was also killed" agree with two killed', () => {
    const a = art('Ledger', 'A shooting at the Orrin Street market in Velm on Tuesday left one person dead, police said. The gunman was also killed by an officer.');
    const b = art('Courier', 'Two people were killed, including the gunman, in a shooting at the Orrin Street market in Velm on Tuesday.');
    const c = art('Herald', 'Two people were killed in a shooting at the Orrin Street market in Velm on Tuesday.');
    expect(ofKind(diffs(a, b, c), 'numbers')).toEqual([]);
    const d = art('Herald', 'Four people were killed in a shooting at the Orrin Street market in Velm on Tuesday.');
    expect(ofKind(diffs(a, d), 'numbers')).toHaveLength(1);
  });
});

describe('not counts (held-out batch 11)', () => {
  const shot = (s: string) => quantitiesIn(s).filter((q) => q.cat === 'shot').map((q) => q.text);
  it('"early 20\'s", "ages 15 and 16" and a video\'s "0:27" are not counts', () => {
    expect(shot('Police say four men in their early 20’s were shot.')).not.toContain('20');
    expect(shot('Two teens, ages 15 and 16, were shot.')).not.toContain('16');
    expect(quantitiesIn('Video: Velm man killed 0:27')).toEqual([]);
    expect(quantitiesIn('Three women, ages 15, 17, and 18, were injured.').map((q) => q.text)).not.toContain('18');
  });
  it('the count beside them is still read', () => {
    expect(shot('Police say five men were shot.')).toEqual(['five']);
  });
});

describe('some of a group, not its size (held-out batch 11)', () => {
  const lead = 'A gunman opened fire outside the Orrin Street club in Velm early Sunday.';
  it('"three remain hospitalized" and "two of his children" are parts', () => {
    const a = art('Ledger', `${lead} Four people were injured, police said.`);
    const b = art('Courier', `${lead} Two have been released and three remain hospitalized, police said.`);
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
    const c = art('Ledger', `${lead} Tam Orm shot six people, police said.`);
    const d = art('Courier', `${lead} Tam Orm also fatally shot two of his children, police said.`);
    expect(ofKind(diffs(c, d), 'numbers')).toEqual([]);
  });
  it('a total still differs from a total', () => {
    const a = art('Ledger', `${lead} Four people were injured, police said.`);
    const b = art('Courier', `${lead} Three people were injured, police said.`);
    expect(ofKind(diffs(a, b), 'numbers')).toHaveLength(1);
  });
});

describe('totals written as parts, "suffered injuries" (held-out batch 11)', () => {
  const lead = 'A gunman opened fire outside the Orrin Street club in Velm early Sunday.';
  it('"two were in critical condition and two suffered minor injuries" agrees with four injured, not with six', () => {
    const a = art('Ledger', `${lead} Two of the victims were in critical condition and two suffered minor injuries, police said.`);
    expect(ofKind(diffs(a, art('Courier', `${lead} Four people were injured, police said.`)), 'numbers')).toEqual([]);
    expect(ofKind(diffs(a, art('Courier', `${lead} Six people were injured, police said.`)), 'numbers')).toHaveLength(1);
  });
});

describe('crowds of different days (held-out batch 11)', () => {
  const crowd = (n: string, day: string) => art('Ledger', `Later, ${n} people gathered at the Orrin Street corner in Velm to remember the boy.`, day);
  it('a crowd reported days later is another gathering', () => {
    expect(ofKind(diffs(crowd('hundreds of', '2026-10-22'), crowd('nearly 100', '2026-10-15')), 'numbers')).toEqual([]);
  });
  it('the same day, the sizes still differ', () => {
    expect(ofKind(diffs(crowd('hundreds of', '2026-10-15'), crowd('nearly 100', '2026-10-15')), 'numbers')).toHaveLength(1);
  });
});

describe('hurt by gunfire (held-out batch 11)', () => {
  const lead = 'A gunman opened fire in an apartment on Orrin Street in Velm early Sunday.';
  it('"six injured by gunfire" is not all the injured ("seven injured", one hurt fleeing)', () => {
    const a = art('Ledger', `${lead} A teenager died and seven other people were injured, officials said.`);
    const b = art('Courier', `${lead} The shooting killed a teenager and left six other people injured by gunfire.`);
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
    expect(quantitiesIn('It left six other people injured by gunfire.').map((q) => q.key)).toEqual(['injured|@gunfire']);
  });
});

describe('another place, an earlier attack (held-out batch 11)', () => {
  it('"In another, ... killing 12" and "in retaliation for the bombing that killed scores" are not the toll', () => {
    const a = art('Ledger', 'The death toll climbed to at least 143 in the Velm floods on Saturday, officials said.');
    const b = art('Courier', 'Floods hit Velm this week. In another town, floodwaters swept through a care home, killing 12.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
    const c = art('Ledger', 'Two militants were killed in a drone strike in Orrin on Friday, in retaliation for the bombing at the Velm airport that killed scores of people.');
    const d = art('Courier', 'Two militants were killed in a drone strike in Orrin on Friday, officials said.');
    expect(ofKind(diffs(c, d), 'numbers')).toEqual([]);
  });
  it('the toll of the story itself is still compared', () => {
    const a = art('Ledger', 'The death toll climbed to at least 143 in the Velm floods on Saturday, officials said.');
    const b = art('Courier', 'The floods in Velm killed 80 people by Saturday, officials said.');
    expect(ofKind(diffs(a, b), 'numbers')).toHaveLength(1);
  });
});

describe('the attacker counted once', () => {
  it('two dead and four dead, each report saying the gunman died, still differ (± 1 on one side only)', () => {
    const a = art('Ledger', 'Police found two people dead at a home on Orrin Street in Velm on Friday. The gunman was also killed.');
    const b = art('Courier', 'Four people were killed at a home on Orrin Street in Velm on Friday. The gunman was also killed.');
    expect(ofKind(diffs(a, b), 'numbers')).toHaveLength(1);
  });
});
