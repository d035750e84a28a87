// A reader's corpus can hold feeds in other languages beside English ones. The matcher's
// function words are English: without its own language's, a French text's "de", "la",
// "les" and "pour" looked like rare shared terms.
import { describe, expect, it } from 'vitest';
import corpusText from '../../../tests/fixtures/corpus-small.jsonl?raw';
import de from '../../../tests/fixtures/languages/de.txt?raw';
import germanSpanishText from '../../../tests/fixtures/languages/de-es-corpus.jsonl?raw';
import frenchText from '../../../tests/fixtures/languages/fr-corpus.jsonl?raw';
import russian from '../../../tests/fixtures/languages/ru.txt?raw';
import { parseArticlesJsonl } from '../jsonl';
import { stopwordsFor } from './foreign-stopwords';
import { foreignLanguage } from '../language';
import { stripBoilerplate } from './boilerplate';
import { articleLanguage, extractMatchFeatures, findMatches, textCarriesHeadline } from './index';
import { unelide } from './tokenize';

const english = parseArticlesJsonl(corpusText, 'corpus-small.jsonl').articles;
const french = parseArticlesJsonl(frenchText, 'fr-corpus.jsonl').articles;
const germanSpanish = parseArticlesJsonl(germanSpanishText, 'de-es-corpus.jsonl').articles;
const corpus = [...english, ...french, ...germanSpanish];
const ids = (a: (typeof corpus)[0]) => findMatches(a, corpus).map((m) => m.id);

describe('articles in other languages', () => {
  // The fixtures' stories: the two fire reports are one, the French and the Spanish cup final another.
  const story = (id: string) => (id.startsWith('fr-fire') ? 'fire' : id === 'fr-other-2' || id === 'es-cup' ? 'cup' : id);
  const strays = (a: (typeof corpus)[0]) => ids(a).filter((id) => story(id) !== story(a.id));

  it('unrelated French reports do not match on French function words', () => {
    for (const a of french) expect(strays(a), a.title).toEqual([]);
  });

  it('nor do unrelated German or Spanish reports on theirs', () => {
    for (const a of germanSpanish) expect(strays(a), a.title).toEqual([]);
  });

  it('two French reports of one fire still match each other', () => {
    expect(ids(french.find((a) => a.id === 'fr-fire-1')!)).toEqual(['fr-fire-2']);
    expect(ids(french.find((a) => a.id === 'fr-fire-2')!)).toEqual(['fr-fire-1']);
  });

  it('a French and a Spanish report of one cup final match each other, on its names and numbers', () => {
    expect(ids(french.find((a) => a.id === 'fr-other-2')!)).toEqual(['es-cup']);
    expect(ids(germanSpanish.find((a) => a.id === 'es-cup')!)).toEqual(['fr-other-2']);
  });

  it("a French text's function words are not terms or names; an English text's features are as before", () => {
    const f = extractMatchFeatures(french[0]!);
    for (const w of ['de', 'la', 'les', 'pour', 'dans', 'une', 'des']) expect(f.t, w).not.toContain(w);
    expect(f.n.some((n) => /^(les|une|des|la|le)\b/.test(n))).toBe(false);
    // An English text is read with the English list alone: its "de facto" keeps its "de".
    const e = extractMatchFeatures({ ...english[0]!, text: `${english[0]!.text}\n\nThe de facto head of the valley council, Anna Morel, said the sports hall would stay open.` });
    expect(e.t).toContain('de');
    expect(e.t).toContain('@anna morel');
  });

  it('an elided function word is cut off its word: "l\'incendie" is "incendie", "d\'une" nothing', () => {
    const f = extractMatchFeatures({ ...french[0]!, text: "L'incendie a détruit l'entrepôt d'une société du port. Les pompiers ont combattu l'incendie pendant la nuit, et l'enquête commence. Selon la maire, l'entrepôt était vide, mais l'incendie a blessé trois personnes, dont un pompier qui a été transporté à l'hôpital. Le feu s'est propagé très vite à cause du vent, a dit le commandant. La police cherche la cause de l'incendie, qui a commencé vers minuit dans la partie nord du bâtiment." });
    expect(f.t).toContain('incendie');
    expect(f.t).toContain('entrepot');
    for (const w of ["l'incendie", "d'une", 'une', "s'est", "l'entrepot"]) expect(f.t, w).not.toContain(w);
  });

  it('an elision is cut only where a function word is elided, never from a name', () => {
    const fr = stopwordsFor('fr')!;
    expect(["l'incendie", "L'incendie", "d'Orlen", "jusqu'à", "lorsqu'il"].map((w) => unelide(w, fr))).toEqual(['incendie', 'incendie', 'Orlen', 'à', 'il']);
    expect(["L'Oréal", "D'Alembert", "aujourd'hui", "quelqu'un"].map((w) => unelide(w, fr))).toEqual(["L'Oréal", "D'Alembert", "aujourd'hui", 'un']);
    expect(unelide("O'Brien", stopwordsFor('it'))).toBe("O'Brien");
    expect(unelide("l'incendie", null)).toBe("l'incendie");
  });

  it("a name after an elision in the text still makes the headline's name a name", () => {
    const body = "La direction d'Orlen Energia a annoncé la fermeture de l'usine de Hesk. Les salariés d'Orlen Energia ont appris la nouvelle lundi. Selon les syndicats, la décision d'Orlen Energia menace trois cents emplois dans la vallée, et les élus de la région demandent une réunion avec la direction avant la fin du mois.";
    const f = extractMatchFeatures({ ...french[0]!, title: 'Orlen Energia ferme son usine de Hesk', text: body });
    expect(f.c[f.t.indexOf('@orlen energia')]).toBeGreaterThanOrEqual(4);
  });

  it('a word the text writes in lower case is no name in the headline, accented first letter or not', () => {
    const text = 'Valmont a une économie qui ralentit : selon la chambre de commerce, cette économie régionale a perdu deux mille emplois cette année, et les élus demandent un plan de relance avant la fin de l\'hiver. Le maire dit que son économie dépend trop du port.';
    const f = extractMatchFeatures({ ...french[0]!, title: 'Économie : Valmont perd deux mille emplois', text });
    expect(f.n).not.toContain('economie');
    expect(f.t).toContain('economie');
  });

  it("the headline test reads a text's function words by its language, declared or read", () => {
    const title = 'Le feu et la nuit de la ville';
    const text = 'Un incendie a détruit un entrepôt du port, et la police a ouvert une enquête de routine sur le sinistre.';
    expect(textCarriesHeadline(title, text)).toBe(true);
    expect(textCarriesHeadline(title, text, 'fr')).toBe(false);
  });

  it("German's long list keeps what a report is about: numbers, people, years", () => {
    const f = extractMatchFeatures({ ...germanSpanish[0]!, text: de, lang: 'de' });
    for (const w of ['drei', 'menschen']) expect(f.t, w).toContain(w);
    for (const w of ['der', 'die', 'und', 'wurde', 'einem']) expect(f.t, w).not.toContain(w);
  });

  it('reads a long text\'s language as the whole text stripped of its furniture reads', () => {
    const furniture = 'Sign up for our newsletter\n© 2026 Valmont Post. All rights reserved.\n';
    for (const text of [furniture.repeat(80) + french[4]!.text, (french[4]!.text + '\n' + furniture).repeat(12), de.repeat(8), corpus[0]!.text.repeat(6)]) {
      expect(text.length).toBeGreaterThan(1000);
      const a = { title: 'Valmont', text, lang: null };
      expect(articleLanguage(a)).toBe(foreignLanguage({ title: 'Valmont', text: stripBoilerplate(text), lang: null }));
    }
  });

  it('knows the lists by language code, region or not, and nothing else', () => {
    expect(stopwordsFor('fr-CA')?.has('dans')).toBe(true);
    expect(stopwordsFor('de')?.has('und')).toBe(true);
    for (const code of [null, 'en', 'pl', 'und', 'constructor', '__proto__']) expect(stopwordsFor(code), String(code)).toBeNull();
  });

  it('a text in Cyrillic leaves out Russian function words when the page declares Russian', () => {
    const a = { ...french[0]!, id: 'ru', title: 'Пожар в порту Вальмона', text: russian };
    expect(extractMatchFeatures({ ...a, lang: 'ru-RU' }).t).not.toContain('на');
    // Undeclared, the script says "not English" but not which language: its words stay.
    expect(extractMatchFeatures({ ...a, lang: null }).t).toContain('на');
  });
});
