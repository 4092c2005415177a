import { describe, expect, it } from 'vitest';
import { BUNDLED_RULESET_IDS, flattenRulesetFrom } from '../../src/node/ruleset-files.js';
import { LocalChecker, VerdictCache, cacheKey } from '../../src/content/verdicts.js';
import { isActiveRuleset } from '../../src/shared/messages.js';
import type { RulesetInput } from '../../src/checker/ruleset/schema.js';
import type { Result } from '../../src/checker/types.js';

// The same flattened JSON the build bundles (src/generated/rulesets.json), made from the YAML.
const rulesets: Record<string, RulesetInput> = Object.fromEntries(BUNDLED_RULESET_IDS.map((id) => [id, flattenRulesetFrom(id)]));
const ok: Result = { verdict: 'ok', findings: [], fixed: 'x' };

describe('VerdictCache', () => {
  it('keys by the exact text and the context', () => {
    const c = new VerdictCache();
    c.set('hello', { site: 'twitter' }, ok);
    expect(c.get('hello', { site: 'twitter' })).toBe(ok);
    expect(c.get('hello ', { site: 'twitter' })).toBeUndefined();
    expect(c.get('hello', { site: 'facebook' })).toBeUndefined();
    expect(cacheKey('a', { site: 'whatsapp', audience: 'group' })).not.toEqual(cacheKey('a', { site: 'whatsapp', audience: 'direct' }));
  });

  it('evicts the least recently used entry past its capacity', () => {
    const c = new VerdictCache(2);
    c.set('a', {}, ok);
    c.set('b', {}, ok);
    c.get('a', {});
    c.set('c', {}, ok);
    expect(c.get('a', {})).toBe(ok);
    expect(c.get('b', {})).toBeUndefined();
    expect(c.size).toBe(2);
  });
});

describe('LocalChecker', () => {
  it('decides synchronously with a bundled ruleset, and holds an NHS number', () => {
    const lc = new LocalChecker();
    expect(lc.check('anything', {})).toBeNull(); // no ruleset: the caller must hold, not pass
    expect(lc.load(rulesets.clh!)).toBe(true);
    expect(lc.identity).toBe(`clh@${rulesets.clh!.version}`);
    expect(lc.policySource).toMatch(/\.txt$/);
    expect(lc.check('Bed 4 is NHS number 943 476 5919', { site: 'facebook', audience: 'public' })?.verdict).toBe('block');
    expect(lc.check('Lovely shift today, thanks team', { site: 'facebook' })?.verdict).toBe('ok');
  });

  it('every bundled ruleset compiles in the page', () => {
    for (const [id, input] of Object.entries(rulesets)) {
      const lc = new LocalChecker();
      expect(lc.load(input), `${id}: ${lc.error}`).toBe(true);
    }
  });

  it('recognises the stored ruleset shape', () => {
    expect(isActiveRuleset({ id: 'clh', version: 1, input: rulesets.clh })).toBe(true);
    expect(isActiveRuleset({ id: 'clh' })).toBe(false);
    expect(isActiveRuleset(null)).toBe(false);
  });
});
