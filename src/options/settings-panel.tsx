import { useEffect, useState } from 'preact/hooks';
import type { Corpus } from '../platform/corpus';
import { loadSettings, sanitizeSettings, saveSettings, type Settings } from '../platform/settings';
import { errorText } from './import-panel';

/**
 * The question to ask before new limits delete articles, or null when nothing would go.
 * `remove` is what the limits would take (Corpus.countPrunable): by size, by age, or both.
 */
export function retentionQuestion(remove: number, next: Pick<Settings, 'maxArticles' | 'maxAgeDays'>): string | null {
  if (remove <= 0) return null;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return (
    `Keep at most ${plural(next.maxArticles, 'article')}, none added more than ${plural(next.maxAgeDays, 'day')} ago? ` +
    `The oldest ${plural(remove, 'article')} will be removed. This cannot be undone.`
  );
}

export function SettingsPanel({ corpus, onSaved }: { corpus: Corpus; onSaved: () => void }) {
  const [s, setS] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadSettings().then(setS, (e) => setError(`The settings could not be loaded: ${errorText(e)}`));
  }, []);
  if (!s) return error ? <p role="alert" class="card error">{error}</p> : null;

  const update = (patch: Partial<Settings>) => {
    setS({ ...s, ...patch });
    setSaved(false);
  };
  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      // The limits as they will be stored (clamped), applied to the corpus as it is now: a
      // smaller size or a shorter age both delete, so both are asked about first.
      const next = sanitizeSettings(s);
      const question = retentionQuestion(await corpus.countPrunable(next.maxArticles, next.maxAgeDays), next);
      if (question && !confirm(question)) return;
      await saveSettings(next);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(`The settings could not be saved: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={save} data-testid="settings">
      <h2>Settings</h2>
      <label class="setting">
        <input type="checkbox" checked={s.keepReadArticles} onChange={(e) => update({ keepReadArticles: (e.currentTarget as HTMLInputElement).checked })} />
        Keep the articles I analyse in my corpus, so later articles can be compared with them
      </label>
      <label class="setting">
        Keep at most
        <input type="number" min={10} max={1000000} value={s.maxArticles} onInput={(e) => update({ maxArticles: Number((e.currentTarget as HTMLInputElement).value) })} />
        articles (the oldest go first)
      </label>
      <label class="setting">
        Remove articles added more than
        <input type="number" min={1} max={36500} value={s.maxAgeDays} onInput={(e) => update({ maxAgeDays: Number((e.currentTarget as HTMLInputElement).value) })} />
        days ago
      </label>
      <label class="setting">
        Fetch subscribed feeds every
        <input type="number" min={15} max={1440} value={s.feedRefreshMinutes} onInput={(e) => update({ feedRefreshMinutes: Number((e.currentTarget as HTMLInputElement).value) })} />
        minutes
      </label>
      <label class="setting">
        <input type="checkbox" data-testid="fetch-pages" checked={s.fetchArticlePages} onChange={(e) => update({ fetchArticlePages: (e.currentTarget as HTMLInputElement).checked })} />
        Fetch the page of each new feed article from the feed's own site (without cookies), so its full text is compared, not the feed's summary
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          Save
        </button>
        <span role="status">{saved && <span class="ok">Saved.</span>}</span>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
