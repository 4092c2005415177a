// Managed deployment with the browsers' real mechanisms (issue 6):
//  - a real Chromium policy file (/etc/chromium/policies/managed/think-twice-test.json) that
//    force-installs the CRX made by `npm run package` from a loopback update manifest (no
//    --load-extension) and sets the extension's settings through `3rdparty`;
//  - signed ruleset updates published on a loopback server: v1, v2 (an open tab switches
//    without reload), a tampered v3 and an older v1 (refused), then bad input (malformed,
//    50 MB, slow, down, an invalid managed value): the last good ruleset stays and the
//    options page says why.
// Puppeteer-core, not Playwright: Playwright 1.65 loses tabs that open a policy-installed
// extension's pages. DeveloperToolsAvailability: 1 lets the test see the extension's targets
// (by default Chrome hides force-installed extensions from DevTools).
import { test, expect } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { SignedBundle } from '../src/bundle/bundle';
import { hugeBody, makeSigner, packedCrx, policySandbox, signedClh, startServer, staticJson, updateXml, type LoopbackServer, type PackedCrx, type PolicySandbox, type Signer } from './managed-helpers';
import { panelVisible, postsOf, servedPage, typeText, waitFor, type Recorder } from './puppeteer-helpers';

test.describe.configure({ mode: 'serial' });

const ORG = 'Central London Healthcare (test)';
const V1_TEXT = 'Heads up: project bluebird starts on Monday';
const V2_TEXT = 'Heads up: operation kestrel starts on Monday';

let crx: PackedCrx;
let server: LoopbackServer;
let sandbox: PolicySandbox;
let signer: Signer;
let browser: Browser;
let options: Page;
let tab: Page;
const recorder: Recorder = { stray: [] };
/** What the ruleset URL serves now. */
let published = '';

function policy(overrides: Record<string, unknown> = {}) {
  return {
    DeveloperToolsAvailability: 1,
    ExtensionInstallForcelist: [`${crx.id};${server.origin}/update.xml`],
    '3rdparty': {
      extensions: {
        [crx.id]: {
          organisationName: ORG,
          rulesetId: 'clh',
          rulesetUrl: `${server.origin}/clh/latest.json`,
          rulesetPublicKeys: [signer.publicKey],
          allowPostAnyway: false,
          supportContact: 'ig@clh.example.nhs.uk',
          ...overrides,
        },
      },
    },
  };
}

const text = (page: Page, id: string) => page.$eval(`#${id}`, (el) => (el as HTMLElement).innerText);

async function checkNow(): Promise<void> {
  await options.bringToFront();
  await options.click('#check-now');
  await options.waitForFunction(() => !(document.getElementById('check-now') as HTMLButtonElement).disabled);
}

async function statusOf(): Promise<{ version: string; signer: string; error: string }> {
  return { version: await text(options, 'st-version'), signer: await text(options, 'st-signer'), error: await text(options, 'st-error') };
}

async function publish(bundle: SignedBundle | string): Promise<void> {
  published = typeof bundle === 'string' ? bundle : JSON.stringify(bundle);
}

/** Types into X's compose box in the open tab and submits; true when Think Twice held it. */
async function heldInTab(message: string): Promise<boolean> {
  await tab.bringToFront();
  await tab.click('[data-testid="tweetTextarea_0"]');
  await tab.keyboard.down('Control');
  await tab.keyboard.press('a');
  await tab.keyboard.up('Control');
  await tab.keyboard.press('Delete');
  await typeText(tab, message);
  await new Promise((r) => setTimeout(r, 300));
  await tab.click('button[data-testid="tweetButtonInline"]');
  const held = await waitFor(() => panelVisible(tab), 2000);
  if (held) {
    await tab.keyboard.press('Escape');
    await waitFor(async () => !(await panelVisible(tab)));
  }
  return held;
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  crx = await packedCrx();
  server = await startServer();
  signer = await makeSigner('ig');
  await publish(await signedClh(1, ['project bluebird'], signer));
  server.route('/update.xml', (_q, r) => r.writeHead(200, { 'content-type': 'text/xml' }).end(updateXml(crx.id, `${server.origin}/think-twice.crx`, crx.version)));
  server.route('/think-twice.crx', (_q, r) => r.writeHead(200, { 'content-type': 'application/x-chrome-extension' }).end(crx.crx));
  server.route('/clh/latest.json', staticJson(() => published));
  sandbox = policySandbox('chromium');
  sandbox.write(policy());
  browser = await puppeteer.launch({
    executablePath: sandbox.executable,
    headless: true,
    pipe: true,
    // Playwright/Puppeteer defaults that stop policy installs.
    ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-update'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-sync', '--no-first-run'],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  // Always: a policy file left behind would govern every later Chromium on this machine.
  sandbox?.cleanup();
});

test('force-install: the CRX from `npm run package` is installed by policy, without --load-extension', async () => {
  const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${crx.id}/`), { timeout: 20_000 });
  expect(sw.url()).toContain(crx.id);
  expect(browser.process()?.spawnargs.join(' ')).not.toContain('--load-extension');
  const page = await browser.newPage();
  await page.goto('chrome://extensions-internals');
  const list = JSON.parse(await page.$eval('body', (b) => (b as HTMLElement).innerText)) as { id: string; location: string; registry_status: string }[];
  const ours = list.find((e) => e.id === crx.id);
  expect(ours).toMatchObject({ location: 'EXTERNAL_POLICY_DOWNLOAD', registry_status: 'ENABLED' });
  await page.close();
  expect(server.hits.some((h) => h.path.startsWith('/update.xml'))).toBe(true);
  expect(server.hits.some((h) => h.path === '/think-twice.crx')).toBe(true);
});

test('managed policy (3rdparty): organisation name, locked settings, the signed v1 in force', async () => {
  options = await browser.newPage();
  await options.goto(`chrome-extension://${crx.id}/src/options/index.html`);
  // Chrome hands the extension its 3rdparty policy shortly after install (storage.onChanged "managed").
  await options.waitForFunction((org) => document.getElementById('org-name')?.textContent === org, { timeout: 20_000 }, ORG);
  await options.waitForFunction(() => document.getElementById('st-signer')?.textContent?.startsWith('key '), { timeout: 20_000 });
  const s = await statusOf();
  expect(s.version).toBe('1');
  expect(s.signer).toMatch(/^key [0-9a-f]{4}(:[0-9a-f]{4}){7}$/);
  expect(await text(options, 'st-fetched')).not.toContain('bundled');
  expect(await text(options, 'set-allowPostAnyway')).toContain('Set by your organisation');
  expect(await text(options, 'set-allowPostAnyway')).toMatch(/^no/);
  expect(await text(options, 'set-warnBehaviour')).not.toContain('Set by your organisation');
  expect(await options.$eval('#ruleset', (el) => (el as HTMLSelectElement).disabled)).toBe(true);
  expect(await text(options, 'contacts')).toContain('ig@clh.example.nhs.uk');
  expect(await text(options, 'problems')).toBe('');
  // The same status through the background message the popup uses.
  const status = await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'getStatus' }));
  expect(status).toMatchObject({ managed: true, ruleset: { id: 'clh', version: 1, source: 'signed' }, settings: { organisationName: ORG, allowPostAnyway: false }, updates: { lastUpdateError: null } });
  // The next check is on a jittered alarm: refreshIntervalMinutes (default 360) ± 10%.
  const next = Date.parse((status as { updates: { nextCheckAt: string } }).updates.nextCheckAt) - Date.now();
  expect(next / 60_000).toBeGreaterThan(323);
  expect(next / 60_000).toBeLessThan(397);
});

test('"Post anyway" off by policy: a warning is held with no Post anyway', async () => {
  tab = await servedPage(browser, recorder);
  await tab.goto('https://x.com/home');
  await tab.waitForFunction(() => Array.isArray((window as unknown as { __posts?: string[] }).__posts));
  await tab.click('[data-testid="tweetTextarea_0"]');
  await typeText(tab, V1_TEXT);
  await new Promise((r) => setTimeout(r, 300));
  await tab.click('button[data-testid="tweetButtonInline"]');
  expect(await waitFor(() => panelVisible(tab))).toBe(true);
  const card = await tab.evaluate(() => document.getElementById('think-twice-overlay')!.shadowRoot!.querySelector('.tt-panel')!.textContent);
  expect(card).toContain('project bluebird');
  expect(card).not.toContain('Post anyway');
  await tab.keyboard.press('Escape');
  expect(await postsOf(tab)).toEqual([]);
});

test('v2 reaches the open tab without reload; the request carries nothing but the GET', async () => {
  expect(await heldInTab(V2_TEXT)).toBe(false); // v1 does not know "operation kestrel"
  await tab.evaluate(() => ((window as unknown as { __posts: string[] }).__posts.length = 0));
  await publish(await signedClh(2, ['project bluebird', 'operation kestrel'], signer));
  const started = Date.now();
  await checkNow(); // what the alarm does (its shortest interval is 15 minutes)
  expect((await statusOf()).version).toBe('2');
  // Same tab, no reload: now held.
  expect(await waitFor(() => heldInTab(V2_TEXT), 60_000)).toBe(true);
  expect(Date.now() - started).toBeLessThan(60_000);
  // Served again unchanged: the browser revalidates with If-None-Match and gets a 304.
  await checkNow();
  const rulesetHits = server.hits.filter((h) => h.path.startsWith('/clh/'));
  expect(rulesetHits.some((h) => typeof h.headers['if-none-match'] === 'string')).toBe(true);
  for (const h of rulesetHits) {
    expect(h.path).toBe('/clh/latest.json'); // no query string
    expect(h.method).toBe('GET');
    expect(h.headers.cookie).toBeUndefined();
    expect(h.headers.referer).toBeUndefined();
    expect(h.headers.authorization).toBeUndefined();
  }
  expect((await statusOf()).error).toBe('');
});

test('a tampered v3 and an older v1 are refused; v2 stays and the error is shown', async () => {
  const v3 = await signedClh(3, ['project bluebird', 'operation kestrel', 'hawk'], signer);
  (v3.payload.ruleset.rules as unknown[]).pop(); // altered after signing
  await publish(v3);
  await checkNow();
  let s = await statusOf();
  expect(s.version).toBe('2');
  expect(s.error).toContain('does not match any trusted key');
  expect(s.error).toContain('Still using clh version 2');

  await publish(await signedClh(1, ['project bluebird'], signer));
  await checkNow();
  s = await statusOf();
  expect(s.version).toBe('2');
  expect(s.error).toContain('older than version 2');

  const stranger = await makeSigner('stranger');
  await publish(await signedClh(4, ['project bluebird'], stranger));
  await checkNow();
  expect((await statusOf()).error).toContain('does not match any trusted key');
  expect(await heldInTab(V2_TEXT)).toBe(true);
});

test('bad input: malformed, 50 MB, slow, down — the last good ruleset stays and the page says why', async () => {
  test.setTimeout(90_000);
  const cases: { name: string; setup(): Promise<void> | void; expect: string; undo?(): Promise<void> | void }[] = [
    { name: 'malformed', setup: () => publish('{"format": "think-twice-ruleset/1", "payload": '), expect: 'not valid JSON' },
    {
      name: '50 MB',
      setup: () => server.route('/clh/latest.json', hugeBody(50 * 1024 * 1024, huge)),
      expect: 'larger than 5 MB',
    },
    {
      name: 'slow',
      setup: () => server.route('/clh/latest.json', () => undefined /* never answers */),
      expect: 'did not answer within 20 seconds',
    },
    { name: 'down', setup: () => server.stop(), expect: 'could not be reached', undo: () => server.resume() },
  ];
  const huge = { bytes: 0, aborted: false };
  for (const c of cases) {
    await c.setup();
    await checkNow();
    const s = await statusOf();
    expect(s.version, c.name).toBe('2');
    expect(s.error, c.name).toContain(c.expect);
    expect(s.error, c.name).toContain('Still using clh version 2');
    await c.undo?.();
  }
  // The 50 MB download was stopped, not read to the end.
  expect(huge.aborted).toBe(true);
  expect(huge.bytes).toBeLessThan(20 * 1024 * 1024);
  server.route('/clh/latest.json', staticJson(() => published));
  expect(await heldInTab(V2_TEXT)).toBe(true);
});

test('an invalid managed value is ignored with a reason (Chrome re-reads the policy file); v2 stays', async () => {
  test.setTimeout(60_000);
  const before = server.hits.length;
  sandbox.write(policy({ rulesetUrl: 'http://203.0.113.9/clh/latest.json', refreshIntervalMinutes: 5 }));
  await options.bringToFront();
  await options.waitForFunction(() => (document.getElementById('problems')?.textContent ?? '').includes('rulesetUrl'), { timeout: 45_000, polling: 500 });
  const problems = await text(options, 'problems');
  expect(problems).toContain('The managed setting "rulesetUrl" was ignored: expected an https:// address.');
  expect(problems).toContain('"refreshIntervalMinutes" was ignored');
  expect((await statusOf()).version).toBe('2');
  expect(await text(options, 'st-url')).toContain('not set up');
  expect(await heldInTab(V2_TEXT)).toBe(true);
  expect(server.hits.slice(before).filter((h) => h.path.startsWith('/clh/'))).toEqual([]);
  // Privacy: the pages made no request but the fixture documents.
  expect(recorder.stray).toEqual([]);
});
