// What the feeds panel and its parts share: the outcome line, and giving sites back.
import browser from 'webextension-polyfill';
import { originPattern, type FeedSubscription } from '../platform/feeds';

/** `allow`: feeds whose articles are on sites Parallax may not read yet, offered to the reader. */
export type Outcome = { ok: boolean; message: string; links?: string[]; failures?: { url: string; message: string }[]; allow?: { url: string; sites: string[] }[] };

export const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Gives back the sites no subscribed feed needs (a permission the extension must hold is kept by the browser). */
export async function releaseUnused(patterns: Iterable<string>, feeds: FeedSubscription[]): Promise<void> {
  const used = new Set(feeds.flatMap((f) => [originPattern(f.url), ...f.pageSites]));
  const unused = [...new Set(patterns)].filter((p) => !used.has(p));
  if (unused.length > 0) await browser.permissions.remove({ origins: unused }).catch(() => undefined);
}

