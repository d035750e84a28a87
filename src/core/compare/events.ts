// Which event a date in a sentence is about: the event word nearest to it. "Arrested on
// Thursday in connection with Sunday's shooting" dates the arrest Thursday and the
// shooting Sunday; "police said on Thursday" dates a statement, which is not compared.
import { datesIn, type DateMention } from './dates';
import { isNegatedAt } from './filters';

export interface EventDate extends DateMention {
  /** Event class: incident, death, arrest, court, protest, meeting, vote, announcement, funeral. */
  event: string;
  /** The word that named it ("fire", "shooting"), for the topic line. */
  word: string;
}

const EVENTS: [string, RegExp][] = [
  // Words that date something else than the event itself: a new toll, a reopening, a visit.
  ['update', /\b(rose|risen|climbed|increased|reached|updated|reopened|closed|resumed|returned|visited|calmer|set fire|identified|released)\b/gi],
  ['incident', /\b(fire|blaze|shootings?|shootout|gunfire|shot|attack(?:ed)?|explosion|blast|exploded|crash(?:ed)?|collision|collapsed?|earthquake|quake|stabbing|stabbed|killed|broke out|erupted|happened|occurred|took place|bombing|massacre|rampage|derail(?:ed|ment)|(?<!without )incident|storm|flood(?:ing)?|spill|leak)\b/gi],
  ['death', /\b(died|passed away|succumbed)\b/gi],
  ['arrest', /\b(arrested|detained|taken into custody|apprehended|arrest|surrendered|turned himself in|turned herself in)\b/gi],
  ['court', /\b(charged|indicted|arraigned|arraignment|hearing|sentenced|pleaded|convicted|acquitted|verdict|trial)\b/gi],
  ['protest', /\b(protests?|protested|rally|rallies|rallied|vigil|march(?:ed)?|gathered|demonstrations?|clash(?:es|ed)?)\b/gi],
  ['meeting', /\b(met|meeting|summit|talks)\b/gi],
  ['vote', /\b(voted|vote|election|passed|approved|confirmed by)\b/gi],
  ['announcement', /\b(announced|unveiled|signed|issued|launched)\b/gi],
  ['funeral', /\b(funerals?|buried|burial|memorial service)\b/gi],
];

// Words between an event and a date that show the date belongs to something else: a
// statement, a court step, a hospital stay ("remains in the hospital Monday after a shooting").
const BLOCK = /\b(courtroom|back in|accepted|plea|deals?|called|scheduled|case|left|leaving|aftermath|said|says|told|confirmed|statement|remained|remains|conference|interview|posted|updated|testified|court|hearing|charged|charges|filed|jail|custody|hospital|after|before|since|following|connection|concerning|allegedly|announced|identified|appeared|placed|booked|investigat\w*|arraign\w*|released|responded|planning|plans|meet|vigil|funeral|news|reported|released|sentenced|pleaded)\b/i;

const INCIDENT_NOUN = /^(fire|blaze|shooting|shootout|attack|explosion|blast|crash|collision|collapse|earthquake|quake|stabbing|bombing|massacre|rampage|derailment|robbery|storm|flood|flooding|spill|leak)$/i;

export function eventDatesIn(sentence: string, published: string | null): EventDate[] {
  const out: EventDate[] = [];
  // A round-up of several incidents dates them, not this story's event.
  if (/\b(a day after|a day before|days after|the first fatal|separate (shootings|incidents|attacks)|across the city|throughout the city|citywide|weekend (gun )?violence|(south|west|north) sides?|twice|the first time|the second time|another (shooting|incident|attack))\b/i.test(sentence)) return out;
  for (const d of datesIn(sentence, published)) {
    if (isNegatedAt(sentence, d.at, d.at + d.text.length)) continue;
    // "June 17, 2013 - Houston police are investigating": a dateline, the date of the report.
    if (d.at <= 2 && /^\s*[-–—:]/.test(sentence.slice(d.at + d.text.length, d.at + d.text.length + 3))) continue;
    const before = sentence.slice(Math.max(0, d.at - 25), d.at);
    // The date a statement was made is not the date of the event.
    if (/\b(said|says|told|added|confirmed|reported|stated|announced that|wrote|posted|tweeted)\s*(on\s*)?$/i.test(before)) continue;
    if (/^\s*,?\s*(said|told|in a statement|according to)\b/i.test(sentence.slice(d.at + d.text.length, d.at + d.text.length + 25))) continue;
    let best: { event: string; word: string; dist: number } | null = null;
    const dEnd = d.at + d.text.length;
    const atClauseStart = /(^|[,;:]\s*)$/i.test(sentence.slice(0, d.at).replace(/\b(on|early|late|last)\s+$/i, '').trimEnd().replace(/^\W+$/, ''));
    for (const [event, re] of EVENTS) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(sentence))) {
        const end = m.index + m[0].length;
        let score: number;
        if (end <= d.at) {
          // "was shot on Sunday": the event, then its date, in one clause with nothing else said between.
          const between = sentence.slice(end, d.at);
          if (between.length > 80 || /[,;:—()]/.test(between) || BLOCK.test(between)) continue;
          // "an investigation into the shooting Thursday": the date belongs to the investigation.
          if (/\b(into|about|over|regarding|aftermath of|connection with|case|hearing in)\s+(the\s+)?$/i.test(sentence.slice(Math.max(0, m.index - 24), m.index))) continue;
          score = between.length;
        } else if (m.index >= dEnd) {
          // "Tuesday's fire", or "On Tuesday, a man was shot".
          const between = sentence.slice(dEnd, m.index);
          const poss = /['’]s$/.test(d.text) ? "'s" + between : between;
          const possessive = /^['’]s\s*$/.test(poss) || /^['’]s\s+[a-z-]+\s*$/.test(poss);
          if (!possessive && !(atClauseStart && between.length <= 40 && !/[;:—()]/.test(between) && (between.match(/,/g) ?? []).length <= 1 && !BLOCK.test(between))) continue;
          score = possessive ? 0 : between.length + 20;
        } else continue;
        if (!best || score < best.dist) best = { event, word: m[0].toLowerCase(), dist: score };
      }
    }
    if (!best) continue;
    // A calendar date weeks before publication is backstory ("a Dec. 3 shooting nearby").
    if (d.type === 'date' && d.day && published && (Date.parse(published.slice(0, 10)) - Date.parse(d.day)) / 86_400_000 > 14) continue;
    if (best.event === 'incident' && !INCIDENT_NOUN.test(best.word)) {
      // "The fire broke out on Tuesday": name the event by the noun of the sentence.
      const noun = /\b(shooting|fire|blaze|shootout|attack|explosion|blast|crash|collision|collapse|earthquake|quake|stabbing|bombing|massacre|rampage|derailment|robbery|storm|flood|flooding|spill|leak)\b/i.exec(sentence);
      if (noun) best.word = noun[1]!.toLowerCase();
    }
    out.push({ ...d, event: best.event, word: best.word });
  }
  return out;
}

export function eventTopic(e: Pick<EventDate, 'event' | 'word'>): string {
  if (e.event === 'incident') return `date of the ${INCIDENT_NOUN.test(e.word) ? e.word : 'incident'}`;
  const names: Record<string, string> = {
    update: 'date of the update',
    death: 'date of death', arrest: 'date of the arrest', court: 'date of the court step', protest: 'date of the protest',
    meeting: 'date of the meeting', vote: 'date of the vote', announcement: 'date of the announcement', funeral: 'date of the funeral',
  };
  return names[e.event] ?? 'date';
}
