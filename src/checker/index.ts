/**
 * The shared policy checker. Pure TypeScript: no DOM, no extension APIs, no clock.
 * The same module runs in the background worker, the content script (fallback),
 * the CLI, the tests and the practice pages.
 */
import { runCheck } from './engine.js';
import type { CompiledRuleset } from './ruleset/compile.js';
import type { CheckContext, Result } from './types.js';

export * from './types.js';
export { compileRuleset, RulesetCompileError } from './ruleset/compile.js';
export type { CompiledRuleset, CompiledRule, CompileIssue } from './ruleset/compile.js';
export { loadRuleset, flattenRuleset, formatIssue, RulesetError } from './ruleset/load.js';
export type { RulesetIssue, LoadOptions, RulesetFile } from './ruleset/load.js';
export type { RulesetInput, RuleInput } from './ruleset/schema.js';
export { runRulesetExamples } from './ruleset/examples.js';
export type { ExampleFailure } from './ruleset/examples.js';
export { isValidNhsNumber } from './detectors/nhs-number.js';

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
