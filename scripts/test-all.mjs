// `npm test`: the whole suite in the order a failure is cheapest to find —
// bundled rulesets (validated, ReDoS-checked), types, unit tests, the extension
// build, web-ext lint, then end-to-end tests in real Chromium and Firefox.
// Ends with one plain "N passed, N failed" line over unit and end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

mkdirSync('.tmp', { recursive: true });
// Absolute: Playwright resolves a relative report path against the config's folder.
const E2E_REPORT = resolve('.tmp/e2e.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (label, cmd, args, env = {}) => {
  console.log(`\n=== ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
};

let passed = 0;
let failed = 0;
let ok = true;
const step = (label, cmd, args, env) => ok && (ok = run(label, cmd, args, env));

step('bundled rulesets', npm, ['run', '--silent', 'build:rulesets']);
step('types', npm, ['run', '--silent', 'typecheck']);
if (ok) {
  const unitOk = run('unit tests (Vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.tmp/vitest.json']);
  if (existsSync('.tmp/vitest.json')) {
    const r = JSON.parse(readFileSync('.tmp/vitest.json', 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  ok = unitOk;
}
step('build (CLI, extension for Chrome and Firefox)', npm, ['run', '--silent', 'build']);
step('web-ext lint', npm, ['run', '--silent', 'lint:firefox']);
step('end-to-end fixtures', npm, ['run', '--silent', 'build:fixtures']);
if (ok) {
  const e2eOk = run('end-to-end tests (Playwright)', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: E2E_REPORT });
  if (existsSync(E2E_REPORT)) {
    const s = JSON.parse(readFileSync(E2E_REPORT, 'utf8')).stats ?? {};
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  }
  ok = e2eOk;
}
if (!ok && failed === 0) failed = 1; // a build, type or lint step failed
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
