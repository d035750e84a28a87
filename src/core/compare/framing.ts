// Words chosen for the same actors and acts. Each group lists terms that outlets use for
// one thing; which one an outlet picks is framing. The engine shows who says what and
// never judges which word is right.

export interface FrameGroup {
  id: string;
  /** For the summary: "words for the crowd". */
  label: string;
  terms: [term: string, re: RegExp][];
}

const t = (term: string, re: string): [string, RegExp] => [term, new RegExp(`\\b(?:${re})\\b`, 'gi')];

export const FRAME_GROUPS: FrameGroup[] = [
  {
    id: 'crowd', label: 'the crowd',
    terms: [
      t('protesters', 'protest(?:e|o)rs?'), t('demonstrators', 'demonstrators?'), t('rioters', 'rioters?'),
      t('looters', 'looters?'), t('mob', 'mobs?'), t('mourners', 'mourners?'), t('agitators', 'agitators?'), t('insurrectionists', 'insurrectionists?'), t('thugs', 'thugs?'),
      t('anarchists', 'anarchists?'), t('marchers', 'marchers?'),
    ],
  },
  {
    id: 'armed', label: 'the armed group',
    terms: [
      t('militants', 'militants?'), t('terrorists', 'terrorists?'), t('insurgents', 'insurgents?'), t('rebels', 'rebels?'),
      t('bandits', 'bandits?'), t('jihadists', 'jihadists?'), t('extremists', 'extremists?'), t('separatists', 'separatists?'),
      t('freedom fighters', 'freedom fighters?'), t('guerrillas', 'guerr?illas?'),
    ],
  },
  {
    id: 'police-action', label: 'the police action',
    terms: [
      t('operation', '(?:police|security|military|army) operations?'), t('raid', 'raids?|raided'), t('crackdown', 'crackdowns?|cracked down'),
      t('clampdown', 'clampdowns?'), t('sweep', '(?:police|security) sweeps?'), t('assault', '(?:police|military) assault'),
    ],
  },
  {
    id: 'unrest', label: 'the unrest',
    terms: [
      t('clashes', 'clash(?:es|ed)'), t('riots', 'riots?(?! (?:helmets?|gear|police|shields?|squads?|act|control))|rioting'), t('unrest', 'unrest'), t('disorder', 'disorder'),
    ],
  },
  {
    id: 'killing', label: 'the killings',
    terms: [
      t('killed', 'killed|killings?'), t('executed', 'executed'), t('murdered', 'murdered'), t('massacred', 'massacred'), t('slaughtered', 'slaughtered'),
      t('assassinated', 'assassinat(?:ed|ion)'),
    ],
  },
  {
    id: 'immigrants', label: 'the immigrants',
    terms: [
      t('illegal immigrants', 'illegal immigrants?'), t('illegal aliens', 'illegal aliens?|illegals'), t('undocumented immigrants', 'undocumented (?:immigrants?|migrants?|people|workers)'),
      t('migrants', '(?<!undocumented )migrants'), t('asylum seekers', 'asylum[- ]seekers?'),
    ],
  },
  {
    id: 'abortion', label: 'the abortion debate',
    terms: [t('pro-life', 'pro-life'), t('anti-abortion', 'anti-abortion'), t('pro-choice', 'pro-choice'), t('abortion rights', 'abortion[- ]rights')],
  },
  {
    id: 'guns', label: 'the gun debate',
    terms: [t('gun control', 'gun control'), t('gun safety', 'gun safety'), t('gun rights', 'gun rights'), t('gun reform', 'gun reform'), t('gun violence prevention', 'gun violence prevention')],
  },
  {
    id: 'tax', label: 'the tax measure',
    terms: [t('tax cuts', 'tax cuts?'), t('tax relief', 'tax relief'), t('tax breaks', 'tax breaks?'), t('giveaway', 'giveaways?'), t('estate tax', 'estate tax'), t('death tax', 'death tax')],
  },
  {
    id: 'wall', label: 'the border structure',
    terms: [t('border wall', 'border wall'), t('border barrier', 'border barriers?'), t('border fence', 'border fences?'), t('steel slats', 'steel slats')],
  },
];

/** Per group: term → sentence indexes where it is used. */
export type FrameUse = Record<string, Record<string, number[]>>;

// "anti-immigrant protesters", "immigrant rights demonstrators", "pro-government mob": a word
// naming a side makes it another group, not another word for the same one.
const SIDE = /(?:\banti-[a-z]+|\bpro-[a-z]+|\bcounter-?|\brights|\bopposition|\bgovernment)\s+$/i;

const FUTURE = /\b(could|would|will|may|might|should|must|to|not) be\s+$/i;

export function addFraming(use: FrameUse, sentence: string, s: number): void {
  for (const g of FRAME_GROUPS) {
    for (const [term, re] of g.terms) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let found = false;
      while ((m = re.exec(sentence))) {
        if (g.id === 'crowd' && SIDE.test(sentence.slice(Math.max(0, m.index - 24), m.index))) continue;
        // "he could be executed", "to be executed": a sentence to come, not a word for the killing.
        if (g.id === 'killing' && FUTURE.test(sentence.slice(Math.max(0, m.index - 24), m.index))) continue;
        found = true;
        break;
      }
      if (!found) continue;
      const byTerm = (use[g.id] ??= {});
      (byTerm[term] ??= []).push(s);
    }
  }
}
