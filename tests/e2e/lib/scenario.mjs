// The end-to-end scenario shared by both browsers: import through the options page, read
// a served page, open its report, check what is listed. Every wait is for a condition.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, openExtensionPage, tabIdOf } from './browsers.mjs';

export const FIXTURES = join(ROOT, 'tests/fixtures');
const DAM_OUTLETS = ['Lake Times', 'Delta Herald', 'Korvath Wire'];

export async function importFiles(options, files) {
  // The last import's result is marked, and the wait is for a new one: two imports can end
  // with the same words (two that both found the disk full), which a text compare misses.
  await options.evaluate(() => document.querySelector('[data-testid=import-result]')?.setAttribute('data-stale', ''));
  const input = await options.waitForSelector('[data-testid=import-file]');
  await input.uploadFile(...files);
  await options.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=import-result]');
      return el && !el.hasAttribute('data-stale') && !document.querySelector('[data-testid=import-file]')?.disabled;
    },
    { timeout: 30_000, polling: 100 },
  );
  return options.$eval('[data-testid=import-result]', (el) => ({
    added: Number(el.dataset.added),
    duplicates: Number(el.dataset.duplicates),
    errors: Number(el.dataset.errors),
    text: el.textContent,
  }));
}

export async function corpusCount(options, expected) {
  try {
    await options.waitForFunction((n) => document.querySelector('[data-testid=corpus-count]')?.textContent === String(n), { timeout: 10_000, polling: 100 }, expected);
  } catch (e) {
    const shown = await options.$eval('[data-testid=corpus-count]', (el) => el.textContent).catch(() => 'nothing');
    throw new Error(`corpus count: expected ${expected}, the options page shows ${shown} (${e.message})`);
  }
}

/** Opens popup.html?tab=<id> and waits until the report has left the loading state. */
export async function openReport(browser, extUrl, tabId, extra = '') {
  const page = await openExtensionPage(browser, extUrl(`popup.html?tab=${tabId}${extra}`));
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid=report]')?.getAttribute('data-state');
    return s && s !== 'loading';
  }, { timeout: 30_000, polling: 100 });
  const state = await page.$eval('[data-testid=report]', (el) => el.getAttribute('data-state'));
  return { page, state };
}

export async function reportDetails(page) {
  return page.evaluate(() => ({
    matches: [...document.querySelectorAll('[data-testid=match]')].map((m) => m.textContent),
    kinds: [...document.querySelectorAll('[data-testid=difference]')].map((d) => d.getAttribute('data-kind')),
    text: document.querySelector('[data-testid=report]')?.textContent ?? '',
  }));
}

export async function openTab(browser, url) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Runs the whole scenario; `hooks.afterImport` lets a browser add its own checks. */
export async function runScenario({ browser, extUrl }, server, t, hooks = {}) {
  const openOptions = async () => {
    const page = await openExtensionPage(browser, extUrl('options.html'));
    page.on('dialog', (d) => void d.accept());
    return page;
  };
  let options = await openOptions();
  await corpusCount(options, 0);

  await t.test('the keyboard shortcut is registered with the browser (one that clashes is left without a key)', async () => {
    const commands = await options.evaluate(() => (globalThis.browser ?? globalThis.chrome).commands.getAll());
    assert.deepEqual(commands.map((c) => [c.name, c.shortcut]), [['_execute_action', 'Alt+Shift+D']]);
  });

  // An empty corpus says so, and points to the options page.
  const articleUrl = server.url('/fixtures/article.html');
  const reader = await openTab(browser, articleUrl);
  const tabId = await tabIdOf(options, articleUrl);
  {
    const { page, state } = await openReport(browser, extUrl, tabId);
    assert.equal(state, 'empty-corpus');
    await page.close();
  }
  // Reading that page kept it in the corpus (the default setting). The page is opened anew:
  // Firefox never reports a reload of a moz-extension:// page as finished.
  await options.close();
  options = await openOptions();
  await corpusCount(options, 1);

  await t.test('import: several files, bad lines reported by file and line, good lines kept', async () => {
    const r = await importFiles(options, [join(FIXTURES, 'corpus-small.jsonl'), join(FIXTURES, 'broken.jsonl')]);
    assert.equal(r.added, 7, r.text);
    assert.equal(r.errors, 2, r.text);
    assert.match(r.text, /broken\.jsonl:2: not valid JSON/);
    assert.match(r.text, /broken\.jsonl:4: missing "text"/);
    await corpusCount(options, 8);
  });

  await t.test('import: the same file twice adds nothing twice', async () => {
    const r = await importFiles(options, [join(FIXTURES, 'corpus-small.jsonl')]);
    assert.equal(r.added, 0, r.text);
    assert.equal(r.duplicates, 5, r.text);
    await corpusCount(options, 8);
  });

  await t.test('report: the other sources about the same story are listed, with their differences', async () => {
    const { page, state } = await openReport(browser, extUrl, tabId, '&refresh=1');
    const d = await reportDetails(page);
    assert.equal(state, 'ready', d.text);
    for (const outlet of DAM_OUTLETS) assert.ok(d.matches.some((m) => m.includes(outlet)), `${outlet} missing in ${JSON.stringify(d.matches)}`);
    assert.equal(d.matches.length, 3, `only the dam story: ${JSON.stringify(d.matches)}`);
    assert.ok(d.kinds.includes('numbers'), `a numbers difference: ${JSON.stringify(d.kinds)}`);
    await page.close();
  });

  await t.test('hide a match: "Not this story" takes it and its differences out, until shown again', async () => {
    const shown = async (page) =>
      page.evaluate(() => ({
        matches: [...document.querySelectorAll('[data-testid=match]')].map((m) => m.dataset.id),
        hidden: [...document.querySelectorAll('[data-testid=hidden-match]')].map((m) => m.dataset.id),
        differences: [...document.querySelectorAll('[data-testid=difference]')].map((d) => d.textContent).join('\n'),
      }));
    const settled = (page, n) =>
      page.waitForFunction(
        (k) => document.querySelector('[data-testid=report]')?.getAttribute('data-state') === 'ready' && document.querySelectorAll('[data-testid=match]').length === k && !document.querySelector('[data-testid=hide-match]:disabled'),
        { timeout: 30_000, polling: 100 },
        n,
      );
    let { page, state } = await openReport(browser, extUrl, tabId);
    assert.equal(state, 'ready');
    const before = await shown(page);
    assert.equal(before.matches.length, 3);
    assert.deepEqual(before.hidden, []);
    const victim = before.matches[0];
    const outlet = await page.$eval('[data-testid=match] .outlet', (el) => el.textContent);
    await page.click('[data-testid=hide-match]');
    await settled(page, 2);
    let now = await shown(page);
    assert.ok(!now.matches.includes(victim), JSON.stringify(now));
    assert.deepEqual(now.hidden, [victim]);
    assert.ok(!now.differences.includes(outlet), `no difference cites ${outlet}: ${now.differences}`);
    await page.close();

    // A report computed anew (not the cached one) leaves it out too; "Show again" brings it back.
    ({ page } = await openReport(browser, extUrl, tabId, '&refresh=1'));
    now = await shown(page);
    assert.deepEqual([now.matches.length, now.hidden], [2, [victim]]);
    await page.evaluate(() => (document.querySelector('[data-testid=hidden-matches]').open = true));
    await page.click('[data-testid=unhide-match]');
    await settled(page, 3);
    now = await shown(page);
    assert.deepEqual([now.matches.includes(victim), now.hidden], [true, []]);

    // Hidden again, the options page counts it and shows every hidden match again.
    await page.click('[data-testid=hide-match]');
    await settled(page, 2);
    await page.close();
    const opts = await openOptions();
    await opts.waitForSelector('[data-testid=hidden-count][data-hidden="1"]', { timeout: 10_000 });
    await opts.click('[data-testid=unhide-all]');
    await opts.waitForSelector('[data-testid=hidden-count][data-hidden="0"]', { timeout: 10_000 });
    await opts.close();
    ({ page } = await openReport(browser, extUrl, tabId));
    now = await shown(page);
    assert.deepEqual([now.matches.length, now.hidden], [3, []]);
    await page.close();
  });

  await t.test('show in page: the evidence sentence is highlighted in the page, its DOM unchanged', async () => {
    const before = await reader.evaluate(() => document.body.innerHTML);
    const { page } = await openReport(browser, extUrl, tabId);
    await page.evaluate(() => document.querySelectorAll('details').forEach((el) => (el.open = true)));
    const sentence = await page.$eval('[data-testid=show-in-page]', (b) => b.parentElement.textContent);
    await page.click('[data-testid=show-in-page]');
    await reader.waitForFunction(() => (globalThis.CSS?.highlights?.get('parallax')?.size ?? 0) > 0 || getSelection().toString().length > 0, {
      timeout: 30_000,
      polling: 100,
    });
    const marked = await reader.evaluate(() => {
      const h = globalThis.CSS?.highlights?.get('parallax');
      return h ? [...h][0].toString() : getSelection().toString();
    });
    assert.ok(marked.length > 10 && sentence.replace(/\s+/g, ' ').includes(marked.replace(/\s+/g, ' ').slice(0, 40)), `${marked} in ${sentence}`);
    assert.equal(await reader.evaluate(() => document.body.innerHTML), before);
    await page.close();
  });

  if (hooks.afterImport) await hooks.afterImport({ options, tabId, articleUrl });

  await t.test('report: a page that is not an article says so', async () => {
    const url = server.url('/fixtures/not-article.html');
    await openTab(browser, url);
    const id = await tabIdOf(options, url);
    const { page, state } = await openReport(browser, extUrl, id);
    assert.equal(state, 'not-article');
    await page.close();
  });

  await t.test('report: an article nobody else covers has no other coverage', async () => {
    const url = server.url('/demo/unrelated.html');
    await openTab(browser, url);
    const id = await tabIdOf(options, url);
    const { page, state } = await openReport(browser, extUrl, id);
    assert.equal(state, 'no-matches', (await reportDetails(page)).text);
    await page.close();
  });

  await t.test('report: an article in another language is matched on its names, listed and not compared', async () => {
    const url = server.url('/fixtures/article-fr.html');
    await openTab(browser, url);
    const id = await tabIdOf(options, url);
    const { page, state } = await openReport(browser, extUrl, id);
    const d = await reportDetails(page);
    assert.equal(state, 'ready', d.text);
    // The French report of the dam spill shares its names (Hesk, Korvath, Tavel Hydro) with the English ones.
    for (const outlet of DAM_OUTLETS) assert.ok(d.matches.some((m) => m.includes(outlet)), `${outlet} missing in ${JSON.stringify(d.matches)}`);
    assert.match(await page.$eval('[data-testid=language-notice]', (el) => el.textContent), /^This article is in French\. Parallax compares English texts only/);
    assert.deepEqual(d.kinds, [], 'no differences: read with English rules, a French text would give false ones');
    await page.close();
  });

  await t.test('clear: clearing empties the corpus', async () => {
    await options.bringToFront();
    await options.click('[data-testid=clear-corpus]');
    await corpusCount(options, 0);
    const { page, state } = await openReport(browser, extUrl, tabId, '&refresh=1');
    assert.equal(state, 'empty-corpus');
    await page.close();
  });

  await reader.close();
  return { options };
}
