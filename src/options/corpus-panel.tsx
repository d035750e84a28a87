import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { parseArticlesJsonl } from '../core/jsonl';
import type { Corpus } from '../platform/corpus';
import { Busy, ImportResult, errorText, overLimit, storeArticles, type ImportOutcome } from './import-panel';

export interface Stats {
  count: number;
  usageBytes: number | null;
  quotaBytes: number | null;
  oldest: number | null;
  /** Articles the worker has still to prepare for comparison (the facts backfill). */
  factsPending: number;
  /** Pairs the reader hid as not the same story (from the popup). */
  hidden: number;
  /** Pairs the reader joined as the same story. */
  joined: number;
}

function mb(bytes: number | null): string {
  return bytes === null ? 'unknown' : `${(bytes / 1e6).toFixed(1)} MB`;
}

export function CorpusPanel({ corpus, stats, onChanged }: { corpus: Corpus; stats: Stats | null; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [demo, setDemo] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Runs one action: its busy message while it runs, its error shown if it fails, the buttons back in any case. */
  async function run(label: string, failure: string, action: () => Promise<void>, changes: boolean) {
    setBusy(label);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(`${failure}: ${errorText(e)}`);
    } finally {
      setBusy(null);
      // Even a failed clear or demo load may have changed part of the corpus.
      if (changes) onChanged();
    }
  }

  const exportJsonl = () =>
    run(
      'Exporting…',
      'The export failed',
      async () => {
        const parts: string[] = [];
        await corpus.forEach((r) => {
          const { id, title, text, source, url, published, lang, byline, partial } = r;
          parts.push(JSON.stringify({ id, title, text, source, url, published, lang, byline, ...(partial ? { partial } : {}) }) + '\n');
        });
        const blob = new Blob(parts, { type: 'application/x-ndjson' });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = `parallax-corpus-${new Date().toISOString().slice(0, 10)}.jsonl`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      },
      false,
    );

  const clear = () => {
    if (!confirm(`Remove all ${stats?.count ?? ''} articles from the corpus? This cannot be undone.`)) return;
    return run('Clearing…', 'The corpus could not be cleared', () => corpus.clear(), true);
  };

  const unhideAll = () => run('Showing hidden matches again…', 'The hidden matches could not be shown again', () => corpus.clearHidden(), true);
  const unjoinAll = () => run('Forgetting joined articles…', 'The joined articles could not be forgotten', () => corpus.clearJoined(), true);

  const loadDemo = () =>
    run(
      'Loading the demo corpus…',
      'The demo corpus could not be loaded',
      async () => {
        setDemo(null);
        const res = await fetch(browser.runtime.getURL('demo-corpus.jsonl'));
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const parsed = parseArticlesJsonl(await res.text(), 'demo-corpus.jsonl');
        const stored = await storeArticles(corpus, parsed.articles, 'demo', (n) => setBusy(`Stored ${n} of ${parsed.articles.length} articles…`));
        const retention = stored.added > 0 ? await overLimit(corpus) : null;
        setDemo({ files: 1, read: parsed.articles.length, ...stored, errors: parsed.errors, retention });
      },
      true,
    );

  return (
    <div class="card">
      <h2>Your corpus</h2>
      <p>
        <strong data-testid="corpus-count">{stats ? stats.count : '…'}</strong> article{stats?.count === 1 ? '' : 's'} stored in this browser
        {stats && stats.oldest !== null && <span class="muted"> · oldest added {new Date(stats.oldest).toLocaleDateString()}</span>}
      </p>
      {/* Always one short line, so that the page does not shift under the pointer as it changes. */}
      <p
        class="small muted"
        data-testid="facts-pending"
        data-pending={stats?.factsPending ?? ''}
        title="Reports work meanwhile: they prepare the articles they compare themselves."
      >
        {!stats
          ? '…'
          : stats.factsPending > 0
            ? `Preparing ${stats.factsPending.toLocaleString()} article${stats.factsPending === 1 ? '' : 's'} for comparison in the background.`
            : 'Every article is ready for comparison.'}
      </p>
      <p class="small muted" data-testid="storage-used">
        Storage used by Parallax: {mb(stats?.usageBytes ?? null)}
        {stats?.quotaBytes ? ` of ${mb(stats.quotaBytes)} available` : ''}
      </p>
      {/* One line whatever the count, like the one above. */}
      <p class="small muted" data-testid="hidden-count" data-hidden={stats?.hidden ?? ''}>
        {!stats ? (
          '…'
        ) : stats.hidden === 0 ? (
          'No match is hidden. In a report, "Not this story" hides a match that is about another story.'
        ) : (
          <>
            {stats.hidden.toLocaleString()} match{stats.hidden === 1 ? '' : 'es'} hidden as not the same story.{' '}
            <button type="button" class="link" data-testid="unhide-all" onClick={unhideAll} disabled={busy !== null}>
              Show them again
            </button>
          </>
        )}
      </p>
      {stats && stats.joined > 0 && (
        <p class="small muted" data-testid="joined-count" data-joined={stats.joined}>
          {stats.joined.toLocaleString()} article{stats.joined === 1 ? '' : 's'} joined to a story by you ("Same story").{' '}
          <button type="button" class="link" data-testid="unjoin-all" onClick={unjoinAll} disabled={busy !== null}>
            Forget them
          </button>
        </p>
      )}
      <div class="row">
        <button type="button" onClick={exportJsonl} disabled={busy !== null || !stats?.count}>
          Export as JSONL
        </button>
        <button type="button" data-testid="load-demo" onClick={loadDemo} disabled={busy !== null}>
          Load the demo corpus
        </button>
        <button type="button" class="danger" data-testid="clear-corpus" onClick={clear} disabled={busy !== null || !stats?.count}>
          Clear the corpus
        </button>
      </div>
      <Busy text={busy} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {demo && <ImportResult outcome={demo} />}
    </div>
  );
}
