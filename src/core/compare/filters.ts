// Sentences and clauses that must not produce findings: hedged reports, negated counts,
// and mentions of other events (history, yearly tallies, "a similar attack last year").

const HEDGE = /\b(maybe|perhaps|probably|i think|i guess|unconfirmed|unverified|reportedly|rumou?r(s|ed)?|may have|might have|could have|possibly|it is feared|feared|fears|speculat\w*|not yet confirmed|not been confirmed|could not be confirmed|could not be verified|unclear|if true|claims? that|purported(ly)?|allegations? that|expected to|plans? to|planned to|scheduled to|set to|hopes? to|intends? to|estimates? (vary|range)|hypothetical|initial reports?|initially reported|earlier reports?|originally reported|first reported|previously reported|early reports?)\b/i;

// Modal verbs only in lower case: "May" is usually the month.
const MODAL = /\b(would|could|may|might|will|should)\b/;

export function isHedged(sentence: string): boolean {
  return HEDGE.test(sentence) || MODAL.test(sentence);
}

const OTHER_EVENT =
  /\b(last year|last month|this year|so far this year|earlier this year|years? ago|months ago|annual(ly)?|each year|every year|per year|a year\b|deadliest|worst .{0,20} in .{0,20}history|in history|previous(ly)?|prior to|another (shooting|attack|incident)|separate (shooting|attack|incident)|unrelated|similar (shooting|attack|incident)|in recent (years|months|weeks)|record|since (19|20)\d\d|homicides? (this|so far)|year-to-date|statistics|on average|most recent|the latest in|before that|the last time|earlier (shooting|attack|incident)|string of|spate of|series of|(january|february|march|april|may|june|july|august|september|october|november|december) alone|this month|so far in|in the city (this|last|in))\b/i;

/** True when the sentence is about other events or tallies, judged from its wording and years. */
export function isOtherEvent(sentence: string, pubYear: number | null): boolean {
  if (OTHER_EVENT.test(sentence)) return true;
  for (const m of sentence.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) {
    const y = Number(m[1]);
    if (pubYear === null || y !== pubYear) return true;
  }
  return false;
}

const NEG = /\b(no|not|none|nobody|no one|never|neither|nor|without|zero|den(y|ied|ies)|false(ly)?|n't|cannot)\b|n't\b/i;

/** True when the clause around [start, end) of the sentence is negated ("no one was killed"). */
export function isNegatedAt(sentence: string, start: number, end: number): boolean {
  const cut = /[,;:()—–]|\s-\s|\b(but|while|although|though|whereas)\b/g;
  let from = 0;
  let to = sentence.length;
  let m: RegExpExecArray | null;
  while ((m = cut.exec(sentence))) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return NEG.test(sentence.slice(from, to));
}
