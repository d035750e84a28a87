import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { parseArticlesJsonl } from '../core/jsonl';
import type { Corpus } from '../platform/corpus';
import { ImportResult, storeArticles, type ImportOutcome } from './import-panel';

export interface Stats {
  count: number;
  usageBytes: number | null;
  quotaBytes: number | null;
  oldest: number | null;
}

function mb(bytes: number | null): string {
  return bytes === null ? 'unknown' : `${(bytes / 1e6).toFixed(1)} MB`;
}

export function CorpusPanel({ corpus, stats, onChanged }: { corpus: Corpus; stats: Stats | null; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [demo, setDemo] = useState<ImportOutcome | null>(null);

  async function exportJsonl() {
    setBusy('Exporting…');
    const parts: string[] = [];
    await corpus.forEach((r) => {
      const { id, title, text, source, url, published, lang, byline } = r;
      parts.push(JSON.stringify({ id, title, text, source, url, published, lang, byline }) + '\n');
    });
    const blob = new Blob(parts, { type: 'application/x-ndjson' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `parallax-corpus-${new Date().toISOString().slice(0, 10)}.jsonl`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    setBusy(null);
  }

  async function clear() {
    if (!confirm(`Remove all ${stats?.count ?? ''} articles from the corpus? This cannot be undone.`)) return;
    setBusy('Clearing…');
    await corpus.clear();
    setBusy(null);
    onChanged();
  }

  async function loadDemo() {
    setBusy('Loading the demo corpus…');
    const res = await fetch(browser.runtime.getURL('demo-corpus.jsonl'));
    const parsed = parseArticlesJsonl(await res.text(), 'demo-corpus.jsonl');
    const stored = await storeArticles(corpus, parsed.articles, 'demo', () => undefined);
    setDemo({ files: 1, read: parsed.articles.length, ...stored, errors: parsed.errors });
    setBusy(null);
    onChanged();
  }

  return (
    <div class="card">
      <h2>Your corpus</h2>
      <p>
        <strong data-testid="corpus-count">{stats ? stats.count : '…'}</strong> article{stats?.count === 1 ? '' : 's'} stored in this browser
        {stats && stats.oldest !== null && <span class="muted"> · oldest added {new Date(stats.oldest).toLocaleDateString()}</span>}
      </p>
      <p class="small muted" data-testid="storage-used">
        Storage used by Parallax: {mb(stats?.usageBytes ?? null)}
        {stats?.quotaBytes ? ` of ${mb(stats.quotaBytes)} available` : ''}
      </p>
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
      {busy && <p role="status">{busy}</p>}
      {demo && <ImportResult outcome={demo} />}
    </div>
  );
}
