// Feeds in and out as OPML, the file feed readers exchange subscriptions in. Importing takes
// two steps: choosing the file reads it and says what it holds; *Subscribe* then asks, in
// that click, for every site at once (one prompt), and subscribes feed by feed like the
// address field does (each only after one good fetch). Feeds already subscribed are left
// alone, so importing the same file again adds only what failed or was not reached.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../messages';
import { OpmlError, readOpml, writeOpml, type OpmlFeed } from '../core/feeds/opml';
import { originPattern, type FeedSubscription } from '../platform/feeds';
import { plural, releaseUnused, type Outcome } from './feeds-common';
import { errorText } from './import-panel';

export function downloadOpml(feeds: FeedSubscription[]): void {
  const blob = new Blob([writeOpml(feeds)], { type: 'text/x-opml' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `parallax-feeds-${new Date().toISOString().slice(0, 10)}.opml`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

interface Pending {
  file: string;
  feeds: OpmlFeed[];
  known: number;
  skipped: number;
}

export function OpmlImport(props: {
  feeds: FeedSubscription[];
  busy: boolean;
  setBusy: (text: string | null) => void;
  report: (o: Outcome | null) => void;
  onSubscribed: (feeds: FeedSubscription[]) => void;
  /** The corpus changed (once, at the end). */
  onChanged: () => void;
}) {
  const [pending, setPending] = useState<Pending | null>(null);

  async function onFile(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    props.report(null);
    if (!file) return;
    try {
      const read = readOpml(await file.text());
      const subscribed = new Set(props.feeds.map((f) => f.url));
      const fresh = read.feeds.filter((f) => !subscribed.has(f.url));
      const known = read.feeds.length - fresh.length;
      const notes = [known > 0 ? `${known} already subscribed` : '', read.skipped > 0 ? `${read.skipped} skipped (not a web address, repeated, or past the first 500)` : ''].filter(Boolean).join(', ');
      if (fresh.length === 0) {
        props.report({ ok: read.feeds.length > 0, message: `${file.name} lists no feed to add${notes ? ` (${notes})` : ''}.` });
        return;
      }
      setPending({ file: file.name, feeds: fresh, known, skipped: read.skipped });
      props.report({ ok: true, message: `${file.name} lists ${plural(fresh.length, 'new feed')}${notes ? ` (${notes})` : ''}.` });
    } catch (err) {
      props.report({ ok: false, message: err instanceof OpmlError ? `${file.name}: ${err.message}` : `${file.name} could not be read: ${errorText(err)}` });
    }
  }

  /** Asks for every site in the click itself (a browser grants only then), then subscribes one by one. */
  function subscribeAll(p: Pending) {
    const patterns = [...new Set(p.feeds.map((f) => originPattern(f.url)))];
    const asked = browser.permissions.request({ origins: patterns });
    setPending(null);
    props.report(null);
    props.setBusy(`Subscribing to ${plural(p.feeds.length, 'feed')}…`);
    void asked
      .then(async (granted) => {
        if (!granted) {
          props.report({ ok: false, message: `Parallax needs your permission to read the feeds' sites (${patterns.length}). Nothing was subscribed.` });
          return;
        }
        const failures: { url: string; message: string }[] = [];
        const allow: { url: string; sites: string[] }[] = [];
        let subscribed = 0;
        let articles = 0;
        let feeds = props.feeds;
        for (const [i, f] of p.feeds.entries()) {
          props.setBusy(`Subscribing to ${i + 1} of ${p.feeds.length}: ${f.title ?? f.url}…`);
          const r = await send('feeds:add', { url: f.url }).catch((e) => ({ ok: false as const, message: errorText(e), links: [] }));
          if (r.ok) {
            subscribed++;
            articles += r.feed.lastAdded;
            feeds = r.feeds;
            props.onSubscribed(feeds);
            if (r.pagesElsewhere.length > 0) allow.push({ url: f.url, sites: r.pagesElsewhere });
          } else {
            failures.push({ url: f.url, message: r.message });
          }
        }
        await releaseUnused(patterns, feeds);
        if (subscribed > 0) props.onChanged();
        const done = `Subscribed to ${plural(subscribed, 'feed')} from ${p.file}: ${plural(articles, 'article')} added.`;
        const also = allow.length > 0 ? { allow } : {};
        props.report(failures.length === 0 ? { ok: true, message: done, ...also } : { ok: false, message: `${done} ${failures.length === 1 ? 'One feed' : `${failures.length} feeds`} could not be subscribed to:`, failures, ...also });
      })
      .catch((e) => props.report({ ok: false, message: `The feeds could not be imported: ${errorText(e)}` }))
      .finally(() => props.setBusy(null));
  }

  return (
    <div class="row" data-testid="feeds-opml">
      <label>
        Import feeds from a feed reader (OPML):{' '}
        <input type="file" accept=".opml,.xml,text/x-opml,application/xml,text/xml" data-testid="feeds-opml-file" disabled={props.busy} onChange={(e) => void onFile(e)} />
      </label>
      {pending && (
        <>
          <button type="button" class="primary" disabled={props.busy} data-testid="feeds-opml-subscribe" onClick={() => subscribeAll(pending)}>
            Subscribe to {plural(pending.feeds.length, 'feed')}
          </button>
          <button type="button" disabled={props.busy} onClick={() => (setPending(null), props.report(null))}>
            Cancel
          </button>
          <details>
            <summary>The feeds</summary>
            <ul data-testid="feeds-opml-list">
              {pending.feeds.map((f) => (
                <li key={f.url}>
                  {f.title ? `${f.title}: ` : ''}
                  {f.url}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
      {props.feeds.length > 0 && (
        <button type="button" disabled={props.busy} data-testid="feeds-export" onClick={() => downloadOpml(props.feeds)}>
          Export feeds as OPML
        </button>
      )}
    </div>
  );
}
