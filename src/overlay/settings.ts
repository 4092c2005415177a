/**
 * The settings the overlay and popup need (contacts, "Post anyway" rules, UI language).
 * The background resolves them (managed policy over local choices over defaults) into
 * storage.local `effectiveSettings`; until it has, they are resolved here the same way
 * (src/settings/managed.ts). storage.managed can fail to read (Firefox without a policy).
 */
import type Browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from '../settings/managed.js';
import { EFFECTIVE_SETTINGS_KEY, SETTINGS_KEY } from '../shared/messages.js';
import { setUiLanguage, uiLanguageReady } from './i18n.js';

export type { Settings };

/** Fill gaps in a stored settings object with the defaults. */
export function withDefaults(v: unknown): Settings {
  const s = v && typeof v === 'object' ? (v as Partial<Settings>) : {};
  return { ...DEFAULT_SETTINGS, ...s } as Settings;
}

export async function loadSettings(browser: Pick<typeof Browser, 'storage'>): Promise<Settings> {
  let settings: Settings;
  const stored = await browser.storage.local.get([EFFECTIVE_SETTINGS_KEY, SETTINGS_KEY]).catch(() => ({}) as Record<string, unknown>);
  if (stored[EFFECTIVE_SETTINGS_KEY]) {
    settings = withDefaults(stored[EFFECTIVE_SETTINGS_KEY]);
  } else {
    let managed: unknown;
    try {
      // Never wait long: some browsers leave this unanswered where no policy exists.
      managed = await Promise.race([browser.storage.managed.get(null), new Promise((resolve) => setTimeout(() => resolve(undefined), 300))]);
    } catch {
      managed = undefined;
    }
    const local = stored[SETTINGS_KEY] && typeof stored[SETTINGS_KEY] === 'object' ? (stored[SETTINGS_KEY] as Record<string, unknown>) : {};
    settings = resolveSettings(managed && typeof managed === 'object' && Object.keys(managed).length ? managed : undefined, local).settings;
  }
  setUiLanguage(settings.uiLanguage);
  // A language fixed by policy loads its messages once; render only after they are here.
  await uiLanguageReady();
  return settings;
}
