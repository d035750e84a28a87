import { describe, expect, it } from 'vitest';
import corpusText from '../../tests/fixtures/corpus-small.jsonl?raw';
import de from '../../tests/fixtures/languages/de.txt?raw';
import es from '../../tests/fixtures/languages/es.txt?raw';
import fr from '../../tests/fixtures/languages/fr.txt?raw';
import it_ from '../../tests/fixtures/languages/it.txt?raw';
import nl from '../../tests/fixtures/languages/nl.txt?raw';
import pt from '../../tests/fixtures/languages/pt.txt?raw';
import ru from '../../tests/fixtures/languages/ru.txt?raw';
import { parseArticlesJsonl } from './jsonl';
import { foreignLanguage, languageName } from './language';

// Paragraphs of one fictional report in seven languages, written for these tests.
const SAMPLES: Record<string, string> = { de, es, fr, it: it_, nl, pt, ru };
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
  });

  it('a page of markup or names only is no language: left to the other checks, not called foreign', () => {
    const gallery = Array.from({ length: 60 }, (_, i) => `photo_prev_inline article-gallery-${i} Valmont Harbour Marrow`).join(' ');
    expect(foreignLanguage({ text: gallery })).toBeNull();
    // A table of figures whose one recurring function word is also Italian's ("per").
    const table = Array.from({ length: 12 }, (_, i) => `${i + 20}. Garden Ridge Crime incidents per 100,000 residents: ${1000 + i} Property crime incidents: ${i * 3} Violent crime incidents: ${i}`).join('\n');
    expect(foreignLanguage({ text: table })).toBeNull();
  });

  it('English with a foreign quotation or place names stays English', () => {
    expect(foreignLanguage({ text: `« Le feu s'est propagé très vite », a déclaré le commandant, said the fire chief. ${corpus[0]!.text}` })).toBeNull();
  });
});

describe('languageName', () => {
  it('names a code in English, with or without its region, and says "another language" for what it cannot name', () => {
    expect(languageName('fr')).toBe('French');
    expect(languageName('fr-CA')).toBe('French');
    expect(languageName('pt_BR')).toBe('Portuguese');
    expect(languageName('und')).toBe('another language');
    expect(languageName('!!')).toBe('another language');
  });
});
