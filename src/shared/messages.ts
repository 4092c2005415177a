/**
 * Messages between the extension's pages/content scripts and the background worker, and
 * the storage keys they share. Everything stays inside the browser: no message ever goes
 * to a server. The one network request the extension makes is the background's fetch of
 * the organisation's signed ruleset (src/background/updates.ts).
 */
import type { CheckContext, Result } from '../checker/types.js';
import type { RulesetInput } from '../checker/ruleset/schema.js';
import type { Settings } from '../settings/managed.js';

// The one definition of the settings: defaults, managed policy and validation live in
// src/settings/managed.ts.
export { DEFAULT_SETTINGS, resolveSettings, type Settings, type SettingsReport } from '../settings/managed.js';

export type BackgroundRequest =
  | { type: 'check'; text: string; ctx: CheckContext }
  | { type: 'ensureRuleset' }
  | { type: 'openPolicy'; file: string }
  /** Answered with a `Status` (popup, options page). */
  | { type: 'getStatus' }
  /** Look for a ruleset update now (options page button); answered with the new `Status`. */
  | { type: 'checkNow' }
  /**
   * The messages.json of one UI language, for a content script whose organisation fixed the
   * language (`uiLanguage`): a page cannot read extension files itself, and bundling both
   * catalogues into the content script would cost ~7 KB gzip on every page.
   */
  | { type: 'localeMessages'; lang: 'en' | 'cy' };

export type CheckResponse = { ok: true; result: Result; rulesetId: string; rulesetVersion: number } | { ok: false; error: string };

/**
 * Answer to `{ type: 'getStatus' }` and `{ type: 'checkNow' }`: what the popup and the
 * options page show about the ruleset in force and the organisation's settings.
 * Times are ISO 8601 strings; every `string` meant for people is plain English.
 */
export interface Status {
  /** The ruleset the checker uses now (what every tab has). */
  ruleset: {
    id: string;
    version: number;
    /** Policy title, e.g. "Central London Healthcare Social Media Policy". */
    title: string | null;
    /** 'signed': a verified update from the organisation; 'bundled': shipped with the extension. */
    source: 'signed' | 'bundled';
    /** Fingerprint of the signing key (source 'signed'), else null. */
    signer: string | null;
    /** When this browser fetched and accepted it (source 'signed'), else null. */
    fetchedAt: string | null;
    issued: string | null;
    expires: string | null;
  } | null;
  updates: {
    /** The managed ruleset URL, or null when updates are not configured. */
    url: string | null;
    lastCheckedAt: string | null;
    lastSuccessAt: string | null;
    /** Plain words, e.g. "The last update was refused: the server did not answer within 20 seconds." */
    lastUpdateError: string | null;
    nextCheckAt: string | null;
  };
  /** Settings in force (managed over local over defaults). */
  settings: Settings;
  /** Settings locked by the organisation's managed policy. */
  managedKeys: (keyof Settings)[];
  /** Managed values that were ignored, with the reason, in plain English. */
  problems: string[];
  /** True when any managed policy is present. */
  managed: boolean;
}

/** storage.local key: the active ruleset as plain JSON, written by the background; content scripts follow it. */
export const ACTIVE_RULESET_KEY = 'activeRuleset';
/** storage.local key: the user's own choices (unmanaged installs), a partial `Settings`. */
export const SETTINGS_KEY = 'settings';
/** storage.local key: the resolved `Settings` in force, written by the background for content scripts. */
export const EFFECTIVE_SETTINGS_KEY = 'effectiveSettings';

export interface ActiveRuleset {
  id: string;
  version: number;
  input: RulesetInput;
}

export function isActiveRuleset(v: unknown): v is ActiveRuleset {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<ActiveRuleset>;
  return typeof r.id === 'string' && typeof r.input === 'object' && r.input !== null;
}
