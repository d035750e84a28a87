// Which articles the comparison can read. Its rules (casualty words, month names, "said",
// number words, the framing lexicon) are English; on a French or German text they find
// nothing, and the popup would say the sources "report this story the same way". So each
// text is checked for the language it is written in, from the text itself: a page's declared
// `lang` is often its site template's, not its article's.
//
// The test is the share of the commonest function words of English among the text's first
// words, beside the same share for the languages a reader of English news is likeliest to
// meet. Measured on the 8,703 English articles of the evaluation sets (docs/decisions.md):
// the English share is 0.26 at the median and no text of 40 words or more falls under 0.06
// (junk pages aside: a gallery's markup, 0.025, or a table of crime figures "per 100,000
// residents", which read as no language at all); a paragraph in French, German, Spanish,
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

const words = (list: string) => new Set(list.split(' '));
const EN = words(ENGLISH);
const LISTS = Object.entries(OTHERS).map(([code, list]) => [code, words(list)] as const);

/** The function words the check above reads for a language ("fr"), lower case; none for others. */
export function functionWords(code: string): string[] {
  return OTHERS[code]?.split(' ') ?? [];
}

/** Words read: enough to tell, few enough to cost nothing on a long page. */
const SAMPLE = 400;
/** Fewer words than this (a headline, a short summary) say too little: the declared language decides. */
const MIN_WORDS = 40;
/** A text whose function words reach this share in a language is taken to be written in it. */
const MIN_SHARE = 0.05;
/** Of a language other than English, at least this many different ones. */
const MIN_DISTINCT = 5;

/**
 * The language of an article that is not written in English: an ISO 639 code ("fr", or the
 * page's declared code when it agrees and names a region, "fr-CA"; for a script other than
 * Latin, the declared code), or "und" when the text is not English and its language is not
 * known. Null when
 * the text reads as English, or when it cannot tell (a short text declared English or not
 * declared at all, a page of markup or names only).
 */
export function foreignLanguage(a: { title?: string; text: string; lang?: string | null }): string | null {
  const declared = a.lang?.trim() || null;
  const declaredOther = declared && !/^en\b/i.test(declared) ? declared : null;
  const sample = `${a.title ?? ''}\n${a.text.slice(0, SAMPLE * 12)}`.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu)?.slice(0, SAMPLE) ?? [];
  if (sample.length < MIN_WORDS) return declaredOther;
  // Scripts other than Latin (Cyrillic, Greek, Arabic, Hebrew, the scripts of India, Chinese,
  // Japanese, Korean, Thai): not English, whatever the words.
  const latin = sample.filter((w) => /\p{Script=Latin}/u.test(w)).length;
  if (latin < sample.length / 2) return declaredOther ?? 'und';
  const share = (list: ReadonlySet<string>) => sample.filter((w) => list.has(w)).length / sample.length;
  if (share(EN) >= MIN_SHARE) return null;
  let best: string | null = null;
  let bestShare = MIN_SHARE;
  for (const [code, list] of LISTS) {
    const s = share(list);
    // And several of them: a list of crime figures "per 100,000 residents" is not Italian.
    if (s >= bestShare && new Set(sample.filter((w) => list.has(w))).size >= MIN_DISTINCT) [best, bestShare] = [code, s];
  }
  if (best === null) return null;
  // The declared code may name the region ("fr-CA"); a page declaring another language than
  // its words is named by its words.
  return declaredOther?.split(/[-_]/)[0]!.toLowerCase() === best ? declaredOther : best;
}

/** "French" for "fr" (and "fr-CA"), in English; "another language" when unknown. */
export function languageName(code: string): string {
  if (code === 'und') return 'another language';
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code.split(/[-_]/)[0]!);
    return name && name !== code ? name : 'another language';
  } catch {
    return 'another language';
  }
}
