import { languageName } from '../core/language';
import type { ReportMatch } from '../core/types';
import type { HiddenMatch } from '../messages';
import { formatDate, outletName, safeHref } from './format';

/** `compared`: whether the list is of matches, which are compared (near misses are not). */
function why(m: ReportMatch, compared = true): string {
  const parts: string[] = [];
  if (m.language) parts.push(`in ${languageName(m.language)}${compared ? ', not compared' : ''}`);
  const r = m.reasons;
  if (!r) return parts.join(' · ');
  if (m.joined) parts.push('the same story, you said');
  if (m.partial) parts.push("the feed's summary only");
  if (m.stories) parts.push(`a page of ${m.stories} stories, compared on this one`);
  if (r.syndicated) parts.push('same wire text');
  if (r.sharedNames.length) parts.push(`both name ${r.sharedNames.slice(0, 3).join(', ')}`);
  else if (r.sharedTerms.length) parts.push(`both mention ${r.sharedTerms.slice(0, 3).join(', ')}`);
  if (r.dayGap !== null) parts.push(r.dayGap === 0 ? 'same day' : `${r.dayGap} day${r.dayGap === 1 ? '' : 's'} apart`);
  // Reasons stored before namedDay existed lack it.
  if (r.namedDay) parts.push(`one names the other's date, ${formatDate(r.namedDay)}`);
  return parts.join(' · ');
}

function Title({ title, url }: { title: string; url: string | null }) {
  const href = safeHref(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {title}
    </a>
  ) : (
    <>{title}</>
  );
}

/** Where else the same text ran: the copies listed with a source (`<testid>-copies`, `<testid>-copy`). */
function Copies({ copies, testid, class: cls }: { copies: Pick<ReportMatch, 'id' | 'source' | 'url'>[]; testid: string; class: string }) {
  if (copies.length === 0) return null;
  return (
    <div class={cls} data-testid={`${testid}-copies`}>
      Same text also in{' '}
      {copies.map((c, i) => (
        <span data-testid={`${testid}-copy`} data-id={c.id} key={c.id}>
          {i > 0 ? ', ' : ''}
          <Title title={outletName(c.source, c.url)} url={c.url} />
        </span>
      ))}
    </div>
  );
}

interface Props {
  matches: ReportMatch[];
  /**
   * Hides one source as not the same story: a match and the copies of its text listed with
   * it. Absent where the report cannot change.
   */
  onHide?: (ids: string[]) => void;
  busy?: boolean;
}

/**
 * The matches as sources: wire copy under other outlets is one source, listed once (at its
 * first article) with the copies. A copy whose first is not in the list stands alone.
 */
export function sources(matches: ReportMatch[]): { m: ReportMatch; copies: ReportMatch[] }[] {
  const ids = new Set(matches.map((m) => m.id));
  const out = matches.filter((m) => !m.sameTextAs || !ids.has(m.sameTextAs)).map((m) => ({ m, copies: [] as ReportMatch[] }));
  const byId = new Map(out.map((e) => [e.m.id, e]));
  for (const m of matches) if (m.sameTextAs && ids.has(m.sameTextAs)) byId.get(m.sameTextAs)?.copies.push(m);
  return out;
}

export function Matches({ matches, onHide, busy = false }: Props) {
  return (
    <ul class="plain">
      {sources(matches).map(({ m, copies }) => (
        <li class="match" data-testid="match" data-id={m.id} key={m.id}>
          <span class="outlet">{outletName(m.source, m.url)}</span>{' '}
          <span class="muted small">{formatDate(m.published)}</span>
          {onHide && (
            <button
              type="button"
              class="link small hide-match"
              data-testid="hide-match"
              title="This article is about another story: leave it out of this report, and this article out of its reports"
              disabled={busy}
              onClick={() => onHide([m.id, ...copies.map((c) => c.id)])}
            >
              Not this story
            </button>
          )}
          <div>
            <Title title={m.title} url={m.url} />
          </div>
          <div class="why" title={`match score ${m.score.toFixed(2)}`}>
            {why(m)}
          </div>
          <Copies copies={copies} testid="match" class="small muted" />
        </li>
      ))}
    </ul>
  );
}

/** The matches the reader hid from this article's story, each of which can be shown again. */
export function HiddenMatches({ hidden, onShow, busy = false }: { hidden: HiddenMatch[]; onShow: (ids: string[]) => void; busy?: boolean }) {
  if (hidden.length === 0) return null;
  return (
    <details class="hidden-matches" data-testid="hidden-matches" data-count={hidden.length}>
      <summary class="small muted">
        {hidden.length} hidden as not the same story
      </summary>
      <ul class="plain">
        {hidden.map((h) => (
          <li class="small" data-testid="hidden-match" data-id={h.id} key={h.id}>
            <span class="outlet">{outletName(h.source, h.url)}</span> <Title title={h.title} url={h.url} />{' '}
            <button
              type="button"
              class="link small"
              data-testid="unhide-match"
              disabled={busy}
              onClick={() => onShow([h.id, ...(h.together ?? []).map((c) => c.id)])}
            >
              Show again
            </button>
            <Copies copies={h.together ?? []} testid="hidden" class="muted" />
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Articles the matcher nearly took for the same story (just under its threshold), for the
 * reader to judge: "Same story" puts one in the story for good, "Not this story" hides it.
 */
export function NearMatches({ near, onJudge, busy = false }: { near: ReportMatch[]; onJudge: (ids: string[], same: boolean) => void; busy?: boolean }) {
  if (near.length === 0) return null;
  return (
    <div class="near-matches" data-testid="near-matches" data-count={near.length}>
      <h2>Maybe the same story ({near.length})</h2>
      <ul class="plain">
        {near.map((m) => (
          <li class="match near" data-testid="near-match" data-id={m.id} key={m.id}>
            <span class="outlet">{outletName(m.source, m.url)}</span> <span class="muted small">{formatDate(m.published)}</span>
            <div>
              <Title title={m.title} url={m.url} />
            </div>
            <div class="why" title={`match score ${m.score.toFixed(2)}, under the threshold`}>
              {why(m, false)}
            </div>
            <div class="small">
              <button type="button" class="link small" data-testid="join-match" disabled={busy} onClick={() => onJudge([m.id], true)}>
                Same story
              </button>{' '}
              <button type="button" class="link small" data-testid="hide-near" disabled={busy} onClick={() => onJudge([m.id], false)}>
                Not this story
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
