import { describe, expect, it } from 'vitest';
import { art, diffs, ofKind, P } from './test-helpers';

describe('framing', () => {
  it('shows which words each source uses for the same actors', () => {
    const a = art('A', 'Police fired tear gas at protesters outside the Varn mill on Wednesday night.');
    const b = art('B', 'Police fired tear gas at rioters outside the Varn mill on Wednesday night.');
    const [d] = ofKind(diffs(a, b), 'framing');
    expect(d!.summary).toBe('Different words for the crowd: here "protesters", B says "rioters"');
    expect(d!.elsewhere[0]!.sentence).toBe('Police fired tear gas at rioters outside the Varn mill on Wednesday night.');
  });
  it('is no difference when one source merely uses more words', () => {
    const a = art('A', 'Police fired tear gas at protesters outside the Varn mill on Wednesday night.');
    const b = art('B', 'Police fired tear gas at protesters and rioters outside the Varn mill on Wednesday night.');
    expect(ofKind(diffs(a, b), 'framing')).toEqual([]);
  });
  it('killed / executed', () => {
    const a = art('A', 'Two prisoners were killed at the Osterby jail on Monday, officials said.');
    const b = art('B', 'Two prisoners were executed at the Osterby jail on Monday, activists said.');
    expect(ofKind(diffs(a, b), 'framing').map((d) => d.topic)).toEqual(['words for the killings']);
  });
});

describe('quote', () => {
  it('finds the same quote worded differently, but not a shorter excerpt', () => {
    const a = art('A', 'Mayor Ilse Varga said: "We will not rest until those responsible are found and punished."');
    const b = art('B', 'Mayor Ilse Varga said: "We will not rest until the people responsible have been found and punished."');
    const c = art('C', 'Mayor Ilse Varga said she would "not rest until those responsible are found and punished."');
    const ds = ofKind(diffs(a, b, c), 'quote');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.elsewhere.map((e) => e.source)).toEqual(['B']);
    expect(ds[0]!.here!.value).toBe('We will not rest until those responsible are found and punished');
  });
  it('finds a quote given to a different speaker, across sentences and pronouns', () => {
    const a = art('A', P('Union leader Petra Halloran addressed the crowd. "This fire was not an accident. It was a choice someone made to save money," she said.'));
    const b = art('B', P('Opposition deputy Ruben Castell joined the crowd. "This fire was not an accident. It was a choice someone made to save money," Castell said.'));
    const [d] = ofKind(diffs(a, b), 'quote');
    expect(d!.summary).toBe('Others attribute this quote to someone else: here Petra Halloran, B says Ruben Castell');
  });
  it('same speaker, same words: nothing', () => {
    const q = '"This fire was not an accident, it was a choice someone made," Petra Halloran said.';
    expect(ofKind(diffs(art('A', q), art('B', 'At the rally, ' + q)), 'quote')).toEqual([]);
  });
});

describe('framing: a sentence to come is no word for the killing', () => {
  it('"he could be executed" gives no framing word', async () => {
    const { addFraming } = await import('./framing');
    const use = {};
    addFraming(use, 'Ostrander was found guilty, a verdict that means he could be executed.', 0);
    expect(use).toEqual({});
  });
});

describe('quote: clock times are house style', () => {
  it('"6:41pm PST" and "18:41" do not make two wordings', async () => {
    const { words } = await import('./quotes');
    expect(words('passed away at 6:41pm PST this evening (0241 GMT Friday)')).toEqual(words('passed away at 18:41 this evening (02:41 GMT Friday)'));
  });
});
