import { useState } from 'preact/hooks';
import type { LineError } from '../core/jsonl';
import type { Corpus, Origin } from '../platform/corpus';
import { loadSettings } from '../platform/settings';
import { BATCH, importFiles } from './read-files';
import type { Article } from '../core/types';

export interface ImportOutcome {
  files: number;
  read: number;
  added: number;
  duplicates: number;
  errors: LineError[];
  /** Problems counted but not listed (past the first MAX_ERRORS_KEPT). */
  moreErrors?: number;
  fatal: string | null;
  /** Set when the corpus is now over the max-articles setting: the oldest `remove` will go. */
  retention?: { remove: number; limit: number } | null;
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
      return { added, duplicates, fatal: `${errorText(e)} (stopped after ${i} of ${articles.length} articles)` };
    }
    onProgress(Math.min(articles.length, i + BATCH));
  }
  return { added, duplicates, fatal: null };
}

export function errorText(e: unknown): string {
  return String((e as Error)?.message ?? e);
}

/**
 * How many articles the background's retention will remove now, by the max-articles setting.
 * Asked before the options page tells the background that the corpus changed.
 */
export async function overLimit(corpus: Corpus): Promise<{ remove: number; limit: number } | null> {
  try {
    const [count, settings] = await Promise.all([corpus.count(), loadSettings()]);
    return count > settings.maxArticles ? { remove: count - settings.maxArticles, limit: settings.maxArticles } : null;
  } catch {
    return null; // the notice is a courtesy: the import itself succeeded
  }
}

export function ImportPanel({ corpus, onChanged }: { corpus: Corpus; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onFiles(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    if (files.length === 0) return;
    setOutcome(null);
    setError(null);
    setBusy(`Reading ${files.length} file${files.length === 1 ? '' : 's'}…`);
    let added = 0;
    let duplicates = 0;
    try {
      // Each batch is stored as soon as it is read: a stopped tab loses only the batch in hand.
      const read = await importFiles(files, async (batch) => {
        const r = await corpus.add(batch, 'import');
        added += r.added;
        duplicates += r.duplicates;
        setBusy(`Stored ${added} article${added === 1 ? '' : 's'}…${duplicates ? ` (${duplicates} already in the corpus)` : ''}`);
      });
      const fatal = read.stopped && `${read.stopped} (stopped after ${added + duplicates} of the articles read)`;
      setOutcome({
        files: read.files,
        read: read.read,
        added,
        duplicates,
        errors: read.errors,
        moreErrors: read.moreErrors,
        fatal,
        retention: added > 0 ? await overLimit(corpus) : null,
      });
    } catch (err) {
      setError(`The import failed: ${errorText(err)}${added ? ` (${added} articles were stored before it stopped)` : ''}`);
    } finally {
      setBusy(null);
      input.value = '';
      onChanged();
    }
  }

  return (
    <div class="card">
      <h2>Import articles</h2>
      <p class="small muted" id="import-help">
        JSONL files (one article per line: <code>{'{"title", "text", "source", "url", "published"}'}</code>) and saved web pages (.html). Several files at
        once. Articles already in the corpus are skipped.
      </p>
      <input
        type="file"
        data-testid="import-file"
        aria-label="Files to import (.jsonl, .ndjson, .json, .html)"
        aria-describedby="import-help"
        multiple
        accept=".jsonl,.ndjson,.json,.html,.htm"
        onChange={onFiles}
        disabled={busy !== null}
      />
      <Busy text={busy} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {outcome && <ImportResult outcome={outcome} />}
    </div>
  );
}

/** A live region that is always present, so screen readers announce each new message. */
export function Busy({ text }: { text: string | null }) {
  return (
    <p role="status" class="busy">
      {text && <span class="spinner" aria-hidden="true" />}
      {text}
    </p>
  );
}

export function ImportResult({ outcome: o }: { outcome: ImportOutcome }) {
  const problems = o.errors.length + (o.moreErrors ?? 0);
  return (
    <div data-testid="import-result" data-added={o.added} data-duplicates={o.duplicates} data-errors={problems} role="status">
      <p class={o.fatal ? '' : 'ok'}>
        Added {o.added} article{o.added === 1 ? '' : 's'} from {o.files} file{o.files === 1 ? '' : 's'}
        {o.duplicates > 0 && `; ${o.duplicates} already in the corpus`}
        {problems > 0 && `; ${problems} problem${problems === 1 ? '' : 's'}`}.
      </p>
      {o.retention && (
        <p class="warn" data-testid="import-retention">
          The corpus is now over the size set below: the oldest {o.retention.remove} will be removed to keep within your limit of {o.retention.limit}{' '}
          articles.
        </p>
      )}
      {o.fatal && <p role="alert">{o.fatal}</p>}
      {o.errors.length > 0 && (
        <div class="errors">
          {o.errors.slice(0, 200).map((e, i) => (
            <div key={i}>
              {e.file}
              {e.line > 0 ? `:${e.line}` : ''}: {e.message}
            </div>
          ))}
          {problems > 200 && <div>… and {problems - 200} more</div>}
        </div>
      )}
    </div>
  );
}
