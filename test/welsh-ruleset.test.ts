// NHS Wales staff can use the overlay in Welsh: every nhs-wales rule must carry its own Welsh
// message and "why" (not a copy of the English), so no warning falls back to English.
import { describe, expect, it } from 'vitest';
import { loadRulesetFrom } from '../src/node/ruleset-files.js';

const ruleset = loadRulesetFrom('rulesets/nhs-wales');

describe('nhs-wales ruleset in Welsh', () => {
  it('has rules to check', () => {
    expect(ruleset.rules.length).toBeGreaterThan(20);
  });

  it.each(ruleset.rules.map((r) => [r.id, r] as const))('%s has a Welsh message and why', (_id, rule) => {
    expect(rule.messageCy?.trim()).toBeTruthy();
    expect(rule.whyCy?.trim()).toBeTruthy();
    expect(rule.messageCy).not.toBe(rule.message);
    expect(rule.whyCy).not.toBe(rule.clause.why);
  });
});
