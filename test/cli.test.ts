import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { input, encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });

describe('think-twice CLI', () => {
  it('checks text and exits 1 when the post would be held', () => {
    const r = cli(['check', '--ruleset', 'clh', 'NHS number 943 476 5919']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('»943 476 5919«');
    expect(r.stdout).toContain('section');
  });

  it('exits 0 for a clean post', () => {
    const r = cli(['check', '--ruleset', 'clh', 'Lovely shift today, great team']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^OK/);
  });

  it('reads JSON lines, answers one line per input in order, and survives bad lines', () => {
    const input = ['{"id":"a","text":"NHS no 943 476 5919","site":"facebook"}', 'not json', '{"id":"c"}', '{"id":"d","text":"hello","ruleset":"las"}'].join('\n');
    const r = cli(['check', '--jsonl', '--ruleset', 'clh'], input);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', verdict: 'block' });
    expect(lines[0].findings[0]).toMatchObject({ rule: expect.any(String), category: 'patient-identifiable', start: 7, end: 19, match: '943 476 5919' });
    expect(Object.keys(lines[0].findings[0].clause).sort()).toEqual(['policy', 'quote', 'section', 'title']);
    expect(lines[1]).toMatchObject({ id: null, error: expect.any(String) });
    expect(lines[2]).toMatchObject({ id: 'c', error: expect.stringContaining('text') });
    expect(lines[3]).toMatchObject({ id: 'd', verdict: 'ok', fixed: 'hello' });
  });

  it('validates rulesets and reports file, line, rule and field', () => {
    const bad = cli(['ruleset', 'validate', 'test/fixtures/broken-ruleset']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/test\/fixtures\/broken-ruleset\/rules\.yaml:\d+: rule "broken\.severity" field "severity"/);
    const good = cli(['ruleset', 'validate', 'rulesets/clh']);
    expect(good.status).toBe(0);
  });

  it('keeps the committed JSON Schema in step with the zod schema', () => {
    const r = cli(['ruleset', 'schema']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(new URL('../rulesets/ruleset.schema.json', import.meta.url), 'utf8')));
  });

  it('exits 2 with a message for an unknown ruleset', () => {
    const r = cli(['check', '--ruleset', 'nowhere', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no ruleset "nowhere"');
  });
});
