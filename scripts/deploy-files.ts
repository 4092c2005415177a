/**
 * Generates the managed-policy files for every browser and platform from one
 * example configuration (docs/deploy/example-config.json), so they cannot
 * drift apart. `npm run deploy-files` writes them; the unit test checks the
 * committed files are what this produces.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolveSettings, type Settings } from '../src/settings/managed.js';

export interface DeployConfig {
  chromeExtensionId: string;
  chromeUpdateUrl: string;
  edgeUpdateUrl: string;
  firefoxExtensionId: string;
  firefoxInstallUrl: string;
  settings: Partial<Settings>;
}

const regString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Windows registry: strings REG_SZ, numbers/booleans REG_DWORD, lists as numbered values in a subkey. */
function registry(root: string, c: DeployConfig, updateUrl: string): string[] {
  const lines = [`[${root}\\ExtensionInstallForcelist]`, `"1"=${regString(`${c.chromeExtensionId};${updateUrl}`)}`, ''];
  const policy = `${root}\\3rdparty\\extensions\\${c.chromeExtensionId}\\policy`;
  lines.push(`[${policy}]`);
  const lists: [string, unknown[]][] = [];
  for (const [k, v] of Object.entries(c.settings)) {
    if (Array.isArray(v)) lists.push([k, v]);
    else if (typeof v === 'boolean') lines.push(`"${k}"=dword:${v ? '00000001' : '00000000'}`);
    else if (typeof v === 'number') lines.push(`"${k}"=dword:${v.toString(16).padStart(8, '0')}`);
    else lines.push(`"${k}"=${regString(String(v))}`);
  }
  for (const [k, list] of lists) {
    lines.push('', `[${policy}\\${k}]`);
    list.forEach((item, i) => lines.push(`"${i + 1}"=${regString(String(item))}`));
  }
  return [...lines, ''];
}

function windowsReg(c: DeployConfig): string {
  return [
    'Windows Registry Editor Version 5.00',
    '',
    '; Think Twice for Google Chrome and Microsoft Edge on Windows (generated from example-config.json).',
    '; In production, deploy the same values through Group Policy (ADMX: "Configure the list of force-installed apps and extensions")',
    '; and "3rdparty" extension policy; this .reg file is the exact equivalent for a pilot machine.',
    '',
    ...registry('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome', c, c.chromeUpdateUrl),
    ...registry('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge', c, c.edgeUpdateUrl),
  ].join('\r\n');
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function plistValue(v: unknown, indent: string): string {
  if (Array.isArray(v)) return `${indent}<array>\n${v.map((x) => plistValue(x, `${indent}  `)).join('\n')}\n${indent}</array>`;
  if (typeof v === 'boolean') return `${indent}<${v}/>`;
  if (typeof v === 'number') return `${indent}<integer>${v}</integer>`;
  if (v && typeof v === 'object') return `${indent}<dict>\n${Object.entries(v).map(([k, x]) => `${indent}  <key>${xmlEscape(k)}</key>\n${plistValue(x, `${indent}  `)}`).join('\n')}\n${indent}</dict>`;
  return `${indent}<string>${xmlEscape(String(v))}</string>`;
}

function payload(type: string, uuid: string, content: Record<string, unknown>): Record<string, unknown> {
  return { PayloadType: type, PayloadIdentifier: `uk.nhs.think-twice.${type}`, PayloadUUID: uuid, PayloadVersion: 1, PayloadDisplayName: `Think Twice (${type})`, ...content };
}

function macProfile(c: DeployConfig): string {
  const profile = {
    PayloadType: 'Configuration',
    PayloadIdentifier: 'uk.nhs.think-twice',
    PayloadUUID: '6E0F3A8C-8F1B-4C61-9E63-2B1A7B0C5D11',
    PayloadVersion: 1,
    PayloadDisplayName: 'Think Twice',
    PayloadDescription: 'Installs Think Twice in Google Chrome and Microsoft Edge and sets its organisation settings.',
    PayloadScope: 'System',
    PayloadContent: [
      payload('com.google.Chrome', '1F8C3B0E-2A4D-4B7E-8C19-5D6E7F8A9B01', { ExtensionInstallForcelist: [`${c.chromeExtensionId};${c.chromeUpdateUrl}`] }),
      payload(`com.google.Chrome.extensions.${c.chromeExtensionId}`, '2A9D4C1F-3B5E-4C8F-9D2A-6E7F8A9B0C12', c.settings),
      payload('com.microsoft.Edge', '3BAE5D2A-4C6F-4D9A-AE3B-7F8A9B0C1D23', { ExtensionInstallForcelist: [`${c.chromeExtensionId};${c.edgeUpdateUrl}`] }),
      payload(`com.microsoft.Edge.extensions.${c.chromeExtensionId}`, '4CBF6E3B-5D7A-4EAB-BF4C-8A9B0C1D2E34', c.settings),
    ],
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- Think Twice for Chrome and Edge on macOS (generated from example-config.json). -->
<plist version="1.0">
${plistValue(profile, '')}
</plist>
`;
}

function linuxJson(c: DeployConfig, updateUrl: string): string {
  return `${JSON.stringify({ ExtensionInstallForcelist: [`${c.chromeExtensionId};${updateUrl}`], '3rdparty': { extensions: { [c.chromeExtensionId]: c.settings } } }, null, 2)}\n`;
}

function firefoxPolicies(c: DeployConfig): string {
  return `${JSON.stringify(
    {
      policies: {
        ExtensionSettings: { [c.firefoxExtensionId]: { installation_mode: 'force_installed', install_url: c.firefoxInstallUrl } },
        '3rdparty': { Extensions: { [c.firefoxExtensionId]: c.settings } },
      },
    },
    null,
    2,
  )}\n`;
}

/** Every generated file, by name under docs/deploy/. */
export function deployFiles(config: DeployConfig): Record<string, string> {
  const { problems } = resolveSettings(config.settings);
  if (problems.length > 0) throw new Error(`example-config.json settings are invalid:\n${problems.join('\n')}`);
  return {
    'windows-chrome-edge.reg': windowsReg(config),
    'macos-chrome-edge.mobileconfig': macProfile(config),
    'linux-chrome.json': linuxJson(config, config.chromeUpdateUrl),
    'linux-chromium.json': linuxJson(config, config.chromeUpdateUrl),
    'linux-edge.json': linuxJson(config, config.edgeUpdateUrl),
    'firefox-policies.json': firefoxPolicies(config),
  };
}

export function readExampleConfig(): DeployConfig {
  return JSON.parse(readFileSync(new URL('../docs/deploy/example-config.json', import.meta.url), 'utf8')) as DeployConfig;
}

if (process.argv[1]?.endsWith('deploy-files.ts')) {
  for (const [name, text] of Object.entries(deployFiles(readExampleConfig()))) {
    writeFileSync(new URL(`../docs/deploy/${name}`, import.meta.url), text);
    console.log(`wrote docs/deploy/${name}`);
  }
}
