// Words, names and numbers of an article, for story matching. Cheap rules rather than a
// tagger: the matcher only needs tokens that are stable across outlets, and it must run in
// a few milliseconds inside the extension's service worker.
import { STOPWORDS, NOT_NAMES } from './stopwords';

/** A word or a number as it stands in the text, with its offset. */
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

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
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  return w;
}

/** "1,200" → "1200", "3.5" stays; spelled numbers are not converted (they are terms). */
function normNumber(w: string): string | null {
  const s = w.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return s.replace(/^0+(?=\d)/, '');
}

export interface Tokens {
  /** Content terms in text order (stemmed, no stopwords); numbers are prefixed with "#". */
  terms: string[];
  /** Capitalised phrases taken for names of people, places and organisations, lower-cased. */
  names: string[];
}

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

/**
 * Splits one text into terms and names. A capitalised word counts as part of a name unless
 * the same word also appears in lower case in the text ("Police said" at a sentence start
 * is not a name when "police" appears elsewhere) or it is a function word.
 */
export function tokenize(text: string, lowerSeen?: Set<string>): Tokens {
  const raw: { w: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN_RE)) raw.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  // Words that occur in lower case somewhere: their capitalised forms are ordinary words.
  const lower = lowerSeen ?? new Set<string>();
  if (!lowerSeen) for (const t of raw) if (t.w[0] === t.w[0]!.toLowerCase()) lower.add(normWord(t.w));

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
    const n = normWord(w);
    const num = normNumber(w);
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
    const cap = isUpper(w[0]!);
    const allCaps = w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w);
    if (cap && !STOPWORDS.has(n) && !NOT_NAMES.has(n) && (!lower.has(n) || (allCaps && w.length <= 5))) {
      run.push(n);
    } else if (run.length > 0 && (n === 'of' || n === 'de' || n === 'del' || n === 'van' || n === 'von' || n === 'al') && i + 1 < raw.length && isUpper(raw[i + 1]!.w[0]!)) {
      run.push(n);
    } else {
      flush();
    }
    if (STOPWORDS.has(n) || n.length < 2) continue;
    terms.push(stem(n));
  }
  flush();
  // A name that ends in a connector ("Bank of") is cut back.
  return {
    terms,
    names: names.map((s) => s.replace(/ (of|de|del|van|von|al)$/, '')),
  };
}
