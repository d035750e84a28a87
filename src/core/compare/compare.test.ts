import { describe, expect, it } from 'vitest';
import { extractFacts, FACTS_VERSION, buildReport } from './index';
import de from '../../../tests/fixtures/languages/de.txt?raw';
import fr from '../../../tests/fixtures/languages/fr.txt?raw';
import { art, diffs, ofKind, P } from './test-helpers';

describe('numbers', () => {
  it('reports values that cannot both be true, with both sentences', () => {
    const here = art('The Ledger', P('Fire swept through the Varn mill in Osterby on Tuesday evening.|Twenty-six people were killed in the blaze, officials said.'));
    const there = art('The Courier', P('A fire destroyed the Varn mill in Osterby on Tuesday.|Hundreds of people were killed, the regional governor said.'));
    const [d] = ofKind(diffs(here, there), 'numbers');
    expect(d).toBeDefined();
    expect(d!.topic).toBe('killed');
    expect(d!.summary).toBe('Others report a different number killed: here twenty-six, The Courier says hundreds');
    expect(d!.here).toEqual({ value: 'Twenty-six', sentence: 'Twenty-six people were killed in the blaze, officials said.' });
    expect(d!.elsewhere).toEqual([{ id: there.id, source: 'The Courier', value: 'Hundreds', sentence: 'Hundreds of people were killed, the regional governor said.' }]);
  });
  it('recognises the same quantity across wording (died / killed / dead)', () => {
    const a = art('A', 'Nine people died when the bridge over the Selm gave way on Monday morning.');
    const b = art('B', 'The collapse of the Selm bridge on Monday left 14 dead, rescuers said.');
    expect(ofKind(diffs(a, b), 'numbers').map((d) => d.topic)).toEqual(['killed']);
  });
  it('finds no conflict between overlapping intervals', () => {
    const a = art('A', 'Police said more than 4,000 people had been detained since the protests began in Tarvel.');
    const b = art('B', 'About 4,266 people have been detained since the protests in Tarvel started, police said.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
  it('never reports equal values', () => {
    const a = art('A', 'Twelve people were injured when the tram derailed in Kessing on Friday.');
    const b = art('B', 'The derailment in Kessing on Friday injured 12 people, the operator said.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
  it('does not compare the same count about different people', () => {
    const a = art('A', 'Three police officers were injured in the clashes in Marrow Square on Sunday.');
    const b = art('B', 'Forty protesters were injured in the clashes in Marrow Square on Sunday.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
  it('does not compare a national total with a city count', () => {
    const a = art('A', 'In Dunmore alone, 14 people were killed by the storm on Saturday.');
    const b = art('B', 'The storm killed 60 people nationwide on Saturday, the ministry said.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
  it('ignores negated counts', () => {
    const a = art('A', 'No firefighters were killed, but nine workers died in the fire at the Brell plant.');
    const b = art('B', 'Nine workers died in the fire at the Brell plant, and no one else was killed.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
  it('ignores hedged claims', () => {
    const a = art('A', 'Nine workers died in the fire at the Brell plant on Monday, the fire service said.');
    const b = art('B', P('Nine workers died in the fire at the Brell plant on Monday.|There were unconfirmed reports that 40 people were killed.'));
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
  it('ignores related-link boxes and headline-like lines', () => {
    const a = art('A', 'Nine workers died in the fire at the Brell plant on Monday, the fire service said.');
    const b = art('B', P('Nine workers died in the fire at the Brell plant on Monday, the fire service said.|Related: 40 killed in Osterby mill fire|Read more: 12 dead as bus plunges off cliff|Bus crash kills 12'));
    expect(diffs(a, b)).toEqual([]);
  });
  it('ignores numbers about other events', () => {
    const a = art('A', 'Nine workers died in the fire at the Brell plant on Monday, the fire service said.', '2026-10-15');
    const b = art('B', P('Nine workers died in the fire at the Brell plant on Monday.|A fire at the same plant in 2019 killed 31 people.|It was the deadliest fire in the city since a blaze that killed 50.'), '2026-10-15');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
  it('counts syndicated copy once', () => {
    const wire = P('Nine workers died in a fire at the Brell chemical plant in Osterby on Monday, the regional fire service said.|The fire started in a storage hall shortly after the night shift began, and it took firefighters six hours to bring it under control.|Mayor Ilse Varga said the city would pay for the funerals.');
    const here = art('Local Post', 'Eleven workers died in the fire at the Brell chemical plant in Osterby on Monday, the plant manager said.');
    const a = art('Valmont Wire', wire);
    const b = art('Eastfield Gazette', wire);
    const [d] = ofKind(diffs(here, a, b), 'numbers');
    expect(d!.elsewhere).toHaveLength(1);
    expect(d!.summary).toContain('same text also in Eastfield Gazette');
  });
});

describe('omitted and exclusive', () => {
  const common = 'A fire at the Brell chemical plant in Osterby killed nine workers on Monday, the fire service said.';
  it('lists facts other sources report and this article does not, ranked by sources', () => {
    const here = art('A', common);
    const b = art('B', P(common + '|Police arrested three managers of the plant on Tuesday.|Fire chief Anneke Voss said the exits were blocked.'));
    const c = art('C', P(common + '|Fire chief Anneke Voss said the alarm failed.'));
    const om = ofKind(diffs(here, b, c), 'omitted');
    expect(om.map((d) => d.topic)).toEqual(['Anneke Voss', 'arrested or detained']);
    expect(om[0]!.elsewhere).toHaveLength(2);
    expect(om.every((d) => d.here === null)).toBe(true);
  });
  it('does not call a fact omitted when this article mentions it without a number', () => {
    const here = art('A', P(common + '|Several managers were arrested.'));
    const b = art('B', P(common + '|Police arrested three managers of the plant on Tuesday.'));
    expect(ofKind(diffs(here, b), 'omitted')).toEqual([]);
  });
  it('lists facts only this article reports', () => {
    const here = art('A', P(common + '|Police arrested three managers of the plant on Tuesday.'));
    const b = art('B', common);
    const ex = ofKind(diffs(here, b), 'exclusive');
    expect(ex.map((d) => d.topic)).toEqual(['arrested or detained']);
    expect(ex[0]!.here!.sentence).toBe('Police arrested three managers of the plant on Tuesday.');
  });
  it('claims nothing is only here against feed summaries alone, which stop after a sentence or two', () => {
    const here = art('A', P(common + '|Police arrested three managers of the plant on Tuesday.'));
    const summaryOf = (source: string, text: string) => ({ ...art(source, text), partial: true as const });
    expect(ofKind(diffs(here, summaryOf('B', common), summaryOf('C', common)), 'exclusive')).toEqual([]);
    // With one full report beside them, exclusivity is judged again, and what a summary
    // does say still counts against it.
    const full = art('D', common);
    expect(ofKind(diffs(here, summaryOf('B', common), full), 'exclusive').map((d) => d.topic)).toEqual(['arrested or detained']);
    expect(ofKind(diffs(here, summaryOf('B', common + ' Managers were arrested.'), full), 'exclusive')).toEqual([]);
    // A summary is still evidence of what it says: its facts are compared as any other.
    expect(ofKind(diffs(here, summaryOf('B', 'A fire at the Brell chemical plant in Osterby killed 14 workers on Monday.')), 'numbers')).toHaveLength(1);
  });
});

describe('facts and report', () => {
  it('facts are plain JSON with a version', () => {
    const a = art('A', 'Nine workers died in the fire at the Brell plant on Monday, the fire service said.');
    const f = extractFacts(a);
    expect(f.v).toBe(FACTS_VERSION);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });
  it('marks wire copy under other outlets with the first match of the same text', () => {
    const text = P('Nine workers died in the fire at the Brell plant in Osterby on Monday, the fire service said.|The plant had been inspected in March, and the union says the sprinklers were off.|Mayor Ilse Varga visited the injured at Saint Jorum Hospital on Tuesday.');
    const a = art('Osterby Courier', 'Eleven workers died in the fire at the Brell plant in Osterby on Monday, the plant said.');
    const wire = art('Valmont Wire', text);
    const copy = art('Eastfield Gazette', text);
    // A copy that trims the last paragraph is a copy still, of the first.
    const trimmed = art('Harbor Ledger', text.split('\n\n').slice(0, 2).join('\n\n'));
    const other = art('Delta Herald', 'The Brell plant fire in Osterby on Monday killed nine workers, officials said.');
    const r = buildReport(a, [{ article: copy, score: 0.7 }, { article: other, score: 0.8 }, { article: trimmed, score: 0.6 }, { article: wire, score: 0.9 }]);
    expect(r.matches.map((m) => [m.source, m.sameTextAs])).toEqual([
      ['Valmont Wire', undefined],
      ['Delta Herald', undefined],
      ['Eastfield Gazette', wire.id],
      ['Harbor Ledger', wire.id],
    ]);
  });
  it('an article is never compared with itself, and the report lists matches by score', () => {
    const a = art('A', 'Nine workers died in the fire at the Brell plant on Monday, the fire service said.');
    const b = art('B', 'Eleven workers died in the fire at the Brell plant on Monday, the plant said.');
    const r = buildReport(a, [{ article: a, score: 9 }, { article: b, score: 0.5 }]);
    expect(r.matches.map((m) => m.id)).toEqual([b.id]);
    expect(r.differences.map((d) => d.kind)).toEqual(['numbers']);
  });
});

describe('traps found in real articles', () => {
  it('a tally of several shootings is not the count of this one', () => {
    const a = art('A', 'Four men were wounded in a shooting in Pell Park on Monday afternoon, police said.');
    const b = art('B', 'Seven men were wounded by gunfire on the South and West sides Monday, including four men shot on a Pell Park porch.');
    const c = art('C', 'At least 80 people were killed in the city in November alone, and 28 people were shot in the city since Friday.');
    expect(ofKind(diffs(a, b, c), 'numbers')).toEqual([]);
  });
  it('victims plus an attacker who died are not a different toll', () => {
    const a = art('A', 'Four people were killed by a man on a rampage in Dorn before he was shot and killed by police on Sunday night.');
    const b = art('B', 'The rampage in Dorn on Sunday night left five dead, police said.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
  it('a named part of a group is not the group', () => {
    const a = art('A', 'The shooting in Pell Park left a 10-year-old girl and two men wounded, police said.');
    const b = art('B', 'A 10-year-old girl was among three people wounded in the shooting in Pell Park, police said.');
    const c = art('C', 'The first call came from two wounded soldiers at the Pell Park base, where three people were wounded.');
    const d = art('D', 'Police said Webb and two others were wounded in the shooting in Pell Park.');
    expect(ofKind(diffs(a, b, c, d), 'numbers')).toEqual([]);
  });
  it('"one critical and three others injured" can be four injured', () => {
    const a = art('A', 'One man is in critical condition and three others are injured after a shooting in Dorn on Sunday.');
    const b = art('B', 'Police said four people were injured in the shooting in Dorn on Sunday morning.');
    expect(ofKind(diffs(a, b), 'numbers')).toEqual([]);
  });
  it('ages, channel numbers and datelines are not counts or event dates', () => {
    const a = art('A', 'One man, age 18, was wounded in the leg in the Dorn shooting on Saturday, Channel 4 reported.', '2026-06-17');
    const b = art('B', 'June 17, 2026 - Police are investigating the shooting in Dorn on Saturday, in which one man was wounded.', '2026-06-17');
    expect(diffs(a, b).filter((d) => d.kind === 'numbers' || d.kind === 'timing')).toEqual([]);
  });
});

describe('wrong matches', () => {
  it('a match that shares no name (by the matcher) is listed but gives no differences', () => {
    const a = art('A', 'Nine workers died in the fire at the Brell plant in Osterby on Monday, the fire service said.');
    const b = art('B', 'Eleven workers died in the fire at the Brell plant in Osterby on Monday, the plant said.');
    const reasons = { sharedNames: [], sharedTerms: ['workers'], dayGap: 0, namedDay: null, syndicated: false };
    const r = buildReport(a, [{ article: b, score: 0.4, reasons }]);
    expect(r.matches.map((m) => m.id)).toEqual([b.id]);
    expect(r.differences).toEqual([]);
    // Unless the reader joined it to the story: then it is compared, and marked.
    const joined = buildReport(a, [{ article: b, score: 0.4, reasons, joined: true }]);
    expect(joined.matches.map((m) => [m.id, m.joined])).toEqual([[b.id, true]]);
    expect(joined.differences.map((d) => d.kind)).toContain('numbers');
  });
  it('an article about other people and places is not compared', () => {
    const a = art('A', P('Nine workers died in the fire at the Brell Chemical Plant in Osterby on Monday, Fire Chief Anneke Voss said.|Mayor Ilse Varga visited Saint Jorum Hospital.|The Osterby Workers Union called a strike.'));
    const b = art('B', P('Eleven people died when the Kessing Tram Line derailed near Marrow Square, Transport Minister Tomas Reyl said.|The Kessing Transit Authority closed Harbor Road.|Pell Valley Hospital took the injured.'));
    expect(diffs(a, b)).toEqual([]);
  });
});

describe('articles in other languages', () => {
  // The rules are English: a text in another language is listed, never compared.
  const english = art('Valmont Post', P('Fire destroyed a warehouse in the port of Valmont overnight, and three people were injured, Mayor Hélène Morrow said on Wednesday.|"The fire spread very fast because of the strong wind," the fire chief told reporters.|Police have opened an inquiry into the cause of the fire.'));
  const german = { ...art('Valmonter Zeitung', de), lang: 'de' };
  const conflicting = art('Harbour Times', P('Seven people were injured when a blaze gutted a harbour warehouse in Valmont late on Tuesday, according to Mayor Hélène Marrow.|Investigators are looking into what started it.'));

  it('a match in another language is marked and gives no differences; English matches still do', () => {
    // Read with the English rules, the German report says nothing of the three injured it
    // names ("drei Menschen verletzt"), and the English report's count looks like its own.
    expect(diffs(english, german).map((d) => d.kind)).toEqual(['exclusive']);
    expect(buildReport(english, [{ article: german, score: 0.9 }]).differences).toEqual([]);
    const r = buildReport(english, [{ article: german, score: 0.9 }, { article: conflicting, score: 0.8 }]);
    expect(r.article.language).toBeUndefined();
    expect(r.matches.map((m) => [m.source, m.language])).toEqual([['Valmonter Zeitung', 'de'], ['Harbour Times', undefined]]);
    const cited = r.differences.flatMap((d) => d.elsewhere.map((e) => e.id));
    expect(cited).toContain(conflicting.id);
    expect(cited).not.toContain(german.id);
  });

  it('an article in another language is compared with nothing, and says which language it is in', () => {
    const french = art('Le Courrier de Valmont', fr);
    // Read with the English rules, the French report ("trois personnes ont été blessées")
    // would leave out the number injured.
    expect(diffs(french, english).map((d) => d.kind)).toEqual(['omitted']);
    const r = buildReport(french, [{ article: english, score: 0.9 }, { article: conflicting, score: 0.8 }]);
    expect(r.article.language).toBe('fr');
    expect(r.matches.map((m) => m.source)).toEqual(['Valmont Post', 'Harbour Times']);
    expect(r.differences).toEqual([]);
  });
});
