/**
 * The practice site (issue 4), served by `npm start` on the loopback address at
 * http://127.0.0.1:<port>/think-twice-practice/<site>/. The manifest injects the content
 * script there through one narrow match; this file is all that is special about it:
 *
 *  - the path names the site whose adapter runs (facebook, twitter, linkedin, whatsapp;
 *    anything else, e.g. /any/, gets the generic fallback), so each practice composer is
 *    handled by exactly the same adapter, checker and overlay as the real site;
 *  - the trainer's trust picker: the page puts the chosen bundled ruleset (plain JSON) in
 *    <script type="application/json" id="think-twice-practice-ruleset"> and names it in
 *    <html data-think-twice-practice-ruleset="id@version">. In this tab only, that ruleset
 *    replaces the one from storage. Nothing is written anywhere; real sites never get here.
 */
import type { Site } from '../checker/types.js';
import type { RulesetInput } from '../checker/ruleset/schema.js';

export const PRACTICE_HOSTS = ['127.0.0.1'];
export const PRACTICE_PATH = '/think-twice-practice/';
export const PRACTICE_RULESET_ATTR = 'data-think-twice-practice-ruleset';
export const PRACTICE_RULESET_ELEMENT_ID = 'think-twice-practice-ruleset';
const PRACTICE_SITES: readonly Site[] = ['facebook', 'twitter', 'linkedin', 'whatsapp'];

export function isPracticePage(loc: { hostname: string; pathname: string }): boolean {
  return PRACTICE_HOSTS.includes(loc.hostname) && loc.pathname.startsWith(PRACTICE_PATH);
}

/** The site a practice page imitates, from its path; null for the "any site" page and non-practice pages. */
export function practiceSite(loc: { hostname: string; pathname: string }): Site | null {
  if (!isPracticePage(loc)) return null;
  const name = loc.pathname.slice(PRACTICE_PATH.length).split('/')[0] ?? '';
  return (PRACTICE_SITES as readonly string[]).includes(name) ? (name as Site) : null;
}

/** Follows the practice page's trust picker; calls `load` with each newly chosen ruleset. */
export function watchPracticeRuleset(load: (input: RulesetInput) => void): void {
  const root = document.documentElement;
  let current: string | null = null;
  const read = () => {
    const name = root.getAttribute(PRACTICE_RULESET_ATTR);
    if (!name || name === current) return;
    const el = document.getElementById(PRACTICE_RULESET_ELEMENT_ID);
    if (!el?.textContent) return;
    try {
      const input = JSON.parse(el.textContent) as RulesetInput;
      current = name;
      load(input);
    } catch {
      /* not a ruleset: keep the one in force */
    }
  };
  new MutationObserver(read).observe(root, { attributes: true, attributeFilter: [PRACTICE_RULESET_ATTR] });
  read();
}
