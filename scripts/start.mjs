// `npm start` (issue 4): build everything, serve the practice site on 127.0.0.1 and open
// Chromium with the extension loaded on it. Works with no network.
//
//   THINK_TWICE_HEADLESS=1   headless (tests); prints the DevTools URL
//   THINK_TWICE_PORT=8765    the server's port (default 8765, or a free one when taken)
//   THINK_TWICE_BROWSER=...  a Chrome/Chromium binary to use
//   --no-build               skip the build (already built)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPracticeServer } from './practice-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const headless = process.env.THINK_TWICE_HEADLESS === '1';
const site = process.env.THINK_TWICE_SITE ?? 'facebook';

function findBrowser() {
  const candidates = [process.env.THINK_TWICE_BROWSER, '/usr/bin/chromium'].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return c;
  for (const name of ['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found) return found;
    } catch {
      /* not on PATH */
    }
  }
  return null;
}

if (!process.argv.includes('--no-build')) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  for (const step of ['build']) execFileSync(npm, ['run', '--silent', step], { cwd: root, stdio: 'inherit' });
}

const browser = findBrowser();
if (!browser) {
  console.error(
    'Think Twice: no Chrome or Chromium found (looked for /usr/bin/chromium, google-chrome, chromium, chromium-browser).\n' +
      'Install one (Debian/Ubuntu: sudo apt-get install chromium) or set THINK_TWICE_BROWSER=/path/to/chrome.\n' +
      'The extension is built in dist/chrome; the practice site in dist/practice.',
  );
  process.exit(1);
}

let server;
try {
  server = await startPracticeServer({ port: Number(process.env.THINK_TWICE_PORT ?? 8765) });
} catch {
  server = await startPracticeServer({ port: 0 }); // 8765 is taken: any free port
}

const extension = path.join(root, 'dist/chrome');
const profile = path.join(root, '.tmp', `practice-profile-${process.pid}`);
rmSync(profile, { recursive: true, force: true });
mkdirSync(profile, { recursive: true });
// design.md §5: no background traffic, no component updates, no sync, no first-run pages.
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--metrics-recording-only',
];
if (process.getuid?.() === 0) args.push('--no-sandbox'); // Chromium refuses to run as root otherwise
if (headless) args.push('--headless=new', '--disable-gpu', '--remote-debugging-port=0');
args.push(`${server.url}${site}/`);

console.log(`Think Twice practice site: ${server.url}${site}/`);
console.log(`Opening ${browser} with the extension from dist/chrome (fresh profile in .tmp/). Close the browser or press Ctrl+C to stop.`);
const child = spawn(browser, args, { stdio: ['ignore', 'inherit', headless ? 'pipe' : 'inherit'] });
// Headless: pass the DevTools line through for tests to attach to.
child.stderr?.on('data', (d) => {
  const line = String(d);
  const m = line.match(/DevTools listening on (ws:\S+)/);
  if (m) console.log(`DevTools: ${m[1]}`);
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    // Chromium writes to its profile while it exits: wait (briefly) before removing it.
    await new Promise((r) => {
      child.once('exit', r);
      setTimeout(r, 10_000);
    });
  }
  rmSync(profile, { recursive: true, force: true });
  await server.close();
  process.exit(code);
}
child.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
