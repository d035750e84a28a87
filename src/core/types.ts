// Shared data shapes of the pure core. Everything here is plain JSON so that it can be
// stored in IndexedDB, sent between extension contexts and printed by the CLI.

/** An article as it arrives from an import, a page or the command line. */
export interface ArticleInput {
  id?: string;
  title?: string | null;
  text: string;
  source?: string | null;
  url?: string | null;
  published?: string | null;
  lang?: string | null;
  byline?: string | null;
  partial?: boolean;
}

/** An article once normalised: every field present, id always set. */
export interface Article {
  id: string;
  title: string;
  text: string;
  source: string | null;
  url: string | null;
  /** ISO 8601 date or date-time, or null when unknown. */
  published: string | null;
  lang: string | null;
  byline: string | null;
  /**
   * The text is part of the article only: a feed's summary of it, its page not read. Such a
   * text is evidence of what a source says, never of what it leaves out. Absent otherwise.
   */
  partial?: true;
}

/** Why two articles were judged to be about the same story. */
export interface MatchReasons {
  /** Named people, places and organisations both articles mention. */
  sharedNames: string[];
  /** Rare terms both articles use (most informative first). */
  sharedTerms: string[];
  /** Whole days between the publication dates, or null when either is unknown. */
  dayGap: number | null;
  /**
   * A calendar day (YYYY-MM-DD) that one article names, at or near the other's publication
   * day or a day the other names too, when that brings them closer than their publication
   * dates: a trial report that names the day of the shooting. Null otherwise.
   */
  namedDay: string | null;
  /** True when the other article is a copy of the same text (syndicated wire copy). */
  syndicated: boolean;
}

export interface Match {
  id: string;
  /** Higher is more similar; comparable between matches of one query. */
  score: number;
  reasons: MatchReasons;
  /** The reader said it is the same story (`include`): a match whatever its score. */
  joined?: boolean;
}

export type DifferenceKind = 'numbers' | 'timing' | 'naming' | 'framing' | 'quote' | 'omitted' | 'exclusive';

export interface Evidence {
  value: string | null;
  /** The sentence quoted as it stands in the article. */
  sentence: string;
}

export interface ElsewhereEvidence extends Evidence {
  id: string;
  source: string | null;
  /** How this report stands to the article when that matters, e.g. "2 days later" for a count that rose. */
  note?: string;
}

export interface Difference {
  kind: DifferenceKind;
  /** What it is about, e.g. "killed", "date of the shooting", "Jean-Marc Dupont". */
  topic: string;
  /** One line for a person. */
  summary: string;
  here: Evidence | null;
  elsewhere: ElsewhereEvidence[];
}

export interface ReportArticle {
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  /**
   * Set when the text is not written in English (`foreignLanguage`, core/language.ts): an ISO
   * 639 code ("fr", "fr-CA"), or "und" when the language is not known. The comparison's rules
   * are English: such an article is listed, never compared.
   */
  language?: string;
  /**
   * Set when the text is a page of several stories (a briefing, a blotter) that was compared
   * only on the stories the other side tells: how many stories it holds.
   */
  stories?: number;
}

export interface ReportMatch extends ReportArticle {
  id: string;
  score: number;
  reasons?: MatchReasons;
  /**
   * The id of the match listed before this one whose text this one repeats (wire copy under
   * another outlet), so that the copies can be shown as one source. Absent for the first.
   */
  sameTextAs?: string;
  /** The reader said it is the same story (the matcher had not found it). */
  joined?: boolean;
  /** Only a feed's summary of this article is in the corpus (its page not read). */
  partial?: true;
}

/** The contract of `parallax compare --format json` and of the popup. */
export interface Report {
  article: ReportArticle;
  matches: ReportMatch[];
  differences: Difference[];
}
