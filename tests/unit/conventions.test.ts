// Project conventions that a reviewer would otherwise have to remember.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

const src = files('src');

describe('conventions', () => {
  it('page content is never rendered as HTML, and nothing is evaluated', () => {
    const bad = /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|new Function\(|\beval\(/;
    expect(src.filter((f) => bad.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('src/core is pure: no browser API, no platform code, no Node built-ins', () => {
    const core = src.filter((f) => f.startsWith(join('src', 'core')));
    const bad = /from ['"](webextension-polyfill|idb|node:[a-z]+|fs|path|jsdom)['"]|from ['"]\.\.\/(platform|background|popup|options|content|cli)|\b(chrome|browser)\.(runtime|tabs|storage)\b|\bindexedDB\b|\bdocument\./;
    expect(core.filter((f) => bad.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('only src/messages.ts sends runtime messages', () => {
    const senders = src.filter((f) => /runtime\.sendMessage|tabs\.sendMessage/.test(readFileSync(f, 'utf8')));
    expect(senders).toEqual([join('src', 'messages.ts')]);
  });

  it('the release manifest asks for no host access up front', () => {
    const m = JSON.parse(readFileSync('manifest.json', 'utf8'));
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.content_scripts ?? []).toEqual([]);
    // alarms: the feeds' refresh. Sites are asked for one by one, when the reader subscribes.
    expect(m.permissions).toEqual(['activeTab', 'scripting', 'storage', 'alarms']);
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(m.content_security_policy.extension_pages).toMatch(/script-src 'self';/);
  });

  it('the popup opens from the keyboard (which grants activeTab, like the click)', () => {
    const m = JSON.parse(readFileSync('manifest.json', 'utf8'));
    expect(m.commands._execute_action.suggested_key.default).toBe('Alt+Shift+D');
  });
});
