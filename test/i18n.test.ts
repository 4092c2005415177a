// Every UI string goes through browser.i18n (or the same messages.json when the language is
// fixed by policy): both locales must define the same keys, and every key the code uses must exist.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuleset } from '../src/checker/ruleset/compile.js';
import { runCheck } from '../src/checker/engine.js';
import type { RulesetInput } from '../src/checker/ruleset/schema.js';
import { formatEntry, provideCatalog, setUiLanguage, t } from '../src/overlay/i18n.js';
import { reportHref } from '../src/overlay/report.js';
import { RecentlyAccepted, addCounts } from '../src/overlay/counts.js';
import { findingMessage, findingWhy } from '../src/overlay/Overlay.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES = ['en_GB', 'cy'] as const;
const catalogs = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(path.join(root, '_locales', l, 'messages.json'), 'utf8')) as Catalog])) as Record<(typeof LOCALES)[number], Catalog>;
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'generated' ? [] : files(p);
    return /\.(ts|tsx|html|mjs)$/.test(name) ? [p] : [];
  });
}
const sources = files(path.join(root, 'src')).map((p) => ({ file: path.relative(root, p), text: readFileSync(p, 'utf8') }));

/** Keys the code asks for: t('key'), getMessage('key'), __MSG_key__, data-i18n="key". */
function usedKeys(): { key: string; file: string }[] {
  const out: { key: string; file: string }[] = [];
  const patterns = [/\bt\(\s*['"]([A-Za-z0-9_]+)['"]/g, /getMessage\(\s*['"]([A-Za-z0-9_]+)['"]/g, /__MSG_([A-Za-z0-9_]+)__/g, /data-i18n(?:-[a-z-]+)?=["']([A-Za-z0-9_]+)["']/g];
  for (const { file, text } of [...sources, { file: 'manifest.json', text: JSON.stringify(manifest) }]) {
    for (const re of patterns) for (const m of text.matchAll(re)) out.push({ key: m[1]!, file });
  }
  return out;
}

function placeholderNames(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
}

describe('locales', () => {
  it('the manifest names en_GB as the default locale, and both locales exist', () => {
    expect(manifest.default_locale).toBe('en_GB');
    for (const l of LOCALES) expect(Object.keys(catalogs[l]).length).toBeGreaterThan(0);
  });

  for (const [a, b] of [['en_GB', 'cy'], ['cy', 'en_GB']] as const) {
    it(`every ${a} key is in ${b}`, () => {
      const missing = Object.keys(catalogs[a]).filter((k) => !(k in catalogs[b]));
      expect(missing, `missing in _locales/${b}/messages.json`).toEqual([]);
    });
  }

  it('keys are valid for browsers, messages are non-empty, placeholders are defined and match across locales', () => {
    for (const l of LOCALES) {
      for (const [key, entry] of Object.entries(catalogs[l])) {
        expect(key, `${l}: ${key}`).toMatch(/^[A-Za-z0-9_]+$/);
        expect(entry.message.trim(), `${l}: ${key} is empty`).not.toBe('');
        for (const name of placeholderNames(entry.message)) expect(entry.placeholders?.[name], `${l}: ${key} uses $${name}$ without defining it`).toBeDefined();
        expect(placeholderNames(entry.message), `${l}: ${key} placeholders differ from en_GB`).toEqual(placeholderNames(catalogs.en_GB[key]?.message ?? ''));
      }
    }
  });

  it('every key used in src/ and the manifest is defined', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(50);
    const undefinedKeys = used.filter(({ key }) => !(key in catalogs.en_GB)).map(({ key, file }) => `${file}: ${key}`);
    expect(undefinedKeys).toEqual([]);
  });

  it('every defined key is used somewhere (no dead strings to translate)', () => {
    const all = sources.map((s) => s.text).join('\n') + JSON.stringify(manifest);
    const unused = Object.keys(catalogs.en_GB).filter((k) => !all.includes(`'${k}'`) && !all.includes(`"${k}"`) && !all.includes(`__MSG_${k}__`));
    expect(unused).toEqual([]);
  });

  it('the Welsh catalogue is really Welsh, not copied English', () => {
    const same = Object.keys(catalogs.en_GB).filter((k) => catalogs.en_GB[k]!.message === catalogs.cy[k]!.message && !/^(action_title|popup_heading|popup_help_heading)$/.test(k));
    expect(same).toEqual([]);
  });
});

describe('t() with the language fixed by policy', () => {
  it("reads the locale's messages.json with Chrome's placeholder rules", () => {
    // In the extension the catalogue is fetched (pages) or asked of the background (content scripts).
    provideCatalog('cy', catalogs.cy as never);
    provideCatalog('en', catalogs.en_GB as never);
    setUiLanguage('cy');
    expect(t('btn_post_anyway')).toBe('Postio beth bynnag');
    expect(t('sub_held_many', 3)).toContain('Mae 3 peth');
    setUiLanguage('en');
    expect(t('clause_ref', 'Policy X', '4.1')).toBe('Policy X, section 4.1:');
    setUiLanguage('auto');
  });

  it('formatEntry leaves unknown placeholders alone and substitutes $1..$9', () => {
    expect(formatEntry({ message: 'A $X$ $Y$', placeholders: { x: { content: '$1' } } }, ['one'])).toBe('A one $Y$');
  });
});

describe('respectful reporting and counting', () => {
  it('a "wrong" report names rule, ruleset version and site, and the post text only when asked', () => {
    setUiLanguage('en');
    const base = { rule: 'clh.patients.nhs-number', rulesetId: 'clh', rulesetVersion: 7, site: 'facebook' };
    const without = decodeURIComponent(reportHref('ig@example.nhs.uk', base)!);
    expect(without).toContain('mailto:ig@example.nhs.uk?');
    expect(without).toContain('Rule: clh.patients.nhs-number');
    expect(without).toContain('Ruleset: clh version 7');
    expect(without).toContain('Site: facebook');
    expect(without).not.toContain('Post text');
    const withText = decodeURIComponent(reportHref('ig@example.nhs.uk', { ...base, text: 'Bed 4 is Mrs K' })!);
    expect(withText).toContain('Post text:\nBed 4 is Mrs K');
    expect(reportHref('https://intranet.example.nhs.uk/ig', { ...base, text: 'secret' })).toBe('https://intranet.example.nhs.uk/ig');
    expect(reportHref(null, base)).toBeNull();
    setUiLanguage('auto');
  });

  it('counts are per rule and kind only', () => {
    const c = addCounts(addCounts({}, ['a', 'a', 'b'], 'warned'), ['a'], 'postedAnyway');
    expect(c).toEqual({ a: { warned: 1, postedAnyway: 1 }, b: { warned: 1 } });
  });

  it('"Post anyway" is remembered for a minute only', () => {
    const r = new RecentlyAccepted(60_000);
    const key = RecentlyAccepted.key([{ rule: 'x', match: 'on behalf of the trust' }]);
    r.remember(key, 1_000);
    expect(r.has(key, 30_000)).toBe(true);
    expect(r.has(RecentlyAccepted.key([{ rule: 'x', match: 'other words' }]), 30_000)).toBe(false);
    expect(r.has(key, 62_000)).toBe(false);
  });
});

describe('Welsh ruleset texts reach the overlay', () => {
  it('findings carry message_cy / why_cy when a rule has them, and the overlay prefers them in Welsh', () => {
    const bundled = JSON.parse(readFileSync(path.join(root, 'src/generated/rulesets.json'), 'utf8')) as Record<string, RulesetInput>;
    const input = structuredClone(bundled['nhs-wales']!) as unknown as { rules: Record<string, unknown>[] };
    const rule = input.rules.find((r) => (r.examples as { flag?: string[] } | undefined)?.flag?.length && (r.severity === 'block' || r.severity === 'warn'))!;
    rule.message_cy = 'Neges yn Gymraeg.';
    (rule.clause as Record<string, unknown>).why_cy = 'Pam yn Gymraeg.';
    const { ruleset } = compileRuleset(input as unknown as RulesetInput);
    const flag = (rule.examples as { flag: string[] }).flag[0]!;
    const finding = runCheck(ruleset!, flag, {}).findings.find((f) => f.rule === rule.id)!;
    expect(finding.messageCy).toBe('Neges yn Gymraeg.');
    expect(findingMessage(finding, 'cy')).toEqual({ text: 'Neges yn Gymraeg.' });
    expect(findingWhy(finding, 'cy')).toEqual({ text: 'Pam yn Gymraeg.' });
    expect(findingMessage(finding, 'en').text).toBe(finding.message);
    // No Welsh text: English, marked as English for screen readers.
    const plain = { ...finding, messageCy: undefined };
    expect(findingMessage(plain, 'cy')).toEqual({ text: finding.message, lang: 'en-GB' });
  });
});
