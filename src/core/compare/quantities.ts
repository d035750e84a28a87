// Counted quantities in one sentence: what was counted (killed, injured, arrested, ...),
// about whom (officers, children, ...), and the value as an interval. The same quantity is
// recognised across wording: killed / died / dead / death toll; injured / wounded / hurt;
// arrested / detained / jailed / held.
import { findNumbers, type Interval, type NumberMatch } from './numbers';

export type Category =
  | 'killed' | 'injured' | 'shot' | 'arrested' | 'charged' | 'missing' | 'evacuated'
  | 'people' | 'money' | 'percent' | 'distance' | 'vehicles' | 'aircraft' | 'shots';

export interface Quantity {
  /** Category plus qualifiers: only quantities with the same key are compared. */
  key: string;
  cat: Category;
  /** Who or what was counted ("officers", "children", "bail"), "" when unqualified. */
  qual: string;
  lo: number;
  hi: number | null;
  /** The number as written, e.g. "more than 30". */
  text: string;
  exact: boolean;
  /** A part of a total ("including three children"): can agree with a report, never conflict. */
  part?: boolean;
}

const VERB_AUX = `(?:(?:were|was|are|is|have|has|had|been|being|be|got|get|reportedly|also|later|all|now|each|both|since|confirmed|believed|known|reported|allegedly|initially|then|originally|eventually|who|that)\\s+)*`;

const AFTER_VERBS: [Category, string][] = [
  ['killed', `killed|dead|died|die|slain|murdered|executed|shot dead|shot and killed|shot to death|gunned down|fatally (?:shot|wounded|injured|stabbed|struck|hurt)|fatally|lost their lives|perished|deaths?|fatalities|fatality|deceased|bodies|people dead`],
  ['injured', `injured|wounded|hurt|injuries|hospitali[sz]ed|treated for (?:injuries|wounds|gunshot wounds)|non-fatal(?:ly)?|suffered (?:injuries|wounds|gunshot wounds)`],
  ['shot', `shot(?! dead| and killed| to death)|struck by (?:gunfire|bullets)|hit by (?:gunfire|bullets)`],
  ['arrested', `arrested|detained|jailed|held in custody|taken into custody|in custody|under arrest|apprehended|arrests|detentions|rounded up|behind bars`],
  ['charged', `charged|indicted|facing charges`],
  ['missing', `missing|unaccounted for`],
  ['evacuated', `evacuated|displaced|forced from their homes`],
];

const BEFORE_VERBS: [Category, RegExp][] = [
  ['killed', /\b(killing|killed|kills|kill|claimed the lives of|claiming the lives of|claimed|left|leaving)\s+$/],
  ['killed', /\b(death toll|toll)\b[^,.;]{0,25}\b(at|to|of|is|was|reached|hit|stood at|stands at)\s+$/],
  ['injured', /\b(injuring|injured|injures|wounding|wounded|wounds|hurting)\s+$/],
  ['shot', /\b(shooting|shot|shoots)\s+$/],
  ['arrested', /\b(arrested|arresting|arrests|detained|detaining|detains|jailed|apprehended|rounded up|took|taking)\s+$/],
  ['charged', /\b(charged|charging|indicted)\s+$/],
];

// Words allowed between a number and its verb ("26 people", "three young men").
const STOP_FILL = new Set(
  ('were was are is have has had been being be and or but in at on by for with from to that who which when where ' +
    'after before as than while during including into near outside inside said says say according since because ' +
    'he she they it his her their its i we you this these those not no never the a an').split(' '),
);

const QUALS: [string, RegExp][] = [
  ['officers', /\b(officers?|police(?:men|man)?|cops?|deputies|deputy|troopers?|agents?|firefighters?|guards?)\b/],
  ['soldiers', /\b(soldiers?|troops|servicem[ae]n|marines?|service members|security forces)\b/],
  ['civilians', /\b(civilians?)\b/],
  // "minor injuries" says how badly, not who: only "minor(s)" as a noun names children.
  ['children', /\b(children|child|kids?|minors|minor(?!\s*$| injur| wound)|boys?|girls?|teens?|teenagers?|students?|juveniles?|infants?|babies)\b/],
  ['suspects', /\b(suspects?|gunm[ae]n|attackers?|militants?|fighters?|insurgents?|rebels?|shooters?|assailants?|terrorists?)\b/],
  ['protesters', /\b(protesters?|demonstrators?)\b/],
  ['women', /\b(women|woman)\b/],
  ['men', /\b(men|man)\b/],
  ['animals', /\b(dogs?|cats?|animals?|horses?|cattle|birds?)\b/],
];

const PERSON_OBJ = /^\s*(?:[,.;:)—–-]|$|(?:and|in|at|on|during|including|when|as|before|after|with|while|inside|outside|near|across|since|people|persons|person|others|men|women|children|kids|civilians|soldiers|troops|officers|policemen|police|protesters|demonstrators|students|suspects|victims|passengers|residents|more|bystanders|of)\b|(?:[a-z-]+\s+)?(?!(?:buildings|blocks|houses|homes|doors|streets|miles|feet|yards|times|days|weeks|months|years|hours|minutes|cars|vehicles)\b)[a-z-]+(?:s|men|people|ren)\b(?!\s+(?:ago|later|earlier|away)\b))/;

const ACTIVE_OBJ = /^\s+(?:the|a|an|him|her|them|his|their|its|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b/;

const TIME_UNIT = /^\s*(?:-|\s)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|times|decades?|nights?|-year|-month|-day|-hour|year-old|years-old|a\.m\.|p\.m\.|am\b|pm\b|o'clock|block|th\b|st\b|nd\b|rd\b|:\d|%|percent|per cent)/;

const MONTH = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+$/;

const MONTH_AFTER = /^\s+(jan(uary)?|feb(ruary)?|march|april|june|july|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/;

const MONEY_ANCHORS = /\b(bail|bond|reward|fines?|settlement|budget|costs?|damages?|aid|funding|package|ransom|loans?|debt|spending|contract|salary|donations?|lawsuit|compensation|tax(?:es)?|revenue|profits?|losses|wall|assistance|stimulus|relief|bill|grant|deficit|fundraising|raised|penalty)\b/g;
const PERCENT_ANCHORS = /\b(votes?|approval|unemployment|inflation|turnout|support|growth|tariffs?|interest rate|gdp|margin|poll|disapprov\w*|approv\w*|favou?rabl\w*|unfavou?rabl\w*)\b/g;

/** Quantities stated in one sentence (already known not to be negated, hedged or boilerplate). */
export function quantitiesIn(sentence: string): Quantity[] {
  const s = sentence.toLowerCase();
  const out: Quantity[] = [];
  for (const n of findNumbers(sentence)) {
    // "NBC 6", "Channel 4", "Route 66": a number that is part of a name.
    if (/[A-Z][A-Za-z.]*\s+$/.test(sentence.slice(Math.max(0, n.start - 20), n.start)) && /^\d/.test(n.text) && n.start > 0) continue;
    // "Webb and four others were shot": the four are a part of five.
    const namedAnd = /\b[A-Z][a-z'’-]+\s+and\s+$/.test(sentence.slice(Math.max(0, n.start - 30), n.start)) && /^\s+others?\b/.test(sentence.slice(n.end));
    // "Cornell Beckley, 27, was arrested": an age after a name, not a count.
    if (/[A-Z][a-z'’.]+,\s*$/.test(sentence.slice(Math.max(0, n.start - 30), n.start)) && /^\s*([,;)]|[-–—]\s)/.test(sentence.slice(n.end)) && n.exact) continue;
    // "Tennant and Hakim, both 51, died": an age shared by the people just named.
    if (/\b(both|each|all|aged)\s+$/.test(sentence.slice(Math.max(0, n.start - 8), n.start)) && /^\s*,/.test(sentence.slice(n.end)) && n.exact) continue;
    // "the other, 25, suffered": a bare number between commas is an age, whoever it follows.
    if (/,\s*$/.test(sentence.slice(Math.max(0, n.start - 3), n.start)) && /^\s*,/.test(sentence.slice(n.end)) && n.exact && /^\d+$/.test(n.text)) continue;
    const q = classify(s, n);
    if (q) out.push(namedAnd ? { ...q, part: true } : q);
  }
  return out;
}

function classify(s: string, n: NumberMatch): Quantity | null {
  // "Six members of a Spring family, including four children, were shot to death": drop the
  // "of ..." and "including ..." parts so that the number meets its verb.
  const after = s
    .slice(n.end, n.end + 160)
    .replace(/^(\s+[a-z'-]+)\s+of\s+(?:the|a|an|his|her|their|its)\s+[a-z'-]+(?:\s+(?:family|families|group|crew))?/, '$1')
    .replace(/^((?:\s+[a-z'-]+){0,3}),\s*(?:including|among them)[^,;]{0,80},/, '$1')
    .slice(0, 90);
  const before = s.slice(Math.max(0, n.start - 60), n.start);
  const raw = s.slice(n.start, n.end);
  const iv: Interval = n.interval;
  // "including four children and two adults": every number of the list is a part of a
  // total. Parts are kept, marked, so that they can show agreement but never disagreement.
  const part =
    /\b(including|includ(?:es|ed)|among them|among whom|of whom|of them|among the|plus|remaining|the other|another|the last|the first)\s+$/.test(before) ||
    /\bincluding\b[^,;:—()]*$/.test(before) ||
    // "two male students ... along with the female student, and a fourth victim": counted one by one.
    /\b(along with|as well as|together with)\b/.test(s) ||
    /\b(a|the) (second|third|fourth|fifth|sixth) (victim|person|man|woman|student|teen|child)\b/.test(s) ||
    // "The other victims were a 17-year-old shot in the knee, two 16-year-olds, one shot in the leg
    // and the other in the arm": victims described one by one.
    /\bthe other (?:[a-z-]+ )?victims\b/.test(s.slice(0, n.start)) ||
    (/^(one|1)$/.test(s.slice(n.start, n.end)) && /\b(the other|another)\b/.test(s.slice(n.end))) ||
    // "two of the victims", "fatally shot two of his children": some of a group, not its size.
    /^\s+of\s+(?:the|his|her|their|them|those|these|its|our)\b/.test(s.slice(n.end)) ||
    // "three remain hospitalized", "two men each shot in the thigh", "one victim was shot seven
    // times": those still in hospital, or victims taken one at a time.
    /^(?:\s+[\w'’-]+){0,3}?\s+(?:remain|remains|remained|still|each)\b/.test(s.slice(n.end, n.end + 60)) ||
    /^\s+victim\b/.test(s.slice(n.end)) ||
    // "In another, floodwaters swept through a care home, killing 12": another place of the story.
    /^\W*(?:in|at) another\b/.test(s) ||
    // "the strike, in retaliation for the bombing that killed scores": the earlier attack's toll.
    /\b(?:retaliation|revenge|reprisal|response) (?:for|to)\b/.test(s.slice(0, n.start));
  // "One man is in critical condition and three others are injured": four were hurt, so
  // "three others" is three or four injured, depending on how one counts.
  const othersAfterHurt = /^\s+others\b/.test(after) && /\b(critical|serious|stable|condition|was shot|was wounded|was injured|hospitali[sz]ed)\b/.test(s.slice(0, n.start));
  // "Four people were killed ... before he was shot and killed by police": five dead in all,
  // so four and five can both be true.
  const attackerDied = ATTACKER_DIED.test(s);
  const make = (cat: Category, qual: string): Quantity => ({
    key: `${cat}|${qual}`, cat, qual, lo: iv.lo,
    hi: iv.hi === null ? null : (cat === 'injured' && othersAfterHurt) || (cat === 'killed' && attackerDied) ? iv.hi + 1 : iv.hi,
    text: n.text, exact: n.exact, ...(part ? { part: true } : {}),
  });

  // Money and percentages are recognised by their symbol or unit.
  const cur = /(\$|us\$|€|£)\s*$/.exec(before);
  const unit = /^\s*(?:(million|billion|trillion)\s+)?(dollars|euros|pounds|crowns|kronor|kroner|francs|yen|yuan|rupees|pesos|rubles|roubles|rand|shillings|naira|dinars|lira|zloty)\b/.exec(after);
  if (cur || unit) {
    const scale = /^\s*(million|billion|trillion)\b/.exec(after);
    const v = scale ? { lo: iv.lo * (scale[1] === 'million' ? 1e6 : scale[1] === 'billion' ? 1e9 : 1e12), hi: iv.hi === null ? null : iv.hi * (scale[1] === 'million' ? 1e6 : scale[1] === 'billion' ? 1e9 : 1e12) } : iv;
    // "a $500,000 bond for each count": per count, not the total. "upped the reward by $20,000":
    // a change, not the amount.
    if (/^\s*(?:(?:million|billion|trillion)\s+)?(?:[a-z]+\s+)?(?:for |on |per )?(?:each|every|apiece|per count|a count)\b/.test(after)) return null;
    if (/\bby\s+(?:\$|us\$|€|£)?\s*$/.test(before)) return null;
    const found = nearestAnchor(s, n.start, MONEY_ANCHORS);
    if (!found) return null;
    // Damage, damages and losses name one figure; so do cost and costs.
    const anchor = /^(damages?|losses)$/.test(found) ? 'damage' : found.replace(/s$/, '');
    return { key: `money|${anchor}`, cat: 'money', qual: anchor, lo: v.lo, hi: v.hi, text: (cur ? cur[1]!.replace('us', 'US') : '') + n.text + (scale ? scale[0] : '') + (unit ? ' ' + unit[2] : ''), exact: n.exact };
  }
  const pct = /^\s*(?:%|percent\b|per cent\b)/.exec(after);
  if (pct) {
    // Only a percentage tied to what it measures: "a 25 percent tariff", "turnout was 61
    // percent", "an approval rating of 40%". "The tariff covered 30 percent of imports" is not the tariff.
    const right = after.slice(pct[0].length, pct[0].length + 30);
    const anchors = PERCENT_ANCHORS.source.slice(3, -3);
    const tied =
      new RegExp(`^\\s+(?:[a-z-]+\\s+)?(${anchors})\\b`).exec(right) ??
      new RegExp(`\\b(${anchors})(?:\\s+(?:rating|rate|level|share))?\\s+(?:of|at|was|is|stood at|rose to|fell to|reached|hit|to)\\s+(?:about\\s+|nearly\\s+|around\\s+|just\\s+|roughly\\s+)?$`).exec(before);
    if (!tied) return null;
    const anchor = tied[1]!.replace(/^(dis)?approv\w*$/, '$1approval').replace(/^(un)?favou?rabl\w*$/, '$1favourability').replace(/s$/, '');
    return { ...make('percent', anchor), text: n.text + (pct[0].trim() === '%' ? '%' : ' percent') };
  }
  // "Tuesday (6 January)", "Jan. 6": a date, not a count.
  if (TIME_UNIT.test(after) || MONTH.test(before) || MONTH_AFTER.test(after)) return null;
  // "ages 15 and 16", "ages 15, 17, and 18": every number of a list of ages is an age.
  if (/\b(age|aged|ages)\s+(?:\d+\s*,?\s*(?:and|&|or)?\s*)*$/.test(before)) return null;
  // "in their early 20's", "in his 30s": an age bracket, not a count.
  if (/^['’]?s\b/.test(after) || /\b(early|mid|late)[- ]?$/.test(before.trimEnd())) return null;
  // "0:27", "1:05:10": a clock time or a video's length.
  if (/\d:$/.test(before)) return null;
  // "a father of two sons", "a mother of three": a family, not a count.
  if (/\b(father|mother|parent|grandfather|grandmother|dad|mom|mum) of\s+$/.test(before)) return null;
  // "When one is killed, all of us lose": "one" as a pronoun.
  if (/^one$/.test(raw) && /\b(when|if|once|unless|whenever)\s+$/.test(before)) return null;
  if (/^\d{4}$/.test(raw) && iv.lo >= 1900 && iv.lo <= 2100) return null;
  if (/^\s*of\b/.test(after) && /^(one|1)$/.test(raw)) return null;
  // "including two children", "among them three officers": a part of a total, not the total.

  if (/^\s*(more|additional|other more)\b/.test(after) || /\b(another|an additional|a further)\s+$/.test(before)) return null;

  const dist = /^\s*-?(miles?|kilometers?|kilometres?|km|meters?|metres?|feet|foot|ft|yards?)\b(?:\s+(?:away\s+)?(?:from|of|north of|south of|east of|west of|outside|into)\s+(?:the\s+|downtown\s+)?([a-z][a-z'-]+))?/.exec(after);
  if (dist) {
    if (!dist[2]) return null;
    const f = /^mile/.test(dist[1]!) ? 1609 : /^(kilomet|km)/.test(dist[1]!) ? 1000 : /^(feet|foot|ft)/.test(dist[1]!) ? 0.3048 : /^yard/.test(dist[1]!) ? 0.9144 : 1;
    return { key: `distance|${dist[2]}`, cat: 'distance', qual: dist[2], lo: Math.round(iv.lo * f), hi: iv.hi === null ? null : Math.round(iv.hi * f), text: n.text + ' ' + dist[1], exact: n.exact };
  }

  // "fired one shot into his head", "three shots rang out": shots, not people shot.
  if (/^\s+shots?\b/.test(after) && (/\b(fired|fire|firing|heard)\s+(?:about\s+|at least\s+|more than\s+)?$/.test(before) || /^\s+shots?\s+(?:were\s+)?(?:fired|rang out|heard|into)\b/.test(after))) {
    return make('shots', 'fired');
  }
  // After the number: up to three describing words, then the verb ("26 people were killed").
  const fill = /^((?:\s+[a-z'-]+){0,3}?)\s*,?\s*/.exec(after);
  for (let k = 0; k <= 3; k++) {
    const words = after.trim().split(/\s+/).slice(0, k);
    // A dash or a bracket between the number and the verb ends the phrase ("two sons — died").
    if (words.some((w) => /^[—–(-]|[—–()]/.test(w))) break;
    if (words.some((w) => STOP_FILL.has(w.replace(/[^a-z'-]/g, '')) || /[,.;:]$/.test(w) && k > 0 && w !== words[words.length - 1])) break;
    const rest = after.replace(/^\s+/, '').split(/\s+/).slice(k).join(' ');
    const restWithSpace = ' ' + rest;
    for (const [cat, verbs] of AFTER_VERBS) {
      const m = new RegExp(`^\\s*,?\\s*${VERB_AUX}(?:${verbs})\\b`).exec(restWithSpace.replace(/^\s*,/, ' '));
      if (!m) continue;
      const hadAux = /\b(were|was|are|is|have|has|had|been|being|be|got|get)\b/.test(m[0]);
      const objAfter = restWithSpace.slice(m[0].length);
      // "two wounded soldiers": the verb as an adjective names a group among others.
      const adjectival = !hadAux && k === 0 && /^\s+(?!people\b|others\b|and\b|in\b|at\b|on\b|by\b)[a-z-]+s\b/.test(objAfter) && /^(wounded|injured|dead|killed|hurt|arrested|detained|missing)$/.test(m[0].trim());
      // "two men shot the woman", "the two men who shot up a street": the number is the agent, not the victims.
      if (!hadAux && (/\b(who|that)\b/.test(m[0]) || /^\s+up\b/.test(objAfter)) && cat !== 'arrested' && cat !== 'charged' && cat !== 'missing') continue;
      if (!hadAux && ACTIVE_OBJ.test(objAfter) && !/^(dead|deaths?|fatalities|injuries|arrests|missing|fatally)/.test(m[0].trim().split(/\s+/).pop() ?? '')) continue;
      // "thousands of emails are missing": only people go missing or are evacuated here.
      if ((cat === 'missing' || cat === 'evacuated') && words.length > 0 && !PEOPLE_WORD.test(words.join(' '))) return null;
      const qual = qualifier(words.join(' '), s, n);
      if (qual === null) return null;
      // "The three most seriously injured": a part of the injured, not their number.
      // "two men dead and four others were shot": the others are those besides the dead, a part
      // of everyone shot. (For the injured, "N others" is how the injured total is written.)
      const othersOf = (cat === 'shot' || cat === 'killed') && /^others?$/.test(words[0] ?? '');
      if (qual === '#part' || adjectival || othersOf || SINGLE_AND.test(before) || /\b(most|seriously|critically|severely|gravely|badly|critical)\b/.test(words.join(' '))) return { ...make(cat, ''), part: true };
      return make(cat, qual);
    }
  }
  void fill;

  // Before the number: the verb, then the number as its object ("killing 26 people").
  for (const [cat, re] of BEFORE_VERBS) {
    if (!re.test(before)) continue;
    if (!PERSON_OBJ.test(after)) return null;
    if (/\b(left|leaving|claimed)\s+$/.test(before) && cat === 'killed' && !/^\s+(?:people\s+|persons\s+|others\s+)?(dead|killed)\b/.test(after) && !/claimed the lives/.test(before)) return null;
    if (/\b(took|taking)\s+$/.test(before) && !/^\s+(?:people\s+|persons\s+|others\s+|suspects\s+|men\s+)?into custody\b/.test(after)) return null;
    const qual = qualifier(after.split(/[,.;:]/)[0]!.split(/\s+/).slice(0, 3).join(' '), s, n);
    if (qual === null) return null;
    if (qual === '#part') return { ...make(cat, ''), part: true };
    return make(cat, qual);
  }

  const head = /^\s+(?:[a-z-]+\s+)?(cars|vehicles|trucks|buses|cruisers|ambulances|vans|motorcycles|boats|ships|vessels|tanks|planes|aircraft|jets|warplanes|helicopters|drones|shots|rounds|bullets|gunshots|shell casings|casings|protesters|demonstrators|marchers|people|participants|attendees|supporters|activists|mourners|refugees|migrants|passengers)\b([^.;]{0,60})/.exec(after);
  if (head) {
    const h = head[1]!;
    if (/^(cars|vehicles|trucks|buses|cruisers|ambulances|vans|motorcycles|boats|ships|vessels|tanks)$/.test(h)) return make('vehicles', h === 'vehicles' ? 'cars' : h);
    if (/^(planes|aircraft|jets|warplanes|helicopters|drones)$/.test(h)) return make('aircraft', /helicop/.test(h) ? 'helicopters' : /drone/.test(h) ? 'drones' : 'planes');
    if (/^(shots|rounds|bullets|gunshots)$/.test(h)) return /\bfired|rang out|heard\b/.test(head[2]! + ' ' + before) ? make('shots', 'fired') : null;
    if (/casings/.test(h)) return make('shots', 'casings');
    // People at an event, keyed by what they did: a vigil's crowd is not a march's.
    const did = /\b(gathered|marched|rallied|attended|took part|turned out|protested|demonstrated|assembled|showed up|joined the|held a vigil|were on board|on board|aboard)\b/.exec(head[2]!);
    if (did) {
      const verb = /board/.test(did[1]!) ? 'aboard' : /attended|vigil/.test(did[1]!) ? 'attended' : 'gathered';
      return make('people', `${/protest|demonstr|march/.test(h) ? 'protesters' : /passeng/.test(h) ? 'passengers' : 'people'}/${verb}`);
    }
  }
  return null;
}

// "a 10-year-old girl and two men were wounded": the two are a part of three.
const SINGLE_AND = /(\b(a|an|one|another) (?:[\w-]+ ){0,2}(man|woman|girl|boy|child|teen|teenager|toddler|person|infant|baby)|\b(he|she|him|her)|\b[\w-]+ (?:[\w-]+ )?(men|women|boys|girls|adults|children|juveniles|teens|teenagers|students))\s+and\s+$/;

export const ATTACKER_DIED = /\b((?:and|then|before) (?:then )?(?:killing |shooting )?(?:himself|herself)|killed himself|killed herself|took his own life|took her own life|turned the gun on himself|shot himself|self-inflicted|murder-suicide|before (he|she) was (fatally )?(shot|killed)|(gunman|shooter|suspect|attacker|he|she) (was|were) (also )?(fatally shot|shot and killed|shot dead|killed))\b/;

const PEOPLE_WORD = /\b(people|persons?|others|residents|children|students|workers|men|women|miners|passengers|hikers|climbers|crew|fishermen|soldiers|migrants|villagers|families|tourists|patients|staff|employees)\b/;

/** A tally of several incidents ("in separate shootings across the city", "a spree that spanned several scenes"): not this story's count. */
export const MULTI = /\b(deadly weekend|violent weekend|bloody weekend|weekend of violence|gun violence in [a-z]+ (?:city|county)|in the city since|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) in|shootings|incidents|attacks|separate|across the city|throughout the city|citywide|across [a-z]+ since|over the weekend|weekend violence|(?:over|across|during|in) (?:the (?:past|last) )?(?:two|three|four|five|six|seven|several|\d+) (?:nights|days)|(?:two|three|four|five|several|\d+) (?:nights|days) of|bombings|air ?strikes|airstrikes|raids|shellings|(?:several|multiple|two|three|four) (?:crime )?scenes|south and west sides|north and south sides|across the (south|west|north) side)\b/;

/** Who was counted: a qualifier class, "" for people in general, null to drop the number. */
function qualifier(words: string, s: string, n: NumberMatch): string | null {
  const found: string[] = [];
  for (const [name, re] of QUALS) if (re.test(words)) found.push(name);
  // "Three men and two women": parts of a total. "Three men were killed" is the total.
  if (found.includes('women') && found.includes('men')) return null;
  let q = found.filter((f) => f !== 'men' && f !== 'women')[0] ?? '';
  // "A woman and three men were hospitalized": the three men are a part of the four.
  if ((found.includes('men') || found.includes('women')) && /\b(a|one|another) (wo)?man\b/.test(s)) return '#part';
  // A total that counts the attacker is a different quantity from one that does not.
  if (/\bincluding (the|a|one|both)? ?(gunman|shooter|suspect|attacker|bomber|assailant|gunmen|shooters|suspects)\b/.test(s.slice(n.end, n.end + 80))) q = q ? q + '+suspect' : '+suspect';
  // "six injured by gunfire": those hit, a narrower count than everyone hurt (one hurt fleeing).
  const gunfire = /^[^.;,]{0,40}\b(?:injured|wounded|hurt)\s+by\s+(?:gunfire|gunshots?|bullets)\b/.test(s.slice(n.end, n.end + 70));
  if (/\b(nationwide|across the country|countrywide|statewide|across the state|worldwide|across the region|in total across|so far this year)\b/.test(s)) q += '@wide';
  // "in separate shootings across the city": a tally of several incidents, not this one.
  else if (MULTI.test(s)) return null;
  return gunfire && !q.includes('@') ? q + '@gunfire' : q;
}

function nearestAnchor(s: string, at: number, re: RegExp): string | null {
  re.lastIndex = 0;
  let best: string | null = null;
  let bestD = Infinity;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const d = Math.abs(m.index - at);
    if (d < bestD && d < 80) {
      bestD = d;
      best = m[1]!;
    }
  }
  return best;
}
