import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ed from '@noble/ed25519';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle, payloadBytes, type SignedBundle } from '../src/bundle/bundle.js';
import { fromBase64 } from '../src/bundle/canonical.js';
import { keygen, publishBundle, readPublicKey, signRuleset } from '../src/cli/publishing.js';

const dir = mkdtempSync(join(tmpdir(), 'tt-bundle-'));
let bundle: SignedBundle;
let publicKey: string;
const now = new Date('2026-11-24T12:00:00Z');

beforeAll(async () => {
  await keygen(join(dir, 'keys'));
  await keygen(join(dir, 'other'));
  publicKey = readPublicKey(join(dir, 'keys', 'think-twice-signing.pub'));
  bundle = await signRuleset('rulesets/clh', { keyPath: join(dir, 'keys', 'think-twice-signing.key'), expires: '2027-06-01', now });
});

const trusted = () => [{ publicKey }];
const clone = (): SignedBundle => JSON.parse(JSON.stringify(bundle));

describe('signed ruleset bundles', () => {
  it('verifies a freshly signed bundle and names the signer', async () => {
    const r = await verifyBundle(bundle, { trustedKeys: trusted(), expectedId: 'clh', now });
    expect(r).toMatchObject({ ok: true, payload: { id: 'clh', version: bundle.payload.version } });
    expect(r.ok && r.keyFingerprint).toBe(bundle.signature.key);
  });

  it('signs canonical bytes that a pure-JS Ed25519 verifier also accepts (fallback for older browsers)', async () => {
    expect(await ed.verifyAsync(fromBase64(bundle.signature.value), payloadBytes(bundle.payload), fromBase64(publicKey))).toBe(true);
  });

  it.each([
    ['tampered', (b: SignedBundle) => void (b.payload.ruleset.rules![0]!.severity = 'advise'), /altered/],
    ['unsigned', (b: SignedBundle) => void delete (b as Partial<SignedBundle>).signature, /not signed/],
    ['expired', (b: SignedBundle) => void (b.payload.expires = '2026-01-01T00:00:00.000Z'), /altered|expired/],
    ['not a bundle', (b: SignedBundle) => void ((b as { format: string }).format = 'x'), /not a Think Twice/],
  ])('rejects a %s bundle', async (_name, mutate, reason) => {
    const b = clone();
    mutate(b);
    const r = await verifyBundle(b, { trustedKeys: trusted(), now });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it('rejects an unknown signer, another ruleset id, an expired date, and rollback', async () => {
    const other = readPublicKey(join(dir, 'other', 'think-twice-signing.pub'));
    expect((await verifyBundle(bundle, { trustedKeys: [{ publicKey: other }], now })).ok).toBe(false);
    const wrongId = await verifyBundle(bundle, { trustedKeys: trusted(), expectedId: 'las', now });
    expect(!wrongId.ok && wrongId.reason).toMatch(/for ruleset "clh", not "las"/);
    const late = await verifyBundle(bundle, { trustedKeys: trusted(), now: new Date('2027-07-01') });
    expect(!late.ok && late.reason).toMatch(/expired/);
    const same = await verifyBundle(bundle, { trustedKeys: trusted(), currentVersion: bundle.payload.version, now });
    expect(!same.ok && same.reason).toMatch(/already in force/);
    const older = await verifyBundle(bundle, { trustedKeys: trusted(), currentVersion: bundle.payload.version + 1, now });
    expect(!older.ok && older.reason).toMatch(/rollback refused/);
  });

  it('never throws on garbage', async () => {
    for (const junk of [null, 42, 'x', [], { format: 'think-twice-ruleset/1', payload: {}, signature: { alg: 'Ed25519', value: '!!' } }]) {
      expect((await verifyBundle(junk, { trustedKeys: trusted(), now })).ok).toBe(false);
    }
  });

  it('refuses to sign a ruleset whose examples fail', async () => {
    const broken = join(dir, 'broken');
    cpSync('rulesets/clh', broken, { recursive: true });
    cpSync('rulesets/base', join(dir, 'base'), { recursive: true });
    writeFileSync(
      join(broken, 'zz-extra.yaml'),
      `rules:
  - id: clh.test.never
    category: security
    severity: warn
    clause: { section: "4.1", quote: "Staff and contractors are ultimately responsible for their own online behaviour.", why: "w" }
    message: m
    match: { terms: [zebracrossingcode] }
    examples: { flag: ["Nothing risky in this sentence at all"], ok: ["fine"] }
`,
    );
    await expect(signRuleset(broken, { keyPath: join(dir, 'keys', 'think-twice-signing.key') })).rejects.toThrow(/refusing to sign: 1 example/);
  });

  it('publishes a bundle once and refuses to publish the same version again', async () => {
    const file = join(dir, 'b.json');
    writeFileSync(file, JSON.stringify(bundle));
    const pub = join(dir, 'keys', 'think-twice-signing.pub');
    await expect(publishBundle(file, join(dir, 'site'), [pub])).resolves.toContain('latest.json');
    expect(JSON.parse(readFileSync(join(dir, 'site', 'clh', 'latest.json'), 'utf8'))).toEqual(bundle);
    await expect(publishBundle(file, join(dir, 'site'), [pub])).rejects.toThrow(/already published/);
  });
});
