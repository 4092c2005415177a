/**
 * Signed ruleset updates: fetching the IG team's bundle, deciding what it means, and the
 * state kept in storage.local. No extension APIs here (the worker passes in fetch, the
 * clock and the settings), so the whole state machine runs under Vitest.
 *
 * Privacy: the one request is a plain GET of the configured URL. No cookies or other
 * credentials, no referrer, no query string added, nothing about the user or any post.
 *
 * Least privilege: the extension holds no host permission for the ruleset host (every
 * trust has its own, unknown at build time). The request is an ordinary CORS request from
 * the extension's origin, so the host must answer with `Access-Control-Allow-Origin: *`.
 * `If-None-Match` is sent by the browser's own HTTP cache (`cache: 'no-cache'` makes it
 * revalidate every time): a header set by the script would need a CORS preflight that
 * many static hosts do not answer. A 304 comes back to us as the cached 200 body, which
 * is recognised as "unchanged" by its signature.
 */
import { verifyBundle, type BundleCheck, type VerifyOptions } from '../bundle/bundle.js';
import type { RulesetInput } from '../checker/ruleset/schema.js';

export const MAX_BUNDLE_BYTES = 5 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 20_000;
export const UPDATE_STATE_KEY = 'rulesetUpdate';
export const REFRESH_ALARM = 'ruleset-refresh';

/** The last bundle that passed every check: kept until a newer valid one arrives. */
export interface LastGood {
  id: string;
  version: number;
  /** Fingerprint of the key that signed it. */
  signer: string;
  /** ISO time the bundle was issued by the IG team. */
  issued: string;
  expires: string | null;
  /** ISO time this browser fetched and accepted it. */
  fetchedAt: string;
  url: string;
  /** The signature value, to recognise the same bundle served again. */
  signature: string;
  input: RulesetInput;
}

export interface UpdateState {
  lastGood: LastGood | null;
  /** ISO time of the last attempt, whatever its outcome. */
  lastCheckedAt: string | null;
  /** ISO time of the last attempt that reached a verdict without error. */
  lastSuccessAt: string | null;
  /** Plain words; null when the last attempt was fine. */
  lastUpdateError: string | null;
}

export const INITIAL_STATE: UpdateState = { lastGood: null, lastCheckedAt: null, lastSuccessAt: null, lastUpdateError: null };

export function isUpdateState(v: unknown): v is UpdateState {
  if (!v || typeof v !== 'object') return false;
  const s = v as Partial<UpdateState>;
  return 'lastGood' in s && (s.lastGood === null || (typeof s.lastGood === 'object' && typeof s.lastGood?.version === 'number'));
}

// ---------------------------------------------------------------- fetching

export type FetchOutcome =
  | { kind: 'body'; text: string }
  | { kind: 'not-modified' }
  | { kind: 'http-error'; status: number }
  | { kind: 'too-large'; limit: number }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'network'; detail: string };

export interface FetchOptions {
  fetchImpl?: typeof fetch;
  maxBytes?: number;
  timeoutMs?: number;
}

/** The request options, exported so a test can see exactly what is sent. */
export const REQUEST_INIT: RequestInit = {
  method: 'GET',
  credentials: 'omit',
  cache: 'no-cache',
  redirect: 'follow',
  referrerPolicy: 'no-referrer',
  mode: 'cors',
};

/**
 * GETs the bundle with a deadline and a size cap. A body over the cap is refused while it
 * streams in (the download is aborted; at most maxBytes plus one chunk is ever held).
 */
export async function fetchBundleText(url: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBytes = options.maxBytes ?? MAX_BUNDLE_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetchImpl(url, { ...REQUEST_INIT, signal: controller.signal });
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) {
      controller.abort();
      return { kind: 'http-error', status: response.status };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return { kind: 'too-large', limit: maxBytes };
    }
    if (!response.body) return { kind: 'body', text: await response.text() };
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        controller.abort();
        await reader.cancel().catch(() => undefined);
        return { kind: 'too-large', limit: maxBytes };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { kind: 'body', text: new TextDecoder('utf-8', { fatal: false }).decode(bytes) };
  } catch (e) {
    if (timedOut) return { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) };
    return { kind: 'network', detail: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------- deciding

export type UpdateResult =
  | { kind: 'accepted'; lastGood: LastGood }
  | { kind: 'unchanged' }
  | { kind: 'failed'; reason: string };

export interface Judge {
  url: string;
  now: Date;
  trustedKeys: readonly string[];
  expectedId: string;
  minimumVersion: number;
  /** Checks that the ruleset inside compiles; returns a reason when it does not. */
  compiles(input: RulesetInput): string | null;
  verify?: (input: unknown, options: VerifyOptions) => Promise<BundleCheck>;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** What a fetch outcome means for the ruleset in force. Never throws. */
export async function judgeOutcome(outcome: FetchOutcome, state: UpdateState, j: Judge): Promise<UpdateResult> {
  switch (outcome.kind) {
    case 'not-modified':
      return state.lastGood ? { kind: 'unchanged' } : { kind: 'failed', reason: 'the server said the ruleset was unchanged, but none was ever received' };
    case 'http-error':
      return { kind: 'failed', reason: `the server answered with HTTP error ${outcome.status}` };
    case 'too-large':
      return { kind: 'failed', reason: `the download was larger than ${mb(outcome.limit)} and was stopped (a ruleset is far smaller)` };
    case 'timeout':
      return { kind: 'failed', reason: `the server did not answer within ${outcome.seconds} seconds` };
    case 'network':
      return { kind: 'failed', reason: 'the server could not be reached (offline, wrong address, or it does not allow Think Twice to read it: it must send Access-Control-Allow-Origin: *)' };
    case 'body':
      break;
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(outcome.text);
  } catch {
    return { kind: 'failed', reason: 'the download is not a ruleset bundle (it is not valid JSON)' };
  }
  const last = state.lastGood && state.lastGood.id === j.expectedId ? state.lastGood : null;
  const b = bundle as { payload?: { version?: unknown }; signature?: { value?: unknown } } | null;
  if (last && b && typeof b === 'object' && b.payload?.version === last.version && b.signature?.value === last.signature) return { kind: 'unchanged' };
  const check = await (j.verify ?? verifyBundle)(bundle, {
    trustedKeys: j.trustedKeys.map((publicKey) => ({ publicKey })),
    expectedId: j.expectedId,
    currentVersion: last?.version,
    minimumVersion: j.minimumVersion > 0 ? j.minimumVersion : undefined,
    now: j.now,
  });
  if (!check.ok) return { kind: 'failed', reason: check.reason };
  const problem = j.compiles(check.payload.ruleset);
  if (problem) return { kind: 'failed', reason: `the ruleset is signed but cannot be used: ${problem}` };
  const p = check.payload;
  return {
    kind: 'accepted',
    lastGood: {
      id: p.id,
      version: p.version,
      signer: check.keyFingerprint,
      issued: p.issued,
      expires: p.expires ?? null,
      fetchedAt: j.now.toISOString(),
      url: j.url,
      signature: (bundle as { signature: { value: string } }).signature.value,
      input: p.ruleset,
    },
  };
}

/** The new state after an attempt. Pure: failures never touch the last good ruleset. */
export function applyResult(state: UpdateState, result: UpdateResult, now: Date): UpdateState {
  const at = now.toISOString();
  switch (result.kind) {
    case 'accepted':
      return { lastGood: result.lastGood, lastCheckedAt: at, lastSuccessAt: at, lastUpdateError: null };
    case 'unchanged':
      return { ...state, lastCheckedAt: at, lastSuccessAt: at, lastUpdateError: null };
    case 'failed':
      return { ...state, lastCheckedAt: at, lastUpdateError: sentence(result.reason) };
  }
}

function sentence(reason: string): string {
  const t = `The last update was refused: ${reason}`;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Minutes until the next check: the interval, spread by ±10% so a trust's browsers do not all ask at once. */
export function nextCheckDelayMinutes(intervalMinutes: number, random: number, minimum = 15): number {
  const jitter = 0.9 + 0.2 * Math.min(Math.max(random, 0), 1);
  return Math.max(minimum, Math.round(intervalMinutes * jitter * 10) / 10);
}

/** Whether a stored last-good ruleset applies under the settings in force. */
export function lastGoodFor(state: UpdateState, rulesetId: string): LastGood | null {
  const g = state.lastGood;
  return g && g.id === rulesetId ? g : null;
}
