// The corpus in IndexedDB (through idb). Shared by the background and the options page,
// which both open the same database of the extension's origin.
//
// Stores (schema version DB_VERSION):
//   articles  {id, ...Article, seq, addedAt, origin, textHash, bytes}   indexes: url, seq, addedAt
//   features  {id, seq, match, facts, versions}                          index: seq
//   meta      key/value: "state" → {epoch, seq}; "index" → persisted match-index snapshot
// Every write bumps meta.seq in the same transaction, so a reader that remembers the last
// seq it saw can load exactly what is new; deletions bump meta.epoch, which means "rebuild".
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { computeFeatures, textHash, type ArticleFeatures } from '../core/ingest';
import type { Article } from '../core/types';

export const DB_NAME = 'parallax';
export const DB_VERSION = 1;

export type Origin = 'import' | 'read' | 'demo';

export interface ArticleRecord extends Article {
  seq: number;
  addedAt: number;
  origin: Origin;
  textHash: string;
  bytes: number;
}

export interface FeatureRecord extends ArticleFeatures {
  id: string;
  seq: number;
}

export interface CorpusState {
  epoch: number;
  seq: number;
}

interface Schema extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { url: string; seq: number; addedAt: number } };
  features: { key: string; value: FeatureRecord; indexes: { seq: number } };
  meta: { key: string; value: unknown };
}

export interface AddResult {
  added: number;
  duplicates: number;
}

export class CorpusError extends Error {
  constructor(
    message: string,
    readonly code: 'quota' | 'blocked' | 'version' | 'unknown',
  ) {
    super(message);
  }
}

export type CorpusDb = IDBPDatabase<Schema>;

export async function openCorpus(name = DB_NAME): Promise<Corpus> {
  try {
    const db = await openDB<Schema>(name, DB_VERSION, {
      upgrade(db, oldVersion) {
        // Migrations run in order; each step takes the schema one version forward.
        if (oldVersion < 1) {
          const a = db.createObjectStore('articles', { keyPath: 'id' });
          a.createIndex('url', 'url');
          a.createIndex('seq', 'seq');
          a.createIndex('addedAt', 'addedAt');
          const f = db.createObjectStore('features', { keyPath: 'id' });
          f.createIndex('seq', 'seq');
          db.createObjectStore('meta');
        }
      },
      blocked() {
        // An older page of ours still holds the database open; it closes on its own.
      },
      blocking(_current, _blocked, event) {
        // A newer version wants to upgrade: let it, by closing this connection.
        (event.target as IDBDatabase).close();
      },
    });
    return new Corpus(db);
  } catch (e) {
    const name_ = (e as DOMException)?.name;
    if (name_ === 'VersionError') {
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

  count(): Promise<number> {
    return this.db.count('articles');
  }

  /**
   * Adds articles in one transaction: either the whole batch is stored, with its features,
   * or nothing is (a full disk, a stopped worker). Same id or same URL as a stored article
   * counts as a duplicate and is skipped, so importing a file twice adds nothing twice.
   * Features are computed before the transaction opens, since IndexedDB transactions close
   * when the event loop is idle.
   */
  async add(articles: Article[], origin: Origin, now = Date.now()): Promise<AddResult> {
    const prepared = articles.map((a) => ({ a, f: computeFeatures(a), h: textHash(a) }));
    try {
      const tx = this.db.transaction(['articles', 'features', 'meta'], 'readwrite');
      const arts = tx.objectStore('articles');
      const feats = tx.objectStore('features');
      const meta = tx.objectStore('meta');
      // Requests inside one transaction are pipelined: issue all lookups, then all writes,
      // and wait once. Awaiting each in turn made imports 2-3 times slower.
      const [stateValue, idHits, urlHits] = await Promise.all([
        meta.get('state'),
        Promise.all(prepared.map(({ a }) => arts.getKey(a.id))),
        Promise.all(prepared.map(({ a }) => (a.url === null ? undefined : arts.index('url').getKey(a.url)))),
      ]);
      const state = (stateValue as CorpusState | undefined) ?? { epoch: 0, seq: 0 };
      let added = 0;
      let duplicates = 0;
      const seenInBatch = new Set<string>();
      const writes: Promise<unknown>[] = [];
      prepared.forEach(({ a, f, h }, i) => {
        const key = a.url ?? a.id;
        if (seenInBatch.has(a.id) || seenInBatch.has(key) || idHits[i] !== undefined || urlHits[i] !== undefined) {
          duplicates++;
          return;
        }
        seenInBatch.add(a.id).add(key);
        const seq = ++state.seq;
        const bytes = a.text.length * 2 + JSON.stringify(f).length * 2;
        writes.push(arts.put({ ...a, seq, addedAt: now, origin, textHash: h, bytes }));
        writes.push(feats.put({ id: a.id, seq, ...f }));
        added++;
      });
      await Promise.all(writes);
      if (added > 0) await meta.put(state, 'state');
      await tx.done;
      return { added, duplicates };
    } catch (e) {
      if (isQuota(e)) {
        throw new CorpusError('The browser has no more storage for Parallax. Nothing of this batch was stored; remove old articles or free disk space.', 'quota');
      }
      throw e;
    }
  }

  async get(ids: string[]): Promise<(ArticleRecord | undefined)[]> {
    const tx = this.db.transaction('articles');
    return Promise.all(ids.map((id) => tx.store.get(id)));
  }

  async getFeatures(ids: string[]): Promise<(FeatureRecord | undefined)[]> {
    const tx = this.db.transaction('features');
    return Promise.all(ids.map((id) => tx.store.get(id)));
  }

  /** Features stored after `seq`, in order: what a cached index has not seen yet. */
  async featuresAfter(seq: number): Promise<FeatureRecord[]> {
    return this.db.getAllFromIndex('features', 'seq', IDBKeyRange.lowerBound(seq, true));
  }

  /** Calls `fn` for each stored article, oldest first, in pages so memory stays flat. */
  async forEach(fn: (a: ArticleRecord) => void, pageSize = 500): Promise<void> {
    let after = 0;
    for (;;) {
      const page = await this.db.getAllFromIndex('articles', 'seq', IDBKeyRange.lowerBound(after, true), pageSize);
      if (page.length === 0) return;
      page.forEach(fn);
      after = page[page.length - 1]!.seq;
    }
  }

  /** Count and the add times of the oldest and newest article, read from indexes (no scan). */
  async stats(): Promise<{ count: number; oldest: number | null; newest: number | null }> {
    const tx = this.db.transaction('articles');
    const byAdded = tx.store.index('addedAt');
    const [count, first, last] = await Promise.all([tx.store.count(), byAdded.openCursor(), byAdded.openCursor(null, 'prev')]);
    return { count, oldest: first?.value.addedAt ?? null, newest: last?.value.addedAt ?? null };
  }

  async remove(ids: string[]): Promise<number> {
    const tx = this.db.transaction(['articles', 'features', 'meta'], 'readwrite');
    let n = 0;
    for (const id of ids) {
      if ((await tx.objectStore('articles').getKey(id)) === undefined) continue;
      await tx.objectStore('articles').delete(id);
      await tx.objectStore('features').delete(id);
      n++;
    }
    if (n > 0) await bumpEpoch(tx.objectStore('meta'));
    await tx.done;
    return n;
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(['articles', 'features', 'meta'], 'readwrite');
    await tx.objectStore('articles').clear();
    await tx.objectStore('features').clear();
    await tx.objectStore('meta').delete('index');
    await bumpEpoch(tx.objectStore('meta'));
    await tx.done;
  }

  /**
   * Retention: removes articles added before `maxAgeDays`, then the oldest beyond
   * `maxArticles`. Returns how many were removed.
   */
  async prune(maxArticles: number, maxAgeDays: number, now = Date.now()): Promise<number> {
    const doomed: string[] = [];
    const cutoff = now - maxAgeDays * 86_400_000;
    const total = await this.count();
    let over = Math.max(0, total - maxArticles);
    let cursor = await this.db.transaction('articles').store.index('addedAt').openCursor();
    while (cursor) {
      if (cursor.value.addedAt < cutoff || over > 0) {
        doomed.push(cursor.value.id);
        if (over > 0) over--;
      } else break;
      cursor = await cursor.continue();
    }
    return doomed.length ? this.remove(doomed) : 0;
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('meta', key)) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.put('meta', value, key);
  }
}

async function bumpEpoch(meta: { get(k: string): Promise<unknown>; put(v: unknown, k: string): Promise<unknown> }): Promise<void> {
  const s = ((await meta.get('state')) as CorpusState | undefined) ?? { epoch: 0, seq: 0 };
  await meta.put({ epoch: s.epoch + 1, seq: s.seq }, 'state');
}
