// Firefox ESR smoke test: the built dist/firefox installed through WebDriver BiDi
// (puppeteer-core's browser.installExtension), on the fixtures at the real URLs.
import { test, expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { CLEAN_TEXT, FIREFOX_DIR, NHS_TEXT } from './ext-helpers';
import { launchFirefox, panelVisible, postsOf, servedPage, typeText, waitFor, type Recorder } from './puppeteer-helpers';

let browser: Browser;
let page: Page;
const recorder: Recorder = { stray: [] };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  browser = await launchFirefox();
  await browser.installExtension(FIREFOX_DIR);
  page = await servedPage(browser, recorder);
});

test.afterAll(async () => {
  await browser?.close();
});

async function openWhatsApp(): Promise<void> {
  await page.goto('https://web.whatsapp.com/');
  await page.waitForFunction(() => Array.isArray((window as unknown as { __posts?: string[] }).__posts));
  // The content script is in once our ruleset has reached the page (it marks its host after a check).
}

test('Firefox: a clean message is sent once, unchanged', async () => {
  await openWhatsApp();
  await page.click('#main footer [contenteditable="true"]');
  await typeText(page, CLEAN_TEXT);
  await new Promise((r) => setTimeout(r, 500));
  await page.keyboard.press('Enter');
  expect(await waitFor(async () => (await postsOf(page)).length === 1)).toBe(true);
  expect(await postsOf(page)).toEqual([CLEAN_TEXT]);
  expect(await panelVisible(page)).toBe(false);
});

test('Firefox: a message with an NHS number is held (Enter and Send click), with the clause', async () => {
  await openWhatsApp();
  await page.click('#main footer [contenteditable="true"]');
  await typeText(page, NHS_TEXT);
  await page.keyboard.press('Enter');
  expect(await waitFor(() => panelVisible(page))).toBe(true);
  const text = await page.evaluate(() => document.getElementById('think-twice-overlay')!.shadowRoot!.querySelector('.tt-panel')!.textContent);
  expect(text).toContain('section 4.1');
  expect(text).not.toContain('Post anyway');
  await page.keyboard.press('Escape');
  expect(await waitFor(async () => !(await panelVisible(page)))).toBe(true);
  await page.click('#main footer button[aria-label="Send"]');
  expect(await waitFor(() => panelVisible(page))).toBe(true);
  expect(await postsOf(page)).toEqual([]);
  expect(recorder.stray).toEqual([]);
});
