// `npm run package`: packs dist/chrome into a CRX with Chromium itself, and writes the
// update manifest a managed policy points at (ExtensionInstallForcelist "ID;URL").
//
//   node scripts/package-crx.mjs [--key KEY.pem] [--out DIR] [--codebase URL]
//
// --key: the RSA private key (PKCS#8 PEM) that fixes the extension id. Keep it: a new key
//        is a new extension to every browser. Without one, a throwaway key is generated into
//        .tmp/crx-key.pem (fine for tests and pilots, not for a real deployment).
// --out: where think-twice.crx, update.xml and extension-id.txt go (default dist/).
// --codebase: the URL the CRX will be served from (default https://example.invalid/think-twice.crx).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Chrome extension id: first 32 hex digits of SHA-256 of the public key's DER (SPKI), 0-f mapped to a-p. */
export function extensionIdFromKey(privateKeyPem) {
  const der = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
  return [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** The `key` manifest field (base64 SPKI) that gives an unpacked copy the same id. */
export function manifestKey(privateKeyPem) {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' }).toString('base64');
}

export function updateManifestXml(id, codebase, version) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${esc(id)}'>
    <updatecheck codebase='${esc(codebase)}' version='${esc(version)}' />
  </app>
</gupdate>
`;
}

export function generateKey(file) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
}

/** Packs `sourceDir` with `chromium --pack-extension`; returns { crx, updateXml, id, version }. */
export function packageCrx({ sourceDir = path.join(root, 'dist/chrome'), keyFile, outDir = path.join(root, 'dist'), codebase = 'https://example.invalid/think-twice.crx', chromium = '/usr/bin/chromium' } = {}) {
  if (!existsSync(path.join(sourceDir, 'manifest.json'))) throw new Error(`${sourceDir} has no manifest.json: run \`npm run build\` first`);
  if (!keyFile) {
    keyFile = path.join(root, '.tmp/crx-key.pem');
    if (!existsSync(keyFile)) generateKey(keyFile);
  }
  const pem = readFileSync(keyFile, 'utf8');
  const id = extensionIdFromKey(pem);
  const { version } = JSON.parse(readFileSync(path.join(sourceDir, 'manifest.json'), 'utf8'));
  // Chromium writes DIR.crx beside DIR: pack a private copy so nothing lands in dist/ by surprise.
  const work = mkdtempSync(path.join(tmpdir(), 'think-twice-pack-'));
  try {
    const dir = path.join(work, 'think-twice');
    cpSync(sourceDir, dir, { recursive: true });
    execFileSync(chromium, ['--no-sandbox', '--headless', `--user-data-dir=${path.join(work, 'profile')}`, `--pack-extension=${dir}`, `--pack-extension-key=${path.resolve(keyFile)}`], { stdio: 'pipe', timeout: 60_000 });
    const packed = path.join(work, 'think-twice.crx');
    if (!existsSync(packed)) throw new Error('chromium --pack-extension wrote no CRX');
    mkdirSync(outDir, { recursive: true });
    const crx = path.join(outDir, 'think-twice.crx');
    copyFileSync(packed, crx);
    const updateXml = path.join(outDir, 'update.xml');
    writeFileSync(updateXml, updateManifestXml(id, codebase, version));
    writeFileSync(path.join(outDir, 'extension-id.txt'), `${id}\n`);
    return { crx, updateXml, id, version };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const result = packageCrx({ keyFile: opt('--key') ?? process.env.TT_CRX_KEY, outDir: opt('--out') ? path.resolve(opt('--out')) : undefined, codebase: opt('--codebase') });
  console.log(`packed ${result.crx} (version ${result.version})\nextension id: ${result.id}\nupdate manifest: ${result.updateXml}\nForce-install policy: ExtensionInstallForcelist ["${result.id};https://YOUR-HOST/update.xml"]`);
}
