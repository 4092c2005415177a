import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ADAPTERS } from '../../src/content/sites/index.js';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));

describe('manifest.json', () => {
  it('asks for storage, alarms (ruleset refresh) and the four sites only: no host permission for the ruleset host', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'alarms']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    const matches: string[] = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
    // The second entry is the local practice site `npm start` serves (issue 4): loopback, one path.
    expect(matches.sort()).toEqual(['http://127.0.0.1/think-twice-practice/*', 'https://twitter.com/*', 'https://web.whatsapp.com/*', 'https://www.facebook.com/*', 'https://www.linkedin.com/*', 'https://x.com/*']);
  });

  it('runs the intercepting content script at document_start', () => {
    expect(manifest.content_scripts[0].run_at).toBe('document_start');
  });

  it('declares the managed storage schema (copied into both builds)', () => {
    expect(manifest.storage.managed_schema).toBe('managed_schema.json');
  });

  it('has a gecko id for Firefox', () => {
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
  });

  it('every manifest host has an adapter', () => {
    const hosts = manifest.content_scripts[0].matches.map((m: string) => new URL(m.replace('/*', '/')).hostname);
    for (const h of hosts) expect(ADAPTERS.some((a) => a.hosts.includes(h)), h).toBe(true);
  });

  it('every adapter target names an editor; submit-less targets submit by key', () => {
    for (const a of ADAPTERS) {
      for (const t of a.targets) {
        expect(t.editor.length).toBeGreaterThan(0);
        if (!t.submit) expect(t.enterSubmits || t.ctrlEnterSubmits, `${a.site}/${t.name}`).toBe(true);
      }
    }
  });
});
