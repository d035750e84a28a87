// What the matcher keeps of an article: computed once when the article enters the corpus and
// stored beside it as plain JSON, so that the index can be rebuilt without re-reading texts.
import { hash64 } from '../hash';
import { normaliseText } from '../article';
import type { Article } from '../types';
import { foreignLanguage, LANGUAGE_SAMPLE_CHARS } from '../language';
import { stopwordsFor } from './foreign-stopwords';
import { tokenize } from './tokenize';
import { minhash } from './minhash';
import { stripBoilerplate } from './boilerplate';
import { datelineDay, namedDays, weekdayMask } from './dateline';

/** Bump when the shape or the meaning of MatchFeatures changes: stored features are then recomputed. */
export const MATCH_FEATURES_VERSION = 16;

/** Terms kept per article. The lede and repeated words come first; this bounds index memory. */
export const MAX_TERMS = 240;
/** Names kept per article. */
export const MAX_NAMES = 40;
/** Named calendar days kept per article. */
export const MAX_EVENT_DAYS = 8;

export interface MatchFeatures {
  v: number;
  /** Distinct terms (stemmed words, "#"-numbers, "@"-multiword names), most frequent first. */
  t: string[];
  /** Occurrences of each term of `t` (title words count twice). */
  c: number[];
  /** Names (capitalised phrases, lower-cased), most frequent first. */
  n: string[];
  /** Publication day (days since 1970-01-01, UTC): the metadata's, else a dateline's, else null. */
  d: number | null;
  /** Normalised URL (no scheme, www, query or fragment), or null. */
  u: string | null;
  /** Outlet, lower-cased, or null. */
  s: string | null;
  /** Hash of the whitespace-normalised text: equal hashes mean identical texts. */
  h: string;
  /** MinHash signature of the text's 5-word shingles, to recognise copies of the same text. */
  m: number[];
  /**
   * Words of the text after boilerplate removal; 0 when the text does not carry its headline
   * (`carriesHeadline`): then it is most likely not the article's own text (a template, a video
   * list), and is never taken for a copy.
   */
  w: number;
  /** The headline's terms, as positions in `t`. */
  ht: number[];
  /**
   * Calendar days the text names ("Aug. 26, 2015", "on Oct. 2"), resolved against the
   * publication day, as days since 1970-01-01; distinct, in text order. A trial report months
   * later names the day of the shooting it follows up.
   */
  e: number[];
  /**
   * Weekdays the headline and the lede name, as a 7-bit mask (bit 0 Monday): reports of one
   * event name the day it happened, two look-alike events mostly other days.
   */
  wd: number;
}

/** Site suffixes of titles: "Man shot on Main St - WAFF-TV: News, Weather and Sports". */
function cleanTitle(title: string): string {
  const parts = title.split(/\s+(?:[-|–—:]|::)\s+/);
  if (parts.length > 1) {
    const first = parts[0]!;
    if (first.split(/\s+/).length >= 4) return first;
  }
  return title;
}

export function dayOf(published: string | null): number | null {
  if (!published) return null;
  const t = Date.parse(published.length === 10 ? published + 'T00:00:00Z' : published);
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
}

export function normaliseUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return (u.hostname.replace(/^www\./, '') + u.pathname.replace(/\/+$/, '')).toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

export function extractMatchFeatures(a: Article): MatchFeatures {
  const text = stripBoilerplate(a.text);
  // Not English: its own function words are left out too (French "de", "la", "les").
  const stop = stopwordsFor(languageOfClean(a.title, text, a.lang));
  const body = tokenize(text, undefined, stop);
  const title = cleanTitle(a.title ?? '');
  // The title is tokenised with the body's knowledge of which words occur in lower case (read
  // as the body is: "d'Orlen" is a name once its elided "d'" is cut, "économie" a word).
  const lower = body.lower;
  const head = title && !text.startsWith(title) ? tokenize(title, lower, stop) : { terms: [], names: [] };

  const count = new Map<string, number>();
  const first = new Map<string, number>();
  let pos = 0;
  const add = (t: string, k: number) => {
    count.set(t, (count.get(t) ?? 0) + k);
    if (!first.has(t)) first.set(t, pos);
    pos++;
  };
  // Title words weigh twice: headlines name the event.
  for (const t of head.terms) add(t, 2);
  for (const n of head.names) if (n.includes(' ')) add('@' + n, 2);
  for (const t of body.terms) add(t, 1);
  for (const n of body.names) if (n.includes(' ')) add('@' + n, 1);

  const t = [...count.keys()]
    .sort((x, y) => count.get(y)! - count.get(x)! || first.get(x)! - first.get(y)!)
    .slice(0, MAX_TERMS);

  const nameCount = new Map<string, number>();
  for (const n of [...head.names, ...body.names]) nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
  const n = [...nameCount.keys()].sort((x, y) => nameCount.get(y)! - nameCount.get(x)!).slice(0, MAX_NAMES);

  const pos_ = new Map(t.map((x, i) => [x, i]));
  const ht = [...new Set(tokenize(title, lower, stop).terms)].map((x) => pos_.get(x)).filter((i): i is number => i !== undefined);
  const norm = normaliseText(a.text);
  const clean = normaliseText(text);
  const d = dayOf(a.published) ?? datelineDay(a.text);
  const own = carried(title, text, stop, body.terms);
  return {
    v: MATCH_FEATURES_VERSION,
    t,
    c: t.map((x) => count.get(x)!),
    n,
    d,
    u: normaliseUrl(a.url),
    s: a.source ? a.source.toLowerCase() : null,
    h: hash64(norm),
    m: minhash(clean),
    w: clean === '' || !own ? 0 : clean.split(' ').length,
    ht,
    e: eventDays(title + '\n' + text, d),
    wd: weekdayMask(title, text),
  };
}

/** `carriesHeadline` for an article's title and text, read as `extractMatchFeatures` reads them. */
export function textCarriesHeadline(title: string, text: string, lang: string | null = null): boolean {
  const clean = stripBoilerplate(text);
  return carried(cleanTitle(title), clean, stopwordsFor(languageOfClean(title, clean, lang)));
}

/**
 * The language of an article when it is not English (`foreignLanguage`), read as the matcher
 * reads it: without its boilerplate lines. The report's "not compared" and the matcher's
 * function words go by the same answer.
 */
export function articleLanguage(a: Pick<Article, 'title' | 'text' | 'lang'>): string | null {
  return languageOfClean(a.title, stripBoilerplate(a.text, LANGUAGE_SAMPLE_CHARS), a.lang);
}
const languageOfClean = (title: string, clean: string, lang: string | null | undefined) => foreignLanguage({ title, text: clean, lang });

/** The same for a cleaned title and a text without boilerplate (`bodyTerms`: the text's terms, when at hand). */
function carried(title: string, text: string, stop: ReadonlySet<string> | null, bodyTerms?: string[]): boolean {
  // Scripts written without spaces (Chinese, Japanese, Thai, …) make a term of each phrase, and
  // a phrase of the headline is seldom one of the text's: the test cannot tell there.
  if (UNSPACED.test(title)) return true;
  // A text that starts with its headline carries it. Not tested on what follows: where a
  // headline is only a text's first line (ECB+'s), that line is often the lede's first
  // sentence, which the rest need not repeat (ecbplus lost two copies when it was).
  return carriesHeadline(tokenize(title, undefined, stop).terms, bodyTerms ?? tokenize(text, undefined, stop).terms);
}
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * Whether a text carries its headline: at least a fifth of the headline's words (numbers
 * aside, three words or more) occur in it. A crawled page whose text is a video list, a
 * station's blurb or a sign-up form under a real headline does not. Two such pages of one
 * template are the same text but not the same article, let alone a syndicated copy (on
 * gva-longtail, 22 of the 26 false "copies" were such pairs, and no true copy failed the test).
 * Words are compared as the index spells them (plurals folded, not other forms: "shoots" is not
 * "shooting"), so a real article with a headline in other words can fail; it is then only never
 * called a copy.
 */
export function carriesHeadline(head: string[], body: string[]): boolean {
  const h = [...new Set(head)].filter((t) => !t.startsWith('#'));
  if (h.length < HEADLINE_MIN_WORDS) return true;
  const b = new Set(body);
  return h.filter((t) => b.has(t)).length >= HEADLINE_CARRIED * h.length;
}
const HEADLINE_MIN_WORDS = 3;
const HEADLINE_CARRIED = 0.2;

/** The calendar days the text names (dateline.ts), at most MAX_EVENT_DAYS of them. */
export function eventDays(text: string, day: number | null): number[] {
  return namedDays(text, day, MAX_EVENT_DAYS);
}
