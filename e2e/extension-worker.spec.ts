// The background worker is killed mid-session (as Chrome does after 30 s idle) and the
// next risky post is still held: the page decides with its own copy of the checker.
import { test, expect } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import { CHROME_DIR, CLEAN_TEXT, NHS_TEXT, testRuleset } from './ext-helpers';
import { launchChromium, panelVisible, postsOf, servedPage, typeText, waitFor, type Recorder } from './puppeteer-helpers';

let browser: Browser;
const recorder: Recorder = { stray: [] };

test.afterAll(async () => {
  await browser?.close();
});

test('the worker is killed mid-session and the next risky post is still held', async () => {
  test.setTimeout(60_000);
  browser = await launchChromium(CHROME_DIR);
  const swTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15_000 });
  const worker = (await swTarget.worker())!;
  // The worker's extension bindings arrive a moment after its target does.
  expect(await waitFor(async () => (await worker.evaluate(`typeof chrome !== 'undefined' && !!chrome.storage`).catch(() => false)) === true, 10_000)).toBe(true);
  const input = testRuleset();
  await worker.evaluate(`chrome.storage.local.set({ activeRuleset: ${JSON.stringify({ id: input.id, version: input.version, input })} })`);

  const page = await servedPage(browser, recorder);
  await page.goto('https://web.whatsapp.com/');
  await page.waitForFunction(() => Array.isArray((window as unknown as { __posts?: string[] }).__posts));
  const editor = '#main footer [contenteditable="true"]';
  await page.click(editor);
  await typeText(page, CLEAN_TEXT);
  await new Promise((r) => setTimeout(r, 400)); // the debounced check goes to the worker
  await page.keyboard.press('Enter');
  expect(await waitFor(async () => (await postsOf(page)).length === 1)).toBe(true);

  // Kill the worker.
  await worker.close();
  expect(await waitFor(async () => !(await browser.targets()).some((t) => t === swTarget && t.type() === 'service_worker'), 5000)).toBe(true);

  await page.click(editor);
  await typeText(page, NHS_TEXT);
  await page.keyboard.press('Enter'); // at once: no cached verdict, the page's checker decides
  expect(await waitFor(() => panelVisible(page))).toBe(true);
  expect(await postsOf(page)).toEqual([CLEAN_TEXT]);
  expect(recorder.stray).toEqual([]);
});
