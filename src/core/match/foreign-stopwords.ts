// Function words of the other languages a reader's corpus is likeliest to hold. The matcher's
// own list (stopwords.ts) is English; in a French text, "de", "la", "les", "pour" and "dans"
// were ordinary terms, rare in a corpus of mostly English articles, so two unrelated French
// reports matched on them with scores of 0.8–0.9. An article whose text is in one of these
// languages (`articleLanguage`) leaves that language's function words out as well. A text
// read as English keeps the English list alone.
import { deu, fra, ita, nld, por, rus, spa } from 'stopword';
import { functionWords } from '../language';
import { canonicalWord } from './tokenize';

const LISTS: Record<string, readonly string[]> = { de: deu, fr: fra, it: ita, nl: nld, pt: por, ru: rus, es: spa };

/**
 * Words the package lists that carry what a report is about, kept as terms: German's list is
 * a long one, with numbers ("drei Menschen verletzt" is the injured count, as "three" is in
 * English, where spelled numbers are read as numbers), nouns and adjectives.
 */
const CONTENT: Record<string, string> = {
  de: `eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig erste ersten erster erstes zweite zweiten zweiter
zweites dritte dritten dritter drittes vierte vierten vierter viertes fünfte fünften fünfter fünftes sechste sechsten sechster
sechstes siebente siebenten siebenter siebentes achte achten achter achtes neunte neunten neunter neuntes zehnte zehnten zehnter
zehntes mensch menschen mann jahr jahre jahren tag tage tagen zeit uhr gott ordnung sache teil recht rechte rechten rechter
rechtes ende startseite suche beispiel dank mittel morgen heute tat tel mahn leide gross grosse grossen grosser grosses groß
große großen großer großes gut gute guter gutes klein kleine kleinen kleiner kleines neue neuen schlecht richtig lang lange kurz
hoch offen leicht ehrlich satt schluss weg vergangenen ernst ag los wissen besten bekannt möglich`,
};

/** Function words the package's shorter lists lack ("this", "there is", "said" as the English list has them). */
const MORE: Record<string, string> = {
  es: `este esta estos estas ese esa esos esas aquel aquella aquellos aquellas ha han hay he hemos había habían entre tras según son es
está están estaba estaban fue fueron era eran ser sido siendo todo todos toda todas otra otros otras cada aunque mientras aún
sólo solo dijo ante bajo hacia además ahora así tanto tan`,
  pt: `foi foram é são ser sido está estão estava era eram tem têm ter tinha disse segundo sobre após ainda onde`,
  // Elided forms ("jusqu'à", "lorsqu'il", Italian "d'Italia", "quest'anno").
  fr: `jusqu lorsqu puisqu quoiqu quelqu`,
  it: `d quest quell nessun`,
};

const words = (list: string | undefined) => list?.split(/\s+/).filter(Boolean) ?? [];
const cache = new Map<string, ReadonlySet<string>>();

/**
 * The function words of a language (by an ISO 639 code, a region ignored), spelled as the
 * tokenizer spells words ("été" as "ete"); null for English or a language without a list.
 */
export function stopwordsFor(code: string | null): ReadonlySet<string> | null {
  const lang = code?.split(/[-_]/)[0]!.toLowerCase();
  // A page's declared language is untrusted text: "constructor" is no list.
  if (!lang || !Object.hasOwn(LISTS, lang)) return null;
  let set = cache.get(lang);
  if (!set) {
    const content = new Set(words(CONTENT[lang]));
    // (One German entry is "ei, ".)
    const all = [...LISTS[lang]!, ...words(MORE[lang]), ...functionWords(lang)].flatMap((w) => w.split(/[\s,]+/)).filter((w) => w !== '' && !content.has(w));
    set = new Set(all.map(canonicalWord));
    cache.set(lang, set);
  }
  return set;
}
