/**
 * Validates every bundled ruleset (including the ReDoS check) and writes each as
 * one self-contained JSON object (base signals merged in) to
 * src/generated/rulesets.json, which the extension bundles. Fails the build on
 * any ruleset error: a broken ruleset never ships.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { formatIssue, RulesetError, type RulesetInput } from '../src/checker/index.js';
import { BUNDLED_RULESET_IDS, flattenRulesetFrom, loadRulesetFrom } from '../src/node/ruleset-files.js';

const out: Record<string, RulesetInput> = {};
try {
  for (const id of BUNDLED_RULESET_IDS) {
    loadRulesetFrom(id, { vet: true });
    out[id] = flattenRulesetFrom(id);
  }
} catch (e) {
  if (e instanceof RulesetError) {
    for (const i of e.issues) console.error(formatIssue(i));
    process.exit(1);
  }
  throw e;
}
mkdirSync(new URL('../src/generated/', import.meta.url), { recursive: true });
writeFileSync(new URL('../src/generated/rulesets.json', import.meta.url), JSON.stringify(out));
console.log(`bundled ${Object.keys(out).length} rulesets: ${Object.entries(out).map(([id, r]) => `${id} v${r.version} (${r.rules?.length ?? 0} rules)`).join(', ')}`);
