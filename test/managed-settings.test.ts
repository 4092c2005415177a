import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings } from '../src/settings/managed.js';

const schema = JSON.parse(readFileSync(new URL('../managed_schema.json', import.meta.url), 'utf8')) as {
  type: string;
  properties: Record<string, Record<string, unknown>>;
};

/** What Chrome's policy schema parser accepts (components/policy/core/common/schema.cc). */
const CHROME_ATTRIBUTES = new Set(['type', 'title', 'description', 'properties', 'items', 'enum', 'additionalProperties', 'patternProperties', 'id', '$ref', 'minimum', 'maximum', 'pattern', 'required', 'sensitiveValue']);
const CHROME_TYPES = new Set(['boolean', 'integer', 'number', 'string', 'array', 'object']);

function chromeSchemaErrors(node: Record<string, unknown>, path: string): string[] {
  const errors: string[] = [];
  for (const k of Object.keys(node)) if (!CHROME_ATTRIBUTES.has(k)) errors.push(`${path}: "${k}" is not allowed (Chrome refuses the whole schema; defaults belong in code)`);
  if (!CHROME_TYPES.has(node.type as string)) errors.push(`${path}: type "${String(node.type)}" is not a Chrome policy type`);
  if (node.enum && node.type !== 'string' && node.type !== 'integer') errors.push(`${path}: enum only works on string or integer`);
  if (node.type === 'array') {
    if (!node.items) errors.push(`${path}: arrays need "items"`);
    else errors.push(...chromeSchemaErrors(node.items as Record<string, unknown>, `${path}.items`));
  }
  for (const [k, v] of Object.entries((node.properties as Record<string, Record<string, unknown>>) ?? {})) errors.push(...chromeSchemaErrors(v, `${path}.${k}`));
  return errors;
}

describe('managed policy settings', () => {
  it('has a schema Chrome accepts', () => {
    expect(schema.type).toBe('object');
    expect(chromeSchemaErrors(schema, 'schema')).toEqual([]);
  });

  it('handles exactly the settings the schema declares', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('uses defaults from code when nothing is managed', () => {
    const r = resolveSettings(undefined);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.managedKeys).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('applies managed values, locks them, and lets them win over local choices', () => {
    const r = resolveSettings(
      { organisationName: 'London Ambulance Service', rulesetId: 'las', allowPostAnyway: false, sitesEnabled: ['whatsapp'] },
      { rulesetId: 'clh', uiLanguage: 'cy' },
    );
    expect(r.settings).toMatchObject({ organisationName: 'London Ambulance Service', rulesetId: 'las', allowPostAnyway: false, sitesEnabled: ['whatsapp'], uiLanguage: 'cy' });
    expect(r.managedKeys.sort()).toEqual(['allowPostAnyway', 'organisationName', 'rulesetId', 'sitesEnabled']);
  });

  it('ignores invalid managed values with a reason, keeping what applied before', () => {
    const r = resolveSettings({ rulesetId: 'elsewhere', refreshIntervalMinutes: 1, rulesetUrl: 'http://example.org/x.json', rulesetPublicKeys: ['short'], surprise: 1 }, { rulesetId: 'cddft' });
    expect(r.settings.rulesetId).toBe('cddft');
    expect(r.settings.refreshIntervalMinutes).toBe(DEFAULT_SETTINGS.refreshIntervalMinutes);
    expect(r.settings.rulesetUrl).toBeNull();
    expect(r.problems).toEqual([
      expect.stringContaining('"rulesetId" was ignored'),
      expect.stringContaining('"rulesetUrl" was ignored: expected an https:// address'),
      expect.stringContaining('"rulesetPublicKeys" was ignored'),
      expect.stringContaining('"refreshIntervalMinutes" was ignored'),
      expect.stringContaining('"surprise" is not one Think Twice knows'),
    ]);
  });

  it('warns when updates are configured without keys to verify them', () => {
    expect(resolveSettings({ rulesetUrl: 'https://ig.example.nhs.uk/clh/latest.json' }).problems).toEqual([expect.stringContaining('no trusted signing keys')]);
  });
});

describe('deployment files', () => {
  it('are exactly what the one example configuration generates (no drift)', async () => {
    const { deployFiles, readExampleConfig } = await import('../scripts/deploy-files.js');
    for (const [name, text] of Object.entries(deployFiles(readExampleConfig()))) {
      expect(readFileSync(new URL(`../docs/deploy/${name}`, import.meta.url), 'utf8'), name).toBe(text);
    }
  });

  it('carry the same settings for Chrome, Edge and Firefox', async () => {
    const { readExampleConfig } = await import('../scripts/deploy-files.js');
    const settings = readExampleConfig().settings;
    const linux = JSON.parse(readFileSync(new URL('../docs/deploy/linux-edge.json', import.meta.url), 'utf8'));
    const firefox = JSON.parse(readFileSync(new URL('../docs/deploy/firefox-policies.json', import.meta.url), 'utf8'));
    expect(Object.values(linux['3rdparty'].extensions)[0]).toEqual(settings);
    expect(Object.values(firefox.policies['3rdparty'].Extensions)[0]).toEqual(settings);
    expect(resolveSettings(settings).problems).toEqual([]);
  });
});
