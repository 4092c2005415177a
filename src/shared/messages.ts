/**
 * Messages between the content script and the background worker, and the
 * storage keys both read. Everything stays inside the browser: no message ever
 * goes to a server.
 */
import type { CheckContext, Result } from '../checker/types.js';
import type { RulesetInput } from '../checker/ruleset/schema.js';

export type BackgroundRequest =
  | { type: 'check'; text: string; ctx: CheckContext }
  | { type: 'ensureRuleset' }
  | { type: 'openPolicy'; file: string };

export type CheckResponse = { ok: true; result: Result; rulesetId: string; rulesetVersion: number } | { ok: false; error: string };

/** storage.local key: the active ruleset as plain JSON, written by the background at install/start. */
export const ACTIVE_RULESET_KEY = 'activeRuleset';
/** storage.local key: the user's settings. */
export const SETTINGS_KEY = 'settings';

export interface ActiveRuleset {
  id: string;
  version: number;
  input: RulesetInput;
}

export interface Settings {
  /** Which bundled ruleset (the user's NHS organisation) is in force. */
  rulesetId: string;
}

export const DEFAULT_SETTINGS: Settings = { rulesetId: 'clh' };

export function isActiveRuleset(v: unknown): v is ActiveRuleset {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<ActiveRuleset>;
  return typeof r.id === 'string' && typeof r.input === 'object' && r.input !== null;
}
