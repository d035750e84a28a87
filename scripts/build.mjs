// Builds the extension for Chrome and Firefox from one source manifest, and the CLI.
//   node scripts/build.mjs          → build/chrome, build/firefox, build/cli
//   node scripts/build.mjs --test   → build/chrome-test, build/firefox-test (adds host access to
//                                     http://127.0.0.1/* and compiles in __TEST__ hooks)
//   node scripts/build.mjs --demo   → build/chrome-demo, build/firefox-demo (release code plus host
//                                     access to http://127.0.0.1/*, where `npm start` serves the demo)
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const test = process.argv.includes('--test');
const demo = process.argv.includes('--demo');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const GECKO_ID = 'parallax@parallax.example';

function manifestFor(browser) {
  const m = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  m.version = pkg.version;
  if (browser === 'chrome') {
    // Chrome's worker has no DOM: feed items' pages are read in an offscreen document
    // (background/article-pages.ts). No warning at install; Firefox has no such permission.
    m.permissions.push('offscreen');
  }
  if (browser === 'firefox') {
    // Firefox runs MV3 backgrounds as event pages: it needs background.scripts and a gecko id.
    m.background = { scripts: ['background.js'], type: 'module' };
    m.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  if (test || demo) {
    // Lets the browser tests and the demo analyse a served page without a click on the
    // toolbar button (which is what grants activeTab in a release build).
    m.host_permissions = ['http://127.0.0.1/*'];
    m.name += test ? ' (test build)' : ' (demo)';
  }
  return m;
}

async function bundleExtension(outdir, browser) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const common = {
    bundle: true,
    minify: !test,
    sourcemap: test ? 'inline' : false,
    target: browser === 'firefox' ? 'firefox128' : 'chrome120',
    define: { __TEST__: String(test), __BROWSER__: JSON.stringify(browser) },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: { background: 'src/background/index.ts' }, format: 'esm', outdir });
  await build({
    ...common,
    entryPoints: { content: 'src/content/index.ts', popup: 'src/popup/index.tsx', options: 'src/options/index.tsx', ...(browser === 'chrome' ? { offscreen: 'src/offscreen/index.ts' } : {}) },
    format: 'iife',
    outdir,
  });
  for (const f of ['popup.html', 'options.html', 'ui.css', ...(browser === 'chrome' ? ['offscreen.html'] : [])]) cpSync(join(root, 'src/ui', f), join(outdir, f));
  cpSync(join(root, 'icons'), join(outdir, 'icons'), { recursive: true });
  // The fictional demo corpus ships with the extension so a new user can try it at once.
  cpSync(join(root, 'demo/corpus.jsonl'), join(outdir, 'demo-corpus.jsonl'));
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');
}

async function bundleCli() {
  await build({
    entryPoints: { parallax: 'src/cli/parallax.ts' },
    outdir: join(root, 'build/cli'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // jsdom loads files of its own at run time; it stays a normal dependency.
    external: ['jsdom'],
    define: { __TEST__: 'false', __BROWSER__: '"node"' },
    logLevel: 'warning',
  });
}

process.chdir(root);
const suffix = test ? '-test' : demo ? '-demo' : '';
const started = Date.now();
await Promise.all([
  bundleExtension(join(root, `build/chrome${suffix}`), 'chrome'),
  bundleExtension(join(root, `build/firefox${suffix}`), 'firefox'),
  suffix ? Promise.resolve() : bundleCli(),
]);
console.log(`built extension (chrome${suffix}, firefox${suffix})${suffix ? '' : ' and cli'} in ${Date.now() - started} ms`);
