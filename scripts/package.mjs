// Writes the store zips from the release builds: build/parallax-chrome-<v>.zip and
// build/parallax-firefox-<v>.zip (web-ext build, which also checks the manifest).
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
for (const browser of ['chrome', 'firefox']) {
  const name = `parallax-${browser}-${version}.zip`;
  rmSync(`build/${name}`, { force: true });
  execFileSync('npx', ['web-ext', 'build', '-s', `build/${browser}`, '-a', 'build/.zip', '--overwrite-dest', '--filename', name, '--no-config-discovery'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  renameSync(`build/.zip/${name}`, `build/${name}`);
  console.log(`wrote build/${name}`);
}
rmSync('build/.zip', { recursive: true, force: true });
