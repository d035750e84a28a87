// The feed subscriptions as stored (a damaged list reads as what makes sense of it), the site
// permission a feed needs, and the status line the options page shows.
import { describe, expect, it, vi } from 'vitest';
import { originPattern, pageSitesOf, sanitizeFeeds, type FeedSubscription } from '../../src/platform/feeds';
import { feedStatus } from '../../src/options/feeds-panel';
import { RETRY_AFTER_MS, enqueuePages, startAttempt } from '../../src/core/feeds/page-queue';

// Only the pure functions are used: the polyfill refuses to load outside an extension.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const feed = (over: Partial<FeedSubscription> = {}): FeedSubscription => ({
  url: 'https://harbour-gazette.example/rss.xml', title: 'Harbour Gazette', site: null, addedAt: 1, checkedAt: Date.UTC(2026, 10, 22, 9), okAt: null,
  error: null, added: 12, lastAdded: 3, etag: null, lastModified: null, pageSites: [], ...over,
});

describe('sanitizeFeeds', () => {
  it('keeps well-formed subscriptions and drops what is damaged or repeated', () => {
    const good = feed();
    expect(sanitizeFeeds({ schemaVersion: 1, feeds: [good] })).toEqual([good]);
    expect(sanitizeFeeds(undefined)).toEqual([]);
    expect(sanitizeFeeds({ feeds: 'nope' })).toEqual([]);
    const read = sanitizeFeeds({ feeds: [null, { url: 42 }, { url: 'javascript:alert(1)' }, { url: 'ftp://a.example/feed' }, { url: 'https://a.example/feed', added: 'x', checkedAt: NaN, error: '' }, good, { ...good, title: 'again' }] });
    expect(read.map((f) => [f.url, f.added, f.checkedAt, f.error, f.title])).toEqual([
      ['https://a.example/feed', 0, null, null, null],
      [good.url, 12, good.checkedAt, null, 'Harbour Gazette'],
    ]);
  });

  it('keeps only site patterns as the sites allowed for article pages', () => {
    const [f] = sanitizeFeeds({ feeds: [feed({ pageSites: ['https://www.harbour.example/*', 'https://www.harbour.example/news', '<all_urls>', 7] as string[] })] });
    expect(f!.pageSites).toEqual(['https://www.harbour.example/*']);
    expect(sanitizeFeeds({ feeds: [{ url: 'https://a.example/feed' }] })[0]!.pageSites).toEqual([]);
  });
});

describe('pageSitesOf', () => {
  it("names the other sites a feed's articles are on, once each, a few at most", () => {
    const items = ['https://www.harbour.example/a', 'https://www.harbour.example/b', 'https://feeds.harbour.example/c', null, 'http://wire.example/x', 'https://d.example/', 'https://e.example/', 'https://f.example/'];
    expect(pageSitesOf('https://feeds.harbour.example/rss.xml', items)).toEqual(['https://www.harbour.example/*', 'http://wire.example/*', 'https://d.example/*']);
  });
});

describe('originPattern', () => {
  it('asks for the feed’s site, any path, any port', () => {
    expect(originPattern('https://harbour-gazette.example/news/rss.xml?x=1')).toBe('https://harbour-gazette.example/*');
    expect(originPattern('http://127.0.0.1:8080/feeds/a.xml')).toBe('http://127.0.0.1/*');
    expect(() => originPattern('not a url')).toThrow();
  });
});

describe('feedStatus', () => {
  it('says how much a feed added and when, or why its last fetch failed', () => {
    expect(feedStatus(feed())).toMatch(/^12 articles added · fetched .+, 3 new$/);
    expect(feedStatus(feed({ added: 1, lastAdded: 0 }))).toMatch(/^1 article added · fetched /);
    expect(feedStatus(feed({ added: 1, lastAdded: 0 }))).not.toMatch(/new$/);
    expect(feedStatus(feed({ error: 'The feed answered 500.' }))).toMatch(/^Last fetch failed \(.+\): The feed answered 500\.$/);
    expect(feedStatus(feed({ checkedAt: null }))).toContain('fetched never');
  });

  it('counts the pages still to read, and says when the next try is for those a site did not serve', () => {
    const at = Date.UTC(2026, 10, 22, 16, 40);
    let list = enqueuePages([], 'https://x.example/rss', [1, 2, 3].map((n) => ({ id: `a${n}`, url: `https://x.example/${n}`, hash: `h${n}` })), at);
    expect(feedStatus(feed(), list)).toMatch(/, 3 new · 3 article pages to read$/);
    list = startAttempt(list, 'a1', at);
    expect(feedStatus(feed(), list)).toMatch(/ · 3 article pages to read; 1 of them not served yet, next try \S/);
    expect(feedStatus(feed(), list)).toContain(new Date(at + RETRY_AFTER_MS[0]).toLocaleTimeString());
    const one = startAttempt(list.slice(0, 1), 'a1', at);
    expect(feedStatus(feed({ error: 'The feed answered 500.' }), one)).toMatch(/The feed answered 500\. · 1 article page to read; not served yet, next try /);
  });
});
