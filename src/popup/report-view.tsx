import { languageName } from '../core/language';
import type { ReportState } from '../messages';
import { Differences } from './differences';
import { HiddenMatches, Matches, NearMatches, sources } from './matches';
import { formatDate, outletName } from './format';

export type ViewState = { state: 'loading' } | ReportState;

interface Props {
  view: ViewState;
  onForce: () => void;
  onOptions: () => void;
  onShow?: (sentence: string) => Promise<boolean>;
  /** Hides a match as not the same story (`hide`), or shows a hidden one again. */
  onHide?: (ids: string[], hide: boolean) => void;
  /** The reader judges a near miss: the same story (joined for good) or not (hidden). */
  onJudge?: (ids: string[], same: boolean) => void;
  /** A hide, show or join is under way: its buttons wait. */
  busy?: boolean;
}

/** The report for one tab, in each of its states. Page content is rendered as text only. */
export function ReportView(props: Props) {
  return (
    <section data-testid="report" data-state={props.view.state} aria-live="polite">
      {body(props)}
    </section>
  );
}

function body({ view, onForce, onOptions, onShow, onHide, onJudge, busy }: Props) {
  const hidden = onHide && (view.state === 'ready' || view.state === 'no-matches') && (
    <HiddenMatches hidden={view.hidden ?? []} busy={busy} onShow={(ids) => onHide(ids, false)} />
  );
  const near = onJudge && (view.state === 'ready' || view.state === 'no-matches') && <NearMatches near={view.near ?? []} busy={busy} onJudge={onJudge} />;
  switch (view.state) {
    case 'loading':
      return (
        <div class="state" role="status">
          <span class="spinner" aria-hidden="true" />
          Reading the article and looking for other coverage…
        </div>
      );
    case 'not-article':
      return (
        <div class="state">
          <p>{view.message}</p>
          <p class="muted small">Parallax compares news articles. If this page is one, you can still try.</p>
          <button type="button" onClick={onForce}>
            Analyse this page anyway
          </button>
        </div>
      );
    case 'empty-corpus':
      return (
        <div class="state">
          <p>
            <strong>Your corpus is empty.</strong> Parallax compares this article with other articles kept in your browser.
          </p>
          <p class="muted small">
            On the options page, subscribe to the feeds of the outlets you follow, import articles, or load the demo corpus. Nothing leaves your browser.
          </p>
          <button type="button" class="primary" onClick={onOptions}>
            Open the options page
          </button>
        </div>
      );
    case 'no-matches':
      return (
        <div class="state">
          <ArticleHead article={view.article} />
          <p>
            {view.near?.length ? 'No other source in your corpus was found to cover this story' : 'No other source in your corpus covers this story'}
            {view.hidden?.length ? ', apart from the ones you hid' : ''}.
          </p>
          {view.article.language && (
            <p class="notice small" data-testid="language-notice">
              This article is in {languageName(view.article.language)}. Parallax is built for English news: against English coverage it matches on shared names and numbers alone, so coverage may be missed.
            </p>
          )}
          <p class="muted small">Subscribe to more outlets' feeds, or import more coverage, on the options page to compare.</p>
          {near}
          {hidden}
        </div>
      );
    case 'error':
      return (
        <div class="state" role="alert">
          <p>
            <strong>Something went wrong.</strong>
          </p>
          <p class="small">{view.message}</p>
        </div>
      );
    case 'ready':
      return (
        <div class="body">
          <ArticleHead article={view.article} />
          <Compared view={view} onShow={onShow} />
          <h2>
            Other sources on this story ({sources(view.report.matches).length})
          </h2>
          <Matches matches={view.report.matches} busy={busy} onHide={onHide && ((ids) => onHide(ids, true))} />
          {near}
          {hidden}
        </div>
      );
  }
}

/**
 * What the others report differently, as far as the comparison could read: it reads English,
 * so an article in another language, or sources all in other languages, get a notice instead
 * of findings (never "reported the same way"), and sources in other languages beside English
 * ones a note.
 */
function Compared({ view, onShow }: { view: Extract<ReportState, { state: 'ready' }>; onShow?: (sentence: string) => Promise<boolean> }) {
  const language = view.article.language ?? view.report.article.language;
  const all = sources(view.report.matches);
  const foreign = all.filter((s) => s.m.language);
  const names = [...new Set(foreign.map((s) => languageName(s.m.language!)))].join(', ');
  if (language) {
    return (
      <p class="notice" data-testid="language-notice">
        This article is in {languageName(language)}. Parallax compares English texts only: below is the coverage it found, not compared.
      </p>
    );
  }
  if (all.length > 0 && foreign.length === all.length) {
    return (
      <p class="notice" data-testid="language-notice">
        The other sources are in {names}. Parallax compares English texts only, so it did not compare them.
      </p>
    );
  }
  return (
    <>
      <h2>What others report differently</h2>
      {view.report.article.stories && (
        <p class="muted small" data-testid="stories-notice">
          This page holds {view.report.article.stories} stories: it is compared on the ones its other sources tell.
        </p>
      )}
      {foreign.length > 0 && (
        <p class="muted small" data-testid="language-notice">
          Not compared: {foreign.length} source{foreign.length === 1 ? '' : 's'} in {names} (Parallax compares English texts only).
        </p>
      )}
      <Differences differences={view.report.differences} onShow={onShow} empty={foreign.length > 0 ? 'The English sources report this story the same way, as far as Parallax can tell.' : undefined} />
    </>
  );
}

function ArticleHead({ article }: { article: { title: string; source: string | null; url: string | null; published: string | null } }) {
  return (
    <div class="article-head">
      <div class="title">{article.title}</div>
      <div class="muted small">
        {outletName(article.source, article.url)} · {formatDate(article.published)}
      </div>
    </div>
  );
}
