// Helpers for the extension specs: the built extension, a test ruleset with a warn rule,
// and locators into the overlay (Playwright CSS pierces its open shadow root).
import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuleset } from '../src/checker/ruleset/compile';
import { runCheck } from '../src/checker/engine';
import type { RulesetInput } from '../src/checker/ruleset/schema';
import type { CheckContext } from '../src/checker/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROME_DIR = path.join(root, 'dist/chrome');
export const FIREFOX_DIR = path.join(root, 'dist/firefox');

const bundled = JSON.parse(readFileSync(path.join(root, 'src/generated/rulesets.json'), 'utf8')) as Record<string, RulesetInput>;

export const NHS_TEXT = 'Bed 4 is NHS number 943 476 5919, lovely lady';
export const CLEAN_TEXT = 'Lovely shift today, thanks to the whole team!';
/** Matched by the test's warn rule only. */
export const WARN_TEXT = 'Speaking on behalf of the trust, we are proud of our staff';

/**
 * The clh ruleset as bundled, plus one warn rule so "Post anyway" can be exercised
 * whatever the authored rulesets hold today. Version 999 so the worker keeps it.
 */
export function testRuleset(): RulesetInput {
  const base = structuredClone(bundled.clh!);
  const rule = {
    id: 'e2e.speaking-for-trust',
    category: 'speaking-for-organisation',
    severity: 'warn',
    clause: {
      section: '4.3',
      quote: 'Staff must make clear that views expressed are their own and not those of the organisation.',
      why: 'Readers may take your post as the organisation speaking.',
    },
    message: 'This reads as if you speak for the trust.',
    match: { terms: ['on behalf of the trust'] },
    fix: { action: 'append', text: ' (my own views)', label: 'Say these are your own views' },
    examples: { flag: [WARN_TEXT], ok: [CLEAN_TEXT] },
  };
  return { ...base, version: 999, rules: [...(base.rules ?? []), rule] } as unknown as RulesetInput;
}

const compiled = compileRuleset(testRuleset()).ruleset!;
/** What the checker says in Node, for expected values. */
export function expectedCheck(text: string, ctx: CheckContext = {}) {
  return runCheck(compiled, text, ctx);
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return existing ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

/** Put the test ruleset in storage.local as the worker would (content scripts follow storage). */
export async function installTestRuleset(context: BrowserContext): Promise<void> {
  const worker = await extensionWorker(context);
  const input = testRuleset();
  const active = { id: input.id, version: input.version, input };
  // The worker's own onInstalled write of the bundled ruleset may land after ours:
  // write until ours has stayed put for half a second.
  for (let attempt = 0; attempt < 20; attempt++) {
    const version = await worker.evaluate(async (a) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void>; get(k: string): Promise<Record<string, { version?: number } | undefined>> } } } }).chrome;
      const now = (await c.storage.local.get('activeRuleset')).activeRuleset?.version;
      if (now !== a.version) await c.storage.local.set({ activeRuleset: a });
      await new Promise((r) => setTimeout(r, 500));
      return (await c.storage.local.get('activeRuleset')).activeRuleset?.version;
    }, active);
    if (version === active.version && attempt > 0) return;
  }
  throw new Error('could not install the test ruleset');
}

export function panel(page: Page) {
  return page.locator('#think-twice-overlay .tt-panel');
}

export function overlayButton(page: Page, name: string) {
  return panel(page).getByRole('button', { name, exact: true });
}

export async function expectHeld(page: Page): Promise<void> {
  await expect(panel(page)).toBeVisible({ timeout: 5_000 });
}

export async function closePanel(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
}
