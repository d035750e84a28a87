import { useEffect, useState } from 'preact/hooks';
import type { Corpus } from '../platform/corpus';
import { loadSettings, sanitizeSettings, saveSettings, type Settings } from '../platform/settings';
import { errorText } from './import-panel';

/** The question to ask before a smaller limit deletes articles, or null when nothing would go. */
export function shrinkQuestion(count: number, maxArticles: number): string | null {
  const remove = count - maxArticles;
  if (remove <= 0) return null;
  return `Keep at most ${maxArticles} articles? Your corpus has ${count}, so the oldest ${remove} article${remove === 1 ? '' : 's'} will be removed. This cannot be undone.`;
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
      // The limit as it will be stored (clamped), compared with the corpus as it is now.
      const next = sanitizeSettings(s);
      const question = shrinkQuestion(await corpus.count(), next.maxArticles);
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
    <form class="card" onSubmit={save}>
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
