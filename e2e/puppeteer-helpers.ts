// Puppeteer-core drivers for what Playwright cannot do here: stopping the extension's
// service worker (Playwright 1.65 stalls once an attached worker target goes away) and
// Firefox ESR over WebDriver BiDi. Same fixtures, same privacy rule: any request other
// than the fixture page and the extension's own files is recorded as stray and aborted.
import puppeteer, { type Browser, type Page, type HTTPRequest } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/dist');
const HOSTS: Record<string, string> = {
  'www.facebook.com': 'facebook',
  'x.com': 'twitter',
  'twitter.com': 'twitter',
  'www.linkedin.com': 'linkedin',
  'web.whatsapp.com': 'whatsapp',
};

export interface Recorder {
  /** Requests that would have left the machine (all aborted). */
  stray: string[];
  /** Fixture documents answered at their real URLs, when the caller wants to see them. */
  served?: string[];
}

export async function servedPage(browser: Browser, recorder: Recorder): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req: HTTPRequest) => {
    const url = new URL(req.url());
    if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:' || url.protocol === 'data:' || url.href === 'about:blank') {
      void req.continue();
      return;
    }
    const site = url.protocol === 'https:' ? HOSTS[url.hostname] : undefined;
    let isDocument: boolean;
    try {
      isDocument = req.resourceType() === 'document';
    } catch {
      isDocument = req.isNavigationRequest(); // WebDriver BiDi has no resource types
    }
    if (site && isDocument) {
      recorder.served?.push(req.url());
      void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(path.join(FIXTURES, `${site}.html`), 'utf8') });
      return;
    }
    recorder.stray.push(`${req.method()} ${req.url()}`);
    void req.abort('blockedbyclient');
  });
  return page;
}

export function launchChromium(extensionDir: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: [extensionDir],
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Debian's Firefox ESR, headless, with unsigned extensions allowed and nothing phoning home. */
export function launchFirefox(executablePath = '/usr/bin/firefox-esr'): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
}

export const postsOf = (page: Page) => page.evaluate(() => [...(window as unknown as { __posts: string[] }).__posts]);
export const panelVisible = (page: Page) =>
  page.evaluate(() => !!document.getElementById('think-twice-overlay')?.shadowRoot?.querySelector('.tt-panel'));

/** The card's text and its buttons' labels (the overlay's open shadow root). */
export const panelText = (page: Page) =>
  page.evaluate(() => document.getElementById('think-twice-overlay')?.shadowRoot?.querySelector('.tt-panel')?.textContent ?? '');
export const panelButtons = (page: Page) =>
  page.evaluate(() =>
    [...(document.getElementById('think-twice-overlay')?.shadowRoot?.querySelectorAll('.tt-panel button') ?? [])].map((b) => b.textContent?.trim() ?? ''),
  );

/** Type into the focused editor; '\n' as Shift+Enter. */
export async function typeText(page: Page, text: string): Promise<void> {
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Shift');
    }
    await page.keyboard.type(line);
  }
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
