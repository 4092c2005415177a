// Firefox ESR: the built dist/firefox installed through WebDriver BiDi (puppeteer-core's
// browser.installExtension), on the fixtures served at the real URLs, for all four sites.
// Mirrors the core of extension.spec.ts (Chromium): clean post once, NHS number held on the
// click and keyboard paths, the clause on the card, no "Post anyway" for a block, and
// "Apply fix" changing the editor MODEL before the fixed post goes through.
import { test, expect } from '@playwright/test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { CLEAN_TEXT, FIREFOX_DIR, NHS_TEXT, expectedCheck } from './ext-helpers';
import { SITES, type Site, type SubmitPath } from './harness';
import {
  launchFirefox,
  panelButtons,
  panelText,
  panelVisible,
  postsOf,
  servedPage,
  typeText,
  waitFor,
  type Recorder,
} from './puppeteer-helpers';

let browser: Browser;
let page: Page;
const recorder: Recorder = { stray: [], served: [] };

test.setTimeout(30_000);

test.beforeAll(async () => {
  test.setTimeout(90_000);
  browser = await launchFirefox();
  await browser.installExtension(FIREFOX_DIR);
  page = await servedPage(browser, recorder);
});

test.afterAll(async () => {
  await browser?.close();
});

test.afterEach(() => {
  // Privacy: nothing but the fixture pages and the extension's own files was requested.
  expect(recorder.stray).toEqual([]);
});

interface FirefoxSite {
  /** Puppeteer selectors (`>>>` pierces open shadow roots). */
  editor: string;
  submit: string;
  opener?: string;
  /** Every submit path the harness knows for this target: click, Enter/Space on the button, Enter or Ctrl+Enter in the editor. */
  paths: SubmitPath[];
}

/** Built from the harness's selectors (design.md §3), so both browsers look at the same controls. */
function firefoxSite(site: Site, target?: string): FirefoxSite {
  const spec = SITES[site];
  const t = spec.targets[target ?? spec.main]!;
  const pierce = (s: string) => s.replace('#interop-outlet ', '#interop-outlet >>> ');
  return { editor: pierce(t.editor), submit: pierce(t.submit!), opener: t.opener, paths: t.paths };
}

const SITE_LIST: Site[] = ['facebook', 'twitter', 'linkedin', 'whatsapp'];

async function openSite(site: Site): Promise<void> {
  await page.goto(SITES[site].url);
  await page.waitForFunction(() => Array.isArray((window as unknown as { __posts?: string[] }).__posts));
}

async function editorHandle(s: FirefoxSite): Promise<ElementHandle<Element>> {
  let editor = await page.$(s.editor);
  if (!editor && s.opener) {
    await page.click(s.opener);
    editor = await page.waitForSelector(s.editor, { timeout: 5_000 });
  }
  if (!editor) throw new Error(`no editor ${s.editor}`);
  return editor;
}

/** Click into the editor and wait until it really has focus (through shadow roots). */
async function focusEditor(s: FirefoxSite): Promise<void> {
  const editor = await editorHandle(s);
  await editor.click();
  await page.waitForFunction(
    (el) => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return !!active && (el === active || el.contains(active));
    },
    { timeout: 5_000 },
    editor,
  );
  await editor.dispose();
}

async function typeInto(s: FirefoxSite, text: string): Promise<void> {
  await focusEditor(s);
  await typeText(page, text);
}

async function submit(s: FirefoxSite, how: SubmitPath): Promise<void> {
  if (!s.paths.includes(how)) throw new Error(`${s.editor} does not submit by ${how}`);
  switch (how) {
    case 'click':
      await page.click(s.submit);
      return;
    case 'keyboard':
    case 'space':
      await page.focus(s.submit);
      await page.keyboard.press(how === 'space' ? ' ' : 'Enter');
      return;
    case 'enter':
      await focusEditor(s);
      await page.keyboard.press('Enter');
      return;
    case 'ctrl-enter':
      await focusEditor(s);
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
      return;
  }
}

const editorText = (site: Site) =>
  page.evaluate((name) => (window as unknown as { __editorText(n: string): string | null }).__editorText(name), SITES[site].main);

async function expectHeld(): Promise<void> {
  expect(await waitFor(() => panelVisible(page)), 'the card opens').toBe(true);
}

async function closePanel(): Promise<void> {
  await page.keyboard.press('Escape');
  expect(await waitFor(async () => !(await panelVisible(page))), 'Escape closes the card').toBe(true);
}

async function clickPanelButton(name: string): Promise<void> {
  const button = await page.evaluateHandle((label) => {
    const buttons = document.getElementById('think-twice-overlay')?.shadowRoot?.querySelectorAll('.tt-panel button') ?? [];
    return [...buttons].find((b) => b.textContent?.trim() === label) ?? null;
  }, name);
  const el = button.asElement() as ElementHandle<Element> | null;
  if (!el) throw new Error(`no "${name}" button on the card`);
  await el.click();
  await el.dispose();
}

for (const site of SITE_LIST) {
  const s = firefoxSite(site);

  test.describe(`Firefox ${site}`, () => {
    test('a clean post goes through once, unchanged', async () => {
      await openSite(site);
      await typeInto(s, CLEAN_TEXT);
      expect(await waitFor(async () => (await editorText(site)) === CLEAN_TEXT)).toBe(true);
      await submit(s, 'click');
      expect(await waitFor(async () => (await postsOf(page)).length > 0)).toBe(true);
      await new Promise((r) => setTimeout(r, 300)); // a second (duplicated) post would land by now
      expect(await postsOf(page)).toEqual([CLEAN_TEXT]);
      expect(await panelVisible(page)).toBe(false);
    });

    test(`an NHS-number post is held on every submit path (${s.paths.join(', ')}), nothing posted`, async () => {
      for (const how of s.paths) {
        await openSite(site);
        await typeInto(s, NHS_TEXT);
        await submit(s, how);
        await expectHeld();
        await new Promise((r) => setTimeout(r, 200));
        expect(await postsOf(page), `${site} by ${how}`).toEqual([]);
        await closePanel();
        expect(await postsOf(page), `${site} by ${how}, after closing`).toEqual([]);
        expect(await editorText(site)).toEqual(NHS_TEXT);
      }
    });

    test('the card shows the clause; no "Post anyway" for a block', async () => {
      await openSite(site);
      await typeInto(s, NHS_TEXT);
      await submit(s, 'click');
      await expectHeld();
      const text = await panelText(page);
      expect(text).toContain('Patient information');
      expect(text).toContain('Central London Healthcare Social Media Policy, section 4.1');
      expect(text).toContain('must not disclose information of CLH');
      const buttons = await panelButtons(page);
      expect(buttons).toContain('Apply fix');
      expect(buttons).toContain('Edit post');
      expect(buttons).not.toContain('Post anyway');
      await closePanel();
      expect(await postsOf(page)).toEqual([]);
    });

    test('"Apply fix" changes the editor model (multi-line) and the fixed post goes through', async () => {
      const text = 'Ward round done\nPatient 943 476 5919 doing well';
      const fixed = expectedCheck(text).fixed;
      expect(fixed).not.toEqual(text);
      await openSite(site);
      await typeInto(s, text);
      await submit(s, 'click');
      await expectHeld();
      await clickPanelButton('Apply fix');
      expect(await waitFor(async () => !(await panelVisible(page))), 'the card closes after the fix').toBe(true);
      expect(await waitFor(async () => (await editorText(site)) === fixed), `model holds the fix, has ${JSON.stringify(await editorText(site))}`).toBe(true);
      // One more typed character keeps model and DOM in step.
      await page.keyboard.press('End');
      await page.keyboard.type('!');
      expect(await waitFor(async () => (await editorText(site)) === `${fixed}!`)).toBe(true);
      await submit(s, 'click');
      expect(await waitFor(async () => (await postsOf(page)).length > 0)).toBe(true);
      expect(await postsOf(page)).toEqual([`${fixed}!`]);
    });
  });
}

test('Firefox linkedin messaging (in #interop-outlet\'s shadow root): NHS number held on Enter and click', async () => {
  const s = firefoxSite('linkedin', 'messaging');
  for (const how of ['enter', 'click'] as const) {
    await openSite('linkedin');
    await typeInto(s, NHS_TEXT);
    await submit(s, how);
    await expectHeld();
    expect(await postsOf(page), `messaging by ${how}`).toEqual([]);
    await closePanel();
  }
});

test('Firefox: the privacy recorder saw only fixture pages, and catches a stray request', async () => {
  for (const site of SITE_LIST) await openSite(site);
  const hosts = new Set(recorder.served!.map((u) => new URL(u).hostname));
  expect([...hosts].sort()).toEqual(['web.whatsapp.com', 'www.facebook.com', 'www.linkedin.com', 'x.com']);
  expect(recorder.stray).toEqual([]);
  // The check itself works: a request the page makes to anywhere else is recorded and aborted.
  await openSite('whatsapp');
  await page.evaluate(() => fetch('https://example.org/leak?x=1').catch(() => undefined));
  expect(await waitFor(async () => recorder.stray.length > 0)).toBe(true);
  expect(recorder.stray[0]).toContain('https://example.org/leak');
  recorder.stray.length = 0;
});
