// Playwright harness: real site URLs answered offline with the fixture pages, an optional
// unpacked extension, and a privacy recorder that proves nothing else left the browser.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureWindow, PostRecord } from './fixtures/src/common';

export type Site = 'facebook' | 'twitter' | 'linkedin' | 'whatsapp';
export type SubmitPath = 'click' | 'keyboard' | 'enter' | 'ctrl-enter' | 'space';

const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/dist');

/** Which fixture answers which host. */
const HOST_TO_SITE: Record<string, Site> = {
  'www.facebook.com': 'facebook',
  'x.com': 'twitter',
  'twitter.com': 'twitter',
  'www.linkedin.com': 'linkedin',
  'web.whatsapp.com': 'whatsapp',
};

interface TargetSpec {
  /** The compose box (Playwright CSS pierces open shadow roots). */
  editor: string;
  /** The site's own submit control, if any. */
  submit?: string;
  /** Clicked first when the editor is not on the page yet (dialogs mounted after load). */
  opener?: string;
  /** Submit paths this target supports. */
  paths: SubmitPath[];
}
interface SiteSpec {
  url: string;
  main: string;
  targets: Record<string, TargetSpec>;
}

/** Selectors follow design.md §3 (what the extension's adapters will look for). */
export const SITES: Record<Site, SiteSpec> = {
  facebook: {
    url: 'https://www.facebook.com/',
    main: 'post',
    targets: {
      post: {
        editor: '[role="dialog"] div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
        submit: '[role="dialog"] div[role="button"][aria-label="Post"]',
        opener: 'div[role="button"].composer-opener',
        paths: ['click', 'keyboard', 'space'], // Enter in the post composer is a newline
      },
      comment: { editor: 'div[aria-label^="Write a comment"][data-lexical-editor="true"]', paths: ['enter'] },
    },
  },
  twitter: {
    url: 'https://x.com/home',
    main: 'tweet',
    targets: {
      tweet: {
        editor: '[data-testid="tweetTextarea_0"][role="textbox"][contenteditable="true"]',
        submit: 'button[data-testid="tweetButtonInline"], button[data-testid="tweetButton"]',
        paths: ['click', 'keyboard', 'space', 'ctrl-enter'],
      },
    },
  },
  linkedin: {
    url: 'https://www.linkedin.com/feed/',
    main: 'share',
    targets: {
      share: {
        editor: '.ql-editor[contenteditable="true"][role="textbox"][aria-label^="Text editor for creating"]',
        submit: 'button.share-actions__primary-action',
        opener: 'button.share-box-feed-entry__trigger',
        paths: ['click', 'keyboard', 'space', 'ctrl-enter'],
      },
      messaging: {
        editor: '#interop-outlet .msg-form__contenteditable',
        submit: '#interop-outlet button.msg-form__send-button',
        paths: ['click', 'keyboard', 'space', 'enter'],
      },
    },
  },
  whatsapp: {
    url: 'https://web.whatsapp.com/',
    main: 'message',
    targets: {
      message: {
        editor: '#main footer div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
        submit: '#main footer button[aria-label="Send"]',
        paths: ['click', 'keyboard', 'space', 'enter'],
      },
    },
  },
};

// ---------------------------------------------------------------- privacy log

export interface RequestRecord {
  url: string;
  method: string;
  resourceType: string;
  action: 'fixture' | 'extension' | 'local' | 'aborted';
}

/** Every request the context made, and what the harness did with it. */
export class PrivacyLog {
  readonly requests: RequestRecord[] = [];
  /** Requests that would have left the machine (all aborted). */
  stray(): RequestRecord[] {
    return this.requests.filter((r) => r.action === 'aborted');
  }
  /** Throws, listing them, if anything other than fixture pages and the extension's own files was requested. */
  assertNoStrayRequests(): void {
    const stray = this.stray();
    if (stray.length > 0) {
      throw new Error(`Stray network requests:\n${stray.map((r) => `  ${r.method} ${r.url} (${r.resourceType})`).join('\n')}`);
    }
  }
  clear(): void {
    this.requests.length = 0;
  }
}

// ---------------------------------------------------------------- browser

export interface LaunchedBrowser {
  context: BrowserContext;
  privacyLog: PrivacyLog;
  close(): Promise<void>;
}

export async function launchBrowser(options: { extensionDir?: string; /** Origins let through (the local practice server). */ localOrigins?: string[] } = {}): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'think-twice-e2e-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  if (options.extensionDir) {
    const dir = path.resolve(options.extensionDir);
    args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', // Debian's build; never channel:'chromium' (needs a download)
    headless: true,
    args,
    // Playwright passes --disable-extensions by default, which would stop the unpacked load.
    ...(options.extensionDir ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
  });

  const privacyLog = new PrivacyLog();
  const pages = new Map<Site, string>();
  const fixtureHtml = async (site: Site) => {
    let html = pages.get(site);
    if (html === undefined) {
      html = await readFile(path.join(FIXTURE_DIR, `${site}.html`), 'utf8');
      pages.set(site, html);
    }
    return html;
  };

  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const record = (action: RequestRecord['action']) =>
      privacyLog.requests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType(), action });
    // Aborting the extension's own files would kill its content scripts.
    if (url.protocol === 'chrome-extension:') {
      record('extension');
      return route.continue();
    }
    if (options.localOrigins?.includes(url.origin)) {
      record('local');
      return route.continue();
    }
    const site = url.protocol === 'https:' ? HOST_TO_SITE[url.hostname] : undefined;
    if (site && request.resourceType() === 'document') {
      record('fixture');
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: await fixtureHtml(site) });
    }
    record('aborted');
    return route.abort('blockedbyclient');
  });

  return {
    context,
    privacyLog,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- page helpers

function target(site: Site, name?: string): TargetSpec {
  const spec = SITES[site];
  const t = spec.targets[name ?? spec.main];
  if (!t) throw new Error(`${site} has no target ${name}`);
  return t;
}

export async function openSite(page: Page, site: Site, url: string = SITES[site].url): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => Array.isArray((window as unknown as FixtureWindow).__posts));
}

/** Focus the editor, opening its dialog/composer first where the site mounts it on demand. */
export async function focusEditor(page: Page, site: Site, targetName?: string): Promise<void> {
  const t = target(site, targetName);
  const editor = page.locator(t.editor).first();
  if (t.opener && (await editor.count()) === 0) await page.locator(t.opener).click();
  await editor.click();
  // Wait until the editor really has focus; inside a shadow root document.activeElement is the host.
  const handle = await editor.elementHandle();
  await page.waitForFunction((el) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return !!el && !!active && (el === active || el.contains(active));
  }, handle);
  await handle?.dispose();
}

/** Real keyboard typing; '\n' is typed as Shift+Enter (a newline on every site, never a submit). */
export async function typeInto(page: Page, site: Site, text: string, targetName?: string): Promise<void> {
  await focusEditor(page, site, targetName);
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Shift+Enter');
    if (line) await page.keyboard.type(line);
  }
}

/** A paste as the sites see it: a ClipboardEvent carrying a DataTransfer, on the focused editor. */
export async function pasteInto(page: Page, site: Site, text: string, targetName?: string): Promise<void> {
  await focusEditor(page, site, targetName);
  await page.evaluate((pasted) => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) throw new Error('nothing focused');
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  }, text);
}

/** Submit through one of the site's paths. 'keyboard' = focus the submit control and press Enter. */
export async function submit(page: Page, site: Site, how: SubmitPath, targetName?: string): Promise<void> {
  const t = target(site, targetName);
  if (!t.paths.includes(how)) throw new Error(`${site}/${targetName ?? SITES[site].main} does not submit by ${how}`);
  switch (how) {
    case 'click':
      await page.locator(t.submit!).first().click();
      return;
    case 'keyboard':
    case 'space':
      await page.locator(t.submit!).first().focus();
      await page.keyboard.press(how === 'space' ? 'Space' : 'Enter');
      return;
    case 'enter':
      await page.locator(t.editor).first().focus();
      await page.keyboard.press('Enter');
      return;
    case 'ctrl-enter':
      await page.locator(t.editor).first().focus();
      await page.keyboard.press('ControlOrMeta+Enter');
      return;
  }
}

/** What the page recorded as posted (editor model text at submit time), oldest first. */
export function posts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as FixtureWindow).__posts]);
}

export function postLog(page: Page): Promise<PostRecord[]> {
  return page.evaluate(() => [...(window as unknown as FixtureWindow).__postLog]);
}

/** The editor MODEL's plain text (Lexical state, Draft ContentState, Quill getText, or DOM for plain contenteditable). */
export function editorText(page: Page, site: Site, targetName?: string): Promise<string | null> {
  const name = targetName ?? SITES[site].main;
  return page.evaluate((n) => (window as unknown as FixtureWindow).__editorText(n), name);
}
