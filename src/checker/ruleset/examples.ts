/**
 * Every rule carries posts it must flag and similar posts it must leave alone
 * (like ESLint's RuleTester and LanguageTool's example sentences). This runs
 * them, plus one more promise: applying the suggested fix clears the rule.
 */
import { runCheck } from '../engine.js';
import { holdsPost, type CheckContext } from '../types.js';
import type { CompiledRule, CompiledRuleset } from './compile.js';

export interface ExampleFailure {
  rule: string;
  kind: 'flag' | 'ok' | 'fix';
  text: string;
  problem: string;
}

function contextFor(rule: CompiledRule): CheckContext {
  return { site: rule.sites?.[0], audience: rule.audiences?.[0] };
}

export function runRulesetExamples(ruleset: CompiledRuleset): { passed: number; failures: ExampleFailure[] } {
  const failures: ExampleFailure[] = [];
  let passed = 0;
  for (const rule of ruleset.rules) {
    const ctx = contextFor(rule);
    for (const text of rule.examples.flag) {
      const result = runCheck(ruleset, text, ctx);
      const mine = result.findings.filter((f) => f.rule === rule.id);
      if (mine.length === 0) {
        failures.push({ rule: rule.id, kind: 'flag', text, problem: `not flagged (found: ${result.findings.map((f) => f.rule).join(', ') || 'nothing'})` });
        continue;
      }
      passed++;
      if (rule.fix && holdsPost(rule.severity)) {
        const again = runCheck(ruleset, result.fixed, ctx).findings.filter((f) => f.rule === rule.id && holdsPost(f.severity));
        if (again.length > 0) failures.push({ rule: rule.id, kind: 'fix', text, problem: `the fixed text is still flagged: ${JSON.stringify(result.fixed)}` });
        else passed++;
      }
    }
    for (const text of rule.examples.ok) {
      const mine = runCheck(ruleset, text, ctx).findings.filter((f) => f.rule === rule.id);
      if (mine.length > 0) failures.push({ rule: rule.id, kind: 'ok', text, problem: `flagged "${mine[0]!.match}" but should not be` });
      else passed++;
    }
  }
  return { passed, failures };
}
