/**
 * Every string staff see goes through `t()`. By default it is `browser.i18n.getMessage`,
 * which follows the browser's language (_locales/en_GB, _locales/cy). An organisation can
 * fix the language with the managed `uiLanguage` setting; browser.i18n cannot be told to
 * use another locale, so then that locale's messages.json is loaded once (extension pages
 * read it directly; a content script asks the background, as pages cannot read extension
 * files) and applied with Chrome's own placeholder rules. Not bundled: both catalogues would
 * add ~7 KB gzip to the content script on every page.
 */
export type MessageKey = keyof typeof import('../../_locales/en_GB/messages.json');
export type UiLanguage = 'en' | 'cy';
export type UiLanguageSetting = 'auto' | UiLanguage;

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, Entry>;

const catalogs: Partial<Record<UiLanguage, Catalog>> = {};
const loading: Partial<Record<UiLanguage, Promise<void>>> = {};

interface RuntimeApi {
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown> | void;
}

function runtime(): RuntimeApi | null {
  const g = globalThis as unknown as { browser?: { runtime?: RuntimeApi }; chrome?: { runtime?: RuntimeApi } };
  return g.browser?.runtime ?? g.chrome?.runtime ?? null;
}

/** Loads a forced language's catalogue: directly in extension pages, through the background in a content script. */
function loadCatalog(lang: UiLanguage): Promise<void> {
  if (catalogs[lang]) return Promise.resolve();
  loading[lang] ??= (async () => {
    const api = runtime();
    if (!api) return;
    const dir = lang === 'cy' ? 'cy' : 'en_GB';
    let catalog: unknown = null;
    if (location.protocol.endsWith('-extension:')) {
      const res = await fetch(api.getURL(`_locales/${dir}/messages.json`)).catch(() => null);
      catalog = res?.ok ? await res.json() : null;
    } else {
      catalog = await Promise.resolve(api.sendMessage({ type: 'localeMessages', lang })).catch(() => null);
    }
    if (catalog && typeof catalog === 'object') catalogs[lang] = catalog as Catalog;
  })().finally(() => {
    delete loading[lang];
  });
  return loading[lang]!;
}

/** Supplies a catalogue directly (tests; a page that already holds it). */
export function provideCatalog(lang: UiLanguage, catalog: Record<string, Entry>): void {
  catalogs[lang] = catalog;
}

/** Resolves once the forced language's messages are available (tests and first paint can wait on it). */
export function uiLanguageReady(): Promise<void> {
  return forced ? loadCatalog(forced) : Promise.resolve();
}

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
  if (forced) void loadCatalog(forced);
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
  const catalog = forced ? catalogs[forced] : undefined;
  if (catalog) return formatEntry(catalog[key], args);
  // The browser's own language until a forced language's messages have arrived.
  return browserI18n()?.getMessage(key, args) || key;
}

/** `lang` attribute value for the UI language. */
export function langTag(lang: UiLanguage = uiLanguage()): string {
  return lang === 'cy' ? 'cy' : 'en-GB';
}
