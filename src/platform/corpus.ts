// The corpus in IndexedDB (through idb). Shared by the background and the options page,
// which both open the same database of the extension's origin.
//
// Stores (schema version DB_VERSION):
//   articles  {...Article, seq, addedAt, origin, textHash}   indexes: url, seq, addedAt, textHash
//   match     {id, seq, match}        the matcher's features, read in pages to (re)build the index
//   facts     {id, facts}             the comparison engine's facts, read only for the matches;
//                                     missing until the backfill (or a report) computes them
//   log       {seq, id}               removals, so a cached index can replay them
//   meta      "state" → {epoch, seq}; "index" → persisted match-index snapshot; "prunedAt";
//             "factsCursor" → {v, seq}: the facts backfill has seen every article up to seq;
//             "hidden" / "joined" → the pairs the reader hid as not the same story, or joined
//             as the same story (core/match/reader-pairs.ts); a pair is in one list at most.
//             Kept when the corpus is cleared: re-imported articles keep their ids
// Every add and every removal takes the next meta.seq in the same transaction. A reader that
// remembers the last seq it saw loads exactly what changed since: new match features and
// logged removals. Only a clear bumps meta.epoch, which means "start from nothing".
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { importFeatures, textHash, type StoredFeatures } from '../core/ingest';
import { FACTS_VERSION, type ArticleFacts } from '../core/compare';
import { readPairs, setPairs, type ReaderPair, type MatchFeatures } from '../core/match';
import type { Article } from '../core/types';

export const DB_NAME = 'parallax';
export const DB_VERSION = 1;

export type Origin = 'import' | 'read' | 'demo' | 'feed';

export interface ArticleRecord extends Article {
  seq: number;
  addedAt: number;
  origin: Origin;
  textHash: string;
}

export interface MatchRecord {
  id: string;
  seq: number;
  match: MatchFeatures;
}

export interface FactsRecord {
  id: string;
  facts: ArticleFacts;
}

/** Facts computed from the article stored under `seq` (not a later one with the same id). */
export interface FactsAt extends FactsRecord {
  seq: number;
}

/** How far the facts backfill got, for facts of engine version `v`. */
export interface FactsCursor {
  v: number;
  seq: number;
}

export interface LogRecord {
  seq: number;
  id: string;
}

export interface CorpusState {
  epoch: number;
  seq: number;
}

interface Schema extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { url: string; seq: number; addedAt: number; textHash: string } };
  match: { key: string; value: MatchRecord; indexes: { seq: number } };
  facts: { key: string; value: FactsRecord };
  log: { key: number; value: LogRecord };
  meta: { key: string; value: unknown };
}

export interface AddResult {
  added: number;
  duplicates: number;
  /** The ids of the articles stored, in the order given. */
  ids: string[];
}

export class CorpusError extends Error {
  constructor(
    message: string,
    readonly code: 'quota' | 'closed' | 'version' | 'unknown',
  ) {
    super(message);
  }
}

export type CorpusDb = IDBPDatabase<Schema>;

/** Articles whose features `add` computes at a time, between its requests (see there). */
const SLICE = 50;

/**
 * Opens the corpus. `onClose` is called when the connection is gone for good (a newer
 * version wants the database, or the browser closed it): the caller must open it again.
 */
export async function openCorpus(opts: { name?: string; onClose?: () => void } = {}): Promise<Corpus> {
  try {
    const db = await openDB<Schema>(opts.name ?? DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion) {
        // Migrations run in order; each step takes the schema one version forward.
        if (oldVersion < 1) {
          const a = db.createObjectStore('articles', { keyPath: 'id' });
          a.createIndex('url', 'url');
          a.createIndex('seq', 'seq');
          a.createIndex('addedAt', 'addedAt');
          a.createIndex('textHash', 'textHash');
          db.createObjectStore('match', { keyPath: 'id' }).createIndex('seq', 'seq');
          db.createObjectStore('facts', { keyPath: 'id' });
          db.createObjectStore('log', { keyPath: 'seq' });
          db.createObjectStore('meta');
        }
      },
      blocking(_current, _blocked, event) {
        // A newer version wants to upgrade: let it, by closing this connection.
        (event.target as IDBDatabase).close();
        opts.onClose?.();
      },
      terminated() {
        opts.onClose?.();
      },
    });
    return new Corpus(db);
  } catch (e) {
    if ((e as DOMException)?.name === 'VersionError') {
      throw new CorpusError('The stored corpus was written by a newer version of Parallax. Update the extension to use it.', 'version');
    }
    throw new CorpusError(`The corpus could not be opened: ${String(e)}`, 'unknown');
  }
}

function isQuota(e: unknown): boolean {
  const n = (e as DOMException)?.name;
  return n === 'QuotaExceededError' || /quota/i.test(String(e));
}

export class Corpus {
  constructor(readonly db: CorpusDb) {}

  close(): void {
    this.db.close();
  }

  async state(): Promise<CorpusState> {
    const s = (await this.db.get('meta', 'state')) as CorpusState | undefined;
    return s ?? { epoch: 0, seq: 0 };
  }

  /** Walks the whole store in Chromium's IndexedDB: not for hot paths (see isEmpty). */
  count(): Promise<number> {
    return this.db.count('articles');
  }

  /** One key read, whatever the corpus size. */
  async isEmpty(): Promise<boolean> {
    return (await this.db.transaction('articles').store.openKeyCursor()) === null;
  }

  /**
   * Adds articles in one transaction: either the whole batch is stored, with its match
   * features, or nothing is (a full disk, a stopped worker). An article is a duplicate, and
   * skipped, when a stored one has the same id, the same URL, or the same text from the same
   * outlet (the same text from another outlet is syndicated copy, which the matcher groups).
   * Pass features in `known` when they are already computed. Facts are stored only when
   * `known` has them: otherwise the backfill computes them later.
   */
  async add(articles: Article[], origin: Origin, now = Date.now(), known?: Map<string, StoredFeatures>): Promise<AddResult> {
    const hashes = articles.map(textHash);
    const features = (from: number, to: number) => articles.slice(from, to).map((a) => known?.get(a.id) ?? importFeatures(a));
    try {
      const tx = this.db.transaction(['articles', 'match', 'facts', 'meta'], 'readwrite');
      const arts = tx.objectStore('articles');
      const meta = tx.objectStore('meta');
      // Requests inside one transaction are pipelined: issue all lookups, then all writes,
      // and wait once. Awaiting each in turn made imports 2-3 times slower.
      const lookups = Promise.all([
        meta.get('state'),
        Promise.all(articles.map((a) => arts.getKey(a.id))),
        Promise.all(articles.map((a) => (a.url === null ? undefined : arts.index('url').getKey(a.url)))),
        Promise.all(hashes.map((h) => arts.index('textHash').getAll(h, 20))),
      ]);
      // Features are computed in slices while the browser's storage process works: the
      // first slice while the lookups run, each next one while the writes of the one before
      // are stored. Computed all before the transaction, every wait came on top (-25 % rate).
      // The transaction stays open meanwhile: it has requests pending, and this code does not
      // await anything else.
      let slice = features(0, SLICE);
      const [stateValue, idHits, urlHits, textHits] = await lookups;
      const state = (stateValue as CorpusState | undefined) ?? { epoch: 0, seq: 0 };
      const ids: string[] = [];
      let duplicates = 0;
      const seen = new Set<string>();
      const writes: Promise<unknown>[] = [];
      for (let from = 0; from < articles.length; from += SLICE) {
        if (from > 0) slice = features(from, from + SLICE);
        slice.forEach((f, j) => {
          const i = from + j;
          const a = articles[i]!;
          const h = hashes[i]!;
          const keys = [`id:${a.id}`, a.url ? `url:${a.url}` : '', `text:${h}:${a.source ?? ''}`].filter(Boolean);
          const sameText = textHits[i]!.some((r) => (r.source ?? '') === (a.source ?? ''));
          if (keys.some((k) => seen.has(k)) || idHits[i] !== undefined || urlHits[i] !== undefined || sameText) {
            duplicates++;
            return;
          }
          keys.forEach((k) => seen.add(k));
          const seq = ++state.seq;
          writes.push(arts.put({ ...a, seq, addedAt: now, origin, textHash: h }));
          writes.push(tx.objectStore('match').put({ id: a.id, seq, match: f.match }));
          if (f.facts) writes.push(tx.objectStore('facts').put({ id: a.id, facts: f.facts }));
          ids.push(a.id);
        });
      }
      if (ids.length > 0) writes.push(meta.put(state, 'state'));
      await Promise.all(writes);
      await tx.done;
      return { added: ids.length, duplicates, ids };
    } catch (e) {
      throw this.wrap(e);
    }
  }

  private wrap(e: unknown): unknown {
    if (isQuota(e)) {
      return new CorpusError('The browser has no more storage for Parallax. Nothing of this batch was stored; remove old articles or free disk space.', 'quota');
    }
    if ((e as DOMException)?.name === 'InvalidStateError') {
      return new CorpusError('The connection to the corpus was closed (Parallax was updated or the browser closed it). Reload this page.', 'closed');
    }
    return e;
  }

  async get(ids: string[]): Promise<(ArticleRecord | undefined)[]> {
    const tx = this.db.transaction('articles');
    return Promise.all(ids.map((id) => tx.store.get(id)));
  }

  async getFacts(ids: string[]): Promise<(FactsRecord | undefined)[]> {
    const tx = this.db.transaction('facts');
    return Promise.all(ids.map((id) => tx.store.get(id)));
  }

  /**
   * Stores facts computed after the article was stored (by the backfill or a report), only
   * for articles still stored under the same seq: one removed, or cleared and stored again,
   * meanwhile gets none. The backfill's cursor moves in the same transaction, so a stopped
   * worker resumes after the last chunk written.
   */
  async putFacts(records: FactsAt[], cursor?: FactsCursor): Promise<void> {
    try {
      const tx = this.db.transaction(['articles', 'facts', 'meta'], 'readwrite');
      const bySeq = tx.objectStore('articles').index('seq');
      const [owners, old] = await Promise.all([Promise.all(records.map((r) => (Number.isFinite(r.seq) ? bySeq.getKey(r.seq) : undefined))), tx.objectStore('meta').get('factsCursor')]);
      const writes = records.filter((r, i) => owners[i] === r.id).map((r) => tx.objectStore('facts').put({ id: r.id, facts: r.facts }));
      // Never move the cursor back (two workers' chunks can interleave after a restart).
      const prev = old as FactsCursor | undefined;
      if (cursor && !(prev?.v === cursor.v && prev.seq > cursor.seq)) writes.push(tx.objectStore('meta').put(cursor, 'factsCursor'));
      await Promise.all(writes);
      await tx.done;
    } catch (e) {
      throw this.wrap(e);
    }
  }

  /**
   * Stores recomputed match features, only for articles that still exist and only if no
   * clear happened meanwhile (`epoch`): a rebuild racing a clear must not resurrect records.
   */
  async putMatch(records: MatchRecord[], epoch: number): Promise<boolean> {
    const tx = this.db.transaction(['articles', 'match', 'meta'], 'readwrite');
    const state = ((await tx.objectStore('meta').get('state')) as CorpusState | undefined) ?? { epoch: 0, seq: 0 };
    if (state.epoch !== epoch) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return false;
    }
    const exist = await Promise.all(records.map((r) => tx.objectStore('articles').getKey(r.id)));
    await Promise.all(records.filter((_, i) => exist[i] !== undefined).map((r) => tx.objectStore('match').put(r)));
    await tx.done;
    return true;
  }

  /** One page of match features stored after `seq`, in seq order. */
  matchAfter(seq: number, limit = 2000): Promise<MatchRecord[]> {
    return this.db.getAllFromIndex('match', 'seq', IDBKeyRange.lowerBound(seq, true), limit);
  }

  /** Removals logged after `seq`, in order. */
  removalsAfter(seq: number): Promise<LogRecord[]> {
    return this.db.getAll('log', IDBKeyRange.lowerBound(seq, true));
  }

  /** Forgets logged removals up to `seq`, once the persisted index has applied them. */
  async trimLog(seq: number): Promise<void> {
    await this.db.delete('log', IDBKeyRange.upperBound(seq));
  }

  /** One page of articles stored after `seq`, in seq order. */
  articlesAfter(seq: number, limit: number): Promise<ArticleRecord[]> {
    return this.db.getAllFromIndex('articles', 'seq', IDBKeyRange.lowerBound(seq, true), limit);
  }

  /** Calls `fn` for each stored article, oldest first, in pages so memory stays flat. */
  async forEach(fn: (a: ArticleRecord) => void, pageSize = 500): Promise<void> {
    let after = 0;
    for (;;) {
      const page = await this.articlesAfter(after, pageSize);
      if (page.length === 0) return;
      page.forEach(fn);
      after = page[page.length - 1]!.seq;
    }
  }

  /**
   * Count and the add times of the oldest and newest article, read from indexes (no scan), and
   * how many articles the facts backfill has still to go through (past its cursor).
   */
  async stats(): Promise<{ count: number; oldest: number | null; newest: number | null; factsPending: number }> {
    const tx = this.db.transaction(['articles', 'meta']);
    const articles = tx.objectStore('articles');
    const byAdded = articles.index('addedAt');
    const [count, first, last, cursorValue] = await Promise.all([
      articles.count(),
      byAdded.openKeyCursor(),
      byAdded.openKeyCursor(null, 'prev'),
      tx.objectStore('meta').get('factsCursor'),
    ]);
    const cursor = cursorValue as FactsCursor | undefined;
    // A cursor of another engine version means the backfill walks everything again.
    const factsPending = cursor?.v === FACTS_VERSION ? await articles.index('seq').count(IDBKeyRange.lowerBound(cursor.seq, true)) : count;
    return { count, oldest: (first?.key as number | undefined) ?? null, newest: (last?.key as number | undefined) ?? null, factsPending };
  }

  /**
   * Stores `article` in place of the record with its id (a feed's summary by the article
   * itself), in one transaction: a worker stopped half-way keeps one or the other, never
   * neither. The old record's removal is logged for cached indexes, before the new one's
   * seq; the time it was first added is kept, so retention ages it as before.
   */
  async replace(article: Article, origin: Origin, now = Date.now(), known?: StoredFeatures): Promise<void> {
    const f = known ?? importFeatures(article);
    try {
      const tx = this.db.transaction(['articles', 'match', 'facts', 'log', 'meta'], 'readwrite');
      const arts = tx.objectStore('articles');
      const meta = tx.objectStore('meta');
      const [stateValue, old] = await Promise.all([meta.get('state'), arts.get(article.id)]);
      const state = (stateValue as CorpusState | undefined) ?? { epoch: 0, seq: 0 };
      const writes: Promise<unknown>[] = [];
      if (old) {
        writes.push(arts.delete(article.id), tx.objectStore('match').delete(article.id), tx.objectStore('facts').delete(article.id));
        writes.push(tx.objectStore('log').put({ seq: ++state.seq, id: article.id }));
      }
      const seq = ++state.seq;
      writes.push(arts.put({ ...article, seq, addedAt: old?.addedAt ?? now, origin, textHash: textHash(article) }));
      writes.push(tx.objectStore('match').put({ id: article.id, seq, match: f.match }));
      if (f.facts) writes.push(tx.objectStore('facts').put({ id: article.id, facts: f.facts }));
      writes.push(meta.put(state, 'state'));
      await Promise.all(writes);
      await tx.done;
    } catch (e) {
      throw this.wrap(e);
    }
  }

  /** Removes articles and their features; each removal is logged for cached indexes. */
  async remove(ids: string[]): Promise<number> {
    try {
      const tx = this.db.transaction(['articles', 'match', 'facts', 'log', 'meta'], 'readwrite');
      const meta = tx.objectStore('meta');
      const [stateValue, exist] = await Promise.all([meta.get('state'), Promise.all(ids.map((id) => tx.objectStore('articles').getKey(id)))]);
      const state = (stateValue as CorpusState | undefined) ?? { epoch: 0, seq: 0 };
      const doomed = ids.filter((_, i) => exist[i] !== undefined);
      const writes: Promise<unknown>[] = [];
      for (const id of doomed) {
        writes.push(tx.objectStore('articles').delete(id), tx.objectStore('match').delete(id), tx.objectStore('facts').delete(id));
        writes.push(tx.objectStore('log').put({ seq: ++state.seq, id }));
      }
      await Promise.all(writes);
      if (doomed.length) await meta.put(state, 'state');
      await tx.done;
      return doomed.length;
    } catch (e) {
      throw this.wrap(e);
    }
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(['articles', 'match', 'facts', 'log', 'meta'], 'readwrite');
    const s = ((await tx.objectStore('meta').get('state')) as CorpusState | undefined) ?? { epoch: 0, seq: 0 };
    await Promise.all([
      tx.objectStore('articles').clear(),
      tx.objectStore('match').clear(),
      tx.objectStore('facts').clear(),
      tx.objectStore('log').clear(),
      tx.objectStore('meta').delete('index'),
      tx.objectStore('meta').put({ epoch: s.epoch + 1, seq: s.seq }, 'state'),
    ]);
    await tx.done;
  }

  /**
   * Retention: removes articles added before `maxAgeDays`, then the oldest beyond
   * `maxArticles`. Reads keys only. Returns how many were removed.
   */
  /** How many articles prune() would remove with these limits (for the question asked first). */
  async countPrunable(maxArticles: number, maxAgeDays: number, now = Date.now()): Promise<number> {
    const tx = this.db.transaction('articles');
    const [count, older] = await Promise.all([tx.store.count(), tx.store.index('addedAt').count(IDBKeyRange.upperBound(now - maxAgeDays * 86_400_000, true))]);
    // prune() takes the oldest first until both limits hold: the larger of the two counts.
    return Math.max(older, count - maxArticles, 0);
  }

  async prune(maxArticles: number, maxAgeDays: number, now = Date.now()): Promise<number> {
    const doomed: string[] = [];
    const cutoff = now - maxAgeDays * 86_400_000;
    let over = Math.max(0, (await this.count()) - maxArticles);
    let cursor = await this.db.transaction('articles').store.index('addedAt').openKeyCursor();
    while (cursor) {
      if ((cursor.key as number) >= cutoff && over <= 0) break;
      doomed.push(cursor.primaryKey as string);
      over--;
      cursor = await cursor.continue();
    }
    let removed = 0;
    for (let i = 0; i < doomed.length; i += 500) removed += await this.remove(doomed.slice(i, i + 500));
    return removed;
  }

  /** The pairs the reader hid as not the same story; a damaged list reads as its whole entries. */
  async hiddenPairs(): Promise<ReaderPair[]> {
    return readPairs(await this.db.get('meta', 'hidden'));
  }

  /** The pairs the reader joined as the same story; a damaged list reads as its whole entries. */
  async joinedPairs(): Promise<ReaderPair[]> {
    return readPairs(await this.db.get('meta', 'joined'));
  }

  /** Hides the pairs (x, y) for each y (or shows them again). Hiding a joined pair unjoins it. */
  async setHidden(x: string, ys: string | readonly string[], hide: boolean, now = Date.now()): Promise<void> {
    await this.judge('hidden', 'joined', x, ys, hide, now);
  }

  /** Joins the pairs (x, y) for each y as the same story (or unjoins them). Joining a hidden pair shows it. */
  async setJoined(x: string, ys: string | readonly string[], join: boolean, now = Date.now()): Promise<void> {
    await this.judge('joined', 'hidden', x, ys, join, now);
  }

  /**
   * Adds the pairs to one list (taking them out of the other) or takes them out of it. Read
   * and write in one transaction, so that two pages doing it at once lose neither change.
   */
  private async judge(key: 'hidden' | 'joined', other: 'hidden' | 'joined', x: string, ys: string | readonly string[], on: boolean, now: number): Promise<void> {
    try {
      const tx = this.db.transaction('meta', 'readwrite');
      const [list, others] = await Promise.all([tx.store.get(key), tx.store.get(other)]);
      const writes = [tx.store.put(setPairs(readPairs(list), x, ys, on, now), key)];
      if (on && others !== undefined) writes.push(tx.store.put(setPairs(readPairs(others), x, ys, false, now), other));
      await Promise.all([...writes, tx.done]);
    } catch (e) {
      throw this.wrap(e);
    }
  }

  /** Shows every hidden match again. */
  async clearHidden(): Promise<void> {
    await this.db.delete('meta', 'hidden');
  }

  /** Forgets every article the reader joined to a story. */
  async clearJoined(): Promise<void> {
    await this.db.delete('meta', 'joined');
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('meta', key)) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.put('meta', value, key);
  }
}
