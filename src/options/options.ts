/**
 * Options page: the ruleset in force and where it came from (the same `getStatus` the
 * popup uses), the organisation's managed settings shown as locked, and, for unmanaged
 * installs only, the choice of bundled ruleset.
 */
import browser from 'webextension-polyfill';
import bundled from '../generated/rulesets.json';
import { SETTINGS_KEY, type Settings, type Status } from '../shared/messages.js';

const rulesets = bundled as unknown as Record<string, { id: string; version: number; policy?: { title?: string } }>;
const $ = (id: string) => document.getElementById(id)!;
const select = $('ruleset') as HTMLSelectElement;

const LABELS: Partial<Record<keyof Settings, string>> = {
  warnBehaviour: 'Warnings',
  allowPostAnyway: '"Post anyway" for warnings',
  postAnywayRequiresReason: '"Post anyway" needs a reason',
  sitesEnabled: 'Sites checked',
  adviceBehaviour: 'Advice hints',
  minimumRulesetVersion: 'Minimum ruleset version',
  refreshIntervalMinutes: 'Looks for updates every',
  uiLanguage: 'Language',
};

function when(iso: string | null): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function show(s: Settings, key: keyof Settings): string {
  const v = s[key];
  switch (key) {
    case 'warnBehaviour':
      return v === 'block' ? 'treated as blocks' : 'can be confirmed';
    case 'allowPostAnyway':
    case 'postAnywayRequiresReason':
      return v ? 'yes' : 'no';
    case 'refreshIntervalMinutes':
      return `${String(v)} minutes`;
    case 'sitesEnabled':
      return (v as string[]).join(', ') || 'none';
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
    l.textContent = 'Set by your organisation';
    dd.append(l);
  }
  list.append(dt, dd);
}

function render(st: Status): void {
  const locked = new Set(st.managedKeys);
  document.body.dataset.managed = String(st.managed);

  $('org').hidden = !st.settings.organisationName;
  $('org-name').textContent = st.settings.organisationName;

  select.disabled = locked.has('rulesetId');
  if (select.value !== st.settings.rulesetId) select.value = st.settings.rulesetId;
  $('ruleset-locked').hidden = !locked.has('rulesetId');

  const r = st.ruleset;
  $('st-ruleset').textContent = r ? `${r.id}${r.title ? ` — ${r.title}` : ''}` : 'none loaded yet';
  $('st-version').textContent = r ? String(r.version) : '—';
  $('st-signer').textContent = r ? (r.source === 'signed' ? `key ${r.signer}` : 'bundled with the extension (not a signed update)') : '—';
  $('st-fetched').textContent = r?.fetchedAt ? when(r.fetchedAt) : r ? 'not fetched (bundled)' : '—';
  $('st-url').textContent = st.updates.url ?? 'not set up (updates come with new versions of the extension)';
  $('st-checked').textContent = st.updates.url ? `${when(st.updates.lastCheckedAt)}${st.updates.nextCheckAt ? `; next ${when(st.updates.nextCheckAt)}` : ''}` : '—';
  const err = $('st-error');
  err.hidden = !st.updates.lastUpdateError;
  err.textContent = st.updates.lastUpdateError ? `${st.updates.lastUpdateError} ${r ? `Still using ${r.id} version ${r.version}.` : ''}`.trim() : '';
  $('check-now').hidden = !st.updates.url;

  $('problems-box').hidden = st.problems.length === 0;
  $('problems').replaceChildren(
    ...st.problems.map((p) => {
      const li = document.createElement('li');
      li.textContent = p;
      return li;
    }),
  );

  const list = $('settings');
  list.replaceChildren();
  for (const key of Object.keys(LABELS) as (keyof Settings)[]) row(list, LABELS[key]!, show(st.settings, key), locked.has(key), `set-${key}`);

  const contacts = $('contacts');
  contacts.replaceChildren();
  if (st.settings.supportContact) row(contacts, 'Information Governance', st.settings.supportContact, locked.has('supportContact'));
  if (st.settings.freedomToSpeakUpContact) row(contacts, 'Freedom to Speak Up', st.settings.freedomToSpeakUpContact, locked.has('freedomToSpeakUpContact'));
  $('contacts-box').hidden = contacts.childElementCount === 0;
}

async function refresh(): Promise<void> {
  render((await browser.runtime.sendMessage({ type: 'getStatus' })) as Status);
}

async function init(): Promise<void> {
  for (const [id, r] of Object.entries(rulesets)) select.append(new Option(r.policy?.title ?? id, id));
  select.addEventListener('change', async () => {
    if (select.disabled) return;
    const stored = ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {}) as Partial<Settings>;
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...stored, rulesetId: select.value } });
    $('saved').textContent = 'Saved';
  });
  $('check-now').addEventListener('click', async () => {
    const button = $('check-now') as HTMLButtonElement;
    button.disabled = true;
    try {
      render((await browser.runtime.sendMessage({ type: 'checkNow' })) as Status);
    } finally {
      button.disabled = false;
    }
  });
  // Another tab, an alarm or a policy change updated something: show it.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local' || area === 'managed') void refresh();
  });
  await refresh();
}
void init();
