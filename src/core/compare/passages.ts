// Roundups: one page, several stories ("Morning briefing", "Five things to know", a live
// blog of the day). The matcher rightly matches one with each of its stories, but compared
// whole it sets the figures, names and quotes of its other stories against the article being
// read: "not in this article: the number killed" of another shooting. Here a text is cut into
// its stories at the headlines a roundup heads them with, where the names change (a story's
// paragraphs keep naming its people and places; a roundup's stories share few), and a
// comparison reads only the stories of a roundup that the other side also tells. One story's
// text is not cut: its background paragraphs are what "facts this article leaves out" are
// made of (docs/comparison.md, "Roundups").
import type { Article } from '../types';
import type { ArticleFacts } from './facts';
import { GENERIC, STOP_FIRST, TITLES } from './entities';
import { isBoilerLine, LINK_BOX } from './sentences';
import type { Doc } from './sources';

/** A story of a roundup is at least this long (words): a shorter block stays with its neighbour. */
const MIN_STORY_WORDS = 40;
/** What stands between two blocks of one story, an aside or a gallery's headline, is shorter than this (words). */
const ASIDE_WORDS = 80;
/** No story of a roundup holds more than this share of its words. */
const MAX_STORY_SHARE = 0.7;

export interface Stories {
  /** The story of each sentence (an index into `names`). */
  ofSentence: number[];
  /** The names each story uses (lower case). */
  names: Set<string>[];
  /** Where each story begins in the text (its headline, for all but maybe the first). */
  starts: number[];
}

const NOT_NAME = new Set(
  [...STOP_FIRST, ...TITLES, ...GENERIC].map((w) => w.toLowerCase()).concat(
    'mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec covid'.split(' '),
  ),
);

const NAME = /(?<![\w'’-])[A-Z][a-zA-Z'’-]{2,}/g;

/**
 * Capitalised words of a paragraph that the text never writes in lower case: its names. A
 * word opening a sentence counts only when the text also capitalises it inside one ("Such",
 * "Posted", "Well" open sentences; "Meyer" is written so everywhere).
 */
function namesOf(para: string, lower: ReadonlySet<string>, inner: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const m of para.matchAll(NAME)) {
    const w = m[0].replace(/['’]s?$/, '').toLowerCase();
    if (w.length >= 3 && !lower.has(w) && !NOT_NAME.has(w) && (!opensSentence(para, m.index) || inner.has(w))) out.add(w);
  }
  return out;
}

function opensSentence(text: string, at: number): boolean {
  return /(^|[.!?:;"“”‘'(—–-])\s*$/.test(text.slice(Math.max(0, at - 4), at));
}

/** The words of a text that are written lower case somewhere, and the capitalised ones written inside a sentence. */
function vocabulary(text: string): { lower: Set<string>; inner: Set<string> } {
  const lower = new Set(text.match(/(?<![\w'’-])[a-z][a-z'’-]+/g) ?? []);
  const inner = new Set<string>();
  for (const m of text.matchAll(NAME)) if (!opensSentence(text, m.index)) inner.add(m[0].replace(/['’]s?$/, '').toLowerCase());
  return { lower, inner };
}

/**
 * A headline of its own: a line of 3 to 16 words, mostly letters, that opens with a capital
 * or a figure and does not end like a sentence, and is no page furniture ("Watch the
 * report", "Related Coverage", a video list's "2:13 Music professor says …", a rule of dashes).
 */
function isHeading(line: string): boolean {
  const t = line.trim();
  const n = t.split(/\s+/).length;
  if (n < 3 || n > 16 || /[.!?:;,]["'”’)\]]*$/.test(t) || !/^[\p{Lu}\d]/u.test(t) || LINK_BOX.test(t) || /^[»›•▶►→+\-–—*|=]/.test(t)) return false;
  if (/^\d{1,2}:\d{2}\b/.test(t) || /^(advertisement|download|play|video|watch|listen)\b/i.test(t)) return false;
  return t.replace(/[^\p{L}]/gu, '').length >= 0.6 * t.length;
}

const cache = new WeakMap<ArticleFacts, Stories | null>();

/**
 * The stories of a text, or null when it tells one (almost every article). A roundup heads
 * each story with a line of its own: the text is cut at such lines into blocks, and a block
 * stays with a story before it when it goes on naming its people and places (two names in
 * common, or one of few), and with the one just before when either is short. What is left
 * are the stories, when none holds most of the text.
 */
export function storiesOf(text: string, f: ArticleFacts): Stories | null {
  if (cache.has(f)) return cache.get(f)!;
  const cut = split(text);
  let k = 0;
  const out = cut && {
    ...cut,
    ofSentence: f.sentences.map(([start]) => {
      while (k + 1 < cut.starts.length && cut.starts[k + 1]! <= start) k++;
      return k;
    }),
  };
  cache.set(f, out);
  return out;
}

interface Block {
  start: number;
  words: number;
  names: Set<string>;
}

function split(text: string): Omit<Stories, 'ofSentence'> | null {
  const lines = [...text.matchAll(/[^\n]+/g)].filter((m) => m[0].trim() !== '');
  // Most texts have no headline after their first line: nothing to cut, and nothing more to read.
  if (!lines.some((m, i) => i > 0 && isHeading(m[0]))) return null;
  const { lower, inner } = vocabulary(text);
  const blocks: Block[] = [];
  for (const m of lines) {
    const line = m[0];
    const last = blocks[blocks.length - 1];
    // A headline opens a block, unless the block before holds nothing yet but headlines.
    const b = !last || (isHeading(line) && last.words > 0 && last.names.size > 0) ? { start: m.index, words: 0, names: new Set<string>() } : last;
    if (b !== last) blocks.push(b);
    if (!isBoilerLine(line)) {
      b.words += line.split(/\s+/).length;
      for (const w of namesOf(line, lower, inner)) b.names.add(w);
    }
  }
  // Each block goes on with a story before it, or opens one. A block naming the people of the
  // story before a short one takes that one back (an aside, a photo gallery's headline).
  const stories: Block[] = [];
  const merge = (into: Block, b: Block) => {
    into.words += b.words;
    for (const w of b.names) into.names.add(w);
  };
  for (const b of blocks) {
    const prev = stories[stories.length - 1];
    // (Back past one short story at most: a roundup's stories may share a name or two.)
    let k = stories.length - 1;
    if (k >= 0 && !sameStory(stories[k]!.names, b.names)) k = k >= 1 && stories[k]!.words < ASIDE_WORDS && sameStory(stories[k - 1]!.names, b.names) ? k - 1 : -1;
    if (k >= 0) for (const between of stories.splice(k + 1)) merge(stories[k]!, between);
    if (k >= 0) merge(stories[k]!, b);
    else if (prev && (prev.words < MIN_STORY_WORDS || b.words < MIN_STORY_WORDS)) merge(prev, b);
    else stories.push({ start: b.start, words: b.words, names: new Set(b.names) });
  }
  // The last story may be too short to stand alone: it belongs to the one before.
  if (stories.length >= 2 && stories[stories.length - 1]!.words < MIN_STORY_WORDS) merge(stories[stories.length - 2]!, stories.pop()!);
  if (stories.length < 2) return null;
  const total = stories.reduce((n, s) => n + s.words, 0);
  if (Math.max(...stories.map((s) => s.words)) > MAX_STORY_SHARE * total) return null;
  return { names: stories.map((s) => s.names), starts: stories.map((s) => s.start) };
}

/**
 * Each story of a roundup as an article of its own, to be matched alone (its headline as its
 * title); null for a text of one story. A roundup matched whole looks like none of its
 * stories: the mix of five stories' words is near none of them.
 */
export function storyArticles(a: Article): Article[] | null {
  const s = split(a.text);
  if (!s) return null;
  return s.starts.map((start, k) => {
    const text = a.text.slice(start, s.starts[k + 1] ?? a.text.length).trim();
    // Its headline is its title: the page's own title is about all of its stories, and a
    // headline counts twice in matching. (A first story under the page's standfirst may
    // have its headline a line or two down; one without takes its first sentence.)
    const heading = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).find(isHeading);
    const title = heading ?? (/^[^\n]*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text.split('\n', 1)[0]!).slice(0, 200);
    // (No URL: the story is not the page, and the page's own URL would make it the page.)
    return { ...a, id: `${a.id}#story-${k + 1}`, url: null, title, text: heading ? text.replace(heading, '').trim() : text };
  });
}

/** Two blocks go on with one story when they share two names, or one of the few either uses. */
function sameStory(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared >= 2 || (shared === 1 && shared >= 0.25 * Math.min(a.size, b.size));
}

/** Every name a text uses (lower case), for a text told as one story. */
function allNames(text: string): Set<string> {
  const { lower, inner } = vocabulary(text);
  const out = new Set<string>();
  for (const p of text.split(/\n+/)) if (!isBoilerLine(p)) for (const w of namesOf(p, lower, inner)) out.add(w);
  return out;
}

/**
 * The stories of a roundup that another text tells too: those sharing the most names with it,
 * and any sharing at least half as many. Null when none shares a name (then nothing tells
 * which story is meant, and the whole text is read).
 */
function storiesAbout(s: Stories, other: ReadonlySet<string>): Set<number> | null {
  const shared = s.names.map((ns) => [...ns].filter((w) => other.has(w)).length);
  const best = Math.max(...shared);
  if (best === 0) return null;
  return new Set(shared.flatMap((n, i) => (n >= Math.max(1, best / 2) ? [i] : [])));
}

/** The facts of the sentences `keep` allows: a roundup read as the stories it shares. */
function restrictFacts(f: ArticleFacts, keep: (s: number) => boolean): ArticleFacts {
  const framing: ArticleFacts['framing'] = {};
  for (const [g, uses] of Object.entries(f.framing)) {
    for (const [w, ss] of Object.entries(uses)) {
      const kept = ss.filter(keep);
      if (kept.length) (framing[g] ??= {})[w] = kept;
    }
  }
  return {
    ...f,
    framing,
    quantities: f.quantities.filter((q) => keep(q.s)),
    dates: f.dates.filter((d) => keep(d.s)),
    quotes: f.quotes.filter((q) => keep(q.s)),
    entities: f.entities.flatMap((e) => {
      const s = e.s.filter(keep);
      if (s.length === 0) return [];
      const t = e.t?.filter(([, i]) => keep(i));
      const { t: _t, ...rest } = e;
      void _t;
      return [{ ...rest, s, ...(t && t.length ? { t } : {}) }];
    }),
  };
}

/**
 * The article being read and its matches, each roundup among them narrowed to the stories the
 * other side tells: a matched roundup to the stories of the article being read, and the
 * article (when it is a roundup) to the stories its matches tell. Everything else as it was.
 * `narrowed`: the id of each text read in part, with the number of stories it holds.
 */
export function focusOnStory(target: Doc, others: Doc[]): { target: Doc; others: Doc[]; narrowed: Map<string, number> } {
  const narrowed = new Map<string, number>();
  const tStories = storiesOf(target.a.text, target.f);
  let tNames: Set<string> | undefined;
  const told: Set<string>[] = [];
  const focused = others.map((d) => {
    const s = storiesOf(d.a.text, d.f);
    const keep = s && storiesAbout(s, (tNames ??= allNames(target.a.text)));
    if (!s || !keep) {
      if (tStories) told.push(allNames(d.a.text));
      return d;
    }
    if (tStories) told.push(new Set([...keep].flatMap((i) => [...s.names[i]!])));
    narrowed.set(d.a.id, s.names.length);
    return { ...d, f: restrictFacts(d.f, (i) => keep.has(s.ofSentence[i]!)) };
  });
  if (!tStories) return { target, others: focused, narrowed };
  const keep = new Set<number>();
  for (const names of told) for (const i of storiesAbout(tStories, names) ?? []) keep.add(i);
  if (keep.size === 0) return { target, others: focused, narrowed };
  narrowed.set(target.a.id, tStories.names.length);
  return { target: { ...target, f: restrictFacts(target.f, (i) => keep.has(tStories.ofSentence[i]!)) }, others: focused, narrowed };
}
