import { describe, expect, it } from 'vitest';
import { datesIn, sameDay } from './dates';
import { spellingVariant } from './kinds-naming';
import { art, diffs, ofKind, P } from './test-helpers';

describe('dates resolved against the publication date', () => {
  const pub = '2026-10-15T06:00:00Z'; // a Thursday
  const day = (s: string) => datesIn(s, pub).map((d) => d.day);
  it('resolves weekdays, calendar dates and relative dates', () => {
    expect(day('The fire broke out on Wednesday.')).toEqual(['2026-10-14']);
    expect(day('It happened on Thursday.')).toEqual(['2026-10-15']);
    expect(day('It began on January 6.')).toEqual(['2026-01-06']);
    expect(day('It began on 13 October.')).toEqual(['2026-10-13']);
    expect(day('It began yesterday.')).toEqual(['2026-10-14']);
    expect(day('It began two days ago.')).toEqual(['2026-10-13']);
  });
  it('does not resolve "yesterday" without a time of publication', () => {
    expect(datesIn('It began yesterday.', '2026-10-15')).toEqual([]);
  });
  it('lets late night and early morning of the next day agree', () => {
    const [a] = datesIn('late Friday night', pub);
    const [b] = datesIn('early Saturday', pub);
    const [c] = datesIn('on Saturday', pub);
    expect(sameDay(a!, b!)).toBe(true);
    expect(sameDay(a!, c!)).toBe(true);
    const [d] = datesIn('on Tuesday evening', pub);
    const [e] = datesIn('on Wednesday', pub);
    expect(sameDay(d!, e!)).toBe(false);
  });
});

describe('timing', () => {
  it('reports the same event dated differently once resolved', () => {
    const a = art('The Ledger', 'The fire at the Varn mill broke out on Tuesday evening, officials said.', '2026-10-15T06:00:00Z');
    const b = art('The Courier', 'The fire at the Varn mill broke out on Wednesday, officials said.', '2026-10-15T09:00:00Z');
    const [d] = ofKind(diffs(a, b), 'timing');
    expect(d!.topic).toBe('date of the fire');
    expect(d!.summary).toBe('Others give a different date of the fire: here on Tuesday evening (13 October), The Courier says on Wednesday (14 October)');
  });
  it('agrees when a weekday and a calendar date name the same day', () => {
    const a = art('A', 'The fire at the Varn mill broke out on Tuesday evening.', '2026-10-15');
    const b = art('B', 'The fire at the Varn mill broke out on 13 October.', '2026-10-16');
    const c = art('C', 'The fire at the Varn mill, which broke out two days ago, is out.', '2026-10-15T10:00:00Z');
    expect(ofKind(diffs(a, b, c), 'timing')).toEqual([]);
  });
  it('does not compare the date of a statement or of another event', () => {
    const a = art('A', 'The fire at the Varn mill broke out on Tuesday, officials said on Wednesday.', '2026-10-15');
    const b = art('B', P('The fire at the Varn mill broke out on Tuesday.|Funerals will be held on Saturday.|The mill reopened on Thursday.'), '2026-10-16');
    expect(ofKind(diffs(a, b), 'timing')).toEqual([]);
  });
});

describe('naming', () => {
  it('recognises spelling variants and not different people', () => {
    expect(spellingVariant('Ilse Marrow', 'Ilse Morrow')).toBe(true);
    expect(spellingVariant('Jean-Marc Dufresne', 'Jean Marc Dufresne')).toBe(true);
    expect(spellingVariant('John Smith', 'John Smyth')).toBe(true);
    expect(spellingVariant('Lizzy Williams', 'Shelly Williams')).toBe(false);
    expect(spellingVariant('Ilse Marrow', 'Ilse Marrow')).toBe(false);
    expect(spellingVariant('Anna Berg', 'Anna Borg')).toBe(false); // too short to tell
  });
  it('reports a name spelled differently, with both sentences', () => {
    const a = art('A', 'Mayor Ilse Marrow visited the Varn mill site on Wednesday morning.');
    const b = art('B', 'Mayor Ilse Morrow visited the Varn mill site on Wednesday morning.');
    const [d] = ofKind(diffs(a, b), 'naming');
    expect(d!.summary).toBe('Others spell the name differently: here Ilse Marrow, B writes Ilse Morrow');
  });
  it('reports a different title for the same person, not a longer one', () => {
    const a = art('A', 'Interior Minister Tomas Reyl promised an inquiry into the Varn mill fire.');
    const b = art('B', 'Security Minister Tomas Reyl promised an inquiry into the Varn mill fire.');
    const c = art('C', 'Minister Tomas Reyl promised an inquiry into the Varn mill fire.');
    const ds = ofKind(diffs(a, b, c), 'naming');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.summary).toBe('Others give Tomas Reyl a different title: here Interior Minister, B says Security Minister');
  });
});

describe('naming: house style', () => {
  it('a hospital with and without its hyphen is one name; a person with and without is two spellings', async () => {
    const { spellingVariant } = await import('./kinds-naming');
    expect(spellingVariant('Varrow-Lind Medical Center', 'Varrow Lind Medical Center')).toBe(false);
    expect(spellingVariant('Anna Varrow-Lind', 'Anna Varrow Lind')).toBe(true);
  });
});

describe('naming: swapped letters', () => {
  it('Haung / Huang is one slip, a spelling variant', async () => {
    const { spellingVariant } = await import('./kinds-naming');
    expect(spellingVariant('Min Haung', 'Min Huang')).toBe(true);
  });
});
