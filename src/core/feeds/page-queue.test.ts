import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, MAX_PENDING, RETRY_AFTER_MS, dropFeedPages, duePages, enqueuePages, sanitizePending, settleAttempt, startAttempt, type PendingPage } from './page-queue';

const item = (n: number) => ({ id: `item-${n}`, url: `https://outlet.example/story/${n}`, hash: `h${n}` });
const T0 = 1_700_000_000_000;
const FEED = 'https://outlet.example/rss';

describe('the pending pages of feed items', () => {
  it('puts a fetch’s items ahead of those waiting, in feed order, and an item queued again starts afresh', () => {
    let list = enqueuePages([], FEED, [item(1), item(2)], T0);
    list = startAttempt(list, 'item-2', T0);
    list = enqueuePages(list, FEED, [item(3), item(2)], T0 + 1000);
    expect(list.map((p) => p.id)).toEqual(['item-3', 'item-2', 'item-1']);
    expect(list[1]).toMatchObject({ attempts: 0, nextAt: T0 + 1000, queuedAt: T0 + 1000 });
  });

  it('keeps at most MAX_PENDING, dropping the oldest', () => {
    const many = Array.from({ length: MAX_PENDING + 20 }, (_, i) => item(i));
    const list = enqueuePages(enqueuePages([], FEED, many.slice(0, 30), T0), FEED, many.slice(30), T0 + 1);
    expect(list).toHaveLength(MAX_PENDING);
    expect(list[0]!.id).toBe('item-30');
    expect(list.some((p) => p.id === 'item-29')).toBe(false);
  });

  it('counts an attempt before it is made, and waits longer before each retry', () => {
    let list = enqueuePages([], FEED, [item(1)], T0);
    list = startAttempt(list, 'item-1', T0);
    expect(list[0]).toMatchObject({ attempts: 1, nextAt: T0 + RETRY_AFTER_MS[0] });
    expect(duePages(list, T0 + RETRY_AFTER_MS[0] - 1, 10).due).toEqual([]);
    expect(duePages(list, T0 + RETRY_AFTER_MS[0], 10).due.map((p) => p.id)).toEqual(['item-1']);
    list = startAttempt(settleAttempt(list, 'item-1', 'retry'), 'item-1', T0 + RETRY_AFTER_MS[0]);
    expect(list[0]).toMatchObject({ attempts: 2, nextAt: T0 + RETRY_AFTER_MS[0] + RETRY_AFTER_MS[1] });
  });

  it('takes an item off when it is done, and after its last attempt whatever became of it', () => {
    let list = enqueuePages([], FEED, [item(1), item(2)], T0);
    expect(settleAttempt(list, 'item-1', 'done').map((p) => p.id)).toEqual(['item-2']);
    for (let i = 0; i < MAX_ATTEMPTS; i++) list = startAttempt(list, 'item-1', T0);
    expect(settleAttempt(list, 'item-1', 'retry').map((p) => p.id)).toEqual(['item-2']);
    // The last attempt never reported (the worker stopped): the item is not tried again.
    const { due, list: kept } = duePages(list, T0 + 10 * 3600_000, 10);
    expect(due.map((p) => p.id)).toEqual(['item-2']);
    expect(kept.map((p) => p.id)).toEqual(['item-2']);
  });

  it('never starts more than MAX_ATTEMPTS attempts at one page, whatever the order of events', () => {
    type Step = { kind: 'start' | 'retry' | 'done' | 'due' | 'requeue-other'; dt: number };
    const step = fc.record({ kind: fc.constantFrom<Step['kind']>('start', 'retry', 'done', 'due', 'requeue-other'), dt: fc.integer({ min: 0, max: 3 * 3600_000 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let now = T0;
        let list: PendingPage[] = enqueuePages([], FEED, [item(1), item(2)], now);
        let started = 0;
        for (const s of steps) {
          now += s.dt;
          if (s.kind === 'start') {
            // The worker only starts what duePages gives it.
            const { due, list: kept } = duePages(list, now, 1);
            list = kept;
            if (due[0]?.id === 'item-1') {
              list = startAttempt(list, 'item-1', now);
              started++;
            }
          } else if (s.kind === 'retry' || s.kind === 'done') list = settleAttempt(list, 'item-1', s.kind);
          else if (s.kind === 'due') list = duePages(list, now, 10).list;
          else list = enqueuePages(list, FEED, [item(3)], now);
          expect(started).toBeLessThanOrEqual(MAX_ATTEMPTS);
          expect(new Set(list.map((p) => p.id)).size).toBe(list.length);
        }
      }),
    );
  });

  it('takes the pages of a feed off when it is unsubscribed from', () => {
    const list = enqueuePages(enqueuePages([], 'https://other.example/feed', [item(9)], T0), FEED, [item(1), item(2)], T0);
    expect(dropFeedPages(list, FEED).map((p) => p.id)).toEqual(['item-9']);
  });

  it('reads back what it wrote, and drops damaged entries without failing', () => {
    const list = startAttempt(enqueuePages([], FEED, [item(1), item(2)], T0), 'item-1', T0);
    expect(sanitizePending(JSON.parse(JSON.stringify(list)))).toEqual(list);
    expect(sanitizePending(undefined)).toEqual([]);
    expect(sanitizePending({ pages: [] })).toEqual([]);
    const damaged = [null, 7, { ...list[0], url: 'javascript:alert(1)' }, { ...list[0], id: '' }, { ...list[0], feed: undefined }, { ...list[1], attempts: 'x' }, list[0], { ...list[0] }];
    expect(sanitizePending(damaged)).toEqual([list[0]]);
  });
});
