// Words, names and numbers of an article, for story matching. Cheap rules rather than a
// tagger: the matcher only needs tokens that are stable across outlets, and it must run in
// a few milliseconds inside the extension's service worker.
import { STOPWORDS, NOT_NAMES } from './stopwords';

/** A word or a number as it stands in the text, with its offset. */
const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’.\-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*|(?<=(?<![\d,])\d{1,3}(?:,\d{3})*),\d{3}(?!\d)|(?<=(?<!\d)\d{1,2}(?::\d\d)?):[0-5]\d(?!\d))*/gu;

/** Light plural stemming: "shootings" and "shooting" are one term, "police" stays "police". */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('s') && !/(ss|us|is|ous|'s)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Lower-case, without apostrophe-s and without inner dots ("U.S." → "us" is avoided: "u.s" stays). */
export function normWord(raw: string): string {
  let w = raw.toLowerCase().replace(/’/g, "'");
  if (NON_ASCII.test(w)) w = foldAccents(w);
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  return w;
}

/**
 * A word in Latin letters without its accents: outlets differ ("Orbán" and "Orban", "Peña"
 * and "Pena", "Nguyễn" and "Nguyen", "Wałęsa" and "Walesa"), and a text may carry an accent as
 * a mark of its own ("a" + U+0301). Words in other scripts keep their marks, which change the
 * letter there (Japanese dakuten, Devanagari vowels).
 */
function foldAccents(w: string): string {
  if (!LATIN_ONLY.test(w)) return w.normalize('NFC');
  return w.normalize('NFD').replace(/\p{M}/gu, '').replace(/[øłđßæœ]/g, (c) => UNMARKED[c]!);
}
const NON_ASCII = /[^\x00-\x7f]/;
const LATIN_ONLY = /^[\p{Script=Latin}\p{M}\p{N}'.\-,:]+$/u;
const UNMARKED: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

/**
 * One spelling for what outlets write differently, so that it is one term: initials with or
 * without dots ("C.D.C." and "CDC", New York Times style against the rest; "US" and "U.S."
 * stay apart from the pronoun "us"), and a word joined to a letter or a number with or
 * without a hyphen ("G-7" and "G7", "F-35"); a name with a number after it is the name
 * ("COVID-19" and "Covid").
 */
export function canonicalWord(raw: string): string {
  // Words repeat within and across articles: the rules run once per spelling. Only short
  // words are kept: V8 makes a longer match a slice that holds on to the whole text it was
  // cut from, and the cache would keep every article it ever saw.
  if (raw.length > CACHED_LENGTH) return canonical(raw);
  let w = CANONICAL.get(raw);
  if (w === undefined) {
    if (CANONICAL.size >= CANONICAL_MAX) CANONICAL.clear();
    w = canonical(raw);
    CANONICAL.set(raw, w);
  }
  return w;
}
const CACHED_LENGTH = 12;
const CANONICAL = new Map<string, string>();
const CANONICAL_MAX = 50_000;

function canonical(raw: string): string {
  if (INITIALS.test(raw)) {
    const w = raw.replace(/\./g, '').toLowerCase();
    return w === 'us' ? 'u.s' : w;
  }
  const w = americanSpelling(normWord(raw)).replace(/(?<=\d),(?=\d{3})/g, '');
  if (!w.includes('-')) return w;
  let parts = w.split('-');
  // A spelled number before the rest of a compound is its digits: "sixty-year-old" is
  // "60-year-old", "thirty-nine-year-old" "39-year-old", "six-month" "6-month".
  for (const k of [2, 1]) {
    const v = parts.length > k ? spelledNumber(parts.slice(0, k).join('-')) : null;
    if (v !== null && spelledNumber(parts[k]!) === null && !FRACTION.test(parts[k]!)) {
      parts = [v, ...parts.slice(k)];
      break;
    }
  }
  if (!parts.some((p) => p.length === 1 || /^\d+$/.test(p))) return w;
  if (parts.length === 2 && /^\p{L}{3,}$/u.test(parts[0]!) && /^\d+$/.test(parts[1]!)) return parts[0]!;
  return parts.join('');
}
/**
 * British spellings as American ones ("jewellery" and "jewelry", "centre", "defence",
 * "honour", "organised", "travelled", "programme"): the BBC and the AP report one event in
 * two spellings. The stems are listed, not guessed from a suffix, so that no word turns into
 * another ("hour", "filled", "prise") or into a misspelling shown among a match's reasons
 * ("promise", "detour"). Left alone: spellings both countries use ("dialogue", "glamour",
 * "programmed") and "labour" (Labour and Labor are two countries' parties).
 */
export function americanSpelling(w: string): string {
  if (w.length < 5) return w;
  return w
    .replace(/^(hon|rum|harb|neighb|behavi|col|fav|flav|hum|vig|val|savi|endeav|od|arm|clam|splend|rig|ard|parl|tum|vap|cand)our(s|ed|ing|ite|ites|able|ably|er|ers|hood|hoods|ful|less)?$/, '$1or$2')
    .replace(/^(real|recogn|critic|apolog|organ|author|priorit|mobil|minim|maxim|emphas|summar|character|legal|final|hospital|stabil|destabil|modern|capital|custom|util|privat|national|normal|neutral|scrutin|jeopard|penal|terror|traumat|idol|special|sympath|categor|symbol|subsid|visual|global|democrat|denuclear|radical|polar|politic|weapon|sanit|vandal|public|fertil)is(e|es|ed|ing|ation|ations)$/, '$1iz$2')
    .replace(/^(cen|epicen|thea|me|kilome|centime|millime|spec|lus|fib|calib|sab|sombe)tr(e|es|ed)$/, (_, a: string, b: string) => a + (b === 'e' ? 'ter' : b === 'es' ? 'ters' : 'tered'))
    .replace(/^((?:self-)?(?:defen|offen|licen|preten))ce(s)?$/, '$1se$2')
    .replace(/^programme(s)?$/, 'program$1')
    .replace(/^jewellery$/, 'jewelry')
    .replace(/^(travel|cancel|label|level|counsel|total|model|fuel|signal|channel|dial|equal|marshal|jewel|tunnel|rival|quarrel|shovel|panel)l(ed|ing|er|ers)$/, '$1$2');
}

/** "C.D.C" (the token leaves the last dot out), "U.S", and "US" in capitals. */
const INITIALS = /^(?:\p{Lu}\.)+\p{Lu}$|^US$/u;

/** "1,200" → "1200", "3.5" stays. */
function normNumber(w: string): string | null {
  if (/^\d{1,2}:\d\d(?::\d\d)?$/.test(w)) return w.replace(/^0(?=\d)/, '');
  const s = w.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return s.replace(/^0+(?=\d)/, '');
}

/**
 * Spelled numbers as digits ("six", "twenty-six"): outlets that follow AP style spell out
 * numbers under ten where others write digits. "One" is left out: mostly a pronoun.
 */
function spelledNumber(n: string): string | null {
  const parts = n.split('-');
  if (parts.length === 1) return SPELLED[n] === undefined ? null : String(SPELLED[n]);
  // Two parts are tens and a unit, "one" included: "twenty-six", "twenty-one" ("three-three"
  // is a score, not six).
  if (parts.length !== 2) return null;
  const tens = SPELLED[parts[0]!] ?? 0;
  const unit = parts[1] === 'one' ? 1 : (SPELLED[parts[1]!] ?? 0);
  return tens >= 20 && tens % 10 === 0 && unit >= 1 && unit <= 9 ? String(tens + unit) : null;
}
/**
 * What follows a spelled number in a fraction or an ordinal ("two-thirds", "twenty-first";
 * "thirty-second" may be either), or makes it one number ("twenty-one"): not a compound's head.
 */
const DIGIT = /^\d/;
const FRACTION = /^(?:one|half|halves|first|seconds?|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)$/;
const SPELLED: Record<string, number> = Object.fromEntries(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((w, i) => [w, i + 2] as const)
    .concat('twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, (i + 2) * 10] as const)),
);

/**
 * A number joined to its magnitude ("$137-million", "€2m", "$3.5bn") is written as the number
 * and the word, as "137 million" is: one outlet's hyphen or abbreviation is another's space.
 * The short forms only after a currency sign: "9m" alone may be metres, "1099-B" a form.
 */
const MAGNITUDE = /^(\d[\d,]*(?:\.\d+)?)-?(million|billion|trillion|mn|bn|m|b)$/i;
const MAGNITUDES: Record<string, string> = { million: 'million', billion: 'billion', trillion: 'trillion', mn: 'million', m: 'million', bn: 'billion', b: 'billion' };
const CURRENCY = /[$€£¥]/;

/**
 * Titles before a name of two words or more: "President Joe Biden", "Dr John Smith" (British
 * style; "Dr." with its dot ends the run anyway), "Attorney General Merrick Garland" and
 * "Secretary of State Antony Blinken" are the names most outlets write without them (and a
 * title is written in lower case after the name: "Biden, the president").
 */
const TITLE_RE = /^(?:(?:president|vice|prime|minister|sen|senator|rep|representative|gov|governor|mayor|judge|justice|chief|officer|deputy|sheriff|detective|det|sgt|sergeant|lt|lieutenant|capt|captain|col|colonel|cpl|corporal|trooper|dr|prof|professor|speaker|(?:attorney|surgeon|inspector|secretary)(?: general)?) (?:of \S+ )?)+(?=\S+ \S)/;

/** A name without the titles before it; unchanged when what is left would start with a title or "of". */
function withoutTitle(name: string): string {
  const rest = name.replace(TITLE_RE, '');
  return rest === name || /^(?:of|general) /.test(rest) || TITLE_RE.test(rest + ' x x') ? name : rest;
}

export interface Tokens {
  /** Content terms in text order (stemmed, no stopwords); numbers are prefixed with "#". */
  terms: string[];
  /** Capitalised phrases taken for names of people, places and organisations, lower-cased. */
  names: string[];
  /** The words the text uses in lower case somewhere (or those it was given), canonical. */
  lower: Set<string>;
}

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

/** The words of a text's tokens used in lower case: their capitalised forms are ordinary words, not names. */
function lowerCaseWords(tokens: string[]): Set<string> {
  const lower = new Set<string>();
  for (const w of tokens) if (w[0] === w[0]!.toLowerCase()) lower.add(canonicalWord(w));
  return lower;
}

const ELISION = /^(\p{L}{1,7})['’](?=(\p{L}))/u;
/**
 * A word without the function word elided onto it, in a language whose function words are
 * given ("l'incendie" is "incendie", "d'Orlen" "Orlen", Italian "dell'edificio" "edificio"):
 * otherwise "l'incendie" and "incendie" are two terms, and "d'une" a rare one. English's
 * "o'clock" and "O'Brien" are not touched (no list is given for English), nor, in any
 * language, a capital on both sides, which is a name ("L'Oréal", "O'Brien", "D'Alembert").
 */
export function unelide(w: string, extra?: ReadonlySet<string> | null): string {
  if (!extra) return w;
  const m = ELISION.exec(w);
  if (!m || (isUpper(m[1]![0]!) && isUpper(m[2]!))) return w;
  return extra.has(canonicalWord(m[1]!)) ? w.slice(m[0].length) : w;
}

/**
 * Splits one text into terms and names. A capitalised word counts as part of a name unless
 * the same word also appears in lower case in the text ("Police said" at a sentence start
 * is not a name when "police" appears elsewhere) or it is a function word. `extra`: the
 * function words of the text's language when it is not English (foreign-stopwords.ts).
 */
export function tokenize(text: string, lowerSeen?: Set<string>, extra?: ReadonlySet<string> | null): Tokens {
  const stop = extra ? (n: string) => STOPWORDS.has(n) || extra.has(n) : (n: string) => STOPWORDS.has(n);
  const raw: { w: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN_RE)) raw.push({ w: unelide(m[0], extra), start: m.index, end: m.index + m[0].length });
  const lower = lowerSeen ?? lowerCaseWords(raw.map((t) => t.w));

  const terms: string[] = [];
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) {
      // A lone short capitalised word is too ambiguous to be a name by itself, but stays a term.
      if (run.length > 1 || run[0]!.length > 2) names.push(run.join(' '));
      run = [];
    }
  };
  for (let i = 0; i < raw.length; i++) {
    const { w, start } = raw[i]!;
    const n = canonicalWord(w);
    const num = normNumber(w) ?? spelledNumber(n);
    // A name run stops at punctuation between words (", . ; :" and line breaks).
    if (run.length > 0 && i > 0) {
      const gap = text.slice(raw[i - 1]!.end, start);
      if (!/^[ \t\u00a0]*$/.test(gap)) flush();
    }
    if (num !== null) {
      flush();
      terms.push('#' + num);
      continue;
    }
    const mag = w.charCodeAt(0) <= 57 ? MAGNITUDE.exec(w) : null;
    if (mag && normNumber(mag[1]!) !== null && (mag[2]!.length > 2 || CURRENCY.test(text[start - 1] ?? ''))) {
      flush();
      terms.push('#' + normNumber(mag[1]!), MAGNITUDES[mag[2]!.toLowerCase()]!);
      continue;
    }
    const cap = isUpper(w[0]!);
    const allCaps = w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w);
    // (A word that is a number's compound, "Sixty-year-old" opening a sentence, is no name.)
    if (cap && !stop(n) && !NOT_NAMES.has(n) && !DIGIT.test(n) && (!lower.has(n) || (allCaps && w.length <= 5))) {
      run.push(n);
    } else if (run.length > 0 && (n === 'of' || n === 'de' || n === 'del' || n === 'van' || n === 'von' || n === 'al') && i + 1 < raw.length && isUpper(raw[i + 1]!.w[0]!)) {
      run.push(n);
    } else {
      flush();
    }
    if (stop(n) || n.length < 2) continue;
    terms.push(stem(n));
  }
  flush();
  // A name that ends in a connector ("Bank of") is cut back.
  return {
    terms,
    names: names.map((s) => s.replace(/ (of|de|del|van|von|al)$/, '')).map(withoutTitle),
    lower,
  };
}
