// The popup, and the same report opened in a tab as popup.html?tab=<tabId>.
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../messages';
import { ReportView, type ViewState } from './report-view';

async function targetTab(): Promise<{ tabId: number | null; inTab: boolean }> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return { tabId: Number(param), inTab: true };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: tab?.id ?? null, inTab: false };
}

function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [inTab, setInTab] = useState(false);
  const [view, setView] = useState<ViewState>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  /** A hide, show or join that failed: said above the report, which stays as it was. */
  const [judgeError, setJudgeError] = useState<string | null>(null);

  const load = useCallback(async (id: number, opts: { refresh?: boolean; force?: boolean }) => {
    setView({ state: 'loading' });
    try {
      setView(await send('report:forTab', { tabId: id, ...opts }));
    } catch (e) {
      setView({ state: 'error', message: String((e as Error)?.message ?? e), at: Date.now() });
    }
  }, []);

  useEffect(() => {
    void targetTab().then(({ tabId: id, inTab: t }) => {
      setInTab(t);
      document.body.classList.toggle('in-tab', t);
      if (id === null) {
        setView({ state: 'error', message: 'No tab to analyse.', at: Date.now() });
        return;
      }
      setTabId(id);
      const refresh = new URLSearchParams(location.search).has('refresh');
      void load(id, { refresh });
    });
  }, [load]);

  /**
   * The reader's word on a match of this article: hidden as not the same story (or shown
   * again), or joined as the same story. The report follows; a failure keeps it and says so.
   */
  const judge = async (what: 'hide' | 'show' | 'join', matchIds: string[]) => {
    if (tabId === null || (view.state !== 'ready' && view.state !== 'no-matches')) return;
    setBusy(true);
    setJudgeError(null);
    const articleId = view.article.id;
    try {
      setView(
        what === 'join'
          ? await send('match:join', { tabId, articleId, matchIds, join: true })
          : await send('match:hide', { tabId, articleId, matchIds, hide: what === 'hide' }),
      );
    } catch (e) {
      const failed = { hide: 'The match could not be hidden', show: 'The match could not be shown again', join: 'The article could not be added to the story' }[what];
      setJudgeError(`${failed}: ${String((e as Error)?.message ?? e)}`);
    } finally {
      setBusy(false);
    }
  };

  const openOptions = () => void browser.runtime.openOptionsPage();
  const openInTab = () => {
    if (tabId !== null) void browser.tabs.create({ url: browser.runtime.getURL(`popup.html?tab=${tabId}`) });
  };

  return (
    <main>
      <header class="bar">
        <img class="logo" src="icons/icon-32.png" alt="" />
        <h1 class="grow">Parallax</h1>
        <button type="button" title="Analyse the page again" disabled={tabId === null || view.state === 'loading'} onClick={() => tabId !== null && load(tabId, { refresh: true })}>
          Refresh
        </button>
        {!inTab && (
          <button type="button" data-testid="open-in-tab" title="Open this report in a tab" onClick={openInTab} disabled={tabId === null}>
            Open in a tab
          </button>
        )}
        <button type="button" title="Corpus and settings" onClick={openOptions}>
          Options
        </button>
      </header>
      {judgeError && (
        <p role="alert" class="error small" data-testid="hide-error">
          {judgeError}
        </p>
      )}
      <ReportView
        view={view}
        onForce={() => tabId !== null && load(tabId, { force: true })}
        onOptions={openOptions}
        onShow={async (sentence) => tabId !== null && (await send('page:highlight', { tabId, sentence })).found}
        onHide={(ids, hidden) => void judge(hidden ? 'hide' : 'show', ids)}
        onJudge={(ids, same) => void judge(same ? 'join' : 'hide', ids)}
        busy={busy}
      />
    </main>
  );
}

render(<App />, document.getElementById('root')!);
