import { useEffect, useState } from 'preact/hooks';
import { loadSettings, saveSettings, type Settings } from '../platform/settings';

export function SettingsPanel({ onSaved }: { onSaved: () => void }) {
  const [s, setS] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => void loadSettings().then(setS), []);
  if (!s) return null;

  const update = (patch: Partial<Settings>) => {
    setS({ ...s, ...patch });
    setSaved(false);
  };
  async function save(e: Event) {
    e.preventDefault();
    await saveSettings(s!);
    setSaved(true);
    onSaved();
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
        <button type="submit" class="primary">
          Save
        </button>
        {saved && <span class="ok">Saved.</span>}
      </div>
    </form>
  );
}
