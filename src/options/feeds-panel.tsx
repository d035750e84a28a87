// Feeds: subscribe, see how each is doing, refresh, unsubscribe. The worker fetches and
// stores (background/feeds.ts); this page asks the reader's permission to read each feed's
// site, which only a click can do, and only for that site.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../messages';
import { originPattern, type FeedSubscription } from '../platform/feeds';
import { watchPending } from '../platform/pending-pages';
import { loadSettings } from '../platform/settings';
import type { PendingPage } from '../core/feeds/page-queue';
import { AllowPages } from './feeds-allow-pages';
import { plural, releaseUnused, type Outcome } from './feeds-common';
import { OpmlImport } from './feeds-opml';
import { errorText } from './import-panel';

function when(t: number | null): string {
  return t === null ? 'never' : new Date(t).toLocaleString();
}

/** The feed's last fetch, and its items' pages still to read (`pending`: the feed's entries of that list). */
export function feedStatus(f: FeedSubscription, pending: readonly PendingPage[] = []): string {
  const status = f.error ? `Last fetch failed (${when(f.checkedAt)}): ${f.error}` : `${plural(f.added, 'article')} added · fetched ${when(f.checkedAt)}${f.lastAdded > 0 ? `, ${f.lastAdded} new` : ''}`;
  if (pending.length === 0) return status;
  // A page that did not answer is asked again later: say when, so a long wait is not a mystery.
  const retries = pending.filter((p) => p.attempts > 0);
  const next = retries.length > 0 ? `; ${retries.length === pending.length ? '' : `${retries.length} of them `}not served yet, next try ${new Date(Math.min(...retries.map((p) => p.nextAt))).toLocaleTimeString()}` : '';
  return `${status} · ${plural(pending.length, 'article page')} to read${next}`;
}

export function FeedsPanel({ onChanged }: { onChanged: () => void }) {
  const [minutes, setMinutes] = useState<number | null>(null);
  const [feeds, setFeeds] = useState<FeedSubscription[] | null>(null);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<PendingPage[]>([]);

  useEffect(() => {
    send('feeds:list', {}).then(setFeeds, (e) => setOutcome({ ok: false, message: `The feeds could not be listed: ${errorText(e)}` }));
    loadSettings().then((s) => setMinutes(s.feedRefreshMinutes), () => undefined);
    // The worker reads item pages in the background: the counts follow it.
    return watchPending(setPending);
  }, []);

  /**
   * Subscribes to `url`. The permission is asked first and synchronously in the click: a
   * browser grants a request only while handling the reader's gesture.
   */
  function subscribe(url: string) {
    let pattern: string;
    try {
      pattern = originPattern(url);
      if (!/^https?:/.test(pattern)) throw new Error('not http');
    } catch {
      setOutcome({ ok: false, message: `"${url}" is not a web address (http:// or https://).` });
      return;
    }
    const asked = browser.permissions.request({ origins: [pattern] });
    setBusy('Fetching the feed…');
    setOutcome(null);
    void asked
      .then(async (granted) => {
        if (!granted) {
          setOutcome({ ok: false, message: `Parallax needs your permission to read ${new URL(url).host} to fetch this feed. Nothing was subscribed.` });
          return;
        }
        const r = await send('feeds:add', { url });
        if (!r.ok) {
          setOutcome({ ok: false, message: r.message, links: r.links });
          // Not subscribed: the site is given back unless another feed needs it, or the
          // page offers feeds to choose from (kept, or choosing one would ask again).
          if (r.links.length === 0) await releaseUnused([pattern], await send('feeds:list', {}));
          return;
        }
        setFeeds(r.feeds);
        setAddress('');
        const allow = r.pagesElsewhere.length > 0 ? { allow: [{ url: r.feed.url, sites: r.pagesElsewhere }] } : {};
        setOutcome({ ok: true, message: `Subscribed to ${r.feed.title ?? r.feed.url}: ${r.feed.lastAdded} article${r.feed.lastAdded === 1 ? '' : 's'} added.`, ...allow });
        onChanged();
      })
      .catch((e) => setOutcome({ ok: false, message: `The feed could not be added: ${errorText(e)}` }))
      .finally(() => setBusy(null));
  }

  async function refresh(url?: string) {
    setBusy(url ? 'Fetching the feed…' : 'Fetching the feeds…');
    setOutcome(null);
    try {
      const r = await send('feeds:refresh', url ? { url } : {});
      setFeeds(r.feeds);
      const failed = r.feeds.filter((f) => f.error && (!url || f.url === url)).length;
      const added = `${r.added} new article${r.added === 1 ? '' : 's'}.`;
      setOutcome(failed ? { ok: false, message: `${added} ${failed === 1 ? 'A feed' : `${failed} feeds`} could not be fetched: see below.` } : { ok: true, message: added });
      if (r.added > 0) onChanged();
    } catch (e) {
      setOutcome({ ok: false, message: `The refresh failed: ${errorText(e)}` });
    } finally {
      setBusy(null);
    }
  }

  async function remove(f: FeedSubscription) {
    setOutcome(null);
    try {
      const next = await send('feeds:remove', { url: f.url });
      setFeeds(next);
      // The sites' permissions go too, unless another feed still needs them.
      await releaseUnused([originPattern(f.url), ...f.pageSites], next);
      setOutcome({ ok: true, message: `Unsubscribed from ${f.title ?? f.url}. Its articles stay in the corpus until retention removes them.` });
    } catch (e) {
      setOutcome({ ok: false, message: `The feed could not be removed: ${errorText(e)}` });
    }
  }

  return (
    <section class="card" data-testid="feeds">
      <h2>Feeds</h2>
      <p class="muted">
        Subscribe to the RSS or Atom feeds of the outlets you follow: Parallax fetches them {minutes ? `every ${minutes} minutes` : 'regularly'} and adds their
        articles to your corpus. Most feeds give a summary of each article: Parallax then reads the article's page from the feed's site (unless
        you turn it off in the settings), and an article you read replaces its summary too. It asks to read each feed's site, and fetches nothing
        else.
      </p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          subscribe(address.trim());
        }}
      >
        <input type="url" required placeholder="https://example.com/rss.xml" value={address} data-testid="feed-url" aria-label="Feed address" onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="primary" disabled={busy !== null} data-testid="feed-subscribe">
          Subscribe
        </button>
      </form>
      {busy && <p role="status">{busy}</p>}
      {outcome && (
        <div role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'ok' : 'error'} data-testid="feed-result">
          {outcome.message}
          {outcome.links && outcome.links.length > 0 && (
            <ul>
              {outcome.links.map((l) => (
                <li key={l}>
                  <button type="button" disabled={busy !== null} data-testid="feed-link" onClick={() => subscribe(l)}>
                    Subscribe to {l}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {outcome.allow && <AllowPages allow={outcome.allow} busy={busy !== null} setBusy={setBusy} report={setOutcome} onFeeds={setFeeds} />}
          {outcome.failures && (
            <ul data-testid="feed-failures">
              {outcome.failures.map((x) => (
                <li key={x.url}>
                  {x.url}: {x.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {feeds && <OpmlImport feeds={feeds} busy={busy !== null} setBusy={setBusy} report={setOutcome} onSubscribed={setFeeds} onChanged={onChanged} />}
      {feeds && feeds.length > 0 && (
        <>
          <ul class="feeds">
            {feeds.map((f) => (
              <li key={f.url} data-testid="feed" data-url={f.url} data-error={f.error ? 'true' : 'false'}>
                <strong>{f.title ?? f.url}</strong>{' '}
                <a href={f.url} target="_blank" rel="noopener noreferrer" class="muted">
                  {f.url}
                </a>
                <div class={f.error ? 'error' : 'muted'} data-testid="feed-status">
                  {feedStatus(
                    f,
                    pending.filter((p) => p.feed === f.url),
                  )}
                </div>
                <div class="row">
                  <button type="button" disabled={busy !== null} onClick={() => void refresh(f.url)} data-testid="feed-refresh">
                    Fetch now
                  </button>
                  <button type="button" disabled={busy !== null} onClick={() => void remove(f)} data-testid="feed-remove">
                    Unsubscribe
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <button type="button" disabled={busy !== null} onClick={() => void refresh()} data-testid="feeds-refresh">
            Fetch all now
          </button>
        </>
      )}
      {feeds && feeds.length === 0 && <p class="muted">No feeds yet.</p>}
    </section>
  );
}
