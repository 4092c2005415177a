/**
 * Background worker (Chrome service worker / Firefox event page). Holds the active
 * ruleset, runs the shared checker for the content scripts, and writes the ruleset
 * JSON to storage.local so a page can check on its own while this worker sleeps.
 *
 * Settings: managed policy (storage.managed) over the user's own choices over defaults,
 * resolved by src/settings/managed.ts. Chrome fires storage.onChanged("managed") when the
 * policy changes; Firefox reads policy only at browser start and fires nothing, so the
 * policy is also re-read on every start and every update check.
 *
 * Updates: when the organisation sets a ruleset URL, the signed bundle is fetched at start
 * and on a jittered alarm, verified (src/background/updates.ts), kept as the last good one
 * in storage.local and published to every open tab. Failures keep the last good ruleset.
 *
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
import { resolveSettings, type SettingsReport } from '../settings/managed.js';
import {
  ACTIVE_RULESET_KEY,
  EFFECTIVE_SETTINGS_KEY,
  SETTINGS_KEY,
  isActiveRuleset,
  type ActiveRuleset,
  type BackgroundRequest,
  type CheckResponse,
  type Status,
} from '../shared/messages.js';
import {
  INITIAL_STATE,
  REFRESH_ALARM,
  UPDATE_STATE_KEY,
  applyResult,
  fetchBundleText,
  isUpdateState,
  judgeOutcome,
  lastGoodFor,
  nextCheckDelayMinutes,
  type UpdateState,
} from './updates.js';

interface Checker {
  readonly ruleset: CompiledRuleset;
  check(text: string, ctx: CheckContext): Result;
}
const createChecker = (ruleset: CompiledRuleset): Checker => ({ ruleset, check: (text, ctx) => runCheck(ruleset, text, ctx) });

const RULESETS = bundled as unknown as Record<string, RulesetInput>;

let checker: Checker | null = null;
let checkerKey = '';
let loading: Promise<Checker | null> | null = null;

// ---------------------------------------------------------------- settings

async function readManaged(): Promise<Record<string, unknown> | undefined> {
  try {
    const managed = await browser.storage.managed.get();
    return managed && Object.keys(managed).length > 0 ? managed : undefined;
  } catch {
    // Firefox throws when no policy sets anything for this extension.
    return undefined;
  }
}

async function readSettings(): Promise<SettingsReport & { managed: boolean }> {
  const [managed, stored] = await Promise.all([readManaged(), browser.storage.local.get(SETTINGS_KEY)]);
  const local = stored[SETTINGS_KEY];
  const report = resolveSettings(managed, local && typeof local === 'object' ? (local as Record<string, unknown>) : {});
  return { ...report, managed: managed !== undefined };
}

async function readUpdateState(): Promise<UpdateState> {
  const stored = (await browser.storage.local.get(UPDATE_STATE_KEY))[UPDATE_STATE_KEY];
  return isUpdateState(stored) ? stored : INITIAL_STATE;
}

/** Content scripts read the settings in force from storage.local (they cannot rely on a sleeping worker). */
async function publishSettings(report: SettingsReport): Promise<void> {
  const current = (await browser.storage.local.get(EFFECTIVE_SETTINGS_KEY))[EFFECTIVE_SETTINGS_KEY];
  if (JSON.stringify(current) !== JSON.stringify(report.settings)) await browser.storage.local.set({ [EFFECTIVE_SETTINGS_KEY]: report.settings });
}

// ---------------------------------------------------------------- the ruleset in force

/**
 * Make storage.local hold the ruleset the settings choose: the last good signed update
 * for that ruleset id, else the bundled copy (only when nothing valid was ever fetched).
 * `force` (install, a settings change, a new update) always writes it; otherwise a stored
 * ruleset with the same id and an equal or higher version is kept.
 */
async function publishRuleset(force = false): Promise<ActiveRuleset | null> {
  const report = await readSettings();
  await publishSettings(report);
  const id = report.settings.rulesetId;
  const good = lastGoodFor(await readUpdateState(), id);
  const input = good?.input ?? RULESETS[id];
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

// ---------------------------------------------------------------- updates

let updating: Promise<void> | null = null;

/** One update check at a time; the result (good or bad) is kept in storage.local. */
function checkForUpdate(): Promise<void> {
  updating ??= runUpdate().finally(() => {
    updating = null;
  });
  return updating;
}

async function runUpdate(): Promise<void> {
  const report = await readSettings();
  const { settings } = report;
  await publishSettings(report);
  await scheduleRefresh(report);
  if (!settings.rulesetUrl) return;
  const outcome = await fetchBundleText(settings.rulesetUrl);
  const state = await readUpdateState();
  const now = new Date();
  const result = await judgeOutcome(outcome, state, {
    url: settings.rulesetUrl,
    now,
    trustedKeys: settings.rulesetPublicKeys,
    expectedId: settings.rulesetId,
    minimumVersion: settings.minimumRulesetVersion,
    compiles: (input) => {
      const { ruleset, issues } = compileRuleset(input);
      return ruleset ? null : `${issues.length} problem(s), first: ${issues[0]?.message ?? 'unknown'}`;
    },
  });
  await browser.storage.local.set({ [UPDATE_STATE_KEY]: applyResult(state, result, now) });
  if (result.kind === 'accepted') await publishRuleset(true);
}

/** A one-shot alarm, re-made after every check with fresh jitter (Chrome's minimum is 30 s; ours 15 min). */
async function scheduleRefresh(report: SettingsReport, replace = false): Promise<void> {
  if (!report.settings.rulesetUrl) {
    await browser.alarms.clear(REFRESH_ALARM);
    return;
  }
  if (!replace && (await browser.alarms.get(REFRESH_ALARM)) && !updating) return;
  await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: nextCheckDelayMinutes(report.settings.refreshIntervalMinutes, Math.random()) });
}

// ---------------------------------------------------------------- status

async function status(): Promise<Status> {
  const [report, state, stored, alarm] = await Promise.all([
    readSettings(),
    readUpdateState(),
    browser.storage.local.get(ACTIVE_RULESET_KEY),
    browser.alarms.get(REFRESH_ALARM),
  ]);
  const active = stored[ACTIVE_RULESET_KEY];
  const good = lastGoodFor(state, report.settings.rulesetId);
  let ruleset: Status['ruleset'] = null;
  if (isActiveRuleset(active)) {
    const signed = good && good.id === active.id && good.version === active.version ? good : null;
    ruleset = {
      id: active.id,
      version: active.version,
      title: active.input.policy?.title ?? null,
      source: signed ? 'signed' : 'bundled',
      signer: signed?.signer ?? null,
      fetchedAt: signed?.fetchedAt ?? null,
      issued: signed?.issued ?? null,
      expires: signed?.expires ?? null,
    };
  }
  return {
    ruleset,
    updates: {
      url: report.settings.rulesetUrl,
      lastCheckedAt: state.lastCheckedAt,
      lastSuccessAt: state.lastSuccessAt,
      lastUpdateError: state.lastUpdateError,
      nextCheckAt: alarm ? new Date(alarm.scheduledTime).toISOString() : null,
    },
    settings: report.settings,
    managedKeys: report.managedKeys,
    problems: report.problems,
    managed: report.managed,
  };
}

// ---------------------------------------------------------------- messages and events

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
    case 'getStatus':
      return status();
    case 'localeMessages': {
      const dir = msg.lang === 'cy' ? 'cy' : 'en_GB';
      const res = await fetch(browser.runtime.getURL(`_locales/${dir}/messages.json`));
      return res.ok ? ((await res.json()) as unknown) : null;
    }
    case 'checkNow':
      await checkForUpdate();
      return status();
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
  void publishRuleset(true).then(checkForUpdate);
});
browser.runtime.onStartup.addListener(() => {
  void publishRuleset().then(checkForUpdate);
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) void checkForUpdate();
});
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[SETTINGS_KEY]) void publishRuleset(true);
  // Chrome only: the organisation changed its policy while the browser runs.
  if (area === 'managed') {
    void publishRuleset(true).then(async () => {
      await scheduleRefresh(await readSettings(), true);
      await checkForUpdate();
    });
  }
});
// A worker woken by a message or alarm: make sure the ruleset is in storage; the
// first wake after a browser start also looks for an update (onStartup may have been missed).
void publishRuleset().then(async () => {
  const state = await readUpdateState();
  const last = state.lastCheckedAt ? Date.parse(state.lastCheckedAt) : 0;
  if (Date.now() - last > 15 * 60_000) await checkForUpdate();
  else await scheduleRefresh(await readSettings());
});
