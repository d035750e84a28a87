// A reader's corpus can hold feeds in other languages beside English ones. The matcher's
// function words are English: without its own language's, a French text's "de", "la",
// "les" and "pour" looked like rare shared terms.
import { describe, expect, it } from 'vitest';
import corpusText from '../../../tests/fixtures/corpus-small.jsonl?raw';
import frenchText from '../../../tests/fixtures/languages/fr-corpus.jsonl?raw';
import russian from '../../../tests/fixtures/languages/ru.txt?raw';
import { parseArticlesJsonl } from '../jsonl';
import { stopwordsFor } from './foreign-stopwords';
import { extractMatchFeatures, findMatches } from './index';

const english = parseArticlesJsonl(corpusText, 'corpus-small.jsonl').articles;
const french = parseArticlesJsonl(frenchText, 'fr-corpus.jsonl').articles;
const corpus = [...english, ...french];
const ids = (a: (typeof corpus)[0]) => findMatches(a, corpus).map((m) => m.id);

describe('articles in other languages', () => {
  it('unrelated French reports do not match on French function words', () => {
    for (const a of french.filter((x) => x.id.startsWith('fr-other'))) expect(ids(a), a.title).toEqual([]);
  });

  it('two French reports of one fire still match each other', () => {
    expect(ids(french.find((a) => a.id === 'fr-fire-1')!)).toEqual(['fr-fire-2']);
    expect(ids(french.find((a) => a.id === 'fr-fire-2')!)).toEqual(['fr-fire-1']);
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
