// An in-memory inverted index over the articles' match features. A query first gathers
// candidates through the query's rarest terms (short posting lists), then rescores each
// candidate with the full weighted similarity, the date gap and the copy check.
import type { Match } from '../types';
import { MATCH_FEATURES_VERSION, type MatchFeatures } from './features';
import { DEFAULTS, QueryContext, combine, setBackground, type DocView, type PairFeatures } from './score';
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
}

export interface IndexOptions {
  /** For evaluation only: a different same-story threshold. The product uses the fixed default. */
  threshold?: number;
}

export class MatchIndex {
  private readonly threshold: number;
  private terms = new Dictionary();
  /** Articles using each term, by id. Typed so that a restore fills them in one pass; room beyond `terms.size` is 0. */
  private df = new Int32Array(1024);
  /** 1 for "@"-terms (multi-word names). */
  private isName = new Uint8Array(1024);
  private postings = new Postings();
  private docs = new DocStore();
  private freeSlots: number[] = [];

  constructor(opts: IndexOptions = {}) {
    this.threshold = opts.threshold ?? DEFAULTS.threshold;
  }

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.slotOf(id) !== undefined;
  }

  add(id: string, f: MatchFeatures): void {
    if (f.v !== MATCH_FEATURES_VERSION) {
      throw new Error(`match features of "${id}" have version ${f.v}, expected ${MATCH_FEATURES_VERSION}: recompute them`);
    }
    if (this.has(id)) this.remove(id);
    const terms = new Int32Array(f.t.length);
    const counts = new Uint16Array(f.t.length);
    for (let i = 0; i < f.t.length; i++) {
      terms[i] = this.intern(f.t[i]!);
      counts[i] = Math.min(65535, f.c[i] ?? 1);
    }
    this.insert({ id, terms, counts, day: f.d, url: f.u, source: this.source(f.s), hash: f.h, sig: Uint32Array.from(f.m, (x) => x >>> 0), words: f.w, head: Uint8Array.from(f.ht) });
  }

  remove(id: string): void {
    const slot = this.docs.slotOf(id);
    if (slot === undefined) return;
    const doc = this.docs.get(slot)!;
    for (const t of doc.terms) {
      this.df[t]!--;
      this.postings.remove(t, slot);
    }
    this.docs.clear(slot);
    this.freeSlots.push(slot);
  }

  private score(f: MatchFeatures, excludeIds: string[], countQuery = false): { ctx: QueryContext | null; scored: { d: Doc; x: PairFeatures }[] } {
    const exclude = new Set(excludeIds);
    const n = this.size;
    if (n === 0) return { ctx: null, scored: [] };
    const q = this.viewOf(f);

    // Candidates: accumulate idf over the query's rarest indexed terms, rarest first, until a
    // budget of posting entries is spent. Terms as common as a tenth of the corpus say nothing
    // about the event and would cost the most, so they are never walked.
    const maxDf = Math.max(DEFAULTS.candidateMinDf, Math.floor(n * DEFAULTS.candidateDfFraction));
    const qterms: { t: number; idf: number; df: number }[] = [];
    for (const t of q.terms) {
      if (t < 0) continue;
      const df = this.df[t]!;
      if (df === 0 || df > maxDf) continue;
      qterms.push({ t, idf: this.idf(t), df });
    }
    qterms.sort((a, b) => a.df - b.df);
    const acc = new Map<number, number>();
    let budget = DEFAULTS.candidatePostings;
    const add = (slot: number, w: number) => acc.set(slot, (acc.get(slot) ?? 0) + w);
    for (const { t, idf, df } of qterms) {
      if (df > budget) break;
      budget -= df;
      const w = idf * idf;
      this.postings.forEach(t, (slot) => add(slot, w));
    }
    // Rank by shared rarity over the square root of the article's length, a cheap stand-in for
    // the cosine: long articles share many rare words with everything.
    const ranked: [number, number][] = [];
    for (const [slot, a] of acc) ranked.push([slot, a / Math.sqrt(this.docs.termCount(slot) || 1)]);
    const cands = ranked.sort((a, b) => b[1] - a[1]).slice(0, DEFAULTS.candidates).map((e) => e[0]);

    // Whether the query itself is indexed (the usual case): its own occurrences then do not
    // count towards the rarity of its terms.
    const selfIndexed = [...exclude].some((id) => {
      const s = this.docs.slotOf(id);
      return s !== undefined && this.docs.hash(s) === f.h;
    });
    // Indexing the query would add one article and one occurrence of each of its terms, which
    // selfIndexed discounts again: so counting it is the same as one more article in n.
    const nCtx = countQuery && !selfIndexed ? n + 1 : n;
    const ctx = new QueryContext(q, (t) => this.df[t] ?? 0, (t) => this.isName[t] === 1, nCtx, selfIndexed, this.termOf);
    const scored: { d: Doc; x: PairFeatures }[] = [];
    for (const slot of cands) {
      const d = this.docs.get(slot);
      if (!d || exclude.has(d.id)) continue;
      if (isSelf(q, d)) continue;
      scored.push({ d, x: ctx.features(d) });
    }
    setBackground(scored.map((s) => s.x));
    this.addHops(scored, n);
    return { ctx, scored };
  }

  /**
   * Second hop: an article that says little like the query may say much like the query's
   * surest matches (a follow-up that names the suspect the first reports did not). Each
   * candidate gets its best similarity to one of the few surest matches, weighed by how
   * sure that match is. Pseudo-relevance feedback, bounded to DEFAULTS.hopSeeds rescorings.
   */
  private addHops(scored: { d: Doc; x: PairFeatures }[], n: number): void {
    const seeds = scored
      .map((s) => ({ s, p: combine(s.x) }))
      .filter(({ s, p }) => p >= DEFAULTS.hopMinScore && !s.x.copy)
      .sort((a, b) => b.p - a.p)
      .slice(0, DEFAULTS.hopSeeds);
    for (const { s: seed, p } of seeds) {
      const ctx = new QueryContext(seed.d, (t) => this.df[t] ?? 0, (t) => this.isName[t] === 1, n, true, this.termOf);
      for (const c of scored) {
        if (c === seed) continue;
        const h = p * ctx.features(c.d).cos;
        if (h > c.x.hop) c.x.hop = h;
      }
    }
  }

  query(f: MatchFeatures, opts: QueryOptions = {}): Match[] {
    const limit = opts.limit ?? DEFAULTS.limit;
    const { ctx, scored } = this.score(f, opts.exclude ?? [], opts.countQuery ?? false);
    if (!ctx) return [];
    const out: Match[] = [];
    for (const { d, x } of scored) {
      const score = combine(x);
      if (score < this.threshold) continue;
      const reasons = ctx.reasons(d, x);
      // Same event, yet not one name in common: only on overwhelming evidence. In a small
      // corpus, ordinary words look rare and would otherwise match unrelated articles.
      if (reasons.sharedNames.length === 0 && !reasons.syndicated && score < DEFAULTS.namelessMin) continue;
      out.push({ id: d.id, score: Math.round(score * 1e4) / 1e4, reasons });
    }
    out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return out.slice(0, limit);
  }

  /** For evaluation and fitting: every candidate of a query with its pair features, unthresholded. */
  explain(f: MatchFeatures, exclude: string[] = []): { id: string; x: PairFeatures; score: number }[] {
    return this.score(f, exclude).scored.map(({ d, x }) => ({ id: d.id, x, score: combine(x) }));
  }

  /**
   * The index as columns of typed arrays, for IndexedDB (structured clone copies each in one
   * piece). Terms no article uses any more are left out. Slots and the order of every posting
   * list are kept, so the restored index answers exactly as this one, ties included.
   */
  toSnapshot(): IndexSnapshot {
    const n = this.terms.size;
    const termIds = new Int32Array(n).fill(-1);
    const oldIds: number[] = [];
    for (let t = 0; t < n; t++) if (this.df[t]! > 0) termIds[t] = oldIds.push(t) - 1;
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
      docs: this.docs.columns(termIds),
    };
  }

  /**
   * Throws on a snapshot of another version or a damaged one (the caller then rebuilds from
   * the stored features). Accepts what toSnapshot() or toJSON() made. The columns are used as
   * they are: no object is made per article or per term.
   */
  static fromSnapshot(snapshot: unknown): MatchIndex {
    const s = readSnapshot(snapshot);
    const idx = new MatchIndex();
    idx.terms = new Dictionary(s.terms);
    const { text, off } = s.terms;
    const n = off.length - 1;
    const base = fromArticles(n, s.docs.termOff, s.docs.terms);
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

  private insert(doc: Doc): void {
    const slot = this.freeSlots.pop() ?? this.docs.slots;
    this.docs.set(slot, doc);
    for (const t of doc.terms) {
      this.df[t]!++;
      this.postings.push(t, slot);
    }
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
    return Math.log((this.size + 1) / (df + 0.5));
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
    return { terms, counts: Uint16Array.from(f.c), names: f.n, day: f.d, url: f.u, source: f.s, hash: f.h, sig: Uint32Array.from(f.m, (x) => x >>> 0), words: f.w, nameFlags, head: Uint8Array.from(f.ht) };
  }

}

/** The same article again: same URL, or the same text from the same outlet (or from unknown outlets). */
function isSelf(q: DocView, d: DocView): boolean {
  if (q.url !== null && q.url === d.url) return true;
  return q.hash === d.hash && q.source === d.source;
}
