/**
 * `think-twice ruleset keygen|sign|verify|publish`: how an IG team gets a
 * ruleset change to every browser without an extension release.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, loadRuleset, RulesetError, runRulesetExamples } from '../checker/index.js';
import { assembleBundle, keyFingerprint, payloadBytes, verifyBundle, type BundlePayload, type SignedBundle } from '../bundle/bundle.js';
import { flattenRulesetFrom, loadRulesetFrom } from '../node/ruleset-files.js';

export class CommandError extends Error {}

function rawPublicKeyBase64(pem: string): string {
  const jwk = createPublicKey(pem).export({ format: 'jwk' }) as { x?: string };
  if (!jwk.x) throw new CommandError('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** A public key file holds the raw key in base64 (first non-comment line), or a PEM. */
export function readPublicKey(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (text.includes('BEGIN')) return rawPublicKeyBase64(text);
  const line = text.split('\n').find((l) => l.trim() && !l.trim().startsWith('#'));
  if (!line) throw new CommandError(`${path} holds no public key`);
  return line.trim();
}

export async function keygen(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const privatePath = join(outDir, 'think-twice-signing.key');
  const publicPath = join(outDir, 'think-twice-signing.pub');
  if (existsSync(privatePath)) throw new CommandError(`${privatePath} already exists: refusing to overwrite a signing key`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(privatePath, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  chmodSync(privatePath, 0o600);
  const raw = rawPublicKeyBase64(publicKey.export({ format: 'pem', type: 'spki' }) as string);
  const fingerprint = await keyFingerprint(raw);
  writeFileSync(publicPath, `# Think Twice ruleset signing key, fingerprint ${fingerprint}\n${raw}\n`);
  return [
    `private key: ${privatePath} (keep it secret and offline; anyone holding it can change what every browser checks)`,
    `public key:  ${publicPath}`,
    `fingerprint: ${fingerprint}`,
    `Put this public key in the managed policy's rulesetPublicKeys: ${raw}`,
  ].join('\n');
}

export interface SignOptions {
  keyPath: string;
  expires?: string | undefined;
  now?: Date;
}

/** Validates, tests, then signs a ruleset. Refuses a ruleset that fails either. */
export async function signRuleset(path: string, options: SignOptions): Promise<SignedBundle> {
  let failures: string[] = [];
  try {
    const compiled = loadRulesetFrom(path, { vet: true });
    failures = runRulesetExamples(compiled).failures.map((f) => `${f.rule} [${f.kind}] ${f.problem}: ${JSON.stringify(f.text)}`);
  } catch (e) {
    if (e instanceof RulesetError) throw new CommandError(`refusing to sign: the ruleset does not validate\n${e.issues.map(formatIssue).join('\n')}`);
    throw e;
  }
  if (failures.length > 0) throw new CommandError(`refusing to sign: ${failures.length} example(s) fail\n${failures.join('\n')}`);
  const ruleset = flattenRulesetFrom(path);
  const now = options.now ?? new Date();
  let expires: string | undefined;
  if (options.expires) {
    const t = Date.parse(options.expires);
    if (Number.isNaN(t)) throw new CommandError(`--expires: not a date: ${options.expires}`);
    if (t <= now.getTime()) throw new CommandError('--expires is in the past');
    expires = new Date(t).toISOString();
  }
  const payload: BundlePayload = { id: ruleset.id, version: ruleset.version, issued: now.toISOString(), ...(expires ? { expires } : {}), ruleset };
  const pem = readFileSync(options.keyPath, 'utf8');
  const privateKey = createPrivateKey(pem);
  const signature = sign(null, payloadBytes(payload), privateKey);
  const publicRaw = rawPublicKeyBase64(createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }) as string);
  return assembleBundle(payload, new Uint8Array(signature), publicRaw);
}

export async function verifyBundleFile(path: string, keyPaths: string[], now = new Date()): Promise<{ ok: boolean; text: string }> {
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { ok: false, text: `${path}: not JSON (${(e as Error).message})` };
  }
  const check = await verifyBundle(bundle, { trustedKeys: keyPaths.map((k) => ({ publicKey: readPublicKey(k) })), now });
  if (!check.ok) return { ok: false, text: `${path}: REJECTED — ${check.reason}` };
  try {
    loadRuleset(check.payload.ruleset, { file: path });
  } catch (e) {
    if (e instanceof RulesetError) return { ok: false, text: `${path}: signed, but the ruleset inside does not validate\n${e.issues.map(formatIssue).join('\n')}` };
    throw e;
  }
  const p = check.payload;
  return { ok: true, text: `${path}: valid — ruleset ${p.id} v${p.version}, issued ${p.issued}${p.expires ? `, expires ${p.expires}` : ''}, signed by ${check.keyFingerprint}` };
}

/**
 * Writes a verified bundle where a static HTTPS host can serve it:
 *   DIR/<id>/latest.json       the bundle browsers fetch (signature inside)
 *   DIR/<id>/latest.json.sig   the detached signature, base64
 *   DIR/<id>/v<version>.json   an archive copy, for audit and deliberate roll-forward
 * Refuses to publish a version that is not newer than the one already there.
 */
export async function publishBundle(bundlePath: string, outDir: string, keyPaths: string[]): Promise<string> {
  const verdict = await verifyBundleFile(bundlePath, keyPaths);
  if (!verdict.ok) throw new CommandError(`refusing to publish: ${verdict.text}`);
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as SignedBundle;
  const dir = join(outDir, bundle.payload.id);
  const latest = join(dir, 'latest.json');
  if (existsSync(latest)) {
    const current = JSON.parse(readFileSync(latest, 'utf8')) as SignedBundle;
    if (current.payload.version >= bundle.payload.version) {
      throw new CommandError(`refusing to publish v${bundle.payload.version}: v${current.payload.version} is already published there. Increase \`version\` in the ruleset and sign again (browsers refuse older versions).`);
    }
  }
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(bundle)}\n`;
  writeFileSync(join(dir, `v${bundle.payload.version}.json`), json);
  writeFileSync(latest, json);
  writeFileSync(`${latest}.sig`, `${bundle.signature.value}\n`);
  return `published ${bundle.payload.id} v${bundle.payload.version} to ${latest}\nSet the managed policy's rulesetUrl to https://YOUR-HOST/${bundle.payload.id}/latest.json`;
}
