/**
 * The scenario library for training: generated from a ruleset, never written by hand, so
 * every trust gets one and it follows the ruleset. For every rule, each post it must flag
 * is a risky scenario and a post it must leave alone is the safe version (preferring one
 * the whole ruleset leaves alone). Grouped by theme in the order a session runs.
 * Pure: no DOM, no storage.
 */
import { runCheck } from '../checker/engine.js';
import type { CompiledRule, CompiledRuleset } from '../checker/ruleset/compile.js';
import { holdsPost, type Category, type CheckContext, type Verdict } from '../checker/types.js';
import { CATEGORY_WORDS } from '../shared/categories.js';

export interface ThemeDef {
  id: string;
  title: string;
  categories: Category[];
}

export const THEMES: readonly ThemeDef[] = [
  { id: 'patients', title: 'Patient confidentiality', categories: ['patient-identifiable'] },
  { id: 'colleagues', title: 'Colleagues', categories: ['colleague-privacy', 'derogatory'] },
  { id: 'language', title: 'Language and conduct', categories: ['offensive-language'] },
  { id: 'security', title: 'Security', categories: ['security', 'work-email'] },
  { id: 'business', title: 'Confidential work information', categories: ['confidential-business'] },
  { id: 'speaking', title: 'Speaking for the trust', categories: ['speaking-for-organisation', 'media'] },
  { id: 'politics', title: 'Politics', categories: ['political'] },
  { id: 'endorsements', title: 'Endorsements', categories: ['commercial-endorsement'] },
  { id: 'concerns', title: 'Raising concerns', categories: ['raising-concerns'] },
  { id: 'safeguarding', title: 'Safeguarding', categories: ['safeguarding'] },
  { id: 'clinical', title: 'Clinical advice', categories: ['clinical-advice'] },
];

export interface Scenario {
  /** Stable within a ruleset: `<rule id>/flag/0`, `<rule id>/ok/1`. */
  id: string;
  kind: 'risky' | 'safe';
  text: string;
  rule: string;
  /** e.g. "Patient information: identifier". */
  title: string;
  theme: string;
  /** What the whole ruleset says about the text (in the rule's own context). */
  verdict: Verdict;
  /** Rules the whole ruleset finds in it. */
  findings: string[];
}

export interface RuleScenarios {
  rule: string;
  title: string;
  risky: Scenario[];
  safe: Scenario[];
}

export interface ThemeScenarios {
  theme: ThemeDef;
  rules: RuleScenarios[];
}

export interface Library {
  rulesetId: string;
  themes: ThemeScenarios[];
  /** The session plan: what → / N step through. */
  plan: Scenario[];
  byId: Map<string, Scenario>;
}

/** The context a rule's own examples are tested in (see ruleset/examples.ts). */
export function ruleContext(rule: CompiledRule): CheckContext {
  return { site: rule.sites?.[0], audience: rule.audiences?.[0] };
}

export function ruleTitle(rule: CompiledRule): string {
  const last = rule.id.split('.').slice(-1)[0] ?? rule.id;
  return `${CATEGORY_WORDS[rule.category]}: ${last.replace(/[-_]/g, ' ')}`;
}

function themeOf(category: Category): ThemeDef {
  return THEMES.find((t) => t.categories.includes(category)) ?? { id: category, title: CATEGORY_WORDS[category], categories: [category] };
}

export function buildLibrary(ruleset: CompiledRuleset): Library {
  const themes = new Map<string, ThemeScenarios>();
  const byId = new Map<string, Scenario>();
  for (const rule of ruleset.rules) {
    const theme = themeOf(rule.category);
    const ctx = ruleContext(rule);
    const title = ruleTitle(rule);
    const make = (kind: Scenario['kind'], text: string, i: number): Scenario => {
      const result = runCheck(ruleset, text, ctx);
      const s: Scenario = {
        id: `${rule.id}/${kind === 'risky' ? 'flag' : 'ok'}/${i}`,
        kind,
        text,
        rule: rule.id,
        title,
        theme: theme.id,
        verdict: result.verdict,
        findings: [...new Set(result.findings.map((f) => f.rule))],
      };
      byId.set(s.id, s);
      return s;
    };
    const risky = rule.examples.flag.map((t, i) => make('risky', t, i));
    const allSafe = rule.examples.ok.map((t, i) => make('safe', t, i));
    // The safe versions the whole ruleset lets through first.
    const safe = [...allSafe.filter((s) => !holdsPost(s.verdict)), ...allSafe.filter((s) => holdsPost(s.verdict))];
    let entry = themes.get(theme.id);
    if (!entry) themes.set(theme.id, (entry = { theme, rules: [] }));
    entry.rules.push({ rule: rule.id, title, risky, safe });
  }
  const ordered = [...themes.values()].sort((a, b) => themeRank(a.theme) - themeRank(b.theme));
  // Session plan: per theme, a risky post and its safe version for the first rule, then
  // one risky post for each further rule (a session shows every rule once).
  const plan: Scenario[] = [];
  for (const t of ordered) {
    t.rules.forEach((r, i) => {
      if (r.risky[0]) plan.push(r.risky[0]);
      if (i === 0 && r.safe[0]) plan.push(r.safe[0]);
    });
  }
  return { rulesetId: ruleset.id, themes: ordered, plan, byId };
}

function themeRank(t: ThemeDef): number {
  const i = THEMES.findIndex((d) => d.id === t.id);
  return i === -1 ? THEMES.length : i;
}
