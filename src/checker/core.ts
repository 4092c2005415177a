/**
 * The checker without its YAML/zod loader: what browser code imports. Rulesets
 * reach the browser already validated (bundled at build time, or signed after
 * `think-twice ruleset sign` validated them), so the extension only compiles
 * and runs them — and zod's `new Function` stays out of extension bundles.
 */
import { runCheck } from './engine.js';
import type { CompiledRuleset } from './ruleset/compile.js';
import type { CheckContext, Result } from './types.js';

export * from './types.js';
export { compileRuleset } from './ruleset/compile.js';
export type { CompiledRuleset, CompiledRule, CompileIssue } from './ruleset/compile.js';
export type { RulesetInput } from './ruleset/schema.js';
export { runCheck } from './engine.js';

export interface Checker {
  readonly ruleset: CompiledRuleset;
  check(text: string, context?: CheckContext): Result;
}

export function createChecker(ruleset: CompiledRuleset): Checker {
  return {
    ruleset,
    check: (text, context = {}) => runCheck(ruleset, text, context),
  };
}
