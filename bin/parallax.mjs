#!/usr/bin/env node
// The CLI is bundled by `npm run build` into build/cli/parallax.mjs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../build/cli/parallax.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('parallax: build/cli/parallax.mjs is missing. Run `npm run build` first.\n');
  process.exit(2);
}
await import(bundle);
