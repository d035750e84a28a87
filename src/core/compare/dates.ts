// Dates of events, resolved against the article's publication date: "on Wednesday" in an
// article published on Thursday 15 October is 14 October; "yesterday" is the day before
// publication; "January 6" is the nearest 6 January not after publication.

export interface DateMention {
  /** How it was written: a weekday name, a calendar date, or relative to publication. */
  type: 'weekday' | 'date' | 'relative';
  /** MM-DD of a calendar date, also when the year is unknown. */
  md: string | null;
  /** YYYY-MM-DD when resolvable, else null. */
  day: string | null;
  /** 0 = Sunday … 6 = Saturday, when known (named or from the resolved day). */
  weekday: number | null;
  /** "morning", "evening", "night", … when given: lets Friday night and early Saturday agree. */
  part: string | null;
  text: string;
  /** Offset in the sentence. */
  at: number;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';

const RE = new RegExp(
  [
    `\\b(early |late )?(?:on |last |this past |this )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?(?: (morning|afternoon|evening|night))?\\b`,
    `\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`,
    `\\b(\\d{1,2}) ${MONTH_RE}(?:,? (\\d{4}))?\\b`,
    `\\b(yesterday|today|tonight|last night|this morning|this afternoon|this evening|the day before yesterday)\\b`,
    `\\b(one|two|three|four|five|six|\\d) days? ago\\b`,
  ].join('|'),
  'gi',
);

const DAY_MS = 86_400_000;

function parsePub(published: string | null): Date | null {
  if (!published) return null;
  const t = Date.parse(published.slice(0, 10) + 'T12:00:00Z');
  return Number.isNaN(t) ? null : new Date(t);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthIndex = (m: string) => MONTHS.indexOf(m.slice(0, 3).toLowerCase());
const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

export function datesIn(sentence: string, published: string | null): DateMention[] {
  const pub = parsePub(published);
  const out: DateMention[] = [];
  RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE.exec(sentence))) {
    const text = m[0];
    let day: Date | null = null;
    let weekday: number | null = null;
    let part: string | null = null;
    let type: DateMention['type'] = 'date';
    let md: string | null = null;
    if (m[2]) {
      type = 'weekday';
      weekday = WEEKDAYS.indexOf(m[2].toLowerCase());
      part = [m[1]?.trim().toLowerCase(), m[3]?.toLowerCase()].filter(Boolean).join(' ') || null;
      // "around 11 p.m." or "the night of": the time of day, when the weekday does not carry it.
      if (/\b(night of|evening of)\s*$/i.test(sentence.slice(Math.max(0, m.index - 14), m.index))) part = 'night';
      if (pub) {
        // The most recent such weekday on or before publication (news reports the past).
        const back = (pub.getUTCDay() - weekday + 7) % 7;
        day = new Date(pub.getTime() - back * DAY_MS);
      }
    } else if (m[4] || m[7]) {
      const mon = monthIndex((m[4] ?? m[8])!);
      const dd = Number(m[5] ?? m[7]);
      const yy = m[6] ?? m[9];
      if (mon < 0 || dd < 1 || dd > 31) continue;
      if (/\b(night of|evening of)\s*$/i.test(sentence.slice(Math.max(0, m.index - 14), m.index))) part = 'night';
      md = `${String(mon + 1).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
      if (yy) day = new Date(Date.UTC(Number(yy), mon, dd, 12));
      else if (pub) {
        day = new Date(Date.UTC(pub.getUTCFullYear(), mon, dd, 12));
        if (day.getTime() - pub.getTime() > 7 * DAY_MS) day = new Date(Date.UTC(pub.getUTCFullYear() - 1, mon, dd, 12));
      }
    } else if (m[10]) {
      type = 'relative';
      const w = m[10].toLowerCase();
      const back = w === 'yesterday' || w === 'last night' ? 1 : w === 'the day before yesterday' ? 2 : 0;
      part = /night/.test(w) ? 'night' : /morning/.test(w) ? 'morning' : /evening/.test(w) ? 'evening' : null;
      if (pub) day = new Date(pub.getTime() - back * DAY_MS);
      else continue;
    } else if (m[11]) {
      type = 'relative';
      const k = WORDS[m[11].toLowerCase()] ?? Number(m[11]);
      if (pub) day = new Date(pub.getTime() - k * DAY_MS);
      else continue;
    }
    if (day && weekday === null) weekday = day.getUTCDay();
    if (type === 'relative' && !/T\d/.test(published ?? '')) continue; // without a time of publication, "yesterday" is a guess
    out.push({ type, md, day: day ? iso(day) : null, weekday, part, text, at: m.index });
  }
  return out;
}

/**
 * True when two date mentions can be the same day. A weekday is checked against the other
 * mention's weekday, not through the publication date, which is often only an estimate.
 * Late night and early morning on adjacent days can be the same event.
 */
export function sameDay(a: DateMention, b: DateMention): boolean {
  const nightThenMorning = (x: DateMention, y: DateMention) =>
    /night|late/.test(x.part ?? '') || /early/.test(y.part ?? '');
  if (a.type !== 'weekday' && b.type !== 'weekday') {
    if (a.day && b.day) {
      if (a.day === b.day) return true;
      const gap = (Date.parse(b.day) - Date.parse(a.day)) / DAY_MS;
      if (gap === 1) return nightThenMorning(a, b);
      if (gap === -1) return nightThenMorning(b, a);
      return false;
    }
    if (a.md && b.md) return a.md === b.md;
    return true;
  }
  if (a.weekday === null || b.weekday === null) return true;
  if (a.weekday === b.weekday) return true;
  if ((a.weekday + 1) % 7 === b.weekday) return nightThenMorning(a, b);
  if ((b.weekday + 1) % 7 === a.weekday) return nightThenMorning(b, a);
  return false;
}

export function describeDate(d: DateMention): string {
  if (!d.day) return d.text;
  const dt = new Date(d.day + 'T12:00:00Z');
  const t = d.text.trim().replace(/['’]s$/, '');
  if (d.type === 'date') return `${t} (${WEEKDAY_NAMES[dt.getUTCDay()]})`;
  return `${t} (${dt.getUTCDate()} ${MONTH_NAMES[dt.getUTCMonth()]})`;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
