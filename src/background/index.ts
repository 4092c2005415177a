/**
 * Background worker (Chrome service worker / Firefox event page). Holds the active
 * ruleset, runs the shared checker for the content scripts, and writes the ruleset
 * JSON to storage.local so a page can check on its own while this worker sleeps.
 * Listeners are registered synchronously at top level (a woken worker must find them).
 * Nothing here logs, stores or sends post text.
 */
import browser from 'webextension-polyfill';
// File by file, not '../checker/index.js': the YAML/zod loader is not needed here, and zod's
// `new Function` would trip extension CSP review.
import { compileRuleset, type CompiledRuleset } from '../checker/ruleset/compile.js';
import { runCheck } from '../checker/engine.js';
import type { CheckContext, Result } from '../checker/types.js';
import type { RulesetInput } from '../checker/ruleset/schema.js';
import bundled from '../generated/rulesets.json';
import {
  ACTIVE_RULESET_KEY,
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  isActiveRuleset,
  type ActiveRuleset,
  type BackgroundRequest,
  type CheckResponse,
  type Settings,
} from '../shared/messages.js';

interface Checker {
  readonly ruleset: CompiledRuleset;
  check(text: string, ctx: CheckContext): Result;
}
const createChecker = (ruleset: CompiledRuleset): Checker => ({ ruleset, check: (text, ctx) => runCheck(ruleset, text, ctx) });

const RULESETS = bundled as unknown as Record<string, RulesetInput>;

let checker: Checker | null = null;
let checkerKey = '';
let loading: Promise<Checker | null> | null = null;

async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const s = stored[SETTINGS_KEY] as Partial<Settings> | undefined;
  const rulesetId = s?.rulesetId && RULESETS[s.rulesetId] ? s.rulesetId : DEFAULT_SETTINGS.rulesetId;
  return { ...DEFAULT_SETTINGS, ...s, rulesetId };
}

/**
 * Make storage.local hold the ruleset the settings choose. `force` (install/update, a
 * settings change) always writes the bundled copy; otherwise a stored ruleset for the
 * same organisation is kept unless the bundled one is newer (a later-delivered ruleset
 * with a higher version survives a worker restart).
 */
async function publishRuleset(force = false): Promise<ActiveRuleset | null> {
  const settings = await readSettings();
  const input = RULESETS[settings.rulesetId];
  if (!input) return null;
  const current = (await browser.storage.local.get(ACTIVE_RULESET_KEY))[ACTIVE_RULESET_KEY];
  const active: ActiveRuleset = { id: input.id, version: input.version, input };
  const keep = !force && isActiveRuleset(current) && current.id === active.id && current.version >= active.version;
  if (keep) return current;
  if (!isActiveRuleset(current) || JSON.stringify(current) !== JSON.stringify(active)) {
    await browser.storage.local.set({ [ACTIVE_RULESET_KEY]: active });
  }
  return active;
}

/** The checker for whatever ruleset storage.local holds (the page uses the same one). */
async function activeChecker(): Promise<Checker | null> {
  const stored = (await browser.storage.local.get(ACTIVE_RULESET_KEY))[ACTIVE_RULESET_KEY];
  const active = isActiveRuleset(stored) ? stored : await publishRuleset();
  if (!active) return null;
  const key = `${active.id}@${active.version}:${JSON.stringify(active.input).length}`;
  if (checker && key === checkerKey) return checker;
  const { ruleset } = compileRuleset(active.input);
  if (!ruleset) return null;
  checker = createChecker(ruleset);
  checkerKey = key;
  return checker;
}

async function handle(msg: BackgroundRequest): Promise<unknown> {
  switch (msg.type) {
    case 'check': {
      loading ??= activeChecker().finally(() => {
        loading = null;
      });
      const c = await loading;
      if (!c) return { ok: false, error: 'no ruleset' } satisfies CheckResponse;
      return { ok: true, result: c.check(msg.text, msg.ctx), rulesetId: c.ruleset.id, rulesetVersion: c.ruleset.version } satisfies CheckResponse;
    }
    case 'ensureRuleset':
      await publishRuleset();
      return { ok: true };
    case 'openPolicy': {
      // Only the policy texts bundled with the extension, by plain file name.
      if (!/^[a-z0-9-]+\.txt$/.test(msg.file)) return { ok: false };
      await browser.tabs.create({ url: browser.runtime.getURL(`policies/${msg.file}`) });
      return { ok: true };
    }
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only our own content scripts and pages.
  if (sender.id !== browser.runtime.id) return undefined;
  const msg = message as BackgroundRequest;
  if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return undefined;
  return handle(msg);
});

browser.runtime.onInstalled.addListener(() => {
  void publishRuleset(true);
});
browser.runtime.onStartup.addListener(() => {
  void publishRuleset();
});
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[SETTINGS_KEY]) void publishRuleset(true);
});
void publishRuleset();
