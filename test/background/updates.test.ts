import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assembleBundle, payloadBytes, type BundlePayload, type SignedBundle } from '../../src/bundle/bundle.js';
import {
  INITIAL_STATE,
  REQUEST_INIT,
  applyResult,
  fetchBundleText,
  judgeOutcome,
  lastGoodFor,
  nextCheckDelayMinutes,
  type FetchOutcome,
  type Judge,
  type UpdateState,
} from '../../src/background/updates.js';
import type { RulesetInput } from '../../src/checker/ruleset/schema.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const PUBLIC = Buffer.from((publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url').toString('base64');
const NOW = new Date('2026-11-24T10:00:00Z');

async function bundle(version: number, id = 'clh', extra: Partial<BundlePayload> = {}): Promise<SignedBundle> {
  const ruleset = { id, version, policy: { id, title: 'T', source: 't.txt' }, rules: [] } as unknown as RulesetInput;
  const payload: BundlePayload = { id, version, issued: NOW.toISOString(), ruleset, ...extra };
  return assembleBundle(payload, new Uint8Array(sign(null, payloadBytes(payload), privateKey)), PUBLIC);
}

const judge = (over: Partial<Judge> = {}): Judge => ({
  url: 'https://ig.example.nhs.uk/clh/latest.json',
  now: NOW,
  trustedKeys: [PUBLIC],
  expectedId: 'clh',
  minimumVersion: 0,
  compiles: () => null,
  ...over,
});
const body = (b: unknown): FetchOutcome => ({ kind: 'body', text: typeof b === 'string' ? b : JSON.stringify(b) });

async function stateAt(version: number): Promise<UpdateState> {
  const r = await judgeOutcome(body(await bundle(version)), INITIAL_STATE, judge());
  return applyResult(INITIAL_STATE, r, NOW);
}

describe('update state machine', () => {
  it('accepts a first valid bundle and records signer, version and time', async () => {
    const s = await stateAt(2);
    expect(s.lastGood).toMatchObject({ id: 'clh', version: 2, fetchedAt: NOW.toISOString(), url: 'https://ig.example.nhs.uk/clh/latest.json' });
    expect(s.lastGood!.signer).toMatch(/^[0-9a-f]{4}(:[0-9a-f]{4}){7}$/);
    expect(s.lastUpdateError).toBeNull();
  });

  it('a newer version replaces the last good one; the same bundle again is "unchanged", not an error', async () => {
    const s2 = await stateAt(2);
    const r3 = await judgeOutcome(body(await bundle(3)), s2, judge());
    const s3 = applyResult(s2, r3, NOW);
    expect(s3.lastGood!.version).toBe(3);
    // Ed25519 is deterministic: the same bundle served again is recognised by its signature.
    expect(await judgeOutcome(body(await bundle(3)), s3, judge())).toEqual({ kind: 'unchanged' });
    // A different bundle claiming the version in force is refused.
    const resigned = await judgeOutcome(body(await bundle(3, 'clh', { issued: '2026-11-24T12:00:00Z' })), s3, judge());
    expect(resigned).toMatchObject({ kind: 'failed', reason: expect.stringContaining('version 3 is already in force') });
    expect(await judgeOutcome({ kind: 'not-modified' }, s3, judge())).toEqual({ kind: 'unchanged' });
  });

  it.each<[string, () => Promise<FetchOutcome>, string]>([
    ['older (rollback)', async () => body(await bundle(1)), 'older than version 2 already in force (rollback refused)'],
    ['another trust', async () => body(await bundle(5, 'las')), 'for ruleset "las", not "clh"'],
    ['expired', async () => body(await bundle(5, 'clh', { expires: '2026-01-01T00:00:00Z' })), 'expired'],
    ['unsigned', async () => body({ format: 'think-twice-ruleset/1', payload: (await bundle(5)).payload }), 'not signed'],
    ['tampered', async () => {
      const b = await bundle(5);
      b.payload.issued = '2026-11-25T00:00:00Z';
      return body(b);
    }, 'does not match any trusted key'],
    ['malformed', async () => body('{"format":'), 'not valid JSON'],
    ['not a bundle', async () => body({ hello: 'world' }), 'not a Think Twice ruleset bundle'],
    ['too large', async () => ({ kind: 'too-large', limit: 5 * 1024 * 1024 }), 'larger than 5 MB'],
    ['slow', async () => ({ kind: 'timeout', seconds: 20 }), 'did not answer within 20 seconds'],
    ['down', async () => ({ kind: 'network', detail: 'Failed to fetch' }), 'could not be reached'],
    ['HTTP 404', async () => ({ kind: 'http-error', status: 404 }), 'HTTP error 404'],
  ])('%s: refused, the last good ruleset stays, the reason is in plain words', async (_name, outcome, words) => {
    const s2 = await stateAt(2);
    const r = await judgeOutcome(await outcome(), s2, judge());
    expect(r.kind).toBe('failed');
    const next = applyResult(s2, r, new Date('2026-11-24T11:00:00Z'));
    expect(next.lastGood).toBe(s2.lastGood);
    expect(next.lastUpdateError).toMatch(/^The last update was refused: .+\.$/);
    expect(next.lastUpdateError).toContain(words);
    expect(next.lastCheckedAt).toBe('2026-11-24T11:00:00.000Z');
    expect(next.lastSuccessAt).toBe(s2.lastSuccessAt);
  });

  it('refuses below the managed minimum version, with no keys, and when the ruleset does not compile', async () => {
    expect(await judgeOutcome(body(await bundle(3)), INITIAL_STATE, judge({ minimumVersion: 4 }))).toMatchObject({ reason: expect.stringContaining('below the minimum version 4') });
    expect(await judgeOutcome(body(await bundle(3)), INITIAL_STATE, judge({ trustedKeys: [] }))).toMatchObject({ reason: expect.stringContaining('no trusted signing keys') });
    expect(await judgeOutcome(body(await bundle(3)), INITIAL_STATE, judge({ compiles: () => 'bad rule' }))).toMatchObject({ reason: expect.stringContaining('signed but cannot be used: bad rule') });
  });

  it('a success after a failure clears the error', async () => {
    const s2 = await stateAt(2);
    const failed = applyResult(s2, { kind: 'failed', reason: 'x' }, NOW);
    expect(applyResult(failed, { kind: 'unchanged' }, NOW).lastUpdateError).toBeNull();
  });

  it('the last good ruleset applies only to its own ruleset id', async () => {
    const s2 = await stateAt(2);
    expect(lastGoodFor(s2, 'clh')?.version).toBe(2);
    expect(lastGoodFor(s2, 'las')).toBeNull();
    // Another id in force: versions are not compared with the other trust's.
    expect((await judgeOutcome(body(await bundle(1, 'las')), s2, judge({ expectedId: 'las' }))).kind).toBe('accepted');
  });

  it('jitter keeps checks within ±10% of the interval and never under 15 minutes', () => {
    expect(nextCheckDelayMinutes(360, 0)).toBe(324);
    expect(nextCheckDelayMinutes(360, 1)).toBe(396);
    expect(nextCheckDelayMinutes(15, 0)).toBe(15);
    for (let i = 0; i < 100; i++) {
      const d = nextCheckDelayMinutes(60, Math.random());
      expect(d).toBeGreaterThanOrEqual(54);
      expect(d).toBeLessThanOrEqual(66);
    }
  });
});

describe('fetchBundleText', () => {
  it('sends a plain GET: no credentials, no referrer, revalidated by the HTTP cache', async () => {
    let seen: [string, RequestInit | undefined] | null = null;
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      seen = [url, init];
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    expect(await fetchBundleText('https://ig.example/clh/latest.json', { fetchImpl })).toEqual({ kind: 'body', text: '{}' });
    expect(seen![0]).toBe('https://ig.example/clh/latest.json');
    expect(seen![1]).toMatchObject({ ...REQUEST_INIT });
    expect(REQUEST_INIT).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-cache', referrerPolicy: 'no-referrer' });
    expect((seen![1]!.headers as unknown) ?? null).toBeNull(); // no custom headers: no CORS preflight
  });

  it('stops a body over the cap while it streams, without reading it all', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1024 * 1024));
        if (pulled > 60) c.close();
      },
    });
    const fetchImpl = (async () => new Response(stream, { status: 200 })) as unknown as typeof fetch;
    expect(await fetchBundleText('https://x', { fetchImpl, maxBytes: 5 * 1024 * 1024 })).toEqual({ kind: 'too-large', limit: 5 * 1024 * 1024 });
    expect(pulled).toBeLessThan(10);
  });

  it('refuses a declared Content-Length over the cap at once', async () => {
    const fetchImpl = (async () => new Response('x', { status: 200, headers: { 'content-length': String(50 * 1024 * 1024) } })) as unknown as typeof fetch;
    expect((await fetchBundleText('https://x', { fetchImpl })).kind).toBe('too-large');
  });

  it('times out, reports HTTP errors and network failures', async () => {
    const hang = ((_u: string, init: RequestInit) =>
      new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    expect(await fetchBundleText('https://x', { fetchImpl: hang, timeoutMs: 50 })).toEqual({ kind: 'timeout', seconds: 0 });
    expect(await fetchBundleText('https://x', { fetchImpl: (async () => new Response('', { status: 503 })) as unknown as typeof fetch })).toEqual({ kind: 'http-error', status: 503 });
    expect(await fetchBundleText('https://x', { fetchImpl: (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch })).toEqual({ kind: 'network', detail: 'Failed to fetch' });
  });
});
