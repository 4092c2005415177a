/**
 * The shared policy checker. Pure TypeScript: no DOM, no extension APIs, no clock.
 * The same module runs in the background worker, the content script (fallback),
 * the CLI, the tests and the practice pages. Browser code imports `./core.js`
 * (no YAML/zod loader); Node programs import this, which adds the loader.
 */
export * from './core.js';
export { RulesetCompileError } from './ruleset/compile.js';
export { loadRuleset, flattenRuleset, formatIssue, RulesetError } from './ruleset/load.js';
export type { RulesetIssue, LoadOptions, RulesetFile } from './ruleset/load.js';
export type { RuleInput } from './ruleset/schema.js';
export { runRulesetExamples } from './ruleset/examples.js';
export type { ExampleFailure } from './ruleset/examples.js';
export { isValidNhsNumber } from './detectors/nhs-number.js';
