/**
 * Signed ruleset bundles: what an IG team publishes and every browser verifies.
 * Isomorphic (WebCrypto), so the CLI and the extension share one definition of
 * "valid": signed by a trusted key, untampered, unexpired, the expected ruleset
 * id, and never older than the ruleset already in force (no rollback).
 */
import * as ed from '@noble/ed25519';
import type { RulesetInput } from '../checker/ruleset/schema.js';
import { canonicalJson, fromBase64, toBase64, utf8 } from './canonical.js';

export const BUNDLE_FORMAT = 'think-twice-ruleset/1';

export interface BundlePayload {
  id: string;
  version: number;
  /** ISO 8601 instant the bundle was signed. */
  issued: string;
  /** Optional ISO 8601 instant after which browsers refuse it. */
  expires?: string;
  ruleset: RulesetInput;
}

export interface SignedBundle {
  format: typeof BUNDLE_FORMAT;
  payload: BundlePayload;
  signature: { alg: 'Ed25519'; key: string; value: string };
}

export interface TrustedKey {
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
}

/** Short, human-checkable name of a public key: the first 16 bytes of its SHA-256, hex in groups. */
export async function keyFingerprint(publicKeyBase64: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64(publicKeyBase64) as BufferSource));
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('').replace(/(.{4})(?!$)/g, '$1:');
}

export function payloadBytes(payload: BundlePayload): Uint8Array {
  return utf8(canonicalJson(payload));
}

async function verifyEd25519(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource);
  } catch (e) {
    // Browsers before Chrome 137 / Firefox 129 lack Ed25519 in WebCrypto: verify in pure JS instead.
    if (e instanceof DOMException && (e.name === 'NotSupportedError' || e.name === 'DataError' && publicKey.length === 32)) {
      return ed.verifyAsync(signature, message, publicKey);
    }
    return false;
  }
}

export type BundleCheck = { ok: true; payload: BundlePayload; keyFingerprint: string } | { ok: false; reason: string };

export interface VerifyOptions {
  trustedKeys: readonly TrustedKey[];
  /** The ruleset id this browser expects (a bundle for another trust is refused). */
  expectedId?: string | undefined;
  /** The version in force: an equal or older bundle is refused (no rollback). */
  currentVersion?: number | undefined;
  /** Minimum version required by managed policy. */
  minimumVersion?: number | undefined;
  now: Date;
}

/** Checks a bundle's shape, signature, id, version and dates. Never throws for bad input. */
export async function verifyBundle(input: unknown, options: VerifyOptions): Promise<BundleCheck> {
  const b = input as Partial<SignedBundle> | null;
  if (!b || typeof b !== 'object' || b.format !== BUNDLE_FORMAT) return { ok: false, reason: 'this is not a Think Twice ruleset bundle' };
  const sig = b.signature;
  const p = b.payload;
  if (!sig || sig.alg !== 'Ed25519' || typeof sig.value !== 'string') return { ok: false, reason: 'the bundle is not signed' };
  if (!p || typeof p.id !== 'string' || !Number.isInteger(p.version) || typeof p.issued !== 'string' || typeof p.ruleset !== 'object' || p.ruleset === null) {
    return { ok: false, reason: 'the bundle is incomplete (id, version, issue time or ruleset missing)' };
  }
  if (options.trustedKeys.length === 0) return { ok: false, reason: 'no trusted signing keys are configured' };
  let signature: Uint8Array;
  try {
    signature = fromBase64(sig.value);
  } catch {
    return { ok: false, reason: 'the signature is not valid base64' };
  }
  const message = payloadBytes(p as BundlePayload);
  let signer: string | null = null;
  for (const k of options.trustedKeys) {
    let publicKey: Uint8Array;
    try {
      publicKey = fromBase64(k.publicKey);
    } catch {
      continue;
    }
    if (publicKey.length === 32 && (await verifyEd25519(publicKey, signature, message))) {
      signer = await keyFingerprint(k.publicKey);
      break;
    }
  }
  if (!signer) return { ok: false, reason: 'the signature does not match any trusted key (unknown signer, or the bundle was altered)' };
  if (p.ruleset.id !== p.id || p.ruleset.version !== p.version) return { ok: false, reason: 'the bundle header does not match the ruleset inside it' };
  if (options.expectedId && p.id !== options.expectedId) return { ok: false, reason: `the bundle is for ruleset "${p.id}", not "${options.expectedId}"` };
  if (p.expires && Date.parse(p.expires) <= options.now.getTime()) return { ok: false, reason: `the bundle expired on ${p.expires}` };
  if (options.minimumVersion !== undefined && p.version < options.minimumVersion) return { ok: false, reason: `version ${p.version} is below the minimum version ${options.minimumVersion} set by your organisation` };
  if (options.currentVersion !== undefined && p.version <= options.currentVersion) {
    return { ok: false, reason: p.version === options.currentVersion ? `version ${p.version} is already in force` : `version ${p.version} is older than version ${options.currentVersion} already in force (rollback refused)` };
  }
  return { ok: true, payload: p as BundlePayload, keyFingerprint: signer };
}

/** Wraps a payload and its detached Ed25519 signature (made by the CLI with the IG team's private key). */
export async function assembleBundle(payload: BundlePayload, signature: Uint8Array, publicKeyBase64: string): Promise<SignedBundle> {
  return { format: BUNDLE_FORMAT, payload, signature: { alg: 'Ed25519', key: await keyFingerprint(publicKeyBase64), value: toBase64(signature) } };
}
