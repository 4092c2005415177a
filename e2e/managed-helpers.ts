// Helpers for the managed-deployment specs (issue 6): real policy files, a loopback
// publishing server, signed ruleset bundles, and the packed CRX.
//
// Policy files are machine-wide (/etc/chromium/policies/managed/, /etc/firefox/policies/):
// a file left behind changes every later browser on the machine, and other suites may run
// at the same time. So when the kernel allows it (root, as in CI), the browser runs in its
// own mount namespace where a private temp folder is bind-mounted over the policy folder:
// the browser reads a real policy file at the real path, nothing else sees it, and it
// vanishes with the process. Otherwise the file is written at the real path and removed
// in cleanup() (call it from afterAll/finally).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keygen, readPublicKey, signRuleset } from '../src/cli/publishing';
import type { SignedBundle } from '../src/bundle/bundle';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TMP = path.join(root, '.tmp/e2e-managed');

// ---------------------------------------------------------------- policy files

export interface PolicySandbox {
  /** The executable to launch (a wrapper that enters the private namespace, or the browser itself). */
  executable: string;
  /** Where the browser reads the policy file (always the real, documented path). */
  realPath: string;
  /** True when the file is only visible inside the browser's own mount namespace. */
  isolated: boolean;
  write(policy: unknown): void;
  cleanup(): void;
}

function canUnshare(): boolean {
  try {
    execFileSync('unshare', ['-m', 'true'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Chromium: /etc/chromium/policies/managed/think-twice-test.json (Debian's Chromium).
 * Firefox ESR: /etc/firefox/policies/policies.json (Debian's firefox-esr reads it; checked).
 */
export function policySandbox(browser: 'chromium' | 'firefox'): PolicySandbox {
  const mountPoint = browser === 'chromium' ? '/etc/chromium/policies' : '/etc/firefox/policies';
  const relative = browser === 'chromium' ? 'managed/think-twice-test.json' : 'policies.json';
  const binary = browser === 'chromium' ? '/usr/bin/chromium' : '/usr/bin/firefox-esr';
  const realPath = path.join(mountPoint, relative);
  mkdirSync(TMP, { recursive: true });
  if (canUnshare()) {
    const dir = mkdtempSync(path.join(tmpdir(), `think-twice-${browser}-policy-`));
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    mkdirSync(mountPoint, { recursive: true }); // an empty folder: the mount point
    const wrapper = path.join(dir, `${browser}-with-policy.sh`);
    writeFileSync(
      wrapper,
      `#!/bin/sh\n# Runs ${binary} with ${dir} mounted over ${mountPoint}, visible to this process only.\nexec unshare -m sh -c 'mount --bind "$0" "$1" && shift && exec "$@"' "${dir}" "${mountPoint}" ${binary} "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    return {
      executable: wrapper,
      realPath,
      isolated: true,
      write: (policy) => writeFileSync(path.join(dir, relative), JSON.stringify(policy, null, 2)),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  mkdirSync(path.dirname(realPath), { recursive: true });
  if (existsSync(realPath) && browser === 'firefox') throw new Error(`${realPath} already exists: refusing to overwrite the machine's Firefox policy`);
  return {
    executable: binary,
    realPath,
    isolated: false,
    write: (policy) => writeFileSync(realPath, JSON.stringify(policy, null, 2)),
    cleanup: () => rmSync(realPath, { force: true }),
  };
}

// ---------------------------------------------------------------- loopback server

export interface Hit {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LoopbackServer {
  origin: string;
  hits: Hit[];
  route(pathname: string, handler: Handler | null): void;
  /** Stop listening (the server is "down"); resume() listens on the same port again. */
  stop(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 only. Unrouted paths answer 404. */
export async function startServer(): Promise<LoopbackServer> {
  const routes = new Map<string, Handler>();
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    hits.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
    const h = routes.get(pathname);
    if (h) h(req, res);
    else res.writeHead(404).end();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    route: (p, h) => (h ? routes.set(p, h) : routes.delete(p)),
    stop,
    resume: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}

/** What a static host serving `think-twice ruleset publish` output must do: CORS for everyone, ETag, 304. */
export function staticJson(body: () => string, extra: Record<string, string> = {}): Handler {
  return (req, res) => {
    const text = body();
    const etag = `"${Buffer.from(text).length}-${hash(text)}"`;
    const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/json', etag, 'cache-control': 'no-cache', ...extra };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers).end(text);
  };
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

// ---------------------------------------------------------------- signed bundles

export interface Signer {
  publicKey: string;
  keyPath: string;
}

export async function makeSigner(name: string): Promise<Signer> {
  const dir = mkdtempSync(path.join(tmpdir(), `think-twice-key-${name}-`));
  await keygen(dir);
  return { publicKey: readPublicKey(path.join(dir, 'think-twice-signing.pub')), keyPath: path.join(dir, 'think-twice-signing.key') };
}

/**
 * A small self-contained ruleset with id "clh" (what the managed policy expects): an
 * NHS-number block rule, plus one warn rule per phrase. Validated, tested and
 * signed exactly as an IG team would with `think-twice ruleset sign`.
 */
export async function signedClh(version: number, phrases: string[], signer: Signer): Promise<SignedBundle> {
  const dir = mkdtempSync(path.join(tmpdir(), 'think-twice-ruleset-'));
  const folder = path.join(dir, 'clh');
  mkdirSync(folder);
  const rule = (id: string, category: string, severity: string, message: string, match: string, flag: string) => `  - id: ${id}
    category: ${category}
    severity: ${severity}
    clause:
      section: "4.1"
      quote: "Staff and contractors must not disclose confidential information."
      why: "Set by the IG team's signed update (end-to-end test)."
    message: ${JSON.stringify(message)}
    match: ${match}
    examples:
      flag:
        - ${JSON.stringify(flag)}
      ok:
        - "Lovely shift today, thanks to the whole team!"
`;
  const rules = [
    rule('clh.e2e.patient', 'patient-identifiable', 'block', 'This identifies a patient.', '{ detector: nhs-number }', 'Bed 4 is NHS number 943 476 5919'),
    ...phrases.map((phrase, i) => rule(`clh.e2e.phrase-${i + 1}`, 'confidential-business', 'warn', `This mentions ${phrase}, which the IG team asked us to check.`, `{ terms: [${JSON.stringify(phrase)}] }`, `Heads up: ${phrase} starts on Monday`)),
  ];
  writeFileSync(
    path.join(folder, 'ruleset.yaml'),
    `id: clh\nversion: ${version}\npolicy:\n  id: clh\n  title: Central London Healthcare Social Media Policy (IG update v${version})\n  reference: "v1.0"\n  source: clh-social-media-policy.txt\nrules:\n${rules.join('')}`,
  );
  try {
    return await signRuleset(folder, { keyPath: signer.keyPath });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- the packed CRX

export interface PackedCrx {
  id: string;
  crx: Buffer;
  version: string;
  keyPem: string;
}

/** `npm run package` with a fixed test key (kept in .tmp so the id is stable between runs). */
export async function packedCrx(): Promise<PackedCrx> {
  const pkg = await import('../scripts/package-crx.mjs');
  const keyFile = path.join(TMP, 'crx-test-key.pem');
  if (!existsSync(keyFile)) pkg.generateKey(keyFile);
  const out = path.join(TMP, 'crx');
  const r = pkg.packageCrx({ keyFile, outDir: out });
  return { id: r.id, crx: readFileSync(r.crx), version: r.version, keyPem: readFileSync(keyFile, 'utf8') };
}

/** A never-ending JSON-looking body, streamed without Content-Length; counts what was sent. */
export function hugeBody(totalBytes: number, sent: { bytes: number; aborted: boolean }): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' });
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    res.on('close', () => {
      if (sent.bytes < totalBytes) sent.aborted = true;
    });
    const pump = () => {
      while (sent.bytes < totalBytes && !res.destroyed) {
        sent.bytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };
}

export function updateXml(id: string, codebase: string, version: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${id}'><updatecheck codebase='${codebase}' version='${version}' /></app>
</gupdate>
`;
}
