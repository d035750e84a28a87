import { describe, expect, it } from 'vitest';
import { extractFacts } from './facts';
import { storiesOf } from './passages';
import { buildReport } from './report';
import { art, diffs, ofKind, P } from './test-helpers';

// A fictional morning briefing: three stories, each under a headline of its own.
const FIRE = 'A fire at the Brell chemical plant in Osterby killed five workers on Monday, the regional fire service said. Fire chief Anneke Voss said the blaze started in a storage hall shortly after the night shift began.|Plant manager Tomas Kelder said the company would pay for the funerals of the Brell workers and open its books to the Osterby inspectors.';
const FLOOD = 'Floods in the Marren valley forced 2,000 residents from their homes on Monday, and two people were killed when the Lindau bridge gave way. Mayor Petra Hollis said the Marren river had risen four metres overnight.|Hollis asked the Lindau army barracks for sandbags and boats, and schools in the Marren valley stay closed until Friday.';
const VOTE = 'The Dunmore council voted to close the Carrow Street library after a two-year fight over its budget, with councillor Ruth Amsel casting the deciding vote. Amsel said the Dunmore budget left no other choice.|Readers at the Carrow Street library collected 4,000 signatures against the closure, and the Dunmore Readers Union said it would go to court.';
const briefing = () =>
  art('Morning Digest', P(`Brell plant fire kills workers in Osterby|${FIRE}|Floods force thousands from the Marren valley|${FLOOD}|Dunmore council votes to close Carrow Street library|${VOTE}`));

describe('roundups: one page, several stories', () => {
  it('cuts a briefing into its stories at their headlines', () => {
    const b = briefing();
    const s = storiesOf(b.text, extractFacts(b))!;
    expect(s.names).toHaveLength(3);
    expect([...s.names[0]!]).toEqual(expect.arrayContaining(['brell', 'osterby', 'voss']));
    expect([...s.names[1]!]).toEqual(expect.arrayContaining(['marren', 'hollis']));
    expect(s.names[1]!.has('brell')).toBe(false);
  });

  it('leaves one story whole, headings, asides and gallery lines included', () => {
    const one = art(
      'Osterby Post',
      P(
        `${FIRE}|Top News Photos of the Week|Firefighters from three towns fought the blaze for six hours, and Voss said the storage hall had passed its last inspection in March.|What the inspectors found|Osterby inspectors said the Brell storage hall had no working sprinklers, and Kelder said the company had ordered new ones in January.|Neighbour Ilse Varga, who lives across the road from the plant, said she heard two explosions.`,
      ),
    );
    expect(storiesOf(one.text, extractFacts(one))).toBeNull();
    // A text that is mostly one story, with a paragraph about something else, is that story.
    const mostly = art('Osterby Post', P(`${FIRE}|${FIRE.replace('five workers', 'five people')}|In other news|Tickets for the Osterby jazz festival go on sale on Friday, organiser Lena Moor said, and the line-up includes four bands.`));
    expect(storiesOf(mostly.text, extractFacts(mostly))).toBeNull();
  });

  it('compares a matched briefing on its story only: no other story of it is set against the article', () => {
    const here = art('Osterby Post', 'A fire at the Brell chemical plant in Osterby killed three workers on Monday, fire chief Anneke Voss said.');
    const ds = diffs(here, briefing());
    // The fire's own count is compared ...
    const nums = ofKind(ds, 'numbers');
    expect(nums).toHaveLength(1);
    expect(nums[0]!.elsewhere[0]!.sentence).toContain('killed five workers');
    // ... the flood's two dead, its mayor and the library's councillor are not "left out" here.
    const quoted = ds.flatMap((d) => d.elsewhere.map((e) => e.sentence)).join(' ');
    expect(quoted).not.toMatch(/Marren|Hollis|Amsel|Dunmore/);
    // (What the briefing says of the fire is, even when this article leaves it out.)
    expect(ofKind(ds, 'omitted').map((d) => d.topic)).toContain('Tomas Kelder');
  });

  it('sets no word of another story of a matched briefing against the article (framing)', () => {
    const here = art('Osterby Post', 'A fire at the Brell chemical plant in Osterby killed three workers on Monday, fire chief Anneke Voss said. Protesters gathered outside the Brell gates in the evening.');
    const b = art('Morning Digest', P(`Brell plant fire kills workers in Osterby|${FIRE}|Floods force thousands from the Marren valley|${FLOOD} Rioters clashed with police in the Marren valley town of Lindau that night.|Dunmore council votes to close Carrow Street library|${VOTE}`));
    expect(ofKind(diffs(here, b), 'framing')).toEqual([]);
  });

  it('reads a briefing as the stories its matches tell: nothing of the others is "only in this article"', () => {
    const report = art('Osterby Post', 'A fire at the Brell chemical plant in Osterby killed five workers on Monday, fire chief Anneke Voss said.');
    const ex = ofKind(diffs(briefing(), report), 'exclusive');
    expect(ex.map((d) => d.here!.sentence).join(' ')).not.toMatch(/Marren|Hollis|Amsel|Dunmore|Carrow/);
    expect(ex.map((d) => d.topic)).toContain('Tomas Kelder');
  });

  it('reads the whole briefing when the other side shares a name with none of its stories', () => {
    const unrelated = art('Valmont Wire', 'A storm cut power to 40,000 homes in Eastfield on Monday, the utility said.');
    // Nothing tells which story is meant: the whole text counts, as for any article.
    const om = ofKind(diffs(unrelated, briefing()), 'omitted').map((d) => d.topic);
    expect(om).toEqual(expect.arrayContaining(['Anneke Voss', 'Petra Hollis']));
  });
});

describe('roundups in the report', () => {
  const reader = art('Osterby Post', 'A fire at the Brell chemical plant in Osterby killed three workers on Monday, fire chief Anneke Voss said.');
  const input = (a: ReturnType<typeof art>) => ({ article: a, score: 0.8 });
  it('marks a matched roundup compared in part with the number of stories it holds', () => {
    const b = briefing();
    const r = buildReport(reader, [input(b)]);
    expect(r.matches[0]!.stories).toBe(3);
    expect(r.article.stories).toBeUndefined();
  });
  it('marks the article being read when it is the roundup, and nothing when the whole text was read', () => {
    expect(buildReport(briefing(), [input(reader)]).article.stories).toBe(3);
    const unrelated = art('Valmont Wire', 'A storm cut power to 40,000 homes in Eastfield on Monday, the utility said.');
    const r = buildReport(unrelated, [input(briefing())]);
    expect(r.matches[0]!.stories).toBeUndefined();
    expect('stories' in r.article).toBe(false);
  });
});
