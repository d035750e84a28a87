// `npm start`: serves the demo pages on 127.0.0.1, launches a browser with Parallax and the
// demo corpus loaded, and opens the report for a demo article.
//   npm start                      Chromium if installed, else Firefox
//   npm start -- --browser firefox
//   npm start -- --headless        no window: prints the report and saves a screenshot
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from '../tests/e2e/lib/server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find(existsSync);
const which = opt('browser') ?? (CHROMIUM ? 'chromium' : 'firefox');
const headless = args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const GECKO_ID = 'parallax@parallax.example';
const UUID = '1e0c7d1a-5b0f-4c1e-9a57-7b7c0f5d2a10';

if (which === 'chromium' && !CHROMIUM) fail('No Chromium found. Install it (Debian: apt-get install chromium), or use --browser firefox.');
if (which === 'firefox' && !FIREFOX) fail('No Firefox found. Install it (Debian: apt-get install firefox-esr).');

function fail(msg) {
  console.error(`parallax start: ${msg}`);
  process.exit(1);
}

const server = await serve({ '/': join(ROOT, 'demo/pages') });
const articleUrl = server.url('/brinmoor-factory-fire.html');
console.log(`Demo pages on ${server.origin}/ (front page), reading ${articleUrl}`);

let browser;
let extUrl;
if (which === 'chromium') {
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless,
    pipe: true,
    defaultViewport: null,
    userDataDir: mkdtempSync(join(tmpdir(), 'parallax-demo-')),
    enableExtensions: [join(ROOT, 'build/chrome-demo')],
    args: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const id = new URL(sw.url()).host;
  extUrl = (p) => `chrome-extension://${id}/${p}`;
} else {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless,
    defaultViewport: null,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  await browser.installExtension(join(ROOT, 'build/firefox-demo'));
  extUrl = (p) => `moz-extension://${UUID}/${p}`;
}

async function extPage(url) {
  const page = await browser.newPage();
  page.goto(url, { timeout: 0 }).catch(() => {}); // Firefox never reports moz-extension loads as done
  await page.waitForFunction(() => !!document.getElementById('root')?.firstChild, { timeout: 30_000, polling: 100 });
  return page;
}

const options = await extPage(extUrl('options.html'));
await options.waitForSelector('[data-testid=load-demo]');
await options.click('[data-testid=load-demo]');
await options.waitForSelector('[data-testid=import-result]', { timeout: 60_000 });
const loaded = await options.$eval('[data-testid=import-result]', (el) => el.textContent);
console.log(`Demo corpus: ${loaded.trim()}`);

const reader = await browser.newPage();
await reader.goto(articleUrl);
const tabId = await options.evaluate(async (u) => {
  const api = globalThis.browser ?? globalThis.chrome;
  return (await api.tabs.query({})).find((t) => t.url === u)?.id;
}, articleUrl);
const report = await extPage(extUrl(`popup.html?tab=${tabId}`));
await report.waitForSelector('[data-testid=report]:not([data-state=loading])', { timeout: 60_000 });
const summary = await report.evaluate(() => ({
  state: document.querySelector('[data-testid=report]').dataset.state,
  matches: [...document.querySelectorAll('[data-testid=match] .outlet')].map((e) => e.textContent),
  differences: [...document.querySelectorAll('[data-testid=difference] .summary')].map((e) => e.textContent),
}));
console.log(`\nReport for the demo article: ${summary.state}`);
console.log(`Other sources: ${summary.matches.join(', ')}`);
for (const d of summary.differences) console.log(`  - ${d}`);

if (headless) {
  const shot = join(ROOT, 'build/demo-report.png');
  await report.screenshot({ path: shot, fullPage: true });
  console.log(`\nNo display: ran headless. Screenshot of the report: ${shot}`);
  await browser.close();
  await server.close();
} else {
  await options.close();
  await reader.bringToFront();
  await report.bringToFront();
  console.log('\nParallax is running. The report is open in a tab; click the Parallax toolbar button on any demo page.');
  console.log('Close the browser (or press Ctrl-C) to stop.');
  browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
  process.on('SIGINT', () => void browser.close());
}
