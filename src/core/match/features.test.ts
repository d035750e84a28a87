import { describe, expect, it } from 'vitest';
import { normaliseArticle } from '../article';
import { PROSE_LINE, datelineDay, weekdayMask, WEEKDAY_CHARS } from './dateline';
import { carriesHeadline, dayOf, textCarriesHeadline, eventDays, extractMatchFeatures, MAX_EVENT_DAYS } from './features';
import { stripBoilerplate } from './boilerplate';
import { americanSpelling, tokenize } from './tokenize';
import { findMatches } from './index';

describe('datelineDay', () => {
  it('reads a date near the top in the usual English forms', () => {
    expect(datelineDay('Star dies at 91\nJune 6, 2013 3:05 PM EDT\nThe actress died.')).toBe(dayOf('2013-06-06'));
    expect(datelineDay('Headline\n06/06/13 07:05 PM ET\nText.')).toBe(dayOf('2013-06-06'));
    expect(datelineDay('Published 6 June 2013. Text.')).toBe(dayOf('2013-06-06'));
    expect(datelineDay('Updated: Sept. 9th, 2013 11:25')).toBe(dayOf('2013-09-09'));
    expect(datelineDay('9 Sep. 2013, 14:08')).toBe(dayOf('2013-09-09'));
    expect(datelineDay('Published on 18th September 2013 by staff')).toBe(dayOf('2013-09-18'));
  });
  it('ignores dates far down the text and impossible ones', () => {
    expect(datelineDay('x '.repeat(300) + 'June 6, 2013')).toBeNull();
    expect(datelineDay('Figures 13/45/2013 only')).toBeNull();
  });
  it('takes no date from running prose: there it is what the text recounts', () => {
    const lede = 'The FBI ended the 20th anniversary of the Sept. 11, 2001 attacks by releasing a newly declassified document about the hijackers.';
    expect(datelineDay(`Files released\n${lede}`)).toBeNull();
    expect(datelineDay('Initial claims totaled 293,000, the lowest level since March 14, 2020, the Labor Department said on Thursday morning.')).toBeNull();
    // A stamp in a long line still dates the page, and a prose date before a dateline is skipped.
    expect(datelineDay('On behalf of Newman & Partners, a law firm in the city, posted in Hit and Run Accidents on Friday, September 20, 2013.')).toBe(dayOf('2013-09-20'));
    expect(datelineDay(`${lede}\nMarch 3, 2009\nMore text.`)).toBe(dayOf('2009-03-03'));
    expect(datelineDay('FRANKLIN (Feb. 4, 2014) – Johnson County authorities are investigating a shooting that left two people injured.')).toBe(dayOf('2014-02-04'));
    expect(datelineDay('Our reporter was live from the scene on Friday, May 23, 2014, where police gathered. (Published Saturday, May 24, 2014)')).toBe(dayOf('2014-05-24'));
    // Prose cut off at the end of the head is judged by its whole line, not by what is left of it.
    expect(datelineDay(`${'Short line\n'.repeat(34)}The storm of June 6, 2013 is recalled in a long paragraph of running prose that goes on well past the head.`)).toBeNull();
    // A date that starts in the head is read whole: "12/31/2019" cut to "12/31/20" was 2020.
    expect(datelineDay(`${'Short line\n'.repeat(35)}Posted 12/31/2019\nText.`)).toBe(dayOf('2019-12-31'));
    // A line that ends in \r\n is as long as its words.
    const dateline = `Filed by the city desk ${'x'.repeat(61)} on June 6, 2013`;
    expect(dateline.length).toBe(PROSE_LINE);
    expect(datelineDay(`${dateline}\r\nText.`)).toBe(dayOf('2013-06-06'));
    // A stamp word far before the date, or a sentence before it, does not make it a dateline.
    expect(datelineDay('A report published by the agency on Thursday said that claims fell to the lowest level since March 14, 2020, and economists cheered.')).toBeNull();
    expect(datelineDay('FRANKLIN (Friday, Feb. 4, 2014) – Johnson County authorities are investigating a shooting that left two people injured.')).toBe(dayOf('2014-02-04'));
    // A bracket may hold a time or a credit after the date; one in prose that goes on after it is prose.
    expect(datelineDay('UPDATE (March 1, 2017 11:30 a.m.): The cause of death for the boy was announced by the county coroner on Wednesday.')).toBe(dayOf('2017-03-01'));
    expect(datelineDay('Jared Williams was brought to the sheriff office after leaving the hospital on Thursday. (March 6, 2014/FOX Carolina)')).toBe(dayOf('2014-03-06'));
    expect(datelineDay('Claims have fallen every week since the spring (March 14, 2020 was the last time they rose) and economists cheered the news.')).toBeNull();
    expect(datelineDay(`${'Short line\n'.repeat(35)}FRANKLIN (Feb. 14, 2014) – Johnson County authorities are investigating a shooting that left two people injured.`)).toBe(dayOf('2014-02-14'));
    // A bracketed date that starts in the head is read with what closes it, past the head.
    const late = `${'Short line\n'.repeat(35)}UPDATE (September 30, 2013 11:30 a.m. EDT): The county coroner named the man on Monday afternoon.`;
    expect(late.indexOf('September')).toBeLessThan(400);
    expect(late.indexOf(')')).toBeGreaterThan(424);
    expect(datelineDay(late)).toBe(dayOf('2013-09-30'));
  });
  it('is used only when the metadata has no date', () => {
    const a = normaliseArticle({ id: 'x', text: 'June 6, 2013\nSomething happened in Riverton.', published: '2014-01-01' });
    expect(extractMatchFeatures(a).d).toBe(dayOf('2014-01-01'));
    expect(extractMatchFeatures({ ...a, published: null }).d).toBe(dayOf('2013-06-06'));
  });
});

describe('eventDays', () => {
  const pub = dayOf('2017-01-13');
  it('reads calendar dates, with or without a year, against the publication day', () => {
    expect(eventDays('The shooting on Oct. 2 left one dead. It happened at 10:36 a.m. Aug. 26, 2015.', pub)).toEqual([dayOf('2016-10-02'), dayOf('2015-08-26')]);
    expect(eventDays('She was shot on 3 January.', pub)).toEqual([dayOf('2017-01-03')]);
    expect(eventDays('The 21st December attack, and the 1st of May.', pub)).toEqual([dayOf('2016-12-21')]);
    // An abbreviated month with its dot, day first: the year still belongs to it.
    expect(eventDays('The inquest into the 26 Aug. 2015 shooting.', pub)).toEqual([dayOf('2015-08-26')]);
  });
  it('leaves out weekdays, relative words, repeats, and year-less dates without a publication day', () => {
    expect(eventDays('Police said Sunday that the man shot yesterday died.', pub)).toEqual([]);
    // A month name must be a whole word: "Augusta 5" is a place and a number.
    expect(eventDays('Augusta 5, Marching 12, Decembrist 3', pub)).toEqual([]);
    expect(eventDays('On Oct. 2, and again on October 2.', pub)).toEqual([dayOf('2016-10-02')]);
    expect(eventDays('The Oct. 2 shooting, and the Oct. 2, 2016 vigil.', null)).toEqual([dayOf('2016-10-02')]);
  });
  it('keeps at most a few', () => {
    const many = Array.from({ length: 20 }, (_, i) => `March ${i + 1}, 2016`).join('; ');
    expect(eventDays(many, pub)).toHaveLength(MAX_EVENT_DAYS);
  });
});

describe('weekdayMask', () => {
  const MON = 1, TUE = 2, FRI = 16, SAT = 32;
  it('reads the weekdays of the headline and the lede', () => {
    expect(weekdayMask('Court rules Monday on immunity', 'In two opinions, the justices sided with the officers.')).toBe(MON);
    expect(weekdayMask('', "Friday's shooting left two hurt. Police said Saturday that a man was held.")).toBe(FRI | SAT);
  });
  it('leaves out habits, lower-case words and the rest of the text', () => {
    expect(weekdayMask('Market opens Sundays', 'The monday crowd. Tuesdays are quiet.')).toBe(0);
    expect(weekdayMask('', 'x'.repeat(WEEKDAY_CHARS) + ' on Tuesday')).toBe(0);
    expect(weekdayMask('', 'x'.repeat(WEEKDAY_CHARS - 12) + ' on Tuesday')).toBe(TUE);
  });
  it('is stored with the features', () => {
    const a = normaliseArticle({ id: 'w', title: 'Vote set', text: 'The council will vote on Tuesday.' });
    expect(extractMatchFeatures(a).wd).toBe(TUE);
  });
});

describe('tokenize', () => {
  it('takes capitalised runs for names unless the word also appears in lower case', () => {
    const t = tokenize('Police said Marcus Delavane was shot on Dunmore Avenue. The police found him.');
    expect(t.names).toContain('marcus delavane');
    expect(t.names).toContain('dunmore avenue');
    expect(t.names).not.toContain('police');
    expect(t.terms).toContain('shot');
    // A page's time stamp is not a name ("@pm edt" was one of gva-longtail's commonest).
    expect(tokenize('Updated 11:11 PM EDT. Mayor Ann Lee spoke.').names).toEqual(['ann lee']);
  });
  it('spells alike what outlets write differently: initials, hyphens, spelled numbers', () => {
    const a = tokenize('The C.D.C. and the U.S. Army said six of the G-7 nations had COVID-19 cases.');
    const b = tokenize('CDC and US Army: 6 G7 nations had Covid cases. It told us twenty-six more.');
    for (const term of ['cdc', 'u.s', '#6', 'g7', 'covid', 'army', 'nation']) {
      expect(a.terms).toContain(term);
      expect(b.terms).toContain(term);
    }
    // The pronoun stays a function word; a spelled compound is one number; "one" stays a word.
    expect(b.terms.filter((x) => x === 'u.s')).toHaveLength(1);
    expect(b.terms).toContain('#26');
    expect(tokenize('One of them').terms).not.toContain('#1');
    // A hyphenated word without a letter or a number on its own keeps its hyphen.
    expect(tokenize('a well-known al-Qaeda figure, 15-year-old').terms).toEqual(['well-known', 'al-qaeda', 'figure', '15yearold']);
    // A spelled number heading a compound is its digits ("Sixty-year-old" against "60-year-old",
    // ECB's topic 22); a fraction and "one" alone stay words, "twenty-one" is a number.
    expect(tokenize('Sixty-year-old Smith, a thirty-nine-year-old, six-month and twenty-one-year-old').terms).toEqual(['60yearold', 'smith', '39yearold', '6month', '21yearold']);
    expect(tokenize('a two-thirds majority of twenty-one votes, one-year-old, a three-three tie').terms).toEqual(['two-third', 'majority', '#21', 'vote', 'one-year-old', 'three-three', 'tie']);
    expect(tokenize('the twenty-first century, a thirty-second ad').terms).toEqual(['twenty-first', 'century', 'thirty-second', 'ad']);
    // Opening a sentence, such a compound is no part of a name.
    expect(tokenize('Sixty-year-old Sharron Smith said').names).toEqual(['sharron smith']);
  });
  it('reads a number with thousands separators as one number, and its magnitude as a word', () => {
    // "188,000" was "#188" and "#0": every figure in thousands shared a "0" with every other.
    expect(tokenize('188,000 migrants, 1,200,000 doses').terms).toEqual(['#188000', 'migrant', '#1200000', 'dose']);
    // A clock time is one number: "2:30" was "#2" and "#30", and half the hours of every
    // report shared a "30".
    expect(tokenize('at 2:30 a.m., 09:15 and a 3:2 win').terms).toEqual(['#2:30', 'a.m', '#9:15', '#3', '#2', 'win']);
    // A list is not one number; a figure joined to a word loses its separator as well.
    expect(tokenize('rooms 12345,678').terms).toEqual(['room', '#12345', '#678']);
    expect(tokenize('a 10,000-strong crowd').terms).toEqual(tokenize('a 10000-strong crowd').terms);
    expect(tokenize('rounds 1,2,3').terms).toEqual(['round', '#1', '#2', '#3']);
    for (const s of ['$137-million', '$137 million', '$137m', '€137mn']) expect(tokenize(s).terms).toEqual(['#137', 'million']);
    expect(tokenize('a $2.6bn deal').terms).toEqual(['#2.6', 'billion', 'deal']);
    // Short forms only after a currency sign: a 9m wall, a 1099-B form.
    expect(tokenize('a 9m wall, a 1099-B form').terms).toEqual(['9m', 'wall', '1099b', 'form']);
  });
  it('spells British words the American way, and leaves words that only look alike', () => {
    const a = tokenize('Jewellery worth millions stolen from a centre; police criticised the defence programme. Travelling neighbours.');
    const b = tokenize('Jewelry worth millions stolen from a center; police criticized the defense program. Traveling neighbors.');
    expect(a.terms).toEqual(b.terms);
    for (const w of ['hour', 'four', 'filled', 'prise', 'promise', 'detour', 'fence', 'genre', 'rogue', 'programmed', 'dialogue', 'glamour', 'labour']) expect(americanSpelling(w)).toBe(w);
    expect(['centred', 'centres', 'metre', 'honoured'].map(americanSpelling)).toEqual(['centered', 'centers', 'meter', 'honored']);
  });
  it('reads names without accents and without the titles before them', () => {
    const a = tokenize('Prime Minister Viktor Orbán met President Joe Biden and Attorney General Merrick Garland.');
    const b = tokenize('Viktor Orban, Joe Biden and Merrick Garland met.');
    for (const n of ['viktor orban', 'joe biden', 'merrick garland']) {
      expect(a.names).toContain(n);
      expect(b.names).toContain(n);
    }
    // An office's object goes with the title; a title before one word, or before "of" and
    // nothing more, is left as it is.
    expect(tokenize('Secretary of State Antony Blinken, Governor of Texas Greg Abbott').names).toEqual(['antony blinken', 'greg abbott']);
    expect(tokenize('Attorney Smith and General Motors').names).toEqual(['attorney smith', 'general motors']);
    expect(tokenize('the Secretary of State said').names).toEqual(['secretary of state']);
    expect(tokenize('the Attorney General Office said').names).toEqual(['attorney general office']);
    // Accents as marks of their own, letters without a decomposition; other scripts keep their marks.
    expect(tokenize('Orba\u0301n, Nguyễn, Wałęsa, Søren, Straße').terms).toEqual(['orban', 'nguyen', 'walesa', 'soren', 'strasse']);
    expect(tokenize('ガス हिंदी').terms).toEqual(['ガス', 'हिंदी']);
  });
});

describe('boilerplate', () => {
  it('stripped up to a head, a text begins as the whole text stripped does', () => {
    const lines = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 'Sign up for our newsletter' : `Line ${i} of the report on the Valmont fire, with its figures.`));
    const text = lines.join('\n');
    const whole = stripBoilerplate(text);
    // Kept lines end at multiples of 60 characters, newlines counted.
    for (const head of [1, 50, 59, 60, 61, 120, 200, 1000, 5000]) {
      const part = stripBoilerplate(text, head);
      expect(part.length).toBeGreaterThanOrEqual(Math.min(head, whole.length));
      expect(whole.startsWith(part)).toBe(true);
    }
  });
  it('drops page furniture, keeps the news', () => {
    const text = 'Two men were shot on Main Street.\nSign up for our newsletter\n© 2016 Station. All rights reserved.';
    expect(stripBoilerplate(text)).toBe('Two men were shot on Main Street.');
  });
  it('drops photo credits and social prompts as lines of their own, not inside a paragraph', () => {
    const text = 'View Full Caption Getty Images/File Photo\nFollow WKRN: Facebook | Twitter\nRichard Goerg/Getty Images The girl, 9, was shot on Elm Street on Sunday night and taken to the hospital.';
    expect(stripBoilerplate(text)).toBe('Richard Goerg/Getty Images The girl, 9, was shot on Elm Street on Sunday night and taken to the hospital.');
    // Short news sentences that name the same things stay.
    const news = 'Police posted the video on their Facebook page.\nA file photo of the suspect was released.\nFollow him on Twitter: he said.';
    expect(stripBoilerplate(news)).toBe(news);
  });
  it('does not call two sign-in pages copies of each other', () => {
    const junk = 'Just One More Thing...\nWe have sent you a verification email. Please check your inbox.\nClose';
    const a = normaliseArticle({ id: 'j1', title: 'Man shot in Ashford', text: junk, source: 'a.example' });
    const b = normaliseArticle({ id: 'j2', title: 'Council approves budget', text: junk, source: 'b.example' });
    expect(findMatches(a, [a, b])).toEqual([]);
  });
});

describe('carriesHeadline', () => {
  const terms = (s: string) => tokenize(s).terms;
  it('is true when the text names a fifth of the headline, or the headline is too short to tell', () => {
    expect(carriesHeadline(terms('Two wounded in Elmwood Avenue drive-by'), terms('Police said two men were wounded on Elmwood Avenue.'))).toBe(true);
    expect(carriesHeadline(terms('Victim named'), terms('Sign up for our newsletter.'))).toBe(true);
    // Numbers do not count: "5 shot" against a text about 5 other things.
    expect(carriesHeadline(terms('5 shot at Kenwood party hall'), terms('5 easy dinners for busy weeknights, ready in 5 minutes.'))).toBe(false);
  });
  it('needs a fifth of the headline: one word of five is enough, none is not', () => {
    expect(carriesHeadline(['alpha', 'bravo', 'charlie', 'delta', 'echo'], ['echo', 'foxtrot'])).toBe(true);
    expect(carriesHeadline(['alpha', 'bravo', 'charlie', 'delta', 'echo', 'golf'], ['echo', 'foxtrot'])).toBe(false);
  });
  it('takes a text that starts with its headline as carrying it', () => {
    const title = 'Teen shot outside Marlow Street store';
    expect(textCarriesHeadline(title, `${title}\n0:27 Weather update. 1:12 Coach talks playoffs. 0:48 Traffic on the bridge.`)).toBe(true);
    expect(textCarriesHeadline(title, '0:27 Weather update. 1:12 Coach talks playoffs. 0:48 Traffic on the bridge.')).toBe(false);
  });
  it('cannot tell in scripts written without spaces, and says so by passing them', () => {
    expect(textCarriesHeadline('首相、来月訪米へ 日米首脳会談で調整', '首相は来月訪米し、日米首脳会談に臨む方向で調整している。')).toBe(true);
  });
  it('is false for a page that is a video list or a sign-up form under a real headline', () => {
    expect(carriesHeadline(terms('Teen shot outside Marlow Street store'), terms('0:27 Weather update. 1:12 Coach talks playoffs. 0:48 Traffic on the bridge.'))).toBe(false);
  });
});
