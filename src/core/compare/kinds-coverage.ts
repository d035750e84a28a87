// omitted and exclusive: facts that other independent sources report and this article does
// not, and facts only this article reports. A "fact" here is a counted quantity (people
// killed, arrested, ...) or a named person, place or organisation. Precision first: a fact
// counts as present when the article so much as mentions its word ("arrest", "Beckley"),
// so a paraphrase or a number-less mention never shows up as an omission.
import type { Difference, ElsewhereEvidence } from '../types';
import { distinctiveWords } from './entities';
import { sentenceText, type ArticleFacts } from './facts';
import { quantityTopic } from './kinds-numbers';
import type { Category } from './quantities';
import { groupName, type Doc } from './sources';

const MAX_EACH = 5;

// Words whose presence means the article speaks of the category at all.
const CAT_WORDS: Partial<Record<Category, RegExp>> = {
  killed: /\b(kill\w*|dead|death\w*|died|dies|dying|fatal\w*|slain|murder\w*|homicide\w*|lost (his|her|their) li(fe|ves))\b/i,
  injured: /\b(injur\w*|wound\w*|hurt|hospitali[sz]\w*|hospital)\b/i,
  arrested: /\b(arrest\w*|detain\w*|detention|custody|jail\w*|apprehend\w*|booked)\b/i,
  charged: /\b(charg\w*|indict\w*)\b/i,
  missing: /\b(missing|unaccounted)\b/i,
  evacuated: /\b(evacuat\w*|displac\w*)\b/i,
};

const mentionsCat = (text: string, cat: Category) => CAT_WORDS[cat]?.test(text) ?? true;

// The words of a text, for "is this name mentioned" checks: built once per text.
const TOKENS = new Map<string, Set<string>>();
function tokens(text: string): Set<string> {
  let t = TOKENS.get(text);
  if (!t) {
    t = new Set(text.match(/[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]/g) ?? []);
    for (const w of [...t]) for (const part of w.split(/[-'’.]/)) if (part) t.add(part);
    if (TOKENS.size > 64) TOKENS.clear(); // a small cache: one comparison's texts
    TOKENS.set(text, t);
  }
  return t;
}

function mentionsName(text: string, name: string): boolean {
  const words = distinctiveWords(name);
  if (words.length === 0) return true;
  const t = tokens(text);
  return words.some((w) => t.has(w.replace(/[.'’]+$/, '')) || t.has(w));
}

interface Seen {
  person?: boolean;
  groups: number;
  mentions: number;
  ev: ElsewhereEvidence[];
  names: string[];
}

export function coverageDifferences(target: Doc, groups: Doc[][]): Difference[] {
  if (groups.length === 0) return [];
  return [...omitted(target, groups), ...exclusive(target, groups)];
}

function omitted(target: Doc, groups: Doc[][]): Difference[] {
  const quant = new Map<string, Seen & { topic: string }>();
  const names = new Map<string, Seen>();
  const text = target.a.text;
  groups.forEach((g) => {
    const seenQ = new Set<string>();
    const seenN = new Set<string>();
    for (const d of g) {
      for (const q of d.f.quantities) {
        if (!CAT_WORDS[q.cat] || q.qual !== '' || q.part || seenQ.has(q.cat)) continue;
        if (target.f.quantities.some((p) => p.cat === q.cat) || mentionsCat(text, q.cat)) continue;
        // "Ten people were shot" does not omit the number hurt: it counts them another way.
        if ((q.cat === 'injured' || q.cat === 'killed') && target.f.quantities.some((p) => p.cat === 'shot')) continue;
        seenQ.add(q.cat);
        const e = quant.get(q.cat) ?? { groups: 0, mentions: 0, ev: [], names: [], topic: quantityTopic({ cat: q.cat, qual: '' }) };
        e.groups++;
        e.ev.push({ id: d.a.id, source: d.a.source, value: q.text, sentence: sentenceText(d.a, d.f, q.s) });
        e.names.push(`${groupName(g)} (${q.text})`);
        quant.set(q.cat, e);
      }
      for (const en of d.f.entities) {
        const k = canonical(en.name);
        if (seenN.has(k) || mentionsName(text, en.name) || isOutletName(en.name, groups)) continue;
        seenN.add(k);
        const e = names.get(k) ?? { groups: 0, mentions: 0, ev: [], names: [] };
        e.groups++;
        e.mentions += en.s.length;
        if (en.p) e.person = true;
        e.ev.push({ id: d.a.id, source: d.a.source, value: en.name, sentence: sentenceText(d.a, d.f, en.s[0]!) });
        e.names.push(groupName(g));
        names.set(k, e);
      }
    }
  });
  // "Saint Fluer" and "Sharon Saint Fluer" are one person: keep the fuller name.
  for (const k of [...names.keys()]) {
    const longer = [...names.keys()].find((o) => o !== k && o.endsWith(' ' + k));
    if (!longer) continue;
    // Keep the form more sources use ("St. Aldric Primary School" over "Nearby St. Aldric ...").
    if (names.get(longer)!.groups > names.get(k)!.groups) names.delete(k);
    else names.delete(longer);
  }
  const out: Difference[] = [];
  for (const [, e] of quant) {
    out.push({
      kind: 'omitted', topic: e.topic,
      summary: `Not in this article: the number ${e.topic}, reported by ${e.names.join(', ')}`,
      here: null, elsewhere: e.ev,
    });
  }
  // A name counts when two independent sources use it, or one source names a person.
  const named = [...names]
    .filter(([, e]) => e.groups >= 2 || e.person)
    .sort((x, y) => y[1].groups - x[1].groups || y[1].mentions - x[1].mentions)
    .slice(0, MAX_EACH);
  for (const [, e] of named) {
    const n = e.ev[0]!.value!;
    out.push({
      kind: 'omitted', topic: n,
      summary: `Not in this article: ${n}, mentioned by ${e.groups === 1 ? e.names[0] : `${e.groups} other sources (${e.names.join(', ')})`}`,
      here: null, elsewhere: e.ev,
    });
  }
  return out.slice(0, MAX_EACH + 2);
}

function exclusive(target: Doc, groups: Doc[][]): Difference[] {
  // "Only this article" needs another source that had room to say it: a feed's summary stops
  // after a sentence or two, and against summaries alone nearly every name would be "only here"
  // (bench/compare-summaries.ts). What a summary does say still counts against exclusivity.
  if (!groups.some((g) => g.some((d) => !d.a.partial))) return [];
  const texts = groups.flatMap((g) => g.map((d) => d.a.text));
  const out: Difference[] = [];
  const seen = new Set<string>();
  for (const q of target.f.quantities) {
    if (!CAT_WORDS[q.cat] || q.qual !== '' || q.part || seen.has(q.cat)) continue;
    seen.add(q.cat);
    if (groups.some((g) => g.some((d) => d.f.quantities.some((p) => p.cat === q.cat))) || texts.some((t) => mentionsCat(t, q.cat))) continue;
    const topic = quantityTopic(q);
    out.push({
      kind: 'exclusive', topic,
      summary: `Only this article reports the number ${topic}: ${q.text}`,
      here: { value: q.text, sentence: sentenceText(target.a, target.f, q.s) }, elsewhere: [],
    });
  }
  // Only people: that a street or an agency appears in one article only is rarely news.
  const names = target.f.entities
    .filter((e) => e.p && !isOutletName(e.name, groups) && distinctiveWords(e.name).length > 0)
    .filter((e) => !texts.some((t) => mentionsName(t, e.name)))
    .filter((e, _, all) => !all.some((o) => o !== e && o.name.endsWith(' ' + e.name)))
    .sort((x, y) => y.s.length - x.s.length)
    .slice(0, 3);
  for (const e of names) {
    out.push({
      kind: 'exclusive', topic: e.name,
      summary: `Only this article mentions ${e.name}`,
      here: { value: e.name, sentence: sentenceText(target.a, target.f, e.s[0]!) }, elsewhere: [],
    });
  }
  return out;
}

const canonical = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, ' ').trim();

const OUTLETS = new WeakMap<Doc[][], string[]>();
function isOutletName(name: string, groups: Doc[][]): boolean {
  const n = canonical(name);
  if (/\b(associated press|reuters|news|times|post|journal|tribune|herald|gazette|copyright|facebook|twitter|instagram|youtube|google)\b/.test(n)) return true;
  let outlets = OUTLETS.get(groups);
  if (!outlets) OUTLETS.set(groups, (outlets = groups.flatMap((g) => g.map((d) => canonical(d.a.source ?? '')).filter(Boolean))));
  return outlets.some((o) => o.includes(n));
}

export type { ArticleFacts };
