import { describe, expect, it } from 'vitest';
import { createChecker, loadRuleset, RulesetError, type RulesetFile } from '../src/checker/index.js';
import { vetPatternForReDoS } from '../src/node/ruleset-files.js';

const clause = `
    clause:
      section: "4.1"
      quote: "must not"
      why: "because"`;
const examples = `
    examples:
      flag: ["x"]
      ok: ["y"]`;

function ruleset(rules: string, signals = ''): RulesetFile[] {
  return [{ file: 'test.yaml', text: `id: t\nversion: 1\npolicy: { id: t, title: Test policy, source: t.txt }\n${signals}\nrules:\n${rules}` }];
}

function checkerFor(rules: string, signals = '') {
  return createChecker(loadRuleset(ruleset(rules, signals)));
}

describe('conditions', () => {
  const insultNearTarget = checkerFor(`
  - id: t.insult
    category: derogatory
    severity: warn${clause}
    message: Insult aimed at someone.
    match:
      all:
        - terms: [idiot, "useless _"]
        - terms: [manager, "ward sister", colleague*]
      within: 3
    unless:
      - terms: [joke]
        within: 2
    fix: { action: remove, label: Remove the insult }${examples}
`);

  it('needs every member of `all` within the distance, and highlights the anchor', () => {
    const r = insultNearTarget.check('my manager is an idiot');
    expect(r.verdict).toBe('warn');
    expect(r.findings.map((f) => f.match)).toEqual(['idiot']);
    expect(insultNearTarget.check('idiot drivers on the A1 again, anyway the ward sister was lovely').verdict).toBe('ok');
  });

  it('matches prefix wildcards and multi-word terms', () => {
    expect(insultNearTarget.check('idiot colleagues everywhere').findings).toHaveLength(1);
    expect(insultNearTarget.check('the ward sister is an idiot').findings).toHaveLength(1);
  });

  it('drops a hit when an exception is near it', () => {
    expect(insultNearTarget.check('my manager is an idiot joke').verdict).toBe('ok');
  });

  it('removes the insult with its space and keeps the rest of the post', () => {
    expect(insultNearTarget.check('my manager is an idiot today').fixed).toBe('my manager is an today');
  });

  it('finds insults through evasion and points at what was typed', () => {
    const text = 'my manager is an 1d10t';
    const f = insultNearTarget.check(text).findings[0]!;
    expect(text.slice(f.start, f.end)).toBe('1d10t');
  });

  it('respects sites, audiences and effective dates', () => {
    const c = checkerFor(`
  - id: t.vote
    category: political
    severity: warn${clause}
    message: m
    match: { terms: [vote] }
    sites: [facebook]
    severity_by_audience: { direct: advise }
    effective: { from: 2026-03-01, until: 2026-05-07 }${examples}
`);
    expect(c.check('vote for them', { site: 'facebook' }).verdict).toBe('warn');
    expect(c.check('vote for them', { site: 'twitter' }).verdict).toBe('ok');
    expect(c.check('vote for them', { site: 'facebook', audience: 'direct' }).verdict).toBe('advise');
    expect(c.check('vote for them', { now: new Date('2026-04-01T12:00:00Z') }).verdict).toBe('warn');
    expect(c.check('vote for them', { now: new Date('2026-06-01T12:00:00Z') }).verdict).toBe('ok');
  });

  it('gives the highest severity as the verdict and applies append fixes once', () => {
    const c = checkerFor(`
  - id: t.disclaimer
    category: speaking-for-organisation
    severity: advise${clause}
    message: m
    match: { terms: [trust] }
    unless: [{ terms: ["views my own"] }]
    fix: { action: append, text: "(Views my own.)", label: Add a disclaimer }${examples}
  - id: t.code
    category: security
    severity: block${clause}
    message: m
    match: { detector: access-code }
    fix: { action: redact, text: "[code removed]", label: Remove the code }${examples}
`);
    const r = c.check('Love my trust. The trust door code is 4412');
    expect(r.verdict).toBe('block');
    expect(r.fixed).toBe('Love my trust. The trust door code is [code removed] (Views my own.)');
    expect(c.check(r.fixed).verdict).toBe('ok');
  });
});

describe('ruleset errors name file, line, rule and field', () => {
  function issuesOf(files: RulesetFile[]) {
    try {
      loadRuleset(files, { vetPattern: vetPatternForReDoS });
    } catch (e) {
      expect(e).toBeInstanceOf(RulesetError);
      return (e as RulesetError).issues;
    }
    throw new Error('expected the ruleset to be rejected');
  }

  it('reports a bad severity with its line', () => {
    const [issue] = issuesOf(ruleset(`
  - id: t.one
    category: security
    severity: blocker${clause}
    message: m
    match: { terms: [x] }${examples}
`));
    expect(issue).toMatchObject({ file: 'test.yaml', line: 9, rule: 't.one', field: 'severity' });
    expect(issue!.message).toMatch(/block|warn|advise/);
  });

  it('reports an unknown signal and an unknown category', () => {
    const issues = issuesOf(ruleset(`
  - id: t.two
    category: gossip
    severity: warn${clause}
    message: m
    match: { signal: nowhere }${examples}
`));
    expect(issues[0]).toMatchObject({ rule: 't.two', field: 'category', line: 8 });
  });

  it('reports a signal that does not exist, at the rule that uses it', () => {
    const issues = issuesOf(ruleset(`
  - id: t.three
    category: security
    severity: warn${clause}
    message: m
    match: { signal: nowhere }${examples}
`));
    expect(issues[0]).toMatchObject({ rule: 't.three', field: 'match.signal', line: 15 });
    expect(issues[0]!.message).toContain('unknown signal "nowhere"');
  });

  it('rejects a pattern with catastrophic backtracking and says why', () => {
    const issues = issuesOf(ruleset(`
  - id: t.redos
    category: security
    severity: warn${clause}
    message: m
    match: { pattern: "(a+)+$" }${examples}
`));
    expect(issues[0]).toMatchObject({ rule: 't.redos', field: 'match.pattern' });
    expect(issues[0]!.message).toMatch(/backtracking/);
  });

  it('rejects invalid YAML with a line', () => {
    const [issue] = issuesOf([{ file: 'broken.yaml', text: 'id: t\nversion: 1\nrules:\n  - id: [unclosed\n' }]);
    expect(issue!.file).toBe('broken.yaml');
    expect(issue!.line).toBeGreaterThan(0);
  });

  it('rejects bad terms', () => {
    const issues = issuesOf(ruleset(`
  - id: t.terms
    category: security
    severity: warn${clause}
    message: m
    match: { terms: ["ab*", "_ weeks", "rt @", "county durham & darlington"] }${examples}
`));
    expect(issues.map((i) => i.field)).toEqual(["match.terms[0]", "match.terms[1]", "match.terms[2]"]);
  });
});
