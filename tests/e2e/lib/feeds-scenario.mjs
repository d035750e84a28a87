// Feeds end to end, in both browsers: subscribe through the options page to feeds served on
// 127.0.0.1 (the test build may read it, so the permission request is granted without a
// prompt), fetch again, fail cleanly, and find the feeds' articles in a report.
// The feeds are written here from the fictional fixture corpus (tests/fixtures).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openExtensionPage, tabIdOf } from './browsers.mjs';
import { until } from './facts.mjs';
import { FIXTURES, corpusCount, openReport, openTab, reportDetails } from './scenario.mjs';

const fixture = Object.fromEntries(
  readFileSync(join(FIXTURES, 'corpus-small.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => {
    const a = JSON.parse(l);
    return [a.id, a];
  }),
);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (text) => text.split('\n').map((p) => `<p>${esc(p)}</p>`).join('');

function rss(title, items) {
  const body = items
    .map((a, i) => `<item><title>${esc(a.title)}</title><link>/news/${a.id}</link><guid>${a.id}</guid><pubDate>${new Date(a.published).toUTCString()}</pubDate><description>${esc(paragraphs(a.text))}</description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>/</link>\n${body}\n</channel></rss>`;
}

function atom(title, items) {
  const body = items
    .map((a) => `<entry><title>${esc(a.title)}</title><link rel="alternate" href="/delta/${a.id}"/><id>${a.id}</id><updated>${a.published}</updated><content type="html">${esc(paragraphs(a.text))}</content></entry>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title>\n${body}\n</feed>`;
}

/** A server whose feeds the test changes between fetches; it records conditional requests. */
async function feedServer() {
  const state = {
    lake: [fixture['laketimes-2026-10-05-orlen-dam-spill']],
    lakeStatus: 200,
    conditional: 0,
  };
  const lakeBody = () => rss('Lake Times - World', state.lake);
  const etag = () => `"lake-${state.lake.length}"`;
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    if (path === '/feeds/lake.xml') {
      if (state.lakeStatus !== 200) return send(state.lakeStatus, 'text/plain', 'down for maintenance');
      if (req.headers['if-none-match'] === etag()) {
        state.conditional++;
        return send(304, 'application/rss+xml', '', { etag: etag() });
      }
      return send(200, 'application/rss+xml; charset=utf-8', lakeBody(), { etag: etag() });
    }
    if (path === '/feeds/delta.atom') return send(200, 'application/atom+xml', atom('Delta Herald', [fixture['deltaherald-2026-10-05-korvath-flood']]));
    if (path === '/delta/') return send(200, 'text/html', '<!DOCTYPE html><html><head><title>Delta Herald</title><link rel="alternate" type="application/atom+xml" href="/feeds/delta.atom"></head><body><h1>Delta Herald</h1></body></html>');
    // The page the report test reads, announced by its own outlet's feed with a summary only.
    if (path === '/feeds/tribune.xml') {
      const item = '<item><title>Orlen Dam release: 9 dead in Lower Korvath flood</title><link>/fixtures/article.html</link><description>Residents say they heard no sirens before the spillway gates were opened on Sunday night.</description></item>';
      return send(200, 'application/rss+xml', `<rss version="2.0"><channel><title>Fixture Tribune</title>${item}</channel></rss>`);
    }
    if (path === '/feeds/tram.xml') return send(200, 'application/rss+xml', rss('Tram Weekly', [fixture['deltaherald-2026-10-07-ellsbrook-tram']]));
    // A feed with summaries only, whose first item's page is an article (the second's is gone).
    if (path === '/feeds/pages.xml') {
      const a = fixture['laketimes-2026-10-08-chess-title'];
      const first = a.text.split('\n\n')[0];
      const items = `<item><title>${esc(a.title)}</title><link>/pages/chess.html</link><description>${esc(first)}</description></item><item><title>Lakeshore regatta postponed</title><link>/pages/gone.html</link><description>The regatta was postponed by a week because of high water.</description></item>`;
      return send(200, 'application/rss+xml', `<rss version="2.0"><channel><title>Lakeshore Pages</title>${items}</channel></rss>`);
    }
    if (path === '/pages/chess.html') {
      const a = fixture['laketimes-2026-10-08-chess-title'];
      return send(200, 'text/html; charset=utf-8', `<!DOCTYPE html><html lang="en"><head><title>${esc(a.title)}</title></head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article><h1>${esc(a.title)}</h1>${paragraphs(a.text)}</article><footer>Subscribe to our newsletter.</footer></body></html>`);
    }
    // A feed whose articles are on another host (localhost, which the test build may not read).
    if (path === '/feeds/elsewhere.xml') {
      const a = fixture['deltaherald-2026-10-07-ellsbrook-tram'];
      const link = `http://localhost:${req.socket.localPort}/pages/tram.html`;
      return send(200, 'application/rss+xml', `<rss version="2.0"><channel><title>Elsewhere News</title><item><title>${esc(a.title)}</title><link>${link}</link><description>${esc(a.text.split('\n\n')[0])}</description></item></channel></rss>`);
    }
    if (path === '/pages/tram.html') {
      const a = fixture['deltaherald-2026-10-07-ellsbrook-tram'];
      return send(200, 'text/html; charset=utf-8', `<!DOCTYPE html><html lang="en"><head><title>${esc(a.title)}</title></head><body><article><h1>${esc(a.title)}</h1>${paragraphs(a.text)}</article></body></html>`);
    }
    if (path === '/feeds/broken.xml') return send(200, 'application/json', '{"items": ["not a feed"]}');
    if (path === '/fixtures/article.html') return send(200, 'text/html; charset=utf-8', readFileSync(join(FIXTURES, 'article.html')));
    send(404, 'text/plain', 'not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { state, url: (p) => `http://127.0.0.1:${port}${p}`, close: () => new Promise((r) => {
      server.close(r);
      // The browser keeps its connections open: close waits for them otherwise.
      server.closeAllConnections();
    }) };
}

/** The record stored at `url`, read from IndexedDB in an extension page. */
const recordAt = (page, url) =>
  page.evaluate(
    (u) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('parallax');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('articles').objectStore('articles').index('url').get(u);
          get.onsuccess = () => (open.result.close(), resolve(get.result ?? null));
          get.onerror = () => reject(get.error);
        };
      }),
    url,
  );

/** Where the record at `url` came from, and whether its text is a summary's length. */
const storedAt = async (page, url) => {
  const r = await recordAt(page, url);
  return r ? { origin: r.origin, short: r.text.length < 200 } : null;
};

/** Turns the "fetch each item's page" setting on or off through the settings form. */
async function setFetchPages(page, on) {
  await page.bringToFront();
  const box = await page.$('[data-testid=fetch-pages]');
  if ((await box.evaluate((el) => el.checked)) !== on) await box.click();
  await page.click('[data-testid=settings] button[type=submit]');
  await page.waitForFunction((v) => document.querySelector('[data-testid=settings] .ok') && document.querySelector('[data-testid=fetch-pages]').checked === v, { timeout: 10_000, polling: 100 }, on);
}

const feedRows = (page) =>
  page.$$eval('[data-testid=feed]', (els) => els.map((el) => ({ url: el.dataset.url, error: el.dataset.error === 'true', text: el.textContent })));

/** Waits until the feeds panel is idle and shows `n` feeds and an outcome other than `prev`. */
async function settled(page, n, prev) {
  await page.waitForFunction(
    (k, p) => {
      const out = document.querySelector('[data-testid=feed-result]');
      return document.querySelectorAll('[data-testid=feed]').length === k && !document.querySelector('[data-testid=feed-subscribe]')?.disabled && out && out.textContent !== p;
    },
    { timeout: 30_000, polling: 100 },
    n,
    prev,
  );
  return page.$eval('[data-testid=feed-result]', (el) => ({ ok: el.getAttribute('role') === 'status', text: el.textContent }));
}

async function subscribe(page, url, n) {
  // In front: a click in a background tab waits for a frame that never comes.
  await page.bringToFront();
  const prev = await page.$eval('[data-testid=feed-result]', (el) => el.textContent).catch(() => null);
  await page.$eval('[data-testid=feed-url]', (el) => (el.value = ''));
  await page.type('[data-testid=feed-url]', url);
  await page.click('[data-testid=feed-subscribe]');
  return settled(page, n, prev);
}

async function clickAndSettle(page, selector, n) {
  await page.bringToFront();
  const prev = await page.$eval('[data-testid=feed-result]', (el) => el.textContent).catch(() => null);
  await page.click(selector);
  return settled(page, n, prev);
}

/** An OPML file as feed readers export them: a category, a feed already subscribed, one that fails, one that is no web address. */
function opml(url) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>Exported subscriptions</title></head><body>
  <outline text="World">
    <outline type="rss" text="Lake Times" xmlUrl="${url('/feeds/lake.xml')}"/>
    <outline type="rss" text="Tram Weekly" xmlUrl="${url('/feeds/tram.xml')}"/>
  </outline>
  <outline type="rss" text="Delta Herald" xmlUrl="${url('/feeds/delta.atom')}"/>
  <outline type="rss" text="Broken &amp; gone" xmlUrl="${url('/feeds/broken.xml')}"/>
  <outline type="rss" text="Gopher" xmlUrl="gopher://old.example/feed"/>
</body></opml>`;
}

/**
 * `exportOpml(page, urls)`: where the browser's downloads can be read, checks the export.
 * `grantsPrompts`: the browser grants optional permissions without a prompt (Firefox, by a
 * pref); elsewhere a real prompt would wait for a person, so that step is left out.
 */
export async function runFeedsScenario({ browser, extUrl }, t, { exportOpml, grantsPrompts = false } = {}) {
  const server = await feedServer();
  const openOptions = async () => {
    const page = await openExtensionPage(browser, extUrl('options.html'));
    page.on('dialog', (d) => void d.accept());
    await page.waitForSelector('[data-testid=feeds]');
    return page;
  };
  try {
    let options = await openOptions();
    await corpusCount(options, 0);

    await t.test('feeds: subscribing fetches the feed and stores its articles', async () => {
      const r = await subscribe(options, server.url('/feeds/lake.xml'), 1);
      assert.ok(r.ok, r.text);
      assert.match(r.text, /Subscribed to Lake Times - World: 1 article added/);
      const [row] = await feedRows(options);
      assert.equal(row.url, server.url('/feeds/lake.xml'));
      assert.equal(row.error, false);
      assert.match(row.text, /1 article added/);
      await corpusCount(options, 1);
    });

    await t.test('feeds: a web page is not subscribed, but the feed it names is offered', async () => {
      const r = await subscribe(options, server.url('/delta/'), 1);
      assert.equal(r.ok, false, r.text);
      assert.match(r.text, /web page, not a feed/);
      const r2 = await clickAndSettle(options, '[data-testid=feed-link]', 2);
      assert.ok(r2.ok, r2.text);
      assert.match(r2.text, /Subscribed to Delta Herald: 1 article added/);
      await corpusCount(options, 2);
    });

    await t.test('feeds: what is not a feed gets a clear message, and nothing is subscribed or lost', async () => {
      const r = await subscribe(options, server.url('/feeds/broken.xml'), 2);
      assert.equal(r.ok, false, r.text);
      assert.match(r.text, /Not subscribed: This is not an RSS or Atom feed/);
      const r2 = await subscribe(options, server.url('/feeds/missing.xml'), 2);
      assert.match(r2.text, /Not subscribed: The feed answered 404/);
      await corpusCount(options, 2);
    });

    await t.test('feeds: fetching again adds only what is new, and asks only for what changed', async () => {
      server.state.lake = [fixture['korvathwire-2026-10-05-orlen-dam'], ...server.state.lake];
      let r = await clickAndSettle(options, '[data-testid=feeds-refresh]', 2);
      assert.equal(r.text, '1 new article.');
      const lake = (await feedRows(options)).find((f) => f.url.endsWith('/lake.xml'));
      assert.match(lake.text, /2 articles added · fetched .*, 1 new/);
      await corpusCount(options, 3);
      r = await clickAndSettle(options, '[data-testid=feeds-refresh]', 2);
      assert.equal(r.text, '0 new articles.');
      assert.equal(server.state.conditional, 1, 'the unchanged feed was asked for with its ETag and answered 304');
    });

    await t.test('feeds: a feed that fails says why, and keeps what it added', async () => {
      server.state.lakeStatus = 500;
      const r = await clickAndSettle(options, '[data-testid=feeds-refresh]', 2);
      assert.equal(r.ok, false, r.text);
      assert.equal(r.text, '0 new articles. A feed could not be fetched: see below.');
      const lake = (await feedRows(options)).find((f) => f.url.endsWith('/lake.xml'));
      assert.equal(lake.error, true, lake.text);
      assert.match(lake.text, /Last fetch failed .*: The feed answered 500/);
      await corpusCount(options, 3);
      server.state.lakeStatus = 200;
    });

    await t.test("feeds: the feeds' articles are the other sources of a report; the page read replaces its own summary", async () => {
      // Pages not fetched by the worker here, so the summary is what the reader's visit replaces.
      await setFetchPages(options, false);
      const articleUrl = server.url('/fixtures/article.html');
      const r = await subscribe(options, server.url('/feeds/tribune.xml'), 3);
      assert.ok(r.ok, r.text);
      await corpusCount(options, 4);
      assert.deepEqual(await storedAt(options, articleUrl), { origin: 'feed', short: true });
      const reader = await openTab(browser, articleUrl);
      const tabId = await tabIdOf(options, articleUrl);
      const { page, state } = await openReport(browser, extUrl, tabId);
      const d = await reportDetails(page);
      assert.equal(state, 'ready', d.text);
      for (const outlet of ['Lake Times', 'Delta Herald']) assert.ok(d.matches.some((m) => m.includes(outlet)), `${outlet} missing in ${JSON.stringify(d.matches)}`);
      assert.ok(!d.matches.some((m) => m.includes('Fixture Tribune')), `the page's own summary is no other source: ${JSON.stringify(d.matches)}`);
      // The feeds here give a summary of each article: the popup says so beside each match.
      assert.ok(d.matches.every((m) => m.includes("the feed's summary only")), JSON.stringify(d.matches));
      await page.close();
      await reader.close();
      assert.deepEqual(await storedAt(options, articleUrl), { origin: 'read', short: false });
    });

    await t.test('feeds: the list outlives the page, and unsubscribing keeps the articles', async () => {
      await options.close();
      options = await openOptions();
      await options.waitForFunction(() => document.querySelectorAll('[data-testid=feed]').length === 3, { timeout: 10_000, polling: 100 });
      const count = Number(await options.$eval('[data-testid=corpus-count]', (el) => el.textContent));
      const r = await clickAndSettle(options, '[data-testid=feed-remove]', 2);
      assert.match(r.text, /Unsubscribed from Lake Times - World/);
      await corpusCount(options, count);
    });

    await t.test("feeds: a feed reader's OPML file subscribes to its feeds in one go, and says which could not be", async () => {
      const dir = mkdtempSync(join(tmpdir(), 'parallax-opml-'));
      const file = join(dir, 'subscriptions.opml');
      writeFileSync(file, opml(server.url));
      try {
        const count = Number(await options.$eval('[data-testid=corpus-count]', (el) => el.textContent));
        await options.bringToFront();
        let prev = await options.$eval('[data-testid=feed-result]', (el) => el.textContent);
        await (await options.$('[data-testid=feeds-opml-file]')).uploadFile(file);
        let r = await settled(options, 2, prev);
        assert.equal(r.text, 'subscriptions.opml lists 3 new feeds (1 already subscribed, 1 skipped (not a web address, repeated, or past the first 500)).');
        r = await clickAndSettle(options, '[data-testid=feeds-opml-subscribe]', 4);
        assert.equal(r.ok, false, r.text);
        assert.match(r.text, /^Subscribed to 2 feeds from subscriptions\.opml: 1 article added\. One feed could not be subscribed to:.*broken\.xml: Not subscribed: This is not an RSS or Atom feed/);
        const urls = (await feedRows(options)).map((f) => f.url);
        for (const p of ['/feeds/lake.xml', '/feeds/tram.xml', '/feeds/delta.atom', '/feeds/tribune.xml']) assert.ok(urls.includes(server.url(p)), `${p} in ${urls}`);
        await corpusCount(options, count + 1);
        // The same file again: only the feed that failed is new.
        prev = r.text;
        await (await options.$('[data-testid=feeds-opml-file]')).uploadFile(file);
        r = await settled(options, 4, prev);
        assert.match(r.text, /^subscriptions\.opml lists 1 new feed \(3 already subscribed, 1 skipped/);
        if (exportOpml) await exportOpml(options, urls);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    await t.test("feeds: each new item's page is fetched from the feed's site and its article replaces the summary; a page that fails keeps it", async () => {
      await setFetchPages(options, true);
      const count = Number(await options.$eval('[data-testid=corpus-count]', (el) => el.textContent));
      const r = await subscribe(options, server.url('/feeds/pages.xml'), 5);
      assert.ok(r.ok, r.text);
      assert.match(r.text, /Subscribed to Lakeshore Pages: 2 articles added/);
      await corpusCount(options, count + 2);
      // The pages are fetched after the answer, behind it in the worker's queue.
      await until(async () => (await storedAt(options, server.url('/pages/chess.html')))?.short === false, 'the page replaced the summary', 30_000);
      assert.deepEqual(await storedAt(options, server.url('/pages/chess.html')), { origin: 'feed', short: false });
      assert.deepEqual(await storedAt(options, server.url('/pages/gone.html')), { origin: 'feed', short: true });
      // Neither waits any more: the page read, and the page gone (a 404 is not asked for again).
      const pending = () => options.evaluate(() => (globalThis.browser ?? chrome).storage.local.get('pendingPages').then((x) => x.pendingPages.pages.map((p) => p.url)));
      await until(async () => (await pending()).length === 0, 'the list of pages to read is empty', 10_000);
      // Readability's article, not the page's furniture, and the feed's outlet name.
      const stored = await recordAt(options, server.url('/pages/chess.html'));
      assert.equal(stored.source, 'Lakeshore Pages');
      assert.ok(!/newsletter|Home/.test(stored.text), stored.text);
      // Every paragraph of the page, where the feed gave the first.
      for (const p of fixture['laketimes-2026-10-08-chess-title'].text.split('\n\n')) assert.ok(stored.text.includes(p.slice(0, 60)), `"${p.slice(0, 60)}" in ${stored.text}`);
    });
    await t.test("feeds: articles on another site than the feed are offered to allow; allowed, their summaries get their pages", async () => {
      const r = await subscribe(options, server.url('/feeds/elsewhere.xml'), 6);
      assert.ok(r.ok, r.text);
      assert.match(r.text, /Its articles are on localhost, which Parallax may not read yet/);
      const port = new URL(server.url('/')).port;
      const pageUrl = `http://localhost:${port}/pages/tram.html`;
      assert.deepEqual(await storedAt(options, pageUrl), { origin: 'feed', short: true });
      if (!grantsPrompts) return;
      const origins = () => options.evaluate(() => browser.permissions.getAll().then((p) => p.origins));
      const r2 = await clickAndSettle(options, '[data-testid=feed-allow-pages]', 6);
      assert.equal(r2.text, 'Allowed localhost: 1 article page will be fetched, and new articles\' pages from now on.');
      await until(async () => (await storedAt(options, pageUrl))?.short === false, "the article's page replaced its summary", 30_000);
      assert.deepEqual(await storedAt(options, pageUrl), { origin: 'feed', short: false });
      assert.ok((await origins()).includes('http://localhost/*'));
      // The site goes with the feed.
      const r3 = await clickAndSettle(options, `[data-testid=feed][data-url="${server.url('/feeds/elsewhere.xml')}"] [data-testid=feed-remove]`, 5);
      assert.match(r3.text, /Unsubscribed from Elsewhere News/);
      assert.ok(!(await origins()).includes('http://localhost/*'), 'localhost was given back');
    });
    await options.close();
  } finally {
    await server.close();
  }
}
