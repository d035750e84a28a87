import { describe, expect, it } from 'vitest';
import { P, art } from './compare/test-helpers';
import { extractMatchFeatures, MatchIndex } from './match';
import { searchArticle } from './roundup-search';
import type { Article } from './types';

// Fictional reports of three events, a briefing that tells all three, and unrelated news.
const fire1 = art('Osterby Post', P('A fire at the Brell chemical plant in Osterby killed five workers on Monday, fire chief Anneke Voss said.|The blaze started in a storage hall of the Brell plant shortly after the night shift began, and plant manager Tomas Kelder said the company would pay for the funerals.'));
const fire2 = art('Valmont Wire', P('Five workers died when fire swept through the Brell chemical plant in Osterby on Monday night, the regional fire service said.|Fire chief Anneke Voss said the storage hall had passed its last inspection; Tomas Kelder, the plant manager, promised to open the books to inspectors.'));
const flood1 = art('Marren Courier', P('Floods in the Marren valley forced 2,000 residents from their homes on Monday, and two people died when the Lindau bridge gave way.|Mayor Petra Hollis said the Marren river rose four metres overnight and asked the Lindau barracks for sandbags.'));
const flood2 = art('Eastfield Gazette', P('Two people were killed when the Lindau bridge collapsed as the Marren river burst its banks on Monday, Mayor Petra Hollis said.|About 2,000 people left their homes in the Marren valley, and schools stay closed until Friday.'));
const lib1 = art('Dunmore Echo', P('The Dunmore council voted on Monday to close the Carrow Street library, with councillor Ruth Amsel casting the deciding vote.|Readers collected 4,000 signatures against the closure of the Carrow Street library, and the Dunmore Readers Union said it would go to court.'));
const other = [
  art('Harbour Times', P('The Keswyn harbour festival drew 30,000 visitors over the weekend, organiser Lena Moor said.|Brass bands from six towns played on the Keswyn quay until midnight.')),
  art('Sportsline', P('Port Alder beat Kestrel Town 2-1 in the Calvany Cup final on Saturday, with a late goal from Ivo Brandt.|Coach Mira Solt said the Port Alder squad had earned the cup.')),
];
const briefing = art(
  'Morning Digest',
  P(
    'Brell plant fire kills workers in Osterby|A fire at the Brell chemical plant in Osterby killed five workers on Monday, the fire service said. Fire chief Anneke Voss said the blaze started in a storage hall shortly after the night shift began, and plant manager Tomas Kelder said the company would pay for the funerals.|' +
      'Floods force thousands from the Marren valley|Floods in the Marren valley forced 2,000 residents from their homes on Monday, and two people were killed when the Lindau bridge gave way. Mayor Petra Hollis said the Marren river had risen four metres overnight, and schools in the Marren valley stay closed until Friday.|' +
      'Dunmore council votes to close Carrow Street library|The Dunmore council voted to close the Carrow Street library after a two-year fight over its budget, with councillor Ruth Amsel casting the deciding vote. Readers collected 4,000 signatures, and the Dunmore Readers Union said it would go to court.',
  ),
);

function indexOf(articles: Article[]): MatchIndex {
  const index = new MatchIndex();
  for (const a of articles) index.add(a.id, extractMatchFeatures(a));
  return index;
}

describe('matching a page of several stories', () => {
  const corpus = [fire1, fire2, flood1, flood2, lib1, ...other];
  it('finds the reports of each of its stories, and nothing else', () => {
    const index = indexOf([...corpus, briefing]);
    const f = extractMatchFeatures(briefing);
    const ids = searchArticle(index, briefing, f, { exclude: [briefing.id] }).matches.map((m) => m.id);
    expect(ids.sort()).toEqual([fire1.id, fire2.id, flood1.id, flood2.id, lib1.id].sort());
    // Matched as one page, it finds fewer of them: the mix of three stories' words is near none.
    const whole = index.search(f, { exclude: [briefing.id] }).matches.map((m) => m.id);
    expect(whole.length).toBeLessThan(ids.length);
  });
  it('searches one story as index.search does', () => {
    const index = indexOf([...corpus, briefing]);
    const f = extractMatchFeatures(fire1);
    expect(searchArticle(index, fire1, f, { exclude: [fire1.id], near: 3 })).toEqual(index.search(f, { exclude: [fire1.id], near: 3 }));
  });
  it('keeps the reader\'s word: an excluded article stays out, a joined one stays joined', () => {
    const index = indexOf([...corpus, briefing]);
    const f = extractMatchFeatures(briefing);
    const r = searchArticle(index, briefing, f, { exclude: [briefing.id, flood2.id], include: [other[0]!.id] }).matches;
    expect(r.map((m) => m.id)).not.toContain(flood2.id);
    expect(r.find((m) => m.id === other[0]!.id)?.joined).toBe(true);
  });
});

describe('matching a page of several stories, the order', () => {
  it('takes the stories in turn, so that the first few matches hold some of each', () => {
    const index = new MatchIndex();
    for (const a of [fire1, fire2, flood1, flood2, lib1, ...other, briefing]) index.add(a.id, extractMatchFeatures(a));
    const ms = searchArticle(index, briefing, extractMatchFeatures(briefing), { exclude: [briefing.id] }).matches;
    const firstThree = new Set(ms.slice(0, 3).map((m) => m.id));
    expect([fire1.id, fire2.id].some((id) => firstThree.has(id))).toBe(true);
    expect([flood1.id, flood2.id].some((id) => firstThree.has(id))).toBe(true);
    expect(firstThree.has(lib1.id)).toBe(true);
    // A limit counts the matches so taken.
    expect(searchArticle(index, briefing, extractMatchFeatures(briefing), { exclude: [briefing.id], limit: 3 }).matches.map((m) => m.id)).toEqual(ms.slice(0, 3).map((m) => m.id));
  });
});
