import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

describe("the package's public entry points", () => {
  it("builds, and other programs can `import { loadRuleset, createChecker } from 'think-twice/checker'`", () => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    const script = `
      import { readFileSync, readdirSync } from 'node:fs';
      import { loadRuleset, createChecker } from 'think-twice/checker';
      const parts = (dir) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: dir + '/' + f, text: readFileSync(dir + '/' + f, 'utf8') }));
      const rs = loadRuleset(parts('rulesets/clh'), { resolveBase: () => parts('rulesets/base') });
      const r = createChecker(rs).check('NHS number 943 476 5919', { site: 'facebook' });
      console.log(JSON.stringify({ verdict: r.verdict, match: r.findings[0]?.match }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ verdict: 'block', match: '943 476 5919' });
  });

  it('ships a think-twice command', () => {
    const out = execFileSync(process.execPath, ['dist/cli/think-twice.js', 'check', '--json', '--ruleset', 'clh', 'all good here'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ verdict: 'ok', findings: [] });
  });
});
