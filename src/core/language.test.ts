import { describe, expect, it } from 'vitest';
import corpusText from '../../tests/fixtures/corpus-small.jsonl?raw';
import de from '../../tests/fixtures/languages/de.txt?raw';
import es from '../../tests/fixtures/languages/es.txt?raw';
import fr from '../../tests/fixtures/languages/fr.txt?raw';
import it_ from '../../tests/fixtures/languages/it.txt?raw';
import nl from '../../tests/fixtures/languages/nl.txt?raw';
import pl from '../../tests/fixtures/languages/pl.txt?raw';
import pt from '../../tests/fixtures/languages/pt.txt?raw';
import ru from '../../tests/fixtures/languages/ru.txt?raw';
import { parseArticlesJsonl } from './jsonl';
import { foreignLanguage, languageName } from './language';

// Paragraphs of one fictional report in seven languages, written for these tests.
const SAMPLES: Record<string, string> = { de, es, fr, it: it_, nl, pl, pt, ru };
const sample = (code: string) => SAMPLES[code]!;
const corpus = parseArticlesJsonl(corpusText, 'corpus-small.jsonl').articles;

describe('foreignLanguage', () => {
  it('names the language of a report written in another language, from its words', () => {
    for (const code of ['fr', 'de', 'es', 'it', 'pt', 'nl']) expect(foreignLanguage({ text: sample(code) }), code).toBe(code);
  });

  it('reads English articles as English, whatever the page declares', () => {
    expect(corpus.length).toBeGreaterThan(3);
    for (const a of corpus) {
      expect(foreignLanguage(a), a.title).toBeNull();
      // A site template's lang="de" on an English article.
      expect(foreignLanguage({ ...a, lang: 'de' }), a.title).toBeNull();
    }
  });

  it('trusts the words over the declared language, and keeps a declared region that agrees', () => {
    expect(foreignLanguage({ text: sample('fr'), lang: 'en-US' })).toBe('fr');
    expect(foreignLanguage({ text: sample('fr'), lang: 'de' })).toBe('fr');
    expect(foreignLanguage({ text: sample('fr'), lang: 'fr-CA' })).toBe('fr-CA');
  });

  it('a script other than Latin is not English; named by the declared code when there is one', () => {
    expect(foreignLanguage({ text: sample('ru') })).toBe('und');
    expect(foreignLanguage({ text: sample('ru'), lang: 'ru-RU' })).toBe('ru-RU');
    expect(foreignLanguage({ text: sample('ru'), lang: 'en' })).toBe('und');
  });

  it('a text too short to tell goes by its declared language; without one it counts as English', () => {
    const short = 'Incendie au port de Valmont : trois blessés, dont un pompier.';
    expect(foreignLanguage({ text: short })).toBeNull();
    expect(foreignLanguage({ text: short, lang: 'fr' })).toBe('fr');
    expect(foreignLanguage({ text: 'Fire at Valmont harbour: three hurt.', lang: 'en-GB' })).toBeNull();
    // A short English summary under a feed or template that declares another language is English.
    expect(foreignLanguage({ text: 'Fire at the Valmont port: three people were hurt, the mayor said on Wednesday.', lang: 'fr' })).toBeNull();
    expect(foreignLanguage({ text: 'Fire at the Valmont port: three people were hurt, the mayor said on Wednesday.', lang: 'pl' })).toBeNull();
    // One word that English shares ("but", French for "goal") does not make a text English.
    expect(foreignLanguage({ text: 'Le but de Mbappé à la dernière minute qualifie le club de Valmont pour la finale.', lang: 'fr' })).toBe('fr');
  });

  it('a page of markup or names only is no language: left to the other checks, not called foreign', () => {
    const gallery = Array.from({ length: 60 }, (_, i) => `photo_prev_inline article-gallery-${i} Valmont Harbour Marrow`).join(' ');
    expect(foreignLanguage({ text: gallery })).toBeNull();
    // A table of figures whose one recurring function word is also Italian's ("per").
    const table = Array.from({ length: 12 }, (_, i) => `${i + 20}. Garden Ridge Crime incidents per 100,000 residents: ${1000 + i} Property crime incidents: ${i * 3} Violent crime incidents: ${i}`).join('\n');
    expect(foreignLanguage({ text: table })).toBeNull();
    // On a site whose template declares one of the languages read, words that read as none
    // of them are not that language; a language the check cannot read is the page's word.
    expect(foreignLanguage({ text: table, lang: 'de' })).toBeNull();
    expect(foreignLanguage({ text: table, lang: 'pl' })).toBe('pl');
  });

  it('a language outside the six it reads is the page\'s word: named when declared, else read as English', () => {
    expect(foreignLanguage({ text: pl, lang: 'pl' })).toBe('pl');
    expect(foreignLanguage({ text: pl })).toBeNull();
    // A page that declares a language the check cannot read is not overruled by a guess from its words.
    expect(foreignLanguage({ text: pl, lang: 'pl-PL' })).toBe('pl-PL');
  });

  it('any form of "English" declared is English; codes that name no language are no declaration', () => {
    const short = 'Incendie au port de Valmont : trois blessés, dont un pompier.';
    for (const lang of ['en', 'en_US', 'en-GB', 'EN', 'eng', 'English']) expect(foreignLanguage({ text: short, lang }), lang).toBeNull();
    for (const lang of ['und', 'zxx', 'mul']) expect(foreignLanguage({ text: short, lang }), lang).toBeNull();
    // A declared language is untrusted text too: what is no language tag is no declaration.
    for (const lang of ['constructor', '__proto__', 'toString', 'fr; DROP']) expect(foreignLanguage({ text: sample('fr'), lang }), lang).toBe('fr');
    expect(foreignLanguage({ text: short, lang: 'constructor' })).toBeNull();
  });

  it('the script is told from letters: a short Chinese or Japanese text, written without spaces, is not English', () => {
    expect(foreignLanguage({ text: '瓦尔蒙港口一座仓库周二夜间发生火灾，造成三人受伤，其中包括一名消防员。' })).toBe('und');
    expect(foreignLanguage({ text: '瓦尔蒙港口一座仓库周二夜间发生火灾，造成三人受伤。', lang: 'zh-CN' })).toBe('zh-CN');
    // An English text that names a place in Chinese is English.
    expect(foreignLanguage({ text: `${corpus[0]!.text} The dam is known locally as 奥伦大坝.` })).toBeNull();
    // A Russian or Chinese text that opens with a long English quotation is not.
    const quote = `"${corpus[0]!.text.slice(0, 900)}"`;
    expect(foreignLanguage({ text: `${quote}\n\n${sample('ru').repeat(3)}` })).toBe('und');
    expect(foreignLanguage({ text: `${quote}\n\n${'瓦尔蒙港口一座仓库周二夜间发生火灾，造成三人受伤，其中包括一名消防员。'.repeat(60)}` })).toBe('und');
  });

  it('English lists and short English reports with long quotations stay English', () => {
    const standings = ['Los Angeles Lakers 45 37', 'Las Vegas Aces 32 8', 'San Antonio Spurs 22 60', 'New Orleans Pelicans 49 33', 'Los Angeles Clippers 44 38', 'El Paso Locomotive 12 9', 'Las Cruces Vaqueros 20 14', 'Del Rio Kings 8 30', 'La Crosse Loggers 31 19', 'De Pere Dragons 16 22'].join('\n');
    expect(foreignLanguage({ title: 'Standings', text: standings })).toBeNull();
    const quoted = `"${sample('fr').slice(0, 400)}" the mayor of Valmont told the council on Wednesday, after the fire at the port.`;
    expect(foreignLanguage({ text: quoted, lang: 'en' })).toBeNull();
    expect(foreignLanguage({ text: quoted })).toBeNull();
  });
});

describe('languageName', () => {
  it('names a code in English, with or without its region, and says "another language" for what it cannot name', () => {
    expect(languageName('fr')).toBe('French');
    expect(languageName('fr-CA')).toBe('French');
    expect(languageName('pt_BR')).toBe('Portuguese');
    expect(languageName('und')).toBe('another language');
    expect(languageName('und-Latn')).toBe('another language');
    expect(languageName('zxx')).toBe('another language');
    expect(languageName('xx-YY')).toBe('another language');
    expect(languageName('!!')).toBe('another language');
  });
});
