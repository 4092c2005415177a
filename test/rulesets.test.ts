import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, runRulesetExamples } from '../src/checker/index.js';
import { BUNDLED_RULESET_IDS, loadRulesetFrom } from '../src/node/ruleset-files.js';

/** Collapses whitespace so quotes of line-wrapped clauses still compare. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(BUNDLED_RULESET_IDS)('bundled ruleset %s', (id) => {
  const ruleset = loadRulesetFrom(id, { vet: true });

  it('has rules', () => {
    expect(ruleset.rules.length).toBeGreaterThan(0);
  });

  it("every rule's examples pass and its fix clears it", () => {
    const { failures } = runRulesetExamples(ruleset);
    expect(failures.map((f) => `${f.rule} [${f.kind}] ${f.problem}: ${f.text}`)).toEqual([]);
  });

  it('quotes its own policy verbatim', () => {
    const policy = squash(readFileSync(new URL(`../../shared/policies/${ruleset.policySource}`, import.meta.url), 'utf8'));
    const wrong = ruleset.rules.filter((r) => !policy.includes(squash(r.clause.quote))).map((r) => r.id);
    expect(wrong).toEqual([]);
  });

  it('uses only the fourteen categories', () => {
    for (const r of ruleset.rules) expect(CATEGORIES).toContain(r.category);
  });
});
