// An in-memory inverted index over the articles' match features. A query first gathers
// candidates through the query's rarest terms (short posting lists), then rescores each
// candidate with the full weighted similarity, the date gap and the copy check.
import type { Match } from '../types';
import { growStory, sharedNeighbourLinks } from './story';
import { MATCH_FEATURES_VERSION, type MatchFeatures } from './features';
import { DEFAULTS, QueryContext, combine, isCopyPair, setBackground, type DocView, type PairFeatures } from './score';
import { CopyBands } from './copy-bands';
import { minhashSimilarity } from './minhash';
import { Dictionary } from './dictionary';
import { DocStore, type Doc } from './doc-store';
import { Postings, fromArticles } from './postings';
import { SNAPSHOT_VERSION, jsonSafe, readSnapshot, type IndexSnapshot } from './snapshot';

export { SNAPSHOT_VERSION, type IndexSnapshot };

export interface QueryOptions {
  exclude?: string[];
  limit?: number;
  /**
   * Count the query as one more article of the collection, as if it were indexed (what
   * findMatches and the evaluation do by adding it). Costs nothing: inserting and removing
   * it would walk posting lists as long as the corpus.
   */
  countQuery?: boolean;
  /**
   * Articles the reader said are the same story. Each is a match whatever its score (when it
   * is indexed and not excluded). It joins the story after the articles that join on their
   * own, so it never costs the story a member, and may bring its own neighbours in.
   * Returned with `joined` and its model score.
   */
  include?: string[];
  /** `search` only: how many near misses to return (default none). */
  near?: number;
}

export interface IndexOptions {
  /** For evaluation only: a different same-story threshold. The product uses the fixed default. */
  threshold?: number;
  /**
   * For evaluation only: false returns the candidates whose own score passes the threshold,
   * without growing the story (story.ts). The product grows it.
   */
  stories?: boolean;
  /** For evaluation only: a different minimum mean link for joining the story. */
  storyMin?: number;
  /** For evaluation only: a different weight of the shared neighbours in a story link. */
  storyNeighbours?: number;
}

/** A rescored candidate of a query. */
interface Candidate {
  d: Doc;
  slot: number;
  x: PairFeatures;
}

/** A query's rescored candidates and what it takes to score them from their own side. */
interface Scored {
  ctx: QueryContext;
  q: DocView;
  /** The query's slot when it is indexed itself. */
  selfSlot: number | undefined;
  /** The query is in the collection, indexed itself or as a copy (its article counts for it). */
  inCorpus: boolean;
  /** Indexed articles left out as the query itself: their copies are the query's copies. */
  selfGroups: number[];
  excluded: Set<string>;
  scored: Candidate[];
  /** The slots the candidate walk reached: without the reader's joins, every scored one. */
  reached: Set<number>;
}

/** The story being grown, as each of its articles' own scoring needs it. */
interface Story {
  /** The pool's articles; index nodes.length stands for the query. */
  nodes: Candidate[];
  /** Pair features of two story articles (symmetric), null for two copies of one page. */
  pairOf: (i: number, j: number) => PairFeatures | null;
  /** Slots of the story's articles, the query's included when it is indexed. */
  inStory: Set<number>;
  query: DocView & { id: string };
  n: number;
  excluded: Set<string>;
}

/** A candidate with its direct score (0 when it shares no name and is not sure enough). */
interface Ranked {
  c: Candidate;
  p: number;
  /** The reader said it is the same story. */
  joined: boolean;
}

export class MatchIndex {
  private readonly threshold: number;
  private readonly stories: boolean;
  private readonly storyMin: number;
  private readonly storyNeighbours: number;
  private terms = new Dictionary();
  /** Articles using each term, by id. Typed so that a restore fills them in one pass; room beyond `terms.size` is 0. */
  private df = new Int32Array(1024);
  /** 1 for "@"-terms (multi-word names). */
  private isName = new Uint8Array(1024);
  private postings = new Postings();
  private docs = new DocStore();
  private freeSlots: number[] = [];
  /**
   * Syndicated copies are kept but not indexed: slot of a copy → slot of the indexed article
   * of its group (a chain of copies; it may copy another copy rather than that one). In the postings, the rarity of terms and every query's candidates, one text
   * counts once however many outlets ran it; a copy is returned wherever its article is.
   */
  private copyOf = new Map<number, number>();
  /** An indexed article's slot → its copies' slots. */
  private copies = new Map<number, number[]>();
  /** Band table of the signatures of every article long enough to be a copy, to find an added article's copies; built when first needed. */
  private bands: CopyBands | null = new CopyBands();
  /** Scratch of the candidate walk, by slot; all zero between walks. */
  private acc = new Float64Array(0);

  constructor(opts: IndexOptions = {}) {
    this.threshold = opts.threshold ?? DEFAULTS.threshold;
    this.stories = opts.stories ?? true;
    this.storyMin = opts.storyMin ?? DEFAULTS.storyMin;
    this.storyNeighbours = opts.storyNeighbours ?? DEFAULTS.storyNeighbours;
  }

  /** Articles held, copies included. */
  get size(): number {
    return this.docs.size;
  }

  /** Articles indexed: all but the copies. Rarity is measured over these. */
  private get indexed(): number {
    return this.docs.size - this.copyOf.size;
  }

  has(id: string): boolean {
    return this.docs.slotOf(id) !== undefined;
  }

  add(id: string, f: MatchFeatures): void {
    if (f.v !== MATCH_FEATURES_VERSION) {
      throw new Error(`match features of "${id}" have version ${f.v}, expected ${MATCH_FEATURES_VERSION}: recompute them`);
    }
    if (this.has(id)) this.remove(id);
    const bands = this.copyBands();
    const terms = new Int32Array(f.t.length);
    const counts = new Uint16Array(f.t.length);
    for (let i = 0; i < f.t.length; i++) {
      terms[i] = this.intern(f.t[i]!);
      counts[i] = Math.min(65535, f.c[i] ?? 1);
    }
    const doc: Doc = { id, terms, counts, day: f.d, url: f.u, source: this.source(f.s), hash: f.h, sig: Uint32Array.from(f.m, (x) => x >>> 0), words: f.w, head: Uint8Array.from(f.ht), events: Int32Array.from(f.e), weekdays: f.wd };
    const slot = this.freeSlots.pop() ?? this.docs.slots;
    this.docs.set(slot, doc);
    this.place(slot, doc, bands);
  }

  remove(id: string): void {
    const slot = this.docs.slotOf(id);
    if (slot === undefined) return;
    const bands = this.copyBands();
    const of = this.copyOf.get(slot);
    const doc = this.docs.get(slot)!;
    bands.remove(slot, doc.sig);
    // The group loses a member, and the others may have been copies of each other only through
    // it (a text cut shorter by each outlet): they are filed again, so that a group stays one
    // connected chain of copies, each with its longest text indexed.
    const group = of ?? slot;
    const rest = this.copies.get(group)?.filter((c) => c !== slot) ?? [];
    this.copies.delete(group);
    if (of !== undefined) this.copyOf.delete(slot);
    else this.unindex(slot, doc);
    this.docs.clear(slot);
    this.freeSlots.push(slot);
    this.refile(rest, bands);
  }

  /**
   * Files again, in slot order, articles taken out of their group: each joins a group it
   * copies (through any member) or is indexed. Until its turn, each is out of the band table,
   * so that nothing is filed through an article not yet placed.
   */
  private refile(slots: readonly number[], bands: CopyBands): void {
    for (const o of slots) {
      this.copyOf.delete(o);
      bands.remove(o, this.docs.sig(o));
    }
    for (const o of slots) this.place(o, this.docs.get(o)!, bands);
  }

  /**
   * Files an article just stored in `slot`: in the group of the stored texts it copies, or
   * indexed. A group is every text linked to another of it by the copy test, so an article that
   * copies members of two groups joins them into one; then the group's longest text is the one
   * indexed (promote). The band table is built before the change (copyBands), so that it never
   * lists a slot twice.
   */
  private place(slot: number, doc: Doc, bands: CopyBands): void {
    const groups = this.groupsCopied(doc, bands);
    if (doc.words >= DEFAULTS.syndicatedMinWords) bands.add(slot, doc.sig);
    if (groups.length === 0) {
      for (const t of doc.terms) {
        this.df[t]!++;
        this.postings.push(t, slot);
      }
      return;
    }
    const [into, ...merged] = groups;
    this.attach(slot, into!);
    for (const g of merged) {
      const copies = this.copies.get(g) ?? [];
      this.copies.delete(g);
      this.unindex(g, this.docs.get(g)!, true);
      for (const c of [g, ...copies]) this.attach(c, into!);
    }
    this.promote(into!);
  }

  /**
   * Indexes the group's first member by `indexedFirst` in place of `rep`: the longest text,
   * so that the group is matched on all it says; and the same one whatever order its texts
   * came in, so that an index answers like one built again from its articles.
   */
  private promote(rep: number): void {
    const members = this.members(rep);
    let best = rep;
    for (const m of members) if (this.indexedFirst(m, best)) best = m;
    if (best === rep) return;
    this.unindex(rep, this.docs.get(rep)!, true);
    for (const t of this.docs.get(best)!.terms) {
      this.df[t]!++;
      this.postings.insert(t, best);
    }
    this.copies.delete(rep);
    this.copyOf.delete(best);
    for (const m of members) if (m !== best) this.attach(m, best);
  }

  /** Whether the text in slot `a` is indexed rather than `b`'s: more words, then the lower hash, then the lower id. */
  private indexedFirst(a: number, b: number): boolean {
    const wa = this.docs.words(a);
    const wb = this.docs.words(b);
    if (wa !== wb) return wa > wb;
    const ha = this.docs.hash(a);
    const hb = this.docs.hash(b);
    if (ha !== hb) return ha < hb;
    return this.docs.get(a)!.id < this.docs.get(b)!.id;
  }

  /**
   * Takes an indexed article's terms out of the postings and the document frequencies.
   * `inPlace` keeps the order of the lists (slower): for a group's indexed text handed to
   * another of its texts, so that lists in slot order (an index built by adds) stay so.
   */
  private unindex(slot: number, doc: Doc, inPlace = false): void {
    for (const t of doc.terms) {
      this.df[t]!--;
      this.postings.remove(t, slot, inPlace);
    }
  }

  /**
   * The groups (by their indexed article) of the stored texts `doc` copies, the group of the
   * one it copies most closely first, then by slot.
   */
  private groupsCopied(doc: Doc, bands: CopyBands): number[] {
    if (doc.words < DEFAULTS.syndicatedMinWords) return [];
    const best = new Map<number, number>();
    for (const c of bands.candidates(doc.sig)) {
      const v = this.docs.copyView(c);
      if (!isCopyPair(doc, v)) continue;
      const sim = v.hash === doc.hash ? 2 : minhashSimilarity(doc.sig, v.sig);
      const group = this.copyOf.get(c) ?? c;
      best.set(group, Math.max(best.get(group) ?? -1, sim));
    }
    return [...best].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([g]) => g);
  }

  private copyBands(): CopyBands {
    if (this.bands) return this.bands;
    // After a restore: the articles, indexed or copies, that are long enough to have copies.
    const bands = new CopyBands();
    for (let slot = 0; slot < this.docs.slots; slot++) {
      if (this.docs.occupied(slot) && this.docs.words(slot) >= DEFAULTS.syndicatedMinWords) bands.add(slot, this.docs.sig(slot));
    }
    return (this.bands = bands);
  }

  /**
   * Records `slot` as a copy of `of`. Copies are listed in slot order, the order a restored
   * index lists them in, so that a removal re-places them alike in both.
   */
  private attach(slot: number, of: number): void {
    this.copyOf.set(slot, of);
    const list = this.copies.get(of);
    if (!list) {
      this.copies.set(of, [slot]);
      return;
    }
    const at = list.findIndex((x) => x > slot);
    list.splice(at < 0 ? list.length : at, 0, slot);
  }

  /** An indexed article's slot, then its copies'. */
  private members(slot: number): number[] {
    const c = this.copies.get(slot);
    return c ? [slot, ...c] : [slot];
  }

  /**
   * The query's candidates: accumulate idf over its rarest indexed terms, rarest first, until
   * a budget of posting entries is spent. Terms as common as a tenth of the corpus say nothing
   * about the event and would cost the most, so they are never walked.
   */
  private candidates(q: DocView, max: number = DEFAULTS.candidates, budgetMax: number = DEFAULTS.candidatePostings): number[] {
    const n = this.indexed;
    const maxDf = Math.max(DEFAULTS.candidateMinDf, Math.floor(n * DEFAULTS.candidateDfFraction));
    const qterms: { t: number; idf: number; df: number }[] = [];
    for (const t of q.terms) {
      if (t < 0) continue;
      const df = this.df[t]!;
      if (df === 0 || df > maxDf) continue;
      qterms.push({ t, idf: this.idf(t), df });
    }
    qterms.sort((a, b) => a.df - b.df);
    // Accumulators by slot, reused by every walk (zeroed again below): a Map here cost a
    // third of a query's time.
    if (this.acc.length < this.docs.slots) this.acc = new Float64Array(Math.max(1024, this.docs.slots * 2));
    const acc = this.acc;
    const touched: number[] = [];
    let budget = budgetMax;
    for (const { t, idf, df } of qterms) {
      if (df > budget) break;
      budget -= df;
      const w = idf * idf;
      this.postings.forEach(t, (slot) => {
        if (acc[slot] === 0) touched.push(slot);
        acc[slot] = acc[slot]! + w;
      });
    }
    // Rank by shared rarity over the square root of the article's length, a cheap stand-in for
    // the cosine: long articles share many rare words with everything. Only the best `max`
    // are sorted (ties in the order the walk met them).
    const m = touched.length;
    const rank = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const slot = touched[i]!;
      rank[i] = acc[slot]! / Math.sqrt(this.docs.termCount(slot) || 1);
      acc[slot] = 0;
    }
    const cut = m > max ? Float64Array.from(rank).sort()[m - max]! : -Infinity;
    const keep: number[] = [];
    for (let i = 0; i < m; i++) if (rank[i]! >= cut) keep.push(i);
    keep.sort((a, b) => rank[b]! - rank[a]!);
    return keep.slice(0, max).map((i) => touched[i]!);
  }

  private score(f: MatchFeatures, excludeIds: string[], countQuery = false, include: ReadonlySet<string> = new Set()): Scored | null {
    const exclude = new Set(excludeIds);
    const n = this.indexed;
    if (n === 0) return null;
    const q = this.viewOf(f);
    const cands = this.candidates(q);
    // What the reader joined is scored even when the candidate walk did not reach it (a
    // joined copy through its article), but it does not count in the query's background or
    // second hop: a join must not change how the other candidates score.
    const reached = new Set(cands);
    if (include.size > 0) {
      const have = new Set(cands);
      for (const id of include) {
        let slot = this.docs.slotOf(id);
        if (slot !== undefined) slot = this.copyOf.get(slot) ?? slot;
        if (slot !== undefined && !have.has(slot)) {
          cands.push(slot);
          have.add(slot);
        }
      }
    }

    // Whether the query itself is in the collection (the usual case): its own occurrences
    // (or, for a copy, its article's) then do not count towards the rarity of its terms.
    let selfSlot: number | undefined;
    let inCorpus = false;
    for (const id of exclude) {
      const s = this.docs.slotOf(id);
      if (s === undefined || this.docs.hash(s) !== f.h) continue;
      inCorpus = true;
      if (!this.copyOf.has(s)) selfSlot = s;
    }
    // Indexing the query would add one article and one occurrence of each of its terms, which
    // selfIndexed discounts again: so counting it is the same as one more article in n.
    const nCtx = countQuery && !inCorpus ? n + 1 : n;
    const ctx = new QueryContext(q, this.df, this.isName, nCtx, inCorpus, this.termOf);
    const scored: Candidate[] = [];
    const selfGroups: number[] = [];
    for (const slot of cands) {
      let d = this.docs.get(slot);
      if (!d) continue;
      // The query itself: its copies, if any, are the query's copies.
      if (slot === selfSlot || isSelf(q, d)) {
        selfGroups.push(slot);
        continue;
      }
      // An article excluded for another reason (a pair the reader hid) is left out, and its
      // first copy that is not excluded is scored in its place: the same text from another outlet.
      if (exclude.has(d.id)) {
        d = this.copies.get(slot)?.map((m) => this.docs.get(m)!).find((c) => !exclude.has(c.id) && !isSelf(q, c)) ?? null;
        if (!d) continue;
      }
      scored.push({ d, slot, x: ctx.features(d) });
    }
    if (selfSlot !== undefined && !selfGroups.includes(selfSlot)) selfGroups.push(selfSlot);
    const walked = scored.filter((s) => reached.has(s.slot));
    setBackground(walked.map((s) => s.x), scored.filter((s) => !reached.has(s.slot)).map((s) => s.x));
    this.addHops(walked, scored, n);
    return { ctx, q, selfSlot, inCorpus, selfGroups, excluded: exclude, scored, reached };
  }

  /**
   * Second hop: an article that says little like the query may say much like the query's
   * surest matches (a follow-up that names the suspect the first reports did not). Each
   * candidate of `targets` gets its best similarity to one of the few surest matches, weighed
   * by how sure that match is. Pseudo-relevance feedback, bounded to DEFAULTS.hopSeeds
   * rescorings of the targets.
   */
  private addHops(
    scored: Candidate[], targets: Candidate[], n: number,
    known: (seed: Candidate, target: Candidate) => number | undefined = () => undefined,
  ): void {
    const seeds = scored
      .map((s) => ({ s, p: combine(s.x) }))
      .filter(({ s, p }) => p >= DEFAULTS.hopMinScore && !s.x.copy)
      .sort((a, b) => b.p - a.p)
      .slice(0, DEFAULTS.hopSeeds);
    for (const { s: seed, p } of seeds) {
      let ctx: QueryContext | null = null;
      for (const c of targets) {
        // (A deferred joined article can stand among a side's own candidates and its targets.)
        if (c === seed || c.slot === seed.slot) continue;
        const h = p * (known(seed, c) ?? (ctx ??= new QueryContext(seed.d, this.df, this.isName, n, true, this.termOf)).features(c.d).cos);
        if (h > c.x.hop) c.x.hop = h;
      }
    }
  }

  /** The query's same-story matches, best first (the reader's joined ones among them). */
  query(f: MatchFeatures, opts: QueryOptions = {}): Match[] {
    return this.search(f, opts).matches;
  }

  /**
   * The matches, and up to `opts.near` near misses: candidates left out of the story whose
   * own score is at least DEFAULTS.nearMin, best first, for the reader to judge.
   */
  search(f: MatchFeatures, opts: QueryOptions = {}): { matches: Match[]; near: Match[] } {
    const limit = opts.limit ?? DEFAULTS.limit;
    const include = new Set(opts.include ?? []);
    const s = this.score(f, opts.exclude ?? [], opts.countQuery ?? false, include);
    if (!s) return { matches: [], near: [] };
    const direct: Ranked[] = s.scored.map((c) => {
      const p = combine(c.x);
      // Same event, yet not one name in common: only on overwhelming evidence. In a small
      // corpus, ordinary words look rare and would otherwise match unrelated articles.
      const named = c.x.sharesName || c.x.copy || p >= DEFAULTS.namelessMin;
      const joined = include.size > 0 && this.members(c.slot).some((m) => {
        const id = this.docs.get(m)!.id;
        return include.has(id) && !s.excluded.has(id);
      });
      return { c, p: named ? p : 0, joined };
    });
    const chosen = this.stories
      ? this.story(s, direct)
      : direct.filter((r) => r.joined || r.p >= this.threshold).map((r) => ({ r, score: r.p }));
    // Each chosen article with its copies (a copy of the query scores 1), and the copies of
    // the query's own article.
    // `late`: in the story only through the reader's joins (never limited, as the joined are not).
    type Out = { d: Doc; x: PairFeatures; score: number; joined: boolean; late?: boolean };
    // (The candidate's text is its article's, or a copy's when the article is excluded.)
    const spread = (c: Candidate, score: number, late = false): Out[] =>
      this.members(c.slot).flatMap((m): Out[] => {
        const d = this.copies.has(c.slot) ? this.docs.get(m)! : c.d;
        if (s.excluded.has(d.id) || isSelf(s.q, d)) return [];
        const x = d.id === c.d.id ? c.x : s.ctx.features(d);
        return [{ d, x, score: x.copy ? 1 : score, joined: include.has(d.id), late }];
      });
    const own = s.selfGroups.flatMap((g) =>
      this.members(g).slice(1).flatMap((m): Out[] => {
        const d = this.docs.get(m)!;
        const x = s.ctx.features(d);
        const p = x.copy ? 1 : combine(x);
        const keep = !s.excluded.has(d.id) && !isSelf(s.q, d) && (p >= this.threshold || include.has(d.id));
        return keep ? [{ d, x, score: p, joined: include.has(d.id) }] : [];
      }),
    );
    // Scores are rounded before they are ranked: ties then fall to the id, as the caller sees them.
    const rounded = (e: Out): Out => ({ ...e, score: Math.round(e.score * 1e4) / 1e4 });
    const best = (a: Out, b: Out) => b.score - a.score || (a.d.id < b.d.id ? -1 : 1);
    const toMatch = (e: Out): Match => ({ id: e.d.id, score: e.score, reasons: s.ctx.reasons(e.d, e.x), ...(e.joined ? { joined: true } : {}) });
    const ranked = chosen.flatMap((e) => spread(e.r.c, e.score, 'late' in e && e.late === true)).concat(own).map(rounded).sort(best);
    const taken = new Set(chosen.map((e) => e.r));
    const near = (opts.near ?? 0) > 0
      ? direct.filter((r) => !taken.has(r) && r.p >= DEFAULTS.nearMin).flatMap((r) => spread(r.c, r.p)).map(rounded).sort(best).slice(0, opts.near)
      : [];
    // The limit never drops what the reader joined, nor what came into the story with it, and
    // counts only the rest: so a join never pushes a match past the limit either.
    let counted = 0;
    const kept = ranked.filter((e) => e.joined || e.late || counted++ < limit);
    return { matches: kept.map(toMatch), near: near.map(toMatch) };
  }

  /**
   * The query's story, grown by average link over its likeliest candidates (story.ts). Each
   * of them is scored from its own side too, as if it were the query: its own neighbourhood
   * sets its background, ratio and second hop. A match's score is the larger of its direct
   * score and its mean link to the story when it joined; a copy stays at 1.
   */
  private story(s: Scored, direct: Ranked[]): { r: Ranked; score: number; late?: boolean }[] {
    // The pool the model gives (the likeliest candidates), and the reader's joined articles
    // beside it, after the rest. The links are blended over the model's pool only, so a join
    // never changes how the other articles are linked to each other. (A joined article the
    // walk did not reach is no candidate without the join: never of the model's pool.)
    const byScore = (a: Ranked, b: Ranked) => b.p - a.p;
    const likeliest = new Set(
      direct
        .filter((r) => r.p >= DEFAULTS.storyPoolMin && s.reached.has(r.c.slot))
        .sort(byScore)
        .slice(0, DEFAULTS.storyPool),
    );
    // The pool in the order it has without the joins, the joined articles outside it after:
    // every pair of the model's pool is then computed from the same side as without them.
    const pool = [...likeliest, ...direct.filter((r) => r.joined && !likeliest.has(r)).sort(byScore)];
    if (pool.length === 0) return [];
    // A query that is not indexed is counted as if it were, as its own scoring does: one
    // more article, one more occurrence of each of its terms (undone below).
    const bump = s.inCorpus ? [] : s.q.terms.filter((t) => t >= 0);
    for (const t of bump) this.df[t]!++;
    try {
      return this.grow(s, pool, likeliest, s.inCorpus ? this.indexed : this.indexed + 1);
    } finally {
      for (const t of bump) this.df[t]!--;
    }
  }

  private grow(s: Scored, pool: Ranked[], likeliest: ReadonlySet<Ranked>, n: number): { r: Ranked; score: number; late?: boolean }[] {
    const k = pool.length;
    // The story's articles: pool[0..k−1], then the query (k). Their pair features are
    // symmetric except for rel, ratio and hop, which depend on whose side the pair is seen
    // from: so each pair is computed once, and each side sets its own three.
    const nodes: Candidate[] = pool.map((r) => r.c);
    const pair: (PairFeatures | null)[][] = nodes.map(() => new Array<PairFeatures | null>(k + 1).fill(null));
    const ctxs = nodes.map((c) => new QueryContext(c.d, this.df, this.isName, n, true, this.termOf));
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) pair[i]![j] = isSelf(nodes[i]!.d, nodes[j]!.d) ? null : ctxs[i]!.features(nodes[j]!.d);
      pair[i]![k] = nodes[i]!.x;
    }
    const pairOf = (i: number, j: number) => (i < j ? pair[i]![j]! : pair[j]![i]!);
    // What every row shares: the story's slots (kept out of each row's own candidates) and
    // the query as a scorable article.
    const inStory = new Set(nodes.map((e) => e.slot));
    if (s.selfSlot !== undefined) inStory.add(s.selfSlot);
    const query: DocView & { id: string } = s.selfSlot !== undefined ? this.docs.get(s.selfSlot)! : { ...s.q, id: '' };
    // The reader's joined articles that the model's pool does not hold: they join the story
    // after every article that joins on its own, and no other article's neighbourhood counts
    // them, so a join never changes which others join.
    const deferred = new Set(pool.flatMap((r, i) => (likeliest.has(r) ? [] : [i])));
    const story: Story = { nodes, pairOf, inStory, query, n, excluded: s.excluded };
    const rows = nodes.map((c, i) => this.neighbourRow(c, i, ctxs[i]!, story, deferred.has(i) ? new Set() : deferred));
    // Index 0 is the query, i ≥ 1 is pool[i − 1]; rows[i − 1][k] is that candidate's score of the query.
    const link = (i: number, j: number): number => {
      if (i > j) return link(j, i);
      if (i === 0) return (pool[j - 1]!.p + rows[j - 1]![k]!) / 2;
      return (rows[i - 1]![j - 1]! + rows[j - 1]![i - 1]!) / 2;
    };
    const first = pool.flatMap((r, i) => (r.joined ? [i + 1] : []));
    const blended = sharedNeighbourLinks(k + 1, link, this.storyNeighbours, (i) => i === 0 || likeliest.has(pool[i - 1]!));
    return growStory(k + 1, blended, this.storyMin, first, new Set([...deferred].map((i) => i + 1))).map(({ i, support, late }) => {
      const r = pool[i - 1]!;
      return { r, score: r.c.x.copy ? 1 : Math.max(r.p, support), late: late === true };
    });
  }

  /**
   * One candidate's own scores, as if it were the query: of each other story article, and
   * (last) of the query. Its background, ratio and second hop are measured in its own
   * neighbourhood: its own best candidates, plus the story's articles.
   */
  private neighbourRow(c: Candidate, i: number, cctx: QueryContext, story: Story, deferred: ReadonlySet<number>): Float64Array {
    const { nodes, pairOf, query, n, excluded } = story;
    const k = nodes.length;
    // The deferred (joined only) articles are, to this side, articles like any other: found by
    // its own walk or not, and scored against a neighbourhood they do not move.
    const inStory = deferred.size ? new Set([...story.inStory].filter((slot) => !nodes.some((e, j) => deferred.has(j) && e.slot === slot))) : story.inStory;
    const scored: Candidate[] = [];
    for (const slot of this.candidates(c.d, DEFAULTS.neighbourCandidates, DEFAULTS.neighbourPostings)) {
      if (slot === c.slot || inStory.has(slot)) continue;
      const d = this.docs.get(slot);
      // Articles the caller excluded stay out of the story's neighbourhoods too.
      if (!d || excluded.has(d.id) || isSelf(c.d, d)) continue;
      scored.push({ d, slot, x: cctx.features(d) });
    }
    // The story's articles as this candidate sees them: copies, so that this side's rel,
    // ratio and hop do not overwrite another's. Index k is the query.
    const targets: (Candidate | null)[] = [];
    for (let j = 0; j <= k; j++) {
      const x = j === i ? null : pairOf(i, j);
      targets.push(x ? { d: j === k ? query : nodes[j]!.d, slot: j === k ? -1 : nodes[j]!.slot, x: { ...x, rel: 0, rankLog: 0, ratio: 0, hop: 0 } } : null);
    }
    const present = targets.filter((e, j): e is Candidate => e !== null && !deferred.has(j));
    const extra = targets.filter((e, j): e is Candidate => e !== null && deferred.has(j));
    const all = scored.concat(present);
    setBackground(all.map((e) => e.x), extra.map((e) => e.x));
    this.addHops(all, present.concat(extra), n, (seed, t) => {
      const a = targets.indexOf(seed);
      const b = targets.indexOf(t);
      return a >= 0 && b >= 0 ? (pairOf(a, b)?.cos ?? 0) : undefined;
    });
    return Float64Array.from(targets, (e) => (e ? combine(e.x) : 0));
  }

  /** For evaluation and tests: each group of syndicated copies, its indexed article's id first, then its copies' in slot order. */
  copyGroups(): string[][] {
    return [...this.copies].map(([g, cs]) => [g, ...cs].map((m) => this.docs.get(m)!.id));
  }

  /** For evaluation and fitting: every candidate of a query with its pair features, unthresholded. */
  explain(f: MatchFeatures, exclude: string[] = []): { id: string; x: PairFeatures; score: number }[] {
    return (this.score(f, exclude)?.scored ?? []).map(({ d, x }) => ({ id: d.id, x, score: combine(x) }));
  }

  /**
   * The index as columns of typed arrays, for IndexedDB (structured clone copies each in one
   * piece). Terms no article uses any more are left out. Slots and the order of every posting
   * list are kept, so the restored index answers exactly as this one, ties included.
   */
  toSnapshot(): IndexSnapshot {
    const n = this.terms.size;
    // Terms some indexed article uses, and those only copies use (kept for the copies).
    const used = this.df.subarray(0, n).map((x) => (x > 0 ? 1 : 0));
    const copyOf = new Int32Array(this.docs.slots).fill(-1);
    for (const [slot, of] of this.copyOf) {
      copyOf[slot] = of;
      for (const t of this.docs.get(slot)!.terms) used[t] = 1;
    }
    const termIds = new Int32Array(n).fill(-1);
    const oldIds: number[] = [];
    for (let t = 0; t < n; t++) if (used[t]! > 0) termIds[t] = oldIds.push(t) - 1;
    // Lists in ascending slot order are rebuilt on restore: only the others are stored.
    const unsorted: number[] = [];
    const unsortedOff: number[] = [0];
    let nPost = 0;
    for (let t = 0; t < n; t++) {
      if (termIds[t]! < 0 || this.postings.ascending(t)) continue;
      unsorted.push(termIds[t]!);
      unsortedOff.push((nPost += this.df[t]!));
    }
    const unsortedPost = new Int32Array(nPost);
    let pos = 0;
    for (const t of unsorted) pos = this.postings.write(oldIds[t]!, unsortedPost, pos);
    return {
      serializationVersion: SNAPSHOT_VERSION,
      featuresVersion: MATCH_FEATURES_VERSION,
      terms: this.terms.pack((t) => termIds[t]! >= 0),
      unsorted: Int32Array.from(unsorted),
      unsortedOff: Int32Array.from(unsortedOff),
      unsortedPost,
      free: Int32Array.from(this.freeSlots),
      copyOf,
      docs: this.docs.columns(termIds),
    };
  }

  /**
   * Throws on a snapshot of another version or a damaged one (the caller then rebuilds from
   * the stored features). Accepts what toSnapshot() or toJSON() made. The columns are used as
   * they are: no object is made per article or per term. `opts` as for the constructor.
   */
  static fromSnapshot(snapshot: unknown, opts: IndexOptions = {}): MatchIndex {
    const s = readSnapshot(snapshot);
    const idx = new MatchIndex(opts);
    idx.terms = new Dictionary(s.terms);
    const { text, off } = s.terms;
    const n = off.length - 1;
    const base = fromArticles(n, s.docs.termOff, s.docs.terms, s.copyOf);
    for (let i = 0; i < s.unsorted.length; i++) {
      const t = s.unsorted[i]!;
      const from = s.unsortedOff[i]!;
      const len = s.unsortedOff[i + 1]! - from;
      if (len !== base.off[t + 1]! - base.off[t]!) throw new Error('MatchIndex.fromSnapshot: damaged snapshot (a stored posting list of the wrong length)');
      base.post.set(s.unsortedPost.subarray(from, from + len), base.off[t]!);
    }
    idx.df = new Int32Array(n + 1024);
    idx.isName = new Uint8Array(n + 1024);
    for (let t = 0; t < n; t++) {
      idx.df[t] = base.off[t + 1]! - base.off[t]!;
      idx.isName[t] = off[t + 1]! > off[t]! && text.charCodeAt(off[t]!) === 64 /* @ */ ? 1 : 0;
    }
    idx.postings = new Postings(base.off, base.post);
    idx.docs = new DocStore(s.docs, s.free);
    idx.freeSlots = Array.from(s.free);
    for (let slot = 0; slot < s.copyOf.length; slot++) {
      const of = s.copyOf[slot]!;
      if (of < 0) continue;
      idx.attach(slot, of);
    }
    // The band table is rebuilt from the signatures when the next article is added.
    idx.bands = null;
    for (const src of s.docs.sources) idx.source(src);
    return idx;
  }

  /** The snapshot with plain arrays, for JSON.stringify (tests, files). */
  toJSON(): unknown {
    return jsonSafe(this.toSnapshot());
  }

  static fromJSON(snapshot: unknown): MatchIndex {
    return MatchIndex.fromSnapshot(snapshot);
  }

  /** One string per outlet, shared by all its articles. */
  private sources = new Map<string, string>();
  private source(s: string | null): string | null {
    if (s === null) return null;
    const known = this.sources.get(s);
    if (known !== undefined) return known;
    this.sources.set(s, s);
    return s;
  }

  private intern(term: string): number {
    let t = this.terms.id(term);
    if (t === undefined) {
      t = this.terms.add(term);
      if (t >= this.df.length) {
        const df = new Int32Array(this.df.length * 2);
        const isName = new Uint8Array(this.df.length * 2);
        df.set(this.df);
        isName.set(this.isName);
        this.df = df;
        this.isName = isName;
      }
      this.isName[t] = term.startsWith('@') ? 1 : 0;
      this.postings.addTerm();
    }
    return t;
  }

  private readonly termOf = (t: number): string => (t >= 0 && t < this.terms.size ? this.terms.term(t) : '');

  /** Smoothed inverse document frequency over the indexed articles. */
  private idf(t: number): number {
    const df = t < 0 ? 0 : this.df[t]!;
    return Math.log((this.indexed + 1) / (df + 0.5));
  }

  private viewOf(f: MatchFeatures): DocView {
    const terms = new Int32Array(f.t.length);
    const nameFlags = new Uint8Array(f.t.length);
    for (let i = 0; i < f.t.length; i++) {
      // A term no indexed article uses is unknown, whether or not the index once saw it.
      const t = this.terms.id(f.t[i]!);
      terms[i] = t !== undefined && this.df[t]! > 0 ? t : -1;
      nameFlags[i] = f.t[i]!.startsWith('@') ? 1 : 0;
    }
    return { terms, counts: Uint16Array.from(f.c), names: f.n, day: f.d, url: f.u, source: f.s, hash: f.h, sig: Uint32Array.from(f.m, (x) => x >>> 0), words: f.w, nameFlags, head: Uint8Array.from(f.ht), events: Int32Array.from(f.e), weekdays: f.wd };
  }

}

/** The same article again: same URL, or the same text from the same outlet (or from unknown outlets). */
function isSelf(q: DocView, d: DocView): boolean {
  if (q.url !== null && q.url === d.url) return true;
  return q.hash === d.hash && q.source === d.source;
}
