// The built extension in real Firefox (ESR, over WebDriver BiDi): the shared scenario.
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, launchFirefox } from './lib/browsers.mjs';
import { serve } from './lib/server.mjs';
import { runScenario, FIXTURES } from './lib/scenario.mjs';
import { runFeedsScenario } from './lib/feeds-scenario.mjs';

test('Parallax in Firefox', { timeout: 180_000 }, async (t) => {
  const server = await serve({ '/fixtures/': FIXTURES, '/demo/': join(ROOT, 'demo/pages') });
  const firefox = await launchFirefox();
  try {
    await runScenario(firefox, server, t);
  } finally {
    await firefox.close();
    await server.close();
  }
});

test('Feeds in Firefox', { timeout: 180_000 }, async (t) => {
  const b = await launchFirefox();
  try {
    await runFeedsScenario(b, t, { grantsPrompts: true });
  } finally {
    await b.close();
  }
});
