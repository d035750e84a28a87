// Launching real Chromium and Firefox with the built test extension (puppeteer-core).
// A missing browser is a failure, not a skip: a missing install step must not hide.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const GECKO_ID = 'parallax@parallax.example';
export const FIREFOX_UUID = '6d1f6a0e-3c2b-4b8a-9f6e-5a4c3b2a1f00';

export function requireBinary(path) {
  if (!existsSync(path)) throw new Error(`${path} is missing: install it (apt-get install ${path.includes('firefox') ? 'firefox-esr' : 'chromium'}) — .ci/run does`);
  return path;
}

export function requireBuild(dir) {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run npm run build:test`);
  return dir;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(extDir = join(ROOT, 'build/chrome-test'), { waitForHooks = true } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'parallax-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: requireBinary('/usr/bin/chromium'),
    headless: true,
    pipe: true,
    userDataDir,
    enableExtensions: [requireBuild(extDir)],
    args: CHROMIUM_ARGS,
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const extId = new URL(target.url()).host;
  return {
    browser,
    extId,
    extUrl: (p) => `chrome-extension://${extId}/${p}`,
    /** The worker of the moment (it changes after a stop), once its script has run. */
    async worker() {
      const isOurs = (x) => x.type() === 'service_worker' && x.url().startsWith(`chrome-extension://${extId}/`);
      const first = await browser.waitForTarget(isOurs);
      if (!waitForHooks) return first.worker();
      // Right after start an evaluate can run before the worker's script has (even
      // setTimeout may be missing): ask again from here until the script's flag is set. Right
      // after a stop, the stopped worker's target can still be listed beside the new one's:
      // every round asks each listed target, newest first.
      for (let i = 0; i < 400; i++) {
        for (const t of browser.targets().filter(isOurs).reverse()) {
          const w = await t.worker().catch(() => null);
          if (w && (await w.evaluate(() => !!globalThis.__parallax?.ready).catch(() => false))) return w;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the extension worker did not start');
    },
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function launchFirefox(extDir = join(ROOT, 'build/firefox-test')) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBinary('/usr/bin/firefox-esr'),
    headless: true,
    // Needed to navigate to moz-extension:// pages over WebDriver BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'extensions.openPopupWithoutUserGesture.enabled': true,
      // Optional permissions asked for in a click are granted without the prompt a person
      // would answer, so the tests can follow what happens after "Allow".
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(requireBuild(extDir));
  return {
    browser,
    extUrl: (p) => `moz-extension://${FIREFOX_UUID}/${p}`,
    async close() {
      await browser.close();
    },
  };
}

/**
 * Opens an extension page. In Firefox over BiDi the navigation to moz-extension:// is never
 * reported as finished, so the goto is not awaited; callers wait for a selector instead.
 */
export async function openExtensionPage(browser, url) {
  const page = await browser.newPage();
  page.goto(url, { timeout: 0 }).catch(() => {});
  // The wait may begin in the about:blank document; when the navigation replaces it, the
  // wait fails ("Waiting failed") instead of timing out. Wait again, within one deadline.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await page.waitForFunction(() => document.readyState === 'complete' && !!document.getElementById('root')?.firstChild, {
        timeout: Math.max(1, deadline - Date.now()),
        polling: 100,
      });
      return page;
    } catch (e) {
      if (e?.name === 'TimeoutError' || Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The tab id of the tab showing `url`, asked from an extension page. */
export async function tabIdOf(extPage, url) {
  return extPage.evaluate(async (u) => {
    const api = globalThis.browser ?? globalThis.chrome;
    for (let i = 0; i < 100; i++) {
      const tabs = await api.tabs.query({});
      const t = tabs.find((x) => x.url === u);
      if (t) return t.id;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no tab shows ${u}`);
  }, url);
}
