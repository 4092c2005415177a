/**
 * Options page: the ruleset in force and where it came from (the same `getStatus` the
 * popup uses), the organisation's managed settings shown as locked, for unmanaged
 * installs only the choice of bundled ruleset, and the per-rule counts this computer
 * keeps (src/overlay/counts.ts), which the person can clear.
 *
 * Every text goes through `t()` (src/overlay/i18n.ts), in the language the managed
 * `uiLanguage` setting fixes or else the browser's; the HTML names its keys with data-i18n.
 * Texts the background writes (update errors, ignored settings) are plain English and
 * marked as such when the page is in Welsh.
 */
import browser from 'webextension-polyfill';
import bundled from '../generated/rulesets.json';
import { SETTINGS_KEY, type Settings, type Status } from '../shared/messages.js';
import { langTag, setUiLanguage, t, uiLanguage, uiLanguageReady, type MessageKey } from '../overlay/i18n.js';
import { loadSettings } from '../overlay/settings.js';
import { COUNTS_KEY, COUNT_KINDS, COUNT_LABELS, clearCounts, readCounts, type RuleCounts } from '../overlay/counts.js';

const rulesets = bundled as unknown as Record<string, { id: string; version: number; policy?: { title?: string } }>;
const $ = (id: string) => document.getElementById(id)!;
const select = $('ruleset') as HTMLSelectElement;

const LABELS: Partial<Record<keyof Settings, MessageKey>> = {
  warnBehaviour: 'options_set_warn_behaviour',
  allowPostAnyway: 'options_set_allow_post_anyway',
  postAnywayRequiresReason: 'options_set_requires_reason',
  sitesEnabled: 'options_set_sites',
  adviceBehaviour: 'options_set_advice',
  minimumRulesetVersion: 'options_set_min_version',
  refreshIntervalMinutes: 'options_set_refresh',
  uiLanguage: 'options_set_language',
};

/** English text from the background (or a policy title): marked so screen readers read it as English. */
function english(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.textContent = text;
  if (uiLanguage() === 'cy') span.lang = 'en-GB';
  return span;
}

/** The static texts (elements with a data-i18n key) and <html lang>, in the language in use now. */
function localise(): void {
  document.documentElement.lang = langTag();
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  // Policy titles are English.
  for (const o of select.options) {
    if (uiLanguage() === 'cy') o.lang = 'en-GB';
    else o.removeAttribute('lang');
  }
}

function when(iso: string | null): string {
  if (!iso) return t('options_never');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(uiLanguage() === 'cy' ? 'cy' : undefined);
}

function show(s: Settings, key: keyof Settings): string {
  const v = s[key];
  switch (key) {
    case 'warnBehaviour':
      return v === 'block' ? t('options_warn_block') : t('options_warn_warn');
    case 'allowPostAnyway':
    case 'postAnywayRequiresReason':
      return v ? t('options_yes') : t('options_no');
    case 'refreshIntervalMinutes':
      return t('options_minutes', String(v));
    case 'sitesEnabled':
      return (v as string[]).join(', ') || t('options_none');
    case 'adviceBehaviour':
      return v === 'hide' ? t('options_advice_hide') : v === 'show' ? t('options_advice_show') : String(v);
    case 'uiLanguage':
      return v === 'cy' ? t('options_lang_cy') : v === 'en' ? t('options_lang_en') : v === 'auto' ? t('options_lang_auto') : String(v);
    default:
      return String(v);
  }
}

function row(list: HTMLElement, term: string, value: string, locked: boolean, id?: string): void {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (id) dd.id = id;
  if (locked) {
    const l = document.createElement('span');
    l.className = 'locked';
    l.textContent = t('options_locked');
    dd.append(l);
  }
  list.append(dt, dd);
}

/** The status carries the settings in force: a policy may have just fixed the language. */
async function renderStatus(st: Status): Promise<void> {
  setUiLanguage(st.settings.uiLanguage);
  await uiLanguageReady();
  render(st);
}

function render(st: Status): void {
  localise();
  const locked = new Set(st.managedKeys);
  document.body.dataset.managed = String(st.managed);

  const org = $('org');
  const orgName = $('org-name');
  org.hidden = !st.settings.organisationName;
  orgName.textContent = st.settings.organisationName;
  // "Set up for $ORG$ by your organisation.": the name goes in <strong>, where the language puts it.
  const [before = '', after = ''] = t('options_org', '\u0000').split('\u0000');
  org.replaceChildren(before, orgName, after);

  select.disabled = locked.has('rulesetId');
  if (select.value !== st.settings.rulesetId) select.value = st.settings.rulesetId;
  $('ruleset-locked').hidden = !locked.has('rulesetId');

  const r = st.ruleset;
  $('st-ruleset').replaceChildren(r ? r.id : t('options_no_ruleset'), ...(r?.title ? [' — ', english(r.title)] : []));
  $('st-version').textContent = r ? String(r.version) : '—';
  $('st-signer').textContent = r ? (r.source === 'signed' ? t('options_signer_key', r.signer ?? '') : t('options_signer_bundled')) : '—';
  $('st-fetched').textContent = r?.fetchedAt ? when(r.fetchedAt) : r ? t('options_fetched_bundled') : '—';
  $('st-url').textContent = st.updates.url ?? t('options_url_none');
  $('st-checked').textContent = st.updates.url
    ? st.updates.nextCheckAt
      ? t('options_checked_next', when(st.updates.lastCheckedAt), when(st.updates.nextCheckAt))
      : when(st.updates.lastCheckedAt)
    : '—';
  const err = $('st-error');
  err.hidden = !st.updates.lastUpdateError;
  err.replaceChildren(...(st.updates.lastUpdateError ? [english(st.updates.lastUpdateError), ...(r ? [` ${t('options_still_using', r.id, r.version)}`] : [])] : []));
  $('check-now').hidden = !st.updates.url;

  $('problems-box').hidden = st.problems.length === 0;
  $('problems').replaceChildren(
    ...st.problems.map((p) => {
      const li = document.createElement('li');
      li.append(english(p));
      return li;
    }),
  );

  const list = $('settings');
  list.replaceChildren();
  for (const key of Object.keys(LABELS) as (keyof Settings)[]) row(list, t(LABELS[key]!), show(st.settings, key), locked.has(key), `set-${key}`);

  const contacts = $('contacts');
  contacts.replaceChildren();
  if (st.settings.supportContact) row(contacts, t('options_contact_ig'), st.settings.supportContact, locked.has('supportContact'));
  if (st.settings.freedomToSpeakUpContact) row(contacts, t('options_contact_ftsu'), st.settings.freedomToSpeakUpContact, locked.has('freedomToSpeakUpContact'));
  $('contacts-box').hidden = contacts.childElementCount === 0;

  renderCounts();
}

// ---------------------------------------------------------------- counts on this computer

let counts: RuleCounts = {};
let cleared = false;

function renderCounts(): void {
  const rules = Object.keys(counts).sort();
  if (rules.length > 0) cleared = false;
  const wrap = $('counts');
  wrap.hidden = rules.length === 0;
  $('counts-clear').hidden = rules.length === 0;
  $('counts-status').textContent = rules.length ? '' : cleared ? t('counts_cleared') : t('counts_none');
  if (rules.length === 0) {
    wrap.replaceChildren();
    return;
  }
  const cell = (tag: 'th' | 'td', text: string, scope?: string) => {
    const c = document.createElement(tag);
    c.textContent = text;
    if (scope) c.setAttribute('scope', scope);
    return c;
  };
  const head = document.createElement('tr');
  head.append(cell('th', t('counts_rule'), 'col'), ...COUNT_KINDS.map((k) => cell('th', t(COUNT_LABELS[k]), 'col')));
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  for (const rule of rules) {
    const tr = document.createElement('tr');
    tr.append(cell('th', rule, 'row'), ...COUNT_KINDS.map((k) => cell('td', String(counts[rule]?.[k] ?? 0))));
    tbody.append(tr);
  }
  const table = document.createElement('table');
  table.append(thead, tbody);
  wrap.replaceChildren(table);
}

async function refreshCounts(): Promise<void> {
  counts = await readCounts(browser);
  renderCounts();
}

async function refresh(): Promise<void> {
  await renderStatus((await browser.runtime.sendMessage({ type: 'getStatus' })) as Status);
}

async function init(): Promise<void> {
  // Sets the language the organisation fixed (if any) before the first text is shown.
  await loadSettings(browser);
  await uiLanguageReady();
  for (const [id, r] of Object.entries(rulesets)) select.append(new Option(r.policy?.title ?? id, id));
  localise();
  select.addEventListener('change', async () => {
    if (select.disabled) return;
    const stored = ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {}) as Partial<Settings>;
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...stored, rulesetId: select.value } });
    $('saved').textContent = t('options_saved');
  });
  $('check-now').addEventListener('click', async () => {
    const button = $('check-now') as HTMLButtonElement;
    button.disabled = true;
    try {
      await renderStatus((await browser.runtime.sendMessage({ type: 'checkNow' })) as Status);
    } finally {
      button.disabled = false;
    }
  });
  $('counts-clear').addEventListener('click', async () => {
    await clearCounts(browser);
    counts = {};
    cleared = true;
    renderCounts();
    // The button has gone with the table: keep keyboard focus in this section.
    $('counts-h').focus();
  });
  // Another tab, an alarm or a policy change updated something: show it.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && COUNTS_KEY in changes) void refreshCounts();
    if (area === 'local' || area === 'managed') void refresh();
  });
  await refreshCounts();
  await refresh();
}
void init();
