// The facts of one article, extracted once when it enters the corpus and stored as plain
// JSON. Sentences are kept as offsets into article.text, so the stored facts stay small and
// every finding quotes its sentence exactly as it stands in the article.
import { hash64 } from '../hash';
import { normaliseText } from '../article';
import type { Article } from '../types';
import { entitiesIn } from './entities';
import { eventDatesIn, type EventDate } from './events';
import { isHedged, isNegatedAt, isOtherEvent } from './filters';
import { addFraming, type FrameUse } from './framing';
import { quantitiesIn, type Quantity } from './quantities';
import { quotesIn, type Quote } from './quotes';
import { splitSentences } from './sentences';

/** Bump when the shape or the meaning of ArticleFacts changes: stored facts of another version are recomputed. */
export const FACTS_VERSION = 5;

export interface QuantityFact extends Quantity {
  /** Index into ArticleFacts.sentences. */
  s: number;
}

export interface DateFact extends EventDate {
  s: number;
}

export interface QuoteFact extends Quote {
  s: number;
}

export interface EntityFact {
  name: string;
  /** Sentence indexes where it is mentioned. */
  s: number[];
  /** Titles written before the name, with the sentence: [["Interior Minister", 4]]. */
  t?: [string, number][];
  /** Somewhere written the way people are (a title, an age, "said"). */
  p?: true;
}

export interface ArticleFacts {
  v: number;
  /** hash64 of the whitespace-normalised text: facts of another text are not used. */
  textHash: string;
  /** Prose sentences as [start, end) offsets into article.text. */
  sentences: [number, number][];
  quantities: QuantityFact[];
  entities: EntityFact[];
  /** Dated events ("the fire on Tuesday"), resolved against the publication date. */
  dates: DateFact[];
  /** Framing words used, per group of alternatives: {crowd: {rioters: [3, 7]}}. */
  framing: FrameUse;
  quotes: QuoteFact[];
  /** A sample of hashed word 5-grams, for recognising copies of the same text. */
  shingles: string[];
}

export function extractFacts(a: Article): ArticleFacts {
  const text = a.text;
  const sents = splitSentences(text);
  const pubYear = a.published ? Number(a.published.slice(0, 4)) || null : null;
  const quantities: QuantityFact[] = [];
  const entities = new Map<string, EntityFact>();
  const dates: DateFact[] = [];
  const framing: FrameUse = {};
  const quotes: QuoteFact[] = [];
  sents.forEach((se, i) => {
    const s = text.slice(se.start, se.end);
    if (!isHedged(s) && !isOtherEvent(s, pubYear)) {
      for (const q of quantitiesIn(s)) {
        const at = s.indexOf(q.text);
        if (at >= 0 && isNegatedAt(s, at, at + q.text.length)) continue;
        quantities.push({ ...q, s: i });
      }
      for (const d of eventDatesIn(s, a.published)) dates.push({ ...d, s: i });
    }
    addFraming(framing, s, i);
    for (const e of entitiesIn(s)) {
      const f = entities.get(e.name) ?? { name: e.name, s: [] };
      if (f.s[f.s.length - 1] !== i) f.s.push(i);
      if (e.title) (f.t ??= []).push([e.title, i]);
      if (e.person) f.p = true;
      entities.set(e.name, f);
    }
  });
  // Quotes are read per paragraph, since one can run over several sentences.
  for (const para of text.matchAll(/[^\n]+/g)) {
    for (const q of quotesIn(para[0])) {
      const at = para.index + q.at;
      const i = sents.findIndex((se) => se.start <= at && at < se.end);
      if (i < 0) continue;
      const { at: _at, ...rest } = q;
      void _at;
      // "Castell said": give the full name the article uses elsewhere ("Ruben Castell").
      if (rest.speakerName && !/\s/.test(rest.speakerName)) {
        const full = [...entities.values()].find((e) => e.name.endsWith(' ' + rest.speakerName));
        if (full) rest.speakerName = full.name;
      }
      quotes.push({ ...rest, s: i });
    }
  }
  return {
    v: FACTS_VERSION,
    textHash: hash64(normaliseText(text)),
    sentences: sents.map((s) => [s.start, s.end]),
    quantities,
    entities: [...entities.values()],
    dates,
    framing,
    quotes,
    shingles: shingles(text),
  };
}

/** Facts to use for an article: the stored ones when they are current and for this text. */
export function factsFor(a: Article, f?: ArticleFacts): ArticleFacts {
  if (f && f.v === FACTS_VERSION && f.textHash === hash64(normaliseText(a.text))) return f;
  return extractFacts(a);
}

function shingles(text: string): string[] {
  const w = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 5 <= w.length; i++) {
    const h = hash64(w.slice(i, i + 5).join(' '));
    // Keep about one in four: enough to measure overlap, a quarter of the storage.
    if (h.charCodeAt(15) % 4 === 0) out.add(h.slice(0, 10));
  }
  return [...out];
}

export function sentenceText(a: Article, f: ArticleFacts, i: number): string {
  const s = f.sentences[i];
  return s ? a.text.slice(s[0], s[1]) : '';
}
