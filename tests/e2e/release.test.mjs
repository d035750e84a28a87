// The release build, as users install it: no host access at all. A page is read only after
// a click on the toolbar button (activeTab); a report opened any other way says so.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, launchChromium, openExtensionPage } from './lib/browsers.mjs';
import { serve } from './lib/server.mjs';
import { FIXTURES, importFiles, openReport, openTab } from './lib/scenario.mjs';

test('release build in Chromium: no access to a page without a click on the button', { timeout: 120_000 }, async () => {
  const server = await serve({ '/fixtures/': FIXTURES });
  const chromium = await launchChromium(join(ROOT, 'build/chrome'), { waitForHooks: false });
  try {
    const manifest = await (await openExtensionPage(chromium.browser, chromium.extUrl('options.html'))).evaluate(() => chrome.runtime.getManifest());
    assert.deepEqual(manifest.host_permissions ?? [], []);
    // Chrome only: the offscreen document that reads feed items' pages (no install warning).
    assert.deepEqual(manifest.permissions, ['activeTab', 'scripting', 'storage', 'alarms', 'offscreen']);
    const options = await openExtensionPage(chromium.browser, chromium.extUrl('options.html'));
    await importFiles(options, [join(FIXTURES, 'corpus-small.jsonl')]);
    const url = server.url('/fixtures/article.html');
    const ids = () => options.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id));
    const before = await ids();
    // Without host access the extension is not told the tab's URL or title: the reader's
    // tab is the one that appears when the page opens.
    const reader = await openTab(chromium.browser, url);
    const hidden = await options.evaluate(async () => (await chrome.tabs.query({})).every((t) => !t.url || t.url.startsWith('chrome-extension:')));
    assert.ok(hidden, 'no page URL is visible to the release build');
    const [tabId] = (await ids()).filter((id) => !before.includes(id));
    assert.ok(tabId !== undefined, 'the reader tab');
    const { page, state } = await openReport(chromium.browser, chromium.extUrl, tabId);
    const text = await page.$eval('[data-testid=report]', (el) => el.textContent);
    assert.equal(state, 'not-article', text);
    assert.match(text, /no access|may not read/i);
    // Nothing was read from the page, so nothing was added to the corpus.
    assert.equal(await options.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'corpus:stats', payload: {} })).count), 5);
    await reader.close();
  } finally {
    await chromium.close();
    await server.close();
  }
});
