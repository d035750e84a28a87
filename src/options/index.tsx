// The options page: the corpus (import, export, clear, demo), feeds, settings and storage use.
// It opens the same IndexedDB as the background and tells the background when it changed.
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { send } from '../messages';
import { openCorpus, type Corpus } from '../platform/corpus';
import { CorpusPanel, type Stats } from './corpus-panel';
import { FeedsPanel } from './feeds-panel';
import { ImportPanel } from './import-panel';
import { SettingsPanel } from './settings-panel';
import { storageEstimate } from '../platform/storage-estimate';

const PENDING_POLL_MS = 2000;

function App() {
  const [corpus, setCorpus] = useState<Corpus | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async (c: Corpus) => {
    const [s, { usageBytes, quotaBytes }, hidden, joined] = await Promise.all([c.stats(), storageEstimate(), c.hiddenPairs(), c.joinedPairs()]);
    setStats({ count: s.count, oldest: s.oldest, usageBytes, quotaBytes, factsPending: s.factsPending, hidden: hidden.length, joined: joined.length });
  }, []);

  // While the worker prepares imported articles, the count of what is left is kept current.
  useEffect(() => {
    if (!corpus || !stats?.factsPending) return;
    const t = setTimeout(() => void refresh(corpus), PENDING_POLL_MS);
    return () => clearTimeout(t);
  }, [corpus, stats, refresh]);

  useEffect(() => {
    openCorpus().then(
      (c) => {
        setCorpus(c);
        void refresh(c);
      },
      (e) => setError(String((e as Error)?.message ?? e)),
    );
  }, [refresh]);

  const changed = useCallback(() => {
    if (!corpus) return;
    // The background prunes to the retention limits and drops cached reports.
    void send('corpus:changed', {})
      .catch(() => undefined)
      .then(() => refresh(corpus));
  }, [corpus, refresh]);

  return (
    <main>
      <header class="row">
        <img class="logo" src="icons/icon-48.png" alt="" width={32} height={32} />
        <h1>Parallax</h1>
      </header>
      <p class="muted">
        Parallax compares the article you are reading with the other articles kept here, in your browser. Nothing you import or read leaves
        it: there is no server and no account.
      </p>
      {error && (
        <p role="alert" class="card">
          {error}
        </p>
      )}
      {corpus && (
        <>
          <CorpusPanel corpus={corpus} stats={stats} onChanged={changed} />
          <ImportPanel corpus={corpus} onChanged={changed} />
          <FeedsPanel onChanged={changed} />
          <SettingsPanel corpus={corpus} onSaved={changed} />
        </>
      )}
    </main>
  );
}

render(<App />, document.getElementById('root')!);
