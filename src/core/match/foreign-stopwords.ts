// Function words of the other languages a reader's corpus is likeliest to hold. The matcher's
// own list (stopwords.ts) is English; in a French text, "de", "la", "les", "pour" and "dans"
// were ordinary terms, rare in a corpus of mostly English articles, so two unrelated French
// reports matched on them with scores of 0.8–0.9. An article whose text is in one of these
// languages (`foreignLanguage`) leaves that language's function words out as well. English
// texts are untouched.
import { deu, fra, ita, nld, por, rus, spa } from 'stopword';
import { functionWords } from '../language';
import { canonicalWord } from './tokenize';

const LISTS: Record<string, readonly string[]> = { de: deu, fr: fra, it: ita, nl: nld, pt: por, ru: rus, es: spa };
const cache = new Map<string, ReadonlySet<string>>();

/**
 * The function words of a language (by an ISO 639 code, a region ignored), spelled as the
 * tokenizer spells words ("été" as "ete"); null for English or a language without a list.
 */
export function stopwordsFor(code: string | null): ReadonlySet<string> | null {
  const lang = code?.split(/[-_]/)[0]!.toLowerCase();
  // A page's declared language is untrusted text: "constructor" is no list.
  const list = lang && Object.hasOwn(LISTS, lang) ? LISTS[lang] : undefined;
  if (!lang || !list) return null;
  let set = cache.get(lang);
  if (!set) {
    set = new Set([...list, ...functionWords(lang)].flatMap((w) => w.split(/[\s,]+/)).filter(Boolean).map(canonicalWord));
    cache.set(lang, set);
  }
  return set;
}
