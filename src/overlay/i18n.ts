/**
 * Every string staff see goes through `t()`. By default it is `browser.i18n.getMessage`,
 * which follows the browser's language (_locales/en_GB, _locales/cy). An organisation can
 * fix the language with the managed `uiLanguage` setting; browser.i18n cannot be told to
 * use another locale, so then the same messages.json files (bundled here) are read directly,
 * with Chrome's own placeholder rules.
 */
import en from '../../_locales/en_GB/messages.json';
import cy from '../../_locales/cy/messages.json';

export type MessageKey = keyof typeof en;
export type UiLanguage = 'en' | 'cy';
export type UiLanguageSetting = 'auto' | UiLanguage;

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, Entry>;

const CATALOGS: Record<UiLanguage, Catalog> = { en: en as Catalog, cy: cy as Catalog };

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

function browserI18n(): I18nApi | null {
  const g = globalThis as unknown as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n ?? null;
}

let forced: UiLanguage | null = null;

/** `auto` follows the browser (browser.i18n); `en`/`cy` read that locale's messages directly. */
export function setUiLanguage(setting: UiLanguageSetting): void {
  forced = setting === 'auto' ? null : setting;
}

/** The language the UI is in now: the forced one, else the browser's. */
export function uiLanguage(): UiLanguage {
  if (forced) return forced;
  const api = browserI18n();
  // The browser picked _locales/cy when its own message says so (covers cy, cy-GB...).
  const picked = api?.getMessage('@@ui_locale') ?? '';
  const lang = picked || api?.getUILanguage() || 'en';
  return /^cy\b/i.test(lang.replace('_', '-')) ? 'cy' : 'en';
}

/** A message with Chrome's rules: named $PLACEHOLDER$s whose content is $1..$9. */
export function formatEntry(entry: Entry | undefined, subs: readonly string[]): string {
  if (!entry) return '';
  const sub = (s: string) => s.replace(/\$(\d)/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
    const p = entry.placeholders?.[name.toLowerCase()];
    return p ? sub(p.content) : m;
  });
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const args = subs.map(String);
  if (!forced) {
    const api = browserI18n();
    const fromBrowser = api?.getMessage(key, args);
    if (fromBrowser) return fromBrowser;
  }
  return formatEntry(CATALOGS[forced ?? 'en'][key], args);
}

/** `lang` attribute value for the UI language. */
export function langTag(lang: UiLanguage = uiLanguage()): string {
  return lang === 'cy' ? 'cy' : 'en-GB';
}
