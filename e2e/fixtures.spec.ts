// Proves the fixture pages behave like the real sites (no extension loaded): typing, pasting,
// every submit path, the editor model, and zero network requests besides the fixture pages.
import { expect, test, type Page } from '@playwright/test';
import {
  SITES,
  editorText,
  focusEditor,
  launchBrowser,
  openSite,
  pasteInto,
  postLog,
  posts,
  submit,
  typeInto,
  type LaunchedBrowser,
  type Site,
} from './harness';
import { WRITE_BACK_METHODS, writeBackByPaste } from './fixtures/write-back-probe';

let browser: LaunchedBrowser;
let page: Page;

test.beforeAll(async () => {
  browser = await launchBrowser();
});
test.afterAll(async () => {
  await browser?.close();
});
test.beforeEach(async () => {
  page = await browser.context.newPage();
  // A fixture that throws would make every later assertion meaningless.
  page.on('pageerror', (e) => {
    throw e;
  });
});
test.afterEach(async () => {
  await page.close();
  // The privacy recorder: nothing but fixture pages may have been requested.
  browser.privacyLog.assertNoStrayRequests();
  expect(browser.privacyLog.requests.every((r) => r.action === 'fixture')).toBe(true);
  browser.privacyLog.clear();
});

const ALL_SITES = Object.keys(SITES) as Site[];
/** Every (site, editor) pair with a submit path, e.g. facebook/post and facebook/comment. */
const TARGETS = ALL_SITES.flatMap((site) => Object.keys(SITES[site].targets).map((target) => ({ site, target })));

for (const site of ALL_SITES) {
  test.describe(site, () => {
    test('typed text is posted exactly once, from the model, and the editor clears', async () => {
      await openSite(page, site);
      await typeInto(page, site, 'Hello from the ward, all good');
      expect(await editorText(page, site)).toBe('Hello from the ward, all good');
      expect(await posts(page)).toEqual([]);
      const path = SITES[site].targets[SITES[site].main]!.paths[0]!;
      await submit(page, site, path);
      await expect.poll(() => posts(page)).toEqual(['Hello from the ward, all good']);
      await expect.poll(() => editorText(page, site)).toBe('');
    });

    test('pasted multi-line text keeps its line breaks', async () => {
      await openSite(page, site);
      const text = 'line one\nline two\n\nline four';
      await pasteInto(page, site, text);
      expect(await editorText(page, site)).toBe(text);
      await submit(page, site, SITES[site].targets[SITES[site].main]!.paths[0]!);
      await expect.poll(() => posts(page)).toEqual([text]);
    });

    test('typed Shift+Enter newlines survive to the post', async () => {
      await openSite(page, site);
      await typeInto(page, site, 'first\nsecond');
      expect(await editorText(page, site)).toBe('first\nsecond');
    });
  });
}

for (const { site, target } of TARGETS) {
  for (const path of SITES[site].targets[target]!.paths) {
    test(`${site}/${target}: submit by ${path}`, async () => {
      await openSite(page, site);
      const text = `via ${path}\nsecond line`;
      await typeInto(page, site, text, target);
      await submit(page, site, path, target);
      await expect.poll(() => postLog(page)).toEqual([expect.objectContaining({ target, text })]);
      await expect.poll(() => editorText(page, site, target)).toBe('');
    });
  }
}

test.describe('site quirks the extension must respect', () => {
  test('facebook: the composer dialog is mounted only after "What\'s on your mind?"', async () => {
    await openSite(page, 'facebook');
    await expect(page.locator('[role="dialog"]')).toHaveCount(0);
    await focusEditor(page, 'facebook');
    await expect(page.locator(SITES.facebook.targets.post!.editor)).toHaveCount(1);
  });

  test('facebook: Enter in the post composer is a newline, not a post', async () => {
    await openSite(page, 'facebook');
    await focusEditor(page, 'facebook');
    await page.keyboard.type('a');
    await page.keyboard.press('Enter');
    await page.keyboard.type('b');
    expect(await editorText(page, 'facebook')).toBe('a\nb');
    expect(await posts(page)).toEqual([]);
  });

  test('twitter: Post buttons disabled while empty, on /home, /compose/post and twitter.com', async () => {
    for (const [url, testId] of [
      ['https://x.com/home', 'tweetButtonInline'],
      ['https://x.com/compose/post', 'tweetButton'],
      ['https://twitter.com/home', 'tweetButtonInline'],
    ] as const) {
      await openSite(page, 'twitter', url);
      const button = page.locator(`button[data-testid="${testId}"]`);
      await expect(button).toBeDisabled();
      await typeInto(page, 'twitter', 'x');
      await expect(button).toBeEnabled();
      await submit(page, 'twitter', 'ctrl-enter');
      await expect(button).toBeDisabled();
    }
    expect(await posts(page)).toEqual(['x']); // the last page's post only (each goto is a fresh page)
  });

  test('twitter: the editor has Draft.js structure', async () => {
    await openSite(page, 'twitter');
    await expect(page.locator('[data-testid="tweetTextarea_0"].public-DraftEditor-content')).toHaveCount(1);
  });

  test('linkedin: messaging lives in the open shadow root of #interop-outlet', async () => {
    await openSite(page, 'linkedin');
    const inShadow = await page.evaluate(() => {
      const root = document.getElementById('interop-outlet')?.shadowRoot;
      return !!root?.querySelector('.msg-form__contenteditable') && !document.querySelector('.msg-form__contenteditable');
    });
    expect(inShadow).toBe(true);
    await expect(page.locator('.ql-editor')).toHaveCount(0); // share box opens on demand
  });

  test('whatsapp: Send exists only while there is text; Shift+Enter is a newline', async () => {
    await openSite(page, 'whatsapp');
    const send = page.locator(SITES.whatsapp.targets.message!.submit!);
    await expect(send).toHaveCount(0);
    await typeInto(page, 'whatsapp', 'one\ntwo');
    await expect(send).toHaveCount(1);
    expect(await posts(page)).toEqual([]);
    await submit(page, 'whatsapp', 'enter');
    await expect.poll(() => posts(page)).toEqual(['one\ntwo']);
    await expect(send).toHaveCount(0);
  });

  test('whatsapp: Enter during IME composition does not send', async () => {
    await openSite(page, 'whatsapp');
    await typeInto(page, 'whatsapp', 'nihao');
    // A real IME's commit Enter arrives as keydown with isComposing (keyCode 229).
    await page.locator(SITES.whatsapp.targets.message!.editor).evaluate((el) => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
    });
    expect(await posts(page)).toEqual([]);
    expect(await editorText(page, 'whatsapp')).toBe('nihao');
  });

  test('whatsapp: the chat-list search box is Lexical too, outside #main footer, and never sends', async () => {
    await openSite(page, 'whatsapp');
    const search = page.locator('#side div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]');
    await expect(search).toHaveCount(1);
    await search.click();
    await page.keyboard.type('Ward');
    await page.keyboard.press('Enter');
    expect(await editorText(page, 'whatsapp', 'search')).toBe('Ward');
    expect(await posts(page)).toEqual([]);
    await expect(page.locator('#main footer [data-lexical-editor="true"]')).toHaveCount(1);
  });

  test('whatsapp: the header tells one-to-one from group chats', async () => {
    await openSite(page, 'whatsapp');
    await expect(page.locator('#main header .participants')).toHaveCount(0);
    await page.locator('#side [role="row"][data-chat-id="group"]').click();
    await expect(page.locator('#main header span[title="Ana Smith, Ben Jones, Chris Patel, You"]')).toHaveCount(1);
    await openSite(page, 'whatsapp', 'https://web.whatsapp.com/?chat=group');
    await expect(page.locator('#main header .participants')).toHaveCount(1);
  });
});

test.describe('write back (design.md §3): select all, wait a macrotask, synthetic paste', () => {
  for (const { site, target } of TARGETS) {
    test(`${site}/${target}: replaces the model's text, multi-line`, async () => {
      await openSite(page, site);
      await typeInto(page, site, 'Patient in bed 4 is Mrs K', target);
      const replacement = 'A patient on the ward\nis doing well';
      await page.locator(SITES[site].targets[target]!.editor).first().evaluate(writeBackByPaste, replacement);
      await expect.poll(() => editorText(page, site, target)).toBe(replacement);
      // And the site posts the replaced text, once.
      const path = SITES[site].targets[target]!.paths.includes('click') ? 'click' : 'enter';
      await submit(page, site, path, target);
      await expect.poll(() => posts(page)).toEqual([replacement]);
    });
  }

  // Informational: how the other methods behave on each editor (printed, attached, not asserted).
  test('write-back alternatives (informational)', async () => {
    test.setTimeout(180_000);
    const original = 'old text';
    const replacement = 'new one\nnew two';
    const rows: string[] = [];
    for (const { site, target } of TARGETS) {
      for (const [name, method] of Object.entries(WRITE_BACK_METHODS)) {
        await openSite(page, site);
        await typeInto(page, site, original, target);
        const editor = page.locator(SITES[site].targets[target]!.editor).first();
        await editor.evaluate(method, replacement);
        await page.waitForTimeout(50);
        const model = await editorText(page, site, target);
        const dom = await editor.evaluate((el) => (el as HTMLElement).innerText.replace(/\n$/, ''));
        let verdict =
          model === replacement ? 'works'
          : model === replacement.replace('\n', '') || model === replacement.replace('\n', ' ') ? 'single line'
          : model?.includes(original) && model.includes('new one') ? 'appends'
          : model === original ? 'ignored/reverted'
          : `other: ${JSON.stringify(model)}`;
        if (verdict === 'ignored/reverted' && dom.includes('new one')) verdict = 'DOM changed, model did not (desync)';
        rows.push(`${`${site}/${target}`.padEnd(20)} ${name.padEnd(34)} ${verdict}`);
      }
    }
    const table = rows.join('\n');
    console.log(`\n${table}\n`);
    await test.info().attach('write-back-alternatives.txt', { body: table, contentType: 'text/plain' });
  });
});
