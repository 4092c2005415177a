/**
 * Settings an organisation sets through managed browser policy
 * (storage.managed, schema in managed_schema.json). Chrome ignores schema
 * defaults, so the defaults live here; every value is checked, and a bad one is
 * dropped with a plain reason instead of breaking the extension.
 */
import { BUNDLED_RULESETS, type BundledRulesetId } from './rulesets.js';

export const MANAGEABLE_SITES = ['facebook', 'twitter', 'linkedin', 'whatsapp'] as const;
export type ManageableSite = (typeof MANAGEABLE_SITES)[number];

export interface Settings {
  organisationName: string;
  rulesetId: BundledRulesetId;
  rulesetUrl: string | null;
  rulesetPublicKeys: string[];
  minimumRulesetVersion: number;
  refreshIntervalMinutes: number;
  warnBehaviour: 'warn' | 'block';
  adviceBehaviour: 'show' | 'hide';
  sitesEnabled: ManageableSite[];
  allowPostAnyway: boolean;
  postAnywayRequiresReason: boolean;
  supportContact: string | null;
  freedomToSpeakUpContact: string | null;
  uiLanguage: 'auto' | 'en' | 'cy';
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  organisationName: '',
  rulesetId: 'clh',
  rulesetUrl: null,
  rulesetPublicKeys: [],
  minimumRulesetVersion: 0,
  refreshIntervalMinutes: 360,
  warnBehaviour: 'warn',
  adviceBehaviour: 'show',
  sitesEnabled: [...MANAGEABLE_SITES],
  allowPostAnyway: true,
  postAnywayRequiresReason: false,
  supportContact: null,
  freedomToSpeakUpContact: null,
  uiLanguage: 'auto',
});

export const MIN_REFRESH_MINUTES = 15;

export interface SettingsReport {
  settings: Settings;
  /** Which settings came from managed policy (shown as locked in the options page). */
  managedKeys: (keyof Settings)[];
  /** Plain-English reasons for values that were ignored. */
  problems: string[];
}

const isString = (v: unknown): v is string => typeof v === 'string';
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

function contact(v: unknown): string | null | undefined {
  if (!isString(v)) return undefined;
  const t = v.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) || /^https:\/\/\S+$/.test(t)) return t;
  return undefined;
}

/** Allowed ruleset URLs: HTTPS anywhere; plain HTTP only on this machine (tests, local pilots). */
export function isAllowedRulesetUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]'));
  } catch {
    return false;
  }
}

type Check = (v: unknown) => unknown;

const CHECKS: { [K in keyof Settings]: { check: Check; expected: string } } = {
  organisationName: { check: (v) => (isString(v) && v.trim().length <= 120 ? v.trim() : undefined), expected: 'text of at most 120 characters' },
  rulesetId: { check: (v) => (isString(v) && (BUNDLED_RULESETS as readonly string[]).includes(v) ? v : undefined), expected: `one of ${BUNDLED_RULESETS.join(', ')}` },
  rulesetUrl: { check: (v) => (isString(v) && isAllowedRulesetUrl(v) ? v : undefined), expected: 'an https:// address' },
  rulesetPublicKeys: {
    check: (v) => (Array.isArray(v) && v.every((k) => isString(k) && BASE64_KEY.test(k.trim())) ? v.map((k: string) => k.trim()) : undefined),
    expected: 'a list of base64 Ed25519 public keys (44 characters each)',
  },
  minimumRulesetVersion: { check: (v) => (Number.isInteger(v) && (v as number) >= 0 ? v : undefined), expected: 'a whole number, 0 or more' },
  refreshIntervalMinutes: { check: (v) => (Number.isInteger(v) && (v as number) >= MIN_REFRESH_MINUTES && (v as number) <= 10080 ? v : undefined), expected: `a whole number of minutes from ${MIN_REFRESH_MINUTES} to 10080` },
  warnBehaviour: { check: (v) => (v === 'warn' || v === 'block' ? v : undefined), expected: '"warn" or "block"' },
  adviceBehaviour: { check: (v) => (v === 'show' || v === 'hide' ? v : undefined), expected: '"show" or "hide"' },
  sitesEnabled: {
    check: (v) => (Array.isArray(v) && v.every((s) => (MANAGEABLE_SITES as readonly unknown[]).includes(s)) ? [...new Set(v)] : undefined),
    expected: `a list of ${MANAGEABLE_SITES.join(', ')}`,
  },
  allowPostAnyway: { check: (v) => (typeof v === 'boolean' ? v : undefined), expected: 'true or false' },
  postAnywayRequiresReason: { check: (v) => (typeof v === 'boolean' ? v : undefined), expected: 'true or false' },
  supportContact: { check: contact, expected: 'an e-mail address or an https:// page' },
  freedomToSpeakUpContact: { check: contact, expected: 'an e-mail address or an https:// page' },
  uiLanguage: { check: (v) => (v === 'auto' || v === 'en' || v === 'cy' ? v : undefined), expected: '"auto", "en" or "cy"' },
};

/**
 * Merges managed values over local choices over defaults. A managed value wins
 * and is locked; an invalid one is ignored (the next layer applies) and reported.
 */
export function resolveSettings(managed: unknown, local: Partial<Record<string, unknown>> = {}): SettingsReport {
  const settings: Settings = { ...DEFAULT_SETTINGS, sitesEnabled: [...DEFAULT_SETTINGS.sitesEnabled], rulesetPublicKeys: [] };
  const managedKeys: (keyof Settings)[] = [];
  const problems: string[] = [];
  const m = managed && typeof managed === 'object' && !Array.isArray(managed) ? (managed as Record<string, unknown>) : {};
  if (managed !== undefined && managed !== null && m !== managed) problems.push('The managed policy for Think Twice is not an object and was ignored.');
  for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
    const { check, expected } = CHECKS[key];
    if (key in m) {
      const value = check(m[key]);
      if (value !== undefined) {
        (settings as unknown as Record<string, unknown>)[key] = value;
        managedKeys.push(key);
        continue;
      }
      problems.push(`The managed setting "${key}" was ignored: expected ${expected}.`);
    }
    if (key in local) {
      const value = check(local[key]);
      if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
    }
  }
  for (const key of Object.keys(m)) if (!(key in CHECKS)) problems.push(`The managed setting "${key}" is not one Think Twice knows and was ignored.`);
  if (settings.rulesetUrl && settings.rulesetPublicKeys.length === 0) problems.push('A ruleset URL is set but no trusted signing keys are: updates cannot be verified and will be refused.');
  return { settings, managedKeys, problems };
}
