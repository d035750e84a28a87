// A publication date from the text itself, for pages whose metadata has none: a dateline or
// "Published: June 6, 2013" near the top. Only the first lines are read: a date further
// down is more often the date of something the article recounts.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const HEAD_CHARS = 400;

/** A capitalised month name, whole or abbreviated, with its dot: one capture group. */
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\b\\.?';
const YEAR = '((?:19|20)\\d\\d)\\b';
const MONTH_FIRST = new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? ${YEAR}`, 'g');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? ${YEAR}`, 'g');
const NUMERIC = /\b(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/g;

/**
 * A line of running prose is this long at least; a dateline, a "Published …" line or a
 * headline is shorter. A date inside prose ("the lowest level since March 14, 2020", "the
 * 20th anniversary of the Sept. 11, 2001 attacks", "until January 31, 2022") is what the text
 * recounts, not when it was written.
 */
export const PROSE_LINE = 100;
/**
 * What makes a date in a long line its publication date: a word just before it ("… posted in
 * Local News on Friday, September 20, 2013"; within STAMP_REACH characters, no sentence end
 * between), or a bracket that holds the date, as wire datelines write it ("FRANKLIN
 * (Feb. 4, 2014) –", "(Friday, Feb. 4, 2014)", "UPDATE (March 1, 2017 11:30 a.m.):", a
 * caption's "(March 6, 2014/FOX Carolina)"; not "(March 14, 2020 was the last day …)").
 */
const STAMP = /\b(?:posted|published|updated|modified)\b[^.!?]*$/i;
const STAMP_REACH = 50;
const BRACKET = /\(\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$/;
/** What may follow a bracketed dateline's date before the bracket closes: a time, a credit ("11:30 a.m.", "/FOX Carolina"), no prose. */
const BRACKET_END = /^([^()]{0,30}?)\)/;
const PROSE_WORD = /\b\p{Ll}{3,}/u;
/** Characters a date runs to at most ("September 30th, 2013"): one that starts in the head is read whole. */
const DATE_CHARS = 24;

/** Days since 1970-01-01 of the first dateline date near the top of the text, or null. */
export function datelineDay(text: string): number | null {
  // Lines are judged by their whole length: prose cut at the end of the head is still prose.
  for (let start = 0; start < HEAD_CHARS; ) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    // Windows line ends: the \r is not part of the line's length.
    const length = stop - start - (text[stop - 1] === '\r' ? 1 : 0);
    // (And what may follow a bracketed date before its bracket closes.)
    const line = text.slice(start, Math.min(start + length, HEAD_CHARS + DATE_CHARS + 31));
    const day = lineDate(line, HEAD_CHARS - start, length <= PROSE_LINE);
    if (day !== null || end < 0) return day;
    start = end + 1;
  }
  return null;
}

/**
 * The first valid date of one line that starts before `before`: any, when `any`; otherwise
 * only a stamped one.
 */
function lineDate(line: string, before: number, any: boolean): number | null {
  const candidates: { at: number; end: number; y: number; m: number; d: number }[] = [];
  const end = (r: RegExpExecArray) => r.index + r[0].length;
  for (const r of line.matchAll(MONTH_FIRST)) candidates.push({ at: r.index, end: end(r), y: +r[3]!, m: month(r[1]!), d: +r[2]! });
  for (const r of line.matchAll(DAY_FIRST)) candidates.push({ at: r.index, end: end(r), y: +r[3]!, m: month(r[2]!), d: +r[1]! });
  // US order (month/day), as in the English-language sources this matcher is built for.
  for (const r of line.matchAll(NUMERIC)) candidates.push({ at: r.index, end: end(r), y: r[3]!.length === 2 ? 2000 + +r[3]! : +r[3]!, m: +r[1]! - 1, d: +r[2]! });
  candidates.sort((a, b) => a.at - b.at);
  for (const c of candidates) {
    if (c.at >= before) break;
    if (c.m < 0 || c.m > 11 || c.d < 1 || c.d > 31) continue;
    const lead = line.slice(Math.max(0, c.at - STAMP_REACH), c.at);
    const close = BRACKET.test(lead) ? BRACKET_END.exec(line.slice(c.end)) : null;
    const bracketed = close !== null && !PROSE_WORD.test(close[1]!);
    if (!any && !bracketed && !STAMP.test(lead)) continue;
    return Math.floor(Date.UTC(c.y, c.m, c.d) / 86_400_000);
  }
  return null;
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

// Calendar dates anywhere in the text, for the days an article names (MatchFeatures.e). One
// regex for both orders, the year optional, and only capitalised month names ("may 5" is
// rarely a date): it runs over every article at import, so it is kept simpler than the
// comparison's date reader.
const NAMED = new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? ${YEAR})?|\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}(?:,? ${YEAR})?`, 'g');
const DAY = 86_400_000;

/**
 * Days (since 1970-01-01) of the calendar dates the text names, distinct, in text order, at
 * most `max`. A date without a year is the nearest one not more than a week after
 * publication (news reports the past, and sometimes a date just ahead); without a
 * publication day, only dates with a year count.
 */
export function namedDays(text: string, day: number | null, max: number): number[] {
  const out: number[] = [];
  const pubYear = day === null ? 0 : new Date(day * DAY).getUTCFullYear();
  NAMED.lastIndex = 0;
  let r: RegExpExecArray | null;
  while (out.length < max && (r = NAMED.exec(text))) {
    const m = month((r[1] ?? r[5])!);
    const d = +(r[2] ?? r[4])!;
    const y = r[3] ?? r[6];
    if (m < 0 || d < 1 || d > 31) continue;
    let k: number;
    if (y) k = Math.floor(Date.UTC(+y, m, d) / DAY);
    else if (day !== null) {
      k = Math.floor(Date.UTC(pubYear, m, d) / DAY);
      if (k - day > 7) k = Math.floor(Date.UTC(pubYear - 1, m, d) / DAY);
    } else continue;
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

// Weekdays the headline and the lede name ("two unsigned opinions Monday", "Friday's
// shooting"). Reports of one event name the day it happened; two roundups of a running story,
// or two look-alike events, mostly name other days. Only the lede: further down, a text
// recounts earlier days. Plurals ("open Sundays") are habits, not days, and the word boundary
// leaves them out.
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Characters of the text read for weekdays (chosen on the evaluation sets: docs/matching.md). */
export const WEEKDAY_CHARS = 1200;

/** The weekdays named in `title` and the first WEEKDAY_CHARS of `text`, as a 7-bit mask (bit 0 Monday). */
export function weekdayMask(title: string, text: string): number {
  let mask = 0;
  for (const m of `${title}\n${text.slice(0, WEEKDAY_CHARS)}`.matchAll(WEEKDAY)) mask |= 1 << WEEKDAYS.indexOf(m[1]!);
  return mask;
}
