import { useState } from 'preact/hooks';
import type { LineError } from '../core/jsonl';
import type { Corpus, Origin } from '../platform/corpus';
import { readFiles } from './read-files';
import type { Article } from '../core/types';

/** Articles are stored in batches; each batch is one transaction, so a stop mid-import loses no stored batch. */
const BATCH = 200;

export interface ImportOutcome {
  files: number;
  read: number;
  added: number;
  duplicates: number;
  errors: LineError[];
  fatal: string | null;
}

export async function storeArticles(
  corpus: Corpus,
  articles: Article[],
  origin: Origin,
  onProgress: (done: number) => void,
): Promise<{ added: number; duplicates: number; fatal: string | null }> {
  let added = 0;
  let duplicates = 0;
  for (let i = 0; i < articles.length; i += BATCH) {
    try {
      const r = await corpus.add(articles.slice(i, i + BATCH), origin);
      added += r.added;
      duplicates += r.duplicates;
    } catch (e) {
      // Batches already stored stay stored; the rest of the import stops with the reason.
      return { added, duplicates, fatal: `${String((e as Error)?.message ?? e)} (stopped after ${i} of ${articles.length} articles)` };
    }
    onProgress(Math.min(articles.length, i + BATCH));
  }
  return { added, duplicates, fatal: null };
}

export function ImportPanel({ corpus, onChanged }: { corpus: Corpus; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  async function onFiles(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    if (files.length === 0) return;
    setOutcome(null);
    setBusy(`Reading ${files.length} file${files.length === 1 ? '' : 's'}…`);
    const read = await readFiles(files);
    setBusy(`Storing ${read.articles.length} articles…`);
    const stored = await storeArticles(corpus, read.articles, 'import', (n) => setBusy(`Storing… ${n} of ${read.articles.length}`));
    setOutcome({ files: read.files, read: read.articles.length, ...stored, errors: read.errors });
    setBusy(null);
    input.value = '';
    onChanged();
  }

  return (
    <div class="card">
      <h2>Import articles</h2>
      <p class="small muted">
        JSONL files (one article per line: <code>{'{"title", "text", "source", "url", "published"}'}</code>) and saved web pages (.html). Several files at
        once. Articles already in the corpus are skipped.
      </p>
      <input type="file" data-testid="import-file" multiple accept=".jsonl,.ndjson,.json,.html,.htm" onChange={onFiles} disabled={busy !== null} />
      {busy && (
        <p role="status">
          <span class="spinner" aria-hidden="true" />
          {busy}
        </p>
      )}
      {outcome && <ImportResult outcome={outcome} />}
    </div>
  );
}

export function ImportResult({ outcome: o }: { outcome: ImportOutcome }) {
  return (
    <div data-testid="import-result" data-added={o.added} data-duplicates={o.duplicates} data-errors={o.errors.length} role="status">
      <p class={o.fatal ? '' : 'ok'}>
        Added {o.added} article{o.added === 1 ? '' : 's'} from {o.files} file{o.files === 1 ? '' : 's'}
        {o.duplicates > 0 && `; ${o.duplicates} already in the corpus`}
        {o.errors.length > 0 && `; ${o.errors.length} problem${o.errors.length === 1 ? '' : 's'}`}.
      </p>
      {o.fatal && <p role="alert">{o.fatal}</p>}
      {o.errors.length > 0 && (
        <div class="errors">
          {o.errors.slice(0, 200).map((e, i) => (
            <div key={i}>
              {e.file}
              {e.line > 0 ? `:${e.line}` : ''}: {e.message}
            </div>
          ))}
          {o.errors.length > 200 && <div>… and {o.errors.length - 200} more</div>}
        </div>
      )}
    </div>
  );
}
