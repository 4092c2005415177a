// Firefox ESR honours a real policies.json with `3rdparty.Extensions.<gecko id>` settings
// (issue 6): organisation name and locked settings on the options page, the signed ruleset
// fetched from a loopback server (a plain CORS request: no host permission), and "Post
// anyway" switched off. Firefox reads policy only at start, so it is written before launch.
import { test, expect } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIREFOX_DIR } from './ext-helpers';
import { makeSigner, policySandbox, signedClh, startServer, staticJson, type LoopbackServer, type PolicySandbox } from './managed-helpers';
import { launchFirefox, panelVisible, postsOf, servedPage, typeText, waitFor, type Recorder } from './puppeteer-helpers';

test.describe.configure({ mode: 'serial' });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GECKO_ID = (JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;
const ORG = 'Firefox Test Trust';

let server: LoopbackServer;
let sandbox: PolicySandbox;
let browser: Browser;
const recorder: Recorder = { stray: [] };

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer();
  const signer = await makeSigner('ff');
  const bundle = JSON.stringify(await signedClh(1, ['project bluebird'], signer));
  server.route('/clh/latest.json', staticJson(() => bundle));
  sandbox = policySandbox('firefox');
  sandbox.write({
    policies: {
      '3rdparty': {
        Extensions: {
          [GECKO_ID]: {
            organisationName: ORG,
            rulesetUrl: `${server.origin}/clh/latest.json`,
            rulesetPublicKeys: [signer.publicKey],
            allowPostAnyway: false,
            warnBehaviour: 'block',
          },
        },
      },
    },
  });
  browser = await launchFirefox(sandbox.executable);
  await browser.installExtension(FIREFOX_DIR);
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  sandbox?.cleanup(); // always: later Firefoxes on this machine would obey it
});

// WebDriver BiDi may not navigate to moz-extension:// pages, so the policy is observed where it
// acts: the page flags a phrase only the signed, fetched ruleset knows (rulesetUrl and
// rulesetPublicKeys honoured) and offers no "Post anyway" (allowPostAnyway: false).
test('Firefox: policies.json 3rdparty settings are honoured — signed ruleset from rulesetUrl, no "Post anyway"', async () => {
  const page = await servedPage(browser, recorder);
  await page.goto('https://web.whatsapp.com/');
  await page.waitForFunction(() => Array.isArray((window as unknown as { __posts?: string[] }).__posts));
  await page.click('#main footer [contenteditable="true"]');
  await typeText(page, 'Heads up: project bluebird starts on Monday');
  await new Promise((r) => setTimeout(r, 500));
  // The update may still be arriving: the tab follows storage, no reload needed.
  const held = await waitFor(async () => {
    await page.keyboard.press('Enter');
    if (await waitFor(() => panelVisible(page), 1000)) return true;
    return false;
  }, 20_000);
  expect(held).toBe(true);
  const card = await page.evaluate(() => document.getElementById('think-twice-overlay')!.shadowRoot!.querySelector('.tt-panel')!.textContent);
  expect(card).toContain('project bluebird');
  expect(card).not.toContain('Post anyway');
  expect(await postsOf(page)).toEqual([]);
  expect(recorder.stray).toEqual([]);
});

test('Firefox: the ruleset request is a plain GET of the configured URL, with no cookies, referrer or query', async () => {
  const hits = server.hits.filter((h) => h.path.startsWith('/clh/'));
  expect(hits.length).toBeGreaterThan(0);
  for (const h of hits) {
    expect(h.path).toBe('/clh/latest.json');
    expect(h.headers.cookie).toBeUndefined();
    expect(h.headers.referer).toBeUndefined();
  }
});
