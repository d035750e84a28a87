// Which articles the comparison can read. Its rules (casualty words, month names, "said",
// number words, the framing lexicon) are English; on a French or German text they find
// nothing, and the popup would say the sources "report this story the same way". So each
// text is checked for the language it is written in, from the text itself: a page's declared
// `lang` is often its site template's, not its article's.
//
// The test is the share of the commonest function words of English among the text's first
// words, beside the same share for the languages a reader of English news is likeliest to
// meet; a script other than Latin is told from the letters. Measured on the 8,703 English
// articles of the evaluation sets (`npx tsx bench/language-check.ts`): none is taken for
// another language; the English share is 0.25 at the median and 0.12 or more for 99 in 100
// texts of 40 words or more; the lowest are pages of headlines, staff lists or gallery markup
// (down to 0), which read as no language at all. A paragraph in French, German, Spanish,
// Italian, Portuguese or Dutch scores 0.

/** Function words of English that the other languages below rarely use ("a", "in", "on", "was", "will" are theirs too). */
const ENGLISH = 'the of and to that for with he she it by this from have has had they his her are were been which would said who their but not be at its there after when you';

/** The same for other languages written in Latin letters, to name the language of a text that is not English. */
const OTHERS: Record<string, string> = {
  fr: 'le la les des du un une et est que qui dans pour pas sur au aux avec ce cette il elle ont été sont par se ne',
  de: 'der die das und den dem des ist nicht ein eine einer sich auf mit von zu im für auch wurde sind hat bei wie nach',
  es: 'el la los las de del y en que un una por con para es se al lo como más su sus fue han',
  it: 'il lo la le gli di del della dei e che un una per con non si è sono ha da al alla nel',
  pt: 'o a os as de do da dos das e que um uma para com não se em no na é foi são por ao',
  nl: 'de het een en van is op te dat die niet met voor zijn er aan ook als bij om door werd',
};

const set = (list: string) => new Set(list.split(' '));
const EN = set(ENGLISH);
const LISTS = Object.entries(OTHERS).map(([code, list]) => [code, set(list)] as const);

/** The function words the check above reads for a language ("fr"), lower case; none for others. */
export function functionWords(code: string): string[] {
  return Object.hasOwn(OTHERS, code) ? OTHERS[code]!.split(' ') : [];
}

/** Words read: enough to tell, few enough to cost nothing on a long page. */
const SAMPLE = 400;
/** Characters of a text the check reads at most. */
export const LANGUAGE_SAMPLE_CHARS = SAMPLE * 12;
/** Fewer words than this (a headline, a short summary) say too little: the declared language decides. */
const MIN_WORDS = 40;
/** A page declared English is overruled by its words only from this many: a short report can be mostly a quotation. */
const MIN_WORDS_OVERRULE = 100;
/** Letters from which the script is told (Chinese and Japanese do not space their words). */
const MIN_LETTERS = 20;
/** A text whose function words reach this share in a language is taken to be written in it. */
const MIN_SHARE = 0.05;
/** Of a language other than English, at least this many different ones. */
const MIN_DISTINCT = 5;
/** Codes that name no language. */
const NO_LANGUAGE = new Set(['und', 'zxx', 'mul', 'mis']);

const base = (code: string) => code.split(/[-_]/)[0]!.toLowerCase();
/** A letter of a script other than Latin. */
const OTHER_SCRIPT = /(?=\p{L})\P{Script=Latin}/u;
/** Of a short text declared `declared`: whether its words are English all the same. */
function plainlyEnglish(sample: string[], declared: string): boolean {
  const en = sample.filter((w) => EN.has(w));
  const own = LISTS.find(([code]) => code === base(declared))?.[1];
  return en.length / Math.max(1, sample.length) >= MIN_SHARE && (!own || en.length > sample.filter((w) => own.has(w)).length);
}
const words = (text: string) => text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu)?.slice(0, SAMPLE) ?? [];

/** The share of English function words among a text's first 400 words; null under 40 words (bench/language-check.ts). */
export function englishShare(text: string): number | null {
  const sample = words(text.slice(0, LANGUAGE_SAMPLE_CHARS));
  return sample.length < MIN_WORDS ? null : sample.filter((w) => EN.has(w)).length / sample.length;
}

/**
 * The language of an article that is not written in English: an ISO 639 code, or "und" when
 * the text is not English and its language is not known. The words decide: French, German,
 * Spanish, Italian, Portuguese and Dutch are told from their function words ("fr"; the
 * page's declared code instead when it agrees and names a region, "fr-CA"), a script other
 * than Latin from its letters. The page's declared language is taken for what the words
 * cannot tell: a language outside those six (Polish, "pl"), a script other than Latin
 * ("ru"), a text under 40 words that has hardly any English function words; not one of the six when its words are not found (a page of
 * headlines on a site whose template says "de"). Null when the text reads as English, or
 * when nothing says otherwise (a short text declared English or not declared at all; a page
 * declared English of under 100 words, which may be mostly a quotation; a page of markup or
 * names only).
 */
export function foreignLanguage(a: { title?: string; text: string; lang?: string | null }): string | null {
  // Untrusted page text: only what looks like a language tag ("fr", "pt-BR", "en_US") is one.
  const declared = a.lang && /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$|^english$/i.test(a.lang.trim()) ? a.lang.trim() : null;
  const declaredEnglish = declared !== null && /^(en|eng|english)(?:[-_]|$)/i.test(declared);
  const declaredOther = declared !== null && !declaredEnglish && !NO_LANGUAGE.has(base(declared)) ? declared : null;
  const head = `${a.title ?? ''}\n${a.text.slice(0, LANGUAGE_SAMPLE_CHARS)}`;
  const sample = words(head);
  const share = (list: ReadonlySet<string>) => sample.filter((w) => list.has(w)).length / Math.max(1, sample.length);
  // Most texts are plainly English, in Latin letters only, and need not be read letter by letter.
  if (sample.length >= MIN_WORDS_OVERRULE && share(EN) >= MIN_SHARE && !OTHER_SCRIPT.test(head)) return null;
  // Scripts other than Latin (Cyrillic, Greek, Arabic, Hebrew, the scripts of India, Chinese,
  // Japanese, Korean, Thai): not English, whatever the words.
  const letters = head.match(/\p{L}/gu)?.length ?? 0;
  if (letters >= MIN_LETTERS && (head.match(/\p{Script=Latin}/gu)?.length ?? 0) < letters / 2) return declaredOther ?? 'und';
  // Too short to tell by the words: the declaration, unless the words are plainly English (a
  // feed's summary under a feed that declares another language, a page's template): English
  // function words at 5 %, and more of them than of the declared language's ("Le but de
  // Mbappé", French "but" for "goal", is not English).
  if (sample.length < MIN_WORDS) return declaredOther && !plainlyEnglish(sample, declaredOther) ? declaredOther : null;
  if (declaredEnglish && sample.length < MIN_WORDS_OVERRULE) return null;
  if (share(EN) >= MIN_SHARE) return null;
  let best: string | null = null;
  let bestShare = MIN_SHARE;
  for (const [code, list] of LISTS) {
    const s = share(list);
    // And several of them: a list of crime figures "per 100,000 residents" is not Italian.
    if (s >= bestShare && new Set(sample.filter((w) => list.has(w))).size >= MIN_DISTINCT) [best, bestShare] = [code, s];
  }
  // A language the check does not know (Polish, Turkish) is the page's word. One it knows but
  // does not find is not: a page of headlines or names on a site whose template says "de".
  const known = declaredOther !== null && Object.hasOwn(OTHERS, base(declaredOther));
  if (best === null) return known ? null : declaredOther;
  if (declaredOther && !known) return declaredOther;
  return declaredOther && base(declaredOther) === best ? declaredOther : best;
}

/** "French" for "fr" (and "fr-CA"), in English; "another language" when unknown. */
export function languageName(code: string): string {
  const b = base(code);
  if (NO_LANGUAGE.has(b)) return 'another language';
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(b);
    return name && name.toLowerCase() !== b ? name : 'another language';
  } catch {
    return 'another language';
  }
}
