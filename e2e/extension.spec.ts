// The built extension in Debian's Chromium against the fixture pages served at the real URLs.
import { test, expect, type Page } from '@playwright/test';
import { launchBrowser, openSite, typeInto, pasteInto, submit, posts, editorText, focusEditor, SITES, type LaunchedBrowser, type Site, type SubmitPath } from './harness';
import { CHROME_DIR, CLEAN_TEXT, NHS_TEXT, WARN_TEXT, closePanel, expectHeld, expectedCheck, installTestRuleset, overlayButton, panel } from './ext-helpers';

test.setTimeout(30_000);

let browser: LaunchedBrowser;
let page: Page;

test.beforeAll(async () => {
  browser = await launchBrowser({ extensionDir: CHROME_DIR });
  await installTestRuleset(browser.context);
});

test.afterAll(async () => {
  await browser?.close();
});

test.beforeEach(async () => {
  page = await browser.context.newPage();
});

test.afterEach(async () => {
  await page.close();
  // Privacy: nothing but the fixture pages and the extension's own files was requested.
  browser.privacyLog.assertNoStrayRequests();
});

const SITE_LIST: Site[] = ['facebook', 'twitter', 'linkedin', 'whatsapp'];

/** Every (target, path) pair the harness knows for a site. */
function submitPaths(site: Site): { target: string; how: SubmitPath }[] {
  return Object.entries(SITES[site].targets).flatMap(([target, t]) => t.paths.map((how) => ({ target, how })));
}

for (const site of SITE_LIST) {
  test.describe(site, () => {
    test('a clean post goes through once, unchanged', async () => {
      await openSite(page, site);
      await typeInto(page, site, CLEAN_TEXT);
      await submit(page, site, 'click');
      await expect.poll(() => posts(page)).toEqual([CLEAN_TEXT]);
      await expect(panel(page)).toHaveCount(0);
    });

    test('a post with an NHS number is held on every submit path, nothing posted', async () => {
      await openSite(page, site);
      for (const { target, how } of submitPaths(site)) {
        await typeInto(page, site, NHS_TEXT, target);
        await submit(page, site, how, target);
        await expectHeld(page);
        expect(await posts(page), `${target} by ${how}`).toEqual([]);
        await closePanel(page);
        // Empty the box for the next path.
        await focusEditor(page, site, target);
        await page.keyboard.press('ControlOrMeta+a');
        await page.keyboard.press('Delete');
      }
      expect(await posts(page)).toEqual([]);
    });

    test('the overlay shows the clause, and "Post anyway" is absent for a block', async () => {
      await openSite(page, site);
      await typeInto(page, site, NHS_TEXT);
      await submit(page, site, 'click');
      await expectHeld(page);
      const p = panel(page);
      await expect(p).toContainText('Patient information');
      await expect(p).toContainText('Central London Healthcare Social Media Policy, section 4.1');
      await expect(p).toContainText('must not disclose information of CLH');
      await expect(p.getByRole('link', { name: 'Read the full policy' })).toBeVisible();
      await expect(overlayButton(page, 'Apply fix')).toBeVisible();
      await expect(overlayButton(page, 'Edit post')).toBeVisible();
      await expect(overlayButton(page, 'Post anyway')).toHaveCount(0);
      // Focus is on the card; site keys do not fire; Esc closes.
      await expect(p).toBeFocused();
      await closePanel(page);
      expect(await posts(page)).toEqual([]);
    });

    test('"Apply fix" changes the editor model (multi-line) and the fixed post goes through', async () => {
      const text = `Ward round done\nPatient 943 476 5919 doing well`;
      const fixed = expectedCheck(text).fixed;
      expect(fixed).not.toEqual(text);
      await openSite(page, site);
      await typeInto(page, site, text);
      await submit(page, site, 'click');
      await expectHeld(page);
      await overlayButton(page, 'Apply fix').click();
      await expect(panel(page)).toHaveCount(0);
      await expect.poll(() => editorText(page, site)).toEqual(fixed);
      // One more typed character keeps model and DOM in step.
      await page.keyboard.press('End');
      await page.keyboard.type('!');
      await expect.poll(() => editorText(page, site)).toEqual(`${fixed}!`);
      await submit(page, site, 'click');
      await expect.poll(() => posts(page)).toEqual([`${fixed}!`]);
    });

    test('"Post anyway" works for a warn', async () => {
      expect(expectedCheck(WARN_TEXT).verdict).toBe('warn');
      await openSite(page, site);
      await typeInto(page, site, WARN_TEXT);
      await submit(page, site, 'click');
      await expectHeld(page);
      expect(await posts(page)).toEqual([]);
      await overlayButton(page, 'Post anyway').click();
      await expect.poll(() => posts(page)).toEqual([WARN_TEXT]);
    });

    test('text pasted in one go is caught', async () => {
      await openSite(page, site);
      await pasteInto(page, site, NHS_TEXT);
      await expect.poll(() => editorText(page, site)).toEqual(NHS_TEXT);
      await submit(page, site, 'click');
      await expectHeld(page);
      expect(await posts(page)).toEqual([]);
    });

    test('"Edit post" closes the card and leaves the text for editing', async () => {
      await openSite(page, site);
      await typeInto(page, site, NHS_TEXT);
      await submit(page, site, 'click');
      await expectHeld(page);
      await overlayButton(page, 'Edit post').click();
      await expect(panel(page)).toHaveCount(0);
      expect(await editorText(page, site)).toEqual(NHS_TEXT);
      expect(await posts(page)).toEqual([]);
    });
  });
}

test('an editor that appears after load is covered (WhatsApp chat switch, X compose dialog)', async () => {
  await openSite(page, 'whatsapp');
  await page.locator('#side [data-chat-id="group"]').click();
  await typeInto(page, 'whatsapp', NHS_TEXT);
  await submit(page, 'whatsapp', 'enter');
  await expectHeld(page);
  expect(await posts(page)).toEqual([]);
  await closePanel(page);

  await openSite(page, 'twitter', 'https://x.com/compose/post');
  await typeInto(page, 'twitter', NHS_TEXT);
  await submit(page, 'twitter', 'click');
  await expectHeld(page);
  expect(await posts(page)).toEqual([]);
});

test('the WhatsApp search box is not intercepted', async () => {
  await openSite(page, 'whatsapp');
  await page.locator('#side [contenteditable="true"]').click();
  await page.keyboard.type(NHS_TEXT);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  await expect(panel(page)).toHaveCount(0);
});

// The worker-kill test lives in extension-worker.spec.ts (puppeteer-core: Playwright stalls
// once an attached service-worker target is closed).
