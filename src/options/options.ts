import browser from 'webextension-polyfill';
import bundled from '../generated/rulesets.json';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../shared/messages.js';

const rulesets = bundled as unknown as Record<string, { id: string; policy?: { title?: string } }>;
const select = document.getElementById('ruleset') as HTMLSelectElement;
const saved = document.getElementById('saved')!;

async function init(): Promise<void> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Partial<Settings> | undefined;
  const current = stored?.rulesetId ?? DEFAULT_SETTINGS.rulesetId;
  for (const [id, r] of Object.entries(rulesets)) {
    const opt = new Option(r.policy?.title ?? id, id, false, id === current);
    select.append(opt);
  }
  select.addEventListener('change', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, ...stored, rulesetId: select.value } });
    saved.textContent = 'Saved';
  });
}
void init();
