// The practice site `npm start` serves (issue 4): the same server and Chromium with the
// extension loaded; a scenario on each of the four composers raises the expected finding
// (overlay and explanation panel), presenter mode toggles, switching the trust changes the
// clause shown, the "Practise" extension page explains a post, and nothing leaves the machine.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { launchBrowser, type LaunchedBrowser } from './harness';
import { CHROME_DIR, extensionWorker, panel } from './ext-helpers';
import { startPracticeServer } from '../scripts/practice-server.mjs';
import { compileRuleset } from '../src/checker/ruleset/compile';
import { runCheck } from '../src/checker/engine';
import type { RulesetInput } from '../src/checker/ruleset/schema';
import type { CheckContext } from '../src/checker/types';
import { buildLibrary } from '../src/practice/scenarios';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundled = JSON.parse(readFileSync(path.join(root, 'src/generated/rulesets.json'), 'utf8')) as Record<string, RulesetInput>;
const compiled = (id: string) => compileRuleset(bundled[id]!).ruleset!;
const policyTitle = (id: string) => (bundled[id] as unknown as { policy: { title: string } }).policy.title;

const SITES = [
  { site: 'facebook', ctx: { site: 'facebook', audience: 'public' } },
  { site: 'twitter', ctx: { site: 'twitter', audience: 'public' } },
  { site: 'linkedin', ctx: { site: 'linkedin', audience: 'public' } },
  { site: 'whatsapp', ctx: { site: 'whatsapp', audience: 'group' } },
] as const satisfies readonly { site: string; ctx: CheckContext }[];

let server: { url: string; close(): Promise<void> };
let browser: LaunchedBrowser;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-practice.mjs')], { cwd: root, stdio: 'ignore' });
  server = await startPracticeServer({ port: 0 });
  browser = await launchBrowser({ extensionDir: CHROME_DIR, localOrigins: [new URL(server.url).origin] });
  await extensionWorker(browser.context);
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page: Page, site: string, query: string): Promise<void> {
  await page.goto(`${server.url}${site}/?${query}`);
  await expect(page.locator('html')).toHaveAttribute('data-practice-ready', site);
}

test('the scenario library covers every rule of every trust with a risky and a safe post', () => {
  for (const id of Object.keys(bundled)) {
    const lib = buildLibrary(compiled(id));
    const rules = lib.themes.flatMap((t) => t.rules);
    expect(rules.length, id).toBe(compiled(id).rules.length);
    for (const r of rules) {
      expect(r.risky.length, `${r.rule} risky`).toBeGreaterThan(0);
      expect(r.safe.length, `${r.rule} safe`).toBeGreaterThan(0);
      for (const s of r.risky) expect(s.findings, s.id).toContain(r.rule);
    }
    expect(lib.plan.length, id).toBeGreaterThan(5);
  }
});

for (const { site, ctx } of SITES) {
  test(`${site}: a typed scenario raises the expected finding in the overlay and the explanation`, async () => {
    const page = await browser.context.newPage();
    const scenario = 'clh.patient.identifier/flag/0';
    const lib = buildLibrary(compiled('clh'));
    const text = lib.byId.get(scenario)!.text;
    const expected = runCheck(compiled('clh'), text, ctx).findings.filter((f) => f.severity !== 'advise');
    expect(expected.map((f) => f.rule)).toContain('clh.patient.identifier');

    await open(page, site, 'trust=clh&cps=120');
    await page.locator(`button[data-scenario="${scenario}"]`).click();
    // Typed character by character into the real editor, then the site's own Post/Send is pressed.
    await expect(panel(page)).toBeVisible({ timeout: 20_000 });
    const card = await panel(page).innerText();
    for (const f of expected) expect(card).toContain(f.clause.quote.slice(0, 60));
    await expect(page.locator('#explain li[data-rule="clh.patient.identifier"]')).toBeVisible();
    await expect(page.locator('#explain mark[data-rule="clh.patient.identifier"]')).toContainText(expected.find((f) => f.rule === 'clh.patient.identifier')!.match);
    // Held, not posted.
    await expect(page.locator('.pr-posted')).toHaveCount(0);
    await page.close();
  });
}

test('a safe version posts untouched; next/previous keys step through the session plan', async () => {
  const page = await browser.context.newPage();
  await open(page, 'facebook', 'trust=clh&mode=paste');
  const plan = buildLibrary(compiled('clh')).plan;
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-testid=step]')).toContainText(`Step 1 of ${plan.length}`);
  await expect(panel(page)).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  // Focus is back in the composer: Page Down (a clicker) steps from there.
  await page.keyboard.press('PageDown');
  await expect(page.locator('[data-testid=step]')).toContainText('Step 2');
  expect(plan[1]!.kind).toBe('safe');
  await expect(page.locator('.pr-posted')).toBeVisible({ timeout: 10_000 });
  await expect(panel(page)).toHaveCount(0);
  await page.keyboard.press('Escape'); // leave the composer: single keys step again
  await page.keyboard.press('p');
  await expect(page.locator('[data-testid=step]')).toContainText('Step 1');
  await page.close();
});

test('presenter mode toggles: large type, high contrast, enlarged overlay, the fix step, reset', async () => {
  const page = await browser.context.newPage();
  await open(page, 'twitter', 'trust=clh&mode=paste');
  const size = () => page.evaluate(() => getComputedStyle(document.body).fontSize);
  const normal = await size();
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-think-twice-presenter', '');
  await expect(page.locator('body')).toHaveClass(/presenter/);
  expect(parseFloat(await size())).toBeGreaterThan(parseFloat(normal));
  expect(page.url()).toContain('presenter=1');

  await page.locator('details[data-theme="security"] summary').click();
  await page.locator('button[data-scenario="clh.security.code/flag/0"]').click();
  await expect(panel(page)).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('#think-twice-overlay')).toHaveAttribute('data-presenter', '');
  const width = (await panel(page).boundingBox())!.width;
  expect(width).toBeGreaterThan(460);
  await page.keyboard.press('Escape');
  // "Show the fix" step.
  await expect(page.getByTestId('explain-fix')).toHaveCount(0);
  await page.keyboard.press('Escape'); // out of the composer
  await page.keyboard.press('f');
  await expect(page.getByTestId('explain-fix')).toBeVisible();

  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).not.toHaveAttribute('data-think-twice-presenter', '');
  await expect(page.locator('#think-twice-overlay')).not.toHaveAttribute('data-presenter', '');

  await page.getByTestId('reset').click();
  await expect(page.locator('html')).toHaveAttribute('data-practice-ready', 'twitter');
  await expect(page.locator('[data-testid="tweetTextarea_0"]')).toHaveText('');
  await expect(page.locator('#explain [data-testid=explain-verdict]')).toHaveCount(0);
  await page.close();
});

test('switching the trust changes the clause shown, at once', async () => {
  const page = await browser.context.newPage();
  await open(page, 'whatsapp', 'trust=clh');
  const text = 'Door code for the ward is 4412, see you all tonight';
  const clauseFor = (id: string) => runCheck(compiled(id), text, { site: 'whatsapp', audience: 'group' }).findings.find((f) => f.category === 'security')!.clause;
  const clh = clauseFor('clh');
  const las = clauseFor('las');
  expect(clh.quote).not.toBe(las.quote);

  const editor = page.locator('#main footer [contenteditable="true"]');
  await editor.click();
  await page.keyboard.type(text);
  await expect(page.getByTestId('explain-clause').first()).toContainText(policyTitle('clh'));
  await page.keyboard.press('Enter');
  await expect(panel(page)).toContainText(clh.quote.slice(0, 60));
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);

  await page.getByTestId('trust-picker').selectOption('las');
  await expect(page.getByTestId('explain-clause').first()).toContainText(policyTitle('las'));
  await editor.click();
  await page.keyboard.press('Enter');
  await expect(panel(page)).toContainText(las.quote.slice(0, 60));
  expect(await panel(page).innerText()).not.toContain(clh.quote.slice(0, 60));
  await page.close();
});

test('the "Practise" extension page explains a post privately', async () => {
  const worker = await extensionWorker(browser.context);
  const id = new URL(worker.url()).host;
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${id}/src/practise/index.html`);
  await page.locator('#post').fill('Mrs K in bed 4, NHS number 943 476 5919');
  await expect(page.getByTestId('explain-verdict')).toContainText('Held');
  await expect(page.getByTestId('explain-clause').first()).toBeVisible();
  await page.getByRole('button', { name: /Show the fix/ }).click();
  await expect(page.getByTestId('explain-fix')).toBeVisible();
  await page.close();
});

test('nothing typed is stored or counted, and nothing but the practice site and the extension was requested', async () => {
  const worker = await extensionWorker(browser.context);
  const stored = await worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
    return JSON.stringify(await c.storage.local.get(null));
  });
  for (const word of ['4412', '943 476 5919', 'Door code']) expect(stored).not.toContain(word);
  expect(JSON.parse(stored).ruleCounts ?? {}).toEqual({});
  const actions = new Set(browser.privacyLog.requests.map((r) => r.action));
  expect([...actions].every((a) => a === 'local' || a === 'extension'), [...actions].join(',')).toBe(true);
  browser.privacyLog.assertNoStrayRequests();
  const origin = new URL(server.url).origin;
  for (const r of browser.privacyLog.requests) expect(r.url.startsWith(origin) || r.url.startsWith('chrome-extension://'), r.url).toBe(true);
});

test('`npm start` (headless, already built) serves the practice site and opens Chromium with the extension', async () => {
  test.setTimeout(60_000);
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), '--no-build'], {
    cwd: root,
    env: { ...process.env, THINK_TWICE_HEADLESS: '1', THINK_TWICE_PORT: '0', THINK_TWICE_SITE: 'linkedin' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    const ws = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no DevTools URL:\n${out}`)), 30_000);
      child.stdout!.on('data', (d) => {
        out += String(d);
        const m = out.match(/DevTools: (ws:\S+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`start exited ${code}:\n${out}`)));
    });
    expect(out).toMatch(/practice site: http:\/\/127\.0\.0\.1:\d+\/think-twice-practice\/linkedin\//);
    const cdp = await chromium.connectOverCDP(ws);
    try {
      const context = cdp.contexts()[0]!;
      const requests: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      let page = context.pages().find((p) => p.url().includes('/think-twice-practice/'));
      for (let i = 0; !page && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 200));
        page = context.pages().find((p) => p.url().includes('/think-twice-practice/'));
      }
      expect(page, 'the practice page is open').toBeTruthy();
      await expect(page!.locator('html')).toHaveAttribute('data-practice-ready', 'linkedin', { timeout: 15_000 });
      await page!.locator('.ql-editor').click();
      await page!.keyboard.type('Door code is 4412');
      await page!.locator('button.share-actions__primary-action').click();
      await expect(panel(page!)).toBeVisible({ timeout: 10_000 });
      const origin = new URL(page!.url()).origin;
      for (const u of requests) expect(u.startsWith(origin) || u.startsWith('chrome-extension://') || u.startsWith('data:'), u).toBe(true);
    } finally {
      await cdp.close().catch(() => undefined);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
});
